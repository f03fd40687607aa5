"""Documents kept as their compact JSON, compressed a block at a time, and parsed again when read: many times less
memory than parsed ones."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

import orjson

from store.packed_texts import PackedTexts

Document = dict[str, Any]


class PackedDocuments(Sequence[Document]):
    """Documents in a fixed order, each held as its JSON text, compressed with its neighbours (see `PackedTexts`)
    once `compress` is called: reading one parses it (a few microseconds for a person's), so a table read whole
    costs about a tenth of its parsed size, and each read gives a fresh copy."""

    def __init__(self, packed: Iterable[str], compressed: bool = True) -> None:
        self._packed: Sequence[str] = PackedTexts(packed) if compressed else list(packed)
        self.keys: list[str] = []
        """Each document's "key", in order, when `sorted_by` packed them."""
        self.names: Sequence[str] = ()
        """Each document's "name", in order and compressed, when `sorted_by` packed them: a name read alone,
        without parsing a document that may list thousands of appearances."""

    @classmethod
    def sorted_by(cls, documents: Iterable[Document], key: Callable[[Document], str]) -> PackedDocuments:
        """These documents ordered by `key`, packed as they are read (only one is held parsed at a time here) and
        compressed only by `compress` (a second's work at 200,000 people, left out of opening a store); their
        "key" and "name" fields kept in `keys` and `names`."""
        keyed = [
            (key(document), orjson.dumps(document).decode(), document["key"], document["name"])
            for document in documents
        ]
        keyed.sort(key=lambda entry: entry[0])
        packed = cls((entry[1] for entry in keyed), compressed=False)
        packed.keys = [entry[2] for entry in keyed]
        packed.names = PackedTexts(entry[3] for entry in keyed)
        return packed

    def compress(self) -> None:
        """Hold the documents compressed from now on (readers of the texts held before keep reading those)."""
        if not isinstance(self._packed, PackedTexts):
            self._packed = PackedTexts(self._packed)

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


class PackedOnRead(Sequence[Document]):
    """A table's documents read from their files as they are asked for until `read_all` packs them all (see
    `PackedDocuments`): a snapshot kept open shows its first rows from one file, and holds the table at a tenth of its
    parsed size once it has read it in the background."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self._source = documents
        """The documents as their files give them (only the last file read kept parsed)."""
        self._packed: PackedDocuments | None = None
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._source)

    def read_all(self) -> PackedDocuments:
        """Every document, packed (reading and packing them the first time)."""
        packed = self._packed
        if packed is None:
            with self._lock:
                packed = self._packed
                if packed is None:
                    packed = self._packed = PackedDocuments(orjson.dumps(doc).decode() for doc in self._source)
        return packed

    @overload
    def __getitem__(self, index: int) -> Document: ...

    @overload
    def __getitem__(self, index: slice) -> list[Document]: ...

    def __getitem__(self, index: int | slice) -> Document | list[Document]:
        packed = self._packed
        if packed is not None:
            return packed[index]
        return self._source[index]  # type: ignore[return-value]

    def __iter__(self) -> Iterator[Document]:
        packed = self._packed
        return iter(packed if packed is not None else self._source)
