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
        self._fill(count, numbers, positions)

    @classmethod
    def of_numbers(cls, count: int, numbers: Sequence[int], first: int = 0) -> PositionRuns:
        """Each position paired with `numbers[position] - first`, a number outside 0 to `count` with none: no copy of
        a column of a million numbers (an article's or a speaker's for each quote) is made to pair them."""
        return cls.of_columns(count, numbers, range(len(numbers)), first)

    @classmethod
    def of_columns(
        cls, count: int, numbers: Sequence[int], positions: Sequence[int], first: int = 0
    ) -> PositionRuns:
        """Each of `positions` paired with the number at its index in `numbers`, less `first`: two columns paired
        without a copy of either."""
        runs = cls.__new__(cls)
        runs._fill(count, numbers, positions, first)
        return runs

    def _fill(self, count: int, numbers: Sequence[int], positions: Sequence[int], first: int = 0) -> None:
        """Pair each of `positions` with the number at its index in `numbers`, less `first`."""
        limit = first + count
        sizes = array("I", bytes(4 * count))
        for value in numbers:
            if first <= value < limit:
                sizes[value - first] += 1
        self._starts = array("I", accumulate(sizes, initial=0))
        del sizes
        filled = self._starts[:-1]
        values = array("I", bytes(4 * self._starts[-1]))
        for value, position in zip(numbers, positions, strict=True):
            if first <= value < limit:
                number = value - first
                values[filled[number]] = position
                filled[number] += 1
        self._values = values

    def in_order(self) -> array:
        """Every paired position, run after run: ordered by number, each number's in the order they came (a counting
        sort, with no key object made for each position)."""
        return self._values

    def at(self, number: int | None) -> Sequence[int]:
        """The positions paired with `number` (none for None: a key the snapshot does not hold)."""
        if number is None:
            return ()
        return self._values[self._starts[number] : self._starts[number + 1]]

    def size_at(self, number: int) -> int:
        """How many positions are paired with `number`."""
        return self._starts[number + 1] - self._starts[number]
