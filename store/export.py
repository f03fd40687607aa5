"""Quotes exported with their citations: CSV for a spreadsheet, JSON Lines for programs, Markdown to paste.

Every text comes from untrusted articles: each field is put on one line without control characters, a link is
kept only when it is a clean http(s) URL, and a CSV cell that a spreadsheet would run as a formula (one starting
with = + - @) is prefixed with an apostrophe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import orjson

from store.citations import (
    Citation,
    citation_details,
    format_citation,
    format_source,
    one_line,
    quoted_text,
    said_where,
    speaker_line,
)
from store.quote_documents import kept
from store.quote_groups import first_in_each_article
from store.untrusted import CONTROL

if TYPE_CHECKING:
    from store.quote_documents import QuoteDocuments
    from store.records import ArticleRecord, QuoteRecord
    from store.snapshot import Snapshot

EXPORT_FORMATS = ("md", "csv", "jsonl")
EXPORT_STEM = "whosaid-export-"
"""How the file the app's e writes is named (then the time, YYYYMMDD-HHMMSS), so that an ingest of its folder
knows it for whosaid's own and does not read it as an article."""
CSV_COLUMNS = (
    *("text", "speaker", "role", "organization", "title", "outlet", "date", "author", "url", "article", "path"),
    *("paragraph", "citation", "citation_markdown", "sources"),
)
"""The CSV's columns: `sources` there counts the articles that printed the quote (JSON Lines lists them)."""
FORMULA_STARTS = ("=", "+", "-", "@")
BOM = "\ufeff"
QUOTE_LINE = re.compile("(?:- )?\u201c.*\u201d \u2014 .+")
"""A line of a Markdown export ("- “…” — speaker (article)") or of `whosaid search`'s plain output ("“…” — …")."""
LINES_TOLD_BY = 5
"""How many of a file's first lines say whether it is whosaid's own output."""


def is_exported_text(head: str) -> bool:
    """Whether the start of a file is whosaid's own output rather than an article: its first whole lines (up to
    LINES_TOLD_BY) each a quote and its citation (a Markdown export, a search saved), or each a quote with its sources
    as JSON (a JSON Lines export or `--jsonl` search). An ingest of a folder passes such files over: their quotes are
    stored already, and read as an article they would be a second source of each."""
    text = head.removeprefix(BOM)
    whole = text.splitlines()[:-1] if not text.endswith("\n") else text.splitlines()
    lines = [line for line in whole if line.strip()][:LINES_TOLD_BY]
    if not lines:
        return False
    if all(QUOTE_LINE.fullmatch(line) for line in lines):
        return True
    try:
        parsed = [orjson.loads(line) for line in lines]
    except orjson.JSONDecodeError:
        return False
    return all(isinstance(item, dict) and {"text", "speaker", "sources"} <= item.keys() for item in parsed)


def source_document(quote: QuoteRecord, article: ArticleRecord | None) -> dict[str, object]:
    """Where one copy of a quote stands, as every command that prints quotes in JSON lists it in `sources`: its
    article (id, path, title, outlet, date, link) and its offsets there."""
    return {
        "article": quote.article_key,
        "path": article.source if article else None,
        "title": article.title if article else None,
        "outlet": article.outlet if article else None,
        "date": article.date if article else None,
        "url": article.url if article else None,
        "paragraph": quote.paragraph,
        "start": quote.start,
        "end": quote.end,
    }


def quote_copies(snapshot: Snapshot, quote: QuoteRecord) -> Sequence[QuoteRecord]:
    """Every stored copy of a quote, in article order: itself alone when no other article printed it."""
    return snapshot.quote_sources(quote) if quote.source_count > 1 else (quote,)


