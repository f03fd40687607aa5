"""A file and its copy: the store keeps one article for their text and remembers both paths, so removing or
editing one of them leaves the text the other still holds stored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from store import Store
from tests.conftest import REPO_ROOT
from tests.test_writer_lookups import lookups_match_tables
from tui.cli import main

TITLE = "Springfield harbor plan approved"
HARBOR = (
    f"{TITLE}\n\n"
    "\u201cWe will build it,\u201d said Maria Lopez, the mayor of Springfield.\n\n"
    "The council voted six to one on Tuesday.\n\n"
    "\u201cThis is a waste of money,\u201d said Tom Berg, a councillor.\n"
)
HARBOR_EDITED = HARBOR.replace("We will build it,", "We will build it by June,")


def whosaid(
    capsys: pytest.CaptureFixture[str], command: str, store: Path, *arguments: str, code: int = 0
) -> tuple[str, str]:
    """Run a command on a store, as a user does; its standard output and error."""
    jobs = ["--jobs", "1"] if command == "ingest" else []
    assert main([command, "--db", str(store), *jobs, *arguments]) == code
    captured = capsys.readouterr()
    return captured.out, captured.err


def same_text(path: Path, stored: Path) -> str:
    """What `ingest` prints for a file holding the text of the article stored from another."""
    return f"unchanged {path}: the same text as {stored}, stored already ({TITLE})\n"


def kept(key: str, under: Path, dropped: Path) -> str:
    """What `rm` says on stderr when it takes one path of the article's off and keeps it under another."""
    return f"kept {key} {under}: {TITLE}; no longer read from {dropped}\n0 removed, 1 kept\n"


@pytest.fixture
def copies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, Path]:
    """A store that read a.txt, then b.txt, a copy of it: (store, a.txt, b.txt)."""
    a, b, store = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "store.json"
    a.write_text(HARBOR, encoding="utf-8")
    b.write_text(HARBOR, encoding="utf-8")
    assert whosaid(capsys, "ingest", store, str(a))[0].startswith(f"added {a}: {TITLE}")
    assert whosaid(capsys, "ingest", store, str(b))[0] == same_text(b, a)
    return store, a, b


def paths_quoting(capsys: pytest.CaptureFixture[str], store: Path, words: str) -> list[str]:
    """The paths `search --json` gives for the quotes holding these words."""
    assert main(["search", words, "--db", str(store), "--json"]) == 0
    quotes = json.loads(capsys.readouterr().out)["quotes"]
    return [source["path"] for quote in quotes for source in quote["sources"]]


