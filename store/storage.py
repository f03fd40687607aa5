"""TinyDB storage that never leaves a half-written store and reads only the tables it needs."""

from __future__ import annotations

import base64
import contextlib
import errno
import io
import os
import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, MutableMapping, Sequence
from itertools import accumulate
from pathlib import Path
from typing import Any, Protocol, overload

import orjson
from tinydb.storages import Storage

from store.errors import StoreError, shown_path
from store.migrations import first_schema_problem, manifest_problem

FileStamp = tuple[int, int, int]
MANIFEST_KEY = "whosaid"
SEGMENT_DOCUMENTS = 4096
SEGMENT_BYTES = 1_000_000
"""A table file holds at most SEGMENT_DOCUMENTS documents and (unless one document is bigger) about
SEGMENT_BYTES: appending to a big table rewrites only its last file, and a reader parses only the
files holding the documents it needs, a few milliseconds each."""

PARSED_FILES_KEPT = 8
"""Files a writer keeps parsed, so several documents changed in one file are read from it once."""
SEARCHES_BEFORE_SPANS = 16
"""Documents cut from one table file by searching its bytes before where each of its documents stands is found in
one pass (see `Tables.document_at`): a search of 12,333 quotes at 2,000 articles read 9,267 people's documents out of
file order, each a search of a 1 MB file, 2.1 s of its 2.5."""
INDEX_TABLE = "search"
"""The table of the quote index: its documents are parts, each indexing the quotes from its "first" position to
its "quotes" one, which readers see merged as one document (see `IndexParts`)."""

Segment = tuple[str, "int | None"]
"""One file of a table and how many of its documents are the table's (None in a store written before segments)."""
Superseded = Mapping[str, "Collection[str]"]
"""By file, the ids of documents in it that a later file holds a newer version of (or that were removed)."""
SUPERSEDED_PER_FILE = 256
"""A file with more superseded documents than this (or than live ones) is written again without them, which
bounds the manifest's list of them."""
MOVING_TABLES = frozenset({"people", "organizations"})
"""Tables whose documents move to the end when they change; the others only grow, unless articles are removed."""


def file_stamp(path: Path) -> FileStamp | None:
    """Identity of the file's current version (inode, size, mtime), or None when it is missing."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"{shown_path(path)}: cannot read the store ({error.strerror})") from None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def load_document_tree(path: Path) -> dict[str, Any] | None:
    """Parse the store file, or None when it does not exist yet."""
    if path.is_dir():
        raise StoreError(f"{shown_path(path)}: the store path is a directory; pass a file path with --db")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():
            raise StoreError(f"{shown_path(path)}: the store path is a dangling symbolic link") from None
        return None
    except OSError as error:
        raise StoreError(f"{shown_path(path)}: cannot read the store ({error.strerror})") from None
    try:
        tree = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise StoreError(
            f"{shown_path(path)}: the store is not valid JSON (damaged or not a whosaid store); "
            "move it aside or pass another --db"
        ) from None
    if not isinstance(tree, dict) or not all(isinstance(table, dict) for table in tree.values()):
        raise StoreError(f"{shown_path(path)}: the file is JSON but not a whosaid store; pass another --db")
    return tree


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that readers see the old file or the new one, never a part."""
    import tempfile  # only writers need it: a search imports this module and never writes

    path = Path(os.path.realpath(path))
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise StoreError(f"{shown_path(path)}: cannot write the store ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as temporary:
            temporary.write(payload)
            temporary.flush()
            os.fsync(temporary.fileno())
        if path.exists():
            os.chmod(temporary_name, path.stat().st_mode & 0o777)
        os.replace(temporary_name, path)
        directory_handle = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(directory_handle)
        finally:
            os.close(directory_handle)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary_name)
        raise write_failure(path, error) from None


def write_failure(path: Path, error: OSError) -> StoreError:
    """The one-line error for a store write that failed and changed nothing."""
    reason = "the disk is full" if error.errno == errno.ENOSPC else error.strerror
    return StoreError(f"{shown_path(path)}: cannot write the store ({reason}); the previous store is intact")


def write_durably(path: Path, payload: bytes | Iterable[bytes]) -> None:
    """Write a new file (its bytes, or the pieces they are made of) and flush it to disk (it is not referenced by
    anything until the manifest is)."""
    with open(path, "wb") as handle:
        if isinstance(payload, bytes):
            handle.write(payload)
        else:
            handle.writelines(payload)
        handle.flush()
        os.fsync(handle.fileno())


class TableFileMissing(StoreError):
    """A table file named by the manifest is gone: a writer replaced it since the manifest was read."""

    def __init__(self, path: Path) -> None:
        self.path_shown = shown_path(path)
        super().__init__(f"{self.path_shown}: table file missing; the store changed while it was read")


FIRST_DOCUMENT_FIELDS = {
    "articles": {"key", "title"},
    "texts": {"key", "text"},
    "people": {"key", "name"},
    "organizations": {"key", "name"},
    "quotes": {"text", "article", "start"},
}
"""Fields every stored document of a table holds: a file whose first or last document lacks one is not the store's
(a reader checks those two, not every document)."""


def load_table_file(path: Path) -> dict[str, Any]:
    """One table file's documents."""
    return load_table_bytes(path)[0]


QUOTED_HEX = re.compile(rb'"[0-9a-f]+"')


class Needles:
    """Byte strings looked for in table files' bytes (keys written as JSON strings): where all are lowercase hex
    strings of one length, as articles' keys are, each file is read once for every such string it holds, where
    looking for each in turn read a file once a key (a batch of 500 reextracted articles at 10,000 read the quote
    files half a million times, 85 s of its 170)."""

    def __init__(self, needles: Collection[bytes]) -> None:
        self._needles = frozenset(needles)
        lengths = {len(needle) for needle in self._needles}
        self._pattern: re.Pattern[bytes] | None = None
        if len(lengths) == 1 and all(QUOTED_HEX.fullmatch(needle) for needle in self._needles):
            self._pattern = re.compile(rb'"[0-9a-f]{%d}"' % (lengths.pop() - 2))

    def found_in(self, raw: bytes) -> bool:
        """Whether any of the needles is in these bytes."""
        if self._pattern is None:
            return any(needle in raw for needle in self._needles)
        return not self._needles.isdisjoint(self._pattern.findall(raw))


def read_table_bytes(path: Path) -> bytes:
    """One table file's bytes, unparsed."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise TableFileMissing(path) from None
    except OSError as error:
        raise StoreError(f"{shown_path(path)}: cannot read the store ({error.strerror})") from None


def load_table_bytes(path: Path) -> tuple[dict[str, Any], bytes]:
    """One table file's documents, and the bytes they were parsed from."""
    raw = read_table_bytes(path)
    try:
        table = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise StoreError(f"{shown_path(path)}: damaged table file; the store cannot be read") from None
    if not isinstance(table, dict):
        raise StoreError(f"{shown_path(path)}: not a table of the store")
    return table, raw


def parse_segments(entry: object) -> list[Segment] | None:
    """A manifest's entry for one table as its segments; None when the entry is malformed."""
    if isinstance(entry, str):
        return [(entry, None)]
    if not isinstance(entry, list):
        return None
    segments: list[Segment] = []
    for item in entry:
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
            return None
        if not (item[1] is None or (isinstance(item[1], int) and item[1] >= 0)):
            return None
        segments.append((item[0], item[1]))
    return segments


TablesReader = Callable[[], "Mapping[str, Any]"]
LOOKUPS_KEY = "lookups"
"""The manifest's record of the writer's lookup files."""
SIZES_KEY = "sizes"
"""The manifest's record of each table file it names and its size in bytes: a file of another size was cut short or
written over since, and the store is refused before anything reads or adds to it (lookup files, which a writer
builds again when they are damaged, are not recorded)."""


