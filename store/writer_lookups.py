"""The lookups a writer merges articles with, and the files that keep them in the store between processes.

A writer needs, for every stored article, person and organization, where it is and which names stand for it.
Reading that from the tables means parsing every article, person and organization (seconds at tens of thousands
of articles), so the lookups are kept in the store as files of JSON lines named by the manifest: each write
appends a line with what it changed, committed by the same manifest rename as the tables. Lookups the manifest
does not name, or names for another version of the store (an older whosaid wrote it, or articles were removed),
are built again from the tables.
"""

from __future__ import annotations

import base64
import gc
import hashlib
import sys
from array import array
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress
from operator import itemgetter
from pathlib import Path
from typing import Any

import orjson

from store.article_metadata import article_sources
from store.collector import collector_paused
from store.errors import StoreError
from store.extractor_version import article_version
from store.front_pages import (
    FRONT_TABLES,
    FrontCollector,
    FrontPage,
    stored_front_pages,
    stored_front_speakers,
    stored_fronts,
)
from store.keys import name_key
from store.storage import Segment, Tables, TableTail, document_span, file_spans, read_table_bytes, write_durably

LOOKUPS_VERSION = 2
"""The shape of the lookup files; lookups of another shape are built again from the tables."""
LOOKUP_FILE_BYTES = 1_000_000
"""The lookups written whole go in files of about this size; a later write puts its line in a file of its own."""
LINES_KEPT = 32
"""Lines a write may append to before the lookups are written whole again, a line for each kind: a few big
lines parse much faster than many small ones merged. A search parses each small line that may name what it looks
up (about a millisecond each at 100,000 articles); at 16, a 50,000-article ingest wrote them whole near its end
and peaked at 298-301 MB summed over its processes, against 289-292 MB at 32 (the target is 300)."""
REWRITE_SLACK = 10_000
"""The lookups are written whole again once their lines hold this many more entries than twice the live ones."""
WRITTEN_KEPT = 4_000_000
"""How many bytes of the JSON of the people (and as many of the organizations) it last wrote a writer keeps (see
`StoreIndex.written_documents`): at 50,000 articles about 8,000 people and 26,000 organizations. Kept as JSON, a
document takes a third of what it takes parsed, and is parsed again in a few microseconds."""

StoredArticle = list[int]
"""A stored article as the lookups hold it: its place (see `packed_place`), its source's digest (see
`source_digest`), the version of the extractor that read it, then the digests of the other sources its text was
read from, if any (see `article_sources`)."""


@dataclass
class LookupChanges:
    """What a process changed in the lookups since they were last written: one line of a lookup file."""

    articles: dict[str, StoredArticle] = field(default_factory=dict)
    """Articles added, or whose sources changed, by content hash."""
    people: dict[str, int] = field(default_factory=dict)
    organizations: dict[str, int] = field(default_factory=dict)
    people_gone: set[str] = field(default_factory=set)
    organizations_gone: set[str] = field(default_factory=set)
    person_aliases: dict[str, str] = field(default_factory=dict)
    organization_aliases: dict[str, str] = field(default_factory=dict)
    person_spans: dict[int, int] = field(default_factory=dict)
    """Spans of people's documents a write put in files, by id (see `StoreIndex.person_spans`)."""
    organization_spans: dict[int, int] = field(default_factory=dict)

    def line(self) -> dict[str, Any]:
        """The changes as a lookup line (only the kinds of change there are)."""
        parts: dict[str, Any] = {
            "a": self.articles,
            "p-": sorted(self.people_gone),
            "o-": sorted(self.organizations_gone),
            "p": self.people,
            "o": self.organizations,
            "pa": self.person_aliases,
            "oa": self.organization_aliases,
            "ps*": encoded_span_changes(self.person_spans) if self.person_spans else "",
            "os*": encoded_span_changes(self.organization_spans) if self.organization_spans else "",
        }
        return {kind: entries for kind, entries in parts.items() if entries}