def quote_row(snapshot: Snapshot, quote: QuoteRecord) -> dict[str, object]:
    """One exported quote: its citation's pieces, where it stands, its citation in both styles, and every article
    that printed it (`sources`, as `whosaid search --json` lists them)."""
    citation = snapshot.citation_of(quote).cleaned()
    article = snapshot.article(quote.article_key)
    copies = quote_copies(snapshot, quote)
    return {
        **_citation_fields(citation),
        "article": quote.article_key,
        "path": article.source if article else None,
        "paragraph": quote.paragraph,
        "citation": format_citation(citation, "plain", cleaned=True),
        "citation_markdown": format_citation(citation, "markdown", cleaned=True),
        "sources": [
            source_document(copy, article if copy is quote else snapshot.article(copy.article_key)) for copy in copies
        ],
    }


def document_row(documents: QuoteDocuments, position: int) -> dict[str, object]:
    """`quote_row` of the stored quote at this position, made from the stored documents (a store read by key)."""
    return next(document_rows(documents, (position,)))


def document_rows(documents: QuoteDocuments, positions: Iterable[int]) -> Iterator[dict[str, object]]:
    """`document_row` of each stored quote at these positions in turn, all that its citation says but its text
    made once for each speaker in each article (see `_speaker_pieces`), and what it says of the article once for
    each article: an export of 61,575 quotes made and cleaned a citation field by field for each quote, a third of
    its time."""
    speakers: dict[tuple[str, str], tuple[dict[str, object], str, str, object]] = {}
    articles: dict[str, ArticlePieces] = {}
    for position in positions:
        document = documents.document(position)
        speaker, article_key, paragraph = documents.export_parts(position)
        pieces = speakers.get((speaker, article_key))
        if pieces is None:
            article = articles.get(article_key)
            if article is None:
                kept(articles)
                article = articles[article_key] = _article_pieces(documents, article_key)
            kept(speakers)
            pieces = speakers[(speaker, article_key)] = _speaker_pieces(documents, position, document, article)
        fields, plain_tail, markdown_tail, path = pieces
        text = one_line(str(document["text"])) or ""
        yield {
            "text": text,
            **fields,
            "article": article_key,
            "path": path,
            "paragraph": paragraph,
            "citation": quoted_text(text, "plain") + plain_tail,
            "citation_markdown": quoted_text(text, "markdown") + markdown_tail,
            "sources": document["sources"],
        }


ArticlePieces = tuple[Citation, str, str, object]
"""What the rows of an article's quotes say of it: its cleaned title, outlet, date, author and link (a citation
without text or speaker), its details in a plain and in a Markdown citation, and its path."""


def _article_pieces(documents: QuoteDocuments, article_key: str) -> ArticlePieces:
    """What the row of each quote of this article says of it (see `ArticlePieces`)."""
    own = documents.article(article_key)
    cited = Citation(
        "",
        title=_text(own["title"]) or "",
        outlet=_text(own["outlet"]),
        date=_text(own["date"]),
        author=documents.article_author(article_key),
        url=_text(own["url"]),
    ).cleaned()
    return cited, citation_details(cited, "plain"), citation_details(cited, "markdown"), own["path"]


def _speaker_pieces(
    documents: QuoteDocuments, position: int, document: dict[str, object], article: ArticlePieces
) -> tuple[dict[str, object], str, str, object]:
    """What the row of a quote (`document`, at this position) shares with every quote of its speaker in its article:
    its citation's cleaned pieces but the text, the citation's tail in each style, and the article's path."""
    cited, plain_details, markdown_details, path = article
    person = documents.speaker_kind(position) == "person"
    speaker = one_line(_text(document["speaker"]))
    role = one_line(_text(document["role"])) if person else None
    organization = one_line(_text(document["organization"])) if person else None
    fields = _citation_fields(cited._replace(speaker=speaker, role=role, organization=organization))
    del fields["text"]
    said = speaker_line(speaker, role, organization) or "unattributed"
    return fields, said_where(said, plain_details, "plain"), said_where(said, markdown_details, "markdown"), path


