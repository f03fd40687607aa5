"""Reading article files as text, refusing what is not text with a one-line reason."""

from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import BinaryIO

from store.errors import ArticleError, shown_path

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIXES = (".txt", ".md")


def decode_article(raw: bytes, name: str) -> str:
    """Text of an article's bytes: UTF-8 (BOM optional) or UTF-16 with a BOM; newlines made LF."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ArticleError(f"{name}: damaged UTF-16 text") from None
    else:
        if b"\x00" in raw:
            raise ArticleError(f"{name}: binary file (contains NUL bytes), not an article")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ArticleError(
                f"{name}: not UTF-8 text (byte 0x{raw[error.start]:02X} at offset {error.start}); "
                "convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8"
            ) from None
    if "\x00" in text:
        raise ArticleError(f"{name}: binary file (contains NUL characters), not an article")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{name}: empty article (no text)")
    return text


def read_article_file(path: Path) -> str:
    """The text of the article at `path`, or an ArticleError saying why it cannot be read."""
    return decode_article(read_bytes(path, MAX_ARTICLE_BYTES), shown_path(path))


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of an input file of at most `limit` bytes, or an ArticleError saying why it cannot be read."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise ArticleError(f"{shown_path(path)}: too large ({size} bytes; the limit is {limit})")
            data = handle.read(limit + 1)  # a pipe or a device (`<(…)`, /dev/zero) says no size: read up to the limit
            if len(data) > limit:
                raise ArticleError(f"{shown_path(path)}: too large (the limit is {limit} bytes)")
            return data
    except IsADirectoryError:
        raise ArticleError(f"{shown_path(path)}: is a directory, not an article file") from None
    except FileNotFoundError:
        raise ArticleError(f"{shown_path(path)}: no such file") from None
    except OSError as error:
        if os.path.isdir(path):
            raise ArticleError(f"{shown_path(path)}: is a directory, not an article file") from None
        raise ArticleError(f"{shown_path(path)}: cannot read ({error.strerror})") from None


def read_stream_bytes(stream: BinaryIO, name: str, limit: int) -> bytes:
    """The bytes of a stream (standard input), read whole up to `limit`."""
    try:
        data = stream.read(limit + 1)
    except OSError as error:
        raise ArticleError(f"{name}: cannot read ({error.strerror})") from None
    if len(data) > limit:
        raise ArticleError(f"{name}: too large (the limit is {limit} bytes)")
    return data
