"""Positions that belong to numbered things (an article's quotes, the people of an organization), held as runs of
one array: a few bytes a position, where an array per thing costs some hundred bytes more, and no lookup by key of
its own (the things are numbered by the snapshot's existing lookups)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from itertools import accumulate


class PositionRuns:
    """For each of `count` numbers, the positions paired with it, ascending when the pairs come in ascending
    position order: every position in one array, grouped by number, and where each number's run starts."""

    def __init__(self, count: int, pairs: Iterable[tuple[int, int]]) -> None:
        numbers, positions = array("I"), array("I")
        for number, position in pairs:
            numbers.append(number)
            positions.append(position)
        sizes = array("I", bytes(4 * count))
        for number in numbers:
            sizes[number] += 1
        self._starts = array("I", accumulate(sizes, initial=0))
        filled = self._starts[:-1]
        values = array("I", bytes(4 * len(positions)))
        for number, position in zip(numbers, positions, strict=True):
            values[filled[number]] = position
            filled[number] += 1
        self._values = values

    def at(self, number: int | None) -> Sequence[int]:
        """The positions paired with `number` (none for None: a key the snapshot does not hold)."""
        if number is None:
            return ()
        return self._values[self._starts[number] : self._starts[number + 1]]

    def size_at(self, number: int) -> int:
        """How many positions are paired with `number`."""
        return self._starts[number + 1] - self._starts[number]
