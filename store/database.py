"""The whosaid store: a TinyDB document store of articles, people, organizations and quotes."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from store.errors import StoreError, shown_path
from store.extraction import extract
from store.keys import content_hash, name_key
from store.model import Extraction
from store.records import IngestOutcome, StoreSummary
from store.snapshot import Snapshot
from store.storage import AtomicJSONStorage, BatchedWrites, FileStamp, file_stamp, load_document_tree

SCHEMA_VERSION = 1
ENTITY_TABLES = ("articles", "people", "organizations", "quotes")
META_TABLE = "meta"


def check_schema(tree: dict[str, Any] | None, path: Path) -> None:
    """Refuse a store written by a newer whosaid, whose shape this one does not know."""
    meta_documents = list((tree or {}).get(META_TABLE, {}).values())
    version = meta_documents[0].get("schema", SCHEMA_VERSION) if meta_documents else SCHEMA_VERSION
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise StoreError(
            f"{shown_path(path)}: written by a newer whosaid (schema {version}); upgrade whosaid to open it"
        )


class Store:
    """A store file on disk and the latest snapshot read from it."""

    def __init__(self, path: Path, extractor: Callable[[str], Extraction] = extract) -> None:
        self.path = path
        self.extractor = extractor
        self._stamp: FileStamp | None = None
        self._snapshot: Snapshot | None = None

    @property
    def lock_path(self) -> Path:
        """Sidecar file whose lock serialises writers across processes."""
        return self.path.with_name(self.path.name + ".lock")

    def _load(self) -> Snapshot:
        """A snapshot of the file as it is now."""
        tree = load_document_tree(self.path) or {}
        check_schema(tree, self.path)
        return Snapshot.build(tree, str(self.path))

    @property
    def snapshot(self) -> Snapshot:
        """The store as last read (see `refresh`); read again after this process wrote to it."""
        if self._snapshot is None:
            self._stamp = file_stamp(self.path)
            self._snapshot = self._load()
        return self._snapshot

    def refresh(self) -> bool:
        """Re-read the store if another process changed it; True when the snapshot changed."""
        stamp = file_stamp(self.path)
        if stamp == self._stamp and self._snapshot is not None:
            return False
        self._snapshot = self._load()
        self._stamp = stamp
        return True

    def summary(self) -> StoreSummary:
        """Counts of what the store holds."""
        return self.snapshot.summary()

    @contextmanager
    def _writer(self) -> Iterator[TinyDB]:
        """A TinyDB over the store, under the writers' lock, whose changes land as one atomic write."""
        if self.path.exists() and not os.access(self.path, os.W_OK):
            raise StoreError(f"{shown_path(self.path)}: the store is read-only; nothing was changed")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            lock_handle = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise StoreError(f"{shown_path(self.path)}: cannot lock the store ({error.strerror})") from None
        try:
            fcntl.flock(lock_handle, fcntl.LOCK_EX)
            database = TinyDB(self.path, storage=BatchedWrites(AtomicJSONStorage))
            check_schema(database.storage.read(), self.path)
            yield database
            database.storage.flush()
        finally:
            os.close(lock_handle)
        self._snapshot = None

    def ingest(self, articles: Iterable[tuple[str, str]], batch_size: int = 200) -> list[IngestOutcome]:
        """Extract and store (source, text) articles; texts already stored are skipped."""
        return [outcome for batch in self.ingest_in_batches(articles, batch_size) for outcome in batch]

    def ingest_in_batches(
        self, articles: Iterable[tuple[str, str]], batch_size: int = 200
    ) -> Iterator[list[IngestOutcome]]:
        """Store articles a batch per write, yielding each batch's outcomes once it is safely on disk."""
        batch: list[tuple[str, str]] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield self._ingest_batch(batch)
                batch = []
        if batch:
            yield self._ingest_batch(batch)

    def _ingest_batch(self, articles: list[tuple[str, str]]) -> list[IngestOutcome]:
        """Extract outside the lock, then merge and write the whole batch as one atomic replace."""
        extractions: dict[str, Extraction] = {}
        prepared = []
        for source, text in articles:
            digest = content_hash(text)
            if digest not in extractions:
                extractions[digest] = self.extractor(text)
            prepared.append((source, text, digest))
        outcomes = []
        with self._writer() as database:
            writer = _DocumentWriter(database)
            for source, text, digest in prepared:
                if writer.has_article(digest):
                    outcomes.append(IngestOutcome(source=source, added=False, title=writer.article_title(digest)))
                    continue
                extraction = extractions[digest]
                writer.add_article(source, text, digest, extraction)
                outcomes.append(
                    IngestOutcome(
                        source=source,
                        added=True,
                        title=extraction.title,
                        people=len(extraction.people),
                        organizations=len(extraction.organizations),
                        quotes=len(extraction.quotes),
                    )
                )
            writer.commit()
        return outcomes