class LookupsWriter(Protocol):
    """A writer's lookups, written by the storage with the tables they describe (see `store.writer_lookups`)."""

    def lookups_entry(
        self,
        directory: Path,
        generation: int,
        files: Mapping[str, list[Segment]],
        written: list[Path],
        spans: Mapping[str, Mapping[int, int]],
    ) -> dict[str, Any]:
        """Write the lookup files for version `generation` of the store, whose tables are `files` (`spans`: where
        the documents of moving tables it wrote stand, see `Tables.written_spans`), adding each file written to
        `written`; what the manifest records of them."""


class SegmentedDocuments(Sequence[dict[str, Any]]):
    """A table's documents in order, each file parsed only when a document in it is first read.

    When a writer has since removed a file (it keeps the previous version's files only), the
    documents are taken from the store's current version, where appended tables keep their order,
    unless articles were removed since, or the table is one whose documents move (MOVING_TABLES): then
    TableFileMissing is raised.
    """

    def __init__(
        self,
        directory: Path,
        name: str,
        segments: list[Segment],
        read_current: TablesReader | None,
        generation: int = 0,
        superseded: Superseded | None = None,
        parts_kept: int | None = None,
        dropped_fields: tuple[str, ...] = (),
    ):
        self._generation = generation
        self._parts_kept = parts_kept
        """How many parsed files to keep (the last read); None keeps every file once parsed."""
        self._dropped_fields = dropped_fields
        """Fields left out of each document as it is parsed: what this reader never looks at."""
        self._kept_order: dict[int, None] = {}
        self._superseded = superseded or {}
        self._directory = directory
        self._name = name
        self._files = [file for file, _ in segments]
        self._parts: list[list[dict[str, Any]] | None] = [None] * len(segments)
        self._read_current = read_current
        self._lock = threading.RLock()
        self._starts: list[int] = []
        if any(count is None for _, count in segments):
            counts = [len(self._part(number)) for number in range(len(segments))]
        else:
            counts = [count for _, count in segments]  # type: ignore[misc]
        self._starts = [0, *accumulate(counts)]

    def __len__(self) -> int:
        return self._starts[-1]

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        number = bisect_right(self._starts, index) - 1
        return self._part(number)[index - self._starts[number]]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for number in range(len(self._files)):
            yield from self._part(number)

    def parsed_at(self, index: int) -> dict[str, Any] | None:
        """The document at `index` when its file is parsed now, else None (nothing is read)."""
        number = bisect_right(self._starts, index) - 1
        part = self._parts[number] if 0 <= number < len(self._parts) else None
        return part[index - self._starts[number]] if part is not None else None

    def read_all(self) -> None:
        """Parse every file now (raising StoreError for a damaged one), so later reads never touch the disk (unless
        only some parsed files are kept, `parts_kept`)."""
        for number in range(len(self._files)):
            self._part(number)

    def _part(self, number: int) -> list[dict[str, Any]]:
        part = self._parts[number]
        if part is None:
            with self._lock:
                part = self._parts[number]
                if part is None:
                    part = self._parts[number] = self._read_part(number)
                    if self._parts_kept is not None:
                        self._forget_parts_beyond(number)
        return part

    def _forget_parts_beyond(self, number: int) -> None:
        """Keep `number` parsed with the last files read, up to `parts_kept`; forget the documents of older ones."""
        kept = self._kept_order
        kept[number] = None
        while len(kept) > (self._parts_kept or 0):
            oldest = next(iter(kept))
            del kept[oldest]
            self._parts[oldest] = None

    def _read_part(self, number: int) -> list[dict[str, Any]]:
        documents = self._read_documents(number)
        expected = self._starts[number + 1] - self._starts[number] if len(self._starts) > number + 1 else None
        if (expected is not None and len(documents) != expected) or not all(
            isinstance(document, dict) and FIRST_DOCUMENT_FIELDS.get(self._name, set()) <= document.keys()
            for document in documents[:1] + documents[-1:]
        ):
            path = shown_path(self._directory / self._files[number])
            raise StoreError(f"{path}: damaged table file; the store cannot be read")
        for field in self._dropped_fields:
            for document in documents:
                document.pop(field, None)
        return documents

    def _read_documents(self, number: int) -> list[dict[str, Any]]:
        file = self._files[number]
        try:
            return live_documents(load_table_file(self._directory / file), self._superseded.get(file, ()))
        except TableFileMissing:
            if self._read_current is None or len(self._starts) <= number + 1 or self._name in MOVING_TABLES:
                raise
            current = self._read_current()
            if isinstance(current, Tables) and current.removed_at > self._generation:
                raise
            documents = current.documents(self._name, merged=False) if isinstance(current, Tables) else []
            start, end = self._starts[number], self._starts[number + 1]
            if len(documents) < end:
                raise
            return list(documents[start:end])


def live_documents(documents: dict[str, Any], superseded: Collection[str]) -> list[dict[str, Any]]:
    """A file's documents in order, without those superseded."""
    if not superseded:
        return list(documents.values())
    dead = set(superseded)
    return [document for doc_id, document in documents.items() if doc_id not in dead]


class TableTail:
    """Where a writer appends to a table: its last file's number, document count and bytes, and the next id."""

    __slots__ = ("count", "next_id", "number", "parsed", "size")

    def __init__(self, number: int, count: int, size: int, next_id: int, parsed: bool = True) -> None:
        self.number = number
        self.count = count
        self.size = size
        self.next_id = next_id
        self.parsed = parsed
        """Whether this process has parsed the last file (or wrote it): a file appended to is parsed first, so a
        damaged one is reported, never built on."""

    def __repr__(self) -> str:
        return f"TableTail({self.number}, {self.count}, {self.size}, {self.next_id}, parsed={self.parsed})"


