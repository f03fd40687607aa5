"""A writer reads a stored person or organization from where the lookups say it stands in its file, not the
whole file; spans that are wrong or missing never change what is stored, only what is read."""

from __future__ import annotations

import base64
import io
import json
from array import array
from pathlib import Path

import pytest

from store import Store, storage, writer_lookups
from store.database import read_tables
from store.storage import bytes_in_span, parsed_document
from store.writer_lookups import StoreIndex
from tests.conftest import tagged_extract


def story(number: int) -> tuple[str, str]:
    """An article naming a recurring person and organization, and one of its own."""
    text = (
        f"Story {number}\n\n\u201cLine {number},\u201d said Ann Lee{number % 3}.\nORG=Board {number % 4}\n"
        f"\u201cAgreed,\u201d said Solo Speaker{number}.\nORG=Desk {number}\n"
    )
    return f"{number}.txt", text


def people_and_organizations(store_path: Path) -> dict[str, object]:
    """Each person's articles and each organization's count of them, as a reader sees them."""
    snapshot = Store(store_path).snapshot
    people = {person.name: sorted(a.article_title for a in person.appearances) for person in snapshot.people}
    return {**people, **{org.name: len(org.article_keys) for org in snapshot.organizations}}


def stored_index(store_path: Path) -> StoreIndex:
    """The lookups the store keeps for its current version."""
    tables = read_tables(store_path)
    assert tables is not None
    index = StoreIndex.stored(tables)
    assert index is not None
    return index


def document_in_span(path: Path, doc_id: str, span: int) -> dict[str, object] | None:
    """The document with this id read from where `span` says it stands in the file (None when it is not there)."""
    raw = bytes_in_span(path, doc_id, span)
    return parsed_document(raw, None) if raw is not None else None


def assert_spans_hold_their_documents(store_path: Path) -> None:
    """Every stored person and organization has a span, and it holds exactly that document."""
    tables = read_tables(store_path)
    assert tables is not None
    index = stored_index(store_path)
    for table, places in (("people", index.people), ("organizations", index.organizations)):
        assert places
        for key, place in places.items():
            number, doc_id = place >> 32, str(place & 0xFFFFFFFF)
            span = index.span_of(table, doc_id)
            assert span is not None, f"{table} {key} has no span"
            file = tables.files[table][number][0]
            expected = tables.segment_documents(table, number, keep=False)[doc_id]
            assert document_in_span(tables.directory / file, doc_id, span) == expected


def ingest_in_turns(store_path: Path, numbers: range) -> None:
    """Ingest the stories a few at a time, each time in a new writer, as separate commands would."""
    for start in range(numbers.start, numbers.stop, 3):
        stories = [story(n) for n in range(start, min(start + 3, numbers.stop))]
        Store(store_path, extractor=tagged_extract).ingest(stories)


def test_the_lookups_say_where_each_stored_person_and_organization_stands(store_path: Path) -> None:
    ingest_in_turns(store_path, range(14))
    store = Store(store_path, extractor=tagged_extract)
    store.remove([store.snapshot.articles[2].content_hash])
    assert_spans_hold_their_documents(store_path)


def test_a_later_writer_reads_stored_people_from_their_spans_not_by_searching_whole_files(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 4)
    ingest_in_turns(store_path, range(12))
    read_from_spans: list[str] = []
    searched: list[str] = []
    in_span, start = storage.bytes_in_span, storage.document_start

    def spied_span(path: Path, doc_id: str, span: int, handle: io.FileIO | None = None) -> bytes | None:
        read_from_spans.append(path.name)
        return in_span(path, doc_id, span, handle)

    def spied_search(raw: bytes, doc_id: str, after: int = 0) -> int:
        searched.append(doc_id)
        return start(raw, doc_id, after)

    monkeypatch.setattr(storage, "bytes_in_span", spied_span)
    monkeypatch.setattr(storage, "document_start", spied_search)
    Store(store_path, extractor=tagged_extract).ingest([story(n) for n in range(12, 16)])
    monkeypatch.undo()
    assert searched == []
    assert len(read_from_spans) >= 4
    assert people_and_organizations(store_path)["Ann Lee0"] == sorted(f"Story {n}" for n in range(0, 16, 3))
    assert people_and_organizations(store_path)["Board 0"] == 4
    assert_spans_hold_their_documents(store_path)


@pytest.mark.parametrize("damage", ["shifted", "dropped"])
def test_spans_that_are_wrong_or_missing_only_cost_a_read(store_path: Path, damage: str) -> None:
    """Wrong spans (every one off by a whole file) are passed over; lookups without any (an earlier whosaid's) get
    them all found again."""
    ingest_in_turns(store_path, range(9))
    reference = store_path.parent / "reference" / "store.json"
    ingest_in_turns(reference, range(9))
    header = json.loads(store_path.read_text())["whosaid"]
    for name, _size in header["lookups"]["files"]:
        path = store_path.parent / "store.json.d" / name
        lines = []
        for line in path.read_bytes().splitlines():
            entries = json.loads(line)
            for kind in ("ps", "os", "ps+", "os+"):
                if damage == "dropped" or kind not in entries:
                    entries.pop(kind, None)
                elif kind.endswith("+"):
                    entries[kind] = {doc_id: span + (1 << 32) for doc_id, span in entries[kind].items()}
                else:
                    spans = array("Q", base64.b64decode(entries[kind]))
                    shifted = array("Q", [span + (1 << 32) if span else 0 for span in spans])
                    entries[kind] = base64.b64encode(shifted.tobytes()).decode()
            lines.append(json.dumps({kind: value for kind, value in entries.items() if value}).encode())
        path.write_bytes(b"\n".join(lines) + b"\n")
        sizes = {name: len(path.read_bytes())}
        header["lookups"]["files"] = [[file, sizes.get(file, size)] for file, size in header["lookups"]["files"]]
    store_path.write_text(json.dumps({"whosaid": header}))
    Store(store_path, extractor=tagged_extract).ingest([story(n) for n in range(9, 13)])
    Store(reference, extractor=tagged_extract).ingest([story(n) for n in range(9, 13)])
    assert people_and_organizations(store_path) == people_and_organizations(reference)
    if damage == "dropped":
        assert_spans_hold_their_documents(store_path)


def test_the_spans_written_whole_do_not_make_every_later_write_rewrite_the_lookups(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole_writes: list[int] = []
    original = StoreIndex.whole_lines

    def counted(self: StoreIndex) -> list[dict]:
        whole_writes.append(1)
        return original(self)

    monkeypatch.setattr(StoreIndex, "whole_lines", counted)
    monkeypatch.setattr(writer_lookups, "REWRITE_SLACK", 0)
    store = Store(store_path, extractor=tagged_extract)
    for start in range(0, 18, 3):
        store.ingest([story(n) for n in range(start, start + 3)])
    assert len(whole_writes) == 1
    assert_spans_hold_their_documents(store_path)
