"""Found quotes printed as every command that prints quotes shows them (`whosaid search`, its JSON), made from the
stored documents of a snapshot or of a store read by key: who said each, in what role, and every article that
printed it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import orjson

from store.article_metadata import article_sort_date, stored_metadata
from store.lazy_records import article_title
from store.quote_groups import first_in_each_article

if TYPE_CHECKING:
    from store.snapshot import Snapshot


class Attribution(NamedTuple):
    """What a plain line of a found quote shows besides its text and sources: who said it (their kind, "person" or
    "organization", name, role and organization in its article) and its article's title."""

    kind: str | None
    name: str | None
    role: str | None
    organization: str | None
    title: str | None


class StoredDocuments(Protocol):
    """Where a listing of quotes reads its people's and articles' documents: a snapshot, or a store read by key."""

    def article_document(self, key: str) -> Mapping[str, Any] | None:
        """The stored document of the article with this key, if stored."""

    def person_document(self, key: str) -> Mapping[str, Any] | None:
        """The stored document of the person with this key, if stored."""

    def speaker_name(self, speaker: str | None) -> str | None:
        """The name of a quote's speaker, None when unknown or unattributed."""


class Copies(Protocol):
    """Which stored quotes are copies of one quote (see `store.quote_groups.QuoteGroups`)."""

    def members_of(self, position: int) -> Sequence[int]:
        """The stored positions of the copies of the quote at `position` (itself included), ascending."""


