"""The whosaid store: a document store of articles, people, organizations and quotes, in table files."""

from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.collector import collector_paused
from store.errors import CHANGED_WHILE_READ, StoreError, shown_path
from store.extractor_version import article_version, installed_extractor_version
from store.keys import content_hash, printing_digest
from store.migrations import SCHEMA_VERSION, migrate
from store.records import IngestOutcome, RemovedArticle, StoreSummary
from store.schema import check_schema, needs_upgrade, read_tables, whole_tables
from store.snapshot import Snapshot
from store.storage import FileStamp, TableFileMissing, TableFilesStorage, Tables, file_stamp

if TYPE_CHECKING:
    from store.documents import DocumentWriter
    from store.model import Extraction
    from store.writer_lookups import StoreIndex

READ_ATTEMPTS = 5
QUICK_READ_BYTES = 8_000_000
"""What a snapshot reads when opened, up to this size, takes a few tens of milliseconds: before a first frame."""
OPENING_TABLES = ("people", "organizations")
"""The tables a snapshot reads whole when opened, besides the first quotes (see `Snapshot.build`)."""
IngestItem = tuple[str, str] | tuple[str, str, Mapping[str, str]]
"""An article to ingest: (source, text), or (source, text, metadata)."""
ExtractedItem = tuple[IngestItem, "Extraction | None"] | tuple[IngestItem, "Extraction", int]
"""An article to store with its extraction, and the version of the extractor that made it where not this one; None
for a text found stored already (see `Store.already_read`), extracted here if the write finds it is not."""
ReadAgain = tuple[tuple[str, str], "Extraction"]
"""A stored article read again: (its content hash, its stored text) and the extraction found in that text."""


def input_digests(text: str, metadata: Mapping[str, str] | None) -> tuple[str, str | None]:
    """The content hash of an input's text, and of its own printing (see `store.documents.printing_identity`; None
    when its source states none), each hashed once for every use an ingest makes of them."""
    from store.documents import article_metadata, printing_identity

    identity = printing_identity(article_metadata(metadata))
    return content_hash(text), (printing_digest(text, identity) if identity is not None else None)


