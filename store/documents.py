"""The shape of stored documents, and how one article's extraction merges into them.

Tables: `articles` (title, source, hash, time, keys of its people and organizations, the other paths its text was
read from, and the author, date, outlet and url its source states, where it does), `texts`
(each article's full text, read only when an article is opened), `people` (name, aliases, a
role and organization per article, and whether the writer found all their quotes apart: see
store.quote_groups), `organizations` (name, aliases, articles), `quotes` (text,
article, start offset, paragraph, and speaker as "person:KEY" or "organization:KEY" or null;
its key and end offset follow from those), and `search` (the quote index, see store.quote_index).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

import orjson

from store import front_pages
from store.article_metadata import OTHER_SOURCES, article_sources
from store.extractor_version import ARTICLE_FIELD, article_version
from store.index_parts import appearance_organizations, drop_index_parts, shift_index_parts, update_index_parts
from store.keys import name_key
from store.model import Extraction
from store.quote_digest import QUOTES_DIGEST, apart_from, digest_with, quote_hashes
from store.quote_groups import QUOTES_APART, runs_apart
from store.storage import INDEX_TABLE, LONG_LIST_BYTES, EncodedList, Needles, Tables
from store.writer_lookups import StoreIndex, unpacked_place

ARTICLE_KEY_LENGTH = 16
TABLES = ("articles", "texts", "people", "organizations", "quotes", "search")
EXTRACTED_FIELDS = ("people", "organizations", ARTICLE_FIELD)
"""The fields of an article document that a new extraction of its text replaces."""
USES = {"people": "appearances", "organizations": "articles"}
"""The list of a person's or organization's document that names the articles it is in."""
SHIFTS_BEFORE_DROPPING = 16
"""Writes of a run that remove quotes and move the later ones in the stored index before the next ones drop it, to
be built once at the end (see `DocumentWriter.apply`): moving it costs a pass over its parts from the first removed
quote on (a twentieth of building it again at 50,000 articles, see `store.index_parts.shift_index_parts`), so an
ingest replacing a few edited articles moves it, and a `reextract` of thousands builds it once."""
LONG_LISTS = {"organizations": "articles"}
"""The list that ends a stored document and grows with the store, by table: a writer keeps a long one as its bytes
(see `EncodedList`)."""
METADATA_FIELDS = ("title", "author", "date", "outlet", "url")
"""What an article document may hold about its article besides what extraction finds; each optional."""


def article_key(content_hash: str) -> str:
    """An article's key: the start of its content hash, enough to tell articles apart, short to repeat."""
    return content_hash[:ARTICLE_KEY_LENGTH]


@dataclass(frozen=True)
class RemovedArticle:
    """A stored article a transaction removes: its key and place (file number and id in the articles table)."""

    key: str
    place: tuple[int, str]


UNPLACED_SOURCES = ("", "-")
"""What an article read from standard input stands under: no path or URL it can be read from again."""


