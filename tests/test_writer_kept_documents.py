"""A writer keeps the people and organizations it wrote for its next batches instead of reading them back from their
files, and stores exactly what reading them back would."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store, writer_lookups
from store.storage import Tables
from tests.conftest import tagged_extract
from tests.test_writer_compaction import table_files
from tests.test_writer_spans import assert_spans_hold_their_documents, people_and_organizations, story


def ingest_in_batches(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Ingest 30 stories three at a time with one writer, removing one along the way; how many stored documents
    the writer read back from their files."""
    reads = []
    original = Tables.document_at

    def counted(self: Tables, *arguments: object, **keywords: object) -> object:
        reads.append(arguments[:3])
        return original(self, *arguments, **keywords)  # type: ignore[arg-type]

    monkeypatch.setattr(Tables, "document_at", counted)
    store = Store(store_path, extractor=tagged_extract)
    for start in range(0, 30, 3):
        store.ingest([story(n) for n in range(start, start + 3)])
        if start == 12:
            store.remove([store.snapshot.articles[4].content_hash])
    monkeypatch.undo()
    return len(reads)


def test_documents_kept_from_the_last_write_are_those_read_back_from_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept, read = tmp_path / "kept" / "store.json", tmp_path / "read" / "store.json"
    reads_when_kept = ingest_in_batches(kept, monkeypatch)
    monkeypatch.setattr(writer_lookups, "WRITTEN_KEPT", 0)
    reads_when_not = ingest_in_batches(read, monkeypatch)
    assert reads_when_not >= 30 and reads_when_kept <= reads_when_not // 4
    assert table_files(kept) == table_files(read)
    assert people_and_organizations(kept) == people_and_organizations(read)
    assert people_and_organizations(kept)["Ann Lee1"] == sorted(f"Story {n}" for n in range(1, 30, 3) if n != 4)
    assert_spans_hold_their_documents(kept)


def test_a_write_by_another_process_is_read_back_not_taken_from_what_this_one_wrote(tmp_path: Path) -> None:
    store_path = tmp_path / "store.json"
    first = Store(store_path, extractor=tagged_extract)
    first.ingest([story(0)])
    Store(store_path, extractor=tagged_extract).ingest([story(3)])
    first.ingest([story(6)])
    assert people_and_organizations(store_path)["Ann Lee0"] == ["Story 0", "Story 3", "Story 6"]
