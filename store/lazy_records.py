"""Records made from their documents only when read, so opening a big store costs what the screen shows."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar, overload

from store.key_positions import KeyPositions

RecordT = TypeVar("RecordT")
Document = dict[str, Any]


class LazyRecords(Sequence[RecordT], Generic[RecordT]):
    """Records in a fixed order, each made from its document by `make` when first read and then kept."""

    def __init__(self, documents: Sequence[Document], make: Callable[[Document], RecordT]) -> None:
        self._documents = documents
        self._make = make
        self._records: list[RecordT | None] = [None] * len(documents)

    def __len__(self) -> int:
        return len(self._records)

    def documents(self) -> Sequence[Document]:
        """The documents the records are made from, in the same order (reading them makes no record)."""
        return self._documents

    @overload
    def __getitem__(self, index: int) -> RecordT: ...

    @overload
    def __getitem__(self, index: slice) -> list[RecordT]: ...

    def __getitem__(self, index: int | slice) -> RecordT | list[RecordT]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        record = self._records[index]
        if record is None:
            record = self._records[index] = self._make(self._documents[index])
        return record

    def __iter__(self) -> Iterator[RecordT]:
        return (self[position] for position in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)


class Selection(Sequence[RecordT], Generic[RecordT]):
    """Some of a sequence's records, by position; records are made only for the rows that are read."""

    def __init__(self, records: Sequence[RecordT], positions: Sequence[int]) -> None:
        self.records = records
        self.positions = positions

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, index: int) -> RecordT: ...

    @overload
    def __getitem__(self, index: slice) -> list[RecordT]: ...

    def __getitem__(self, index: int | slice) -> RecordT | list[RecordT]:
        if isinstance(index, slice):
            return [self.records[position] for position in self.positions[index]]
        return self.records[self.positions[index]]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)


class ArticleIndex:
    """Where each article stands among the articles' documents, by key, built when first asked for: an
    article's record, title and text are all found from its position."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self._documents = documents
        self._positions: Mapping[str, int] | None = None
        self._lock = threading.Lock()

    def positions(self) -> Mapping[str, int]:
        """Every article's position, by key."""
        if self._positions is None:
            with self._lock:
                if self._positions is None:
                    self._positions = KeyPositions([doc["key"] for doc in self._documents])
        return self._positions

    def position_of(self, key: str) -> int | None:
        """The position of the article with this key, if stored."""
        return self.positions().get(key)

    def get(self, key: str, default: str = "") -> str:
        """The title of the article with this key, or `default`."""
        position = self.position_of(key)
        return default if position is None else article_title(self._documents[position])


def article_title(document: Document) -> str:
    """An article document's title as shown everywhere."""
    return document.get("title") or "(untitled)"
