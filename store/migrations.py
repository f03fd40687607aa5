"""Upgrades of a store's documents from each earlier schema to the current one."""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

SCHEMA_VERSION = 3
TableTree = MutableMapping[str, dict[str, Any]]


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


MIGRATIONS: dict[int, Callable[[TableTree], None]] = {1: _texts_apart_and_compact_quotes, 2: _tables_in_segments}


def migrate(tables: TableTree, schema: int) -> None:
    """Bring tables written with `schema` to SCHEMA_VERSION, one step at a time."""
    for version in range(schema, SCHEMA_VERSION):
        MIGRATIONS[version](tables)
