"""Article full texts, read from the store only when an article's text is first needed."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from store.lazy_records import ArticleIndex


class ArticleTexts:
    """The texts and titles of one store version's articles by key.

    The texts table holds an article's text at the article's own position, so a text is found by
    reading the one file that holds it; a store where the two tables disagree is read whole instead.
    """

    def __init__(self, documents: Sequence[dict[str, Any]], articles: ArticleIndex) -> None:
        self._documents = documents
        self._articles = articles
        self._by_key: dict[str, str] | None = None
        self._lock = threading.Lock()

    def text_of(self, article_key: str) -> str:
        """An article's full text ("" for an article this store version does not hold)."""
        with self._lock:
            if self._by_key is None:
                position = self._articles.position_of(article_key)
                if position is not None and position < len(self._documents):
                    document = self._documents[position]
                    if document["key"] == article_key:
                        return document["text"]
                self._by_key = {doc["key"]: doc["text"] for doc in self._documents}
            return self._by_key.get(article_key, "")

    def title_of(self, article_key: str) -> str:
        """An article's title ("" for an article this store version does not hold)."""
        return self._articles.get(article_key, "")
