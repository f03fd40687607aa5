"""The shape of stored documents, and how one article's extraction merges into them.

Tables: `articles` (title, source, hash, time, keys of its people and organizations, and the author, date,
outlet and url its source states, where it does), `texts`
(each article's full text, read only when an article is opened), `people` (name, aliases, and a
role and organization per article), `organizations` (name, aliases, articles), `quotes` (text,
article, start offset, paragraph, and speaker as "person:KEY" or "organization:KEY" or null;
its key and end offset follow from those), and `search` (the quote index, see store.quote_index).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

from tinydb import TinyDB

from store.extractor_version import ARTICLE_FIELD, article_version, version_counts
from store.keys import name_key
from store.model import Extraction
from store.quote_index import empty_index_document, extend_index_document
from store.storage import Tables

ARTICLE_KEY_LENGTH = 16
TABLES = ("articles", "texts", "people", "organizations", "quotes", "search")
EXTRACTED_FIELDS = ("people", "organizations", ARTICLE_FIELD)
"""The fields of an article document that a new extraction of its text replaces."""
METADATA_FIELDS = ("title", "author", "date", "outlet", "url")
"""What an article document may hold about its article besides what extraction finds; each optional."""


def article_key(content_hash: str) -> str:
    """An article's key: the start of its content hash, enough to tell articles apart, short to repeat."""
    return content_hash[:ARTICLE_KEY_LENGTH]


