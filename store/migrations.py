"""Upgrades of a store's documents from each earlier schema to the current one."""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from store.documents import paragraph_bounds

SCHEMA_VERSION = 2
TableTree = MutableMapping[str, dict[str, Any]]


def _texts_apart_and_quote_context(tables: TableTree) -> None:
    """Schema 1 to 2: article texts move to their own table; each quote keeps its paragraph."""
    articles = dict(tables["articles"]) if "articles" in tables else {}
    texts = {}
    text_by_key = {}
    for doc_id, article in articles.items():
        text = article.pop("text", "")
        texts[doc_id] = {"key": article["key"], "text": text}
        text_by_key[article["key"]] = text
    quotes = dict(tables["quotes"]) if "quotes" in tables else {}
    for quote in quotes.values():
        text = text_by_key.get(quote["article"], "")
        start, end = paragraph_bounds(text, quote["start"], quote["end"])
        quote["context"], quote["context_start"] = text[start:end], start
    tables["articles"], tables["texts"], tables["quotes"] = articles, texts, quotes
    if "meta" in tables:
        del tables["meta"]


MIGRATIONS: dict[int, Callable[[TableTree], None]] = {1: _texts_apart_and_quote_context}


def migrate(tables: TableTree, schema: int) -> None:
    """Bring tables written with `schema` to SCHEMA_VERSION, one step at a time."""
    for version in range(schema, SCHEMA_VERSION):
        MIGRATIONS[version](tables)
