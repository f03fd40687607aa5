"""Articles extracted elsewhere, one JSON object a line (`whosaid extract --jsonl`), read back to be stored as is."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson

from store.model import Extraction, Organization, Person, Quote

if TYPE_CHECKING:
    from store.sources import InputArticle

METADATA_NAMES = ("title", "author", "date", "outlet", "url")


class BadLine(ValueError):
    """A line that is not an extracted article, with the reason."""


@dataclass(frozen=True)
class ExtractedArticle:
    """One article read from a line: where it came from, its text and metadata, what was found, and by which
    extractor version."""

    source: str
    text: str
    metadata: dict[str, str]
    extraction: Extraction
    extractor: int


def extracted_line_document(
    source: str, text: str, metadata: dict[str, str], extractor: int, shown: dict[str, Any]
) -> dict[str, Any]:
    """The object a line of `extract --jsonl` holds: `shown` (what `extract --json` prints of the article) with
    the article's source, text and metadata and the extractor's version, so `ingest --extracted` can store it."""
    return {**shown, "source": source, "text": text, "metadata": metadata, "extractor": extractor}


def extracted_article_line(name: str, article: InputArticle) -> dict[str, Any]:
    """One article of the input `name`, read by the installed extractor, as the object a line of
    `extract --jsonl` holds: the one step that needs no store, so it can run anywhere, in parallel."""
    from store.errors import storable_name
    from store.extraction import EXTRACTOR_VERSION, extract

    metadata = article.metadata_fields()
    shown = extraction_document(storable_name(name), extract(article.text), metadata)
    return extracted_line_document(article.source, article.text, metadata, EXTRACTOR_VERSION, shown)


def extraction_document(name: str, extraction: Extraction, metadata: dict[str, str] | None = None) -> dict[str, Any]:
    """What extraction found in one article (with what its source states: title, outlet, date, url), as
    `extract --json` prints it: the article's path as given, in its quotes' sources too."""
    metadata = metadata or {}
    path = name
    return {
        "path": name,
        "title": metadata.get("title") or extraction.title,
        "people": [
            {"name": p.name, "aliases": list(p.aliases), "role": p.role, "organization": p.organization}
            for p in extraction.people
        ],
        "organizations": [{"name": o.name, "aliases": list(o.aliases)} for o in extraction.organizations],
        "quotes": [extracted_quote(path, extraction, quote, metadata) for quote in extraction.quotes],
    }


def extracted_quote(
    path: str, extraction: Extraction, quote: Quote, metadata: dict[str, str] | None = None
) -> dict[str, Any]:
    """A quote extraction found in the article read from `path` (as stored: absolute, a URL or `-`), in the JSON
    shape of every command that prints quotes (its source not stored, so without an article id), keeping its
    offsets beside the text as well."""
    metadata = metadata or {}
    person = next((p for p in extraction.people if p.name == quote.speaker), None)
    if person is not None:
        organization = person.organization
    else:
        organization = next((o.name for o in extraction.organizations if o.name == quote.speaker), None)
    source = {
        "article": None,
        "path": path,
        "title": metadata.get("title") or extraction.title,
        "outlet": metadata.get("outlet"),
        "date": metadata.get("date"),
        "url": metadata.get("url"),
        "paragraph": quote.paragraph,
        "start": quote.start,
        "end": quote.end,
    }
    return {
        "text": quote.text,
        "speaker": quote.speaker,
        "role": person.role if person else None,
        "organization": organization,
        "sources": [source],
        "start": quote.start,
        "end": quote.end,
        "paragraph": quote.paragraph,
    }


def read_extracted_lines(lines: Iterable[bytes]) -> Iterator[tuple[int, ExtractedArticle | BadLine]]:
    """(line number, article) for each non-blank line, or (line number, BadLine) for one that is not an article."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, parse_extracted_line(line)
        except BadLine as bad:
            yield number, bad