@dataclass
class StoreIndex:
    """The lookups a writer merges an article with: articles by content hash and by source, and people and
    organizations by key and by other names, with their places.

    Read from the store's lookup files, or built by reading the articles, people and organizations once, a file
    at a time; after that a batch reads and writes only the files it changes, so adding an article costs about
    the same however big the store is."""

    articles: dict[str, StoredArticle] = field(default_factory=dict)
    """Each stored article by its content hash."""
    sources: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """The content hashes of the articles read from a source (the one each is shown under or another), by the
    source's digest."""
    people: dict[str, int] = field(default_factory=dict)
    """Each stored person's place (see `packed_place`) by key: the document is read from its file when needed."""
    organizations: dict[str, int] = field(default_factory=dict)
    person_aliases: dict[str, str] = field(default_factory=dict)
    """Keys of names (multi-word ones) people are also known by, other than a person's own key, to their key."""
    organization_aliases: dict[str, str] = field(default_factory=dict)
    person_spans: array = field(default_factory=lambda: array("Q"))
    """Where each document of the people table stands in its file (see `document_span`; 0: not known), by id, as
    far as a writer wrote or found it: a hint, checked when read, by which one document is read instead of its
    whole file. An array, eight bytes a document: a dictionary by key took six times as much."""
    organization_spans: array = field(default_factory=lambda: array("Q"))
    extractors: dict[str, int] = field(default_factory=dict)
    tails: dict[str, TableTail] = field(default_factory=dict)
    """Where each table's next document goes (see `Tables.tails`), so a write need not read last files again."""
    dead_bytes: dict[str, int] = field(default_factory=dict)
    """Bytes of superseded documents by file (see `Tables.dead_bytes`)."""
    last_index_part: tuple[int, int] | None = None
    """The quotes the quote index's last part covers (first, end), once known."""
    index_shifts: int = 0
    """How many writes of this process moved quotes' positions in the stored index (see `DocumentWriter.apply`)."""
    index_left_out: bool = False
    """Whether a write of this process dropped the quote index, to be built again by a later one (see
    `DocumentWriter.apply`)."""
    generation: int = -1
    """The store version these lookups describe (see `Tables.generation`)."""
    files: list[Segment] | None = None
    """The lookup files of that version, each with its size (None: none yet, the next write writes them whole)."""
    entries_in_files: int = 0
    """How many entries the lines of those files hold (more than the live ones once entries changed)."""
    lines_in_files: int = 0
    """How many lines those files hold."""
    changes: LookupChanges = field(default_factory=LookupChanges)
    """What changed since those files were written: the next write's line."""
    written: tuple[list[Segment], int, int] | None = None
    """The lookup files (and entries in them) of the write under way, theirs once it commits."""
    written_documents: dict[str, OrderedDict[str, tuple[int, bytes]]] = field(
        default_factory=lambda: {"people": OrderedDict(), "organizations": OrderedDict()}
    )
    """The people and organizations this process wrote last (see WRITTEN_KEPT), by table and key, each with the
    place it was written to and its JSON as written: a later batch merging with one parses it from here rather than
    reading it back from its file. The lookups, and so these, are let go when another process writes to the store.
    Ordered dictionaries: the oldest is let go in constant time, where a dictionary's first entry, after many taken
    from its front, is found by passing over the gaps they left (23 microseconds each at 25,000 entries)."""
    written_bytes: dict[str, int] = field(default_factory=lambda: {"people": 0, "organizations": 0})
    """The bytes of JSON `written_documents` holds, by table."""
    fronts: dict[str, FrontPage] | None = None
    """The first people and organizations by name (see `store.front_pages`); None until read or built."""
    front_speakers: dict[str, str] | None = None
    """The names of the speakers of the store's first quotes (see FRONT_QUOTES), by speaker id; None until found."""

    @classmethod
    def of(cls, tables: Tables) -> StoreIndex:
        """The lookups of the store as `tables` hold it: from its lookup files when they describe this version,
        else built from the tables. The garbage collector waits meanwhile: the lookups are hundreds of thousands
        of new objects, none of them garbage, and its passes over them (and everything else) cost a fifth more.
        Then it leaves them, and all else made so far, out of its later passes (`gc.freeze`): they live as long as
        the writer, hold no cycles, and each full pass over them cost as much as merging a batch."""
        with collector_paused():
            index = cls.stored(tables) or cls.read(tables)
        gc.freeze()
        return index

    @classmethod
    def stored(cls, tables: Tables) -> StoreIndex | None:
        """The lookups from the store's lookup files; None when there are none for this version of the store, or
        they do not hold what its tables hold."""
        entry = tables.stored_lookups
        if not (isinstance(entry, dict) and entry.get("version") == LOOKUPS_VERSION):
            return None
        if entry.get("generation") != tables.generation or tables.changed:
            return None
        try:
            files = [(str(name), int(size)) for name, size in entry["files"]]
            index = cls(generation=tables.generation, files=files)
            for name, size in files:
                raw = read_table_bytes(tables.directory / name)
                if len(raw) != size:
                    return None
                for line in file_lines(raw):
                    index.entries_in_files += index.take_line(orjson.loads(line))
                    index.lines_in_files += 1
            index.index_articles()
            if not {*map(type, chain(index.people.values(), index.organizations.values()))} <= {int}:
                return None
            if (index.people or index.organizations) and not (index.person_spans or index.organization_spans):
                index.find_spans(tables)
            index.tails = stored_tails(entry.get("tails", {}), tables)
            index.dead_bytes = {str(file): int(size) for file, size in entry.get("dead_bytes", {}).items()}
            part = entry.get("index_part")
            index.last_index_part = (int(part[0]), int(part[1])) if part is not None else None
            index.fronts = stored_front_pages(entry.get("front"))
            index.front_speakers = stored_front_speakers(entry.get("front"))
        except (StoreError, orjson.JSONDecodeError, KeyError, TypeError, ValueError, IndexError):
            return None
        counts = (len(index.articles), len(index.people), len(index.organizations))
        if counts != tuple(tables.document_count(name) for name in ("articles", "people", "organizations")):
            return None
        return index

    @classmethod
    def read(cls, tables: Tables) -> StoreIndex:
        """The lookups built from the tables. A person's or organization's key is the key of their name (see
        `name_key`), so only their other names are mapped. Files mostly made of superseded documents are marked
        to be written again without them."""
        index = cls(generation=tables.generation, dead_bytes=tables.dead_bytes)
        for number, doc_id, document in tables.located_documents("articles"):
            index.note_article(document, (number, doc_id))
        index.fronts = {}
        for table, stored, aliases, multiword_only in (
            ("people", index.people, index.person_aliases, True),
            ("organizations", index.organizations, index.organization_aliases, False),
        ):
            named = []
            front = FrontCollector(table)
            live_bytes: dict[int, int] = {}
            segments = tables.files.get(table, [])
            holding_superseded = {number for number, (file, _) in enumerate(segments) if tables.superseded.get(file)}
            for number, doc_id, document in tables.located_documents(table):
                key = sys.intern(document["key"])
                stored[key] = packed_place((number, doc_id))
                front.add(document)
                if number in holding_superseded:
                    live_bytes[number] = live_bytes.get(number, 0) + len(orjson.dumps(document))
                other_names = [a for a in document.get("aliases", ()) if not multiword_only or len(a.split()) > 1]
                if other_names:
                    named.append((key, other_names))
            for key, other_names in named:
                for other in other_names:
                    alias_key = name_key(other)
                    if alias_key not in stored and alias_key not in aliases:
                        aliases[alias_key] = key
            index.fronts[table] = front.page()
            index.dead_bytes.update(_superseded_bytes(tables, table, live_bytes))
            for number, (file, _count) in enumerate(tables.files.get(table, [])):
                if tables.mostly_dead(file):
                    tables.edit_segment(table, number)
        tables.forget_parsed()
        index.find_spans(tables)
        index.changes = LookupChanges()
        return index

    def find_spans(self, tables: Tables) -> None:
        """Find where every stored person's and organization's document stands in its file, reading the files'
        bytes once, for lookups that hold none (built from the tables, or written by an earlier whosaid); the next
        write writes the lookups whole, with them."""
        for table in ("people", "organizations"):
            spans, _changed = self._spans(table)
            for file, _count in tables.files.get(table, []):
                if file:
                    for doc_id, start, length in file_spans(read_table_bytes(tables.directory / file)):
                        set_span(spans, doc_id, document_span(start, length))
        self.files = None

    def take_line(self, line: dict[str, Any]) -> int:
        """Apply one line of a lookup file (the first line of a kind is taken as it was parsed, the next ones
        update it); how many entries it held. `index_articles` then indexes the articles read."""
        for stored, gone in ((self.people, line.get("p-", ())), (self.organizations, line.get("o-", ()))):
            for key in gone:
                stored.pop(key, None)
        for spans, whole, changed, changed_pairs in (
            (self.person_spans, line.get("ps"), line.get("ps+", {}), line.get("ps*", "")),
            (self.organization_spans, line.get("os"), line.get("os+", {}), line.get("os*", "")),
        ):
            if isinstance(whole, str):
                del spans[:]
                spans.frombytes(base64.b64decode(whole))
                if sys.byteorder == "big":
                    spans.byteswap()
            if not isinstance(changed, dict):
                raise TypeError("changed spans are not an object")
            take_spans(spans, list(map(int, changed)), list(changed.values()))
            take_spans(spans, *decoded_span_changes(changed_pairs))
        for kind, name in LINE_KINDS.items():
            entries = line.get(kind)
            if not entries:
                continue
            if not isinstance(entries, dict):
                raise TypeError(kind)
            if getattr(self, name):
                getattr(self, name).update(entries)
            else:
                setattr(self, name, entries)
        return line_entries(line)

    def index_articles(self) -> None:
        """The articles by source, and the count by extractor version, from the articles read (in C-level passes
        over them where it can: a store holds a hundred thousand, a few of them read from other sources too)."""
        stored = self.articles.values()
        if min(map(len, stored), default=3) < 3 or not {*map(type, chain.from_iterable(stored))} <= {int}:
            raise TypeError("an article's place, source or version is not a number")
        alone = zip(self.articles, strict=True)
        sources: dict[int, tuple[str, ...]] = dict(zip(map(itemgetter(1), stored), alone, strict=True))
        if len(sources) != len(self.articles):
            sources = {}
            for digest, source in zip(self.articles, map(itemgetter(1), stored), strict=True):
                sources[source] = (*sources[source], digest) if source in sources else (digest,)
        for digest, entry in compress(self.articles.items(), map((3).__lt__, map(len, stored))):
            for source in entry[3:]:
                sources[source] = (*sources.get(source, ()), digest)
        self.sources = sources
        self.extractors = {str(version): count for version, count in Counter(map(itemgetter(2), stored)).items()}

    def note_article(self, document: dict[str, Any], place: tuple[int, str]) -> None:
        """Add a stored article to the lookups."""
        digest = document["hash"]
        stored = self.articles[digest] = self.changes.articles[digest] = stored_article(document, packed_place(place))
        self._list_sources(digest, stored)
        version = str(stored[2])
        self.extractors[version] = self.extractors.get(version, 0) + 1

    def sources_changed(self, document: dict[str, Any]) -> None:
        """Note that the sources a stored article's text was read from changed (its place and version did not)."""
        digest = document["hash"]
        earlier = self.articles[digest]
        self._unlist_sources(digest, earlier)
        stored = self.articles[digest] = self.changes.articles[digest] = stored_article(document, earlier[0])
        self._list_sources(digest, stored)

    def _list_sources(self, digest: str, stored: StoredArticle) -> None:
        """Note an article under each of its sources' digests."""
        for source in (stored[1], *stored[3:]):
            self.sources[source] = (*self.sources.get(source, ()), digest)

    def _unlist_sources(self, digest: str, stored: StoredArticle) -> None:
        """Take an article from under each of its sources' digests."""
        for source in (stored[1], *stored[3:]):
            remaining = tuple(other for other in self.sources.get(source, ()) if other != digest)
            if remaining:
                self.sources[source] = remaining
            else:
                self.sources.pop(source, None)

    def forget_article(self, document: dict[str, Any]) -> None:
        """Drop a stored article from the lookups (which are then written whole, see `Store._writer`)."""
        digest = document["hash"]
        stored = self.articles.pop(digest)
        self._unlist_sources(digest, stored)
        version = str(stored[2])
        self.extractors[version] -= 1
        if not self.extractors[version]:
            del self.extractors[version]
        self.files = None

    def place_of(self, digest: str) -> tuple[int, str]:
        """The file number and id of a stored article."""
        return unpacked_place(self.articles[digest][0])

    def hashes_from(self, source: str) -> list[str]:
        """The content hashes of the stored articles one of whose sources has the digest of `source`."""
        return list(self.sources.get(source_digest(source), ()))

    def placed(self, table: str, key: str, place: tuple[int, str], encoded: bytes | None = None) -> None:
        """Note where a person's or organization's document now is (and, given, the JSON of the document written
        there, to keep for later batches: the oldest kept are let go beyond WRITTEN_KEPT)."""
        stored, changed, gone = self._kind(table)
        stored[key] = changed[key] = packed_place(place)
        gone.discard(key)
        self._forget_written(table, key)
        if encoded is not None:
            written = self.written_documents[table]
            written[key] = (stored[key], encoded)
            self.written_bytes[table] += len(encoded)
            while self.written_bytes[table] > WRITTEN_KEPT:
                self.written_bytes[table] -= len(written.popitem(last=False)[1][1])

    def _forget_written(self, table: str, key: str) -> None:
        """Let go of a written document kept (see `written_documents`)."""
        kept = self.written_documents[table].pop(key, None)
        if kept is not None:
            self.written_bytes[table] -= len(kept[1])

    def written_document(self, table: str, key: str, place: int) -> bytes | None:
        """The JSON of a person's or organization's document as this process wrote it at `place` (None when it did
        not, or no longer keeps it)."""
        written = self.written_documents[table].get(key)
        return written[1] if written is not None and written[0] == place else None

    def front_changed(
        self, tables: Tables, table: str, written: Sequence[Mapping[str, Any]], gone: Iterable[str]
    ) -> None:
        """Keep the table's front page (see `store.front_pages`) as a write changes it: `written`, its new or
        changed documents, `gone`, the keys it removes; called before they are applied to `tables`. A page never
        stored (an earlier whosaid wrote the store), or left short by removals, is built again from the table."""
        gone = set(gone)
        if self.fronts is None:
            self.fronts = {
                name: FrontPage.built(name, tables.documents(name, parts_kept=1)) for name in FRONT_TABLES
            }
        page = self.fronts[table]
        page.changed(table, written, gone)
        if page.short:
            dropped = gone | {document["key"] for document in written}
            kept = (document for document in tables.documents(table, parts_kept=1) if document["key"] not in dropped)
            page = FrontPage.built(table, kept)
            page.changed(table, written, ())
            self.fronts[table] = page

    def gone(self, table: str, key: str) -> None:
        """Note that a person or organization is stored no more."""
        stored, changed, gone = self._kind(table)
        stored.pop(key, None)
        changed.pop(key, None)
        gone.add(key)
        self._forget_written(table, key)

    def _spans(self, table: str) -> tuple[array, dict[str, int]]:
        """The spans of people's or organizations' documents, and those changed since the lookups were written."""
        if table == "people":
            return self.person_spans, self.changes.person_spans
        return self.organization_spans, self.changes.organization_spans

    def span_of(self, table: str, doc_id: str) -> int | None:
        """Where a document of the people or organizations table stands in its file, if known (see
        `person_spans`)."""
        spans, _changed = self._spans(table)
        number = int(doc_id)
        return (spans[number] or None) if number < len(spans) else None

    def note_spans(self, spans: Mapping[str, Mapping[int, int]]) -> None:
        """Take the spans a write noted of the documents of people and organizations it put in files (see
        `Tables.written_spans`)."""
        for table, written in spans.items():
            if not written:
                continue
            kept, changed = self._spans(table)
            reach(kept, max(written))
            for doc_id, span in written.items():
                kept[doc_id] = span
            changed.update(written)

    def _kind(self, table: str) -> tuple[dict[str, int], dict[str, int], set[str]]:
        """The lookups and changes of people or of organizations."""
        if table == "people":
            return self.people, self.changes.people, self.changes.people_gone
        return self.organizations, self.changes.organizations, self.changes.organizations_gone

    def aliased(self, table: str, alias: str, key: str) -> None:
        """Note that another name's key stands for a person or organization."""
        if table == "people":
            self.person_aliases[alias] = self.changes.person_aliases[alias] = key
        else:
            self.organization_aliases[alias] = self.changes.organization_aliases[alias] = key

    def lookups_entry(
        self,
        directory: Path,
        generation: int,
        files: Mapping[str, list[Segment]],
        written: list[Path],
        spans: Mapping[str, Mapping[int, int]],
    ) -> dict[str, Any]:
        """Write this write's lookup line (or, when there are no lookup files yet or they hold mostly replaced
        entries, the lookups whole) and say what the manifest records of them: called by the storage once the
        table files are written (`spans`: where it put documents of people and organizations), before the
        manifest."""
        self.note_spans(spans)
        # people and organizations count twice: a line holds their places and their spans
        live = len(self.articles) + 2 * (len(self.people) + len(self.organizations))
        live += len(self.person_aliases) + len(self.organization_aliases)
        line = self.changes.line()
        whole = self.files is None or self.entries_in_files > 2 * live + REWRITE_SLACK
        if whole or self.lines_in_files + bool(line) > LINES_KEPT:
            lines, previous, entries, count = self.whole_lines(), [], 0, 0
        else:
            lines, previous = ([line] if line else []), self.files
            entries, count = self.entries_in_files, self.lines_in_files
        entries += sum(line_entries(line) for line in lines)
        encoded = (encoded_line(line) for line in lines)
        lookup_files = appended_files(directory, previous, encoded, generation, written)
        self.written = (lookup_files, entries, count + len(lines))
        in_use = {file for segments in files.values() for file, _ in segments}
        return {
            "version": LOOKUPS_VERSION,
            "generation": generation,
            "files": [list(segment) for segment in lookup_files],
            "tails": {
                name: [tail.number, tail.count, tail.size, tail.next_id]
                for name, tail in self.tails.items()
                if name in files
            },
            "dead_bytes": {file: size for file, size in self.dead_bytes.items() if file in in_use},
            "index_part": list(self.last_index_part) if self.last_index_part is not None else None,
            "front": stored_fronts(self.fronts, self.front_speakers) if self.fronts else None,
        }

    def committed(self, generation: int) -> None:
        """The write these lookups were written with is committed: its files and version are theirs now."""
        self.generation = generation
        if self.written is not None:
            self.files, self.entries_in_files, self.lines_in_files = self.written
            self.changes, self.written = LookupChanges(), None

    def whole_lines(self) -> list[dict[str, Any]]:
        """The lookups as lines, one for each kind that has entries (spans with the places they go with). People
        and organizations are to be listed in the order of their keys, and their lines say so (SORTED_MARK, see
        `encoded_line`), so that a reader finds a key by halving the line; articles stay in stored order."""
        lines = []
        for kinds in (("a",), ("p", "ps"), ("o", "os"), ("pa",), ("oa",)):
            line = {kind: getattr(self, KINDS[kind]) for kind in kinds if getattr(self, KINDS[kind])}
            for kind in ("ps", "os"):
                if kind in line:
                    line[kind] = encoded_spans(line[kind])
            if "p" in line or "o" in line:
                line[SORTED_MARK] = ""
            if line:
                lines.append(line)
        return lines


