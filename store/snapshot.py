"""An immutable, indexed view of one version of the store: what readers query."""

from __future__ import annotations

import contextlib
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from store import storage
from store.article_metadata import OTHER_SOURCES, article_sort_date, article_sources, stored_metadata
from store.built_once import built_once
from store.citations import (
    Citation,
    cited_name,
    format_citation,
    format_source,
    role_and_organization,
    speaker_line,
)
from store.errors import StoreError
from store.extractor_version import UNRECORDED_VERSION, installed_extractor_version, older_than
from store.keyed_listing import ARTICLE_FILTERS
from store.keys import fold, name_key, name_key_unkept
from store.lazy_records import ArticleIndex, LazyRecords, Selection, article_title
from store.numbered_column import NumberedColumn
from store.packed import PackedDocuments, PackedOnRead
from store.position_flags import common_to, mark, marked, union_of
from store.position_runs import PositionRuns
from store.quote_groups import first_in_each_article
from store.quote_index import QuoteIndex
from store.quote_records import CopiesListed, QuoteEntries, QuoteRecords, QuoteSelection
from store.records import (
    Appearance,
    ArticleRecord,
    OrganizationRecord,
    PersonRecord,
    QuoteRecord,
    StoreSummary,
)
from store.search import DATE_ORDERS, SORT_ORDERS, WORD, Filter, ParsedQuery, Term, date_prefix, parse_query
from store.speaker_names import SpeakerNames
from store.stopping import check_stop
from store.storage import SegmentedDocuments, Tables, TablesReader
from store.texts import ArticleTexts

if TYPE_CHECKING:
    from store.keyed_index import IndexPart
    from store.keyed_quote_index import KeyedQuoteIndex

INDEXED_SPEAKERS_AT_MOST = 20_000
"""Speakers a term may name and have their quotes looked up in the stored index while a big store is indexed
(each part's section of speakers read once for them); a term naming more is told by the speakers of the quotes the
other terms found, and a search whose every term names more waits for the indexing."""
QUOTE_FILES_KEPT = 4
"""Quote files a lean snapshot keeps parsed: the quotes on screen are read again from their files when shown,
while every quote's text, speaker and article are kept apart in compact lists (see `QuoteRecords.columns`)."""
KEYED_BROWSING_QUOTES = 500_000
"""A lean snapshot of a store with more quotes than this searches its stored index by key (`KeyedQuoteIndex`)
rather than holding it parsed, with the names of every person and organization, and holds its quotes' texts
compressed (`PackedTexts`): about 1 GB less at 1.25 million quotes, for a few milliseconds more a word typed."""
WRITERS_ARTICLE_FIELDS = ("people", "organizations")
"""Fields of an article's document that only a writer reads (whom the article names, to remove them with it)."""
PEOPLE_ORDERS = ("name", "surname", "count", "latest")
"""How the people can be listed (see `Snapshot.people_in_order`)."""
RECORDS_MADE_AT_ONCE = 1_000
"""Up to this many people or organizations a search finds are listed as records made at once; more (every person
named in the articles a `date:` filter keeps) as a selection whose records are made for the rows shown."""
STOP_CHECK_QUOTES = 65_536
"""Quotes whose articles are looked up between two checks whether the search was made stale."""
QUOTES_SORTED_APART = 16
"""A list of quotes shorter than the store's quotes by this factor is sorted as it is; a longer one is taken from
every stored quote in that order, made once."""
QUOTE_SORT_ORDERS = SORT_ORDERS
"""The orders `Snapshot.sorted_quotes` puts quotes in: the command line's."""
UNKNOWN_ARTICLE = 2**32 - 1
"""The article position of a quote whose article is not stored."""
SAID_TERMS_KEPT = 4
"""Terms whose named speakers' quote positions are kept (up to 5 MB each at 100,000 articles)."""
NAMED_TERMS_KEPT = 16
"""Terms whose named speakers a snapshot keeps (a prefix of one letter can name tens of thousands)."""
ARTICLE_QUOTES_KEPT = 64
"""Articles whose quotes, found while a big store is indexed, a snapshot keeps (a few positions each)."""


@dataclass(frozen=True)
class NameLines:
    """Folded names, one a line, and whose each line is: one regex pass finds every name a term matches."""

    text: str
    starts: Sequence[int]
    owners: Sequence[int]
    _words: dict[str, tuple[list[str], list[Sequence[int]]]] = field(default_factory=dict, compare=False, repr=False)
    """Once a prefix was looked up: every word of the names, sorted, and the lines holding each (see `words`)."""

    @classmethod
    def build(cls, entries: Iterable[tuple[int, Iterable[str]]]) -> NameLines:
        """Lines of (owner, names) entries: each name folded, on its own line."""
        named = [(owner, tuple(names)) for owner, names in entries]
        lines = [name for _, names in named for name in names]
        owners = array("I", [owner for owner, names in named for _ in names])
        joined = "\n".join(lines)
        if joined.count("\n") > len(lines) - 1:
            joined = "\n".join(line.replace("\n", " ") for line in lines)
        folded = fold(joined)
        starts = array("Q", [0])
        starts.extend(accumulate(map((1).__add__, map(len, folded.split("\n") if folded != joined else lines))))
        return cls(folded, starts, owners)

    def owners_matching(self, term: Term) -> set[int]:
        """The owners one of whose names the term matches (whole words, as in quote texts)."""
        owners = self.owners
        return {owners[line] for line in self.lines_matching(term)}

    def lines_matching(self, term: Term) -> set[int]:
        """The lines (names, by number) the term matches. A word being typed (a prefix) is looked up among the
        names' words, sorted: one letter can start thousands of names, which a pass over the text would find one
        match at a time."""
        if term.literal is None and len(term.tokens) == 1 and term.last_is_prefix:
            vocabulary, lines = self.words()
            prefix = term.tokens[0]
            found: set[int] = set()
            for index in range(bisect_left(vocabulary, prefix), len(vocabulary)):
                if not vocabulary[index].startswith(prefix):
                    break
                found.update(lines[index])
            return found
        pattern = term.pattern(anchored=False)
        if term.literal is None and len(term.tokens) == 1:
            matches = pattern.finditer(self.text)
        else:
            matches = _overlapping_matches(pattern, self.text, term)
        return {
            bisect_right(self.starts, match.start()) - 1
            for match in matches
            if match.end() > match.start() and term.starts_word(self.text, match.start()) and "\n" not in match.group()
        }

    def words(self) -> tuple[list[str], list[Sequence[int]]]:
        """Every word of the names (as `WORD` splits them), sorted, and the lines holding each."""
        made = self._words.get("words")
        if made is None:
            by_word: dict[str, list[int]] = {}
            for number, line in enumerate(self.text.split("\n") if len(self.owners) else ()):
                for word in dict.fromkeys(WORD.findall(line)):
                    by_word.setdefault(word, []).append(number)
            vocabulary = sorted(by_word)
            made = self._words["words"] = (vocabulary, [array("I", by_word[word]) for word in vocabulary])
        return made


ListedT = TypeVar("ListedT")


def listed(records: Sequence[ListedT], positions: Sequence[int]) -> Sequence[ListedT]:
    """The records at these positions: made at once when few, else a selection making them as rows are shown."""
    if len(positions) > RECORDS_MADE_AT_ONCE:
        return Selection(records, positions)
    return [records[position] for position in positions]


def _overlapping_matches(pattern: re.Pattern[str], text: str, term: Term) -> Iterator[re.Match[str]]:
    """Matches of an unanchored pattern, searching again just after each one that does not start a word or runs
    over two names' lines (a pattern spanning words could otherwise swallow the start of one that does)."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        yield match
        accepted = (
            match.end() > match.start() and term.starts_word(text, match.start()) and "\n" not in match.group()
        )
        position = match.end() if accepted else match.start() + 1


def article_positions_named(
    documents: Sequence[Mapping[str, Any]], selector: str, path: str | None = None
) -> list[int]:
    """Positions of the articles (their documents, in stored order) a user means by `selector`: its id (or the
    start of it, 6 characters or more), else its path or one of the others its text was read from (as given, or as
    `path`), else every word of its title (the one whose title is `selector` itself, where several hold its
    words)."""
    folded = selector.strip().lower()
    if len(folded) >= 6 and all(char in "0123456789abcdef" for char in folded):
        positions = [n for n, doc in enumerate(documents) if doc["key"].startswith(folded)]
        if positions:
            return positions
    sources = {selector, path} - {None, ""}
    positions = [
        n
        for n, doc in enumerate(documents)
        if doc.get("source") in sources or (OTHER_SOURCES in doc and not sources.isdisjoint(article_sources(doc)))
    ]
    if not positions:
        patterns = [term.pattern() for term in parse_query(selector + " ").terms]
        positions = [
            n
            for n, doc in enumerate(documents)
            if patterns and all(pattern.search(fold(article_title(doc))) for pattern in patterns)
        ]
    if len(positions) > 1:
        exact = [n for n in positions if fold(article_title(documents[n])).strip() == fold(selector).strip()]
        positions = exact if len(exact) == 1 else positions
    return positions


SOURCES_JOINED = " \u00b7 "
"""What joins the paths of an article read from several files where one line lists them (the command palette)."""


def article_filter_names(document: Mapping[str, Any]) -> tuple[str, ...]:
    """What an `article:` filter matches in an article document: its title and every path or URL its text was read
    from."""
    return (article_title(document), *article_sources(document))


def article_outlet_names(document: Mapping[str, Any]) -> tuple[str, ...]:
    """What a `source:` filter matches in an article document: its outlet and its link's host."""
    from store.untrusted import safe_url

    names = [document["outlet"]] if isinstance(document.get("outlet"), str) else []
    url = safe_url(document.get("url"))
    if url is not None:
        host = url.split("/")[2].rpartition("@")[2].split(":")[0]
        names.append(host)
        if "xn--" in host:
            with contextlib.suppress(UnicodeError):
                names.append(host.encode("ascii").decode("idna"))  # as it is written: source:łódź.pl
    return tuple(name for name in names if name)


def extractor_counts(tree: Mapping[str, Any], articles: int) -> Mapping[str, int]:
    """How many articles each extractor version read, from the manifest; a store whose manifest does not say
    was written before articles recorded it, so every article there counts as read by the first version."""
    counts = tree.extractors if isinstance(tree, Tables) else None
    return counts if counts is not None else ({str(UNRECORDED_VERSION): articles} if articles else {})


