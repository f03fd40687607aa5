"""TinyDB storage that never leaves a half-written store and reads only the tables it needs."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any

import orjson
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import Storage

from store.errors import StoreError, shown_path

FileStamp = tuple[int, int, int]
MANIFEST_KEY = "whosaid"


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
        reason = "the disk is full" if error.errno == errno.ENOSPC else error.strerror
        message = f"{shown_path(path)}: cannot write the store ({reason}); the previous store is intact"
        raise StoreError(message) from None


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
    """One table's documents from its file."""
    try:
        table = orjson.loads(path.read_bytes())
    except FileNotFoundError:
        raise TableFileMissing(path) from None
    except OSError as error:
        raise StoreError(f"{shown_path(path)}: cannot read the store ({error.strerror})") from None
    except orjson.JSONDecodeError:
        raise StoreError(f"{shown_path(path)}: damaged table file; the store cannot be read") from None
    if not isinstance(table, dict):
        raise StoreError(f"{shown_path(path)}: not a table of the store")
    return table


class Tables(MutableMapping[str, dict[str, Any]]):
    """The store's tables as TinyDB sees them: each table's file is read only when first used."""

    def __init__(self, directory: Path, files: dict[str, str], schema: int, inline: dict[str, Any] | None = None):
        self.directory = directory
        self.files = dict(files)
        self.schema = schema
        self.loaded: dict[str, dict[str, Any]] = dict(inline or {})
        self.changed: set[str] = set(self.loaded)
        self.dropped: set[str] = set()

    def file_size(self, name: str) -> int:
        """Bytes in the file of a table not yet read (0 when it is gone)."""
        try:
            return (self.directory / self.files[name]).stat().st_size
        except OSError:
            return 0

    def __getitem__(self, name: str) -> dict[str, Any]:
        if name not in self.loaded:
            if name not in self.files:
                raise KeyError(name)
            self.loaded[name] = load_table_file(self.directory / self.files[name])
        return self.loaded[name]

    def __setitem__(self, name: str, table: dict[str, Any]) -> None:
        self.loaded[name] = table
        self.changed.add(name)
        self.dropped.discard(name)

    def __delitem__(self, name: str) -> None:
        if name not in self.loaded and name not in self.files:
            raise KeyError(name)
        self.loaded.pop(name, None)
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

    def read(self) -> Tables | None:
        """The tables of the store's current version, or None when there is no store yet."""
        tree = load_document_tree(self.path)
        if tree is None:
            return None
        header = tree.get(MANIFEST_KEY)
        if header is None:
            return Tables(self.directory, {}, schema=1, inline=tree)
        if not isinstance(header.get("tables"), dict) or not isinstance(header.get("generation"), int):
            raise StoreError(f"{shown_path(self.path)}: damaged store manifest; pass another --db")
        self._generation = header["generation"]
        self._files_in_use = set(header["tables"].values())
        return Tables(self.directory, header["tables"], schema=header.get("schema", 0))

    def write(self, data: Mapping[str, dict[str, Any]]) -> None:
        """Write the changed tables to new files, then commit them by replacing the manifest."""
        tables = data if isinstance(data, Tables) else Tables(self.directory, {}, self.schema, inline=dict(data))
        generation = self._generation + 1
        files = {name: file for name, file in tables.files.items() if name not in tables.dropped}
        written: list[Path] = []
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            for name in sorted(tables.changed):
                file_name = f"{name}.{generation}.json"
                written.append(self.directory / file_name)
                write_durably(written[-1], orjson.dumps(tables.loaded[name]))
                files[name] = file_name
            manifest = {MANIFEST_KEY: {"schema": self.schema, "generation": generation, "tables": files}}
            write_atomically(self.path, orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
        except (OSError, StoreError) as error:
            for path in written:
                with contextlib.suppress(OSError):
                    path.unlink()
            if isinstance(error, StoreError):
                raise
            reason = "the disk is full" if error.errno == errno.ENOSPC else error.strerror
            raise StoreError(
                f"{shown_path(self.path)}: cannot write the store ({reason}); the previous store is intact"
            ) from None
        self._remove_unused_files(keep=set(files.values()) | self._files_in_use)
        self._generation = generation
        self._files_in_use = set(files.values())
        tables.files, tables.changed, tables.dropped, tables.schema = files, set(), set(), self.schema

    def _remove_unused_files(self, keep: set[str]) -> None:
        """Delete table files neither the new nor the previous manifest names (readers may lag one version)."""
        with contextlib.suppress(OSError):
            for entry in self.directory.iterdir():
                if entry.name not in keep and entry.suffix == ".json":
                    with contextlib.suppress(OSError):
                        entry.unlink()

    def close(self) -> None:
        """Nothing to release: no file is held open between calls."""


def table_directory(path: Path) -> Path:
    """Where the store at `path` keeps its table files."""
    return path.with_name(path.name + ".d")


class BatchedWrites(CachingMiddleware):
    """Keeps every change of a transaction in memory until `flush()` writes them as one file."""

    WRITE_CACHE_SIZE = 2**62
