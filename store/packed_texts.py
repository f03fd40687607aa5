"""Texts held compressed a block at a time: every quote of a big store kept at about a third of its size, each read
back in microseconds."""

from __future__ import annotations

import threading
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

BLOCK_TEXTS = 16
"""Texts compressed together: enough for zlib to find the words they share, few enough that reading one alone
(a speaker's quotes lie anywhere in the store) decompresses little: at 100,000 articles, grouping every quote's
copies took 15 s of processor with blocks of 16 texts against 24 s with blocks of 64, for 17% more memory."""
DICTIONARY_BYTES = 32768
"""The most of the first block's text kept as the dictionary of the others (zlib's window)."""
BLOCKS_KEPT = 128
"""Blocks kept decompressed: readers go through the texts mostly in order (a screen, a speaker's quotes)."""


class PackedTexts(Sequence[str]):
    """Texts in a fixed order, compressed (zlib) in blocks of BLOCK_TEXTS: reading one decompresses its block unless
    it was among the last read."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self._blocks: list[bytes] = []
        self._dictionary = b""
        """The first block's text, which zlib is given as a preset dictionary for every later block: texts of one
        kind share words and fields, and a block of 16 short texts has too little of its own to draw on (a fifth
        smaller at 100,000 articles, at no cost in time)."""
        self._ends = array("I")
        """Where each text ends in its block's decompressed text (its start: the end of the one before, or 0): four
        bytes a text, as a block of BLOCK_TEXTS texts is far shorter than 4 G characters."""
        self._pending: list[str] = []
        self._kept: OrderedDict[int, str] = OrderedDict()
        self._lock = threading.Lock()
        for text in texts:
            self.append(text)
        self.close()

    def append(self, text: str) -> None:
        """Add a text at the end (readable once `close` has packed the last block)."""
        self._pending.append(text)
        if len(self._pending) == BLOCK_TEXTS:
            self._pack()

    def close(self) -> None:
        """Pack the texts added since the last whole block."""
        if self._pending:
            self._pack()

    def _pack(self) -> None:
        end = 0
        for text in self._pending:
            end += len(text)
            self._ends.append(end)
        text = "".join(self._pending).encode("utf-8", "surrogatepass")
        if self._blocks:
            packer = zlib.compressobj(1, zdict=self._dictionary)
            self._blocks.append(packer.compress(text) + packer.flush())
        else:
            self._dictionary = text[-DICTIONARY_BYTES:]
            self._blocks.append(zlib.compress(text, 1))
        self._pending = []

    def _unpacked(self, number: int) -> str:
        """A block's texts, joined, decompressed."""
        if not number:
            return zlib.decompress(self._blocks[0]).decode("utf-8", "surrogatepass")
        unpacker = zlib.decompressobj(zdict=self._dictionary)
        return unpacker.decompress(self._blocks[number]).decode("utf-8", "surrogatepass")

    def __len__(self) -> int:
        return len(self._ends)

    def _block(self, number: int) -> str:
        """A block's texts, joined, decompressed (or kept from a recent read)."""
        with self._lock:
            block = self._kept.get(number)
            if block is not None:
                self._kept.move_to_end(number)
                return block
        block = self._unpacked(number)
        with self._lock:
            self._kept[number] = block
            if len(self._kept) > BLOCKS_KEPT:
                self._kept.popitem(last=False)
        return block

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self._ends):
            raise IndexError("text index out of range")
        number, first = divmod(index, BLOCK_TEXTS)
        start = self._ends[index - 1] if first else 0
        return self._block(number)[start : self._ends[index]]

    def __iter__(self) -> Iterator[str]:
        for number in range(len(self._blocks)):
            block = self._unpacked(number)
            first = number * BLOCK_TEXTS
            start = 0
            for end in self._ends[first : first + BLOCK_TEXTS]:
                yield block[start:end]
                start = end

    def many(self, positions: Sequence[int]) -> list[str]:
        """The texts at these positions, in their order, each block decompressed once (read in stored order)."""
        found: dict[int, str] = {}
        block_number, block = -1, ""
        ends = self._ends
        for position in sorted(set(positions)):
            number, first = divmod(position, BLOCK_TEXTS)
            if number != block_number:
                block_number, block = number, self._block(number)
            found[position] = block[ends[position - 1] if first else 0 : ends[position]]
        return [found[position] for position in positions]
