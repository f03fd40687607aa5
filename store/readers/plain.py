"""Plain text and Markdown: the text as written, metadata from a front-matter block or a wire-copy head."""

from __future__ import annotations

import re

from store.articles import decode_article
from store.bylines import byline_names
from store.errors import ArticleError, shown_path
from store.readers.article import Metadata, ReaderError, SourceArticle, normalise_date
from store.readers.markdown import ATX_HEADING, heading_text, markdown_inline, markdown_text

FRONT_FENCE = "---"
FRONT_END = ("---", "...")
FRONT_LINE = re.compile(r"\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*")
FRONT_KEYS = {
    "title": "title",
    "headline": "title",
    "author": "author",
    "byline": "author",
    "by": "author",
    "date": "date",
    "published": "date",
    "pubdate": "date",
    "published_at": "date",
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "sitename": "outlet",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "canonical_url": "url",
}
MAX_FRONT_LINES = 60
BYLINE = re.compile(r"By\s+(\S.{0,150}?)\s*", re.IGNORECASE)
MAX_TITLE = 250
WIRE_HEAD_LINES = 7
"""The lines a wire head's title, byline and date may take, blank lines between them included."""
QUOTE_OPENING = re.compile("[\"\u201c\u00ab\u201e']")
"""What opens a title that quotes someone ("We will win," said …), which a wire head keeps in the text."""
MARKDOWN_SUFFIXES = (".md", ".markdown")
WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][\w.' ]{1,30}?)?\s*\(([A-Z][\w&.' -]{1,40}?)\)\s*(?:-{1,2}|\u2014|\u2013)\s"
)
"""A wire dateline naming the agency that filed the story: "FRANKFURT (Reuters) - ", "LONDON, June 5 (AP) — "."""
DATELINE_REACH = 4_000
"""Characters of a story's opening read for its dateline (its title and first paragraph)."""
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


def read_plain(data: bytes, name: str, *, markdown: bool | None = None) -> SourceArticle:
    """One article from UTF-8 (or BOM'd UTF-16) text or Markdown; front matter or a wire head becomes metadata.

    A front-matter block (`---`, `key: value` lines, `---`) is removed from the text and read into metadata;
    failing that, a head of three lines "Title", "By Author", "Date" is. A plain text is otherwise kept exactly
    as written and no metadata is made up, except an opening `# Heading` as its title (see `markdown_heading`);
    Markdown (`markdown`, else told by the name's suffix) is kept as the text it shows (see `markdown_text`).
    """
    try:
        text = decode_article(data, shown_path(name))
    except ArticleError as error:
        raise ReaderError(str(error)) from None
    return article_from_text(text, name, markdown=markdown)


MARKDOWN_SHAPES = re.compile(r"^#{1,6} \S|\[[^\]\n]+\]\((?:https?://|/)[^)\s]*\)", re.MULTILINE)
"""A heading mark opening a line, or a link written as Markdown writes it: what tells Markdown from plain text
when no file name says which (standard input)."""


def markdown_shaped(data: bytes) -> bool:
    """Whether an input's text reads as Markdown: a heading or a Markdown link past any front matter."""
    text = data[:65536].decode("utf-8", "ignore")
    _, body = split_front_matter(text)
    return MARKDOWN_SHAPES.search(body) is not None


def is_markdown_name(name: str) -> bool:
    """Whether a file name or URL path ends in a Markdown suffix (a URL's query and fragment aside)."""
    return name.split("?", 1)[0].split("#", 1)[0].lower().endswith(MARKDOWN_SUFFIXES)


def article_from_text(text: str, name: str, *, markdown: bool | None = None) -> SourceArticle:
    """The article a decoded text holds, with the metadata its front matter or wire head states; Markdown's
    markup taken out of its text and of a title its head or heading gives."""
    markdown = is_markdown_name(name) if markdown is None else markdown
    fields, body = split_front_matter(text)
    if fields is None:
        fields, body = split_wire_head(text)
        if fields is not None:
            fields = _head_shown(fields, text, markdown=markdown)
    if fields is None:
        fields, body = {}, text
    if not body.strip():
        raise ReaderError(f"{shown_path(name)}: no article text after its front matter")
    if "title" not in fields:
        heading = markdown_heading(body, markdown)
        if heading is not None:
            fields["title"] = markdown_inline(heading)
    if markdown:
        body = markdown_text(body)
        if not body.strip():
            raise ReaderError(f"{shown_path(name)}: no article text, only Markdown markup")
    if "outlet" not in fields:
        agency = dateline_agency(body)
        if agency is not None:
            fields["outlet"] = agency
    return SourceArticle(body, Metadata.of(**fields))