class DocumentWriter:
    """Merges extractions into the documents of one write transaction, then applies them at once: new and
    changed documents are appended, so a write touches the last files of tables and the manifest."""

    def __init__(self, tables: Tables, index: StoreIndex) -> None:
        self.tables = tables
        self.index = index
        self.people: dict[str, dict[str, Any]] = {}
        """The people this transaction changes or adds, by key (those stored leave their place in their file)."""
        self.new_people: set[str] = set()
        """The keys of the people this transaction adds: all their quotes are among its new ones."""
        self.organizations: dict[str, dict[str, Any]] = {}
        self.new_articles: dict[str, dict[str, Any]] = {}
        """Articles added in this transaction, by content hash, in order."""
        self.new_by_source: dict[str, dict[str, None]] = {}
        """The content hashes of the articles added in this transaction, in order, by source: a batch asks for each
        article's earlier versions, and looking through all its articles each time cost as much as merging one."""
        self.new_texts: dict[str, dict[str, Any]] = {}
        self.new_quotes: dict[str, list[dict[str, Any]]] = {}
        self.removed: list[RemovedArticle] = []
        self.read_ahead: dict[str, dict[str, tuple[dict[str, Any], int]]] = {"people": {}, "organizations": {}}
        """Stored people and organizations the batch's articles may name, read in file order before merging
        (see `read_stored_named`), with their size in bytes."""

    def read_stored_named(self, extractions: Iterable[Extraction]) -> None:
        """Read the stored people and organizations these extractions may merge with, file by file in order, so
        that each file a batch takes documents from is read once rather than once for each document."""
        wanted: dict[str, set[str]] = {"people": set(), "organizations": set()}
        for extraction in extractions:
            for person in extraction.people:
                names = (person.name, *(alias for alias in person.aliases if len(alias.split()) > 1))
                wanted["people"].update(_stored_keys(names, self.index.people, self.index.person_aliases))
            for organization in extraction.organizations:
                names = (organization.name, *organization.aliases)
                stored, aliases = self.index.organizations, self.index.organization_aliases
                wanted["organizations"].update(_stored_keys(names, stored, aliases))
        for table, keys in wanted.items():
            stored = self.index.people if table == "people" else self.index.organizations
            for place, key in sorted((stored[key], key) for key in keys):
                self.read_ahead[table][key] = self._stored_document(table, key, place)
        self.tables.forget_parsed()

    def _stored_document(self, table: str, key: str, place: int) -> tuple[dict[str, Any], int]:
        """A stored person or organization and its size in bytes: as this process last wrote it, if it keeps it,
        else read from where the lookups say it stands."""
        number, doc_id = unpacked_place(place)
        written = self.index.written_document(table, key, place)
        if written is not None:
            return orjson.loads(written), len(written)
        return self.tables.document_at(table, number, doc_id, self.index.span_of(table, doc_id), LONG_LISTS.get(table))

    def has_article(self, digest: str) -> bool:
        """True when an article with this full content hash is stored (or added in this transaction)."""
        return digest in self.new_articles or digest in self.index.articles

    def _article(self, digest: str) -> dict[str, Any]:
        """The document of an article added in this transaction or stored (read from its file)."""
        if digest in self.new_articles:
            return self.new_articles[digest]
        number, doc_id = self.index.place_of(digest)
        return self.tables.segment_documents("articles", number)[doc_id]

    def article_title(self, digest: str) -> str:
        """The stored title of an article."""
        return str(self._article(digest).get("title", ""))

    def article_source(self, digest: str) -> str:
        """Where a stored article was read from (a path or URL; empty when it was read from standard input)."""
        return str(self._article(digest).get("source") or "")

    def article_sources(self, digest: str) -> list[str]:
        """Every path or URL a stored article's text was read from and still holds, the one it is shown under first."""
        return article_sources(self._article(digest))

    def add_source(self, digest: str, source: str) -> None:
        """Note that another path or URL holds a stored article's text: the article stays while any of them does,
        and stands under it rather than under standard input, which names no lasting place."""
        sources = self.article_sources(digest)
        if source not in sources:
            self._set_sources(digest, [*(held for held in sources if held not in UNPLACED_SOURCES), source])

    def drop_source(self, digest: str, source: str) -> str | None:
        """Take a path or URL off those a stored article's text was read from: the article stays, under the first
        one left, while any is (the source it stands under is returned), and is removed with the last (None)."""
        sources = self.article_sources(digest)
        kept = [other for other in sources if other != source]
        if not kept:
            self.remove_article(digest)
            return None
        if kept != sources:
            self._set_sources(digest, kept)
        return kept[0]

    def _set_sources(self, digest: str, sources: list[str]) -> None:
        """Put these paths and URLs, the one shown first, in place of those an article's text was read from. A stored
        article's document is changed where it stands (its file is written again whole), so its text and quotes
        stay where they are."""
        new = digest in self.new_articles
        if new:
            article = self.new_articles[digest]
            self._list_new_sources(digest, article, listed=False)
        else:
            number, doc_id = self.index.place_of(digest)
            article = self.tables.edit_segment("articles", number)[doc_id]
        article["source"] = sources[0]
        if len(sources) > 1:
            article[OTHER_SOURCES] = sources[1:]
        else:
            article.pop(OTHER_SOURCES, None)
        if new:
            self._list_new_sources(digest, article)
        else:
            self.index.sources_changed(article)

    def _list_new_sources(self, digest: str, article: Mapping[str, Any], listed: bool = True) -> None:
        """List an article added in this transaction under every path or URL its text was read from (`new_by_source`),
        or, not `listed`, take it from under them."""
        for source in article_sources(article):
            if listed:
                self.new_by_source.setdefault(source, {})[digest] = None
            else:
                self.new_by_source.get(source, {}).pop(digest, None)

    def another_printing(self, digest: str, stated: Mapping[str, str]) -> bool:
        """Whether an input of a stored article's text whose source states `stated` (see `article_metadata`) is
        another printing of it (see `other_printings`), whichever of the two was stored first."""
        return other_printings(self._article(digest), stated)

    def earlier_versions(self, source: str, now: str = "") -> list[str]:
        """Content hashes of the stored articles this source (a path) was read into, whether or not other paths hold
        them too: its earlier texts, all but `now` (the text it holds now)."""
        if not source:
            return []
        digests = [digest for digest in self.index.hashes_from(source) if digest != now]
        stored_here = [digest for digest in digests if source in article_sources(self._article(digest))]
        return [*stored_here, *(digest for digest in self.new_by_source.get(source, ()) if digest != now)]

    def extractor_of(self, digest: str) -> int:
        """The version of the extractor that read a stored article (as the lookups hold it, for one not added in
        this transaction)."""
        if digest in self.new_articles:
            return article_version(self.new_articles[digest])
        return self.index.articles[digest][2]

    def record_extractor(self, digest: str, version: int) -> None:
        """Note on an article added in this transaction which extractor version read it."""
        self.new_articles[digest][ARTICLE_FIELD] = version

    def remove_article(self, digest: str) -> dict[str, Any]:
        """Drop an article, its text and quotes, and the people and organizations no other article names."""
        if digest in self.new_articles:
            article = self.new_articles.pop(digest)
            self._list_new_sources(digest, article, listed=False)
            self.new_texts.pop(digest)
            self.new_quotes.pop(digest)
        else:
            article = self._article(digest)
            place = self.index.place_of(digest)
            self.index.forget_article(article)
            self.removed.append(RemovedArticle(article["key"], place))
        key = article["key"]
        for person_key in article.get("people", ()):
            person = self._person(person_key)
            if person is not None:
                person["appearances"] = [a for a in person["appearances"] if a["article"] != key]
        for organization_key in article.get("organizations", ()):
            organization = self._organization(organization_key)
            if organization is not None:
                organization["articles"] = [a for a in organization["articles"] if a != key]
        return article

    def replace_extraction(self, digest: str, text: str, extraction: Extraction, version: int) -> dict[str, Any]:
        """Put a new extraction of a stored article in place of its old one, keeping all the article's other
        fields (source, time, metadata); its documents move to the end of the tables, as a replaced article's."""
        old = self.remove_article(digest)
        self.add_article(old.get("source", ""), text, digest, extraction)
        article = self.new_articles[digest]
        article.update((name, value) for name, value in old.items() if name not in EXTRACTED_FIELDS)
        article[ARTICLE_FIELD] = version
        self._list_new_sources(digest, article)
        return article

    def add_article(
        self, source: str, text: str, digest: str, extraction: Extraction, metadata: Mapping[str, str] | None = None
    ) -> None:
        """Add one article's documents, merging its people and organizations with those stored; `metadata`
        (title, author, date, outlet, url: what the source states) is kept with the article, its title first."""
        key = article_key(digest)
        organization_keys = {
            organization.name: self._merge_organization(organization.name, organization.aliases, key)
            for organization in extraction.organizations
        }
        person_keys = {
            person.name: self._merge_person(person.name, person.aliases, key, person.role, person.organization)
            for person in extraction.people
        }
        article = {
            "key": key,
            "title": extraction.title,
            "source": source,
            "hash": digest,
            "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "people": list(dict.fromkeys(person_keys.values())),
            "organizations": list(dict.fromkeys(organization_keys.values())),
        }
        article.update(article_metadata(metadata))
        self.new_articles[digest] = article
        self.new_by_source.setdefault(source, {})[digest] = None
        self.new_texts[digest] = {"key": key, "text": text}
        quotes = self.new_quotes[digest] = []
        for quote in sorted(extraction.quotes, key=lambda q: q.start):
            speaker = None
            if quote.speaker in person_keys:
                speaker = f"person:{person_keys[quote.speaker]}"
            elif quote.speaker in organization_keys:
                speaker = f"organization:{organization_keys[quote.speaker]}"
            quotes.append(
                {
                    "text": quote.text,
                    "article": key,
                    "start": quote.start,
                    "paragraph": quote.paragraph,
                    "speaker": speaker,
                }
            )

    def _person(self, key: str) -> dict[str, Any] | None:
        """The document of a person, changed in this transaction or stored (None when there is none)."""
        return self._taken("people", self.people, self.index.people, key)

    def _organization(self, key: str) -> dict[str, Any] | None:
        """The document of an organization, changed in this transaction or stored (None when there is none)."""
        return self._taken("organizations", self.organizations, self.index.organizations, key)

    def _taken(
        self, table: str, changing: dict[str, dict[str, Any]], stored: dict[str, int], key: str
    ) -> dict[str, Any] | None:
        """A document this transaction changes: a stored one leaves its file (superseded there, not rewritten)
        and is appended again, changed, when the transaction applies, unless nothing names it any more."""
        if key not in changing and key in stored:
            place = stored.pop(key)
            number, doc_id = unpacked_place(place)
            read = self.read_ahead[table].pop(key, None)
            document, size = read if read is not None else self._stored_document(table, key, place)
            changing[key] = document
            self.tables.supersede(table, number, doc_id, size)
        return changing.get(key)

    def _merge_person(
        self, name: str, aliases: tuple[str, ...], article: str, role: str | None, organization: str | None
    ) -> str:
        """Key of the stored person this one is, created or extended with this article's appearance (which
        replaces one this article gave earlier: an article's appearances are added together, so it is the last)."""
        key = name_key(name)
        candidates = [key] + [name_key(alias) for alias in aliases if len(alias.split()) > 1]
        known = (_known(c, self.people, self.index.people, self.index.person_aliases) for c in candidates)
        existing = next((found for found in known if found is not None), None)
        document = self._person(existing) if existing is not None else None
        if existing is None or document is None:
            existing = key
            document = self.people[key] = {"key": key, "name": name, "aliases": [], "appearances": []}
            self.new_people.add(key)
        _add_aliases(document, (name, *aliases))
        appearances = document["appearances"]
        if appearances and appearances[-1]["article"] == article:
            appearances.pop()
        appearances.append({"article": article, "role": role, "organization": organization})
        for alias in _new_aliases(candidates, self.people, self.index.people, self.index.person_aliases):
            self.index.aliased("people", alias, existing)
        return existing

    def _merge_organization(self, name: str, aliases: tuple[str, ...], article: str) -> str:
        """Key of the stored organization this one is, created or extended with this article."""
        candidates = [name_key(name)] + [name_key(alias) for alias in aliases]
        stored, other_names = self.index.organizations, self.index.organization_aliases
        known = (_known(c, self.organizations, stored, other_names) for c in candidates)
        existing = next((found for found in known if found is not None), None)
        document = self._organization(existing) if existing is not None else None
        if existing is None or document is None:
            existing = candidates[0]
            document = self.organizations[existing] = {"key": existing, "name": name, "aliases": [], "articles": []}
        _add_aliases(document, (name, *aliases))
        articles = document["articles"]
        last = articles.last() if isinstance(articles, EncodedList) else (articles[-1] if articles else None)
        if last != article:
            articles.append(article)
        for alias in _new_aliases(candidates, self.organizations, stored, other_names):
            self.index.aliased("organizations", alias, existing)
        return existing

    def apply(self, index_later: bool = False) -> None:
        """Apply the transaction's documents to the tables (kept in memory until the caller writes them), the quote
        index with them (see `_index_quotes`; `index_later`: the caller builds it at the end of its run)."""
        self._mark_quotes_apart()
        for table_name, documents in (("people", self.people), ("organizations", self.organizations)):
            added = sorted(key for key, document in documents.items() if document[USES[table_name]])
            self.index.front_changed(
                self.tables, table_name, [documents[key] for key in added], documents.keys() - set(added)
            )
            encoded: list[bytes] = []
            appended = self.tables.append_documents(table_name, [documents[key] for key in added], encoded)
            for key, place, body in zip(added, appended, encoded, strict=True):
                self.index.placed(table_name, key, place, body if _kept(table_name, documents[key]) else None)
            for key in documents.keys() - set(added):
                self.index.gone(table_name, key)
        first_new_position = self.tables.document_count("quotes")
        removed_quotes: list[int] = []
        if self.removed:
            first_new_position, removed_quotes = self._remove_documents()
        new_quotes = [quote for quotes in self.new_quotes.values() for quote in quotes]
        self._keep_front_speakers(first_new_position, new_quotes)
        places = self.tables.append_documents("articles", self.new_articles.values())
        for article, place in zip(list(self.new_articles.values()), places, strict=True):
            self.index.note_article(article, place)
        self.tables.append_documents("texts", self.new_texts.values())
        self.tables.append_documents("quotes", new_quotes)
        self._index_quotes(new_quotes, first_new_position, removed_quotes, index_later)
        self.tables.extractors = dict(self.index.extractors)

    def _mark_quotes_apart(self) -> None:
        """Mark each person whose quotes are all apart (most people: see `QUOTES_APART`), keeping a digest of their
        quotes (`store.quote_digest`) to tell a later write's apart from them: a person added here, quoted or not,
        or a marked one whose new quotes are apart from one another and from the digest's. Any other person given
        quotes loses the mark and the digest, and is grouped when listed."""
        said: dict[str, list[str]] = {}
        for quotes in self.new_quotes.values():
            for quote in quotes:
                speaker = quote["speaker"]
                if speaker is not None and speaker.startswith("person:"):
                    said.setdefault(speaker[len("person:") :], []).append(quote["text"])
        earlier: dict[str, list[str]] = {}
        for key in said.keys() | self.new_people:
            document = self.people.get(key)
            if document is None:
                continue
            digest = [] if key in self.new_people else document.get(QUOTES_DIGEST)
            if isinstance(digest, list) and (key in self.new_people or document.get(QUOTES_APART) is True):
                earlier[key] = digest
            else:
                _unmarked(document)
        quoted = [key for key in earlier if key in said]
        for key, apart in zip(quoted, runs_apart([said[key] for key in quoted]), strict=True):
            hashes = [quote_hashes(text) for text in said[key]] if apart else []
            if apart and (key in self.new_people or apart_from(earlier[key], hashes)):
                earlier[key] = digest_with(earlier[key], hashes)
            else:
                del earlier[key]
                _unmarked(self.people[key])
        for key, digest in earlier.items():
            self.people[key][QUOTES_APART] = True
            self.people[key][QUOTES_DIGEST] = digest

    def _index_quotes(
        self, new_quotes: list[dict[str, Any]], first_new_position: int, removed_quotes: list[int], index_later: bool
    ) -> None:
        """Add the new quotes to the stored index. A write that removed quotes moved every later one: it moves
        them in the index too (see `shift_index_parts`), a pass over it. With `index_later`, once the process did
        that SHIFTS_BEFORE_DROPPING times, such a write drops the index instead, and so do the writes after it
        until one without `index_later` (see `Store.build_index_left_out`): a run of many such writes
        (`reextract`) builds it once, not a pass each."""
        left_out = self.index.index_left_out or (index_later and self._index_missing(first_new_position))
        if index_later and (left_out or (removed_quotes and self.index.index_shifts >= SHIFTS_BEFORE_DROPPING)):
            if not left_out:
                drop_index_parts(self.tables)
            self.index.last_index_part, self.index.index_left_out = (0, 0), True
            return
        if not (self.removed or self.new_articles or left_out):
            return
        last_part, position = self.index.last_index_part, first_new_position
        gone = [
            f"{kind}:{key}"
            for kind, table, documents in (
                ("person", "people", self.people),
                ("organization", "organizations", self.organizations),
            )
            for key, document in documents.items()
            if not document[USES[table]]
        ]
        if removed_quotes:
            last_part = None if left_out else shift_index_parts(self.tables, removed_quotes)
            position = -1 if last_part is None else position
            self.index.index_shifts += 1
        self.index.last_index_part = update_index_parts(
            self.tables, new_quotes, position, last_part, self._stored_names(), self._spoken_for(new_quotes), gone
        )
        self.index.index_left_out = False

    def _spoken_for(self, quotes: Iterable[Mapping[str, Any]]) -> list[list[str]]:
        """For each quote, the name keys of the organizations its speaker spoke for in its article: the write adds a
        person's appearance with each article that quotes them, so it holds their document."""
        by_person: dict[str, dict[str, list[str]]] = {}
        spoken_for: list[list[str]] = []
        for quote in quotes:
            kind, _, key = (quote.get("speaker") or "").partition(":")
            if kind != "person" or key not in self.people:
                spoken_for.append([])
                continue
            by_article = by_person.get(key)
            if by_article is None:
                by_article = by_person[key] = {}
                for article, named in appearance_organizations(self.people[key]):
                    by_article.setdefault(article, []).append(named)
            spoken_for.append(by_article.get(quote.get("article") or "", []))
        return spoken_for

    def _index_missing(self, quotes_stored: int) -> bool:
        """Whether the store held quotes (`quotes_stored`, before this write added any) but no quote index: a run
        of writes, maybe another process's, left it out to build it once at its end."""
        return quotes_stored > 0 and INDEX_TABLE not in self.tables.loaded and not self.tables.files.get(INDEX_TABLE)

    def _keep_front_speakers(self, first_new_position: int, new_quotes: list[dict[str, Any]]) -> None:
        """Keep the names of the first quotes' speakers (see `StoreIndex.front_speakers`) as the quotes are added
        after the stored ones; a write that removes quotes lets them go, and the next write finds them again."""
        if self.removed:
            self.index.front_speakers = None
            return
        if self.index.front_speakers is None:
            stored = self.tables.documents("quotes")
            first = (stored[position] for position in range(min(first_new_position, front_pages.FRONT_QUOTES)))
            self.index.front_speakers = {}
            self._name_speakers(first)
        self._name_speakers(new_quotes[: max(0, front_pages.FRONT_QUOTES - first_new_position)])

    def _name_speakers(self, quotes: Iterable[Mapping[str, Any]]) -> None:
        """Add the names of these quotes' speakers to the first quotes' (each from this transaction's document or
        the stored one)."""
        names = self.index.front_speakers
        assert names is not None
        for quote in quotes:
            speaker = quote.get("speaker")
            kind, _, key = (speaker or "").partition(":")
            if not key or speaker in names:
                continue
            table = "people" if kind == "person" else "organizations"
            changing = self.people if kind == "person" else self.organizations
            document = changing.get(key)
            if document is None:
                place = (self.index.people if kind == "person" else self.index.organizations).get(key)
                document = self._stored_document(table, key, place)[0] if place is not None else None
            if document is not None:
                names[speaker] = document["name"]

    def _stored_names(self) -> dict[str, list[str]]:
        """The names of every person and organization this transaction stores, by speaker id, for the quote index."""
        names = {
            f"person:{key}": [doc["name"], *doc["aliases"]] for key, doc in self.people.items() if doc["appearances"]
        }
        names.update(
            (f"organization:{key}", [doc["name"], *doc["aliases"]])
            for key, doc in self.organizations.items()
            if doc["articles"]
        )
        return names

    def _remove_documents(self) -> tuple[int, list[int]]:
        """Remove the removed articles' documents, texts and quotes; where the quotes that stay end, and the
        positions the removed quotes had, ascending (every later quote moved down)."""
        self.tables.removing = True
        keys = {stored.key for stored in self.removed}
        positions = [self.tables.position_of("articles", *stored.place) for stored in self.removed]
        for position, stored in sorted(zip(positions, self.removed, strict=True), key=lambda pair: -pair[0]):
            place = self.tables.place_at("texts", position)
            texts = self.tables.edit_segment("texts", place[0]) if place is not None else {}
            if place is not None and texts[place[1]].get("key") == stored.key:
                del texts[place[1]]
            else:
                self._remove_where("texts", keys)
        for stored in self.removed:
            del self.tables.edit_segment("articles", stored.place[0])[stored.place[1]]
        removed = self._remove_where("quotes", keys, field_name="article")
        return self.tables.document_count("quotes"), removed

    def _remove_where(self, table_name: str, keys: set[str], field_name: str = "key") -> list[int]:
        """Remove from a table the documents whose `field_name` is one of `keys`, editing only the files that held
        one; the positions they had, ascending. A file whose bytes hold none of the keys as a JSON string is not
        parsed (at 100,000 articles, parsing every quote file took 2.6 s of removing one article)."""
        removed: list[int] = []
        position = 0
        needles = Needles(orjson.dumps(key) for key in keys)
        for number in range(len(self.tables.files.get(table_name, []))):
            if not self.tables.file_may_hold(table_name, number, needles):
                position += self.tables.files[table_name][number][1] or 0
                continue
            documents = self.tables.segment_documents(table_name, number)
            doomed = []
            for offset, (doc_id, document) in enumerate(documents.items()):
                if document.get(field_name) in keys:
                    doomed.append(doc_id)
                    removed.append(position + offset)
            position += len(documents)
            if doomed:
                edited = self.tables.edit_segment(table_name, number)
                for doc_id in doomed:
                    del edited[doc_id]
        return removed


