"""A file of people or organizations with many superseded documents is written again without them by cutting its
bytes: the same file, byte for byte, as parsing its documents and encoding them again, and the spans still hold
their documents."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from store import storage
from store.storage import without_superseded
from tests.test_writer_spans import assert_spans_hold_their_documents, ingest_in_turns, people_and_organizations


def table_files(store_path: Path) -> dict[str, list[bytes]]:
    """The bytes of each file of the people and organizations tables, in order."""
    header = json.loads(store_path.read_text())["whosaid"]
    directory = store_path.parent / "store.json.d"
    return {
        table: [(directory / file).read_bytes() for file, _count in header["tables"][table]]
        for table in ("people", "organizations")
    }


@pytest.fixture
def small_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files of a few documents, written again once two of them are superseded: every write compacts some."""
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 6)
    monkeypatch.setattr(storage, "SUPERSEDED_PER_FILE", 2)


@pytest.mark.usefixtures("small_files")
def test_files_compacted_by_cutting_are_those_parsing_and_encoding_make(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut, parsed = tmp_path / "cut" / "store.json", tmp_path / "parsed" / "store.json"
    cuts: list[bytes] = []

    def spied(raw: bytes, superseded: list[str], count: int, spans: dict[int, int] | None) -> bytes | None:
        kept = without_superseded(raw, superseded, count, spans)
        cuts.append(kept or b"")
        return kept

    monkeypatch.setattr(storage, "without_superseded", spied)
    ingest_in_turns(cut, range(24))
    monkeypatch.setattr(storage, "without_superseded", lambda raw, superseded, count, spans: None)
    ingest_in_turns(parsed, range(24))
    assert len(cuts) >= 5 and all(cuts)
    assert table_files(cut) == table_files(parsed)
    assert people_and_organizations(cut) == people_and_organizations(parsed)
    assert people_and_organizations(cut)["Ann Lee0"] == sorted(f"Story {n}" for n in range(0, 24, 3))
    assert_spans_hold_their_documents(cut)
    header = json.loads(cut.read_text())["whosaid"]
    assert all(len(ids) <= 2 for ids in header.get("superseded", {}).values())


def test_cutting_documents_out_of_a_file_gives_the_encoding_of_the_others() -> None:
    documents = {
        "3": {"key": "ann", "name": "Ann \u201cA\u201d Lee", "aliases": [], "appearances": [{"article": "a"}]},
        "4": {"key": "tom", "name": 'Tom "4":{ Berg', "aliases": ["T, B"], "appearances": []},
        "12": {"key": "eva", "name": "Eva", "aliases": [], "appearances": [{"article": "b", "role": None}]},
    }
    raw = orjson.dumps(documents)
    for dead in ([], ["3"], ["4"], ["12"], ["3", "12"], ["3", "4", "12"]):
        spans: dict[int, int] = {}
        kept = without_superseded(raw + b"\n", dead, len(documents), spans)
        expected = {doc_id: document for doc_id, document in documents.items() if doc_id not in dead}
        assert kept == orjson.dumps(expected)
        for doc_id, span in spans.items():
            start, length = span >> 32, span & storage.SPAN_MASK
            assert orjson.loads(kept[start : start + length]) == expected[str(doc_id)]
        assert sorted(spans) == sorted(map(int, expected))


@pytest.mark.parametrize(
    ("raw", "count"),
    [(b'{"1": {"key": "a"}}', 1), (b'{"1":{"key":"a"},  "2":{"key":"b"}}', 2), (b'{"1":{"key":"a"}}', 2), (b"[]", 0)],
)
def test_bytes_not_written_as_whosaid_writes_a_file_are_left_to_be_parsed(raw: bytes, count: int) -> None:
    assert without_superseded(raw, ["1"], count, {}) is None
    assert without_superseded(raw, ["9"], count, {}) is None
