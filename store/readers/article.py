"""The one shape every reader returns: an article's text and its metadata, cleaned of what a terminal would obey."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime

from store.errors import ArticleError
from store.untrusted import CONTROL, ESCAPE_SEQUENCE, safe_url

TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""Half of a UTF-16 pair, which JSON can write ("\\ud800") and no text may hold: it cannot be stored or printed."""
SPACES = re.compile(r"\s+")
MAX_FIELD = 1000

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
ISO_DATE = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?![\d])")
MONTH_DAY_YEAR = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.IGNORECASE)
DAY_MONTH_YEAR = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.IGNORECASE
)


class ReaderError(ArticleError):
    """An input that no reader can turn into articles; its message is one line naming the input."""


def clean_field(value: object) -> str | None:
    """A metadata string on one line: escape sequences and control characters gone, spaces collapsed; None if empty."""
    if value is None:
        return None
    text = ESCAPE_SEQUENCE.sub("", LONE_SURROGATE.sub("\ufffd", str(value)))
    text = SPACES.sub(" ", CONTROL.sub(" ", text)).strip()
    return text[:MAX_FIELD] or None


def clean_text(text: str) -> str:
    """An article's text with escape sequences and control characters removed (half a UTF-16 pair shown as U+FFFD);
    lines and tabs kept."""
    text = LONE_SURROGATE.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not TEXT_CONTROL.search(text):
        return text
    return TEXT_CONTROL.sub("", ESCAPE_SEQUENCE.sub("", text))


def normalise_date(value: object) -> str | None:
    """The ISO date (YYYY-MM-DD) a date string names, or None when it names no day this can read."""
    text = clean_field(value)
    if not text:
        return None
    for pattern in (ISO_DATE, MONTH_DAY_YEAR, DAY_MONTH_YEAR):
        match = pattern.search(text) if pattern is not ISO_DATE else pattern.match(text)
        if match:
            month = match.group("month")
            number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
            try:
                return _dt.date(int(match.group("year")), number, int(match.group("day"))).isoformat()
            except ValueError:
                return None
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


@dataclass(frozen=True)
class Metadata:
    """What is known about an article besides its text; every field None when its source does not say."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None

    @classmethod
    def of(
        cls,
        title: object = None,
        author: object = None,
        date: object = None,
        outlet: object = None,
        url: object = None,
    ) -> Metadata:
        """Metadata from untrusted values: strings cleaned, the date made ISO where it can be, unsafe URLs dropped."""
        return cls(
            clean_field(title),
            clean_field(author),
            normalise_date(date) or clean_field(date),
            clean_field(outlet),
            safe_url(url),
        )

    def filled_from(self, other: Metadata) -> Metadata:
        """This metadata with each field it lacks taken from `other`."""
        return replace(
            self,
            title=self.title or other.title,
            author=self.author or other.author,
            date=self.date or other.date,
            outlet=self.outlet or other.outlet,
            url=self.url or other.url,
        )


@dataclass(frozen=True)
class SourceArticle:
    """One article read from an input: its text, its metadata, and whether the text is only a feed's summary.

    `summary_only` marks a feed item whose full text is at `metadata.url`, for a caller that follows links.
    """

    text: str
    metadata: Metadata = Metadata()
    summary_only: bool = False
    number: int | None = None
    """The item's place among its input's items, from 1, those that hold no article counted: how messages name it."""
    key: str | None = None
    """What names the item within its input when it has no link, if not its number: a feed's guid or id, else a
    digest of its text."""
