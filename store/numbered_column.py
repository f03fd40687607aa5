"""A column of strings by position, each held as a number of four bytes into a numbering the snapshot already has
(people and organizations for speakers, articles for article keys) instead of a reference to one of hundreds of
thousands of strings; the few strings outside the numbering, by a number past it."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import overload

RECENT_CODES = 65536
"""Codes of strings put lately kept at most (see `NumberedColumn._recent`)."""


class NumberedColumn(Sequence[str | None]):
    """Strings (or None) by position: 0 for None, 1 + a string's number for one `number_of` knows, and past those a
    string it does not know, kept in `_others`."""

    def __init__(
        self,
        number_of: Callable[[str], int | None],
        numbered: Callable[[int], str],
        numbered_count: int,
        size: int = 0,
    ) -> None:
        """The numbering (a string's number, the string of a number, how many numbers there are) and how many
        positions the column has, all None until `put_many`."""
        self.number_of = number_of
        """The numbering's number of a string (None outside it)."""
        self._numbered = numbered
        self.numbered_count = numbered_count
        """How many codes stand for numbered strings."""
        self.codes = array("I", bytes(4 * size))
        """Each position's code (sized once: a growing array of a million codes would be copied as it grew)."""
        self._others: list[str] = []
        self._other_codes: dict[str, int] = {}
        self._recent: dict[str, int] = {}
        """Codes of strings put lately: neighbouring positions share strings (an article's quotes, its speakers),
        and a numbering may be slower to ask than a dictionary."""

    def put_many(self, start: int, values: Sequence[str | None]) -> None:
        """Set the strings at the positions from `start` on (past the last: added)."""
        codes, recent, code_of = self.codes, self._recent, self.code_of
        missing = start + len(values) - len(codes)
        if missing > 0:
            codes.frombytes(bytes(4 * missing))
        for position, value in enumerate(values, start):
            code = recent.get(value)  # type: ignore[arg-type]
            if code is None:
                if len(recent) >= RECENT_CODES:
                    recent.clear()
                code = recent[value] = code_of(value, add=True)  # type: ignore[index,assignment]
            codes[position] = code  # type: ignore[assignment]

    def keep_first(self, length: int) -> None:
        """Drop every position from `length` on, and forget the codes put lately (the column is whole)."""
        del self.codes[length:]
        self._recent = {}

    def code_of(self, value: str | None, add: bool = False) -> int | None:
        """A string's code (None for an unnumbered string never put, unless `add`)."""
        if not value:
            return 0
        number = self.number_of(value)
        if number is not None:
            return number + 1
        code = self._other_codes.get(value)
        if code is None and add:
            self._others.append(value)
            code = self._other_codes[value] = self.numbered_count + len(self._others)
        return code

    def codes_of(self, values: Iterable[str | None]) -> set[int]:
        """The codes of those of these strings the column may hold (a set to test `codes` against)."""
        return {code for code in map(self.code_of, values) if code is not None}

    def numbers(self, outside: int) -> array:
        """Each position's number in the numbering, `outside` for None or a string outside it."""
        numbered = self.numbered_count
        return array("I", (code - 1 if 0 < code <= numbered else outside for code in self.codes))

    def unnumbered_positions(self) -> list[int]:
        """The positions of the strings outside the numbering, ascending."""
        if not self._others:
            return []
        numbered = self.numbered_count
        return [position for position, code in enumerate(self.codes) if code > numbered]

    def __len__(self) -> int:
        return len(self.codes)

    @overload
    def __getitem__(self, index: int) -> str | None: ...

    @overload
    def __getitem__(self, index: slice) -> list[str | None]: ...

    def __getitem__(self, index: int | slice) -> str | None | list[str | None]:
        if isinstance(index, slice):
            return [self._value(code) for code in self.codes[index]]
        return self._value(self.codes[index])

    def __iter__(self) -> Iterator[str | None]:
        return map(self._value, self.codes)

    def _value(self, code: int) -> str | None:
        if not code:
            return None
        if code <= self.numbered_count:
            return self._numbered(code - 1)
        return self._others[code - self.numbered_count - 1]
