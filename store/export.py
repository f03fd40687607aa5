"""Quotes exported with their citations: CSV for a spreadsheet, JSON Lines for programs, Markdown to paste.

Every text comes from untrusted articles: each field is put on one line without control characters, a link is
kept only when it is a clean http(s) URL, and a CSV cell that a spreadsheet would run as a formula (one starting
with = + - @) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from store.citations import Citation, format_citation

if TYPE_CHECKING:
    from store.records import QuoteRecord
    from store.snapshot import Snapshot

EXPORT_FORMATS = ("md", "csv", "jsonl")
CSV_COLUMNS = (
    "text",
    "speaker",
    "role",
    "organization",
    "title",
    "outlet",
    "date",
    "author",
    "url",
    "article",
    "path",
    "paragraph",
    "citation",
    "citation_markdown",
)
FORMULA_STARTS = ("=", "+", "-", "@")
BOM = "\ufeff"


def quote_row(snapshot: Snapshot, quote: QuoteRecord) -> dict[str, object]:
    """One exported quote: its citation's pieces, where it stands, and its citation in both styles."""
    citation = snapshot.citation_of(quote).cleaned()
    article = snapshot.article(quote.article_key)
    return {
        "text": citation.text,
        "speaker": citation.speaker,
        "role": citation.role,
        "organization": citation.organization,
        "title": citation.title,
        "outlet": citation.outlet,
        "date": citation.date,
        "author": citation.author,
        "url": citation.url,
        "article": quote.article_key,
        "path": article.source if article else None,
        "paragraph": quote.paragraph,
        "citation": format_citation(citation, "plain"),
        "citation_markdown": format_citation(citation, "markdown"),
    }


def export_lines(snapshot: Snapshot, quotes: Iterable[QuoteRecord], form: str, bom: bool = False) -> Iterator[str]:
    """The export of the quotes in `form` (one of EXPORT_FORMATS), a line at a time, each ending in a newline."""
    rows = (quote_row(snapshot, quote) for quote in quotes)
    if form == "csv":
        yield from csv_lines(rows, bom)
    elif form == "jsonl":
        for row in rows:
            yield json.dumps(row, ensure_ascii=False) + "\n"
    elif form == "md":
        for row in rows:
            yield f"- {row['citation_markdown']}\n"
    else:
        raise ValueError(f"unknown export format {form!r}; one of {', '.join(EXPORT_FORMATS)}")


def csv_lines(rows: Iterable[dict[str, object]], bom: bool) -> Iterator[str]:
    """CSV with a header, every field quoted, one row a quote; a byte-order mark first when `bom`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    yield (BOM if bom else "") + _taken(buffer)
    for row in rows:
        writer.writerow([spreadsheet_cell(row[column]) for column in CSV_COLUMNS])
        yield _taken(buffer)


def spreadsheet_cell(value: object) -> str:
    """A value as a CSV cell a spreadsheet shows as text: empty for None, a would-be formula made plain text."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _taken(buffer: io.StringIO) -> str:
    """What the buffer holds, emptying it."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


__all__ = ["CSV_COLUMNS", "EXPORT_FORMATS", "Citation", "export_lines", "quote_row"]