class _DocumentWriter:
    """Merges extractions into the documents of one write transaction."""

    def __init__(self, database: TinyDB) -> None:
        self.database = database
        self.tables = {name: database.table(name) for name in ENTITY_TABLES}
        self.articles = {doc["key"]: doc for doc in self.tables["articles"].all()}
        self.people = {doc["key"]: dict(doc, doc_id=doc.doc_id) for doc in self.tables["people"].all()}
        self.organizations = {
            doc["key"]: dict(doc, doc_id=doc.doc_id) for doc in self.tables["organizations"].all()
        }
        self.person_keys_by_name = _keys_by_name(self.people.values(), multiword_aliases_only=True)
        self.organization_keys_by_name = _keys_by_name(self.organizations.values(), multiword_aliases_only=False)
        self.new_articles: list[dict[str, Any]] = []
        self.new_quotes: list[dict[str, Any]] = []
        self.changed_people: set[str] = set()
        self.changed_organizations: set[str] = set()

    def has_article(self, digest: str) -> bool:
        return digest in self.articles

    def article_title(self, digest: str) -> str:
        return str(self.articles[digest].get("title", ""))

    def add_article(self, source: str, text: str, digest: str, extraction: Extraction) -> None:
        """Add one article's documents, merging its people and organizations with those stored."""
        organization_keys = {}
        for organization in extraction.organizations:
            key = self._merge_organization(organization.name, organization.aliases, digest)
            organization_keys[organization.name] = key
        person_keys = {}
        for person in extraction.people:
            key = self._merge_person(person.name, person.aliases, digest, person.role, person.organization)
            person_keys[person.name] = key
        article = {
            "key": digest,
            "title": extraction.title,
            "source": source,
            "text": text,
            "hash": digest,
            "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "people": list(dict.fromkeys(person_keys.values())),
            "organizations": list(dict.fromkeys(organization_keys.values())),
        }
        self.articles[digest] = article
        self.new_articles.append(article)
        for quote in extraction.quotes:
            speaker = None
            if quote.speaker in person_keys:
                speaker = {"kind": "person", "key": person_keys[quote.speaker]}
            elif quote.speaker in organization_keys:
                speaker = {"kind": "organization", "key": organization_keys[quote.speaker]}
            self.new_quotes.append(
                {
                    "key": f"{digest}:{quote.start}",
                    "text": quote.text,
                    "article": digest,
                    "start": quote.start,
                    "end": quote.end,
                    "paragraph": quote.paragraph,
                    "speaker": speaker,
                }
            )

    def _merge_person(
        self, name: str, aliases: tuple[str, ...], digest: str, role: str | None, organization: str | None
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
        document["appearances"] = [a for a in document["appearances"] if a["article"] != digest] + [
            {"article": digest, "role": role, "organization": organization}
        ]
        for alias_key in candidates:
            self.person_keys_by_name.setdefault(alias_key, existing)
        self.changed_people.add(existing)
        return existing

    def _merge_organization(self, name: str, aliases: tuple[str, ...], digest: str) -> str:
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
        if digest not in document["articles"]:
            document["articles"].append(digest)
        for alias_key in candidates:
            self.organization_keys_by_name.setdefault(alias_key, existing)
        self.changed_organizations.add(existing)
        return existing

    def commit(self) -> None:
        """Apply the transaction's documents to the tables (kept in memory until the caller flushes)."""
        meta = self.database.table(META_TABLE)
        if not meta.all():
            meta.insert({"schema": SCHEMA_VERSION})
        for table_name, documents, changed in (
            ("people", self.people, self.changed_people),
            ("organizations", self.organizations, self.changed_organizations),
        ):
            table = self.tables[table_name]
            replaced = [documents[key]["doc_id"] for key in changed if "doc_id" in documents[key]]
            if replaced:
                table.remove(doc_ids=replaced)
            table.insert_multiple(
                {k: v for k, v in documents[key].items() if k != "doc_id"} for key in sorted(changed)
            )
        self.tables["articles"].insert_multiple(self.new_articles)
        self.tables["quotes"].insert_multiple(self.new_quotes)


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


def open_store(path: Path, *, ingest_seeds: bool = True) -> Store:
    """Open the store at `path`; an empty or missing store first gets the seed articles."""
    from store.articles import read_article_file
    from store.seeds import seed_paths

    store = Store(path)
    if ingest_seeds and not store.snapshot.articles:
        store.ingest((seed.name, read_article_file(seed)) for seed in seed_paths())
    return store
