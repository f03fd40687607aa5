"""Errors the store raises, each carrying a one-line message fit for a user."""

from __future__ import annotations


class WhosaidError(Exception):
    """Base of every error whosaid reports to a user as one line."""


class ArticleError(WhosaidError):
    """An article file that cannot be read as text."""


class StoreError(WhosaidError):
    """A store file that cannot be opened, read or written; its data is left untouched."""


CHANGED_WHILE_READ = "the store changed while it was read; run the command again"
"""Why a reader stopped: a writer took away files of the version of the store it was reading."""


def shown_path(path: object) -> str:
    """A path fit for a one-line message: bytes of a name that are not UTF-8 written as `storable_name` writes
    them, control and unprintable characters escaped."""
    text = storable_name(str(path))
    return text if text.isprintable() else "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


def storable_name(name: str) -> str:
    """A file name as stored and printed: the bytes of one that is not UTF-8 (read as lone surrogates) written as
    escapes ("caf\\xe9.txt"), the same each time the name is read."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return name