class DocumentWriter:
    """Merges extractions into the documents of one write transaction, then applies them at once."""

    def __init__(self, database: TinyDB) -> None:
        self.database = database
        self.tables = {name: database.table(name) for name in TABLES}
        self.articles = {doc["hash"]: doc for doc in self.tables["articles"].all()}
        self.hashes_by_source: dict[str, list[str]] = {}
        for digest, doc in self.articles.items():
            self.hashes_by_source.setdefault(doc.get("source", ""), []).append(digest)
        self.people = {doc["key"]: dict(doc, doc_id=doc.doc_id) for doc in self.tables["people"].all()}
        self.organizations = {
            doc["key"]: dict(doc, doc_id=doc.doc_id) for doc in self.tables["organizations"].all()
        }
        self.person_keys_by_name = _keys_by_name(self.people.values(), multiword_aliases_only=True)
        self.organization_keys_by_name = _keys_by_name(self.organizations.values(), multiword_aliases_only=False)
        self.new_articles: list[dict[str, Any]] = []
        self.new_texts: list[dict[str, Any]] = []
        self.new_quotes: list[dict[str, Any]] = []
        self.changed_people: set[str] = set()
        self.changed_organizations: set[str] = set()
        self.removed_articles: set[str] = set()

    def has_article(self, digest: str) -> bool:
        """True when an article with this full content hash is stored (or added in this transaction)."""
        return digest in self.articles

    def article_title(self, digest: str) -> str:
        """The stored title of an article."""
        return str(self.articles[digest].get("title", ""))

    def earlier_versions(self, source: str) -> list[str]:
        """Content hashes of the stored articles read from this source (a path), other texts than `source`'s now."""
        return list(self.hashes_by_source.get(source, ())) if source else []

    def remove_article(self, digest: str) -> dict[str, Any]:
        """Drop a stored article, its text and quotes, and the people and organizations no other article names."""
        article = self.articles.pop(digest)
        key = article["key"]
        self.removed_articles.add(key)
        versions = self.hashes_by_source.get(article.get("source", ""), [])
        if digest in versions:
            versions.remove(digest)
        for person_key in article.get("people", ()):
            person = self.people.get(person_key)
            if person is not None:
                person["appearances"] = [a for a in person["appearances"] if a["article"] != key]
                self.changed_people.add(person_key)
        for organization_key in article.get("organizations", ()):
            organization = self.organizations.get(organization_key)
            if organization is not None:
                organization["articles"] = [a for a in organization["articles"] if a != key]
                self.changed_organizations.add(organization_key)
        return article

    def extractor_of(self, digest: str) -> int:
        """The version of the extractor that read a stored article."""
        return article_version(self.articles[digest])

    def record_extractor(self, digest: str, version: int) -> None:
        """Note on an article added in this transaction which extractor version read it."""
        self.articles[digest][ARTICLE_FIELD] = version

    def replace_extraction(self, digest: str, text: str, extraction: Extraction, version: int) -> dict[str, Any]:
        """Put a new extraction of a stored article in place of its old one, keeping all the article's other
        fields (source, time, metadata); its documents move to the end of the tables, as a replaced article's."""
        old = self.remove_article(digest)
        self.add_article(old.get("source", ""), text, digest, extraction)
        article = self.articles[digest]
        article.update((name, value) for name, value in old.items() if name not in EXTRACTED_FIELDS)
        article[ARTICLE_FIELD] = version
        self.removed_articles.add(old["key"])
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
        self.articles[digest] = article
        self.hashes_by_source.setdefault(source, []).append(digest)
        self.removed_articles.discard(key)
        self.new_articles.append(article)
        self.new_texts.append({"key": key, "text": text})
        for quote in sorted(extraction.quotes, key=lambda q: q.start):
            speaker = None
            if quote.speaker in person_keys:
                speaker = f"person:{person_keys[quote.speaker]}"
            elif quote.speaker in organization_keys:
                speaker = f"organization:{organization_keys[quote.speaker]}"
            self.new_quotes.append(
                {
                    "text": quote.text,
                    "article": key,
                    "start": quote.start,
                    "paragraph": quote.paragraph,
                    "speaker": speaker,
                }
            )

    def _merge_person(
        self, name: str, aliases: tuple[str, ...], article: str, role: str | None, organization: str | None
    ) -> str:
        """Key of the stored person this one is, created or extended with this article's appearance."""
        key = name_key(name)
        candidates = [key] + [name_key(alias) for alias in aliases if len(alias.split()) > 1]
        existing = next((self.person_keys_by_name[c] for c in candidates if c in self.person_keys_by_name), None)
        if existing is None:
            existing = key
            self.people[key] = {"key": key, "name": name, "aliases": [], "appearances": []}
        document = self.people[existing]
        _add_aliases(document, (name, *aliases))
        document["appearances"] = [a for a in document["appearances"] if a["article"] != article] + [
            {"article": article, "role": role, "organization": organization}
        ]
        for alias_key in candidates:
            self.person_keys_by_name.setdefault(alias_key, existing)
        self.changed_people.add(existing)
        return existing

    def _merge_organization(self, name: str, aliases: tuple[str, ...], article: str) -> str:
        """Key of the stored organization this one is, created or extended with this article."""
        candidates = [name_key(name)] + [name_key(alias) for alias in aliases]
        existing = next(
            (self.organization_keys_by_name[c] for c in candidates if c in self.organization_keys_by_name), None
        )
        if existing is None:
            existing = candidates[0]
            self.organizations[existing] = {"key": existing, "name": name, "aliases": [], "articles": []}
        document = self.organizations[existing]
        _add_aliases(document, (name, *aliases))
        if article not in document["articles"]:
            document["articles"].append(article)
        for alias_key in candidates:
            self.organization_keys_by_name.setdefault(alias_key, existing)
        self.changed_organizations.add(existing)
        return existing

    def apply(self) -> None:
        """Apply the transaction's documents to the tables (kept in memory until the caller flushes)."""
        self._count_extractors()
        for table_name, documents, changed, uses in (
            ("people", self.people, self.changed_people, "appearances"),
            ("organizations", self.organizations, self.changed_organizations, "articles"),
        ):
            table = self.tables[table_name]
            replaced = [documents[key]["doc_id"] for key in changed if "doc_id" in documents[key]]
            if replaced:
                table.remove(doc_ids=replaced)
            table.insert_multiple(
                {k: v for k, v in documents[key].items() if k != "doc_id"}
                for key in sorted(changed)
                if documents[key][uses]
            )
        first_new_position = len(self.tables["quotes"])
        if self.removed_articles:
            first_new_position = self._remove_documents()
        if not self.new_articles:
            if self.removed_articles:
                self._extend_search_index(first_new_position)
            return
        self.tables["articles"].insert_multiple(self.new_articles)
        self.tables["texts"].insert_multiple(self.new_texts)
        self.tables["quotes"].insert_multiple(self.new_quotes)
        self._extend_search_index(first_new_position)

    def _count_extractors(self) -> None:
        """Record in the manifest how many articles each extractor version read, so a reader knows it at once."""
        stored = getattr(self.database.storage, "cache", None)
        if isinstance(stored, Tables):
            stored.extractors = version_counts(self.articles.values())

    def _remove_documents(self) -> int:
        """Remove the removed articles' documents, texts and quotes; where the quotes that stay end, and
        -1 when quotes went (their positions moved, so the index is rebuilt)."""
        removed = self.removed_articles
        stored = getattr(self.database.storage, "cache", None)
        if isinstance(stored, Tables):
            stored.removing = True
        self.tables["articles"].remove(lambda doc: doc.get("key") in removed)
        self.tables["texts"].remove(lambda doc: doc.get("key") in removed)
        quotes = self.tables["quotes"]
        before = len(quotes)
        quotes.remove(lambda doc: doc.get("article") in removed)
        return len(quotes) if len(quotes) == before else -1

    def _extend_search_index(self, first_new_position: int) -> None:
        """Add the new quotes to the persisted index; rebuild it whole if it does not match the quotes."""
        search_table = self.tables["search"]
        documents = search_table.all()
        stored = dict(documents[0]) if documents else None
        try:
            index = extend_index_document(stored, [quote["text"] for quote in self.new_quotes], first_new_position)
        except ValueError:
            all_texts = [quote["text"] for quote in self.tables["quotes"].all()]
            index = extend_index_document(empty_index_document(), all_texts, 0)
        search_table.truncate()
        search_table.insert(index)


def article_metadata(metadata: Mapping[str, str] | None) -> dict[str, str]:
    """The METADATA_FIELDS a source states, as an article document holds them."""
    return {name: value for name in METADATA_FIELDS if isinstance(value := (metadata or {}).get(name), str) and value}


def _keys_by_name(documents: Iterable[dict[str, Any]], multiword_aliases_only: bool) -> dict[str, str]:
    """Map from the name keys of documents' names and aliases to the documents' keys."""
    keys: dict[str, str] = {}
    for document in documents:
        keys.setdefault(name_key(document["name"]), document["key"])
        for alias in document.get("aliases", []):
            if not multiword_aliases_only or len(alias.split()) > 1:
                keys.setdefault(name_key(alias), document["key"])
    return keys


def _add_aliases(document: dict[str, Any], names: Iterable[str]) -> None:
    """Add names other than the document's own name to its aliases, once each."""
    known = {name_key(document["name"])} | {name_key(alias) for alias in document["aliases"]}
    for name in names:
        if name_key(name) not in known:
            document["aliases"].append(name)
            known.add(name_key(name))
