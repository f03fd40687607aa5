"""Building displayable Content from untrusted article text: sanitised, never parsed as markup."""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len, set_cell_size
from textual.content import Content
from textual.widgets import Static

from store import ArticleRecord, OrganizationRecord, PersonRecord, QuoteRecord, match_spans
from tui.safe_text import draw_ascii_only, printable, printable_line

MATCH_STYLE = "bold reverse"
PERSON_STYLE = "bold underline $text-primary"
ORGANIZATION_STYLE = "bold underline $text-success"
QUOTE_STYLE = "italic $text-secondary"
CURRENT_QUOTE_STYLE = "italic reverse"
HEADING_STYLE = "bold $text-accent"
MUTED_STYLE = "$text-muted"


class Glyphs(NamedTuple):
    """The characters whosaid draws of its own around the articles' text."""

    ellipsis: str
    separator: str
    dash: str
    open_quote: str
    close_quote: str


UNICODE_GLYPHS = Glyphs("\u2026", "\u00b7", "\u2014", "\u201c", "\u201d")
"""The glyphs of every other terminal."""
ASCII_GLYPHS = Glyphs("...", "-", "-", '"', '"')
"""The glyphs of an ASCII-only terminal (`--ascii`, TERM=linux, vt100...)."""

_drawn_glyphs = UNICODE_GLYPHS


def glyphs() -> Glyphs:
    """The glyphs drawn now: UNICODE_GLYPHS, or ASCII_GLYPHS once an ASCII-only app has chosen them."""
    return _drawn_glyphs


def draw_glyphs(chosen: Glyphs) -> None:
    """Draw `chosen` from now on, and on an ASCII-only terminal the articles' text in ASCII too: the app chooses them
    for its terminal (one a process) as it starts."""
    global _drawn_glyphs
    _drawn_glyphs = chosen
    draw_ascii_only(chosen is ASCII_GLYPHS)


def cut(content: Content, width: int, *, pad: bool = False) -> Content:
    """`content` in at most `width` terminal cells (padded to `width` when `pad`), ending in the ellipsis when it is
    cut: a wide character (田, 😀) that would straddle the edge is left out whole."""
    ellipsis, width = glyphs().ellipsis, max(0, width)
    if content.cell_length <= width or ellipsis == UNICODE_GLYPHS.ellipsis:
        return content.truncate(width, ellipsis=True, pad=pad)
    kept = max(0, width - len(ellipsis))
    return content.truncate(kept) + ellipsis[: width - kept]


LABEL_MARGIN = 6
"""Columns of a bordered widget's top or bottom edge that are not its label: a corner, a line and a space at each
end."""


class FittedLine(Static):
    """One line of Content, cut to the widget's width with the app's ellipsis (see `cut`)."""

    def render(self) -> Content:
        content = self.content
        return cut(content, self.content_size.width) if isinstance(content, Content) else Content(str(content))


def plain(text: str, style: str = "") -> Content:
    """One line of untrusted text, control characters made visible, as Content (no markup)."""
    return Content.styled(printable_line(text), style) if style else Content(printable_line(text))


def block(text: str, style: str = "") -> Content:
    """Untrusted text that may span lines, made safe, as Content."""
    return Content.styled(printable(text), style) if style else Content(printable(text))


def highlighted(text: str, query: str, *, multiline: bool = False, style: str = "") -> Content:
    """Untrusted text with every match of the search query styled; offsets survive sanitising."""
    safe = printable(text) if multiline else printable_line(text)
    content = Content.styled(safe, style) if style else Content(safe)
    return mark_matches(content, query)


def mark_matches(content: Content, query: str) -> Content:
    """Content (already safe) with every match of the search query styled."""
    if query.strip():
        for start, end in match_spans(content.plain, query):
            content = content.stylize(MATCH_STYLE, start, end)
    return content


MATCH_LEAD = 12
"""Characters of a quote kept before its first match when a row starts at the match."""