def _unmarked(person: dict[str, Any]) -> None:
    """Take a person's mark of quotes all apart off, and the digest that kept it (see `_mark_quotes_apart`)."""
    person.pop(QUOTES_APART, None)
    person.pop(QUOTES_DIGEST, None)


def _kept(table: str, document: dict[str, Any]) -> bool:
    """Whether a writer keeps a document it wrote for its next batches (see `StoreIndex.written_documents`): not one
    whose long list is, or soon will be, read back as its bytes (see `EncodedList`) rather than parsed and encoded
    whole again by every batch that extends it."""
    listed = document.get(USES[table], ())
    if isinstance(listed, EncodedList):
        return False
    return not (table in LONG_LISTS and len(listed) * (ARTICLE_KEY_LENGTH + 3) > LONG_LIST_BYTES)


PRINTING_FIELDS = ("url", "outlet", "title", "date")
"""What a source states that tells one printing of an article's text from another (a wire story in two outlets)."""
PUBLISHED_FIELDS = ("url", "outlet", "date")
"""What both sources must state for their texts to be printings of their own: a file whose first line is its title
states none of them, and is a copy."""


def other_printings(first: Mapping[str, Any], second: Mapping[str, str]) -> bool:
    """Whether two sources of the same text state two printings of it, the same either way round: two pages (see
    `page_address`), else, when both state where or when it was published, another outlet, title or date among
    what both state (a link stated by one alone tells nothing)."""
    if first.get("url") and second.get("url"):
        return page_address(str(first["url"])) != page_address(second["url"])
    if not any(first.get(name) for name in PUBLISHED_FIELDS) or not any(second.get(name) for name in PUBLISHED_FIELDS):
        return False
    return any(first.get(name) and second.get(name) and first[name] != second[name] for name in PRINTING_FIELDS)


