"""An organization named in very many articles keeps a long list of their keys: a writer appends to it without
parsing or encoding the stored part again, and stores exactly what it would have stored by parsing it."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from store import Store, storage
from store.database import read_tables
from store.storage import EncodedList, parsed_document, without_documents
from tests.conftest import tagged_extract


def story(number: int) -> tuple[str, str]:
    """An article naming one organization every article names, one of a few others, and a speaker."""
    said = f"\u201cLine {number},\u201d said Ann Lee{number % 5}."
    return f"{number}.txt", f"Story {number}\n\n{said}\nORG=Big Agency\nORG=Desk {number % 7}\n"


def stored_organizations(store_path: Path) -> list[dict]:
    """The stored organization documents, in table order."""
    tables = read_tables(store_path)
    assert tables is not None
    return list(tables.documents("organizations"))


def build(store_path: Path, removed: int) -> None:
    """Ingest 300 stories in batches by several writers, removing one story along the way."""
    for start in range(0, 300, 60):
        store = Store(store_path, extractor=tagged_extract)
        for batch in range(start, start + 60, 20):
            store.ingest([story(n) for n in range(batch, batch + 20)])
        if start == 120:
            digest = next(a.content_hash for a in store.snapshot.articles if a.title == f"Story {removed}")
            store.remove([digest])


def test_a_long_list_is_appended_to_as_bytes_and_stores_what_parsing_it_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept: list[EncodedList] = []
    original = EncodedList.__init__

    def counted(self: EncodedList, stored: bytes) -> None:
        kept.append(self)
        original(self, stored)

    monkeypatch.setattr(EncodedList, "__init__", counted)
    build(tmp_path / "bytes" / "store.json", removed=50)
    assert len(kept) >= 3
    monkeypatch.setattr(storage, "LONG_LIST_BYTES", 10**9)
    build(tmp_path / "parsed" / "store.json", removed=50)
    as_bytes = stored_organizations(tmp_path / "bytes" / "store.json")
    parsed = stored_organizations(tmp_path / "parsed" / "store.json")
    assert as_bytes == parsed
    big = next(document for document in as_bytes if document["name"] == "Big Agency")
    articles = Store(tmp_path / "bytes" / "store.json").snapshot.articles
    assert big["articles"] == [article.key for article in articles]
    assert len(big["articles"]) == 299


def test_a_list_that_is_not_a_flat_list_of_strings_ending_the_document_is_parsed() -> None:
    keys = [f"{n:016x}" for n in range(400)]
    ending = orjson.dumps({"key": "k", "name": "N", "aliases": [], "articles": keys})
    document = parsed_document(ending, "articles")
    assert document is not None and isinstance(document["articles"], EncodedList)
    assert list(document["articles"]) == keys and document["articles"].last() == keys[-1]
    document["articles"].append("ffff000000000000")
    assert orjson.dumps(document, default=storage.encoded_list) == orjson.dumps(
        {"key": "k", "name": "N", "aliases": [], "articles": [*keys, "ffff000000000000"]}
    )
    for shape in (
        {"key": "k", "articles": keys, "name": "N"},
        {"key": "k", "name": "N", "articles": [*keys, ["nested"]]},
        {"key": "k", "name": "N", "articles": [*keys, {"a": 1}]},
    ):
        document = parsed_document(orjson.dumps(shape), "articles")
        assert document == shape


def test_a_file_written_again_leaves_out_the_documents_read_from_it_only_where_they_stand() -> None:
    documents = {"1": {"key": "a"}, "2": {"key": "b", "articles": ["x"] * 3}, "3": {"key": "c"}}
    raw = orjson.dumps(documents)
    start = raw.index(b'{"key":"b"')
    span = storage.document_span(start, len(orjson.dumps(documents["2"])))
    assert orjson.loads(without_documents(raw, [("2", span)]) or b"") == {"1": {"key": "a"}, "3": {"key": "c"}}
    assert without_documents(raw, [("3", span)]) is None
    assert without_documents(raw, [("2", span + (1 << 32))]) is None
