"""Read-only views of stored documents, as the store's public API hands them out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from store.article_metadata import sort_day


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the line (paragraph) around text[start:end]."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    return paragraph_start, paragraph_end if paragraph_end != -1 else len(text)


class TextSource(Protocol):
    """Where an article's full text and title are fetched from when first needed."""

    def text_of(self, article_key: str) -> str: ...

    def title_of(self, article_key: str) -> str: ...


@dataclass(frozen=True)
class ArticleRecord:
    """A stored article; its full text is read from the store when first asked for."""

    key: str
    title: str
    source: str
    content_hash: str
    ingested_at: str
    text_source: TextSource = field(repr=False, compare=False)
    author: str | None = None
    date: str | None = None
    """The published date its source states (ISO, YYYY-MM-DD, where it could be read), else None."""
    outlet: str | None = None
    url: str | None = None
    """Its link: an http(s) URL, cleaned (see `store.untrusted.safe_url`), else None."""

    @property
    def text(self) -> str:
        """The article's full text."""
        return self.text_source.text_of(self.key)

    @property
    def published_day(self) -> str:
        """The published day its source states, as ISO writes one (see `sort_day`), else empty."""
        return sort_day(self.date, None)

    @property
    def added_day(self) -> str:
        """The day it was ingested (YYYY-MM-DD), else empty."""
        return sort_day(None, self.ingested_at)

    @property
    def sort_date(self) -> str:
        """The day it is ordered by: the published date where it is an ISO one, else the day it was ingested (see
        `sort_day`)."""
        return sort_day(self.date, self.ingested_at)


class Titles(Protocol):
    """Article titles by article key, read when first asked for."""

    def get(self, key: str, default: str = "") -> str: ...


@dataclass(frozen=True)
class Appearance:
    """How one article presents a person: their role and organization there."""

    article_key: str
    role: str | None
    organization: str | None
    titles: Titles = field(repr=False, compare=False)

    @property
    def article_title(self) -> str:
        """The title of the article."""
        return self.titles.get(self.article_key, "")


@dataclass(frozen=True)
class PersonRecord:
    """One real person across every article that names them."""

    key: str
    name: str
    aliases: tuple[str, ...]
    appearances: tuple[Appearance, ...]

    @property
    def roles(self) -> tuple[str, ...]:
        """Distinct roles, in order of first appearance."""
        return tuple(dict.fromkeys(a.role for a in self.appearances if a.role))

    @property
    def organizations(self) -> tuple[str, ...]:
        """Distinct organizations, in order of first appearance."""
        return tuple(dict.fromkeys(a.organization for a in self.appearances if a.organization))


@dataclass(frozen=True)
class OrganizationRecord:
    """One organization across every article that names it."""

    key: str
    name: str
    aliases: tuple[str, ...]
    article_keys: tuple[str, ...]


@dataclass(frozen=True)
class QuoteRecord:
    """A direct quote, where it stands in its article, and who said it."""

    key: str
    text: str
    article_key: str
    start: int
    end: int
    paragraph: int
    speaker_key: str | None
    speaker_name: str | None
    speaker_kind: str | None
    text_source: TextSource = field(repr=False, compare=False)
    source_count: int = field(default=1, compare=False)
    """How many stored quotes are this one quote (itself included): its copies and excerpts, by the same speaker, in
    other articles or said again in its own (see `store.quote_groups`)."""
    printed_by: int = field(default=1, compare=False)
    """How many articles printed it: its copies' articles, each once."""

    @property
    def article_title(self) -> str:
        """The title of the quote's article."""
        return self.text_source.title_of(self.article_key)

    @property
    def context(self) -> tuple[int, str]:
        """The paragraph of the article that holds the quote (a wrapped paragraph's lines flowed into one, see
        `store.paragraphs`), and its offset in the article."""
        from store.paragraphs import flowed_text

        article_text = flowed_text(self.text_source.text_of(self.article_key))
        start, end = paragraph_bounds(article_text, self.start, self.end)
        return start, article_text[start:end]


@dataclass(frozen=True)
class StoreSummary:
    """Counts shown in the header and by the command line."""

    path: str
    articles: int
    people: int
    organizations: int
    quotes: int
    stale_articles: int = 0
    """Articles read by an extractor older than the installed one."""


@dataclass(frozen=True)
class IngestOutcome:
    """What an ingest did with one article."""

    source: str
    added: bool
    title: str
    people: int = 0
    organizations: int = 0
    quotes: int = 0
    replaced: bool = False
    """True when the article replaced an earlier version read from the same source (or, not added, when the source
    now holds the text of another article stored already: its earlier version was removed, or kept for another
    source, see `earlier_kept_for`)."""
    reextracted: bool = False
    """True when a stored article was read again by a newer extractor (`replaced` too: its extraction was)."""
    same_text_as: str | None = None
    """For an article not added, the source of the stored article with the same text when it is another one (a
    wire story printed by two outlets word for word): the store keeps one article a text."""
    earlier_kept_for: str | None = None
    """For a replaced article, where its earlier version is still read from when another path or URL holds that
    text too: it stays stored, under that source."""


@dataclass(frozen=True)
class RemovedArticle:
    """An article `Store.remove` took out of the store, or took one of the sources its text was read from off."""

    key: str
    title: str
    source: str
    """Where it was read from: the source it was shown under, or the one taken off (see `kept_under`)."""
    kept_under: str | None = None
    """For an article kept, the source it stands under now, another path or URL that holds its text; None when the
    article was removed."""
