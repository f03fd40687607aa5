"""Where each key stands in a list of keys, found by the keys' hashes in two arrays: twelve bytes a key, where a
dictionary of a key to its position costs about eighty (a big store's people, organizations and articles number
hundreds of thousands)."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence


class KeyPositions(Mapping[str, int]):
    """Each key's position in `keys` (the last, for a key listed twice, as a dictionary built from them gives), read
    as a dictionary: a lookup is a binary search over the keys' hashes, checked against the key listed there."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.listed = keys
        """The keys, by position."""
        order = sorted(range(len(keys)), key=lambda position: hash(keys[position]))
        self._hashes = array("q", [hash(keys[position]) for position in order])
        self._positions = array("I", order)
        self._count = len(set(keys)) if len(keys) < 2 or len(set(self._hashes)) < len(keys) else len(keys)

    def get(self, key: object, default: int | None = None) -> int | None:  # type: ignore[override]
        if not isinstance(key, str):
            return default
        wanted = hash(key)
        hashes, positions, keys = self._hashes, self._positions, self.listed
        index = bisect_left(hashes, wanted)
        found = default
        while index < len(hashes) and hashes[index] == wanted:
            position = positions[index]
            if keys[position] == key:
                found = position
            index += 1
        return found

    def __getitem__(self, key: str) -> int:
        position = self.get(key)
        if position is None:
            raise KeyError(key)
        return position

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys(self.listed)) if self._count < len(self.listed) else iter(self.listed)

    def __len__(self) -> int:
        return self._count