def keyed_index_parts(tree: Mapping[str, Any], any_size: bool = False) -> list[IndexPart] | None:
    """The parts of a big store's quote index (or, `any_size`, of any store's), to search by key (see
    KEYED_BROWSING_QUOTES); None for a smaller store, or one whose index was not written for it."""
    if not isinstance(tree, Tables) or (not any_size and tree.document_count("quotes") <= KEYED_BROWSING_QUOTES):
        return None
    from store.keyed_index import index_parts  # it reads stores through this module

    try:
        return index_parts(tree)
    except StoreError:
        return None


def _by_name(
    tree: Mapping[str, Any], table: str, read_current: TablesReader | None, lean: bool
) -> Sequence[dict[str, Any]]:
    """A table's documents (people's, organizations') ordered by folded name: `lean`, packed one file at a time
    with their keys and names kept (see `PackedDocuments.sorted_by`), else parsed."""
    if lean:
        return PackedDocuments.sorted_by(
            _table_documents(tree, table, read_current, parts_kept=1), key=lambda doc: fold(doc["name"])
        )
    return sorted(_table_documents(tree, table, read_current), key=lambda doc: fold(doc["name"]))


def _table_documents(
    tree: Mapping[str, Any],
    table: str,
    read_current: TablesReader | None,
    parts_kept: int | None = None,
    dropped_fields: tuple[str, ...] = (),
) -> Sequence[dict[str, Any]]:
    """A table's documents in the order they were inserted; from table files, read as they are used (only the last
    `parts_kept` files kept parsed, if given, and without `dropped_fields`)."""
    if isinstance(tree, Tables):
        return tree.documents(table, read_current, parts_kept=parts_kept, dropped_fields=dropped_fields)
    return list(tree[table].values()) if table in tree else []


class OrganizationKeysByName:
    """Each organization's key by the `name_key` of its name and of each alias, the first organization (in their
    order) to have a name winning it. Most organizations' keys are their name's key, so only the other names are
    held in a dictionary: at 100,000 articles, 190,000 entries held twice the names' keys for nothing."""

    def __init__(
        self, positions: Mapping[str, int], keys: Sequence[str], documents: Sequence[Mapping[str, Any]]
    ) -> None:
        """`positions`: each organization's position by key; `keys` and `documents`: theirs, in that order."""
        self._position_of = positions
        self._own_name_key = bytearray(len(keys))
        """1 where an organization has a name whose key is its key."""
        self._others: dict[str, str] = {}
        for position, (key, document) in enumerate(zip(keys, documents, strict=True)):
            for name in (document["name"], *document.get("aliases", ())):
                named = name_key_unkept(name)
                if named == key:
                    self._own_name_key[position] = 1
                elif named not in self._others and not self._claimed_before(named, position):
                    self._others[named] = key

    def _claimed_before(self, named: str, position: int) -> bool:
        """Whether the organization keyed `named` comes before `position` and has it as its own name's key."""
        other = self._position_of.get(named)
        return other is not None and other < position and bool(self._own_name_key[other])

    def get(self, named: str) -> str | None:
        """The key of the organization that has a name of this `name_key`, if any."""
        found = self._others.get(named)
        if found is not None:
            return found
        position = self._position_of.get(named)
        return named if position is not None and self._own_name_key[position] else None

    def position_of(self, named: str) -> int | None:
        """Where the organization that has a name of this `name_key` stands, if any (`get`, looked up once)."""
        found = self._others.get(named)
        if found is not None:
            return self._position_of.get(found)
        position = self._position_of.get(named)
        return position if position is not None and self._own_name_key[position] else None


def _person_summary(document: Mapping[str, Any]) -> tuple[str, str, tuple[str, ...]]:
    """A person's key, name, and first role and organization (those there are), from their document."""
    appearances = document.get("appearances", ())
    role = next((a["role"] for a in appearances if a.get("role")), None)
    organization = next((a["organization"] for a in appearances if a.get("organization")), None)
    return document["key"], document["name"], role_and_organization(role, organization)


def surname_key(name: str) -> str:
    """What a name sorts by by surname: its last word, folded."""
    words = name.split()
    return fold(words[-1]) if words else ""


