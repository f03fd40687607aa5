"""TinyDB storage that never leaves a half-written store: whole-file JSON, replaced by rename."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import Any

import orjson
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import Storage

from store.errors import StoreError, shown_path

FileStamp = tuple[int, int, int]


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


class AtomicJSONStorage(Storage):
    """Whole-file JSON storage for TinyDB: parsed on read, replaced by one rename on write."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, Any] | None:
        """The document tree of the file, or None when there is no store yet."""
        return load_document_tree(self.path)

    def write(self, data: dict[str, Any]) -> None:
        """Write the whole tree atomically."""
        write_atomically(self.path, orjson.dumps(data))

    def close(self) -> None:
        """Nothing to release: no file is held open between calls."""


class BatchedWrites(CachingMiddleware):
    """Keeps every change of a transaction in memory until `flush()` writes them as one file."""

    WRITE_CACHE_SIZE = 2**62
