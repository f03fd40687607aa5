"""The `whosaid` command line: extract, ingest, search, and one-line errors that leave the store alone."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, SEED_PATH
from tui.cli import main

ARTICLE = (
    "Harbor plan wins council vote\n\n"
    "PORTSMOUTH \u2014 The city council approved the harbor plan on Monday.\n"
    "\u201cThis is the biggest investment in the waterfront in forty years,\u201d "
    "said Maria Lopez, the mayor of Portsmouth.\n"
)


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m tui` as a user would, without a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *arguments], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )


def test_extract_json_has_the_shape_the_scorer_reads(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SEED_PATH.parent.parent)
    given = f"{SEED_PATH.parent.name}/{SEED_PATH.name}"
    assert main(["extract", given, "--json"]) == 0
    [article] = json.loads(capsys.readouterr().out)["articles"]
    assert article["path"] == given
    assert {source["path"] for quote in article["quotes"] for source in quote["sources"]} == {given}, "one form"
    text = SEED_PATH.read_text(encoding="utf-8")
    for quote in article["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    assert {"name", "aliases", "role", "organization"} <= set(article["people"][0])
    assert "Jake Sullivan" in {p["name"] for p in article["people"]}


def test_extract_prints_quotes_in_the_shape_search_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "harbor.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(article), "--json"]) == 0
    [extracted] = json.loads(capsys.readouterr().out)["articles"][0]["quotes"]
    assert main(["ingest", "--db", str(tmp_path / "s.json"), str(article)]) == 0
    capsys.readouterr()
    assert main(["search", "--db", str(tmp_path / "s.json"), "waterfront", "--json"]) == 0
    [searched] = json.loads(capsys.readouterr().out)["quotes"]
    shared = ("text", "speaker", "role", "organization")
    assert {key: extracted[key] for key in shared} == {key: searched[key] for key in shared}
    assert extracted["speaker"] == "Maria Lopez"
    [from_extract], [from_search] = extracted["sources"], searched["sources"]
    assert from_extract.pop("article") is None and from_search.pop("article")
    assert from_extract == from_search


def test_ingest_then_search_finds_the_quote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "harbor.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "store.json"
    assert main(["ingest", "--db", str(store), str(article)]) == 0
    output = capsys.readouterr()
    assert output.out.startswith(f"added {article}: Harbor plan wins council vote")
    assert output.err.splitlines()[-1] == "1 added, 0 replaced, 0 unchanged, 0 failed"
    assert main(["ingest", "--db", str(store), str(article)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "0 added, 0 replaced, 1 unchanged, 0 failed"
    assert main(["search", "--db", str(store), "waterfront", "--json"]) == 0
    [quote] = json.loads(capsys.readouterr().out)["quotes"]
    assert quote["text"].startswith("This is the biggest investment")
    assert quote["sources"][0]["title"] == "Harbor plan wins council vote"


def test_a_store_opened_through_a_link_is_the_store_it_links_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through a link, the store's tables were looked for beside the link: a search said the store was damaged, and
    an ingest failed and left a lock beside the link."""
    article = tmp_path / "harbor.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "real").mkdir()
    (tmp_path / "elsewhere").mkdir()
    store = tmp_path / "real" / "store.json"
    assert main(["ingest", "--db", str(store), str(article)]) == 0
    link = tmp_path / "elsewhere" / "store.json"
    link.symlink_to(store)
    capsys.readouterr()
    assert main(["search", "--db", str(link), "waterfront"]) == 0
    assert "Maria Lopez" in capsys.readouterr().out
    assert main(["ingest", "--db", str(link), str(article)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "0 added, 0 replaced, 1 unchanged, 0 failed"
    assert sorted(path.name for path in link.parent.iterdir()) == ["store.json"] and link.is_symlink()


def test_search_on_a_seeded_store_finds_the_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "s.json"
    assert main(["ingest", "--db", str(store), str(SEED_PATH)]) == 0
    capsys.readouterr()
    assert main(["--db", str(store), "search", "production"]) == 0
    assert "Jake Sullivan" in capsys.readouterr().out


@pytest.mark.parametrize("how", ["option", "environment"])
def test_search_of_a_missing_store_says_so_and_creates_nothing(tmp_path: Path, how: str) -> None:
    mistyped = tmp_path / "stroe.json"
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    arguments = [sys.executable, "-m", "tui", "search", "production"]
    if how == "option":
        arguments += ["--db", str(mistyped)]
    else:
        environment["WHOSAID_DB"] = str(mistyped)
    result = subprocess.run(arguments, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, env=environment)
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"whosaid: no store at {mistyped}")
    assert list(tmp_path.iterdir()) == []


def test_search_with_no_match_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--db", str(tmp_path / "s.json"), str(SEED_PATH)]) == 0
    capsys.readouterr()
    assert main(["search", "--db", str(tmp_path / "s.json"), "zebra"]) == 1
    assert capsys.readouterr() == ("", "0 quotes\n")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty article"),
        ("blank.txt", b" \n\t\n", "empty article"),
        ("binary.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "Caf\u00e9 au lait said Jos\u00e9.".encode("latin-1"), "not UTF-8 text"),
    ],
)
def test_bad_article_is_one_line_error_exit_2_store_untouched(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    store = tmp_path / "store.json"
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    assert run("ingest", "--db", str(store), str(good)).returncode == 0
    before = store.read_bytes()
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    result = run("ingest", "--db", str(store), str(bad))
    assert result.returncode == 2
    [line, summary] = result.stderr.splitlines()
    assert line.startswith("whosaid: ") and message in line and name in line
    assert summary == "0 added, 0 replaced, 0 unchanged, 1 failed"
    assert "Traceback" not in result.stderr
    assert store.read_bytes() == before


def test_extract_of_a_bad_file_is_one_line_error(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "nope.txt"), "--json")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no such file" in result.stderr


