"""The `whosaid` command line: extract, ingest, search, and one-line errors that leave the store alone."""

from __future__ import annotations

import json
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


def test_extract_json_has_the_shape_the_scorer_reads(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED_PATH), "--json"]) == 0
    [article] = json.loads(capsys.readouterr().out)["articles"]
    assert article["path"] == str(SEED_PATH)
    text = SEED_PATH.read_text(encoding="utf-8")
    for quote in article["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    assert {"name", "aliases", "role", "organization"} <= set(article["people"][0])
    assert "Jake Sullivan" in {p["name"] for p in article["people"]}


def test_ingest_then_search_finds_the_quote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "harbor.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "store.json"
    assert main(["ingest", "--db", str(store), str(article)]) == 0
    assert "1 added" in capsys.readouterr().out
    assert main(["ingest", "--db", str(store), str(article)]) == 0
    assert "0 added, 1 unchanged" in capsys.readouterr().out
    assert main(["search", "--db", str(store), "waterfront", "--json"]) == 0
    [quote] = json.loads(capsys.readouterr().out)["quotes"]
    assert quote["text"].startswith("This is the biggest investment")
    assert quote["article"] == "Harbor plan wins council vote"


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
    assert main(["search", "--db", str(tmp_path / "s.json"), "zebra"]) == 0
    assert "no quotes match zebra" in capsys.readouterr().out


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
    [line] = result.stderr.splitlines()
    assert line.startswith("whosaid: ") and message in line and name in line
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