class QuoteDocuments:
    """Found quotes, by stored position, in the JSON shape every command that prints quotes uses, made straight
    from the stored documents: each article's fields and each speaker's role in an article are looked up once for
    the whole listing, so printing tens of thousands of quotes costs little more than dumping them."""

    def __init__(self, store: StoredDocuments, quotes: Sequence[Mapping[str, Any]], groups: Copies) -> None:
        """Quotes by position, their groups of copies, and where their speakers' and articles' documents are read."""
        self._snapshot = store
        self._quotes = quotes
        self._groups = groups
        self._articles: dict[str, dict[str, object]] = {}
        self._speakers: dict[str, tuple[str | None, str | None, Appearances]] = {}
        """By speaker id: its kind, its name and, for a person, their appearance in each article."""
        self._article_json: dict[str, str] = {}
        """By article key: the start of the JSON of a source in it, up to its offsets."""
        self._middles: dict[tuple[str, str], str] = {}
        """By speaker id and article key: the JSON of a quote between its text and its offsets (see `_middle`)."""

    @classmethod
    def of(cls, snapshot: Snapshot) -> QuoteDocuments:
        """The quotes of a snapshot: all its quote documents read at once, or made from its columns as asked for."""
        return cls(snapshot, snapshot.stored_quotes.documents_by_position(), snapshot.stored_quotes.groups())

    def document(self, position: int) -> dict[str, object]:
        """The quote at this position with who said it and every article that printed it (`sources`)."""
        return next(self.documents((position,)))

    def documents(self, positions: Iterable[int]) -> Iterator[dict[str, object]]:
        """`document` of each position in turn, the lookups of a quote printed by one article done in line: the
        loop of a listing of tens of thousands of quotes."""
        quotes, members_of, articles = self._quotes, self._groups.members_of, self._articles
        for position in positions:
            quote = quotes[position]
            text, article_key, speaker = quote["text"], quote["article"], quote.get("speaker") or ""
            _, name, role, organization = self._who(speaker, article_key)
            members = members_of(position)
            if len(members) == 1:
                start = quote["start"]
                fields = articles.get(article_key) or self.article(article_key)
                sources = [{**fields, "paragraph": quote.get("paragraph", 0), "start": start, "end": start + len(text)}]
            else:
                sources = [self.source(copy) for copy in members]
            yield {"text": text, "speaker": name, "role": role, "organization": organization, "sources": sources}

    def json_texts(self, positions: Iterable[int]) -> Iterator[str]:
        """The JSON of each `document` in turn, exactly as `orjson.dumps` writes it, put together from pieces kept
        for the whole listing (for each speaker in each article, all but the quote's text and offsets, dumped
        once): several times cheaper than building and dumping each document."""
        quotes, members_of, middles = self._quotes, self._groups.members_of, self._middles
        dumps = orjson.dumps
        for position in positions:
            quote = quotes[position]
            members = members_of(position)
            speaker, article_key = quote.get("speaker") or "", quote["article"]
            if len(members) == 1:
                start, paragraph = quote["start"], quote.get("paragraph", 0)
                middle = middles.get((speaker, article_key)) or self._middle(speaker, article_key)
                if type(start) is int and type(paragraph) is int:
                    text = quote["text"]
                    yield (
                        f'{{"text":{dumps(text).decode()}{middle}'
                        f'"paragraph":{paragraph},"start":{start},"end":{start + len(text)}}}]}}'
                    )
                    continue
            yield self._quote_json(quote, members)

    def _quote_json(self, quote: Mapping[str, Any], members: Sequence[int]) -> str:
        """The JSON of one quote's `document` from its stored document and its copies' positions."""
        who = self._speaker_json(quote.get("speaker") or "", quote["article"])
        sources = ",".join([self._source_json(self._quotes[copy]) for copy in members])
        return f'{{"text":{_dumps(quote["text"])},{who},"sources":[{sources}]}}'

    def _middle(self, speaker: str, article_key: str) -> str:
        """What the JSON of a quote by `speaker` printed only by this article holds between its text and its offsets:
        the speaker's name, role and organization, and the article's fields."""
        fields = self._article_json.get(article_key) or self._article_fields(article_key)
        kept(self._middles)
        middle = self._middles[(speaker, article_key)] = (
            f',{self._speaker_json(speaker, article_key)},"sources":[{fields}'
        )
        return middle

    def _speaker_json(self, speaker: str, article_key: str) -> str:
        """The "speaker", "role" and "organization" members of a quote by `speaker` in this article."""
        _, name, role, organization = self._who(speaker, article_key)
        return orjson.dumps({"speaker": name, "role": role, "organization": organization})[1:-1].decode("utf-8")

    def _article_fields(self, article_key: str) -> str:
        """The start of the JSON of a source in this article, up to its offsets, dumped once."""
        fields = self._article_json.get(article_key)
        if fields is None:
            kept(self._article_json)
            fields = self._article_json[article_key] = _dumps(self.article(article_key))[:-1] + ","
        return fields

    def _source_json(self, quote: Mapping[str, Any]) -> str:
        """The JSON of one `source`, its article's fields dumped once."""
        article_key, start, paragraph = quote["article"], quote["start"], quote.get("paragraph", 0)
        fields = self._article_fields(article_key)
        if type(start) is not int or type(paragraph) is not int:
            return _dumps(self.source_of(quote))
        return f'{fields}"paragraph":{paragraph},"start":{start},"end":{start + len(quote["text"])}}}'

    def attribution(self, speaker: str, article_key: str) -> Attribution:
        """Who said a quote by `speaker` (an id, or "" when unattributed) in this article, and the article's title."""
        return Attribution(*self._who(speaker, article_key), self.article(article_key)["title"])  # type: ignore[arg-type]

    def _who(self, speaker: str, article_key: str) -> tuple[str | None, str | None, str | None, str | None]:
        """The kind and name of a quote's speaker, and their role and organization in this article (an
        organization's name as its organization)."""
        kind, name, appearances = self._speakers.get(speaker) or self._speaker(speaker)
        if kind == "organization":
            return kind, name, None, name
        appearance = _appearance_in(appearances, article_key)
        if appearance is None:
            return kind, name, None, None
        return kind, name, appearance.get("role") or None, appearance.get("organization") or None

    def line_parts(self, positions: Iterable[int]) -> Iterator[tuple[str, tuple[str, str], int]]:
        """For each position in turn: its quote's text, its speaker id and article key (its `attribution`) and how
        many articles printed it (a quote said twice in one article counted once): a listing of tens of thousands of
        plain lines makes the rest of each line once for each speaker in each article."""
        quotes, members_of = self._quotes, self._groups.members_of

        def article_of(copy: int) -> str:
            return quotes[copy]["article"]

        for position in positions:
            quote = quotes[position]
            members = members_of(position)
            printed = 1 if len(members) == 1 else len(first_in_each_article(members, article_of))
            yield quote["text"], (quote.get("speaker") or "", quote["article"]), printed

    def export_parts(self, position: int) -> tuple[str, str, int]:
        """The speaker id ("" when unattributed) and article key of the quote at this position, and the paragraph
        of its article it stands in."""
        quote = self._quotes[position]
        return quote.get("speaker") or "", quote["article"], quote.get("paragraph", 0)

    def speaker_kind(self, position: int) -> str | None:
        """The kind of the speaker of the quote at this position ("person", "organization"); None when unknown."""
        speaker = self._quotes[position].get("speaker") or ""
        return (self._speakers.get(speaker) or self._speaker(speaker))[0]

    def article_author(self, key: str) -> str | None:
        """The author an article's source named, None when unknown or the article is not stored."""
        document = self._snapshot.article_document(key)
        return stored_metadata(document)["author"] if document is not None else None

    def source(self, position: int) -> dict[str, object]:
        """Where the stored quote at this position stands: its article's fields and its offsets there."""
        return self.source_of(self._quotes[position])

    def source_of(self, quote: Mapping[str, Any]) -> dict[str, object]:
        """Where a stored quote (its document) stands: its article's fields and its offsets there."""
        start = quote["start"]
        return {
            **self.article(quote["article"]),
            "paragraph": quote.get("paragraph", 0),
            "start": start,
            "end": start + len(quote["text"]),
        }

    def article_day(self, key: str) -> str:
        """The day an article's quotes are ordered by: its published date where its source states it, else the day
        it was ingested (empty when the article is not stored)."""
        document = self._snapshot.article_document(key)
        return article_sort_date(document) if document is not None else ""

    def article(self, key: str) -> dict[str, object]:
        """An article's part of a source (`source_document`): id, path, title, outlet, date and link."""
        fields = self._articles.get(key)
        if fields is None:
            document = self._snapshot.article_document(key)
            if document is None:
                fields = {"article": key, "path": None, "title": None, "outlet": None, "date": None, "url": None}
            else:
                metadata = stored_metadata(document)
                fields = {
                    "article": key,
                    "path": document.get("source", ""),
                    "title": article_title(document),
                    "outlet": metadata["outlet"],
                    "date": metadata["date"],
                    "url": metadata["url"],
                }
            kept(self._articles)
            self._articles[key] = fields
        return fields

    def _speaker(self, speaker: str | None) -> tuple[str | None, str | None, Appearances]:
        """A speaker id's kind, name and (a person's) appearances, by article past APPEARANCES_SCANNED (the first,
        where the document lists two), looked up once; a person's name is their document's."""
        found = self._speakers.get(speaker or "")
        if found is None:
            kind, _, key = (speaker or "").partition(":")
            person = self._snapshot.person_document(key) if kind == "person" and key else None
            appearances: Appearances = ()
            if person is None:
                name = self._snapshot.speaker_name(speaker)
            else:
                name = person["name"]
                appearances = person.get("appearances", ())
                if len(appearances) > APPEARANCES_SCANNED:
                    appearances = {appearance["article"]: appearance for appearance in reversed(appearances)}
            kept(self._speakers)
            found = (kind if key else None, name, appearances)
            self._speakers[speaker or ""] = found
        return found


