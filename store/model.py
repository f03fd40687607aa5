"""What extraction finds in one article: plain values, independent of storage and screen."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Person:
    """A named individual as one article presents them."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    organization: str | None = None


@dataclass(frozen=True)
class Organization:
    """A named organization (company, agency, party, team, news outlet...) in one article."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    """A direct quote: the exact characters between its marks and where they stand in the text."""

    text: str
    speaker: str | None
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Extraction:
    """Everything extraction found in one article's text."""

    title: str
    people: tuple[Person, ...] = field(default_factory=tuple)
    organizations: tuple[Organization, ...] = field(default_factory=tuple)
    quotes: tuple[Quote, ...] = field(default_factory=tuple)