class Tables(MutableMapping[str, dict[str, Any]]):
    """The store's tables as TinyDB sees them: each table's files are read only when first used."""

    def __init__(
        self,
        directory: Path,
        files: dict[str, list[Segment]],
        schema: int,
        inline: dict[str, Any] | None = None,
        generation: int = 0,
        removed_at: int = 0,
        superseded: dict[str, list[str]] | None = None,
    ):
        self.directory = directory
        self.superseded: dict[str, list[str]] = {file: list(ids) for file, ids in (superseded or {}).items()}
        """By file, the ids of its documents the table no longer holds (see `Superseded`)."""
        self.files = dict(files)
        self.schema = schema
        self.generation = generation
        self.removed_at = removed_at
        """The last version whose write removed documents, moving those after them."""
        self.removing = False
        """Set by a writer that removes documents, so the manifest records that positions moved."""
        self.extractors: dict[str, int] | None = None
        """How many articles each extractor version read, as the manifest records it (None: not recorded)."""
        self.loaded: dict[str, dict[str, Any]] = dict(inline or {})
        self.raw: dict[str, list[bytes]] = {}
        """The bytes of each file of the tables read whole, so a write can keep the files that did not change."""
        self.changed: set[str] = set(self.loaded)
        self.dropped: set[str] = set()
        self.edited: dict[str, dict[int, dict[str, Any]]] = {}
        """Files a writer changed, by table and file number, each as its documents by id: written again whole."""
        self.appended: dict[str, dict[int, list[bytes]]] = {}
        """Encoded documents a writer added after a table's stored ones, by the number of the file they go to."""
        self.compacting: dict[str, set[int]] = {}
        """Files a writer writes again without their superseded documents, by table and file number (see
        `supersede`): their bytes are cut where those documents stand, not parsed and encoded again."""
        self._parsed: dict[str, dict[str, Any]] = {}
        """The files last parsed for a writer, by name, the most recent last (see PARSED_FILES_KEPT)."""
        self._raw_files: dict[str, bytes] = {}
        """The bytes of the files a writer last cut documents from (see `document_at`), the most recent last."""
        self._resume_at: dict[str, int] = {}
        """Where, in each of those files, the document last cut from it ends: the next one asked for, in file
        order, is looked for from there."""
        self._bounds_in: dict[str, dict[str, tuple[int, int]]] = {}
        """Where each document of those files starts and ends, by id, for a file many documents were cut from out of
        order (see SEARCHES_BEFORE_SPANS)."""
        self._searched: dict[str, int] = {}
        """How many documents were looked for in the bytes of each of those files."""
        self._handles: dict[str, tuple[Path, io.FileIO | None]] = {}
        """The files a writer last read documents from one by one, with their paths, open (the most recent last): a
        batch reads hundreds of documents from a few dozen files, and opening a file for each document cost as much
        as the read. Table files never change once written, so an open one reads what its name held."""
        self.dead_bytes: dict[str, int] = {}
        """Bytes of superseded documents in files, by file, as far as a writer has seen them (see `supersede`);
        a writer may hand them to the next version's tables, as `tails`."""
        self.tails: dict[str, TableTail] = {}
        """Where each table's next document goes, learned from its last file when first appended to; still true
        after this object's write, so a writer may hand them to the next version's tables (if no one else wrote)."""
        self.written_spans: dict[str, dict[int, int]] = {}
        """Where the documents of moving tables a write put in files stand in them (see `document_span`), by table
        and id; set by the storage as it writes, for the writer's lookups."""
        self._sizes: dict[str, int] = {}
        """The sizes of the store's files a writer has asked for, by name (files are never changed once written)."""
        self._read_spans: dict[str, dict[str, int]] = {}
        """Where the documents a writer read one by one stand in their files, by file and id: a file written again
        without them is parsed without them."""
        self.stored_lookups: object = None
        """What the manifest records of the writer's lookup files (see `store.writer_lookups`), as read."""
        self.lookups: LookupsWriter | None = None
        """Set by a writer: its lookups, written with the tables and recorded in the manifest (None: the manifest
        records none, and the next writer builds them from the tables)."""
        self.written_ahead: list[str] = []
        """Files of the next version a writer wrote before its write (see `write_ahead`)."""

    def file_size(self, name: str, segments: int | None = None) -> int:
        """Bytes in the files (or the first `segments` files) of a table not yet read."""
        total = 0
        for file, _ in self.files.get(name, [])[:segments]:
            with contextlib.suppress(OSError):
                total += (self.directory / file).stat().st_size
        return total

    def documents(
        self,
        name: str,
        read_current: TablesReader | None = None,
        merged: bool = True,
        parts_kept: int | None = None,
        dropped_fields: tuple[str, ...] = (),
    ) -> Sequence[dict[str, Any]]:
        """A table's documents in order, its files parsed only as documents in them are read (only the last
        `parts_kept` of them kept parsed, if given, and without `dropped_fields`); the index's parts merged into
        one document (unless not `merged`)."""
        if name in self.loaded:
            documents = list(self.loaded[name].values())
            return [merged_index(documents)] if merged and name == INDEX_TABLE and documents else documents
        if name not in self.files:
            return []
        kind = IndexParts if merged and name == INDEX_TABLE else SegmentedDocuments
        if kind is IndexParts:
            return kind(self.directory, name, self.files[name], read_current, self.generation, self.superseded)
        return kind(
            self.directory, name, self.files[name], read_current, self.generation, self.superseded, parts_kept,
            dropped_fields,
        )

    def segment_documents(self, name: str, number: int, keep: bool = True) -> dict[str, Any]:
        """One file's documents by id, with what a writer changed or added; the file stays parsed for the next
        call unless not `keep`."""
        edited = self.edited.get(name, {})
        if number in edited:
            return edited[number]
        file = self.files[name][number][0]
        documents = self._parsed.pop(file, None)
        if documents is None:
            documents = self._live_documents(file) if file else {}
            for doc_id in self.superseded.get(file, ()):
                documents.pop(doc_id, None)
        if file and keep:
            self._parsed[file] = documents
            while len(self._parsed) > PARSED_FILES_KEPT:
                del self._parsed[next(iter(self._parsed))]
        for piece in self.appended.get(name, {}).get(number, []):
            documents.update(orjson.loads(b"{" + piece + b"}"))
        return documents

    def document_at(
        self, name: str, number: int, doc_id: str, span: int | None = None, list_field: str | None = None
    ) -> tuple[dict[str, Any], int]:
        """One document of a table, and its size in bytes, read from where `span` says it stands in its file (see
        `document_span`), else cut from the file's bytes rather than parsing the whole file (unless the file is
        parsed or edited already, or the document is not found in its bytes). A long `list_field` ending the
        document is kept as its bytes (see `EncodedList`)."""
        file = self.files[name][number][0]
        if number in self.edited.get(name, {}) or file in self._parsed or not file:
            return self._parsed_document_at(name, number, doc_id)
        if span is not None and file not in self._raw_files:
            path, handle = self._opened(file)
            raw = bytes_in_span(path, doc_id, span, handle)
            found = parsed_document(raw, list_field) if raw is not None else None
            if found is not None:
                self._read_spans.setdefault(file, {})[doc_id] = span
                return found, span & SPAN_MASK
        raw = self._raw_files.pop(file, None) or read_table_bytes(self.directory / file)
        self._raw_files[file] = raw
        while len(self._raw_files) > PARSED_FILES_KEPT:
            oldest = next(iter(self._raw_files))
            del self._raw_files[oldest]
            self._resume_at.pop(oldest, None)
            self._bounds_in.pop(oldest, None)
            self._searched.pop(oldest, None)
        start, end = self._document_bounds(file, raw, doc_id)
        if start < 0:
            return self._parsed_document_at(name, number, doc_id)
        self._resume_at[file] = end
        document = parsed_document(raw[start:end], list_field)
        if document is None:
            raise StoreError(f"{shown_path(self.directory / file)}: damaged table file; the store cannot be read")
        self._read_spans.setdefault(file, {})[doc_id] = document_span(start, end - start)
        return document, end - start

    def _document_bounds(self, file: str, raw: bytes, doc_id: str) -> tuple[int, int]:
        """Where the document with this id starts and ends in a table file's bytes (-1, -1: not there): looked for
        in them, from where the last one cut from the file ended first; past SEARCHES_BEFORE_SPANS documents, from
        where every document of the file stands, found in one pass."""
        searched = self._searched[file] = self._searched.get(file, 0) + 1
        bounds = self._bounds_in.get(file)
        if bounds is None and searched > SEARCHES_BEFORE_SPANS:
            bounds = self._bounds_in[file] = {
                str(found_id): (start, start + length) for found_id, start, length in file_spans(raw)
            }
        if bounds is not None:
            return bounds.get(doc_id, (-1, -1))
        start = document_start(raw, doc_id, self._resume_at.get(file, 0))
        if start < 0:
            return -1, -1
        following = LATER_DOCUMENT.search(raw, start)
        return start, following.start() if following else raw.rstrip().rfind(b"}")

    def _opened(self, file: str) -> tuple[Path, io.FileIO | None]:
        """A table file's path and the file open for reading (None when it cannot be opened), kept with the last few
        opened: a batch reads documents from each in turn, and making the path again for each cost as much as the
        read."""
        opened = self._handles.pop(file, None)
        if opened is None:
            path = self.directory / file
            try:
                opened = (path, io.FileIO(path))
            except OSError:
                opened = (path, None)
        self._handles[file] = opened
        while len(self._handles) > PARSED_FILES_KEPT:
            handle = self._handles.pop(next(iter(self._handles)))[1]
            if handle is not None:
                handle.close()
        return opened

    def _parsed_document_at(self, name: str, number: int, doc_id: str) -> tuple[dict[str, Any], int]:
        """One document of a table and its size in bytes, from its file parsed whole (or as a writer edits it)."""
        document = self.segment_documents(name, number)[doc_id]
        return document, len(orjson.dumps(document, default=encoded_list))

    def _live_documents(self, file: str) -> dict[str, Any]:
        """A file's documents, those superseded since this writer read them left out of its bytes before they are
        parsed (a big one superseded, such as an organization of many articles, is then never parsed again)."""
        read = self._read_spans.get(file, {})
        dead = [(doc_id, read[doc_id]) for doc_id in self.superseded.get(file, ()) if doc_id in read]
        if not dead:
            return load_table_file(self.directory / file)
        raw = without_documents(read_table_bytes(self.directory / file), dead)
        try:
            documents = orjson.loads(raw) if raw is not None else None
        except orjson.JSONDecodeError:
            documents = None
        return documents if isinstance(documents, dict) else load_table_file(self.directory / file)

    def unchanged_file(self, name: str, number: int) -> Path | None:
        """Where one file of a table is stored, when this writer has neither changed it nor superseded any of its
        documents (None otherwise)."""
        file = self.files[name][number][0]
        if not file or self.superseded.get(file) or number in self.edited.get(name, {}):
            return None
        if self.appended.get(name, {}).get(number) or number in self.compacting.get(name, set()):
            return None
        return self.directory / file

    def file_may_hold(self, name: str, number: int, needles: Needles) -> bool:
        """Whether one file of a table may hold any of these byte strings: a stored file this writer has neither
        parsed nor changed (see `unchanged_file`) is searched in its bytes, unparsed; of any other, it is said to."""
        path = None if self.files[name][number][0] in self._parsed else self.unchanged_file(name, number)
        if path is None:
            return True
        return needles.found_in(read_table_bytes(path))

    def edit_segment(self, name: str, number: int) -> dict[str, Any]:
        """One file's documents by id, for a writer to change in place; the file is written again whole."""
        edited = self.edited.setdefault(name, {})
        if number not in edited:
            edited[number] = self.segment_documents(name, number)
            self.appended.get(name, {}).pop(number, None)
            self.compacting.get(name, set()).discard(number)
        return edited[number]

    def write_ahead(
        self, name: str, number: int, documents: dict[str, Any] | None = None, encoded: tuple[bytes, int] | None = None
    ) -> None:
        """Write one file of a table's next version now rather than hold it until the write: these documents by id
        (a value may be an `orjson.Fragment`), or those `encoded` (a file's bytes and how many it holds), or, without
        either, the documents appended to a file not stored yet.
        A rebuilt or shifted index holds hundreds of megabytes at 100,000 articles this way let go a file at a
        time. Only for a writer under the writers' lock, the next version being this one's plus one: the write
        names the file in its manifest, or deletes it if it fails."""
        file, count = self.files[name][number]
        if documents is not None:
            payload, count = encoded_file(documents, None), len(documents)
        elif encoded is not None:
            payload, count = encoded
        elif not file:
            payload = b"{" + b",".join(self.appended.get(name, {}).get(number, [])) + b"}"
        else:
            raise ValueError("only a file not stored yet is written ahead from what was appended to it")
        file = f"{name}.{self.generation + 1}.{number}.json"
        path = self.directory / file
        self.written_ahead.append(file)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_durably(path, payload)
        except OSError as error:
            raise write_failure(path, error) from None
        self.files[name][number] = (file, count)
        self.edited.get(name, {}).pop(number, None)
        self.appended.get(name, {}).pop(number, None)
        self.compacting.get(name, set()).discard(number)

    def drop_written_ahead(self) -> None:
        """Delete the files written ahead (see `write_ahead`) for a write that will not happen."""
        for file in self.written_ahead:
            with contextlib.suppress(OSError):
                (self.directory / file).unlink()
        self.written_ahead = []

    def write_full_files_ahead(self, name: str) -> None:
        """Write ahead (see `write_ahead`) every new file of a table that documents were appended to but the last."""
        last = len(self.files.get(name, [])) - 1
        for number in [number for number in self.appended.get(name, {}) if number < last]:
            if not self.files[name][number][0]:
                self.write_ahead(name, number)

    def replace_segment(self, name: str, number: int, documents: dict[str, Any]) -> None:
        """Put these documents by id in place of one file's (a value may be an `orjson.Fragment`, a document as
        its JSON); the file is written again whole."""
        self.edited.setdefault(name, {})[number] = documents
        self.appended.get(name, {}).pop(number, None)
        self.compacting.get(name, set()).discard(number)

    def located_documents(self, name: str) -> Iterator[tuple[int, str, dict[str, Any]]]:
        """Every document of a table in order, with its file number and id, one file in memory at a time."""
        for number in range(len(self.files.get(name, []))):
            for doc_id, document in self.segment_documents(name, number, keep=False).items():
                yield number, doc_id, document

    def document_count(self, name: str) -> int:
        """How many documents a table holds, with a writer's changes, from the manifest's counts."""
        edited = self.edited.get(name, {})
        return sum(
            len(edited[number]) if number in edited else count or 0
            for number, (_file, count) in enumerate(self.files.get(name, []))
        )

    def position_of(self, name: str, number: int, doc_id: str) -> int:
        """Where a document stands in its table, from its file number and id."""
        before = sum(count or 0 for _file, count in self.files[name][:number])
        return before + list(self.segment_documents(name, number)).index(doc_id)

    def place_at(self, name: str, position: int) -> tuple[int, str] | None:
        """The file number and id of the document at a position of a table (None past its end)."""
        for number, (_file, count) in enumerate(self.files.get(name, [])):
            if position < (count or 0):
                return number, list(self.segment_documents(name, number))[position]
            position -= count or 0
        return None

    def supersede(self, name: str, number: int, doc_id: str, size: int = 0) -> None:
        """Drop a document (of `size` bytes) from a table without writing its file again: the manifest names it
        as superseded (its newer version, if any, is appended). A file with too many such documents, or mostly
        their bytes, is written again without them."""
        file, count = self.files[name][number]
        if number in self.edited.get(name, {}) or not file:
            del self.edit_segment(name, number)[doc_id]
            return
        if file in self._parsed:
            self._parsed[file].pop(doc_id, None)
        dead = self.superseded.setdefault(file, [])
        dead.append(doc_id)
        self.files[name][number] = (file, (count or 1) - 1)
        self.dead_bytes[file] = self.dead_bytes.get(file, 0) + size
        if len(dead) > min(SUPERSEDED_PER_FILE, count or 0) or self.mostly_dead(file):
            self.compacting.setdefault(name, set()).add(number)

    def mostly_dead(self, file: str) -> bool:
        """Whether superseded documents make up most of a file's bytes (as far as this writer knows)."""
        dead = self.dead_bytes.get(file, 0)
        return bool(dead) and 2 * dead > self.file_bytes(file)

    def file_bytes(self, file: str) -> int:
        """The size of one of the store's files (0 when it cannot be read)."""
        size = self._sizes.get(file)
        if size is None:
            try:
                size = self._sizes[file] = os.stat(self.directory / file).st_size
            except OSError:
                return 0
        return size

    def forget_parsed(self) -> None:
        """Let go of the files parsed for a writer (they are parsed again when needed)."""
        self._parsed.clear()
        self._raw_files.clear()
        self._resume_at.clear()
        self._bounds_in.clear()
        self._searched.clear()
        for _path, handle in self._handles.values():
            if handle is not None:
                handle.close()
        self._handles.clear()

    def clear_table(self, name: str) -> None:
        """Empty a table: the write names no file for it."""
        self.files[name] = []
        self.edited.pop(name, None)
        self.appended.pop(name, None)
        self.compacting.pop(name, None)
        self.tails.pop(name, None)

    def append_documents(
        self, name: str, documents: Iterable[dict[str, Any]], encoded: list[bytes] | None = None
    ) -> list[tuple[int, str]]:
        """Add documents after a table's last one, each with the next id, and say where each went (file number,
        id); `encoded`, when given, gets each document's JSON as it is stored, copied (what `orjson.dumps` returns
        holds an allocation of kilobytes, however short its bytes). Only the last file is written again, not
        re-encoded: new ones follow it once it holds SEGMENT_DOCUMENTS documents or about SEGMENT_BYTES."""
        documents = list(documents)
        if not documents:
            return []
        segments = self.files.setdefault(name, [])
        tail = self.tails.get(name) or self._tail(name)
        edited, appended = self.edited.get(name, {}), self.appended.setdefault(name, {})
        number, count, size, next_id = tail.number, tail.count, tail.size, tail.next_id
        places = []
        for document in documents:
            body = orjson.dumps(document, default=encoded_list)
            if encoded is not None:
                encoded.append(bytes(memoryview(body)))
            piece = b'"%d":' % next_id + body
            if count and (count >= SEGMENT_DOCUMENTS or size + len(piece) > SEGMENT_BYTES):
                segments.append(("", 0))
                number, count, size = len(segments) - 1, 0, 2
            doc_id = str(next_id)
            if number in edited:
                edited[number][doc_id] = document
            else:
                appended.setdefault(number, []).append(piece)
                file, stored = segments[number]
                segments[number] = (file, (stored or 0) + 1)
            count, size, next_id = count + 1, size + len(piece) + 1, next_id + 1
            places.append((number, doc_id))
        tail.number, tail.count, tail.size, tail.next_id = number, count, size, next_id
        self.tails[name] = tail
        return places

    def _tail(self, name: str) -> TableTail:
        """Where the next document of a table goes: its last file, that file's count and size, the next id (past
        the ids of superseded documents too, which that file still holds)."""
        segments = self.files.setdefault(name, [])
        if not segments:
            segments.append(("", 0))
            return TableTail(0, 0, 2, 1)
        last = len(segments) - 1
        file, count = segments[last]
        edited = self.edited.get(name, {})
        size = len(orjson.dumps(edited[last], default=encoded_list)) if last in edited else 2
        if last not in self.edited.get(name, {}) and file:
            with contextlib.suppress(OSError):
                size = (self.directory / file).stat().st_size
        next_id = 1
        for number in range(last, -1, -1):
            ids = [*self.segment_documents(name, number), *self.superseded.get(segments[number][0], ())]
            if ids:
                next_id = max(int(doc_id) for doc_id in ids) + 1
                break
        return TableTail(last, count or 0, size, next_id)

    def __getitem__(self, name: str) -> dict[str, Any]:
        if name not in self.loaded:
            if name not in self.files:
                raise KeyError(name)
            table: dict[str, Any] = {}
            raws = []
            for file, _ in self.files[name]:
                part, raw = load_table_bytes(self.directory / file)
                dead = set(self.superseded.get(file, ()))
                table.update((doc_id, document) for doc_id, document in part.items() if doc_id not in dead)
                raws.append(raw)
            self.loaded[name], self.raw[name] = table, raws
        return self.loaded[name]

    def __setitem__(self, name: str, table: dict[str, Any]) -> None:
        self.loaded[name] = table
        self.changed.add(name)
        self.dropped.discard(name)

    def __delitem__(self, name: str) -> None:
        if name not in self.loaded and name not in self.files:
            raise KeyError(name)
        self.loaded.pop(name, None)
        self.raw.pop(name, None)
        self.files.pop(name, None)
        self.changed.discard(name)
        self.dropped.add(name)

    def __contains__(self, name: object) -> bool:
        return name in self.loaded or name in self.files

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self.files, *self.loaded]))

    def __len__(self) -> int:
        return len(set(self.files) | set(self.loaded))


