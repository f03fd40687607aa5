"""The spans a write changes are kept in its lookup line as packed numbers; lines an earlier whosaid wrote, with
them as objects by id, are still read, and a damaged line only makes the writer build its lookups again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import Store
from store.database import read_tables
from store.writer_lookups import StoreIndex, decoded_span_changes, encoded_span_changes
from tests.conftest import tagged_extract
from tests.test_writer_spans import assert_spans_hold_their_documents, ingest_in_turns, people_and_organizations, story


def rewrite_lookup_lines(store_path: Path, change: object) -> int:
    """Apply `change` to each lookup line that holds changed spans (fixing the sizes the manifest records); how
    many lines it changed."""
    header = json.loads(store_path.read_text())["whosaid"]
    changed = 0
    sizes = {}
    for name, _size in header["lookups"]["files"]:
        path = store_path.parent / "store.json.d" / name
        lines = []
        for line in path.read_bytes().splitlines():
            entries = json.loads(line)
            if "ps*" in entries or "os*" in entries:
                change(entries)  # type: ignore[operator]
                changed += 1
            lines.append(json.dumps(entries).encode())
        path.write_bytes(b"\n".join(lines) + b"\n")
        sizes[name] = len(path.read_bytes())
    header["lookups"]["files"] = [[file, sizes[file]] for file, _size in header["lookups"]["files"]]
    store_path.write_text(json.dumps({"whosaid": header}))
    return changed


def as_objects_by_id(entries: dict) -> None:
    """Changed spans as an earlier whosaid wrote them: an object of spans by id."""
    for packed, by_id in (("ps*", "ps+"), ("os*", "os+")):
        if packed in entries:
            ids, spans = decoded_span_changes(entries.pop(packed))
            entries[by_id] = {str(doc_id): span for doc_id, span in zip(ids, spans, strict=True)}


def test_changed_spans_read_back_are_those_written() -> None:
    changed = {7: 1 << 40 | 120, 3: 5 << 32 | 88, 1 << 20: 1}
    ids, spans = decoded_span_changes(encoded_span_changes(changed))
    assert dict(zip(ids, spans, strict=True)) == changed


def test_a_later_writer_takes_the_spans_each_write_changed(store_path: Path) -> None:
    ingest_in_turns(store_path, range(15))
    lines = [json.loads(line) for line in lookup_lines(store_path)]
    assert any("ps*" in line for line in lines) and not any("ps+" in line for line in lines)
    assert_spans_hold_their_documents(store_path)


def lookup_lines(store_path: Path) -> list[bytes]:
    """Every line of the store's lookup files."""
    header = json.loads(store_path.read_text())["whosaid"]
    folder = store_path.parent / "store.json.d"
    return [line for name, _ in header["lookups"]["files"] for line in (folder / name).read_bytes().splitlines()]


def test_lines_an_earlier_whosaid_wrote_are_read_without_building_the_lookups_again(store_path: Path) -> None:
    ingest_in_turns(store_path, range(12))
    reference = store_path.parent / "reference" / "store.json"
    ingest_in_turns(reference, range(12))
    assert rewrite_lookup_lines(store_path, as_objects_by_id) > 0
    tables = read_tables(store_path)
    assert tables is not None and StoreIndex.stored(tables) is not None
    assert_spans_hold_their_documents(store_path)
    Store(store_path, extractor=tagged_extract).ingest([story(n) for n in range(12, 16)])
    Store(reference, extractor=tagged_extract).ingest([story(n) for n in range(12, 16)])
    assert people_and_organizations(store_path) == people_and_organizations(reference)
    assert_spans_hold_their_documents(store_path)


@pytest.mark.parametrize("damage", ["not base64 \u2603", "AAAA", 12])
def test_damaged_changed_spans_make_the_writer_build_its_lookups_again(store_path: Path, damage: object) -> None:
    ingest_in_turns(store_path, range(12))
    reference = store_path.parent / "reference" / "store.json"
    ingest_in_turns(reference, range(12))
    assert rewrite_lookup_lines(store_path, lambda entries: entries.update({"ps*": damage})) > 0
    tables = read_tables(store_path)
    assert tables is not None and StoreIndex.stored(tables) is None
    Store(store_path, extractor=tagged_extract).ingest([story(n) for n in range(12, 16)])
    Store(reference, extractor=tagged_extract).ingest([story(n) for n in range(12, 16)])
    assert people_and_organizations(store_path) == people_and_organizations(reference)
    assert_spans_hold_their_documents(store_path)