def parse_extracted_line(line: bytes) -> ExtractedArticle:
    """The article one line holds, or BadLine saying what is wrong with it."""
    try:
        document = orjson.loads(line)
    except orjson.JSONDecodeError:
        raise BadLine("not JSON") from None
    if not isinstance(document, dict):
        raise BadLine("not a JSON object")
    text = _field(document, "text", str)
    if not text.strip():
        raise BadLine("empty text")
    metadata = document.get("metadata") or {}
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise BadLine("'metadata' is not an object of strings")
    extractor = document.get("extractor", 1)
    if not isinstance(extractor, int) or isinstance(extractor, bool) or extractor < 1:
        raise BadLine("'extractor' is not a version number")
    from store.extractor_version import installed_extractor_version

    if extractor > installed_extractor_version():
        raise BadLine(f"read by a newer extractor (version {extractor}) than this whosaid's; extract it again")
    source = document.get("source", document.get("path"))
    if not isinstance(source, str) or not source:
        raise BadLine("no 'source'")
    extraction = Extraction(
        _field(document, "title", str),
        tuple(_person(p) for p in _field(document, "people", list)),
        tuple(_organization(o) for o in _field(document, "organizations", list)),
        tuple(_quote(q, text) for q in _field(document, "quotes", list)),
    )
    named = {entity.name for entity in (*extraction.people, *extraction.organizations)}
    _check_paragraphs(extraction.quotes, text)
    for quote in extraction.quotes:
        if quote.speaker is not None and quote.speaker not in named:
            raise BadLine(f"quote at {quote.start}: its speaker {quote.speaker!r} is none of the article's people or "
                          "organizations")
    known = {name: value for name, value in metadata.items() if name in METADATA_NAMES and value}
    return ExtractedArticle(source, text, known, extraction, extractor)


def _field(document: dict[str, Any], name: str, kind: type) -> Any:
    """A field that must be there with this type."""
    value = document.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise BadLine(f"'{name}' is missing or not {'an' if kind.__name__[0] in 'aeiou' else 'a'} {kind.__name__}")
    return value


def _optional_text(document: dict[str, Any], name: str) -> str | None:
    """A field that is a string or null."""
    value = document.get(name)
    if value is not None and not isinstance(value, str):
        raise BadLine(f"'{name}' is not a string")
    return value


def _names(document: object, what: str) -> tuple[str, tuple[str, ...]]:
    """The name and aliases of a person or organization."""
    if not isinstance(document, dict):
        raise BadLine(f"a {what} is not an object")
    name = document.get("name")
    aliases = document.get("aliases", [])
    if not isinstance(name, str) or not name.strip():
        raise BadLine(f"a {what} has no name")
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        raise BadLine(f"{what} {name!r}: 'aliases' is not a list of strings")
    return name, tuple(aliases)


def _person(document: object) -> Person:
    """A person as `extract --json` prints one."""
    name, aliases = _names(document, "person")
    assert isinstance(document, dict)
    return Person(name, aliases, _optional_text(document, "role"), _optional_text(document, "organization"))


def _organization(document: object) -> Organization:
    """An organization as `extract --json` prints one."""
    return Organization(*_names(document, "organization"))


def _check_paragraphs(quotes: Iterable[Quote], text: str) -> None:
    """Refuse quotes whose paragraph is not the one their offsets stand in (the number of the article's line that is
    not blank, counted from 0, as extraction gives it): a search line and an export would cite a paragraph the
    article does not have."""
    if not quotes:
        return
    from store.extraction.text import paragraphs

    starts = [start for start, _ in paragraphs(text)]
    for quote in quotes:
        paragraph = max(0, bisect_right(starts, quote.start) - 1)
        if quote.paragraph != paragraph:
            raise BadLine(f"quote at {quote.start}: its paragraph {quote.paragraph} is not {paragraph}, where it is")


def _quote(document: object, text: str) -> Quote:
    """A quote as `extract --json` prints one; its offsets must hold its text in the article's."""
    if not isinstance(document, dict):
        raise BadLine("a quote is not an object")
    quoted = _field(document, "text", str)
    start, end, paragraph = (_field(document, name, int) for name in ("start", "end", "paragraph"))
    if not (0 <= start <= end <= len(text)) or text[start:end] != quoted:
        raise BadLine(f"quote at {start}: its offsets do not hold its text in the article")
    return Quote(quoted, _optional_text(document, "speaker"), start, end, paragraph)