def match_window(text: str, query: str) -> Content:
    """One line of untrusted text from a few words before the first match of the query, with every match styled:
    in a row cut at the pane's edge, the match that made the row is in view."""
    safe = printable_line(text)
    spans = match_spans(safe, query) if query.strip() else []
    content = Content(safe)
    for start, end in spans:
        content = content.stylize(MATCH_STYLE, start, end)
    ellipsis = glyphs().ellipsis
    if spans and spans[0][0] > MATCH_LEAD + len(ellipsis) + 1:
        lead = spans[0][0] - MATCH_LEAD
        start = safe.find(" ", lead, spans[0][0]) + 1 or lead
        content = Content.assemble(ellipsis, content[start:])
    return content


SPEAKER_COLUMN = 16


def quote_row(quote: QuoteRecord, query: str = "", column: int = SPEAKER_COLUMN, day: str = "") -> Content:
    """A quote on one line: the speaker in a column `column` cells wide, its article's `day` when the list is in
    date order, how many articles printed it when more than one ("3 sources", before the text so that a long quote
    cannot push it out of view), then “text” from just before the first match, matches styled."""
    speaker = plain(quote.speaker_name or "unattributed", "bold" if quote.speaker_name else MUTED_STYLE)
    speaker = cut(speaker, column - 1, pad=True)
    sources = Content.styled(f" {count_label(quote.printed_by, 'source')}", MUTED_STYLE)
    marks = glyphs()
    return Content.assemble(
        speaker,
        Content.styled(f" {printable_line(day)}", MUTED_STYLE) if day else "",
        sources if quote.printed_by > 1 else "",
        f" {marks.open_quote}",
        match_window(quote.text.strip(), query),
        marks.close_quote,
    )


def person_row(person: PersonRecord, query: str = "") -> Content:
    """A person on one line: name, then their first role in muted text."""
    row = highlighted(person.name, query)
    if person.roles:
        row = Content.assemble(row, "  ", plain(person.roles[0], MUTED_STYLE))
    return row


def organization_row(organization: OrganizationRecord, query: str = "") -> Content:
    """An organization on one line."""
    return highlighted(organization.name, query)


def count_label(count: int, singular: str, plural: str | None = None) -> str:
    """'1 quote', '3 quotes'."""
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


LINK_STYLE = "underline $text-accent"


def article_link(url: str | None) -> Content:
    """An article's link (a clean http(s) URL from the store) shown as text that is also an OSC 8 hyperlink."""
    from textual.style import Style

    if not url:
        return Content("")
    shown = printable_line(url)
    if shown != url or not url.lower().startswith(("http://", "https://")):
        return plain(url, MUTED_STYLE)
    return Content(shown).stylize(LINK_STYLE).stylize(Style(link=url))


METADATA_WIDEST = 48
"""The most characters an outlet's or an author's name takes on an article's line: a source may state one of
hundreds, which would leave no room for the date and the link."""


def at_most(text: str, most: int = METADATA_WIDEST) -> str:
    """`text`, cut to `most` terminal cells with an ellipsis when wider."""
    if cell_len(text) <= most:
        return text
    ellipsis = glyphs().ellipsis
    return set_cell_size(text, most - len(ellipsis)).rstrip() + ellipsis


def article_metadata(article: ArticleRecord, *, with_author: bool = True, with_link: bool = True) -> Content:
    """What an article's source states, on one line: outlet · date · by author · link (empty when it states none),
    a long outlet or author cut short."""
    parts: list[Content] = []
    if article.outlet:
        parts.append(plain(at_most(article.outlet), "bold"))
    if article.date:
        parts.append(plain(article.date))
    if with_author and article.author:
        parts.append(plain(f"by {at_most(article.author)}"))
    if with_link and article.url:
        parts.append(article_link(article.url))
    return Content(f" {glyphs().separator} ").join(parts)