LINE_KINDS = {
    "a": "articles",
    "p": "people",
    "o": "organizations",
    "pa": "person_aliases",
    "oa": "organization_aliases",
}
"""The kinds of entry of a lookup line, and the lookups they go to ("p-" and "o-" name people and organizations
stored no more)."""


SPAN_KINDS = {"ps": "person_spans", "os": "organization_spans"}
"""The kinds of a lookup line that hold all the spans of a table, as the base64 of little-endian uint64s by id
("ps*" and "os*" hold spans that changed, see `encoded_span_changes`; an earlier whosaid wrote them as objects by
id, "ps+" and "os+", still read)."""
CHANGED_SPAN_KINDS = ("ps*", "os*")
KINDS = {**LINE_KINDS, **SPAN_KINDS}
"""Every kind of a lookup line but the changes, and the lookups they go to."""
SPAN_IDS_AHEAD = 1 << 20
"""A changed span is taken for an id at most this far past the spans known: a damaged line cannot make the array
huge."""


SORTED_MARK = "sorted"
"""The last field of a whole line of people or organizations whose keys are in order (an empty text: a reader
that does not know it counts no entries for it)."""


def encoded_line(line: Mapping[str, Any]) -> bytes:
    """A lookup line's JSON; a line with SORTED_MARK with its keys in order, as orjson sorts them (by code point,
    as Python does), without a sorted copy of a table's places (a copy of 200,000 places raised the writer's peak).
    Its fields sort as written: the places, their spans, then the mark."""
    return orjson.dumps(line, option=orjson.OPT_SORT_KEYS if SORTED_MARK in line else 0)


