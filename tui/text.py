"""Building displayable Content from untrusted article text: sanitised, never parsed as markup."""

from __future__ import annotations

from textual.content import Content

from store import OrganizationRecord, PersonRecord, QuoteRecord, match_spans
from tui.safe_text import printable, printable_line

MATCH_STYLE = "bold reverse"
PERSON_STYLE = "bold underline $text-primary"
ORGANIZATION_STYLE = "bold underline $text-success"
QUOTE_STYLE = "italic $text-secondary"
CURRENT_QUOTE_STYLE = "italic reverse"
HEADING_STYLE = "bold $text-accent"
MUTED_STYLE = "$text-muted"


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
    if query.strip():
        for start, end in match_spans(safe, query):
            content = content.stylize(MATCH_STYLE, start, end)
    return content


SPEAKER_COLUMN = 16


def quote_row(quote: QuoteRecord, query: str = "") -> Content:
    """A quote on one line: the speaker in a column, then “text”, matches highlighted."""
    speaker = plain(quote.speaker_name or "unattributed", "bold" if quote.speaker_name else MUTED_STYLE)
    speaker = speaker.truncate(SPEAKER_COLUMN - 1, ellipsis=True, pad=True)
    return Content.assemble(speaker, " \u201c", highlighted(quote.text.strip(), query), "\u201d")


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
