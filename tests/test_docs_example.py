"""docs/parallel_extract.py: a folder extracted in worker processes loads, with the real `whosaid ingest
--extracted`, into a store that answers searches as one made by ingesting the texts does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "docs" / "parallel_extract.py"
HARBOUR = (
    "---\ntitle: Harbour dredging approved\noutlet: Coastal Courier\ndate: 2025-03-04\n---\n"
    "The port will be dredged next spring.\n\n"
    "\u201cThe channel must be deeper before the winter storms,\u201d said Greta Lindahl, the harbour master.\n\n"
    "\u201cWe will watch the fish stocks closely,\u201d said Tomas Berg, a biologist at the Marine Institute.\n"
)
BRIDGE = (
    "Bridge repairs begin\n\n"
    "Engineers closed the old bridge on Monday.\n\n"
    "\u201cThe bridge will reopen in June,\u201d said Amara Osei, the city engineer.\n\n"
    "\u201cTraffic on the harbour road will double until then,\u201d Osei added.\n"
)
LIBRARY = (
    "Library extends its hours\n\n"
    "\u201cStudents asked for evenings, and the harbour district gets them first,\u201d said Ruth Kallio, "
    "the head librarian.\n"
)


def news_folder(tmp_path: Path) -> Path:
    """Three articles, one of them Markdown with front matter, one in a subfolder."""
    folder = tmp_path / "news"
    (folder / "city").mkdir(parents=True)
    (folder / "harbour.md").write_text(HARBOUR, encoding="utf-8")
    (folder / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (folder / "city" / "library.txt").write_text(LIBRARY, encoding="utf-8")
    return folder


def run(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    """A whole process, as a user runs it, with its output."""
    return subprocess.run([sys.executable, *map(str, arguments)], capture_output=True, text=True, timeout=120)


def whosaid(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    """The installed `whosaid` command, in its own process."""
    return run("-m", "tui", *arguments)


def searched(store: Path, *words: str) -> list[dict[str, object]]:
    """The quotes `whosaid search WORDS --json` prints from a store."""
    result = whosaid("search", *words, "--json", "--db", store)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["quotes"]


def test_the_example_writes_the_lines_extract_jsonl_prints(tmp_path: Path) -> None:
    folder = news_folder(tmp_path)
    lines = tmp_path / "news.jsonl"
    example = run(EXAMPLE, folder, lines, "--jobs", "2")
    assert example.returncode == 0 and example.stderr == ""
    printed = whosaid("extract", folder, "--jsonl")
    assert printed.returncode == 0, printed.stderr
    written = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert written == [json.loads(line) for line in printed.stdout.splitlines()]
    assert [Path(line["source"]).name for line in written] == ["bridge.txt", "library.txt", "harbour.md"]


def test_the_lines_load_into_a_store_that_answers_as_ingesting_the_texts_does(tmp_path: Path) -> None:
    folder = news_folder(tmp_path)
    lines = tmp_path / "news.jsonl"
    assert run(EXAMPLE, folder, lines, "--jobs", "2").returncode == 0
    loaded, ingested = tmp_path / "loaded.json", tmp_path / "ingested.json"
    load = whosaid("ingest", "--extracted", lines, "--db", loaded)
    assert load.returncode == 0, load.stderr
    assert load.stderr.strip().splitlines()[-1] == "3 added, 0 replaced, 0 unchanged, 0 failed"
    assert whosaid("ingest", folder, "--db", ingested, "--jobs", "1").returncode == 0

    harbour = searched(loaded, "harbour")
    assert [(quote["text"], quote["speaker"]) for quote in harbour] == [
        ("Traffic on the harbour road will double until then,", "Amara Osei"),
        ("Students asked for evenings, and the harbour district gets them first,", "Ruth Kallio"),
    ]
    assert harbour == searched(ingested, "harbour")
    [channel] = searched(loaded, "speaker:Lindahl")
    assert channel["text"] == "The channel must be deeper before the winter storms,"
    assert channel["role"] == "harbour master"
    assert (channel["sources"][0]["outlet"], channel["sources"][0]["date"]) == ("Coastal Courier", "2025-03-04")
    assert searched(loaded, "--source", "Coastal Courier") == searched(ingested, "--source", "Coastal Courier")


def test_a_file_that_cannot_be_read_is_reported_and_the_others_written(tmp_path: Path) -> None:
    folder = news_folder(tmp_path)
    (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    lines = tmp_path / "news.jsonl"
    example = run(EXAMPLE, folder, lines, "--jobs", "2")
    assert example.returncode == 2
    assert example.stderr.splitlines() == [f"{folder / 'scan.txt'}: binary file (contains NUL bytes), not an article"]
    assert len(lines.read_text(encoding="utf-8").splitlines()) == 3


def test_a_folder_that_is_not_there_or_holds_no_article_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = run(EXAMPLE, tmp_path / "missing", tmp_path / "out.jsonl")
    assert (missing.returncode, missing.stderr) == (2, f"parallel_extract: {tmp_path / 'missing'}: not a directory\n")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF-1.4")
    empty = run(EXAMPLE, tmp_path / "empty", tmp_path / "out.jsonl")
    assert (empty.returncode, empty.stderr) == (2, f"parallel_extract: {tmp_path / 'empty'}: no article files in it\n")
    assert not (tmp_path / "out.jsonl").exists()