def line_entries(line: Mapping[str, Any]) -> int:
    """How many entries a lookup line holds, a table's spans written whole counting as none (they are replaced
    whole, never left stale)."""
    return sum(
        len(entries) if kind not in CHANGED_SPAN_KINDS else len(entries) * 3 // 4 // 16
        for kind, entries in line.items()
        if kind not in SPAN_KINDS
    )


def set_span(spans: array, doc_id: int, span: int) -> None:
    """Note a document's span in a table's spans by id, growing the array (with unknown spans) to reach it."""
    reach(spans, doc_id)
    spans[doc_id] = span


def take_spans(spans: array, ids: Sequence[int], values: Sequence[int]) -> None:
    """Note the spans a lookup line changed (`values`, by `ids`), growing the array once to reach the highest id (an
    id too far past the spans known is passed over): a line of a big store changes hundreds of thousands."""
    limit = len(spans) + SPAN_IDS_AHEAD
    if ids and (max(ids) >= limit or min(ids) < 0):
        kept = {doc_id: span for doc_id, span in zip(ids, values, strict=True) if 0 <= doc_id < limit}
        ids, values = list(kept), list(kept.values())
    if ids:
        reach(spans, max(ids))
    for doc_id, span in zip(ids, values, strict=True):
        spans[doc_id] = span


