"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: every item an article with its own link, title, date and author."""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from html.entities import name2codepoint
from urllib.parse import urljoin
from xml.parsers import expat

from store.errors import shown_path
from store.readers.article import Metadata, ReaderError, SourceArticle, clean_field, clean_text, safe_url
from store.readers.html import html_to_text, looks_like_html, paragraphs_of

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
HTML_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
XML_ENTITIES = frozenset((b"amp", b"lt", b"gt", b"quot", b"apos"))
CHARACTER = re.compile(rb"(?:&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));|([\x00-\x08\x0b\x0c\x0e-\x1f]))(\[[0-?]*[ -/]*[@-~])?")
"""A character reference, or a control character written as it is; after it, what a terminal would read as the
rest of an escape sequence (ESC [ 31 m) were it ESC."""
ESC = 0x1B
DIGEST_LENGTH = 12
"""Hex digits of the SHA-256 of its text that name an item with neither link, guid nor id."""
MAX_ITEMS = 10_000


class _Refused(Exception):
    """A feed that declares entities, refused before any could be expanded."""


def read_feed(data: bytes, name: str, url: str | None = None) -> list[SourceArticle]:
    """The items of an RSS or Atom feed, newest first as the feed lists them; a ReaderError if it is not one.

    Each item's text comes from its full content (content:encoded, Atom content), else its summary (description,
    Atom summary), with HTML turned into text; an item with only a summary is marked `summary_only` so a caller
    can fetch its link. Every item is given, numbered by its place in the feed: one with neither text nor link
    has no text, for the caller to report by its number. An item with no link is keyed by its guid or Atom id,
    else by a digest of its text, so that a feed that rolls over never gives an old key to a new item. Relative
    links are resolved against xml:base, the RSS channel's link and `url` (where the feed was fetched from).
    Entity declarations are refused; a character XML forbids (a control, even written as a reference) is dropped.
    """
    shown = shown_path(name)
    root = parse_xml(data, shown)
    local = _local(root.tag)
    base = _based(url, root)
    if local == "rss" or local == "RDF":
        channel = _child(root, "channel")
        channel_base = _based(base, channel)
        site = _joined(channel_base, _rss_link(channel)) or channel_base
        outlet = _text(_child(channel, "title"))
        items = [e for e in root.iter() if _local(e.tag) == "item"]
        articles = [
            _rss_item(item, number, outlet, _based(site, item)) for number, item in enumerate(items[:MAX_ITEMS], 1)
        ]
    elif local == "feed":
        outlet = _text(_child(root, "title"))
        entries = [e for e in root if _local(e.tag) == "entry"]
        feed_author = _atom_author(root)
        articles = [
            _atom_entry(entry, number, outlet, feed_author, _based(base, entry))
            for number, entry in enumerate(entries[:MAX_ITEMS], 1)
        ]
    else:
        raise ReaderError(f"{shown}: XML but not an RSS or Atom feed (its root element is <{local}>)")
    if not any(article.text or article.metadata.url for article in articles):
        raise ReaderError(f"{shown}: a feed with no items that have text or a link")
    return articles


def parse_xml(data: bytes, shown: str) -> ET.Element:
    """The element tree of an XML document, refusing entity declarations; HTML entity names read as characters."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_: object) -> None:
        raise _Refused

    def start(tag: str, attributes: dict[str, str]) -> None:
        builder.start(_clark(tag), {_clark(key): value for key, value in attributes.items()})

    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: builder.end(_clark(tag))
    parser.CharacterDataHandler = builder.data
    parser.buffer_text = True
    try:
        parser.Parse(_entities_as_numbers(_xml_characters(data)), True)
        return builder.close()
    except _Refused:
        raise ReaderError(f"{shown}: the feed declares XML entities, which are refused") from None
    except expat.ExpatError as error:
        reason = expat.ErrorString(error.code)
        raise ReaderError(
            f"{shown}: not a well-formed feed ({reason} at line {error.lineno}, column {error.offset + 1})"
        ) from None
    except (AssertionError, IndexError):
        raise ReaderError(f"{shown}: not a well-formed feed (no root element)") from None


EMAIL_AND_NAME = re.compile(r"\s*[^\s@()]+@[^\s@()]+\s*\((?P<name>[^()]+)\)\s*")
"""RSS 2.0's <author>: an email address, the writer's name in brackets after it ("news@x.org (Sam Okafor)")."""


def _named_author(author: str | None) -> str | None:
    """The writer's name an RSS <author> gives after their email address, else the author as written."""
    if author is None:
        return None
    named = EMAIL_AND_NAME.fullmatch(author)
    return named["name"].strip() if named else author


def _rss_item(item: ET.Element, number: int, outlet: str | None, base: str | None) -> SourceArticle:
    """An article from an RSS <item>, the `number`th of its feed; its <link> resolved against `base` (a guid that is
    a permalink is a whole URL)."""
    guid = _child(item, "guid")
    permalink = _text(guid) if guid is not None and guid.get("isPermaLink", "true") != "false" else None
    link = _first_link((_joined(base, _rss_link(item)), permalink, _child_attr(item, "about")))
    author = _text(_child(item, "creator")) or _named_author(_text(_child(item, "author")))
    date = _text(_child(item, "pubDate")) or _text(_child(item, "date")) or _text(_child(item, "published"))
    encoded = next((e for e in item if e.tag == f"{{{CONTENT}}}encoded"), None)
    full = _as_text(_text(encoded))
    summary = "" if full else _as_text(_text(_child(item, "description")))
    title = _one_line(_as_text(_text(_child(item, "title"))))
    metadata = Metadata.of(title=title, author=author, date=date, outlet=outlet, url=link)
    return _item(full or summary, not full, metadata, number, _text(guid))