def _citation_fields(citation: Citation) -> dict[str, object]:
    """The pieces of a cleaned citation, as an exported quote lists them first."""
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
    }


def export_lines(snapshot: Snapshot, quotes: Iterable[QuoteRecord], form: str, bom: bool = False) -> Iterator[str]:
    """The export of the quotes in `form` (one of EXPORT_FORMATS), a line at a time, each ending in a newline; in
    Markdown a quote printed by several articles has the others listed below its citation."""
    return row_lines((quote_row(snapshot, quote) for quote in quotes), form, bom)


def document_lines(documents: QuoteDocuments, positions: Iterable[int], form: str, bom: bool = False) -> Iterator[str]:
    """`export_lines` of the stored quotes at these positions, made from the stored documents."""
    return row_lines(document_rows(documents, positions), form, bom)


def row_lines(rows: Iterable[dict[str, object]], form: str, bom: bool) -> Iterator[str]:
    """Exported quotes (see `quote_row`) in `form`, a line at a time."""
    if form == "csv":
        yield from csv_lines(rows, bom)
    elif form == "jsonl":
        for row in rows:
            yield orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE).decode()
    elif form == "md":
        for row in rows:
            yield f"- {row['citation_markdown']}\n"
            for source in other_sources(row):
                yield f"  - also in {format_source(source_citation(row, source), 'markdown')}\n"
    else:
        raise ValueError(f"unknown export format {form!r}; one of {', '.join(EXPORT_FORMATS)}")


def other_sources(row: dict[str, object]) -> list[dict[str, object]]:
    """The articles besides its own that printed an exported quote, in article order, each once: a quote said
    again further on in its own article is no other source."""
    sources: list[dict[str, object]] = row["sources"]  # type: ignore[assignment]
    return first_in_each_article((source for source in sources if source["article"] != row["article"]), _article)


def _article(source: dict[str, object]) -> str:
    """The key of the article a source stands in."""
    return str(source["article"])


def source_citation(row: dict[str, object], source: dict[str, object]) -> Citation:
    """The citation of one more article that printed an exported quote: its title, outlet, date and link."""
    return Citation(
        str(row["text"]),
        title=_text(source["title"]),
        outlet=_text(source["outlet"]),
        date=_text(source["date"]),
        url=_text(source["url"]),
    )


def _text(value: object) -> str | None:
    """A source's string field, or None."""
    return value if isinstance(value, str) else None


def csv_lines(rows: Iterable[dict[str, object]], bom: bool) -> Iterator[str]:
    """CSV with a header, every field quoted, one row a quote; a byte-order mark first when `bom`."""
    yield (BOM if bom else "") + csv_record(CSV_COLUMNS)
    for row in rows:
        counted = {**row, "sources": len(first_in_each_article(row["sources"], _article))}  # type: ignore[arg-type]
        yield csv_record(map(spreadsheet_cell, map(counted.__getitem__, CSV_COLUMNS)))


def csv_record(cells: Iterable[str]) -> str:
    """One CSV record as the csv module writes it with every field quoted (`csv.QUOTE_ALL`, a quote mark doubled,
    lines ended by CRLF), made by joining strings: three times faster for a six-figure export."""
    return '"' + '","'.join([cell.replace('"', '""') for cell in cells]) + '"\r\n'


def spreadsheet_cell(value: object) -> str:
    """A value as a CSV cell a spreadsheet shows as text: empty for None, a would-be formula made plain text, and
    any control character (an article's path may hold an escape sequence; every other field is cleaned already)
    shown as U+FFFD rather than sent to a terminal."""
    if value is None:
        return ""
    text = value if value.__class__ is str else str(value)
    if not text.isprintable():
        text = CONTROL.sub("\ufffd", text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


__all__ = [
    "CSV_COLUMNS",
    "EXPORT_FORMATS",
    "Citation",
    "document_lines",
    "document_row",
    "document_rows",
    "export_lines",
    "quote_row",
    "source_document",
]