class Store:
    """A store file on disk and the latest snapshot read from it."""

    def __init__(
        self, path: Path, extractor: Callable[[str], Extraction] | None = None, extractor_version: int | None = None
    ) -> None:
        self.path = path
        self._extractor = extractor
        self.extractor_version = installed_extractor_version() if extractor_version is None else extractor_version
        """Recorded on each article this store's extractor reads; articles an older one read are read again."""
        self._stamp: FileStamp | None = None
        self._snapshot: Snapshot | None = None
        self._index: StoreIndex | None = None
        self._index_stamp: FileStamp | None = None
        """The store file's stamp when `_index` was made: lookups and tables kept for a store another process has
        written to since are read again."""
        self._known: StoreIndex | None = None
        """The lookups last read or written, kept through a write: which texts are stored already, as far as this
        process knows (see `already_read`); a write checks again under the lock."""
        self._kept: tuple[TableFilesStorage, Tables] | None = None
        """The storage and tables of this process's last write, as they are after it: the next write starts from
        them, without reading and checking the manifest again, while no other process writes in between."""
        self._first_read: tuple[FileStamp, Tables] | None = None
        """The manifest as `open_existing_store` read it to check it: the first snapshot starts from it."""
        self.when_lock_waits: Callable[[], None] | None = None
        """Called once when a write has to wait for another process writing the store (a command says so)."""
        self.lean = False
        """Whether snapshots hold as little as they can, at some processor cost (each person's document packed,
        a few quote files parsed at a time): for a browser open all day, not for a command that prints and ends."""
        self.keyed = False
        """Whether snapshots search the stored index by key (as lean ones do) rather than parse it whole: for a
        command that reads the store whole to print most of it, the parsed index is hundreds of MB at 100,000
        articles that its one search does not need."""

    @property
    def extractor(self) -> Callable[[str], Extraction]:
        """The extraction function (the rule-based extractor unless one was given); imported when first used."""
        if self._extractor is None:
            from store.extraction import extract

            self._extractor = extract
        return self._extractor

    @property
    def lock_path(self) -> Path:
        """Sidecar file whose lock serialises writers across processes."""
        return self.path.with_name(self.path.name + ".lock")

    def _load(self, complete: bool, tables: Tables | None = None) -> Snapshot:
        """A snapshot of the store as it is now (`tables` if just read), read whole or (not `complete`) only as far
        as a first screen needs; retried when a writer replaces the store mid-read."""
        for attempt in range(READ_ATTEMPTS):
            try:
                current = tables if tables is not None and attempt == 0 else read_tables(self.path)
                snapshot = Snapshot.build(
                    current or {},
                    str(self.path),
                    read_current=lambda: read_tables(self.path) or {},
                    lean=self.lean,
                    keyed=self.keyed,
                )
                if complete:
                    snapshot.read_all()
                return snapshot
            except TableFileMissing as missing:
                if attempt == READ_ATTEMPTS - 1:
                    raise StoreError(f"{missing.path_shown}: missing; the store is damaged") from None
        raise AssertionError("unreachable")

    def snapshot_at(self, tables: Tables) -> Snapshot:
        """The store as this version of its tables holds it, read whole: the rest of what a reader began to read by
        key in that version, so that every line it prints comes from one version. StoreError when a writer has since
        taken away files that version needs."""
        try:
            snapshot = Snapshot.build(
                tables,
                str(self.path),
                read_current=self._current_tables,
                lean=self.lean,
                keyed=self.keyed,
            )
            snapshot.read_all()
        except TableFileMissing:
            raise StoreError(CHANGED_WHILE_READ) from None
        return snapshot

    def _current_tables(self) -> Mapping[str, Any]:
        """The store's tables as its manifest names them now (a snapshot reads a file a writer replaced from them)."""
        return read_tables(self.path) or {}

    @property
    def loaded_snapshot(self) -> Snapshot | None:
        """The snapshot if it has been read already, without reading it."""
        return self._snapshot

    def has_articles(self) -> bool:
        """Whether the store holds any article, reading only its manifest (and, for an older store, its articles)."""
        tables = read_tables(self.path)
        return tables is not None and len(tables.documents("articles")) > 0

    def reads_quickly(self) -> bool:
        """Whether what a snapshot reads when opened is small enough to read before a first frame (a few ms)."""
        return opens_quickly(TableFilesStorage(self.path, SCHEMA_VERSION).read())

    @property
    def snapshot(self) -> Snapshot:
        """The store as last read (see `refresh`), read whole; read again after this process wrote to it."""
        if self._snapshot is None:
            first_read, self._first_read = self._first_read, None
            self._stamp, tables = first_read if first_read is not None else (file_stamp(self.path), None)
            self._snapshot = self._load(complete=True, tables=tables)
        else:
            self._snapshot.read_all()
        return self._snapshot

    def preview(self) -> Snapshot | None:
        """A big store's first rows (see `store.preview`), read in milliseconds, for a browser to show while it
        reads the store; None once the store is read, or when its writer kept no first rows."""
        if self._snapshot is not None:
            return None
        from store.preview import preview_snapshot

        return preview_snapshot(self.path)

    def open_snapshot(self) -> Snapshot:
        """The store's snapshot read only as far as a first screen needs; `Snapshot.read_all` reads the rest."""
        self.refresh()
        assert self._snapshot is not None
        return self._snapshot

    def refresh(self) -> bool:
        """Re-read the store if another process changed it; True when the snapshot changed. A store gone since it was
        read is said once (StoreError), its last snapshot kept, and read again once it is back.

        The new snapshot reads its tables as they are used (`snapshot` and `Snapshot.read_all` read them all).
        """
        stamp = file_stamp(self.path)
        if stamp == self._stamp and self._snapshot is not None:
            return False
        if stamp is None and self._stamp is not None and self._snapshot is not None:
            self._stamp = None
            raise StoreError(f"{shown_path(self.path)}: the store is gone (removed or moved since it was read)")
        self._snapshot = self._load(complete=False)
        self._stamp = stamp
        return True

    def summary(self) -> StoreSummary:
        """Counts of what the store holds."""
        return self.snapshot.summary()

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the writers' lock, a sidecar file's, that serialises writers across processes."""
        if self.path.exists() and not os.access(self.path, os.W_OK):
            raise StoreError(f"{shown_path(self.path)}: the store is read-only; nothing was changed")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            lock_handle = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                reason = f"cannot write the store's folder ({error.strerror}); nothing was changed"
                raise StoreError(f"{shown_path(self.path.parent)}: {reason}") from None
            raise StoreError(f"{shown_path(self.path)}: cannot lock the store ({error.strerror})") from None
        try:
            try:
                fcntl.flock(lock_handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if self.when_lock_waits is not None:
                    self.when_lock_waits()
                fcntl.flock(lock_handle, fcntl.LOCK_EX)
            yield
        finally:
            os.close(lock_handle)

    @contextmanager
    def _writer(self) -> Iterator[DocumentWriter]:
        """A writer over the store's tables, under the writers' lock, whose changes land as one atomic write.

        The writer's lookups (see `StoreIndex`) are kept for the next write while no other process writes in
        between, so a batch reads only the files it changes."""
        from store.documents import DocumentWriter
        from store.writer_lookups import StoreIndex

        with self._locked():
            kept, self._kept = self._kept, None
            index, self._index = self._index, None
            unchanged = self._index_stamp == file_stamp(self.path)
            storage, tables = kept if kept is not None and unchanged else self._tables_and_storage()
            if index is None or index.generation != tables.generation or not unchanged:
                index = StoreIndex.of(tables)
            tables.tails, tables.dead_bytes = index.tails, index.dead_bytes
            self._known = index
            writer = DocumentWriter(tables, index)
            try:
                yield writer
                tables.lookups = index
                storage.write(tables)
            except BaseException:
                tables.drop_written_ahead()
                raise
            index.committed(tables.generation)
            self._index, self._index_stamp = index, file_stamp(self.path)
            self._kept = (storage, tables) if not tables.loaded else None
        self._snapshot = None

    def _tables_and_storage(self) -> tuple[TableFilesStorage, Tables]:
        """The store's storage and its tables read for a writer (see `_tables_to_write`)."""
        storage = TableFilesStorage(self.path, SCHEMA_VERSION)
        return storage, self._tables_to_write(storage)

    def _tables_to_write(self, storage: TableFilesStorage) -> Tables:
        """The store's tables for a writer; a store of an earlier schema, or with a table in one file, is upgraded
        and written first, so that the writer changes only the files its documents are in."""
        tables = storage.read()
        if tables is None:
            return Tables(storage.directory, {}, SCHEMA_VERSION)
        check_schema(tables.schema, self.path)
        if needs_upgrade(tables):
            migrate(tables, tables.schema)
            for name in whole_tables(tables):
                tables[name] = tables[name]
            storage.write(tables)
            tables = storage.read() or Tables(storage.directory, {}, SCHEMA_VERSION)
        return tables

    def ingest(self, articles: Iterable[IngestItem], batch_size: int = 200) -> list[IngestOutcome]:
        """Extract and store (source, text) or (source, text, metadata) articles; texts already stored are skipped.

        `metadata` maps title, author, date, outlet and url to strings (see `store.sources.InputArticle`)."""
        return [outcome for batch in self.ingest_in_batches(articles, batch_size) for outcome in batch]

    def ingest_in_batches(self, articles: Iterable[IngestItem], batch_size: int = 200) -> Iterator[list[IngestOutcome]]:
        """Store articles a batch per write, yielding each batch's outcomes once it is safely on disk.

        A file that is not a whosaid store is refused before any article is read or anything is created.
        """
        read_tables(self.path)
        self._read_lookups_ahead()
        batch: list[IngestItem] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield self._ingest_batch(batch)
                batch = []
        if batch:
            yield self._ingest_batch(batch)
        self.build_index_left_out()

    def _ingest_batch(
        self,
        articles: list[IngestItem],
        extracted: dict[str, Extraction] | None = None,
        versions: dict[str, int] | None = None,
    ) -> list[IngestOutcome]:
        """Extract (unless `extracted` holds it, by content hash) outside the lock, then merge and write the whole
        batch as one atomic replace. `versions` says which extractor read what `extracted` holds (by default,
        this store's); a stored article an older one read takes the new extraction. The cycle collector waits
        while the batch is merged and written: that makes tens of thousands of documents and no cycles, so its
        passes over them would find nothing."""
        extractions: dict[str, Extraction] = dict(extracted or {})
        prepared = []
        for source, text, *metadata in articles:
            stated = metadata[0] if metadata else None
            digest, own = input_digests(text, stated)
            if digest not in extractions and not self._read_already(digest, own, source):
                extractions[digest] = self.extractor(text)
            prepared.append((source, text, digest, own, stated))
        outcomes = []

        def extraction_of(digest: str, text: str) -> Extraction:
            """The text's extraction; one passed over as stored is extracted now, when the write finds it is not
            (another process removed or read it again since, or a replacement in this batch removed it)."""
            found = extractions.get(digest)
            if found is None:
                found = extractions[digest] = self.extractor(text)
            return found

        with collector_paused(), self._writer() as writer:
            writer.read_stored_named(
                extractions[d] for _, _, d, _, _ in prepared if d in extractions and not writer.has_article(d)
            )
            for source, text, text_digest, own, metadata in prepared:
                digest = self._printing_digest(writer, text_digest, own, source, metadata)
                if digest != text_digest and text_digest in extractions:
                    extractions.setdefault(digest, extractions[text_digest])
                version = (versions or {}).get(text_digest, self.extractor_version)
                if writer.has_article(digest) and writer.extractor_of(digest) < version:
                    extraction = extraction_of(digest, text)
                    outcome = self._replace_extraction(writer, digest, text, extraction, version)
                    if outcome.source != source and self.replaces(source):  # a copy, read by an older extractor
                        kept = self._drop_source(writer, writer.earlier_versions(source, digest), source)
                        writer.add_source(digest, source)
                        outcome = replace(outcome, source=source, earlier_kept_for=kept)
                    outcomes.append(outcome)
                    continue
                if writer.has_article(digest):
                    stored = writer.article_source(digest)
                    title = writer.article_title(digest)
                    other = stored if stored != source else None
                    copy = other is not None and self.replaces(source)
                    earlier = writer.earlier_versions(source, digest) if copy else []
                    kept = self._drop_source(writer, earlier, source)
                    if copy:
                        writer.add_source(digest, source)
                    outcomes.append(
                        IngestOutcome(
                            source=source,
                            added=False,
                            title=title,
                            same_text_as=other,
                            replaced=bool(earlier),
                            earlier_kept_for=kept,
                        )
                    )
                    continue
                earlier = writer.earlier_versions(source) if self.replaces(source) else []
                kept = self._drop_source(writer, earlier, source)
                extraction = extraction_of(digest, text)
                writer.add_article(source, text, digest, extraction, metadata)
                writer.record_extractor(digest, version)
                outcomes.append(
                    IngestOutcome(
                        source=source,
                        added=True,
                        title=writer.article_title(digest),
                        people=len(extraction.people),
                        organizations=len(extraction.organizations),
                        quotes=len(extraction.quotes),
                        replaced=bool(earlier),
                        earlier_kept_for=kept,
                    )
                )
            writer.apply(index_later=True)
        return outcomes

    def _printing_digest(
        self, writer: DocumentWriter, digest: str, own: str | None, source: str, metadata: Mapping[str, str] | None
    ) -> str:
        """The content hash an input is stored under: its printing's own (`own`, see `input_digests`) when that is
        stored; else its text's (`digest`), unless that text is stored from another source as another printing (see
        `DocumentWriter.another_printing`: a wire story from another outlet): then its printing's own, so that both
        are kept and the quote lists both sources. A plain copy of a file states no printing, and stays one
        article; standard input, which names no lasting place, is told apart by what it states."""
        from store.documents import article_metadata

        if own is not None and writer.has_article(own):
            return own
        if not writer.has_article(digest) or own is None:
            return digest
        if self.replaces(source) and writer.article_source(digest) == source:
            return digest
        return own if writer.another_printing(digest, article_metadata(metadata)) else digest

    @staticmethod
    def _drop_source(writer: DocumentWriter, earlier: list[str], source: str) -> str | None:
        """Take `source` off its earlier versions (see `DocumentWriter.drop_source`): each is removed unless another
        path or URL read holds its text (text moved between files, a copy of a file, an item of a rolling feed
        export moved up). Where the first one kept is read from now, if one is."""
        kept = [writer.drop_source(digest, source) for digest in earlier]
        return next((where for where in kept if where is not None), None)

    def ingest_extracted_in_batches(
        self, extracted: Iterable[ExtractedItem], batch_size: int = 200
    ) -> Iterator[list[IngestOutcome]]:
        """Store articles already extracted (in worker processes, or elsewhere), in their order, a batch per write;
        each with the version of the extractor that read it, or by default this store's. The writer's lookups are
        read before the first article is taken, so that no text stored already goes to a worker (see
        `already_read`): a folder ingested again is read, not extracted again."""
        read_tables(self.path)
        self._read_lookups_ahead()
        pairs = iter(extracted)
        while batch := list(islice(pairs, batch_size)):
            by_hash = {content_hash(entry[0][1]): entry[1] for entry in batch if entry[1] is not None}
            versions = {content_hash(entry[0][1]): entry[2] for entry in batch if len(entry) > 2}
            yield self._ingest_batch([entry[0] for entry in batch], by_hash, versions)
        self.build_index_left_out()

    def already_read(self, text: str, metadata: Mapping[str, str] | None = None, source: str | None = None) -> bool:
        """Whether an input needs no extraction, as the lookups this process last read say: its text is stored, read
        by this store's extractor or a later one, from this same `source`, or as its own printing, or its source
        states no printing (a folder ingested again is mostly such inputs). An input stating a printing of a text
        stored from elsewhere is extracted (in a worker), as the write may find it another printing. Any thread may
        ask; a write checks again under the lock and extracts what it finds missing."""
        return self._read_already(*input_digests(text, metadata), source)

    def _read_already(self, digest: str, own: str | None, source: str | None) -> bool:
        """`already_read`, by the input's content hashes (see `input_digests`)."""
        if not self._already_read(digest):
            return own is not None and self._already_read(own)
        known = self._known
        if source is None or known is None or not self.replaces(source) or digest in known.hashes_from(source):
            return True
        return own is None or self._already_read(own)

    def item_already_read(self, item: tuple[str, str] | tuple[str, str, Mapping[str, str] | None]) -> bool:
        """`already_read` of an ingest's (source, text[, metadata]) item."""
        return self.already_read(item[1], item[2] if len(item) > 2 else None, item[0])  # type: ignore[misc]

    def _already_read(self, digest: str) -> bool:
        """`already_read`, by the text's content hash."""
        known = self._known
        stored = known.articles.get(digest) if known is not None else None
        return stored is not None and stored[2] >= self.extractor_version

    def _read_lookups_ahead(self) -> None:
        """Read the writer's lookups (see `StoreIndex`) without the lock, for the first write to take if no other
        writer commits meanwhile; a store being changed or upgraded is left to the first write to read."""
        from store.writer_lookups import StoreIndex

        stamp = file_stamp(self.path)
        if self._index is not None or stamp is None:
            return
        try:
            storage = TableFilesStorage(self.path, SCHEMA_VERSION)
            tables = storage.read()
            current = tables is not None and not needs_upgrade(tables)
            index = StoreIndex.of(tables) if tables is not None and current else None
        except StoreError:
            return
        if index is not None and tables is not None and file_stamp(self.path) == stamp:
            self._index, self._index_stamp, self._kept = index, stamp, (storage, tables)
            self._known = index

    def _replace_extraction(
        self, writer: DocumentWriter, digest: str, text: str, extraction: Extraction, version: int
    ) -> IngestOutcome:
        """Put a new extraction (by extractor `version`) of a stored article in place of the old one, and say so
        as ingest does."""
        article = writer.replace_extraction(digest, text, extraction, version)
        return IngestOutcome(
            source=str(article.get("source", "")),
            added=True,
            title=writer.article_title(digest),
            people=len(extraction.people),
            organizations=len(extraction.organizations),
            quotes=len(extraction.quotes),
            replaced=True,
            reextracted=True,
        )

    def article_documents(self) -> list[Mapping[str, Any]]:
        """Every stored article's document, in stored order, read from the articles' files alone (what `whosaid rm`
        picks from: at 50,000 articles, a snapshot of the whole store held 930 MB), under the writers' lock so
        that no write replaces a file before it is read."""
        with self._locked():
            tables = read_tables(self.path)
            return list(tables.documents("articles")) if tables is not None else []

    def stale_articles(self, everything: bool = False) -> list[str]:
        """Content hashes, in stored order, of the articles an older extractor read (with `everything`, of all)."""
        tables = read_tables(self.path)
        documents = tables.documents("articles") if tables is not None else []
        return [
            document["hash"]
            for document in documents
            if everything or article_version(document) < self.extractor_version
        ]

    def reextract_in_batches(
        self,
        digests: list[str],
        batch_size: int = 200,
        extracting: Callable[[Iterator[tuple[str, str]]], Iterator[ReadAgain]] | None = None,
    ) -> Iterator[list[IngestOutcome]]:
        """Read the stored text of these articles again with this store's extractor, replacing what an earlier one
        found, a batch per write (so an interrupted run keeps what it did); yields each batch's outcomes once it
        is on disk. An article removed meanwhile, or (unless named again with `everything`) read again by now,
        is passed over. `extracting` takes the (content hash, text) pairs, read a batch at a time, and gives each
        back with its extraction, in order (worker processes: see `store.parallel.extracted_in_workers`), so
        that the next texts are extracted while a batch is written."""
        read_tables(self.path)
        texts = self._stored_texts_in_batches(digests, batch_size)
        if extracting is None:
            extracted: Iterator[ReadAgain] = ((pair, self.extractor(pair[1])) for pair in texts)
        else:
            extracted = extracting(texts)
        while batch := list(islice(extracted, batch_size)):
            yield self._reextract_batch(batch)
        self.build_index_left_out()

    def build_index_left_out(self) -> None:
        """Build the quote index again, in a write of its own, when a batch of this process dropped it (see
        `DocumentWriter.apply`): a run of batches that replace articles builds it once, after the last. A run
        stopped before its end leaves the store without one, which readers build from the quotes, until the next
        write builds it."""
        if self._index is None or not self._index.index_left_out:
            return
        with collector_paused(), self._writer() as writer:
            writer.index.index_left_out = True  # another process may have written since: build it unless whole
            writer.apply()

    def _reextract_batch(self, batch: list[ReadAgain]) -> list[IngestOutcome]:
        """Write a batch of new extractions of stored articles ((content hash, text), extraction) in one atomic
        replace."""
        outcomes = []
        with self._writer() as writer:
            for (digest, text), extraction in batch:
                if writer.has_article(digest):
                    outcomes.append(self._replace_extraction(writer, digest, text, extraction, self.extractor_version))
            writer.apply(index_later=True)
        return outcomes

    def _stored_texts_in_batches(self, digests: list[str], batch_size: int) -> Iterator[tuple[str, str]]:
        """(content hash, stored text) of each of these articles still stored, the texts of each batch read
        together."""
        for start in range(0, len(digests), batch_size):
            yield from self._stored_texts(digests[start : start + batch_size]).items()

    def _stored_texts(self, digests: list[str]) -> dict[str, str]:
        """The stored texts of these articles (those still stored), read under the writers' lock."""
        from store.documents import article_key
        from store.lazy_records import ArticleIndex
        from store.texts import ArticleTexts

        with self._locked():
            tables = read_tables(self.path)
            if tables is None:
                return {}
            placed = self._texts_where_placed(tables, digests)
            if placed is not None:
                return placed
            articles = tables.documents("articles")
            stored = {document["hash"] for document in articles}
            texts = ArticleTexts(tables.documents("texts"), ArticleIndex(articles))
            return {digest: texts.text_of(article_key(digest)) for digest in digests if digest in stored}

    def _texts_where_placed(self, tables: Tables, digests: list[str]) -> dict[str, str] | None:
        """The stored texts of these articles, found through the places this process's writer keeps (see
        `StoreIndex`) when no other process wrote since: only the files that hold them are read, where reading
        every article (a file of them a second at 100,000 articles) to find a batch's texts made `reextract` cost
        more a batch the bigger the store. None when the places are not known, or do not hold these texts."""
        from store.documents import article_key
        from store.writer_lookups import unpacked_place

        index = self._index
        if index is None or index.generation != tables.generation or self._index_stamp != file_stamp(self.path):
            return None
        texts = tables.documents("texts")
        found = {}
        for digest in digests:
            stored = index.articles.get(digest)
            if stored is None:
                continue
            position = tables.position_of("articles", *unpacked_place(stored[0]))
            document = texts[position] if position < len(texts) else None
            if document is None or document.get("key") != article_key(digest):
                return None
            found[digest] = document["text"]
        return found

    @staticmethod
    def replaces(source: str) -> bool:
        """Whether an article read from `source` replaces one read earlier from it: a path does, while
        standard input ("-") or no source names no lasting place."""
        return source not in ("", "-")

    def remove(
        self, digests: Iterable[str], sources: Mapping[str, Collection[str]] | None = None
    ) -> list[RemovedArticle]:
        """Remove articles by content hash, with their texts and quotes and the people and organizations no
        other article names; one atomic write. Hashes not stored are passed over. An article `sources` names (by
        content hash) loses only those paths or URLs of the ones its text was read from: it is removed with the
        last, and otherwise kept under another (see `DocumentWriter.drop_source`)."""
        from store.documents import article_key

        removed = []
        with self._writer() as writer:
            for digest in dict.fromkeys(digests):
                if not writer.has_article(digest):
                    continue
                dropped = (sources or {}).get(digest)
                held = writer.article_sources(digest)
                left = [source for source in held if dropped is not None and source not in dropped]
                if left:
                    title = writer.article_title(digest)
                    for taken in [source for source in held if source not in left]:
                        writer.drop_source(digest, taken)
                        removed.append(RemovedArticle(article_key(digest), title, taken, kept_under=left[0]))
                    continue
                article = writer.remove_article(digest)
                removed.append(RemovedArticle(article["key"], article.get("title", ""), article.get("source", "")))
            writer.apply()
        return removed


def opens_quickly(tables: object) -> bool:
    """Whether what a snapshot of these tables reads when opened is small enough to read before a first frame."""
    if not isinstance(tables, Tables):
        return True
    opening = sum(tables.file_size(name) for name in OPENING_TABLES) + tables.file_size("quotes", segments=1)
    return opening <= QUICK_READ_BYTES


def open_store(path: Path, *, ingest_seeds: bool = True) -> Store:
    """The store at `path`, its snapshot not read yet; a new store first gets the seed articles (one whose
    articles were all removed stays empty)."""
    from store.articles import read_article_file
    from store.seeds import seed_paths

    store = Store(path)
    if os.path.lexists(path):
        read_tables(path)
    elif ingest_seeds:
        store.ingest((seed.name, read_article_file(seed)) for seed in seed_paths())
    return store


def open_existing_store(path: Path) -> Store:
    """The store at `path` for reading: a missing one is an error, and nothing is created or seeded."""
    if not os.path.lexists(path):
        raise StoreError(f"no store at {shown_path(path)}; ingest articles into it first, or pass another --db")
    stamp = file_stamp(path)
    tables = read_tables(path)
    store = Store(path)
    if tables is not None:
        store._first_read = (stamp, tables)
    return store
