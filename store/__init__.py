"""whosaid's engine: article text in, people, organizations and quotes out, stored and searchable.

Nothing here knows about the terminal; the command line and the TUI both use this API. Each name is imported from
its module when first used, so that a process needing one part of the engine (a search read by key, an extraction
worker) imports only that part.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.articles import ARTICLE_SUFFIXES, read_article_file
    from store.database import SCHEMA_VERSION, Store, open_existing_store, open_store
    from store.errors import ArticleError, StoreError, WhosaidError, shown_path
    from store.extraction import extract
    from store.keys import fold
    from store.location import resolve_store_path
    from store.model import Extraction, Organization, Person, Quote
    from store.paragraphs import flowed_text
    from store.records import (
        Appearance,
        ArticleRecord,
        IngestOutcome,
        OrganizationRecord,
        PersonRecord,
        QuoteRecord,
        StoreSummary,
    )
    from store.search import fold_with_offsets, match_spans, parse_query, query_problem
    from store.seeds import seed_paths
    from store.snapshot import SOURCES_JOINED, Snapshot

MODULES = {
    "store.articles": ("ARTICLE_SUFFIXES", "read_article_file"),
    "store.database": ("SCHEMA_VERSION", "Store", "open_existing_store", "open_store"),
    "store.errors": ("ArticleError", "StoreError", "WhosaidError", "shown_path"),
    "store.extraction": ("extract",),
    "store.keys": ("fold",),
    "store.location": ("resolve_store_path",),
    "store.model": ("Extraction", "Organization", "Person", "Quote"),
    "store.paragraphs": ("flowed_text",),
    "store.records": (
        "Appearance",
        "ArticleRecord",
        "IngestOutcome",
        "OrganizationRecord",
        "PersonRecord",
        "QuoteRecord",
        "StoreSummary",
    ),
    "store.search": ("fold_with_offsets", "match_spans", "parse_query", "query_problem"),
    "store.seeds": ("seed_paths",),
    "store.snapshot": ("SOURCES_JOINED", "Snapshot"),
}
"""Where each name of the API is defined."""
MODULE_OF = {name: module for module, names in MODULES.items() for name in names}


def __getattr__(name: str) -> object:
    """A name of the API, imported from its module on first use (a submodule's name is left to the import system)."""
    module = MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'store' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "ARTICLE_SUFFIXES",
    "SCHEMA_VERSION",
    "SOURCES_JOINED",
    "Appearance",
    "ArticleError",
    "ArticleRecord",
    "Extraction",
    "IngestOutcome",
    "Organization",
    "OrganizationRecord",
    "Person",
    "PersonRecord",
    "Quote",
    "QuoteRecord",
    "Snapshot",
    "Store",
    "StoreError",
    "StoreSummary",
    "WhosaidError",
    "extract",
    "flowed_text",
    "fold",
    "fold_with_offsets",
    "open_existing_store",
    "open_store",
    "match_spans",
    "parse_query",
    "query_problem",
    "read_article_file",
    "resolve_store_path",
    "seed_paths",
    "shown_path",
]
