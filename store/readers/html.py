"""HTML pages: the article's main text and metadata by trafilatura; feed fragments to text by the standard library."""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from store.readers.article import Metadata, ReaderError, SourceArticle, clean_text, shown_name

CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li "
    "main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
SKIPPED_TAGS = frozenset("script style noscript template head iframe object svg math".split())
INLINE_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
MIN_WORDS = 20
LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][\w:-]*(\s[^<>]*)?/?\s*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]\w*);")


def read_html(data: bytes | str, name: str, url: str | None = None, content_type: str | None = None) -> SourceArticle:
    """The article a web page holds: main text without navigation, ads, comments or related links, and metadata.

    Paragraphs are separated by a blank line. Metadata: the page's title, author, date (ISO), site name as
    the outlet, and canonical URL (else `url`, the address it was fetched from). A page with no article text
    (fewer than MIN_WORDS words once navigation and the like are gone) is a ReaderError.
    """
    import trafilatura

    page = _decoded(data, content_type)
    try:
        document = trafilatura.bare_extraction(
            page,
            url=url,
            include_comments=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
        )
    except (ValueError, TypeError, AttributeError) as error:
        raise ReaderError(f"{shown_name(name)}: not a readable HTML page ({error})") from None
    text = paragraphs_of(document.text if document is not None else "")
    if len(text.split()) < MIN_WORDS:
        raise ReaderError(f"{shown_name(name)}: no article text found in the page")
    metadata = Metadata.of(
        title=document.title,
        author=document.author,
        date=document.date,
        outlet=document.sitename,
        url=document.url or url,
    )
    return SourceArticle(text, metadata)


def paragraphs_of(text: str | None) -> str:
    """Text made of one paragraph a line into paragraphs a blank line apart, controls removed."""
    if not text:
        return ""
    lines = (INLINE_SPACE.sub(" ", line).strip() for line in clean_text(text).split("\n"))
    return "\n\n".join(line for line in lines if line)


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

