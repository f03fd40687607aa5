"""Upgrades of a store's documents from each earlier schema to the current one."""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

SCHEMA_VERSION = 6
READ_AS_IS_FROM = 4
"""The earliest schema whose stores this whosaid reads as they are, without a write to upgrade them first: schemas 5
and 6 only added what an earlier whosaid must not read or keep (see `_shifted_index_parts`, `_people_marked_apart`)."""
TableTree = MutableMapping[str, dict[str, Any]]

FIRST_SCHEMA_FIELDS = {
    "meta": ("schema",),
    "articles": ("key", "title", "text"),
    "people": ("key", "name"),
    "organizations": ("key", "name"),
    "quotes": ("text", "article", "start"),
}
"""The tables of a store of the first schema (one JSON file, no manifest), and the fields each document has."""
MANIFEST_TABLES = frozenset({"articles", "texts", "people", "organizations", "quotes", "search"})
"""The tables a manifest may name, from the second schema to the current one."""


def first_schema_problem(tree: dict[str, Any]) -> str | None:
    """Why a JSON file without a manifest is not a store of the first schema, or None when it is one."""
    unknown = sorted(set(tree) - set(FIRST_SCHEMA_FIELDS))
    if unknown:
        return f"it has a table {unknown[0]!r}, which no whosaid store has"
    meta = list(tree.get("meta", {}).values())
    if not (len(meta) == 1 and isinstance(meta[0], dict) and meta[0].get("schema") == 1):
        return "it has no whosaid manifest or schema"
    for name, fields in FIRST_SCHEMA_FIELDS.items():
        for doc_id, document in tree.get(name, {}).items():
            if not (doc_id.isdigit() and isinstance(document, dict) and all(f in document for f in fields)):
                return f"its {name!r} table holds a document whosaid did not write"
    return None


def manifest_problem(tables: dict[str, Any]) -> str | None:
    """Why a manifest's tables are not those of a whosaid store, or None when they are."""
    unknown = sorted(set(tables) - MANIFEST_TABLES)
    return f"its manifest names a table {unknown[0]!r}, which no whosaid store has" if unknown else None


def _texts_apart_and_compact_quotes(tables: TableTree) -> None:
    """Schema 1 to 2: article texts get their own table, quotes a compact shape; the index is rebuilt on write."""
    articles = dict(tables["articles"]) if "articles" in tables else {}
    texts = {}
    for doc_id, article in articles.items():
        text = article.pop("text", "")
        texts[doc_id] = {"key": article["key"], "text": text}
    quotes = dict(tables["quotes"]) if "quotes" in tables else {}
    for quote in quotes.values():
        speaker = quote.get("speaker")
        quote["speaker"] = f"{speaker['kind']}:{speaker['key']}" if speaker else None
        quote.pop("key", None)
        quote.pop("end", None)
    tables["articles"], tables["texts"], tables["quotes"] = articles, texts, quotes
    if "meta" in tables:
        del tables["meta"]


def _tables_in_segments(tables: TableTree) -> None:
    """Schema 2 to 3: each table is written as files of a bounded size; the documents keep their shape."""


def _superseded_documents(tables: TableTree) -> None:
    """Schema 3 to 4: a changed person or organization moves to the end of its table, its earlier version named
    as superseded in the manifest; the quote index is kept in parts. Earlier stores hold neither, and read as
    they are."""


def _shifted_index_parts(tables: TableTree) -> None:
    """Schema 4 to 5: a part of the quote index may carry a shift, the quotes removed before it since its postings
    were written, which its stored positions are read less (see `store.quote_index.unshifted`); an earlier whosaid
    would read them as they are, wrong. Earlier stores hold no shift, and read as they are."""


def _people_marked_apart(tables: TableTree) -> None:
    """Schema 5 to 6: a person's document may say the writer found all their quotes apart (see
    `store.quote_groups.QUOTES_APART`), which a listing then takes as they are; an earlier whosaid would keep the mark
    when it gave that person new quotes, copies among them, and they would be listed twice. Earlier stores hold no
    mark, and read as they are."""


MIGRATIONS: dict[int, Callable[[TableTree], None]] = {
    1: _texts_apart_and_compact_quotes,
    2: _tables_in_segments,
    3: _superseded_documents,
    4: _shifted_index_parts,
    5: _people_marked_apart,
}


def migrate(tables: TableTree, schema: int) -> None:
    """Bring tables written with `schema` to SCHEMA_VERSION, one step at a time."""
    for version in range(schema, SCHEMA_VERSION):
        MIGRATIONS[version](tables)
