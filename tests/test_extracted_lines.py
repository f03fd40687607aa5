"""The pair for extracting elsewhere: `extract --jsonl` lines, stored by `ingest --extracted` without extracting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import Store
from store.extraction import EXTRACTOR_VERSION
from tests.test_ingest_jobs import store_contents, write_articles
from tui.cli import main


def extracted_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], count: int = 6) -> tuple[Path, Path]:
    """A folder of articles and the `extract --jsonl` lines of it."""
    folder = tmp_path / "news"
    write_articles(folder, count)
    assert main(["extract", str(folder), "--jsonl"]) == 0
    lines = tmp_path / "extracted.jsonl"
    lines.write_text(capsys.readouterr().out, encoding="utf-8")
    return folder, lines


def test_extract_jsonl_prints_an_article_a_line_with_its_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, lines = extracted_file(tmp_path, capsys)
    documents = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert len(documents) == 6
    first = documents[0]
    assert first["source"] == str(folder / "000.txt") and first["text"] == (folder / "000.txt").read_text()
    assert first["extractor"] == EXTRACTOR_VERSION and first["title"] == "Story 0"
    assert [q["speaker"] for q in first["quotes"]] == ["Mara Quill", "Tomas Quill"]


def test_ingest_extracted_stores_what_ingesting_the_texts_stores(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, lines = extracted_file(tmp_path, capsys)
    loaded, ingested = tmp_path / "loaded.json", tmp_path / "ingested.json"
    assert main(["ingest", "--extracted", str(lines), "--db", str(loaded)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].startswith(f"added {folder / '000.txt'}: Story 0")
    assert err.strip().splitlines()[-1] == "6 added, 0 replaced, 0 unchanged, 0 failed"
    assert main(["ingest", str(folder), "--db", str(ingested), "--jobs", "1"]) == 0
    capsys.readouterr()
    assert store_contents(loaded) == store_contents(ingested)
    assert Store(loaded).snapshot.summary().stale_articles == 0
    assert main(["ingest", str(folder), "--db", str(loaded), "--jobs", "1"]) == 0
    assert capsys.readouterr().err.strip().splitlines()[-1] == "0 added, 0 replaced, 6 unchanged, 0 failed"


def test_a_bad_line_is_reported_by_number_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, lines = extracted_file(tmp_path, capsys, count=3)
    good = lines.read_text(encoding="utf-8").splitlines()
    moved = json.loads(good[1])
    moved["quotes"][0]["start"] += 1
    lines.write_text("\n".join([good[0], "{not json", json.dumps(moved), "[1, 2]", good[2], ""]), encoding="utf-8")
    store = tmp_path / "store.json"
    assert main(["ingest", "--extracted", str(lines), "--db", str(store)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"whosaid: {lines}: line 2: not JSON; skipped"
    assert err[1].startswith(f"whosaid: {lines}: line 3: quote at ") and "do not hold its text" in err[1]
    assert err[2] == f"whosaid: {lines}: line 4: not a JSON object; skipped"
    assert err[-1] == "2 added, 0 replaced, 0 unchanged, 3 failed"
    assert [a.title for a in Store(store).snapshot.articles] == ["Story 0", "Story 2"]


def test_a_quote_by_someone_the_line_does_not_name_is_a_bad_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its speaker was stored as unknown (null) without a word."""
    _, lines = extracted_file(tmp_path, capsys, count=2)
    good = lines.read_text(encoding="utf-8").splitlines()
    changed = json.loads(good[0])
    changed["quotes"][0]["speaker"] = "Nobody Known"
    lines.write_text("\n".join([json.dumps(changed), good[1], ""]), encoding="utf-8")
    store = tmp_path / "store.json"
    assert main(["ingest", "--extracted", str(lines), "--db", str(store)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"whosaid: {lines}: line 1: quote at ")
    assert "its speaker 'Nobody Known' is none of the article's people or organizations" in err[0]
    assert err[-1] == "1 added, 0 replaced, 0 unchanged, 1 failed"


@pytest.mark.parametrize("paragraph", [9999, -1, 0])
def test_a_quote_whose_paragraph_is_not_where_its_offsets_stand_is_a_bad_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], paragraph: int
) -> None:
    """A paragraph of 9999 or -1 was stored as given, and printed by `search --json` and cited by `export`."""
    _, lines = extracted_file(tmp_path, capsys, count=2)
    good = lines.read_text(encoding="utf-8").splitlines()
    changed = json.loads(good[0])
    stands = changed["quotes"][-1]["paragraph"]
    assert stands > 0
    changed["quotes"][-1]["paragraph"] = paragraph
    lines.write_text("\n".join([json.dumps(changed), good[1], ""]), encoding="utf-8")
    store = tmp_path / "store.json"
    assert main(["ingest", "--extracted", str(lines), "--db", str(store)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"whosaid: {lines}: line 1: quote at ")
    assert f"its paragraph {paragraph} is not {stands}, where it is" in err[0]
    assert err[-1] == "1 added, 0 replaced, 0 unchanged, 1 failed"


def test_an_article_given_as_extracted_lines_is_one_error_not_one_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "story.txt"
    article.write_text("\n\nHarbor plan\n\nThe council met.\n\n\u201cIt passes,\u201d said Ann Lee.\n", "utf-8")
    assert main(["ingest", "--extracted", str(article), "--db", str(tmp_path / "store.json")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"whosaid: {article}: not lines of 'whosaid extract --jsonl' (its first line is not JSON)",
        "0 added, 0 replaced, 0 unchanged, 1 failed",
    ]


def test_lines_an_older_extractor_made_are_stored_as_read_by_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, lines = extracted_file(tmp_path, capsys, count=2)
    older = [dict(json.loads(line), extractor=1) for line in lines.read_text(encoding="utf-8").splitlines()]
    lines.write_text("".join(json.dumps(document) + "\n" for document in older), encoding="utf-8")
    store = tmp_path / "store.json"
    assert main(["ingest", "--extracted", str(lines), "--db", str(store)]) == 0
    assert Store(store).snapshot.summary().stale_articles == 2


def test_lines_a_newer_extractor_made_are_refused_by_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A line saying version 99 was stored as read by it: the store then said every article was read by the
    installed extractor or a later one, and reextract read none."""
    _, lines = extracted_file(tmp_path, capsys, count=2)
    documents = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    documents[1]["extractor"] = EXTRACTOR_VERSION + 1
    lines.write_text("".join(json.dumps(document) + "\n" for document in documents), encoding="utf-8")
    store = tmp_path / "store.json"
    assert main(["ingest", "--extracted", str(lines), "--db", str(store)]) == 2
    error = capsys.readouterr().err
    assert f"line 2: read by a newer extractor (version {EXTRACTOR_VERSION + 1})" in error
    assert Store(store).snapshot.summary().articles == 1


def test_extracted_takes_no_article_files_and_ingest_needs_something(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store.json"
    assert main(["ingest", "--extracted", "x.jsonl", "a.txt", "--db", str(store)]) == 2
    assert main(["ingest", "--db", str(store)]) == 2
    assert main(["ingest", "--extracted", str(tmp_path / "missing.jsonl"), "--db", str(store)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert "name no article files beside it" in err[0] and "--extracted FILE" in err[1]
    assert err[2].endswith("missing.jsonl: cannot read (No such file or directory)")
    assert not store.exists()