def _atom_entry(
    entry: ET.Element, number: int, outlet: str | None, feed_author: str | None, base: str | None
) -> SourceArticle:
    """An article from an Atom <entry>, the `number`th of its feed; its links resolved against `base`."""
    links = [e for e in entry if _local(e.tag) == "link"]
    alternates_first = sorted(links, key=lambda e: e.get("rel", "alternate") != "alternate")
    link = _first_link(_joined(_based(base, e), e.get("href")) for e in alternates_first)
    date = _text(_child(entry, "published")) or _text(_child(entry, "updated"))
    full = _atom_text(_child(entry, "content"))
    summary = "" if full else _atom_text(_child(entry, "summary"))
    title = _one_line(_atom_text(_child(entry, "title")))
    author = _atom_author(entry) or feed_author
    metadata = Metadata.of(title=title, author=author, date=date, outlet=outlet, url=link)
    return _item(full or summary, not full, metadata, number, _text(_child(entry, "id")))


def _item(text: str, summary: bool, metadata: Metadata, number: int, key: str | None) -> SourceArticle:
    """The article of one item, keyed by its guid or id (`key`), else by a digest of its text."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:DIGEST_LENGTH] if text else None
    return SourceArticle(text, metadata, summary_only=summary, number=number, key=clean_field(key) or digest)


def _first_link(links: Iterable[str | None]) -> str | None:
    """The first of an item's links that is an http(s) URL."""
    return next((url for url in map(safe_url, links) if url), None)


def _rss_link(element: ET.Element | None) -> str | None:
    """The link an RSS channel or item states as its <link>'s text (an atom:link beside it has none)."""
    if element is None:
        return None
    return next((text for child in element if _local(child.tag) == "link" and (text := _text(child))), None)


def _joined(base: str | None, written: str | None) -> str | None:
    """A link as written, resolved against the base URL in effect where it stands (as written when there is none
    or it cannot be joined)."""
    if written is None or base is None:
        return written
    try:
        return urljoin(base, written.strip())
    except ValueError:
        return written


def _based(base: str | None, element: ET.Element | None) -> str | None:
    """The base URL in effect inside `element`: its xml:base resolved against `base`, the one around it."""
    if element is None:
        return base
    return _joined(base, element.get(XML_BASE)) or base


def _atom_text(element: ET.Element | None) -> str:
    """The text of an Atom text construct (type text, html or xhtml)."""
    if element is None:
        return ""
    kind = element.get("type", "text")
    if kind == "xhtml":
        markup = "".join(ET.tostring(child, encoding="unicode") for child in element)
        text = html_to_text((element.text or "") + markup)
    elif kind == "html" or kind.endswith("html"):
        text = html_to_text(element.text or "")
    else:
        text = paragraphs_of(element.text or "")
    return text


def _atom_author(element: ET.Element) -> str | None:
    """The names of an Atom element's authors, joined with commas."""
    names = [_text(_child(author, "name")) for author in element if _local(author.tag) == "author"]
    return ", ".join(name for name in names if name) or None


def _as_text(value: str | None) -> str:
    """A feed field's text: HTML turned into text when it is HTML, plain text kept with its paragraphs."""
    if not value or not value.strip():
        return ""
    return html_to_text(value) if looks_like_html(value) else paragraphs_of(clean_text(value))


def _one_line(text: str) -> str:
    """A text's words on one line, as a title is shown."""
    return " ".join(text.split())


def _xml_characters(data: bytes) -> bytes:
    """The document without the characters XML forbids (controls, written as they are or as references), any one
    of which would have the whole feed refused; the escape sequence an ESC starts goes with it."""
    if _wide(data):
        return data

    def allowed(match: re.Match[bytes]) -> bytes:
        hex_digits, decimal, written, sequence = match.groups()
        code = written[0] if written else int(hex_digits, 16) if hex_digits else int(decimal)
        if _xml_allows(code):
            return match.group(0)
        return b"" if code == ESC else sequence or b""

    return CHARACTER.sub(allowed, data)


def _xml_allows(code: int) -> bool:
    """Whether XML 1.0 lets a document hold this character."""
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def _wide(data: bytes) -> bool:
    """Whether a document is in UTF-16 or UTF-32 (a byte-order mark, or a zero byte in its first character), which
    the byte patterns here do not read."""
    return data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4]


def _entities_as_numbers(data: bytes) -> bytes:
    """The document with HTML's named entities (&nbsp;, which feeds often use) written as numeric references."""
    if _wide(data):
        return data

    def number(match: re.Match[bytes]) -> bytes:
        name = match.group(1)
        code = name2codepoint.get(name.decode("ascii"))
        if name in XML_ENTITIES or code is None:
            return match.group(0)
        return b"&#%d;" % code

    return HTML_ENTITY.sub(number, data)


def _clark(tag: str) -> str:
    """An expat `uri}local` name in ElementTree's `{uri}local` form."""
    return "{" + tag if "}" in tag else tag


def _local(tag: object) -> str:
    """An element's name without its namespace."""
    return str(tag).rsplit("}", 1)[-1]


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    """The first child of `element` with this local name."""
    if element is None:
        return None
    return next((child for child in element if _local(child.tag) == name), None)


def _child_attr(element: ET.Element, name: str) -> str | None:
    """An attribute of `element` by local name, whatever its namespace."""
    return next((value for key, value in element.attrib.items() if _local(key) == name), None)


def _text(element: ET.Element | None) -> str | None:
    """An element's own text, stripped; None when empty."""
    if element is None or element.text is None:
        return None
    return element.text.strip() or None