def encoded_span_changes(changed: Mapping[int, int]) -> str:
    """Spans that changed, by id, as a lookup line holds them: the base64 of little-endian uint64s, each id followed
    by its span. Read back with a base64 decoding and two slices, where an object of them took a big store's writer
    a quarter of a second to parse and take."""
    pairs = array("Q", chain.from_iterable(changed.items()))
    if sys.byteorder == "big":
        pairs.byteswap()
    return base64.b64encode(pairs.tobytes()).decode("ascii")


def decoded_span_changes(encoded: str) -> tuple[array, array]:
    """The ids and spans of an `encoded_span_changes` (ValueError when it is not one)."""
    if not isinstance(encoded, str):
        raise ValueError("changed spans are not a string")
    pairs = array("Q", base64.b64decode(encoded, validate=True))
    if len(pairs) % 2:
        raise ValueError("changed spans are not pairs")
    if sys.byteorder == "big":
        pairs.byteswap()
    return pairs[0::2], pairs[1::2]


def reach(spans: array, doc_id: int) -> None:
    """Grow a table's spans, with unknown ones, to hold the span of this id."""
    if doc_id >= len(spans):
        spans.frombytes(bytes(8 * (doc_id + 1 - len(spans))))


def encoded_spans(spans: array) -> str:
    """A table's spans as a lookup line holds them (see `SPAN_KINDS`)."""
    if sys.byteorder == "big":
        spans = array("Q", spans)
        spans.byteswap()
    return base64.b64encode(spans.tobytes()).decode("ascii")