def test_rm_of_the_first_path_keeps_the_copys_quotes(
    copies: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    store, a, b = copies
    key = Store(store).snapshot.articles[0].key
    assert whosaid(capsys, "rm", store, str(a)) == ("", kept(key, b, a))
    assert paths_quoting(capsys, store, "build") == [str(b)]
    assert paths_quoting(capsys, store, "waste") == [str(b)]
    assert whosaid(capsys, "ingest", store, str(b))[0] == f"unchanged {b}: already stored ({TITLE})\n"
    assert whosaid(capsys, "ingest", store, str(a))[0] == same_text(a, b)
    assert whosaid(capsys, "rm", store, str(b)) == ("", kept(key, a, b))
    assert paths_quoting(capsys, store, "build") == [str(a)]


def test_rm_of_the_copy_takes_only_its_path(
    copies: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    store, a, b = copies
    key = Store(store).snapshot.articles[0].key
    assert whosaid(capsys, "rm", store, str(b)) == ("", kept(key, a, b))
    assert paths_quoting(capsys, store, "build") == [str(a)]
    _, err = whosaid(capsys, "rm", store, str(b), code=2)
    assert err.endswith("no article has this id, path or title\nnothing removed\n")
    assert whosaid(capsys, "ingest", store, str(b))[0] == same_text(b, a)


def test_editing_the_first_file_keeps_the_copys_old_text(
    copies: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    store, a, b = copies
    a.write_text(HARBOR_EDITED, encoding="utf-8")
    out, err = whosaid(capsys, "ingest", store, str(a))
    assert out.startswith(f"replaced {a}: {TITLE} \u2014 ")
    assert out.endswith(f"; its earlier version kept, still the text of {b}\n")
    assert err.splitlines()[-1] == "0 added, 1 replaced, 0 unchanged, 0 failed"
    assert paths_quoting(capsys, store, "build") == [str(b), str(a)]
    assert paths_quoting(capsys, store, "june") == [str(a)]
    out, err = whosaid(capsys, "ingest", store, str(a), str(b))
    assert out.splitlines() == [f"unchanged {a}: already stored ({TITLE})", f"unchanged {b}: already stored ({TITLE})"]
    assert err.splitlines()[-1] == "0 added, 0 replaced, 2 unchanged, 0 failed"


def test_editing_the_copy_keeps_the_first_files_text(
    copies: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    store, a, b = copies
    b.write_text(HARBOR_EDITED, encoding="utf-8")
    out, _ = whosaid(capsys, "ingest", store, str(b))
    assert out.startswith(f"replaced {b}: {TITLE} \u2014 ")
    assert out.endswith(f"; its earlier version kept, still the text of {a}\n")
    assert paths_quoting(capsys, store, "june") == [str(b)]
    b.write_text(HARBOR, encoding="utf-8")
    out, _ = whosaid(capsys, "ingest", store, str(b))
    assert out == f"replaced {b}: now the same text as {a}, stored already ({TITLE}); its earlier version removed\n"
    whosaid(capsys, "search", store, "june", code=1)
    assert paths_quoting(capsys, store, "build") == [str(a)]


@pytest.mark.parametrize("how", ["together", "one by one", "by title"])
def test_rm_of_both_paths_removes_the_article(
    copies: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str], how: str
) -> None:
    store, a, b = copies
    key = Store(store).snapshot.articles[0].key
    if how == "one by one":
        assert whosaid(capsys, "rm", store, str(a)) == ("", kept(key, b, a))
        assert whosaid(capsys, "rm", store, str(b)) == (f"removed {key} {b}: {TITLE}\n", "1 removed\n")
    elif how == "together":
        removed = f"removed {key} {a}: {TITLE} (also read from {b})\n"
        assert whosaid(capsys, "rm", store, str(a), str(b)) == (removed, "1 removed\n")
    else:
        removed = f"removed {key} {a}: {TITLE} (also read from {b})\n"
        assert whosaid(capsys, "rm", store, "harbor plan") == (removed, "1 removed\n")
    assert Store(store).summary().articles == 0
    whosaid(capsys, "search", store, "build", code=1)
    assert whosaid(capsys, "ingest", store, str(b))[0].startswith(f"added {b}: {TITLE}")


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    """`python -m tui` as a user runs it, a process of its own."""
    result = subprocess.run(
        [sys.executable, "-m", "tui", *arguments], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result


def test_the_paths_read_are_kept_in_the_store_from_one_process_to_the_next(tmp_path: Path) -> None:
    a, b, c, store = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt", tmp_path / "store.json"
    for path in (a, b, c):
        path.write_text(HARBOR, encoding="utf-8")
    assert run("ingest", "--db", str(store), "--jobs", "1", str(a), str(b)).stdout.endswith(same_text(b, a))
    lookups_match_tables(store)
    assert run("rm", "--db", str(store), str(a)).stderr.endswith(f"no longer read from {a}\n0 removed, 1 kept\n")
    lookups_match_tables(store)
    assert [article.source for article in Store(store).snapshot.articles] == [str(b)]
    assert run("ingest", "--db", str(store), "--jobs", "1", str(c)).stdout == same_text(c, b)
    a.write_text(HARBOR_EDITED, encoding="utf-8")
    b.write_text(HARBOR_EDITED, encoding="utf-8")
    replaced = run("ingest", "--db", str(store), "--jobs", "1", str(a), str(b)).stdout.splitlines()[1]
    assert replaced.startswith(f"replaced {b}: now the same text as {a}, stored already ({TITLE}); ")
    assert replaced.endswith(f"; its earlier version kept, still the text of {c}")
    lookups_match_tables(store)
    assert [article.source for article in Store(store).snapshot.articles] == [str(c), str(a)]
    found = json.loads(run("search", "--db", str(store), "--json", "build").stdout)
    assert [source["path"] for quote in found["quotes"] for source in quote["sources"]] == [str(c), str(a)]
    assert run("rm", "--db", str(store), str(c)).stdout.startswith("removed ")
    assert run("rm", "--db", str(store), str(b)).stderr.endswith(f"no longer read from {b}\n0 removed, 1 kept\n")
    lookups_match_tables(store)
    assert [article.source for article in Store(store).snapshot.articles] == [str(a)]


def test_a_copy_of_an_article_an_older_extractor_read_is_recorded_as_it_is_read_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A store written before holds a.txt as read by an older extractor: ingesting its copy b.txt reads the text
    again and must remember b.txt too, or `rm a.txt` loses the text b.txt holds."""
    a, b, store = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "store.json"
    a.write_text(HARBOR, encoding="utf-8")
    b.write_text(HARBOR_EDITED, encoding="utf-8")
    Store(store, extractor_version=1).ingest([(str(a), HARBOR), (str(b), HARBOR_EDITED)])
    b.write_text(HARBOR, encoding="utf-8")
    out, _ = whosaid(capsys, "ingest", store, str(b))
    assert out.startswith(f"reextracted {b}: {TITLE}")
    assert paths_quoting(capsys, store, "build") == [str(a)]
    key = Store(store).snapshot.articles[0].key
    assert whosaid(capsys, "rm", store, str(a)) == ("", kept(key, b, a))
    assert paths_quoting(capsys, store, "build") == [str(b)]
    lookups_match_tables(store)


def test_a_file_holding_a_text_read_from_standard_input_becomes_where_it_stands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Standard input names no place to read a text again: a file holding the same text is where the article
    stands from then on, and `rm` of that file removes it (before, it was kept under standard input, removable only
    by id or title)."""
    import io

    a, store = tmp_path / "a.txt", tmp_path / "store.json"
    a.write_text(HARBOR, encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HARBOR.encode("utf-8"))))
    assert whosaid(capsys, "ingest", store, "-")[0].startswith(f"added -: {TITLE}")
    whosaid(capsys, "ingest", store, str(a))
    assert paths_quoting(capsys, store, "build") == [str(a)]
    key = Store(store).snapshot.articles[0].key
    assert whosaid(capsys, "rm", store, str(a)) == (f"removed {key} {a}: {TITLE}\n", "1 removed\n")
    lookups_match_tables(store)


def test_an_article_filter_finds_a_copy_by_either_path(
    copies: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    store, a, b = copies
    for path in (a, b):
        out, _ = whosaid(capsys, "search", store, "build", "--article", path.name, "--json")
        assert [source["path"] for quote in json.loads(out)["quotes"] for source in quote["sources"]] == [str(a)]
        out, _ = whosaid(capsys, "search", store, f"article:{path.stem}", "--json")
        assert len(json.loads(out)["quotes"]) == 2
