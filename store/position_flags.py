"""Sets of quote positions held as a byte a position: a million positions in a megabyte, where a set of int objects
takes some sixty (a search that matches most of a big store)."""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable, Sequence
from itertools import compress, repeat


def marked(size: int, positions: Iterable[int]) -> bytearray:
    """A byte for each of `size` positions, 1 at these: a set of a million positions in a megabyte, where a set of
    int objects takes some sixty."""
    flags = bytearray(size)
    mark(flags, positions)
    return flags


def mark(flags: bytearray, positions: Iterable[int]) -> None:
    """Set these positions' bytes to 1 (in one pass in C)."""
    deque(map(flags.__setitem__, positions, repeat(1)), maxlen=0)


def union_of(size: int, *runs: Sequence[int]) -> array:
    """The positions (below `size`) in any of these runs, ascending: through a set when they are few, else through a
    byte for each position (a set of a million int objects takes some sixty megabytes)."""
    if sum(map(len, runs)) * 16 < size:
        return array("I", sorted(set().union(*runs)))
    flags = bytearray(size)
    for run in runs:
        mark(flags, run)
    return array("I", compress(range(size), flags))


def common_to(runs: Sequence[Sequence[int]]) -> array:
    """The positions in every one of these runs, ascending (the runs ascending, the shortest first)."""
    found = array("I", runs[0]) if runs else array("I")
    for run in runs[1:]:
        if not found:
            break
        flags = marked(max(found[-1], run[-1] if len(run) else 0) + 1, run)
        found = array("I", compress(found, map(flags.__getitem__, found)))
    return found