def test_corrupt_store_is_reported_and_kept(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    store.write_text("{broken")
    result = run("search", "--db", str(store), "anything")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "store.json" in line and "not valid JSON" in line
    assert store.read_text() == "{broken"


def test_store_location_comes_from_the_environment(tmp_path: Path) -> None:
    store = tmp_path / "from-env.json"
    result = subprocess.run(
        [sys.executable, "-m", "tui", "ingest", str(SEED_PATH)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
        env={"WHOSAID_DB": str(store), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert store.exists()


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("whosaid ")
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = capsys.readouterr().out
    for command in ("ingest", "search", "extract"):
        assert command in help_text


def test_a_file_name_holding_an_escape_sequence_is_named_as_it_is_in_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The escape sequence was taken out of the name ('empty.txt'), naming a file that is not there."""
    empty = tmp_path / "e\x1b[31mmpty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["ingest", "--db", str(tmp_path / "store.json"), str(empty)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path}/e\\x1b[31mmpty.txt: empty article" in err and "\x1b" not in err


def test_a_file_name_that_is_not_utf8_is_stored_and_printed_with_its_bytes_escaped(tmp_path: Path) -> None:
    """Such a name (read as lone surrogates) ended every ingest of its folder in a traceback, storing nothing, and
    plain `extract` wrote its raw bytes (0x9B is a terminal's CSI) to standard output."""
    folder = tmp_path / "articles"
    folder.mkdir()
    latin1 = os.fsdecode(bytes(folder) + b"/caf\xe9.txt")
    control = os.fsdecode(bytes(folder) + b"/x\x9b31m.txt")
    Path(latin1).write_text(ARTICLE, encoding="utf-8")
    Path(control).write_text(ARTICLE.replace("Maria Lopez", "Ana Ruiz"), encoding="utf-8")
    store = str(tmp_path / "store.json")
    ingested = run("ingest", "--db", store, str(folder))
    assert ingested.returncode == 0, ingested.stderr
    assert ingested.stderr.splitlines()[-1] == "2 added, 0 replaced, 0 unchanged, 0 failed"
    found = json.loads(run("search", "--db", store, "waterfront", "--json").stdout)
    paths = {source["path"] for quote in found["quotes"] for source in quote["sources"]}
    assert paths == {f"{folder}/caf\\xe9.txt", f"{folder}/x\\x9b31m.txt"}
    for form in ((), ("--json",), ("--jsonl",)):
        result = subprocess.run(
            [sys.executable, "-m", "tui", "extract", str(folder), *form], cwd=REPO_ROOT, capture_output=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert b"\x9b" not in result.stdout and b"\xe9" not in result.stdout, form
        assert b"/caf\\" in result.stdout and b"xe9.txt" in result.stdout, form
    removed = run("rm", "--db", store, latin1)
    assert removed.returncode == 0, removed.stderr
    assert json.loads(run("search", "--db", store, "waterfront", "--json").stdout)["quotes"][0]["speaker"] == "Ana Ruiz"


def test_output_never_carries_terminal_control_sequences(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Markup [bold]and[/] escapes\n\n"
        "\u201cWe paid \x1b[31mred\x1b[0m and \x1b]52;c;aGk=\x07 it [link=http://x]now[/link],\u201d "
        "said Maria Lopez.\n",
        encoding="utf-8",
    )
    store = tmp_path / "s.json"
    for arguments in (
        ("extract", str(hostile)),
        ("extract", str(hostile), "--json"),
        ("ingest", "--db", str(store), str(hostile)),
        ("search", "--db", str(store), "paid"),
        ("search", "--db", str(store), "paid", "--json"),
    ):
        result = run(*arguments)
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, arguments
    assert "[bold]" in run("extract", str(hostile)).stdout


def test_a_command_other_than_the_browser_resumes_the_paused_cycle_collector(tmp_path: Path) -> None:
    import gc

    assert main(["--db", str(tmp_path / "s.json"), "ingest", str(SEED_PATH)]) == 0
    gc.disable()
    try:
        assert main(["--db", str(tmp_path / "s.json"), "search", "production"]) == 0
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def write_synthetic_articles(directory: Path, count: int) -> list[Path]:
    """`count` generated articles in `directory`, each with its own people and quotes."""
    from benchmarks.synthetic import synthetic_article

    directory.mkdir(parents=True, exist_ok=True)
    paths = [directory / f"article-{number:03d}.txt" for number in range(count)]
    for number, path in enumerate(paths):
        path.write_text(synthetic_article(number), encoding="utf-8")
    return paths


def test_ingest_into_a_pipe_closed_early_still_stores_everything(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    write_synthetic_articles(articles, 40)
    store = tmp_path / "store.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "ingest", "--db", str(store), "--batch-size", "4", str(articles)],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    first_lines = [process.stdout.readline(), process.stdout.readline()]
    process.stdout.close()
    errors = process.stderr.read()
    assert process.wait(timeout=120) == 0, errors
    assert all(line.startswith("added ") for line in first_lines)
    assert "Traceback" not in errors and "Exception" not in errors
    assert errors.splitlines() == ["40 added, 0 replaced, 0 unchanged, 0 failed"]
    again = run("ingest", "--db", str(store), str(articles))
    assert again.stderr.splitlines()[-1] == "0 added, 0 replaced, 40 unchanged, 0 failed"


def test_directory_ingest_says_what_it_skipped_and_why(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    write_synthetic_articles(articles, 2)
    (articles / "photo.jpg").write_bytes(b"\xff\xd8")
    (articles / "nested").mkdir()
    (articles / "nested" / "notes.pdf").write_bytes(b"%PDF")
    (articles / "moved.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(articles / "nested" / "feed.txt")
    result = run("ingest", "--db", str(tmp_path / "store.json"), str(articles))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"whosaid: {articles}: skipped 2 files not named .txt, .md, .html, .htm, .xml, .rss, .atom, .json or .jsonl "
        "(nested/notes.pdf, photo.jpg)",
        f"whosaid: {articles}: skipped 2 entries named as articles that are not a regular file (a broken link, a pipe "
        "or a device)",
        "2 added, 0 replaced, 0 unchanged, 0 failed",
    ]


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--batch-size", "0"),
        ("--batch-size", "-3"),
        ("--batch-size", "ten"),
        ("--batch-size", "99999999999999999999"),
        ("--jobs", "0"),
        ("--jobs", "1.5"),
        ("--jobs", "99999999"),
    ],
)
def test_batch_size_and_jobs_must_be_whole_numbers_within_bounds(tmp_path: Path, option: str, value: str) -> None:
    """A count that sizes what the ingest holds or starts is checked before anything is done, in one line: not a
    traceback for a number past what Python can slice, nor a hang starting a hundred million processes."""
    result = run("ingest", "--db", str(tmp_path / "store.json"), option, value, str(SEED_PATH))
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"whosaid: argument {option}:") and repr(value) in line
    assert list(tmp_path.iterdir()) == []


def test_a_limit_past_what_python_can_count_prints_every_match(tmp_path: Path) -> None:
    db = str(tmp_path / "store.json")
    assert run("ingest", "--db", db, str(SEED_PATH)).returncode == 0
    everything = run("search", "--db", db, "ukraine")
    limited = run("search", "--db", db, "ukraine", "--limit", "99999999999999999999")
    assert limited.returncode == 0, limited.stderr
    assert limited.stdout == everything.stdout and limited.stdout


def test_dash_reads_the_article_from_standard_input(tmp_path: Path) -> None:
    piped = {"input": ARTICLE, "cwd": REPO_ROOT, "capture_output": True, "text": True, "timeout": 120}
    extracted = subprocess.run([sys.executable, "-m", "tui", "extract", "-", "--json"], **piped)
    assert extracted.returncode == 0, extracted.stderr
    [article] = json.loads(extracted.stdout)["articles"]
    assert article["path"] == "-" and article["title"] == "Harbor plan wins council vote"
    assert [q["speaker"] for q in article["quotes"]] == ["Maria Lopez"]
    store = tmp_path / "store.json"
    ingested = subprocess.run([sys.executable, "-m", "tui", "ingest", "--db", str(store), "-"], **piped)
    assert ingested.returncode == 0, ingested.stderr
    assert ingested.stderr.splitlines()[-1] == "1 added, 0 replaced, 0 unchanged, 0 failed"
    assert "waterfront" in run("search", "--db", str(store), "waterfront").stdout


def test_dash_named_twice_reads_standard_input_once(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    piped = {"input": ARTICLE, "cwd": REPO_ROOT, "capture_output": True, "text": True, "timeout": 120}
    ingested = subprocess.run([sys.executable, "-m", "tui", "ingest", "--db", str(store), "-", "-"], **piped)
    assert ingested.returncode == 0, ingested.stderr
    assert ingested.stderr.splitlines() == [
        "whosaid: -: standard input named more than once; read once",
        "1 added, 0 replaced, 0 unchanged, 0 failed",
    ]
    extracted = subprocess.run([sys.executable, "-m", "tui", "extract", "-", "-", "--json"], **piped)
    assert extracted.returncode == 0, extracted.stderr
    assert len(json.loads(extracted.stdout)["articles"]) == 1


def test_dash_with_nothing_on_standard_input_is_an_empty_article(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "extract", "-"], input="", cwd=REPO_ROOT, capture_output=True, text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["whosaid: standard input: empty article (no text)"]


def test_extract_of_a_directory_reads_it_like_ingest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = tmp_path / "articles"
    paths = write_synthetic_articles(articles / "2024", 3)
    (articles / "readme.pdf").write_bytes(b"%PDF")
    assert main(["extract", str(articles), "--json"]) == 0
    output = capsys.readouterr()
    assert [a["path"] for a in json.loads(output.out)["articles"]] == [str(p) for p in paths]
    assert "skipped 1 file not named .txt, .md, .html, .htm, .xml, .rss, .atom, .json or .jsonl" in output.err


def test_ingest_says_one_person_and_one_quote_in_the_singular(tmp_path: Path) -> None:
    article = tmp_path / "bridge.txt"
    article.write_text('Minister Anna Berg said: "We will build the bridge."\n', encoding="utf-8")
    result = run("ingest", "--db", str(tmp_path / "store.json"), str(article))
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("\u2014 1 person, 0 organizations, 1 quote"), result.stdout


@pytest.mark.parametrize("command", [["ingest", "x.txt"], ["search", "harbor"], ["export"], ["rm", "x"], []])
def test_an_empty_store_path_is_an_error_never_the_default_store(tmp_path: Path, command: list[str]) -> None:
    """`--db "$UNSET"` wrote into the user's own store."""
    data = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-m", "tui", *command[:1], "--db", "", *command[1:]],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
        env={**os.environ, "XDG_DATA_HOME": str(data), "WHOSAID_DB": ""},
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("whosaid: argument --db: an empty path names no store"), done.stderr
    assert not data.exists()


def test_a_folder_ingested_into_the_store_it_holds_skips_the_store_s_own_files(tmp_path: Path) -> None:
    """From the second ingest on, the store's manifest, tables and lookups were read as articles that failed."""
    (tmp_path / "harbor.txt").write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "store.json"
    assert run("ingest", "--db", str(store), str(tmp_path)).returncode == 0
    again = run("ingest", "--db", str(store), str(tmp_path))
    assert again.returncode == 0, again.stderr
    assert f"whosaid: {tmp_path}: skipped" in again.stderr and "files of the store itself" in again.stderr
    assert "not named" not in again.stderr, "the store's lock file is one of its own, not a file of another kind"
    assert again.stderr.splitlines()[-1] == "0 added, 0 replaced, 1 unchanged, 0 failed"


def test_one_wire_story_from_two_outlets_is_two_articles_and_its_quote_lists_both(tmp_path: Path) -> None:
    """The second outlet's printing of the same text was reported "unchanged" and dropped, title, link and date."""
    text = "LISBON \u2014 \u201cThe bridge opens in May,\u201d said Rita Vaz, the city's engineer."
    items = [
        {"text": text, "title": title, "url": url, "source": outlet, "date": date}
        for title, url, outlet, date in (
            ("Bridge opens in May", "https://one.example/a", "One", "2025-03-01"),
            ("Lisbon bridge in May", "https://two.example/b", "Two", "2025-03-02"),
        )
    ]
    feed = tmp_path / "wire.jsonl"
    feed.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    store = str(tmp_path / "store.json")
    done = run("ingest", "--db", store, str(feed))
    assert done.stderr.splitlines()[-1] == "2 added, 0 replaced, 0 unchanged, 0 failed", done.stderr
    found = run("search", "--db", store, "bridge", "--json")
    [quote] = json.loads(found.stdout)["quotes"]
    assert [(source["outlet"], source["title"], source["date"]) for source in quote["sources"]] == [
        ("One", "Bridge opens in May", "2025-03-01"),
        ("Two", "Lisbon bridge in May", "2025-03-02"),
    ]
    again = tmp_path / "again.jsonl"
    again.write_text(feed.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("ingest", "--db", store, str(feed), str(again)).stderr.splitlines()[-1] == (
        "0 added, 0 replaced, 4 unchanged, 0 failed"
    )
    tracked = tmp_path / "tracked.jsonl"
    tracked.write_text(json.dumps({**items[0], "url": "http://www.one.example/a/?utm_source=feed"}) + "\n")
    assert run("ingest", "--db", store, str(tracked)).stderr.splitlines()[-1] == (
        "0 added, 0 replaced, 1 unchanged, 0 failed"
    ), "the same page under another scheme, host prefix or query is the same printing"
    copy = tmp_path / "copy.txt"
    plain = tmp_path / "plain.txt"
    for path in (plain, copy):
        path.write_text("Bridge\n\n" + text + "\n", encoding="utf-8")
    assert run("ingest", "--db", store, str(plain), str(copy)).stderr.splitlines()[-1] == (
        "1 added, 0 replaced, 1 unchanged, 0 failed"
    )


@pytest.mark.parametrize(
    ("damage", "command"),
    [
        ("foreign", ["search", "waterfront"]),
        ("foreign", ["export"]),
        ("cut", ["search", "waterfront"]),
        ("cut", ["search", "--article", "harbor"]),
        ("cut", ["export"]),
        ("garbled", ["search", "waterfront"]),
        ("garbled", ["export"]),
    ],
)
def test_a_damaged_quotes_file_is_one_line_and_exit_2(tmp_path: Path, damage: str, command: list[str]) -> None:
    """A quotes file of another shape ended in a traceback, and one cut short made `--article` say "0 quotes"."""
    article = tmp_path / "harbor.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "store.json"
    assert run("ingest", "--db", str(store), str(article)).returncode == 0
    (quotes,) = (tmp_path / "store.json.d").glob("quotes.*.json")
    stored = quotes.read_bytes()
    if damage == "foreign":
        quotes.write_text('{"_default": {"1": {"x": 1}}}', encoding="utf-8")
    elif damage == "cut":
        quotes.write_bytes(stored[:50])
    else:
        quotes.write_bytes(stored[:50] + b"\x00" * (len(stored) - 50))
    done = run(command[0], "--db", str(store), *command[1:])
    assert (done.returncode, done.stdout) == (2, ""), done.stderr
    sizes = "" if damage == "garbled" else f" ({quotes.stat().st_size} bytes where the store wrote {len(stored)} bytes)"
    assert done.stderr == f"whosaid: {quotes}: damaged table file{sizes}; the store cannot be read\n"


def test_inputs_that_crashed_the_reader_are_one_line_each_and_the_rest_stored(tmp_path: Path) -> None:
    """A JSON article holding half a UTF-16 pair ("\\ud800") ended the ingest in a traceback, storing none of the
    good articles beside it; JSON nested too deeply gave a RecursionError; an ftp:// link was named "ftp:/…"."""
    good = tmp_path / "harbor.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    surrogate = tmp_path / "surr.jsonl"
    surrogate.write_text('{"text": "\\"Hi \\ud800 there,\\" said Bo Ek, a judge.", "title": "x\\udc00"}\n')
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    store = str(tmp_path / "store.json")
    done = run("ingest", "--db", store, str(good), str(surrogate), str(deep), "ftp://example.com/a")
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert f"whosaid: {deep}: no article in the file (line 1: not an article (its JSON is nested too deeply))" in (
        done.stderr
    )
    assert "whosaid: ftp://example.com/a: only http and https links can be read" in done.stderr
    assert done.stderr.splitlines()[-1] == "2 added, 0 replaced, 0 unchanged, 2 failed"
    found = json.loads(run("search", "--db", store, "there", "--json").stdout)["quotes"]
    assert [quote["text"] for quote in found] == ["Hi \ufffd there,"]
    for form in ((), ("--json",), ("--jsonl",)):
        assert run("extract", str(surrogate), *form).returncode == 0, form


@pytest.mark.parametrize("arguments", [["search", "harbor"], ["ingest", "x.txt"], ["export"]])
def test_a_store_path_that_is_a_device_is_one_line_and_exit_2(arguments: list[str]) -> None:
    """--db /dev/zero was read without end until the process was killed."""
    done = subprocess.run(
        [sys.executable, "-m", "tui", arguments[0], "--db", "/dev/zero", *arguments[1:]],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "whosaid: /dev/zero: not a store file (a device or a pipe); pass another --db\n"


@pytest.mark.parametrize("arguments", [["ingest", "-"], ["extract", "-"], ["ingest", "--extracted", "-"]])
def test_standard_input_closed_is_one_line_and_exit_2(tmp_path: Path, arguments: list[str]) -> None:
    store = ["--db", str(tmp_path / "s.json")] if arguments[0] == "ingest" else []
    done = subprocess.run(
        [sys.executable, "-m", "tui", *arguments, *store],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "standard input: closed, nothing to read" in done.stderr


class GoneReader(io.StringIO):
    """Standard output whose reader goes away once it has read the first write."""

    def write(self, text: str) -> int:
        if self.getvalue():
            raise BrokenPipeError
        return super().write(text)


@pytest.mark.parametrize("form", [[], ["--jsonl"]])
def test_extract_into_a_reader_that_has_gone_stops_extracting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: list[str]
) -> None:
    """`extract DIR | head -1` extracted every file after the reader had gone (30-40 s for 10,000 files)."""
    from store import extraction

    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(50):
        (folder / f"a{number:03}.txt").write_text(ARTICLE.replace("Maria", f"Maria{number}"), encoding="utf-8")
    extracted: list[str] = []
    real = extraction.extract

    def counted(text: str, *rest: object) -> object:
        extracted.append(text)
        return real(text)

    import store as store_api

    monkeypatch.setattr(extraction, "extract", counted)
    monkeypatch.setattr(store_api, "extract", counted, raising=False)
    monkeypatch.setattr(sys, "stdout", GoneReader())
    assert main(["extract", str(folder), *form]) == 0
    assert 1 <= len(extracted) <= 3, len(extracted)


def test_a_file_name_that_is_not_utf8_is_named_alike_in_every_message(tmp_path: Path) -> None:
    """Standard output wrote "caf\\xe9.txt" and every error "caf\\udce9.txt"."""
    missing = os.fsdecode(bytes(tmp_path) + b"/missing\xfe.txt")
    done = run("ingest", "--db", str(tmp_path / "store.json"), missing)
    assert f"whosaid: {tmp_path}/missing\\xfe.txt: no such file" in done.stderr, done.stderr


def test_whosaid_s_own_exports_in_a_folder_are_not_read_as_articles(tmp_path: Path) -> None:
    """The app's e writes whosaid-export-….md into the folder it runs in: ingested again, it became an article
    whose quotes were given to the people named around them."""
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "harbor.txt").write_text(ARTICLE, encoding="utf-8")
    store = str(tmp_path / "store.json")
    assert run("ingest", "--db", store, str(folder)).returncode == 0
    assert run("export", "--db", store, "-o", str(folder / "whosaid-export-20261201-101500.md")).returncode == 0
    assert run("export", "--db", store, "--format", "jsonl", "-o", str(folder / "quotes.jsonl")).returncode == 0
    assert run("export", "--db", store, "-o", str(folder / "out.md")).returncode == 0
    saved = run("search", "--db", store, "lopez")
    assert saved.stdout.startswith("\u201cThis is the biggest")
    (folder / "saved.txt").write_text(saved.stdout, encoding="utf-8")
    again = run("ingest", "--db", store, str(folder))
    assert f"whosaid: {folder}: skipped 4 files of whosaid's own quotes (an export or a saved search)" in again.stderr
    assert again.stderr.splitlines()[-1] == "0 added, 0 replaced, 1 unchanged, 0 failed"
    (folder / "notes.md").write_text("- \u201cA quote\u201d \u2014 a list a reporter wrote\n\nThen a paragraph.\n")
    assert "1 added" in run("ingest", "--db", store, str(folder)).stderr, "a file only starting like one is read"


def test_an_empty_output_path_is_an_error(tmp_path: Path) -> None:
    """`export -o ""` said ": cannot write (is a directory)"."""
    store = tmp_path / "store.json"
    (tmp_path / "harbor.txt").write_text(ARTICLE, encoding="utf-8")
    assert run("ingest", "--db", str(store), str(tmp_path / "harbor.txt")).returncode == 0
    done = run("export", "--db", str(store), "-o", "")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("whosaid: argument -o/--output: an empty path names no file")


@pytest.mark.parametrize("command", ["extract", "search"])
def test_json_and_jsonl_together_are_refused(command: str, tmp_path: Path) -> None:
    """`extract --json --jsonl` printed JSON Lines, where `search` refused the pair."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run(command, "--json", "--jsonl", str(article) if command == "extract" else "harbor")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("whosaid: argument --jsonl: not allowed with argument --json")


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--port", "abc", "'abc' is not a whole number"),
        ("--port", "70000", "'70000' is not a port number (0 to 65535)"),
        ("--max-sessions", "0", "'0' must be at least 1"),
        ("--idle-timeout", "-1", "'-1' must be 0 (no limit) or more"),
        ("--idle-timeout", "soon", "'soon' is not a number of minutes"),
    ],
)
def test_serve_s_numbers_are_checked_as_every_command_checks_its_numbers(option: str, value: str, message: str) -> None:
    done = run("serve", option, value)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"whosaid: argument {option}: {message} (see 'whosaid serve --help')"]


@pytest.mark.parametrize("command", ["ingest", "extract", "search", "export", "rm", "reextract", "serve"])
def test_every_command_s_help_says_what_it_does_before_its_options(command: str) -> None:
    done = run(command, "--help")
    description = done.stdout.split("\n\n")[1]
    assert done.returncode == 0 and not description.startswith(("positional arguments", "options")), command