def dateline_agency(body: str) -> str | None:
    """The news agency a wire story's dateline names where the story opens ("FRANKFURT (Reuters) - …"): in its first
    line, or in the first line after a title standing alone; the outlet of a story whose source states none."""
    paragraphs = PARAGRAPH_BREAK.split(body[:DATELINE_REACH].lstrip(), maxsplit=2)
    opening = [paragraphs[0]]
    if len(paragraphs) > 1 and "\n" not in paragraphs[0].strip() and len(paragraphs[0].strip()) <= MAX_TITLE:
        opening.append(paragraphs[1])
    for paragraph in opening:
        found = WIRE_DATELINE.match(paragraph.strip().split("\n", 1)[0])
        if found is not None:
            return found.group(1).strip()
    return None


def _head_shown(fields: dict[str, str], text: str, *, markdown: bool) -> dict[str, str]:
    """A wire head's fields as they show: without Markdown's markup in a Markdown file, and in a title written as a
    `# Heading` in any file."""
    if markdown:
        return {key: markdown_inline(value) for key, value in fields.items()}
    if ATX_HEADING.match(text.lstrip()):
        return {**fields, "title": markdown_inline(fields["title"])}
    return fields


def markdown_heading(body: str, markdown: bool) -> str | None:
    """The `# Heading` that opens a text, its title: in a Markdown file, or in any file when a blank line follows
    it (a text file written in Markdown), where the heading's marks would otherwise stay in its title."""
    lines = body.lstrip("\r\n").split("\n", 2)
    first = lines[0].rstrip("\r")
    if not (first[:1] == "#" and first[1:2].isspace()) or not (markdown or (len(lines) > 1 and not lines[1].strip())):
        return None
    return heading_text(first) or None


def split_front_matter(text: str) -> tuple[dict[str, str] | None, str]:
    """The fields of a leading `---` block and the text after it; (None, text) when there is no such block."""
    lines = text.split("\n", MAX_FRONT_LINES + 1)
    if lines[0].strip() != FRONT_FENCE:
        return None, text
    fields: dict[str, str] = {}
    for number, line in enumerate(lines[1 : MAX_FRONT_LINES + 1], start=1):
        if line.strip() in FRONT_END:
            body = "\n".join(lines[number + 1 :]) if number + 1 < len(lines) else ""
            return fields, body.lstrip("\n")
        match = FRONT_LINE.fullmatch(line)
        if match and match.group(1).lower() in FRONT_KEYS:
            key = FRONT_KEYS[match.group(1).lower()]
            fields.setdefault(key, _unquoted(match.group(2)))
        elif line.strip() and not line[:1].isspace() and not line.lstrip().startswith(("-", "#")) and not match:
            return None, text
    return None, text


def split_wire_head(text: str) -> tuple[dict[str, str] | None, str]:
    """The title, author and date of a "Title / By Author / Date" head (its lines next to each other, or apart by
    a blank line or two) and the text after it, else (None, text). With no date the byline must be names alone and
    stand alone, a blank line after it; a title written as a `# Heading` loses its marks."""
    lines = text.split("\n", WIRE_HEAD_LINES)
    written = [number for number, line in enumerate(lines[:WIRE_HEAD_LINES]) if line.strip()][:3]
    if len(written) < 3 or written[2] + 1 >= len(lines):
        return None, text
    title, byline, date = (lines[number].strip() for number in written)
    title = heading_text(title) if ATX_HEADING.match(title) else title
    author = BYLINE.fullmatch(byline)
    if not title or len(title) > MAX_TITLE or not author:
        return None, text
    fields = {"title": title, "author": author.group(1), "date": date}
    last = written[2]
    if not normalise_date(date) or len(date) > 80:
        named = byline_names(byline)
        if named is None or lines[written[1] + 1].strip():
            return None, text
        fields = {"title": title, "author": named}  # "Title / By Author" with no date: the byline's name
        last = written[1]
    body = "\n".join(lines[last + 1 :]).lstrip("\r\n")
    if QUOTE_OPENING.match(title):
        body = f"{lines[written[0]]}\n\n{body}"  # a title that quotes someone is kept in the text, its quote with it
    return fields, body


def _unquoted(value: str) -> str:
    """A front-matter value without the quotes YAML allows around it."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
