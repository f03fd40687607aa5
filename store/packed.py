"""Documents kept as their compact JSON and parsed again when read: a few times less memory than parsed ones."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

import orjson

Document = dict[str, Any]


class PackedDocuments(Sequence[Document]):
    """Documents in a fixed order, each held as its JSON text: reading one parses it (about a microsecond for a
    person's), so a table read whole costs a third of its parsed size, and each read gives a fresh copy.

    The text is a copy of orjson's output, whose buffer keeps the few kilobytes it started with."""

    def __init__(self, packed: list[str]) -> None:
        self._packed = packed

    @classmethod
    def sorted_by(cls, documents: Iterable[Document], key: Callable[[Document], str]) -> PackedDocuments:
        """These documents ordered by `key`, packed as they are read (only one is held parsed at a time here)."""
        keyed = [(key(document), orjson.dumps(document).decode()) for document in documents]
        keyed.sort(key=lambda pair: pair[0])
        return cls([packed for _, packed in keyed])

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> Document: ...

    @overload
    def __getitem__(self, index: slice) -> list[Document]: ...

    def __getitem__(self, index: int | slice) -> Document | list[Document]:
        if isinstance(index, slice):
            return [orjson.loads(packed) for packed in self._packed[index]]
        return orjson.loads(self._packed[index])

    def __iter__(self) -> Iterator[Document]:
        return map(orjson.loads, self._packed)
