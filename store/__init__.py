"""whosaid's engine: article text in, people, organizations and quotes out, stored and searchable.

Nothing here knows about the terminal; the command line and the TUI both use this API.
"""

from store.articles import ARTICLE_SUFFIXES, read_article_file
from store.database import SCHEMA_VERSION, Store, open_existing_store, open_store
from store.errors import ArticleError, StoreError, WhosaidError, shown_path
from store.location import resolve_store_path
from store.records import (
    Appearance,
    ArticleRecord,
    IngestOutcome,
    OrganizationRecord,
    PersonRecord,
    QuoteRecord,
    StoreSummary,
)
from store.search import match_spans, parse_query
from store.seeds import seed_paths
from store.snapshot import Snapshot


def __getattr__(name: str) -> object:
    """`store.extract` and the extraction's types, imported on first use: browsing a store needs neither."""
    if name == "extract":
        from store.extraction import extract

        return extract
    if name in ("Extraction", "Organization", "Person", "Quote"):
        from store import model

        return getattr(model, name)
    raise AttributeError(f"module 'store' has no attribute {name!r}")


__all__ = [
    "ARTICLE_SUFFIXES",
    "SCHEMA_VERSION",
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
    "open_existing_store",
    "open_store",
    "match_spans",
    "parse_query",
    "read_article_file",
    "resolve_store_path",
    "seed_paths",
    "shown_path",
]