def file_lines(raw: bytes) -> Iterator[memoryview]:
    """The lines of a lookup file that are not empty, as views of its bytes: a few lines of megabytes each are
    found with memchr and never copied."""
    view = memoryview(raw)
    start = 0
    while start < len(raw):
        end = raw.find(b"\n", start)
        end = len(raw) if end < 0 else end
        if end > start:
            yield view[start:end]
        start = end + 1


def stored_tails(entry: Mapping[str, Any], tables: Tables) -> dict[str, TableTail]:
    """The recorded tails of tables that still end where they were recorded to (any other is found again)."""
    tails = {}
    for name, (number, count, size, next_id) in entry.items():
        segments = tables.files.get(name, [])
        if segments and number == len(segments) - 1 and segments[-1][1] == count:
            tails[name] = TableTail(int(number), int(count), int(size), int(next_id), parsed=False)
    return tails


def appended_files(
    directory: Path, files: list[Segment], lines: Iterable[bytes], generation: int, written: list[Path]
) -> list[Segment]:
    """The lookup files with `lines` after their last line, in new files (several lines share one while it stays
    under LOOKUP_FILE_BYTES): a write never reads or writes again the files earlier writes made, which hold
    megabytes in a big store. Each new file is on disk before this returns, and each is written as soon as the line
    after it is encoded: the lookups written whole hold one line of megabytes for each kind, and holding them all
    at once raised a big ingest's peak memory by twice their size."""
    files = [(name, size or 0) for name, size in files]
    pending: list[bytes] = []
    pending_bytes = 0

    def write_pending() -> None:
        name = f"lookups.{generation}.{len(files)}.jsonl"
        written.append(directory / name)
        write_durably(written[-1], pending)
        files.append((name, pending_bytes))

    for line in lines:
        if pending and pending_bytes + len(line) + 1 > LOOKUP_FILE_BYTES:
            write_pending()
            pending, pending_bytes = [], 0
        pending += (line, b"\n")
        pending_bytes += len(line) + 1
    if pending:
        write_pending()
    return files


def _superseded_bytes(tables: Tables, table: str, live_bytes: dict[int, int]) -> dict[str, int]:
    """About how many bytes of each file of a table that holds superseded documents they take: its size less its
    live documents'."""
    dead = {}
    for number, (file, _count) in enumerate(tables.files.get(table, [])):
        if tables.superseded.get(file):
            dead[file] = max(0, tables.file_bytes(file) - live_bytes.get(number, 0))
    return dead


def source_digest(source: str) -> int:
    """A source's digest, the same in every process, by which the lookups find the articles read from it."""
    return int.from_bytes(hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def stored_article(document: Mapping[str, Any], place: int) -> StoredArticle:
    """An article document at a `packed_place` as the lookups hold it."""
    source, *others = map(source_digest, article_sources(document))
    return [place, source, article_version(document), *others]


def packed_place(place: tuple[int, str]) -> int:
    """A document's file number and id as one integer."""
    return place[0] << 32 | int(place[1])


def unpacked_place(packed: int) -> tuple[int, str]:
    """The file number and id of a `packed_place`."""
    return packed >> 32, str(packed & 0xFFFFFFFF)