class TableFilesStorage(Storage):
    """TinyDB storage: one JSON file per table beside a small manifest, the store file, that names them.

    A write puts each changed table in a new file, then replaces the manifest by rename: that rename
    is the commit, so a crash at any moment leaves the previous version whole. Reading loads only
    the tables asked for, so the people and quotes are on screen without parsing every article's text.
    """

    def __init__(self, path: str | Path, schema: int) -> None:
        self.path = Path(path)
        self.directory = table_directory(self.path)
        self.schema = schema
        self._files_in_use: set[str] = set()
        self._files_before: set[str] | None = None
        """The files the version before `_files_in_use`'s named, when this storage wrote both: the next write then
        deletes those no longer named instead of listing the directory."""
        self._generation = 0
        self._removed_at = 0
        self._sizes: dict[str, int] = {}
        """The size of each file the manifest read or written last names, as the writer left it."""

    def read(self) -> Tables | None:
        """The tables of the store's current version, or None when there is no store yet."""
        tree = load_document_tree(self.path)
        if tree is None:
            return None
        header = tree.get(MANIFEST_KEY)
        if header is None:
            self._refuse_if(first_schema_problem(tree))
            return Tables(self.directory, {}, schema=1, inline=tree)
        beside = sorted(set(tree) - {MANIFEST_KEY})
        self._refuse_if(f"it has {beside[0]!r} beside whosaid's manifest" if beside else None)
        entries = header.get("tables")
        files = {name: parse_segments(entry) for name, entry in entries.items()} if isinstance(entries, dict) else {}
        if not isinstance(entries, dict) or not isinstance(header.get("generation"), int) or None in files.values():
            raise StoreError(f"{shown_path(self.path)}: damaged store manifest; pass another --db")
        schema = header.get("schema", 0)
        if isinstance(schema, int) and schema <= self.schema:
            self._refuse_if(manifest_problem(entries))
        self._generation = header["generation"]
        self._files_before = None
        segments: dict[str, list[Segment]] = files  # type: ignore[assignment]
        table_files = {file for table in segments.values() for file, _ in table}
        lookups = header.get(LOOKUPS_KEY)
        self._files_in_use = table_files | lookup_file_names(lookups)
        sizes = parse_sizes(header.get(SIZES_KEY, {}))
        if sizes is None:
            raise StoreError(f"{shown_path(self.path)}: damaged store manifest; pass another --db")
        self._sizes = {file: size for file, size in sizes.items() if file in table_files}
        self._refuse_damaged_files()
        removed_at = header.get("removed_at", 0)
        self._removed_at = removed_at if isinstance(removed_at, int) else 0
        superseded = parse_superseded(header.get("superseded", {}))
        if superseded is None:
            raise StoreError(f"{shown_path(self.path)}: damaged store manifest; pass another --db")
        tables = Tables(
            self.directory,
            segments,
            schema,
            generation=self._generation,
            removed_at=self._removed_at,
            superseded=superseded,
        )
        tables.extractors = parse_extractor_counts(header.get("extractors"))
        tables.stored_lookups = lookups
        return tables

    def _refuse_damaged_files(self) -> None:
        """Refuse a store one of whose files is not the size its writer recorded (cut short by a full disk or a
        copy that stopped, or written over): every command, ingest too, stops before it reads or adds to it. A
        file gone is left to the reads, which tell a writer that replaced it from a file lost."""
        if not self._sizes:
            return
        try:
            directory = os.open(self.directory, os.O_RDONLY)
        except FileNotFoundError:
            return
        except OSError as error:
            raise StoreError(f"{shown_path(self.directory)}: cannot read the store ({error.strerror})") from None
        try:
            for file, size in self._sizes.items():
                self._refuse_if_resized(file, size, directory)
        finally:
            os.close(directory)

    def _refuse_if_resized(self, file: str, size: int, directory: int) -> None:
        """Refuse the store when `file` (in the open `directory`) is not `size` bytes (see `_refuse_damaged_files`)."""
        try:
            found = os.stat(file, dir_fd=directory).st_size
        except FileNotFoundError:
            return
        except OSError as error:
            shown = shown_path(self.directory / file)
            raise StoreError(f"{shown}: cannot read the store ({error.strerror})") from None
        if found != size:
            raise StoreError(
                f"{shown_path(self.directory / file)}: damaged table file ({plural_bytes(found)} where the store"
                f" wrote {plural_bytes(size)}); the store cannot be read"
            )

    def _sizes_of(self, in_use: set[str], written: list[Path]) -> dict[str, int]:
        """The size of each table file in `in_use`: those written now and any the manifest did not record yet (a store
        written by an earlier whosaid) as found, the others as recorded."""
        fresh = {path.name for path in written}
        sizes: dict[str, int] = {}
        for file in sorted(in_use):
            size = self._sizes.get(file) if file not in fresh else None
            if size is None:
                try:
                    size = os.stat(self.directory / file).st_size
                except FileNotFoundError:
                    continue
            sizes[file] = size
        return sizes

    def _refuse_if(self, problem: str | None) -> None:
        """Refuse, untouched, a JSON file that is not a whosaid store."""
        if problem is not None:
            raise StoreError(
                f"{shown_path(self.path)}: not a whosaid store ({problem}); it was left untouched; pass another --db"
            )

    def write(self, data: Mapping[str, dict[str, Any]]) -> None:
        """Write the changed tables to new files, then commit them by replacing the manifest."""
        tables = data if isinstance(data, Tables) else Tables(self.directory, {}, self.schema, inline=dict(data))
        generation = self._generation + 1
        removed_at = generation if tables.removing else self._removed_at
        files = {
            name: [(file, count) for file, count in segments if file]
            for name, segments in tables.files.items()
            if name not in tables.dropped
        }
        written: list[Path] = [self.directory / file for file in tables.written_ahead]
        try:
            if tables.written_ahead and tables.generation != self._generation:
                raise StoreError(f"{shown_path(self.path)}: files written for another version; nothing was changed")
            self.directory.mkdir(parents=True, exist_ok=True)
            for name in sorted(tables.changed):
                files[name] = self._write_segments(name, tables, generation, written)
            changed = set(tables.edited) | set(tables.appended) | set(tables.compacting)
            for name in sorted(changed - tables.changed - tables.dropped):
                files[name] = self._write_changes(name, tables, generation, written)
            manifest = {
                MANIFEST_KEY: {
                    "schema": self.schema,
                    "generation": generation,
                    "removed_at": removed_at,
                    "tables": {name: [list(segment) for segment in segments] for name, segments in files.items()},
                }
            }
            if tables.extractors is not None:
                manifest[MANIFEST_KEY]["extractors"] = tables.extractors
            table_files = {file for segments in files.values() for file, _ in segments}
            in_use = set(table_files)
            superseded = {file: ids for file, ids in tables.superseded.items() if file in in_use and ids}
            if superseded:
                manifest[MANIFEST_KEY]["superseded"] = superseded
            if tables.lookups is not None:
                lookups = tables.lookups.lookups_entry(self.directory, generation, files, written, tables.written_spans)
                manifest[MANIFEST_KEY][LOOKUPS_KEY] = lookups
                in_use |= lookup_file_names(lookups)
            sizes = self._sizes_of(table_files, written)
            manifest[MANIFEST_KEY][SIZES_KEY] = sizes
            write_atomically(self.path, orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
        except (OSError, StoreError) as error:
            for path in written:
                with contextlib.suppress(OSError):
                    path.unlink()
            if isinstance(error, StoreError):
                raise
            raise write_failure(self.path, error) from None
        for file in set(tables.written_ahead) - in_use:
            with contextlib.suppress(OSError):
                (self.directory / file).unlink()
        self._remove_unused_files(keep=in_use | self._files_in_use)
        self._generation, self._removed_at, self._sizes = generation, removed_at, sizes
        self._files_before, self._files_in_use = self._files_in_use, in_use
        tables.files, tables.changed, tables.dropped, tables.schema = files, set(), set(), self.schema
        tables.edited, tables.appended, tables.compacting, tables.superseded = {}, {}, {}, superseded
        tables.written_spans, tables._read_spans, tables.written_ahead = {}, {}, []
        tables.forget_parsed()
        tables.generation, tables.removed_at, tables.removing = generation, removed_at, False
        tables.stored_lookups, tables.lookups = manifest[MANIFEST_KEY].get(LOOKUPS_KEY), None

    def _write_segments(self, name: str, tables: Tables, generation: int, written: list[Path]) -> list[Segment]:
        """Write a table in files of bounded size, keeping each file whose content is unchanged."""
        previous = list(zip(tables.files.get(name, []), tables.raw.get(name, []), strict=False))
        segments: list[Segment] = []
        payloads: list[bytes] = []
        for number, (payload, count) in enumerate(segment_payloads(tables.loaded[name])):
            payloads.append(payload)
            if number < len(previous) and previous[number][1] == payload:
                segments.append((previous[number][0][0], count))
                continue
            file_name = f"{name}.{generation}.{number}.json"
            written.append(self.directory / file_name)
            write_durably(written[-1], payload)
            segments.append((file_name, count))
        tables.raw[name] = payloads
        return segments

    def _write_changes(self, name: str, tables: Tables, generation: int, written: list[Path]) -> list[Segment]:
        """Write again only the files of a table a writer changed, compacted or added to; an added-to file is its
        stored bytes with the new documents' after them."""
        edited, appended = tables.edited.get(name, {}), tables.appended.get(name, {})
        compacting = tables.compacting.get(name, set())
        segments: list[Segment] = []
        for number, (file, count) in enumerate(tables.files[name]):
            spans = tables.written_spans.setdefault(name, {}) if name in MOVING_TABLES else None
            if number in edited:
                payload, count = encoded_file(edited[number], spans), len(edited[number])
                tables.dead_bytes.pop(file, None)
            elif number in compacting and file:
                payload = self._compacted(name, number, tables, spans)
                tables.dead_bytes.pop(file, None)
            elif number in appended:
                stored = self._checked_bytes(file, tables.tails.get(name))[:-1] if file else b"{"
                separator = b"," if stored.strip() != b"{" else b""
                payload = stored + separator + b",".join(appended[number]) + b"}"
                if spans is not None:
                    note_spans(spans, appended[number], len(stored) + len(separator))
                if file in tables.superseded:
                    tables.superseded[f"{name}.{generation}.{number}.json"] = tables.superseded[file]
                if file in tables.dead_bytes:
                    tables.dead_bytes[f"{name}.{generation}.{number}.json"] = tables.dead_bytes.pop(file)
            else:
                segments.append((file, count))
                continue
            file = f"{name}.{generation}.{number}.json"
            written.append(self.directory / file)
            write_durably(written[-1], payload)
            segments.append((file, count))
        return segments

    def _compacted(self, name: str, number: int, tables: Tables, spans: dict[int, int] | None) -> bytes:
        """A file's bytes without its superseded documents, with those a writer added to it after them, noting in
        `spans` where each stands: cut from the stored bytes (see `without_superseded`), or, when they are not as
        whosaid writes a file, from its documents parsed and encoded again."""
        file, count = tables.files[name][number]
        superseded = tables.superseded.get(file, ())
        added = tables.appended.get(name, {}).get(number, [])
        stored_count = (count or 0) - len(added) + len(superseded)
        stored = without_superseded(read_table_bytes(self.directory / file), superseded, stored_count, spans)
        if stored is None:
            return encoded_file(tables.segment_documents(name, number, keep=False), spans)
        if not added:
            return stored
        separator = b"," if stored != b"{}" else b""
        if spans is not None:
            note_spans(spans, added, len(stored) - 1 + len(separator))
        return stored[:-1] + separator + b",".join(added) + b"}"

    def _checked_bytes(self, file: str, tail: TableTail | None) -> bytes:
        """The stored bytes of a table file a write appends to, parsed first unless this process already did."""
        if tail is not None and tail.parsed:
            return read_table_bytes(self.directory / file).rstrip()
        raw = load_table_bytes(self.directory / file)[1].rstrip()
        if tail is not None:
            tail.parsed = True
        return raw

    def _remove_unused_files(self, keep: set[str]) -> None:
        """Delete table files neither the new nor the previous manifest names (readers may lag one version): those
        the version before them named, when this storage wrote it, else any in the directory (left by a writer
        that stopped before its commit, too)."""
        candidates: Iterable[str] = self._files_before if self._files_before is not None else ()
        if self._files_before is None:
            with contextlib.suppress(OSError):
                candidates = os.listdir(self.directory)
        for name in candidates:
            if name not in keep and name.endswith((".json", ".jsonl")):
                with contextlib.suppress(OSError):
                    os.unlink(self.directory / name)

    def close(self) -> None:
        """Nothing to release: no file is held open between calls."""


def lookup_file_names(entry: object) -> set[str]:
    """The lookup files a manifest's record of them names (none when it is malformed)."""
    files = entry.get("files") if isinstance(entry, dict) else None
    if not isinstance(files, list):
        return set()
    return {item[0] for item in files if isinstance(item, list) and item and isinstance(item[0], str)}


def parse_sizes(entry: object) -> dict[str, int] | None:
    """A manifest's record of its files' sizes (see SIZES_KEY), None when it is malformed."""
    if not isinstance(entry, dict):
        return None
    if not all(isinstance(size, int) and not isinstance(size, bool) and size >= 0 for size in entry.values()):
        return None
    return entry


def plural_bytes(count: int) -> str:
    """A size in words: "1 byte", "2,048 bytes"."""
    return "1 byte" if count == 1 else f"{count:,} bytes"


def parse_superseded(entry: object) -> dict[str, list[str]] | None:
    """A manifest's superseded documents by file; None when malformed."""
    if not isinstance(entry, dict):
        return None
    if not all(isinstance(ids, list) and {*map(type, ids)} <= {str} for ids in entry.values()):
        return None
    return {str(file): list(ids) for file, ids in entry.items()}


def parse_extractor_counts(entry: object) -> dict[str, int] | None:
    """A manifest's count of articles by extractor version; None when it has none (or a malformed one)."""
    if not isinstance(entry, dict):
        return None
    if not all(isinstance(key, str) and isinstance(count, int) and count >= 0 for key, count in entry.items()):
        return None
    return dict(entry)


def segment_payloads(table: dict[str, Any]) -> Iterator[tuple[bytes, int]]:
    """A table's documents as the JSON objects of its files, in order, each with its document count.

    Each document is encoded once; a file's bytes are exactly `orjson.dumps` of its documents.
    """
    pieces: list[bytes] = []
    size = 0
    for doc_id, document in table.items():
        piece = orjson.dumps(str(doc_id)) + b":" + orjson.dumps(document, default=encoded_list)
        if pieces and (len(pieces) >= SEGMENT_DOCUMENTS or size + len(piece) > SEGMENT_BYTES):
            yield b"{" + b",".join(pieces) + b"}", len(pieces)
            pieces, size = [], 0
        pieces.append(piece)
        size += len(piece) + 1
    if pieces:
        yield b"{" + b",".join(pieces) + b"}", len(pieces)


FIRST_DOCUMENT = re.compile(rb'\{"([0-9]+)":\{')
LATER_DOCUMENT = re.compile(rb',"([0-9]+)":\{')
"""Where a table file's first and later documents start, with their ids. Documents have no numeric keys of their
own, and a quote within a string is escaped, so only the file's own ids match."""


def file_spans(raw: bytes) -> Iterator[tuple[int, int, int]]:
    """Each document of a table file, as its id (a number), where its bytes start and how many they are (see
    `document_span`)."""
    first = FIRST_DOCUMENT.match(raw)
    if first is None:
        return
    doc_id, start = int(first.group(1)), first.end() - 1
    for match in LATER_DOCUMENT.finditer(raw, start):
        yield doc_id, start, match.start() - start
        doc_id, start = int(match.group(1)), match.end() - 1
    yield doc_id, start, raw.rstrip().rfind(b"}") - start


def document_start(raw: bytes, doc_id: str, after: int = 0) -> int:
    """Where the document with this id starts in a table file's bytes (-1: not found), looked for from `after`
    first: documents asked for in file order are then found in one pass over the file, not one pass each."""
    marker = b'"' + doc_id.encode("ascii") + b'":{'
    if after:
        found = raw.find(b"," + marker, after)
        if found >= 0:
            return found + len(marker)
    for before in (b",", b"{"):
        found = raw.find(before + marker)
        if found >= 0 and (before == b"," or found == 0):
            return found + len(marker)
    return -1


SPAN_MASK = 0xFFFFFFFF


def document_span(start: int, length: int) -> int:
    """Where a document stands in its file's bytes (its first byte, its length) as one integer."""
    return start << 32 | length


def bytes_in_span(path: Path, doc_id: str, span: int, handle: io.FileIO | None = None) -> bytes | None:
    """The bytes of the document with this id, read from where `span` says it stands in the file (through
    `handle`, the file open, when given), or None when they are not its (the file was written again since, or is
    gone): only its own bytes are read. The id before it and the comma or brace after it are
    checked; a quote in a string is escaped, so they match only there."""
    start, length = span >> 32, span & SPAN_MASK
    marker = b'"' + doc_id.encode("ascii") + b'":'
    before = len(marker) + 1
    if start < before:
        return None
    try:
        if handle is not None:
            raw = os.pread(handle.fileno(), before + length + 1, start - before)
        else:
            with io.FileIO(path) as opened:
                raw = os.pread(opened.fileno(), before + length + 1, start - before)
    except (OSError, ValueError):
        return None
    if len(raw) != before + length + 1 or raw[1:before] != marker or raw[:1] not in (b",", b"{"):
        return None
    return raw[before:-1] if raw[-1:] in (b",", b"}") else None


LONG_LIST_BYTES = 4096
"""A list ending a document is kept as its bytes (see `EncodedList`) from this size on."""


class EncodedList:
    """A long list of strings ending a stored document, kept as the JSON it was stored as with the strings added
    since: a writer appends to it without parsing or encoding again what is stored (an organization named in tens
    of thousands of articles lists all their keys). Encoded whole by `encoded_list`."""

    def __init__(self, stored: bytes) -> None:
        self.stored = stored
        self.added: list[str] = []

    def __bool__(self) -> bool:
        return bool(self.added) or self.stored != b"[]"

    def last(self) -> str | None:
        """The last string of the list (None when it is empty)."""
        if self.added:
            return self.added[-1]
        start = self.stored.rfind(b'"', 0, len(self.stored) - 2)
        with contextlib.suppress(orjson.JSONDecodeError):
            last = orjson.loads(self.stored[start:-1]) if start > 0 else None
            if isinstance(last, str) and self.stored[start - 1 : start] in (b"[", b","):
                return last
        stored = orjson.loads(self.stored)
        return stored[-1] if stored else None

    def append(self, value: str) -> None:
        """Add a string at the end."""
        self.added.append(value)

    def __iter__(self) -> Iterator[str]:
        yield from orjson.loads(self.stored)
        yield from self.added

    def encoded(self) -> bytes:
        """The list's JSON, exactly as `orjson.dumps` of its strings."""
        if not self.added:
            return self.stored
        separator = b"," if self.stored != b"[]" else b""
        return self.stored[:-1] + separator + orjson.dumps(self.added)[1:]


def encoded_list(value: object) -> orjson.Fragment:
    """`orjson.dumps`'s default: an `EncodedList` as the JSON it stands for."""
    if isinstance(value, EncodedList):
        return orjson.Fragment(value.encoded())
    raise TypeError(f"cannot store a {type(value).__name__}")


def parsed_document(raw: bytes, list_field: str | None) -> dict[str, Any] | None:
    """A stored document from its bytes (None when they are not one), a long `list_field` that ends it, a flat list
    of strings, kept as its bytes (see `EncodedList`)."""
    if list_field is not None and len(raw) > LONG_LIST_BYTES:
        marker = b',"' + list_field.encode("ascii") + b'":['
        start = raw.rfind(marker)
        listed = raw[start + len(marker) - 1 : -1] if start > 0 else b""
        flat = listed.find(b"]") == len(listed) - 1 and listed.rfind(b"[") == 0 and b"{" not in listed
        if flat and raw.endswith(b"]}") and len(listed) > LONG_LIST_BYTES:
            try:
                head = orjson.loads(raw[:start] + b"}")
            except orjson.JSONDecodeError:
                head = None
            if isinstance(head, dict) and list_field not in head:
                head[list_field] = EncodedList(listed)
                return head
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    return document if isinstance(document, dict) else None


def without_documents(raw: bytes, dead: list[tuple[str, int]]) -> bytes | None:
    """A table file's bytes without the documents at these spans (by id), each with the comma before it; None
    when the bytes at one of them are not that document's (the first of a file is left to the caller)."""
    pieces = []
    kept_from = 0
    for doc_id, span in sorted(dead, key=lambda pair: pair[1]):
        start, length = span >> 32, span & SPAN_MASK
        marker = b',"' + doc_id.encode("ascii") + b'":'
        cut_from = start - len(marker)
        if cut_from < kept_from or raw[cut_from:start] != marker or raw[start + length : start + length + 1] not in (
            b",",
            b"}",
        ):
            return None
        pieces.append(raw[kept_from:cut_from])
        kept_from = start + length
    pieces.append(raw[kept_from:])
    return b"".join(pieces)


def without_superseded(
    raw: bytes, superseded: Collection[str], count: int, spans: dict[int, int] | None
) -> bytes | None:
    """The bytes of a table file of `count` documents without those of the `superseded` ids, noting in `spans`,
    when given, where each document kept stands; None when the bytes are not such a file as `orjson.dumps` writes
    (then its documents are to be parsed instead). Each kept document's bytes, with its id, are copied as they are:
    the result is exactly `orjson.dumps` of the documents kept, without parsing or encoding any of them."""
    raw = raw.rstrip()
    dead = set(superseded)
    found = 0
    pieces: list[bytes] = []
    kept: dict[int, int] = {}
    position = 1
    expected = 1
    for doc_id, start, length in file_spans(raw):
        piece_start = start - len(str(doc_id)) - 3
        if piece_start != expected:
            return None
        expected = start + length + 1
        found += 1
        if str(doc_id) in dead:
            continue
        pieces.append(raw[piece_start : start + length])
        kept[doc_id] = (position + start - piece_start) << 32 | length
        position += start + length - piece_start + 1
    if expected != len(raw) or raw[-1:] != b"}" or found != count or found - len(kept) != len(dead):
        return None
    if spans is not None:
        spans.update(kept)
    return b"{" + b",".join(pieces) + b"}"


def encoded_file(documents: Mapping[str, Any], spans: dict[int, int] | None) -> bytes:
    """A file's documents as its bytes (exactly `orjson.dumps` of them), noting in `spans`, when given, where each
    document stands, by id."""
    payload = orjson.dumps(documents, default=encoded_list)
    if spans is not None:
        for doc_id, start, length in file_spans(payload):
            spans[doc_id] = document_span(start, length)
    return payload


def note_spans(spans: dict[int, int], pieces: list[bytes], position: int) -> None:
    """Note where each appended document (`pieces`, `"id":{...}`) stands in its file, by id: the first from
    `position` on, the others each after a comma."""
    for piece in pieces:
        id_end = piece.index(b'":')
        start = position + id_end + 2
        spans[int(piece[1:id_end])] = document_span(start, len(piece) - id_end - 2)
        position += len(piece) + 1


def table_directory(path: Path) -> Path:
    """Where the store at `path` keeps its table files."""
    return path.with_name(path.name + ".d")


class IndexParts(SegmentedDocuments):
    """The quote index table as readers take it: one document, its parts merged as they are read."""

    def __init__(self, *arguments: Any, **keywords: Any) -> None:
        super().__init__(*arguments, **keywords)
        self._merged: dict[str, Any] | None = None

    def __len__(self) -> int:
        return 1 if self._starts[-1] else 0

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        if index not in (0, -1) or not len(self):
            raise IndexError(index)
        if self._merged is None:
            with self._lock:
                parts = [document for number in range(len(self._files)) for document in self._part(number)]
                self._merged = merged_index(parts)
        return self._merged

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter([self[0]] if len(self) else [])


def merged_index(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """The quote index parts as one index document; one whose parts do not follow each other from the first
    quote on counts no quotes, so a reader builds the index from the quotes instead."""
    if len(parts) == 1 and not parts[0].get("shift"):
        return parts[0]
    end = 0
    for part in parts:
        end = part.get("quotes", -1) if part.get("first", 0) == end else -1
    shifts = [part.get("shift", 0) for part in parts]
    return {
        "quotes": end,
        "words": PostingsUnion([part.get("words", {}) for part in parts], shifts),
        "pairs": PostingsUnion([part.get("pairs", {}) for part in parts], shifts),
    }


class PostingsUnion(Mapping[str, str]):
    """The posting lists of several index parts as one mapping: a key's lists joined in part order.

    A stored list is the base64 of fixed-width positions, so joining the decoded bytes of consecutive parts
    (each less its part's shift, see `store.quote_index.unshifted`) gives the list of the whole; keys iterate in
    sorted order, as a single part's words do."""

    def __init__(self, parts: list[Mapping[str, str]], shifts: list[int]) -> None:
        self._parts = parts
        self._shifts = shifts
        self._keys: list[str] | None = None

    def __getitem__(self, key: str) -> str:
        from store.quote_index import unshifted

        pieces = [(part[key], shift) for part, shift in zip(self._parts, self._shifts, strict=True) if key in part]
        if not pieces:
            raise KeyError(key)
        if len(pieces) == 1 and not pieces[0][1]:
            return pieces[0][0]
        joined = b"".join(unshifted(base64.b64decode(piece), shift) for piece, shift in pieces)
        return base64.b64encode(joined).decode("ascii")

    def __iter__(self) -> Iterator[str]:
        if self._keys is None:
            self._keys = sorted(set().union(*self._parts))
        return iter(self._keys)

    def __len__(self) -> int:
        return len(list(iter(self)))
