"""What an article's stored document says of where it came from: the paths it was read from, and author, date,
outlet and link, as printed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

OTHER_SOURCES = "other_sources"
"""An article document's field listing the other paths and URLs its text was read from, besides its `source` (the
one it is shown under), in the order they were read; a document without it (every one of a store written before it
was kept) has none."""


def article_sources(document: Mapping[str, Any]) -> list[str]:
    """Every path or URL an article document says its text was read from and still holds, its `source` first."""
    source, others = str(document.get("source", "")), document.get(OTHER_SOURCES)
    return [source, *map(str, others)] if isinstance(others, list) else [source]


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
    """The day an article document is ordered by (as `ArticleRecord.sort_date` says): see `sort_day`."""
    return sort_day(document.get("date"), document.get("ingested_at"))


ISO_DAY = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?=$|[T ])")
"""The start of a date an article is ordered by: a year, a month or a day, as ISO writes them."""


def sort_day(published: object, ingested_at: object) -> str:
    """The day an article is ordered by and `date:` matches: its published date where it is written as ISO writes
    one (YYYY, YYYY-MM or YYYY-MM-DD, the time left out; a source's date this could not read, such as 12/06/2024,
    is kept as written but not ordered by), else the day it was ingested; empty when neither is known. Articles
    of one day keep the order they were stored in."""
    for value in (published, ingested_at):
        match = ISO_DAY.match(value) if isinstance(value, str) else None
        if match and is_day(match.group()):
            return match.group()
    return ""


def is_day(written: str) -> bool:
    """Whether an ISO year, month or day (2024, 2024-06, 2024-06-12) is one the calendar has (not 2024-13 or
    2024-02-30)."""
    import datetime

    parts = [int(part) for part in written.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _string(value: object) -> str | None:
    """A stored string, or None for anything else."""
    return value if isinstance(value, str) and value else None