@dataclass(frozen=True, eq=False)
class Snapshot:
    """Records of one store version with the lookups the screen and the command line need.

    Two snapshots are the same only if they are one object: each read of the store makes a new one.

    Only the people, the organizations and the first quotes are read when a snapshot is built; the
    rest is read when first used, or all at once by `read_all`.
    """

    path: str
    articles: Sequence[ArticleRecord]
    people: Sequence[PersonRecord]
    organizations: Sequence[OrganizationRecord]
    stored_quotes: QuoteRecords
    """Every stored quote, copies included, in reading order: the positions selections and the index hold."""
    _index_documents: Sequence[dict[str, Any]] = field(default=(), repr=False)
    _unread: tuple[Sequence[dict[str, Any]], ...] = field(default=(), repr=False)
    _article_index: ArticleIndex = field(default_factory=lambda: ArticleIndex([]), repr=False)
    _extractor_counts: Mapping[str, int] = field(default_factory=dict, repr=False)
    _keyed_parts: Sequence[IndexPart] | None = field(default=None, repr=False)
    """The stored index's parts, when it is searched by key (see KEYED_BROWSING_QUOTES) rather than read."""
    _speaker_names: SpeakerNames | None = field(default=None, repr=False)
    """Speakers' names, and the people's and organizations' positions by key."""
    _preview_counts: StoreSummary | None = field(default=None, repr=False)
    """The whole store's counts, for a preview: a snapshot of only the first rows of a big store (see
    `store.preview`), shown while the whole store is read."""
    _keyed_removals: bool = field(default=False, repr=False)
    """Whether writes ever removed quotes from the store: speakers may have gone from its index's names since."""
    _tables: Tables | None = field(default=None, repr=False)
    """The store version's tables, when read from its files: while a big store's quotes are read, the quotes of
    the articles a filter keeps are found in their files' bytes (see `_indexed_filter_positions`)."""

    @classmethod
    def build(
        cls,
        tree: Mapping[str, Any],
        path: str,
        read_current: TablesReader | None = None,
        lean: bool = False,
        *,
        keyed: bool = False,
        preview_counts: StoreSummary | None = None,
        speakers_named: Mapping[str, str] | None = None,
    ) -> Snapshot:
        """Turn a store's tables into records: people and organizations by name, quotes in reading order; `lean`,
        holding each person's document packed and only a few quote files parsed (see `Store.lean`); lean or
        `keyed`, searching the stored index by key rather than parsing it whole (see `Store.keyed`). A preview
        (see `store.preview`) gives the whole store's counts, and the names of its quotes' speakers that are not
        among its people and organizations."""
        article_documents: Sequence[dict[str, Any]] = (
            PackedOnRead(_table_documents(tree, "articles", read_current, 1, WRITERS_ARTICLE_FIELDS))
            if lean
            else _table_documents(tree, "articles", read_current)
        )
        article_index = ArticleIndex(article_documents)
        texts = ArticleTexts(_table_documents(tree, "texts", read_current), article_index)

        def article(doc: dict[str, Any]) -> ArticleRecord:
            return ArticleRecord(
                key=doc["key"],
                title=article_title(doc),
                source=doc.get("source", ""),
                content_hash=doc.get("hash", doc["key"]),
                ingested_at=doc.get("ingested_at", ""),
                text_source=texts,
                **stored_metadata(doc),
            )

        def person(doc: dict[str, Any]) -> PersonRecord:
            return PersonRecord(
                key=doc["key"],
                name=doc["name"],
                aliases=tuple(doc.get("aliases", ())),
                appearances=tuple(
                    Appearance(
                        article_key=a["article"],
                        role=a.get("role"),
                        organization=a.get("organization"),
                        titles=article_index,
                    )
                    for a in doc.get("appearances", ())
                ),
            )

        def organization(doc: dict[str, Any]) -> OrganizationRecord:
            return OrganizationRecord(
                key=doc["key"],
                name=doc["name"],
                aliases=tuple(doc.get("aliases", ())),
                article_keys=tuple(doc.get("articles", ())),
            )

        people_by_name = _by_name(tree, "people", read_current, lean)
        organizations_by_name = _by_name(tree, "organizations", read_current, lean)
        speaker_names = SpeakerNames(people_by_name, organizations_by_name, compact=lean)
        keyed_parts = keyed_index_parts(tree, any_size=not lean) if lean or keyed else None
        quote_documents = _table_documents(tree, "quotes", read_current, QUOTE_FILES_KEPT if lean else None)
        names: Mapping[str, str] = speaker_names
        if speakers_named is not None:
            names = ChainMap(speaker_names, speakers_named)  # type: ignore[arg-type]
        quotes = QuoteRecords(quote_documents, names, texts, compact=lean, packed_texts=keyed_parts is not None)
        if len(quote_documents):
            quote_documents[0]  # noqa: B018 - the first quotes are on screen at once: read them now
        if len(quote_documents) <= storage.SEGMENT_DOCUMENTS:
            quotes.groups().entries  # noqa: B018 - about one table file, read for the first screen: group it now
        index_documents = _table_documents(tree, "search", read_current) if keyed_parts is None else ()
        return cls(
            str(path),
            LazyRecords(article_documents, article),
            LazyRecords(people_by_name, person),
            LazyRecords(organizations_by_name, organization),
            quotes,
            index_documents,
            (article_documents, index_documents),
            article_index,
            extractor_counts(tree, len(article_documents)),
            keyed_parts,
            speaker_names,
            preview_counts,
            _keyed_removals=bool(getattr(tree, "removed_at", 0)),
            _tables=tree if isinstance(tree, Tables) else None,
        )

    def read_all(self) -> None:
        """Read every table this snapshot has left unread, and index the articles by key (raising StoreError
        when a table file is damaged). The articles are indexed once the people's and organizations' documents are
        compressed (which gives back the buffer they were gathered in) and before the rest: a detail shown meanwhile
        finds titles by them."""
        for records in (self.people, self.organizations):
            documents = records.documents() if isinstance(records, LazyRecords) else None
            if isinstance(documents, PackedDocuments):
                documents.compress()
        articles = self.articles.documents() if isinstance(self.articles, LazyRecords) else None
        if isinstance(articles, PackedOnRead):
            articles.read_all()
        positions = self._article_index.positions()
        for documents in self._unread:
            if isinstance(documents, (SegmentedDocuments, PackedOnRead)):
                documents.read_all()
        self.stored_quotes.read_all(positions)

    @property
    def preview(self) -> bool:
        """True for a snapshot of only a big store's first rows (see `store.preview`): no search, detail or order
        but by name until the whole store is read."""
        return self._preview_counts is not None

    def summary(self) -> StoreSummary:
        """Counts of what this snapshot holds (a preview: of the whole store)."""
        if self._preview_counts is not None:
            return self._preview_counts
        return StoreSummary(
            self.path,
            len(self.articles),
            len(self.people),
            len(self.organizations),
            len(self.stored_quotes),
            self.stale_articles,
        )

    @property
    def quotes(self) -> QuoteEntries:
        """The quotes to list, each once (copies of one quote in several articles are one entry, see
        `store.quote_groups`) once they are all grouped: a small store's when the snapshot is built, a bigger one's by
        `build_indexes` or `quote_entries`; until then, so that opening a big store reads only its first quotes,
        every stored quote."""
        if self.stored_quotes.grouped:
            return self.quote_entries()
        return QuoteEntries(self.stored_quotes, range(len(self.stored_quotes)))

    def quote_entries(self) -> QuoteEntries:
        """Every quote once, in reading order: of the copies of one quote, the fullest (grouping them if need be)."""
        return QuoteEntries(self.stored_quotes, self._entry_positions)

    @built_once
    def _entry_positions(self) -> Sequence[int]:
        return self.stored_quotes.groups().entries

    @property
    def stale_articles(self) -> int:
        """How many articles an extractor older than the installed one read (`whosaid reextract` reads them again)."""
        return older_than(self._extractor_counts, installed_extractor_version())

    @built_once
    def _people_by_key(self) -> dict[str, int]:
        if self._speaker_names is not None:
            return self._speaker_names.person_positions
        documents = (
            self.people.documents()
            if isinstance(self.people, LazyRecords)
            else [{"key": person.key} for person in self.people]
        )
        return {doc["key"]: position for position, doc in enumerate(documents)}


    @built_once
    def _quote_positions_by_speaker(self) -> Mapping[str, Sequence[int]]:
        return self.stored_quotes.groups().speaker_positions

    def _quote_positions_of(self, speaker: str) -> list[int]:
        """Positions of the quotes attributed to "person:KEY" or "organization:KEY"."""
        return list(self._quote_positions_by_speaker.get(speaker, ()))

    @built_once
    def _organization_keys_by_name(self) -> OrganizationKeysByName:
        """Each organization's key by the `name_key` of its name and of each alias, the first in name order
        winning (see `OrganizationKeysByName`)."""
        documents = self._organization_documents()
        held = list(self._organization_positions)
        if len(held) != len(documents):
            held = [document["key"] for document in documents]
        positions = self._organization_positions
        if len(positions) != len(documents):
            positions = {key: position for position, key in enumerate(held)}
        return OrganizationKeysByName(positions, held, documents)

    @built_once
    def _quote_index(self) -> QuoteIndex | KeyedQuoteIndex:
        if self._keyed_parts is not None:
            from store.keyed_quote_index import KeyedQuoteIndex

            return KeyedQuoteIndex(self._keyed_parts, self.stored_quotes.text_at)
        return QuoteIndex(self.stored_quotes.texts(), self._index_documents[0] if len(self._index_documents) else None)

    def build_indexes(self) -> None:
        """Build every lookup the details and the searches use (seconds at 100k quotes), e.g. in a worker, so
        that none is built while the user waits."""
        (  # noqa: B018 - each is a cached property: reading it builds it
            self._people_by_key,
            self._organization_positions,
            self._organization_keys_by_name,
            self._spoken_for,
            self._people_by_article,
            self._organizations_by_article,
            self._quote_positions_by_speaker,
            self._quote_positions_by_article,
            self._quote_index,
            self._entry_positions,
        )
        if self._keyed_parts is None:
            self._speaker_lines[0].words()

    def articles_with_keys(self, keys: Sequence[str]) -> Sequence[ArticleRecord]:
        """The stored articles among these keys, in order; records are made only as they are read."""
        return Selection(self.articles, self._article_positions(keys))

    def articles_among(self, keys: Iterable[str]) -> Sequence[ArticleRecord]:
        """The stored articles among these keys, in the store's order; records are made only as they are read."""
        return Selection(self.articles, sorted(self._article_positions(keys)))

    def _article_positions(self, keys: Iterable[str]) -> list[int]:
        """Where the stored articles among these keys stand, in the keys' order."""
        positions = map(self._article_index.positions().get, keys)
        return [position for position in positions if position is not None]

    def articles_named(self, selector: str, path: str | None = None) -> list[ArticleRecord]:
        """The articles a user means by `selector` (see `article_positions_named`)."""
        documents = self.articles.documents() if isinstance(self.articles, LazyRecords) else []
        return [self.articles[n] for n in article_positions_named(documents, selector, path)]

    def article(self, key: str) -> ArticleRecord | None:
        """The article with this key (its content hash), if stored."""
        position = self._article_index.position_of(key)
        return None if position is None else self.articles[position]

    def article_document(self, key: str) -> Mapping[str, Any] | None:
        """The stored document of the article with this key, if stored (no record is made: a listing of
        thousands of quotes reads each article's fields straight from it)."""
        position = self._article_index.position_of(key)
        if position is None:
            return None
        return self.articles.documents()[position] if isinstance(self.articles, LazyRecords) else None

    def person_document(self, key: str) -> Mapping[str, Any] | None:
        """The stored document of the person with this key, if stored (no record is made)."""
        position = self._people_by_key.get(key)
        if position is None:
            return None
        return self.people.documents()[position] if isinstance(self.people, LazyRecords) else None

    def speaker_name(self, speaker: str | None) -> str | None:
        """The name of a quote's speaker ("person:KEY", "organization:KEY"), None when unknown or unattributed."""
        return self.stored_quotes.speaker_name(speaker)

    def person(self, key: str) -> PersonRecord | None:
        """The person with this key, if stored (only its record is made)."""
        position = self._people_by_key.get(key)
        return None if position is None else self.people[position]

    def organization(self, key: str) -> OrganizationRecord | None:
        """The organization with this key, if stored."""
        position = self._organization_positions.get(key)
        return None if position is None else self.organizations[position]

    def organization_named(self, name: str) -> OrganizationRecord | None:
        """The organization a name (or alias) refers to, if stored."""
        key = self._organization_keys_by_name.get(name_key(name))
        return self.organization(key) if key else None

    def quotes_by_person(self, person_key: str) -> Sequence[QuoteRecord]:
        """Every quote attributed to a person, each once, in article order (records made only as they are read).
        While a big store is indexed (see `indexing`), every copy of them, found in the stored index by key."""
        speaker = f"person:{person_key}"
        if self.indexing:
            return self._copies_said_by(speaker)
        return self._entries(self._quote_positions_of(speaker))

    def _copies_said_by(self, *speakers: str) -> CopiesListed:
        """Every stored quote of each speaker in turn, copies included, in article order, from the stored index by
        key: what a detail lists before the quotes are read and grouped (raises StoreError when a writer replaced
        the files)."""
        from store.keyed_quote_index import KeyedQuoteIndex

        index = self._quote_index
        assert isinstance(index, KeyedQuoteIndex)
        found = index.speakers_positions(sorted(set(speakers)))
        positions = [position for speaker in speakers for position in found.get(speaker, ())]
        return CopiesListed(self.stored_quotes, positions)

    @property
    def knows_names_by_article(self) -> bool:
        """Whether the lookups of the people and organizations each article names are built (by `build_indexes`,
        from every person's and organization's document): an article's names wait for them while a big store is
        indexed, after its text and quotes are shown."""
        return Snapshot._people_by_article.is_built(self) and Snapshot._organizations_by_article.is_built(self)

    @property
    def knows_who_spoke_for_whom(self) -> bool:
        """Whether the lookup of the people each organization has is built (early in `build_indexes`, from the
        people's documents alone): an organization's detail waits for it rather than build it while a big store is
        indexed."""
        return Snapshot._spoken_for.is_built(self)

    def quotes_by_organization(self, organization_key: str) -> Sequence[QuoteRecord]:
        """Quotes said for the organization: by itself, or by a person speaking for it in that article (their
        appearance in it names the organization), each once, in stored order, as `org:` keeps them. While a big
        store is indexed (see `indexing`), every copy of them, found in the stored index by key."""
        if self.indexing:
            return self._copies_said_for(organization_key)
        return self._entries(self._quotes_for_organizations({organization_key}))

    def _copies_said_for(self, organization_key: str) -> CopiesListed:
        """Every stored copy of the quotes said for an organization (see `quotes_by_organization`), from the stored
        index by key, in stored order. StoreError for an index written before it kept who spoke for whom: the
        organization's quotes are known once the store is indexed."""
        from store.keyed_quote_index import KeyedQuoteIndex

        index = self._quote_index
        assert isinstance(index, KeyedQuoteIndex)
        own = f"organization:{organization_key}"
        if not index.knows_spoken_for:
            raise StoreError("the stored index does not say who spoke for which organization")
        found = set(index.speakers_positions([own]).get(own, ()))
        for positions in index.spoken_for_positions(self._name_keys_standing_for(own)).values():
            found.update(positions)
        return CopiesListed(self.stored_quotes, sorted(found))

    def _name_keys_standing_for(self, *organizations: str) -> list[str]:
        """The name keys of these organizations' names ("organization:KEY") that stand for them: the store resolves
        a person's appearance for a name to the first organization of that name key (see
        `OrganizationKeysByName`)."""
        keys_by_name = self._organization_keys_by_name
        return [
            named_key
            for speaker in organizations
            for named_key in dict.fromkeys(map(name_key_unkept, self._names_of(speaker)))
            if keys_by_name.get(named_key) == speaker.partition(":")[2]
        ]

    def _entries(self, positions: Sequence[int]) -> QuoteSelection:
        """The entries of the quotes at these stored positions: one quote per group of copies, ascending."""
        return QuoteSelection(self.stored_quotes, self.stored_quotes.groups().entries_among(positions))

    def articles_printing(self, quotes: QuoteSelection, query: str | ParsedQuery = "") -> Sequence[ArticleRecord]:
        """The articles that printed any of these quotes (every copy's article included), in the store's order; of
        those, only the ones the query's `source:`, `date:` and `article:` filters keep (a quote found in one outlet
        was printed by others too, which that filter leaves out)."""
        found = self._article_positions_printing(quotes)
        parsed = parse_query(query) if isinstance(query, str) else query
        for query_filter in parsed.filters:
            if query_filter.field in ARTICLE_FILTERS and found:
                found &= self._articles_kept(query_filter)
        return Selection(self.articles, sorted(found))

    def _article_positions_printing(self, quotes: QuoteSelection) -> set[int]:
        """Where the articles that printed any of these quotes stand (every copy's article included)."""
        articles = self._quote_article_positions
        groups = self.stored_quotes.groups()
        found: set[int] = set()
        for start in range(0, len(quotes.positions), STOP_CHECK_QUOTES):
            check_stop()
            found.update(map(articles.__getitem__, quotes.positions[start : start + STOP_CHECK_QUOTES]))
        for members in groups.copied_groups(quotes.positions):
            found.update(map(articles.__getitem__, members))
        found.discard(UNKNOWN_ARTICLE)
        return found

    @built_once
    def _quote_article_positions(self) -> array:
        """Every stored quote's article position (UNKNOWN_ARTICLE for an article not stored), by stored position."""
        keys = self._quote_article_keys
        if isinstance(keys, NumberedColumn) and keys.number_of == self._article_index.positions().get:
            return keys.numbers(UNKNOWN_ARTICLE)
        positions = self._article_index.positions()
        return array("I", (positions.get(key, UNKNOWN_ARTICLE) for key in keys))

    def quote_sources(self, quote: QuoteRecord) -> QuoteSelection:
        """Every stored copy of a quote (itself included), in article order: the articles that printed it."""
        position = self.quote_position(quote.key)
        if position is None:
            return QuoteSelection(self.stored_quotes, [])
        return QuoteSelection(self.stored_quotes, list(self.stored_quotes.groups().members_of(position)))

    def quote_printings(self, quote: QuoteRecord) -> list[QuoteRecord]:
        """The articles that printed a quote, each once: its first copy in each, in article order."""
        return first_in_each_article(self.quote_sources(quote), attrgetter("article_key"))

    def people_summaries(self) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """Each person's key, name, and first role and organization (those there are), in the people's order: read
        from their documents, so that listing every person (the command palette) makes no record."""
        yield from map(_person_summary, self._person_documents())

    def person_summary(self, position: int) -> tuple[str, str, tuple[str, ...]]:
        """The key, name, and first role and organization of the person at this position (see `people_summaries`),
        from their document where it is held so (no record made)."""
        if isinstance(self.people, LazyRecords):
            return _person_summary(self.people.documents()[position])
        person = self.people[position]
        appearances = [{"role": a.role, "organization": a.organization} for a in person.appearances]
        return _person_summary({"key": person.key, "name": person.name, "appearances": appearances})

    def organization_summary(self, position: int) -> tuple[str, str]:
        """The key and name of the organization at this position (see `organization_summaries`), without a record."""
        held = self._keys_and_names("organizations")
        if held is not None:
            return held[0][position], held[1][position]
        if isinstance(self.organizations, LazyRecords):
            document = self.organizations.documents()[position]
            return document["key"], document["name"]
        organization = self.organizations[position]
        return organization.key, organization.name

    def article_summary(self, position: int) -> tuple[str, str, str]:
        """The key, title and source of the article at this position (see `article_summaries`), from its document
        where it is held so (no record made)."""
        if isinstance(self.articles, LazyRecords):
            document = self.articles.documents()[position]
            return document["key"], article_title(document), SOURCES_JOINED.join(article_sources(document))
        article = self.articles[position]
        return article.key, article.title, article.source

    def _person_documents(self) -> Sequence[Mapping[str, Any]]:
        """The people's documents in the people's order (for people given as records, documents made from them)."""
        if isinstance(self.people, LazyRecords):
            return self.people.documents()
        return [
            {
                "key": person.key,
                "name": person.name,
                "appearances": [
                    {"article": a.article_key, "role": a.role, "organization": a.organization}
                    for a in person.appearances
                ],
            }
            for person in self.people
        ]

    def people_in_order(self, order: str) -> Sequence[PersonRecord]:
        """Every person in one of PEOPLE_ORDERS: by name as stored, by surname, by quotes (most first) or by latest
        article (newest first), ties by name. Sorted from the names the snapshot holds (the documents, by latest
        article), so no person's record is made; made once an order (seconds at 100,000 articles: see
        `knows_order`)."""
        if order not in PEOPLE_ORDERS:
            raise ValueError(f"unknown order {order!r}")
        if order == "name":
            return self.people
        made = self._orders_made.get(("people", order))
        if made is None:
            keys: list[tuple[Any, ...]]
            if order == "latest":
                keys = [
                    (
                        -self.newest_article_rank(a["article"] for a in document.get("appearances", ())),
                        fold(document["name"]),
                    )
                    for document in self._person_documents()
                ]
            elif order == "surname":
                keys = [(surname_key(name), fold(name)) for name in self.keys_and_names("people")[1]]
            else:
                counts, names = self._person_entry_counts, self.keys_and_names("people")[1]
                keys = [(-counts[position], fold(name)) for position, name in enumerate(names)]
            made = Selection(self.people, array("I", sorted(range(len(keys)), key=keys.__getitem__)))
            self._orders_made[("people", order)] = made
        return made

    def _article_positions_of(self, articles: Sequence[ArticleRecord]) -> Sequence[int] | None:
        """Where these articles (every one of the snapshot's, or a selection of them) stand among the stored ones,
        when the snapshot holds their documents; else None."""
        if not isinstance(self.articles, LazyRecords):
            return None
        if articles is self.articles:
            return range(len(articles))
        if isinstance(articles, Selection) and articles.records is self.articles:
            return articles.positions
        return None

    def article_keys(self, articles: Sequence[ArticleRecord]) -> Iterator[str] | None:
        """The keys of these articles (see `_article_positions_of`), read from their documents so that no record is
        made of each; None when they are not held so."""
        positions = self._article_positions_of(articles)
        if positions is None or not isinstance(self.articles, LazyRecords):
            return None
        documents = self.articles.documents()
        return (documents[position]["key"] for position in positions)

    def articles_in_order(self, articles: Sequence[ArticleRecord], order: str) -> Sequence[ArticleRecord] | None:
        """These articles (every one of the snapshot's, or a selection of them) by date (newest first, those of one
        day the last added first, so that what was just ingested heads the list), by title (ties in stored order), or
        by outlet (each outlet's as by date), sorted from their documents so that no record is made of each (100,000
        records took some 60 MB); None when they are not held so."""
        positions = self._article_positions_of(articles)
        if positions is None or not isinstance(self.articles, LazyRecords):
            return None
        documents = self.articles.documents()
        if order == "title":
            ordered = sorted(positions, key=lambda position: fold(article_title(documents[position])))
        else:
            dated = [(article_sort_date(documents[position]), position) for position in positions]
            ordered = [position for _day, position in sorted(dated, reverse=True)]
        if order == "outlet":

            def outlet_key(position: int) -> tuple[bool, str]:
                outlet = stored_metadata(documents[position])["outlet"]
                return (not outlet, fold(outlet or ""))

            ordered.sort(key=outlet_key)
        return Selection(self.articles, array("I", ordered))

    def organizations_in_order(self, order: str) -> Sequence[OrganizationRecord]:
        """Every organization by name as stored, by quotes (its own and those its people said for it, most first) or
        by latest article (newest first), ties by name; made once an order, as `people_in_order`."""
        if order == "name":
            return self.organizations
        if order not in ("count", "latest"):
            raise ValueError(f"unknown order {order!r}")
        made = self._orders_made.get(("organizations", order))
        if made is None:
            if order == "count":
                names = self.keys_and_names("organizations")[1]
                said = self._organization_entry_counts
            else:
                documents = self._organization_documents()
                names = [document["name"] for document in documents]
                said = [self.newest_article_rank(document.get("articles", ())) for document in documents]
            order_keys = [(-value, fold(name)) for value, name in zip(said, names, strict=True)]
            listed = sorted(range(len(order_keys)), key=order_keys.__getitem__)
            made = Selection(self.organizations, array("I", listed))
            self._orders_made[("organizations", order)] = made
        return made

    def selection_in_order(self, listed: Sequence[Any], order: str) -> Sequence[Any] | None:
        """A selection of the stored people or organizations (its positions ascending, so by name) in `order`, read
        from that table's whole list in that order, so that no record is made; None for another list."""
        if not isinstance(listed, Selection):
            return None
        if listed.records is self.people:
            whole = self.people_in_order(order)
        elif listed.records is self.organizations:
            whole = self.organizations_in_order(order)
        else:
            return None
        if order == "name" or not isinstance(whole, Selection):
            return listed
        flags = marked(len(listed.records), listed.positions)
        return Selection(listed.records, array("I", compress(whole.positions, map(flags.__getitem__, whole.positions))))

    def knows_order(self, table: str, order: str) -> bool:
        """Whether the people's or the organizations' (`table`) list in `order` is made, so that `people_in_order`
        or `organizations_in_order` answers at once rather than sorting every one of them."""
        return order == "name" or (table, order) in self._orders_made

    @built_once
    def _orders_made(self) -> dict[tuple[str, str], Selection[Any]]:
        """The lists of people and organizations sorted so far, by table and order."""
        return {}

    def quote_count(self, kind: str, key: str) -> int:
        """How many quotes the detail of a person or an organization (`kind`) lists: read from the counts an order
        by quotes made, when made (an organization of 100,000 quotes takes a fifth of a second to count), else
        counted from its list."""
        if kind == "person":
            position = self._people_by_key.get(key)
            if position is not None and Snapshot._person_entry_counts.is_built(self):
                return self._person_entry_counts[position]
            return len(self.quotes_by_person(key))
        position = self._organization_positions.get(key)
        if position is not None and Snapshot._organization_entry_counts.is_built(self):
            return self._organization_entry_counts[position]
        return len(self.quotes_by_organization(key))

    @built_once
    def _person_entry_counts(self) -> array:
        """How many quotes the detail of each person lists, by their positions: each one's quotes less their copies
        (see `QuoteGroups.copies_by_speaker`), every quote grouped. Held by position, not by speaker id (200,000
        ids at 100,000 articles)."""
        groups = self.stored_quotes.groups()
        copies, said = groups.copies_by_speaker(), groups.speaker_positions
        speakers = [f"person:{key}" for key in self.keys_and_names("people")[0]]
        return array("I", [len(said.get(speaker, ())) - copies.get(speaker, 0) for speaker in speakers])

    @built_once
    def _organization_entry_counts(self) -> array:
        """How many quotes each organization's detail lists (see `quotes_by_organization`), by position: its own
        and those its people said for it, copies counted once."""
        keys = self.keys_and_names("organizations")[0]
        entries_among = self.stored_quotes.groups().entries_among
        counts = array("I", bytes(4 * len(keys)))
        for number, key in enumerate(keys):
            counts[number] = len(entries_among(self._quotes_for_organizations({key})))
        return counts

    def keys_and_names(self, table: str) -> tuple[Sequence[str], Sequence[str]]:
        """The people's or organizations' (`table`) keys and names, in their order (held, where they are, without a
        document read)."""
        return self._keys_and_names(table) or self._documents_keys_and_names(table)

    def _keys_and_names(self, table: str) -> tuple[Sequence[str], Sequence[str]] | None:
        """The people's or organizations' keys and names in their order, as the speakers' names hold them, without
        a document read (None when they are not held so)."""
        if self._speaker_names is None:
            return None
        keys, names = self._speaker_names.keys_and_names(table)
        listed = self.people if table == "people" else self.organizations
        return (keys, names) if len(keys) == len(names) == len(listed) else None

    def _documents_keys_and_names(self, table: str) -> tuple[list[str], list[str]]:
        """The people's or organizations' keys and names in their order, from their documents."""
        documents = self._person_documents() if table == "people" else self._organization_documents()
        return [document["key"] for document in documents], [document["name"] for document in documents]

    def listed_index(self, listed: Sequence[PersonRecord] | Sequence[OrganizationRecord], key: str) -> int | None:
        """Where the person or organization with this key stands in `listed` (the stored people or organizations,
        one of `people_in_order`'s or `organizations_in_order`'s lists, or any other list of them), if listed; no
        record is made for the first four."""
        tables = ((self.people, self._people_by_key), (self.organizations, self._organization_positions))
        for records, positions in tables:
            if listed is records:
                return positions.get(key)
            if isinstance(listed, Selection) and listed.records is records:
                position = positions.get(key)
                if position is None:
                    return None
                return next((index for index, at in enumerate(listed.positions) if at == position), None)
        return next((index for index, record in enumerate(listed) if record.key == key), None)

    def newest_article_rank(self, keys: Iterable[str]) -> int:
        """Where the newest stored article among these keys stands among the articles from oldest to newest (see
        `_article_recency`), -1 when none is stored: what "by latest article" orders people and organizations by."""
        positions, recency = self._article_index.positions(), self._article_recency
        return max((recency[at] for key in keys if (at := positions.get(key)) is not None), default=-1)

    @built_once
    def _article_recency(self) -> array:
        """Each stored article's rank from oldest to newest by the day the Articles pane shows and `--sort date`
        orders by (published, else ingested), articles of one day in stored order."""
        if isinstance(self.articles, LazyRecords):
            days = [article_sort_date(document) for document in self.articles.documents()]
        else:
            days = [article.sort_date for article in self.articles]
        recency = array("I", bytes(4 * len(days)))
        for rank, position in enumerate(sorted(range(len(days)), key=days.__getitem__)):
            recency[position] = rank
        return recency

    def people_of_organization(self, organization_key: str) -> list[PersonRecord]:
        """People any article ties to the organization, in the people's order."""
        people = self._spoken_for[0].at(self._organization_positions.get(organization_key))
        return [self.people[position] for position in dict.fromkeys(people)]

    def quotes_in_article(self, article_key: str) -> list[QuoteRecord]:
        """An article's quotes in reading order. While a big store is indexed (see `indexing`) and its quotes are not
        yet looked up by article, they are found in the quote files' bytes (a second or so at 100,000 articles, for a
        worker: see `quotes_of_articles`) instead of waiting for every quote to be read, and kept (see
        `known_quotes_in_article`)."""
        if not self._finds_article_quotes_in_files:
            return self._quotes_at(self._quote_positions_of_article(article_key))
        found = self._article_quotes_found
        positions = found.get(article_key)
        if positions is None:
            if self._tables is not None:
                from store.keyed_index import quotes_of_articles

                try:
                    positions = quotes_of_articles(self._tables, {article_key})
                except StoreError:
                    positions = None  # a writer replaced files this version names: wait for the quotes as read
            if positions is None:
                positions = self._quote_positions_of_article(article_key)
            if len(found) >= ARTICLE_QUOTES_KEPT:
                found.clear()
            found[article_key] = positions
        return self._quotes_at(positions)

    def known_quotes_in_article(self, article_key: str) -> list[QuoteRecord] | None:
        """An article's quotes when `quotes_in_article` has them without a wait; None while a big store is indexed for
        an article whose quotes were not found yet (the browser finds them in a worker)."""
        if not self._finds_article_quotes_in_files:
            return self.quotes_in_article(article_key)
        positions = self._article_quotes_found.get(article_key)
        return None if positions is None else self._quotes_at(positions)

    def knows_quotes_in_article(self, article_key: str) -> bool:
        """Whether `known_quotes_in_article` has this article's quotes."""
        return not self._finds_article_quotes_in_files or article_key in self._article_quotes_found

    @property
    def _finds_article_quotes_in_files(self) -> bool:
        """Whether an article's quotes are found in the quote files (see `quotes_in_article`): while a big store is
        indexed, until its quotes are looked up by article."""
        return self.indexing and not Snapshot._quote_positions_by_article.is_built(self)

    def _quotes_at(self, positions: Iterable[int]) -> list[QuoteRecord]:
        return [self.stored_quotes[position] for position in positions]

    @built_once
    def _article_quotes_found(self) -> dict[str, Sequence[int]]:
        """The positions of the quotes of up to ARTICLE_QUOTES_KEPT articles `quotes_in_article` found while a big
        store was indexed, by article key: a detail drawn again, or the article opened from it, finds them at once."""
        return {}

    def _quote_positions_of_article(self, article_key: str) -> Sequence[int]:
        """The positions of an article's quotes, ascending (also for quotes whose article is not stored)."""
        position = self._article_index.position_of(article_key)
        if position is None:
            return self._quotes_of_unstored_articles.get(article_key, ())
        return self._quote_positions_by_article.at(position)

    @built_once
    def _quotes_of_unstored_articles(self) -> dict[str, list[int]]:
        """By article key, the positions of the quotes whose article is not stored (none in a sound store)."""
        found: dict[str, list[int]] = {}
        articles = self._quote_article_positions
        if UNKNOWN_ARTICLE in articles:
            keys = self._quote_article_keys
            for position, article in enumerate(articles):
                if article == UNKNOWN_ARTICLE:
                    found.setdefault(keys[position], []).append(position)
        return found

    def _quotes_of_article_at(self, position: int) -> Sequence[int]:
        """The positions of the quotes of the article at this position (and of any other stored with its key)."""
        if quotes := self._quote_positions_by_article.at(position):
            return quotes
        documents = self.articles.documents() if isinstance(self.articles, LazyRecords) else None
        key = documents[position]["key"] if documents is not None else self.articles[position].key
        return self._quote_positions_of_article(key)

    @built_once
    def _quote_positions_by_article(self) -> PositionRuns:
        """By article position, the positions of its quotes, ascending (read from each quote's article position)."""
        return PositionRuns.of_numbers(len(self.articles), self._quote_article_positions)

    def quote(self, key: str, shown_only: bool = False) -> QuoteRecord | None:
        """The quote with this key, if stored. With `shown_only`, while a big store is indexed (see `indexing`), only
        a quote whose record was made (one a browser showed: see `QuoteRecords.made_position`) is found, instead of
        waiting for every quote to be read and found by article."""
        position = self.stored_quotes.made_position(key) if shown_only and self.indexing else self.quote_position(key)
        return None if position is None else self.stored_quotes[position]

    def quote_position(self, key: str) -> int | None:
        """Where the quote with this key ("ARTICLE:START") stands among the stored quotes."""
        article_key, _, start = key.rpartition(":")
        start_of = self.stored_quotes.start_of
        for position in self._quote_positions_of_article(article_key):
            if str(start_of(position)) == start:
                return position
        return None

    def people_in_article(self, article_key: str) -> list[PersonRecord]:
        """People who appear in an article."""
        runs = self._people_by_article
        return [self.people[position] for position in runs.at(self._article_index.position_of(article_key))]

    @built_once
    def _people_by_article(self) -> PositionRuns:
        """By article position, the positions of the people who appear in it (read from their documents, so that
        no person's record is made for it)."""
        position_of = self._article_index.position_of

        def pairs() -> Iterator[tuple[int, int]]:
            for position, document in enumerate(self._person_documents()):
                articles = dict.fromkeys(appearance["article"] for appearance in document.get("appearances", ()))
                for article in map(position_of, articles):
                    if article is not None:
                        yield article, position

        return PositionRuns(len(self.articles), pairs())

    def organizations_in_article(self, article_key: str) -> list[OrganizationRecord]:
        """Organizations named in an article."""
        runs = self._organizations_by_article
        return [self.organizations[position] for position in runs.at(self._article_index.position_of(article_key))]

    def article_counts(self, key: str) -> tuple[int, int, int] | None:
        """How many people, organizations and stored quotes the article with this key names, if stored: looked up
        in the runs by article, so that no count is held per article."""
        position = self._article_index.position_of(key)
        if position is None:
            return None
        return (
            self._people_by_article.size_at(position),
            self._organizations_by_article.size_at(position),
            self._quote_positions_by_article.size_at(position),
        )

    @built_once
    def names_outlets(self) -> bool:
        """Whether any stored article states its outlet: a list of articles gives none a column where none does."""
        if not isinstance(self.articles, LazyRecords):
            return any(article.outlet for article in self.articles)
        return any(stored_metadata(document)["outlet"] for document in self.articles.documents())

    def article_summaries(self) -> Iterator[tuple[str, str, str]]:
        """Each article's key, title and sources (those of a text read from several files joined by
        SOURCES_JOINED), in the store's order, read from their documents (listing every article, as the command
        palette does, makes no record)."""
        if not isinstance(self.articles, LazyRecords):
            yield from ((article.key, article.title, article.source) for article in self.articles)
            return
        for document in self.articles.documents():
            yield document["key"], article_title(document), SOURCES_JOINED.join(article_sources(document))

    def organization_summaries(self) -> Iterator[tuple[str, str]]:
        """Each organization's key and name, in the organizations' order, read from their documents (listing every
        organization, as the command palette does, makes no record)."""
        for document in self._organization_documents():
            yield document["key"], document["name"]

    @built_once
    def _organizations_by_article(self) -> PositionRuns:
        """By article position, the positions of the organizations it names."""
        position_of = self._article_index.position_of

        def pairs() -> Iterator[tuple[int, int]]:
            for position, document in enumerate(self._organization_documents()):
                for article in map(position_of, dict.fromkeys(document.get("articles", ()))):
                    if article is not None:
                        yield article, position

        return PositionRuns(len(self.articles), pairs())

    def _organization_documents(self) -> Sequence[Mapping[str, Any]]:
        """The organizations' documents in their order (for organizations given as records, documents made from
        them)."""
        if isinstance(self.organizations, LazyRecords):
            return self.organizations.documents()
        return [
            {"key": o.key, "name": o.name, "aliases": list(o.aliases), "articles": list(o.article_keys)}
            for o in self.organizations
        ]

    def paragraph_text(self, quote: QuoteRecord) -> str:
        """The paragraph (line) of the article that holds the quote (see `QuoteRecord.context`)."""
        return quote.context[1]

    @property
    def indexing(self) -> bool:
        """True while a big store's quotes are still being read or their copies grouped (see `build_indexes`): a
        search may then answer from the stored index alone, listing every copy of a quote, and the articles of a
        search's quotes, or where a quote stands by key, are not known without a wait."""
        return self._keyed_parts is not None and not self.stored_quotes.grouped

    def search_quotes(self, query: str | ParsedQuery, while_indexing: bool = False) -> QuoteSelection:
        """Quotes matching every word and phrase of the query, in their text, their speaker's name or the name of the
        organization their speaker spoke for, and every filter (see store.search); in article order, each once (of its
        copies, the fullest that matches). With `while_indexing`, a big store still indexing (see `indexing`) answers
        from its stored index at once, every copy listed, unless the query has filters or names more than
        INDEXED_SPEAKERS_AT_MOST speakers."""
        parsed = parse_query(query) if isinstance(query, str) else query
        if parsed.is_empty:
            return QuoteSelection(self.stored_quotes, [])
        reading = (
            while_indexing
            and self.indexing
            and self._few_named(parsed.terms)
            and all(map(self._indexes_filter, parsed.filters))
        )
        if reading:
            try:
                positions = self._search_positions(parsed, reading)
            except StoreError:
                reading = False  # a writer replaced files this version names: answer as the store is read
        if not reading:
            positions = self._search_positions(parsed)
        check_stop()
        return CopiesListed(self.stored_quotes, positions) if reading else self._entries(positions)

    def search_entries(self, query: str | ParsedQuery) -> Iterator[int]:
        """The stored positions `search_quotes` lists, one at a time: the first come as soon as the index answers,
        before the copies of the last ones are grouped (see `QuoteGroups.entries_in_order`)."""
        parsed = parse_query(query) if isinstance(query, str) else query
        if parsed.is_empty:
            return iter(())
        positions = self._search_positions(parsed)
        return self.stored_quotes.groups().entries_in_order(positions) if positions else iter(())

    def _indexes_filter(self, query_filter: Filter) -> bool:
        """Whether the stored index alone keeps the quotes of a filter while a big store is indexed: a `speaker:`
        naming few enough speakers (see INDEXED_SPEAKERS_AT_MOST), or an `org:` naming few enough organizations
        of an index that says who spoke for which; or whether the store's files keep those of an `article:`,
        `source:` or `date:` filter (see `_indexed_filter_positions`)."""
        from store.keyed_quote_index import KeyedQuoteIndex

        if query_filter.field in ARTICLE_FILTERS:
            return self._tables is not None
        if query_filter.field not in ("speaker", "org"):
            return False
        index = self._quote_index
        if query_filter.field == "org" and not (isinstance(index, KeyedQuoteIndex) and index.knows_spoken_for):
            return False
        return len(self._speakers_named(query_filter.term)) <= INDEXED_SPEAKERS_AT_MOST

    def _indexed_filter_positions(self, query_filter: Filter) -> set[int]:
        """Positions of the quotes a `speaker:` or `org:` filter keeps (see `_indexes_filter`), from the stored
        index alone: the named speakers' quotes and, for `org:`, those people said for the organizations named
        (each organization's name keys that stand for it, see `OrganizationKeysByName`). An `article:`, `source:`
        or `date:` filter keeps the quotes of the articles it keeps, as `whosaid search` finds them by key: the
        articles kept, then the quote files' bytes searched for them (see `store.keyed_index.quotes_of_articles`)."""
        from store.keyed_index import quotes_of_articles
        from store.keyed_quote_index import KeyedQuoteIndex

        if query_filter.field in ARTICLE_FILTERS:
            assert self._tables is not None
            documents = self.articles.documents() if isinstance(self.articles, LazyRecords) else []
            kept = {documents[position]["key"] for position in sorted(self._articles_kept(query_filter))}
            return set(quotes_of_articles(self._tables, kept)) if kept else set()
        index = self._quote_index
        assert isinstance(index, KeyedQuoteIndex)
        named = self._speakers_named(query_filter.term)
        if query_filter.field == "org":
            named = [speaker for speaker in named if speaker.startswith("organization:")]
        found: set[int] = set().union(*index.speakers_positions(sorted(named)).values())
        if query_filter.field != "org":
            return found
        return found | self._indexed_said_for(named)

    def _few_named(self, terms: Sequence[Term]) -> bool:
        """Whether some term names few enough speakers (see INDEXED_SPEAKERS_AT_MOST), or none names any, for the
        stored index to answer the search."""
        return not terms or min(len(self._speakers_named(term)) for term in terms) <= INDEXED_SPEAKERS_AT_MOST

    def _search_positions(self, parsed: ParsedQuery, reading: bool = False) -> Sequence[int]:
        """Positions of the quotes a non-empty query matches, ascending. Each term holds the quotes whose text it
        matches, those of the speakers it names and those said for the organizations it names; the filters are applied
        first, then the whole words, then the word being typed, and a search that has come to nothing stops there. While
        a big store is being indexed (`reading`), each speaker's quotes are found in the stored index."""
        terms = parsed.terms
        named_at_all: list[list[str]] = [[] for _ in terms]
        for number in sorted(range(len(terms)), key=lambda n: terms[n].last_is_prefix):
            named_at_all[number] = named = self._speakers_named(terms[number])
            whole_word_alone = not named and not terms[number].last_is_prefix and not parsed.filters
            if whole_word_alone and len(terms) > 1 and self._quote_index.surely_absent(terms[number]):
                return []
        if not parsed.filters and not any(named_at_all):
            return self._quote_index.search(parsed)
        if reading:
            return self._indexed_positions(terms, named_at_all, parsed.filters)
        said = [
            self._quotes_said_by_named(term, True) if named else array("I")
            for term, named in zip(terms, named_at_all, strict=True)
        ]
        if not parsed.filters and not any(said):
            return self._quote_index.search(parsed)
        filtered = sorted(map(self._filtered_positions, parsed.filters), key=len)
        found: Sequence[int] | None = common_to(filtered) if filtered else None
        stored = len(self.stored_quotes)
        for number in sorted(range(len(terms)), key=lambda n: (terms[n].last_is_prefix, len(said[n]))):
            if found is not None and not found:
                return []
            in_text = self._quote_index.search(ParsedQuery((terms[number],)))
            if found is None:
                found = union_of(stored, in_text, said[number])
            else:
                matching = marked(stored, in_text)
                mark(matching, said[number])
                found = array("I", compress(found, map(matching.__getitem__, found)))
        return found or []

    def _quotes_said_by_named(self, term: Term, for_organizations: bool = False) -> array:
        """Positions of the quotes of the speakers a term names, ascending; `for_organizations`, with those people
        said for an organization it names, as a word alone finds them (the last few terms' kept: typing on asks for
        them again, and a term may name a hundred thousand speakers)."""
        kept = self._said_kept
        found = kept.get((term, for_organizations))
        if found is None:
            quoted = self._quote_positions_by_speaker
            named = self._speakers_named(term)
            runs: list[Sequence[int]] = [quoted.get(speaker, ()) for speaker in named]
            organizations = {s.partition(":")[2] for s in named if s.startswith("organization:")}
            if for_organizations and organizations:
                runs.append(self._quotes_for_organizations(organizations))
            found = union_of(len(self.stored_quotes), *runs)
            if len(kept) >= SAID_TERMS_KEPT:
                kept.pop(next(iter(kept)))
            kept[(term, for_organizations)] = found
        return found

    @built_once
    def _said_kept(self) -> dict[tuple[Term, bool], array]:
        return {}

    def _indexed_positions(
        self, terms: Sequence[Term], named_at_all: list[list[str]], filters: Sequence[Filter] = ()
    ) -> list[int]:
        """`_search_positions` answered from the stored index alone, while a big store is indexed: the filters
        first (see `_indexed_filter_positions`), then the term naming the fewest speakers, each term's named
        speakers' quotes looked up together; a later term naming more than INDEXED_SPEAKERS_AT_MOST keeps a quote
        found so far whose text it matches or whose speaker, read from the quote, it names."""
        found: set[int] | None = None
        for query_filter in filters:
            kept = self._indexed_filter_positions(query_filter)
            found = kept if found is None else found & kept
        if not terms:
            return sorted(found or ())
        order = sorted(range(len(terms)), key=lambda number: len(named_at_all[number]))
        few = [named for number in order if len(named := named_at_all[number]) <= INDEXED_SPEAKERS_AT_MOST]
        looked_up = self._quote_index.speakers_positions(sorted(set(chain.from_iterable(few))))  # type: ignore[union-attr]
        quoted = {speaker: positions for speaker, positions in looked_up.items() if positions}
        for number in order:
            if found is not None and not found:
                return []
            in_text = set(self._quote_index.search(ParsedQuery((terms[number],))))
            named = named_at_all[number]
            in_text.update(self._indexed_said_for(named))
            if len(named) > INDEXED_SPEAKERS_AT_MOST:
                said_by = self._said_by(named)
                found = {p for p in sorted(found or ()) if p in in_text or said_by(p)}  # file by file
                continue
            said = in_text.union(*(quoted[speaker] for speaker in named if speaker in quoted))
            found = said if found is None else {position for position in found if position in said}
        return sorted(found or ())

    def _indexed_said_for(self, speakers: Sequence[str]) -> set[int]:
        """Positions of the quotes people said for the organizations among these speakers, from the stored index
        (none from an index written before it kept who spoke for whom)."""
        from store.keyed_quote_index import KeyedQuoteIndex

        organizations = [speaker for speaker in speakers if speaker.startswith("organization:")]
        index = self._quote_index
        if not organizations or not isinstance(index, KeyedQuoteIndex) or not index.knows_spoken_for:
            return set()
        return set().union(*index.spoken_for_positions(self._name_keys_standing_for(*organizations)).values())

    @built_once
    def _quote_speakers(self) -> Sequence[str | None]:
        """Every stored quote's speaker id, by position."""
        return self.stored_quotes.speakers()

    def _said_by(self, speakers: Iterable[str]) -> Callable[[int], bool]:
        """Whether the stored quote at a position is one of these speakers' (its speaker's number looked at, once
        the quotes are read; else its speaker read from its file)."""
        if not self.stored_quotes.has_columns:
            said_by, speaker_at = set(speakers), self.stored_quotes.speaker_at
            return lambda position: speaker_at(position) in said_by
        column = self._quote_speakers
        if isinstance(column, NumberedColumn):
            codes, wanted = column.codes, column.codes_of(speakers)
            return lambda position: codes[position] in wanted
        held = set(speakers)
        return lambda position: column[position] in held

    @built_once
    def _speaker_lines(self) -> tuple[NameLines, list[str]]:
        """Every person's and organization's names, and each one's speaker id ("person:KEY", "organization:KEY")."""
        people = self.people.documents() if isinstance(self.people, LazyRecords) else []
        organizations = self._organization_documents()
        speakers = self.stored_quotes.speaker_ids()
        if len(speakers) != len(people) + len(organizations):
            speakers = [f"person:{doc['key']}" for doc in people]
            speakers += [f"organization:{doc['key']}" for doc in organizations]
        entries = [(n, (doc["name"], *doc.get("aliases", ()))) for n, doc in enumerate(people)]
        entries += [(len(people) + n, (doc["name"], *doc.get("aliases", ()))) for n, doc in enumerate(organizations)]
        return NameLines.build(entries), speakers

    def _speakers_named(self, term: Term) -> list[str]:
        """Speaker ids of the people and organizations one of whose names the term matches (the last few terms'
        kept: typing a word after it asks for the same names again)."""
        kept = self._named_kept
        named = kept.get(term)
        if named is None:
            if self._keyed_parts is not None:
                named = self._keyed_speakers_named([term])
            else:
                lines, speakers = self._speaker_lines
                named = [speakers[owner] for owner in lines.owners_matching(term)]
            if len(kept) >= NAMED_TERMS_KEPT:
                kept.clear()
            kept[term] = named
        return named

    @built_once
    def _named_kept(self) -> dict[Term, list[str]]:
        return {}

    def _filtered_positions(self, query_filter: Filter) -> Sequence[int]:
        """Positions of the quotes a `speaker:`, `org:`, `source:`, `date:` or `article:` filter keeps, ascending."""
        if query_filter.field == "speaker":
            return self._quotes_said_by_named(query_filter.term)
        if query_filter.field == "org":
            return self._quotes_for_organization_named(query_filter.term)
        return self._quotes_of_articles(self._articles_kept(query_filter))

    def _articles_kept(self, query_filter: Filter) -> set[int]:
        """Positions of the articles a `source:`, `date:` or `article:` filter keeps."""
        if query_filter.field == "source":
            return self._outlet_lines.owners_matching(query_filter.term)
        if query_filter.field == "date":
            return self._articles_dated(date_prefix(query_filter.term))
        return self._article_lines.owners_matching(query_filter.term)

    @built_once
    def _outlet_lines(self) -> NameLines:
        """Each article's outlet and its link's host, folded, one a line."""
        documents = self.articles.documents() if isinstance(self.articles, LazyRecords) else []
        return NameLines.build((position, article_outlet_names(doc)) for position, doc in enumerate(documents))

    def _articles_dated(self, prefix: str) -> set[int]:
        """Positions of the articles whose date starts with `prefix`: the published date where known, else when it
        was ingested, the date the Articles pane shows and the date order follows."""
        documents = self.articles.documents() if isinstance(self.articles, LazyRecords) else []
        return {position for position, doc in enumerate(documents) if article_sort_date(doc).startswith(prefix)}

    def _quotes_of_articles(self, positions: Iterable[int]) -> array:
        """Positions of the quotes of the articles at these positions, ascending."""
        return union_of(len(self.stored_quotes), *map(self._quotes_of_article_at, positions))

    def _quotes_for_organization_named(self, term: Term) -> array:
        """Quotes said by an organization the term names, or by a person speaking for it in that article,
        ascending."""
        return self._quotes_for_organizations(
            {s.partition(":")[2] for s in self._speakers_named(term) if s.startswith("organization:")}
        )

    def _quotes_for_organizations(self, organizations: set[str]) -> array:
        """Quotes said by any of these organizations (their keys), or by a person speaking for one of them in that
        article, ascending."""
        quoted = self._quote_positions_by_speaker
        runs: list[Sequence[int]] = [quoted.get(f"organization:{key}", ()) for key in organizations]
        people, articles, unstored = self._spoken_for
        stored_articles = len(self.articles)
        said_in_article = self._said_in_article()
        by_article, of_unstored = self._quote_positions_by_article, self._quotes_of_unstored_articles
        for key in organizations:
            position = self._organization_positions.get(key)
            for person, article in zip(people.at(position), articles.at(position), strict=True):
                quotes = (
                    by_article.at(article)
                    if article < stored_articles
                    else of_unstored.get(unstored[article - stored_articles], ())
                )
                runs.append(said_in_article(person, quotes))
        return union_of(len(self.stored_quotes), *runs)

    @built_once
    def _spoken_for(self) -> tuple[PositionRuns, PositionRuns, list[str]]:
        """Who spoke for each organization in which article, read from the people's documents in one pass (no
        person's record made): by organization position, the people's positions and, in the same order, the
        articles' positions; an article not stored is numbered past the stored ones, its key listed in that
        order."""
        keys_by_name = self._organization_keys_by_name
        article_positions = self._article_index.positions()
        stored_articles = len(self.articles)
        unstored: dict[str, int] = {}
        owner_named: dict[str, int | None] = {}  # each name met so far, and whose it is: most recur
        owners, speakers, articles = array("I"), array("I"), array("I")
        for position, document in enumerate(self._person_documents()):
            for appearance in document.get("appearances", ()):
                named = appearance.get("organization")
                if not named:
                    continue
                owner = owner_named.get(named, -1)
                if owner == -1:
                    owner = owner_named[named] = keys_by_name.position_of(name_key_unkept(named))
                if owner is None:
                    continue
                article = article_positions.get(appearance["article"])
                if article is None:
                    article = stored_articles + unstored.setdefault(appearance["article"], len(unstored))
                owners.append(owner)
                speakers.append(position)
                articles.append(article)
        count = len(self.organizations)
        people_runs = PositionRuns.of_columns(count, owners, speakers)
        del speakers
        return people_runs, PositionRuns.of_columns(count, owners, articles), list(unstored)

    def _said_in_article(self) -> Callable[[int, Sequence[int]], list[int]]:
        """Which of an article's quotes (their positions) the person at a position said: a function, made once for
        the many articles one count or search goes through."""
        column, names = self._quote_speakers, self._speaker_names
        if isinstance(column, NumberedColumn) and names is not None and column.number_of == names.number_of:
            codes = column.codes
            return lambda person, quotes: [position for position in quotes if codes[position] == person + 1]
        keys = self.keys_and_names("people")[0]

        def said(person: int, quotes: Sequence[int]) -> list[int]:
            speaker = f"person:{keys[person]}"
            return [position for position in quotes if column[position] == speaker]

        return said

    @built_once
    def _quote_article_keys(self) -> Sequence[str]:
        return self.stored_quotes.article_keys()

    @built_once
    def _article_lines(self) -> NameLines:
        """Each article's title and the paths its text was read from, folded, one a line."""
        documents = self.articles.documents() if isinstance(self.articles, LazyRecords) else []
        return NameLines.build((position, article_filter_names(doc)) for position, doc in enumerate(documents))

    def sorted_quotes(self, quotes: QuoteSelection, order: str) -> QuoteSelection:
        """The quotes in one of QUOTE_SORT_ORDERS: as stored (article), by speaker's name, or by their article's
        date (published where known, else when it was ingested), oldest first ("date") or newest first ("newest");
        ties keep the stored order, so a day's quotes are in the order their articles were added, each article's in
        reading order. A long list is taken from every stored quote put in that order once (see `_quote_order`): a
        search typed while the Quotes pane is by date does not sort a million quotes again."""
        if order == "article":
            return quotes
        if order not in QUOTE_SORT_ORDERS:
            raise ValueError(f"unknown sort order {order!r}; one of {', '.join(QUOTE_SORT_ORDERS)}")
        positions = quotes.positions
        stored = len(self.stored_quotes)
        if len(positions) * QUOTES_SORTED_APART < stored:
            ranked = sorted(zip(self._quote_ranks(order, positions), positions, strict=True))
            return QuoteSelection(self.stored_quotes, [position for _rank, position in ranked])
        ordered = self._quote_order(order)
        flags = marked(stored, positions)
        return QuoteSelection(self.stored_quotes, array("I", compress(ordered, map(flags.__getitem__, ordered))))

    @built_once
    def _quote_orders(self) -> dict[str, array]:
        """Every stored quote's position in each order made so far (see `_quote_order`)."""
        return {}

    def _quote_order(self, order: str) -> array:
        """Every stored quote's position, in `order` (a second or two for a million quotes, made once an order)."""
        made = self._quote_orders.get(order)
        if made is None:
            ranks = self._quote_ranks(order, range(len(self.stored_quotes)))
            made = PositionRuns.of_numbers(max(ranks, default=0) + 1, ranks).in_order()
            self._quote_orders[order] = made
        return made

    def _quote_ranks(self, order: str, positions: Sequence[int]) -> array:
        """Each of these stored quotes' rank in `order`, in their order: by their articles' dates (oldest first, or
        newest first for "newest"), or their speakers' names (the unattributed last); quotes of one rank keep their
        stored order."""
        key_of: Callable[[Any, int], Any]
        if order in DATE_ORDERS:
            owner_of: Sequence[Any] = self._quote_article_positions

            def key_of(article: int, _position: int) -> str:
                return "" if article == UNKNOWN_ARTICLE else self._article_sort_date(article)

        else:
            speakers, name_of = self._quote_speakers, self.stored_quotes.speaker_name
            owner_of = speakers.codes if isinstance(speakers, NumberedColumn) else speakers

            def key_of(_speaker: Any, position: int) -> tuple[bool, str]:
                name = name_of(speakers[position])
                return (name is None, fold(name or ""))

        keys: dict[Any, Any] = {}
        for position in positions:
            owner = owner_of[position]
            if owner not in keys:
                keys[owner] = key_of(owner, position)
        ranked = sorted(set(keys.values()), reverse=order == "newest")
        rank_of = {key: rank for rank, key in enumerate(ranked)}
        owner_ranks = {owner: rank_of[key] for owner, key in keys.items()}
        return array("I", (owner_ranks[owner_of[position]] for position in positions))

    def _article_sort_date(self, position: int) -> str:
        """The date the article at this position is ordered by, read from its document where the snapshot holds
        them (no record made)."""
        if isinstance(self.articles, LazyRecords):
            return article_sort_date(self.articles.documents()[position])
        return self.articles[position].sort_date

    def search_people(self, query: str) -> Sequence[PersonRecord]:
        """People whose name or an alias matches every word of the query and its `speaker:` filters, among those who
        spoke for the organizations its `org:` filters name and those named in the articles its `source:`, `date:`
        and `article:` filters keep (with only such filters, every one of those)."""
        parsed = parse_query(query)
        people = len(self.people)
        named = [owner for owner in self._owners_named(parsed, ("speaker",)) if owner < people]
        limits = [self._people_speaking_for(f.term) for f in parsed.filters if f.field == "org"]
        limits += self._named_in_kept_articles(parsed, self._people_by_article, people)
        positions = self._limited(named, self._names_searched(parsed, ("speaker",)), limits, people)
        return listed(self.people, positions)

    def search_organizations(self, query: str) -> Sequence[OrganizationRecord]:
        """Organizations whose name or an alias matches every word of the query and its `speaker:` and `org:`
        filters, among those named in the articles its `source:`, `date:` and `article:` filters keep (with only
        such filters, every one named there)."""
        parsed = parse_query(query)
        people, size = len(self.people), len(self.organizations)
        named = [owner - people for owner in self._owners_named(parsed, ("speaker", "org")) if owner >= people]
        limits = self._named_in_kept_articles(parsed, self._organizations_by_article, size)
        positions = self._limited(named, self._names_searched(parsed, ("speaker", "org")), limits, size)
        return listed(self.organizations, positions)

    def _named_in_kept_articles(self, parsed: ParsedQuery, named_in: PositionRuns, size: int) -> list[array]:
        """The positions (below `size`) of the people or organizations `named_in` the articles the query's article
        filters keep, as one limit (none when it has no such filter)."""
        kept: set[int] | None = None
        for query_filter in parsed.filters:
            if query_filter.field in ARTICLE_FILTERS:
                check_stop()
                kept = self._articles_kept(query_filter) if kept is None else kept & self._articles_kept(query_filter)
        if kept is None:
            return []
        check_stop()
        return [union_of(size, *(named_in.at(article) for article in sorted(kept)))]

    def _people_speaking_for(self, term: Term) -> array:
        """The positions of the people who spoke for an organization the term names, ascending."""
        people = self._spoken_for[0]
        organizations = (
            self._organization_positions.get(speaker.partition(":")[2])
            for speaker in self._speakers_named(term)
            if speaker.startswith("organization:")
        )
        return union_of(len(self.people), *(people.at(position) for position in organizations if position is not None))

    @staticmethod
    def _limited(named: list[int], names_searched: bool, limits: list[array], size: int) -> Sequence[int]:
        """Of the positions a query's names match (`named`, when it searches names), those within every limit; with
        no name searched, those within every limit (none without a limit)."""
        if not limits:
            return named
        found: Sequence[int] = named if names_searched else limits[0]
        for limit in limits if names_searched else limits[1:]:
            flags = marked(size, limit)
            found = [position for position in found if flags[position]]
        return found

    @staticmethod
    def _names_searched(parsed: ParsedQuery, fields: tuple[str, ...]) -> bool:
        """Whether a query has words, or filters on these `fields`, that names are matched against."""
        return bool(parsed.terms) or any(f.field in fields for f in parsed.filters)

    def _owners_named(self, query: str | ParsedQuery, fields: tuple[str, ...]) -> list[int]:
        """The people and organizations (as `_speaker_lines` numbers them), ascending, one of whose names matches
        every term of the query and of its filters on these `fields`."""
        parsed = parse_query(query) if isinstance(query, str) else query
        terms = [*parsed.terms, *(f.term for f in parsed.filters if f.field in fields)]
        if not terms:
            return []
        if self._keyed_parts is not None:
            return self._keyed_owners(self._keyed_speakers_named(terms))
        names = self._speaker_lines[0]
        lines = names.lines_matching(terms[0])
        for term in terms[1:]:
            if not lines:
                break
            lines &= names.lines_matching(term)
        return sorted({names.owners[line] for line in lines})

    def _keyed_speakers_named(self, terms: Sequence[Term]) -> list[str]:
        """Speaker ids of the people and organizations one of whose names every term matches, found through the
        names' words the stored index holds, and told by their names where the words alone do not prove it (or may
        be those of a speaker removed since, see `store.quote_index.GONE_MARK`)."""
        from store.keyed_quote_index import KeyedQuoteIndex, needs_names

        index = self._quote_index
        assert isinstance(index, KeyedQuoteIndex)
        candidates: set[str] | None = None
        for term in terms:
            named = index.speakers_named(term)
            candidates = named if candidates is None else candidates & named
            if not candidates:
                return []
        if not candidates:
            return []
        gone = index.gone_speakers if self._keyed_removals else set()
        checked = candidates if needs_names(terms) else candidates & gone
        if not checked:
            return sorted(candidates)
        ordered = sorted(checked)
        lines = NameLines.build((number, self._names_of(speaker)) for number, speaker in enumerate(ordered))
        matching = lines.lines_matching(terms[0])
        for term in terms[1:]:
            matching &= lines.lines_matching(term)
        return sorted((candidates - checked) | {ordered[lines.owners[line]] for line in matching})

    def _names_of(self, speaker: str) -> tuple[str, ...]:
        """A speaker's name and aliases ("person:KEY", "organization:KEY"); none when not stored."""
        kind, _, key = speaker.partition(":")
        if kind == "person":
            document = self.person_document(key)
            return (document["name"], *document.get("aliases", ())) if document is not None else ()
        organization = self.organization(key)
        return (organization.name, *organization.aliases) if organization is not None else ()

    def _keyed_owners(self, speakers: Iterable[str]) -> list[int]:
        """The numbers `_speaker_lines` gives these speakers (the people by position, then the organizations),
        ascending, without building its lines."""
        people = len(self.people)
        owners = []
        for speaker in speakers:
            kind, _, key = speaker.partition(":")
            owner = (
                self._people_by_key.get(key)
                if kind == "person"
                else (self._organization_positions.get(key) if kind == "organization" else None)
            )
            if owner is not None:
                owners.append(owner if kind == "person" else people + owner)
        return sorted(owners)

    @built_once
    def _organization_positions(self) -> dict[str, int]:
        if self._speaker_names is not None:
            return self._speaker_names.organization_positions
        return {organization.key: position for position, organization in enumerate(self.organizations)}

    def speaker_details(self, quote: QuoteRecord) -> tuple[str | None, str | None, str | None]:
        """Who said a quote and, in that article, their role and organization (an organization speaks for itself)."""
        if quote.speaker_kind == "person" and quote.speaker_key:
            person = self.person(quote.speaker_key)
            if person is not None:
                appearance = next((a for a in person.appearances if a.article_key == quote.article_key), None)
                if appearance is None:
                    return person.name, None, None
                return person.name, appearance.role or None, appearance.organization or None
        if quote.speaker_kind == "organization":
            return quote.speaker_name, None, quote.speaker_name
        return quote.speaker_name, None, None

    def speaker_line(self, quote: QuoteRecord) -> str:
        """Who said a quote, with their role and organization in that article: 'Name, role, organization'."""
        if quote.speaker_kind == "person" and quote.speaker_key:
            name, role, organization = self.speaker_details(quote)
            return speaker_line(name, role, organization)
        return quote.speaker_name or "unattributed"

    def citation_of(self, quote: QuoteRecord) -> Citation:
        """What a citation of the quote says: who said it, and its article's title, outlet, date, author and link."""
        name, role, organization = self.speaker_details(quote)
        if quote.speaker_kind != "person":
            role = organization = None
        article = self.article(quote.article_key)
        return Citation(
            quote.text,
            name,
            role,
            organization,
            quote.article_title,
            article.outlet if article else None,
            article.date if article else None,
            article.author if article else None,
            article.url if article else None,
        )

    def name_citation(self, kind: str, key: str, style: str | None = None) -> str | None:
        """A person as a citation names them ('Name, role, organization': their first role and organization, as the
        People list and the palette show them), an organization's name, or an article as a citation's parentheses
        name it (title, outlet, date, link), in `style`; None when the store no longer holds it."""
        if kind == "article":
            article = self.article(key)
            if article is None:
                return None
            return format_source(Citation("", title=article.title, outlet=article.outlet, date=article.date,
                                          url=article.url), style)
        if kind == "organization":
            organization = self.organization(key)
            return None if organization is None else cited_name(organization.name, style)
        person = self.person(key)
        if person is None:
            return None
        role = person.roles[0] if person.roles else None
        organization = person.organizations[0] if person.organizations else None
        return cited_name(speaker_line(person.name, role, organization), style)

    def citation(self, quote: QuoteRecord, style: str | None = None) -> str:
        """The quote with its citation on one line, in `style` ("plain" or "markdown"; None: $WHOSAID_CITATION):
        “text” — Name, role, organization (article title, outlet, date, link)."""
        return format_citation(self.citation_of(quote), style)
