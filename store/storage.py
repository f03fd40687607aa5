"""TinyDB storage that never leaves a half-written store and reads only the tables it needs."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from itertools import accumulate
from pathlib import Path
from typing import Any, overload

import orjson
from tinydb.middlewares import CachingMiddleware
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

Segment = tuple[str, "int | None"]
"""One file of a table and how many documents it holds (None in a store written before segments)."""


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


def write_durably(path: Path, payload: bytes) -> None:
    """Write a new file and flush it to disk (it is not referenced by anything until the manifest is)."""
    with open(path, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())


class TableFileMissing(StoreError):
    """A table file named by the manifest is gone: a writer replaced it since the manifest was read."""

    def __init__(self, path: Path) -> None:
        self.path_shown = shown_path(path)
        super().__init__(f"{self.path_shown}: table file missing; the store changed while it was read")


def load_table_file(path: Path) -> dict[str, Any]:
    """One table file's documents."""
    return load_table_bytes(path)[0]


def load_table_bytes(path: Path) -> tuple[dict[str, Any], bytes]:
    """One table file's documents, and the bytes they were parsed from."""
    try:
        raw = path.read_bytes()
        table = orjson.loads(raw)
    except FileNotFoundError:
        raise TableFileMissing(path) from None
    except OSError as error:
        raise StoreError(f"{shown_path(path)}: cannot read the store ({error.strerror})") from None
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


class SegmentedDocuments(Sequence[dict[str, Any]]):
    """A table's documents in order, each file parsed only when a document in it is first read.

    When a writer has since removed a file (it keeps the previous version's files only), the
    documents are taken from the store's current version, where appended tables keep their order,
    unless articles were removed since (their documents moved): then TableFileMissing is raised.
    """

    def __init__(
        self,
        directory: Path,
        name: str,
        segments: list[Segment],
        read_current: TablesReader | None,
        generation: int = 0,
    ):
        self._generation = generation
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

    def read_all(self) -> None:
        """Parse every file now (raising StoreError for a damaged one), so later reads never touch the disk."""
        for number in range(len(self._files)):
            self._part(number)

    def _part(self, number: int) -> list[dict[str, Any]]:
        part = self._parts[number]
        if part is None:
            with self._lock:
                part = self._parts[number]
                if part is None:
                    part = self._parts[number] = self._read_part(number)
        return part

    def _read_part(self, number: int) -> list[dict[str, Any]]:
        try:
            return list(load_table_file(self._directory / self._files[number]).values())
        except TableFileMissing:
            if self._read_current is None or len(self._starts) <= number + 1:
                raise
            current = self._read_current()
            if isinstance(current, Tables) and current.removed_at > self._generation:
                raise
            documents = current.documents(self._name) if isinstance(current, Tables) else []
            start, end = self._starts[number], self._starts[number + 1]
            if len(documents) < end:
                raise
            return list(documents[start:end])


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
    ):
        self.directory = directory
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

    def file_size(self, name: str, segments: int | None = None) -> int:
        """Bytes in the files (or the first `segments` files) of a table not yet read."""
        total = 0
        for file, _ in self.files.get(name, [])[:segments]:
            with contextlib.suppress(OSError):
                total += (self.directory / file).stat().st_size
        return total

    def documents(self, name: str, read_current: TablesReader | None = None) -> Sequence[dict[str, Any]]:
        """A table's documents in order, its files parsed only as documents in them are read."""
        if name in self.loaded:
            return list(self.loaded[name].values())
        if name not in self.files:
            return []
        return SegmentedDocuments(self.directory, name, self.files[name], read_current, self.generation)

    def __getitem__(self, name: str) -> dict[str, Any]:
        if name not in self.loaded:
            if name not in self.files:
                raise KeyError(name)
            table: dict[str, Any] = {}
            raws = []
            for file, _ in self.files[name]:
                part, raw = load_table_bytes(self.directory / file)
                table.update(part)
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
        self._generation = 0
        self._removed_at = 0

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
        segments: dict[str, list[Segment]] = files  # type: ignore[assignment]
        self._files_in_use = {file for table in segments.values() for file, _ in table}
        removed_at = header.get("removed_at", 0)
        self._removed_at = removed_at if isinstance(removed_at, int) else 0
        tables = Tables(self.directory, segments, schema, generation=self._generation, removed_at=self._removed_at)
        tables.extractors = parse_extractor_counts(header.get("extractors"))
        return tables

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
        files = {name: file for name, file in tables.files.items() if name not in tables.dropped}
        written: list[Path] = []
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            for name in sorted(tables.changed):
                files[name] = self._write_segments(name, tables, generation, written)
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
            write_atomically(self.path, orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
        except (OSError, StoreError) as error:
            for path in written:
                with contextlib.suppress(OSError):
                    path.unlink()
            if isinstance(error, StoreError):
                raise
            raise write_failure(self.path, error) from None
        in_use = {file for segments in files.values() for file, _ in segments}
        self._remove_unused_files(keep=in_use | self._files_in_use)
        self._generation, self._removed_at = generation, removed_at
        self._files_in_use = in_use
        tables.files, tables.changed, tables.dropped, tables.schema = files, set(), set(), self.schema
        tables.generation, tables.removed_at, tables.removing = generation, removed_at, False

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

    def _remove_unused_files(self, keep: set[str]) -> None:
        """Delete table files neither the new nor the previous manifest names (readers may lag one version)."""
        with contextlib.suppress(OSError):
            for entry in self.directory.iterdir():
                if entry.name not in keep and entry.suffix == ".json":
                    with contextlib.suppress(OSError):
                        entry.unlink()

    def close(self) -> None:
        """Nothing to release: no file is held open between calls."""


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
        piece = orjson.dumps(str(doc_id)) + b":" + orjson.dumps(document)
        if pieces and (len(pieces) >= SEGMENT_DOCUMENTS or size + len(piece) > SEGMENT_BYTES):
            yield b"{" + b",".join(pieces) + b"}", len(pieces)
            pieces, size = [], 0
        pieces.append(piece)
        size += len(piece) + 1
    if pieces:
        yield b"{" + b",".join(pieces) + b"}", len(pieces)


def table_directory(path: Path) -> Path:
    """Where the store at `path` keeps its table files."""
    return path.with_name(path.name + ".d")


class BatchedWrites(CachingMiddleware):
    """Keeps every change of a transaction in memory until `flush()` writes them as one file."""

    WRITE_CACHE_SIZE = 2**62

    def read(self) -> Any:
        """The tables as cached; a store not written yet starts as empty tables, so a writer can note what the
        manifest records (see `Tables.extractors`) from its first write."""
        if self.cache is None:
            self.cache = self.storage.read()
            if self.cache is None and isinstance(self.storage, TableFilesStorage):
                self.cache = Tables(self.storage.directory, {}, self.storage.schema)
        return self.cache
