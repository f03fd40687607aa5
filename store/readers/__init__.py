"""Readers: articles with their metadata from the inputs people have, one module a format, one shape out.

`read_source(data, name)` picks the reader by the content (an HTML page, an RSS/Atom feed, JSON), then by the
name's suffix, then by the content type, and falls back to plain text; `read_url(url)` fetches first. Every
failure is a ReaderError whose message is one line naming the input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from store.errors import shown_path
from store.readers.article import Metadata, ReaderError, SourceArticle, safe_url
from store.readers.feed import read_feed
from store.readers.fetch import Fetched, FetchError, fetch, is_url, media_type
from store.readers.html import read_html
from store.readers.jsonl import LineError, read_json, read_jsonl
from store.readers.plain import is_markdown_name, read_plain

__all__ = [
    "FORMATS",
    "FetchError",
    "Fetched",
    "LineError",
    "Metadata",
    "ReaderError",
    "SourceArticle",
    "SourceList",
    "detect_format",
    "fetch",
    "follow_summaries",
    "is_url",
    "read_feed",
    "read_html",
    "read_json",
    "read_jsonl",
    "read_plain",
    "read_source",
    "read_url",
    "safe_url",
]

FORMATS = ("html", "feed", "json", "plain")
SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".jsonl": "json",
    ".ndjson": "json",
    ".json": "json",
    ".txt": "plain",
    ".md": "plain",
    ".markdown": "plain",
    ".text": "plain",
}
CONTENT_TYPES = (
    ("text/html", "html"),
    ("application/xhtml", "html"),
    ("application/rss", "feed"),
    ("application/atom", "feed"),
    ("application/x-rss", "feed"),
    ("application/x-atom", "feed"),
    ("application/rdf", "feed"),
    ("application/xml", "feed"),
    ("text/xml", "feed"),
    ("application/json", "json"),
    ("application/x-ndjson", "json"),
    ("application/jsonl", "json"),
    ("text/plain", "plain"),
    ("text/markdown", "plain"),
)
MARKDOWN_TYPES = ("text/markdown", "text/x-markdown")
FIRST_ELEMENT = re.compile(r"<(?![?!/])([a-z][\w:.-]*)")
HTML_ELEMENTS = frozenset(("html", "head", "body"))
HEAD_BYTES = 4096


class SourceList(list):  # type: ignore[type-arg]
    """The articles read from one input, and `errors`: one-line messages for the parts of it that were skipped."""

    def __init__(self, articles: Iterable[SourceArticle] = (), errors: Iterable[str] = ()) -> None:
        super().__init__(articles)
        self.errors: list[str] = list(errors)


def read_source(
    data: bytes, name: str, content_type: str | None = None, *, url: str | None = None, kind: str | None = None
) -> SourceList:
    """The articles of one input's bytes, read by the reader its content, name or content type calls for.

    `name` is a file name or URL, used in messages and to pick a reader by suffix; `content_type` is what a
    server said; `url` is where a page was fetched from (the fallback for its canonical URL; `name` when it is a
    URL, and the base of a feed's relative links). A plain-text file gives one article with its exact text, a
    Markdown one (by its suffix, or served as text/markdown) one with the text it shows; an HTML page one; a feed
    one per item, numbered (see `SourceArticle.summary_only`, `.number`, `.key`); a JSON Lines
    file one per good line, numbered by its line, its bad lines in `errors`.
    Raises ReaderError, one line naming the input, when nothing in it is an article. `kind`: what
    `detect_format` said of these bytes, when the caller asked it already.
    """
    kind = kind or detect_format(data, name, content_type)
    url = url or (name if is_url(name) else None)
    if kind == "html":
        return SourceList([read_html(data, name, url=url, content_type=content_type)])
    if kind == "feed":
        return SourceList(read_feed(data, name, url=url))
    if kind == "json":
        articles, errors = read_json(data, name)
        return SourceList(articles, (f"{shown_path(name)}: {error}" for error in errors))
    markdown = is_markdown_name(name) or media_type(content_type) in MARKDOWN_TYPES
    return SourceList([read_plain(data, name, markdown=markdown)])


def detect_format(data: bytes, name: str, content_type: str | None = None) -> str:
    """Which reader an input needs (one of FORMATS): by its opening bytes, else its suffix, else its content type."""
    head = _head(data)
    if head.startswith("<"):
        if head.startswith("<!doctype html"):
            return "html"
        element = FIRST_ELEMENT.search(head)
        if element:
            tag = element.group(1)
            if tag in ("rss", "feed", "rdf:rdf") or tag.endswith(":rdf"):
                return "feed"
            if tag in HTML_ELEMENTS:
                return "html"
    elif head.startswith(("{", "[")) and _json_start(head):
        return "json"
    path = name.split("?", 1)[0].split("#", 1)[0].lower()
    for suffix, kind in SUFFIXES.items():
        if path.endswith(suffix):
            return kind
    media = media_type(content_type)
    for prefix, kind in CONTENT_TYPES:
        if media.startswith(prefix):
            return kind
    if media.endswith(("+xml", "/xml")):
        return "feed"
    return "html" if head.startswith("<") else "plain"


def read_url(url: str, *, fetcher: Callable[[str], Fetched] = fetch) -> SourceList:
    """The articles at an http(s) URL: fetched (see `fetch`), then read as `read_source` reads a file."""
    fetched = fetcher(url)
    return read_source(fetched.data, url, fetched.content_type, url=fetched.url)


def follow_summaries(
    articles: Iterable[SourceArticle], *, fetcher: Callable[[str], Fetched] = fetch
) -> tuple[list[SourceArticle], list[str]]:
    """Feed items whose text is only a summary replaced by the article at their link, and why any could not be.

    The item keeps its feed metadata (title, date, link), filled in from the page's where the feed says nothing. An
    item whose page fails is left out with a one-line error, counted once as failed: its summary would replace an
    article stored whole from the same link by an earlier run.
    """
    followed: list[SourceArticle] = []
    errors: list[str] = []
    for article in articles:
        link = article.metadata.url
        if not article.summary_only or link is None:
            followed.append(article)
            continue
        try:
            page = read_url(link, fetcher=fetcher)[0]
        except ReaderError as error:
            errors.append(f"{error}; the item was not stored")
            continue
        metadata = article.metadata.filled_from(page.metadata)
        followed.append(replace(article, text=page.text, metadata=metadata, summary_only=False))
    return followed, errors


def _head(data: bytes) -> str:
    """The input's opening characters without a byte-order mark or leading blanks, lowercased when they open
    markup or JSON (what is read of them then)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[: HEAD_BYTES * 2].decode("utf-16", errors="ignore")
    else:
        head = data[:HEAD_BYTES].decode("utf-8", errors="ignore")
    head = head.lstrip("\ufeff \t\r\n")
    return head.lower() if head.startswith(("<", "{", "[")) else head


def _json_start(head: str) -> bool:
    """Whether an input opening with `{` or `[` is JSON: its first line parses, or it opens an array or object."""
    first = head.split("\n", 1)[0].strip()
    if first in ("[", "{"):
        return True
    try:
        json.loads(first)
    except RecursionError:
        return True  # nested too deeply to read: the JSON reader says so
    except ValueError:
        return first.startswith("[{")
    return True
