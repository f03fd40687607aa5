"""Where each key stands in a list of keys, found by the keys' hashes in arrays: under twenty bytes a key, where a
dictionary of a key to its position costs about eighty (a big store's people, organizations and articles number
hundreds of thousands)."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence
from itertools import accumulate

HASH_BITS = 64
HASH_OFFSET = 1 << 63
"""Added to a (signed, 64-bit) hash to make it a whole number below 2**64."""


class KeyPositions(Mapping[str, int]):
    """Each key's position in `keys` (the last, for a key listed twice, as a dictionary built from them gives), read
    as a dictionary: the keys' hashes sorted, in buckets by their top bits; a lookup reads the key's bucket (about one
    hash) and checks the key listed there."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.listed = keys
        """The keys, by position."""
        hashes = [hash(key) + HASH_OFFSET for key in keys]
        order = sorted(range(len(keys)), key=hashes.__getitem__)
        self._hashes = array("Q", [hashes[position] for position in order])
        self._positions = array("I", order)
        self._shift = HASH_BITS - max(1, len(keys).bit_length())
        """Where a hash's bucket is read from: its top bits, about one key a bucket."""
        buckets = [0] * ((1 << (HASH_BITS - self._shift)) + 1)
        for value in self._hashes:
            buckets[(value >> self._shift) + 1] += 1
        self._bucket_starts = array("I", accumulate(buckets))
        """Where each bucket's hashes start in `_hashes` (they are sorted, so a bucket's are together)."""
        self._count: int | None = None
        """How many distinct keys there are, once asked."""

    def get(self, key: object, default: int | None = None) -> int | None:  # type: ignore[override]
        if not isinstance(key, str):
            return default
        wanted = hash(key) + HASH_OFFSET
        bucket = wanted >> self._shift
        hashes, positions = self._hashes, self._positions
        found = default
        for index in range(self._bucket_starts[bucket], self._bucket_starts[bucket + 1]):
            if hashes[index] == wanted and self.listed[positions[index]] == key:
                found = positions[index]
        return found

    def __getitem__(self, key: str) -> int:
        position = self.get(key)
        if position is None:
            raise KeyError(key)
        return position

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(self.listed)) if len(self) < len(self.listed) else iter(self.listed)

    def __len__(self) -> int:
        if self._count is None:
            distinct_hashes = len(set(self._hashes))
            self._count = len(self.listed) if distinct_hashes == len(self.listed) else len(set(self.listed))
        return self._count
