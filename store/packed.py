"""Documents kept as their compact JSON, compressed a block at a time, and parsed again when read: many times less
memory than parsed ones."""

from __future__ import annotations

import threading
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate
from typing import Any, overload

import orjson

from store.packed_texts import PackedTexts
from store.quote_groups import QUOTES_APART

Document = dict[str, Any]


class PackedDocuments(Sequence[Document]):
    """Documents in a fixed order, each held as its JSON text, compressed with its neighbours (see `PackedTexts`)
    once `compress` is called: reading one parses it (a few microseconds for a person's), so a table read whole
    costs about a tenth of its parsed size, and each read gives a fresh copy."""

    def __init__(self, packed: Iterable[str], compressed: bool = True) -> None:
        self._packed: Sequence[str] = PackedTexts(packed) if compressed else list(packed)
        self.keys: Sequence[str] = ()
        """Each document's "key", in order, when `sorted_by` packed them."""
        self.names: Sequence[str] = ()
        """Each document's "name", in order and compressed, when `sorted_by` packed them: a name read alone,
        without parsing a document that may list thousands of appearances."""
        self.quotes_apart = bytearray()
        """For each document, in order, when `sorted_by` packed them: 1 where the writer marked its quotes all
        apart (see `store.quote_groups.QUOTES_APART`)."""

    @classmethod
    def sorted_by(cls, documents: Iterable[Document], key: Callable[[Document], str]) -> PackedDocuments:
        """These documents ordered by `key`, their JSON gathered in one buffer as they are read (only one is held
        parsed at a time here, and no string is kept for each) and compressed only by `compress` (a second's work
        at 200,000 people, left out of opening a store); their "key" and "name" fields kept in `keys` and
        `names`."""
        gathered = bytearray()
        ends = array("Q")
        sort_keys: list[str] = []
        keys: list[str] = []
        names: list[str] = []
        apart = bytearray()
        for document in documents:
            gathered += orjson.dumps(document)
            ends.append(len(gathered))
            sort_keys.append(key(document))
            keys.append(document["key"])
            names.append(document["name"])
            apart.append(document.get(QUOTES_APART) is True)
        order = array("I", sorted(range(len(sort_keys)), key=sort_keys.__getitem__))
        del sort_keys
        packed = cls((), compressed=False)
        packed._packed = GatheredTexts(gathered, ends, order)
        packed.keys = GatheredTexts.joined(keys[position] for position in order)
        del keys
        packed.names = PackedTexts(names[position] for position in order)
        packed.quotes_apart = bytearray(apart[position] for position in order)
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


class GatheredTexts(Sequence[str]):
    """Texts held as their UTF-8 bytes one after another in one buffer, with where each ends, read in a given order
    (else in the order gathered): one allocation, given back whole when dropped, where a string apiece (about
    300,000 people's and organizations' documents and keys) cost fifty bytes more each and left the allocator's
    small-object pools scattered with the few strings kept beside them."""

    def __init__(self, gathered: bytes | bytearray, ends: array, order: array | None = None) -> None:
        self._gathered = gathered
        self._ends = ends
        """Where each text ends in `_gathered`, in the order they were gathered."""
        self._order = order
        """Which gathered text stands at each position (None: the one gathered there)."""

    @classmethod
    def joined(cls, texts: Iterable[str]) -> GatheredTexts:
        """These texts gathered in their order."""
        encoded = [text.encode("utf-8", "surrogatepass") for text in texts]
        return cls(b"".join(encoded), array("Q", accumulate(map(len, encoded))))

    def __len__(self) -> int:
        return len(self._ends if self._order is None else self._order)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
            if index < 0:
                raise IndexError("text index out of range")
        gathered = index if self._order is None else self._order[index]
        start = self._ends[gathered - 1] if gathered else 0
        return self._gathered[start : self._ends[gathered]].decode("utf-8", "surrogatepass")


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
