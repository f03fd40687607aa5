"""Errors the store raises, each carrying a one-line message fit for a user."""

from __future__ import annotations


class WhosaidError(Exception):
    """Base of every error whosaid reports to a user as one line."""


class ArticleError(WhosaidError):
    """An article file that cannot be read as text."""


class StoreError(WhosaidError):
    """A store file that cannot be opened, read or written; its data is left untouched."""


def shown_path(path: object) -> str:
    """A path fit for a one-line message: control and unprintable characters escaped."""
    text = str(path)
    return text if text.isprintable() else "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)
