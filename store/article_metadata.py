"""What an article's stored document says of where it came from: author, date, outlet and link, as printed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def stored_metadata(document: Mapping[str, Any]) -> dict[str, str | None]:
    """The author, date, outlet and url an article document holds (None where its source said nothing, and in
    stores written before they were kept); a url that is not a clean http(s) one is left out."""
    fields = {name: _string(document.get(name)) for name in ("author", "date", "outlet")}
    url = _string(document.get("url"))
    if url is not None:
        from store.untrusted import safe_url

        url = safe_url(url)
    return {**fields, "url": url}


def article_sort_date(document: Mapping[str, Any]) -> str:
    """The date an article document is ordered by: its published date where known, else when it was ingested (as
    `ArticleRecord.sort_date` says)."""
    return _string(document.get("date")) or str(document.get("ingested_at", ""))


def _string(value: object) -> str | None:
    """A stored string, or None for anything else."""
    return value if isinstance(value, str) and value else None
