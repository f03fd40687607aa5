"""Article full texts, read from the store only when an article is first opened."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from store.storage import TableFileMissing, Tables, load_table_file

TableReader = Callable[[], Mapping[str, Any]]


class ArticleTexts:
    """The texts table of one store version, loaded on first use and kept."""

    def __init__(self, tree: Mapping[str, Any], read_current: TableReader | None = None) -> None:
        self._inline: dict[str, Any] | None = None
        self._file = None
        if isinstance(tree, Tables) and "texts" not in tree.loaded and "texts" in tree.files:
            self._file = tree.directory / tree.files["texts"]
        elif "texts" in tree:
            self._inline = tree["texts"]
        self._read_current = read_current
        self._by_key: dict[str, str] | None = None
        self._lock = threading.Lock()

    def text_of(self, article_key: str) -> str:
        """An article's full text ("" for an article this store version does not hold)."""
        with self._lock:
            if self._by_key is None:
                self._by_key = {doc["key"]: doc["text"] for doc in self._table().values()}
            return self._by_key.get(article_key, "")

    def _table(self) -> Mapping[str, Any]:
        """The texts table: in memory, from its file, or (when a writer has since replaced that file)
        from the store's current version, which holds every text this one did."""
        if self._inline is not None:
            return self._inline
        if self._file is None:
            return {}
        try:
            return load_table_file(self._file)
        except TableFileMissing:
            if self._read_current is None:
                raise
            current = self._read_current()
            return current.get("texts", {})