Appearances = Sequence[Mapping[str, Any]] | dict[str, Mapping[str, Any]]
"""A person's appearances, as their document lists them, or by article for a person in many articles."""
APPEARANCES_SCANNED = 8
"""Up to this many appearances, a person's role in an article is found by scanning them: most people of a listing
are in one or two articles, and a lookup by article for each cost more than it saved."""

def _appearance_in(appearances: Appearances, article_key: str) -> Mapping[str, Any] | None:
    """A person's (first) appearance in this article: looked up by article, or found by scanning a few."""
    if type(appearances) is dict:
        return appearances.get(article_key)
    for appearance in appearances:
        if appearance["article"] == article_key:
            return appearance
    return None


LOOKUPS_KEPT = 50_000
"""The most entries each of a listing's lookups keeps (articles' fields, speakers' roles, JSON pieces): a listing
of a whole store would otherwise keep one for each of its hundreds of thousands of articles and speakers (several
hundred MB at 100,000 articles), where one in article order reuses only those of the last few articles."""


def kept(lookup: dict[Any, Any]) -> None:
    """Make room for one more entry in one of a listing's lookups: emptied in place (the loops hold it) once full."""
    if len(lookup) >= LOOKUPS_KEPT:
        lookup.clear()


def _dumps(value: object) -> str:
    """A value as compact JSON text (orjson's)."""
    return orjson.dumps(value).decode("utf-8")
