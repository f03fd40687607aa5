"""HTML pages: the article's main text and metadata by trafilatura; feed fragments to text by the standard library."""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
from html.parser import HTMLParser

from store.errors import shown_path
from store.readers.article import Metadata, ReaderError, SourceArticle, clean_text

CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li "
    "main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
SKIPPED_TAGS = frozenset("script style noscript template head iframe object svg math".split())
MIN_WORDS = 20
TRAFILATURA_OPTIONS: dict[str, bool] = {
    "include_comments": False,
    "favor_recall": True,
    "include_images": False,
    "include_links": False,
}
"""How whosaid asks trafilatura for a page's text, chosen by benchmarks/html_text_f1.py: readers' comments are not
the article, and favouring recall keeps lists and subheadings that trafilatura's balanced mode drops from some
layouts (a lost paragraph is lost quotes) at no cost in precision on the test pages; the rest are its defaults."""
TABLE_RULE = re.compile(r"\|?(?: ?:?-{3,}:? ?\|)+ ?:?-*:?")
"""The line trafilatura writes under a table's first row (`|---|---|`): drawing, no text of the article."""
LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][\w:-]*(\s[^<>]*)?/?\s*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]\w*);")


def read_html(data: bytes | str, name: str, url: str | None = None, content_type: str | None = None) -> SourceArticle:
    """The article a web page holds: main text without navigation, ads, comments or related links, and metadata.

    Paragraphs are separated by a blank line. Metadata: the page's title, author, date (ISO), site name as
    the outlet, and canonical URL (else `url`, the address it was fetched from). A page with no article text
    (fewer than MIN_WORDS words once navigation and the like are gone) is a ReaderError.
    """
    import trafilatura
    from trafilatura.utils import load_html

    try:
        tree = load_html(_decoded(data, content_type))
        if tree is None:
            raise ValueError("no HTML in it")
        metadata = _page_metadata(tree, url)
        document = trafilatura.bare_extraction(tree, url=url, **TRAFILATURA_OPTIONS)
    except (ValueError, TypeError, AttributeError) as error:
        raise ReaderError(f"{shown_path(name)}: not a readable HTML page ({error})") from None
    text = paragraphs_of(document.text if document is not None else "")
    if len(text) < MIN_WORDS * 20 and len(text.split()) < MIN_WORDS:
        raise ReaderError(f"{shown_path(name)}: no article text found in the page")
    return SourceArticle(text, metadata)


def _page_metadata(tree: object, url: str | None) -> Metadata:
    """A page's title, author, date, site name and canonical URL, read as trafilatura reads them.

    The same steps as trafilatura's `extract_metadata` without the categories, tags and licence it also
    looks for, which whosaid does not keep and which take a quarter of a page's reading time.
    """
    try:
        from htmldate import find_date
        from trafilatura.metadata import (
            META_URL,
            examine_meta,
            extract_author,
            extract_meta_json,
            extract_sitename,
            extract_title,
            extract_url,
        )
        from trafilatura.settings import set_date_params
    except ImportError:
        from trafilatura.metadata import extract_metadata

        found = extract_metadata(tree, url)
        return Metadata.of(found.title, found.author, found.date, found.sitename, found.url or url)
    found = examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader is best effort, as in trafilatura itself
        found = extract_meta_json(tree, found)
    title = found.title or extract_title(tree)
    author = found.author or extract_author(tree)
    canonical = found.url or extract_url(tree, url)
    date = find_date(tree, **{**set_date_params(True), "url": canonical})
    sitename = found.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    elif canonical and (match := META_URL.match(canonical)):
        sitename = match[1]
    return Metadata.of(title, author, date, sitename, canonical or url)


def paragraphs_of(text: str | None) -> str:
    """Text made of one paragraph a line into paragraphs a blank line apart, controls and table rules removed.

    Characters are composed (NFC), as trafilatura gives its own text, so that an accented letter a page writes
    as a letter and a combining mark is one letter to search and to show.
    """
    if not text:
        return ""
    lines = (" ".join(line.split()) for line in clean_text(unicodedata.normalize("NFC", text)).split("\n"))
    return "\n\n".join(line for line in lines if line and not TABLE_RULE.fullmatch(line))


def looks_like_html(text: str) -> bool:
    """Whether a feed's text is HTML (it holds a tag or a character reference) rather than plain text."""
    return LOOKS_LIKE_HTML.search(text) is not None


def html_to_text(fragment: str) -> str:
    """All the readable text of an HTML fragment (a feed item's content), paragraphs a blank line apart."""
    parser = _FragmentText()
    parser.feed(fragment)
    parser.close()
    return paragraphs_of("".join(parser.pieces))


class _FragmentText(HTMLParser):
    """Collects an HTML fragment's text, a line break at each block element, scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element: a block starts a new line, a skipped element hides its content."""
        tag = tag.rsplit(":", 1)[-1]
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.pieces.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """An empty element such as <br/>: a line break when it is a block."""
        if tag.rsplit(":", 1)[-1] in BLOCK_TAGS:
            self.pieces.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        """Close an element: a block ends its line, a skipped element shows what follows again."""
        tag = tag.rsplit(":", 1)[-1]
        if tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.pieces.append("\n\n")

    def handle_data(self, data: str) -> None:
        """Text outside skipped elements, its line breaks made spaces as a browser shows them."""
        if not self.skipping:
            self.pieces.append(data.replace("\n", " "))


def _decoded(data: bytes | str, content_type: str | None) -> bytes | str:
    """The page as text when its content type names a known charset, else its bytes for trafilatura to decode."""
    if isinstance(data, str):
        return data
    match = CHARSET.search(content_type or "")
    if match:
        try:
            codecs.lookup(match.group(1))
            return data.decode(match.group(1), errors="replace")
        except LookupError:
            pass
    return data