def printing_identity(stated: Mapping[str, str]) -> str | None:
    """What names the printing whose source states `stated` (its page, else its outlet, title and date), None when
    it states none of PUBLISHED_FIELDS (a copy of whatever printing is stored)."""
    if stated.get("url"):
        return page_address(stated["url"])
    if not any(stated.get(name) for name in PUBLISHED_FIELDS):
        return None
    return "\0".join(stated.get(name, "") for name in PRINTING_FIELDS)


def page_address(url: str) -> str:
    """The page a link names, for telling printings apart: its host (without "www.") and path, whatever the scheme,
    query or fragment (a feed's tracking parameters change from one reading to the next; the text is the same)."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" if host else url.strip()


def article_metadata(metadata: Mapping[str, str] | None) -> dict[str, str]:
    """The METADATA_FIELDS a source states, as an article document holds them."""
    return {name: value for name in METADATA_FIELDS if isinstance(value := (metadata or {}).get(name), str) and value}


def _known(
    name: str, changing: Mapping[str, object], stored: Mapping[str, object], aliases: Mapping[str, str]
) -> str | None:
    """The key of the person or organization a name key stands for: one's own key first, then another name."""
    if name in changing or name in stored:
        return name
    return aliases.get(name)


def _stored_keys(names: Iterable[str], stored: Mapping[str, object], aliases: Mapping[str, str]) -> set[str]:
    """The keys of the stored people or organizations these names may stand for."""
    keys = set()
    for name in names:
        key = name_key(name)
        key = key if key in stored else aliases.get(key, "")
        if key in stored:
            keys.add(key)
    return keys


def _new_aliases(
    names: Iterable[str], changing: Mapping[str, object], stored: Mapping[str, object], aliases: Mapping[str, str]
) -> list[str]:
    """The name keys that stand for no one yet (each once), to stand for the person or organization named."""
    return [name for name in dict.fromkeys(names) if _known(name, changing, stored, aliases) is None]


def _add_aliases(document: dict[str, Any], names: Iterable[str]) -> None:
    """Add names other than the document's own name to its aliases, once each."""
    known = {name_key(document["name"])} | {name_key(alias) for alias in document["aliases"]}
    for name in names:
        if name_key(name) not in known:
            document["aliases"].append(name)
            known.add(name_key(name))
