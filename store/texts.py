"""Article full texts, read from the store only when an article is first opened."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

TableReader = Callable[[], Mapping[str, Any]]


class ArticleTexts:
    """The texts and titles of one store version's articles by key, each read on first use and kept."""

    def __init__(self, documents: Sequence[dict[str, Any]], titles: Titles) -> None:
        self._documents = documents
        self._titles = titles
        self._by_key: dict[str, str] | None = None
        self._lock = threading.Lock()

    def text_of(self, article_key: str) -> str:
        """An article's full text ("" for an article this store version does not hold)."""
        with self._lock:
            if self._by_key is None:
                self._by_key = {doc["key"]: doc["text"] for doc in self._documents}
            return self._by_key.get(article_key, "")

    def title_of(self, article_key: str) -> str:
        """An article's title ("" for an article this store version does not hold)."""
        return self._titles.get(article_key, "")


class Titles(Protocol):
    """Article titles by article key."""

    def get(self, key: str, default: str = "") -> str: ...
