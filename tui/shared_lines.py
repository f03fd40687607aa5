"""A big search's last lines made by two processes at once: once the store is read whole for the rest of a listing,
the process forks; the copy finds and prints the first half of the rest while this one finds and makes the second
half, held until the copy has printed its own. At 100,000 articles making the lines of half the store's quotes
takes most of a search's time, and the second core of a machine is otherwise idle."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.cli import Lines, QuoteLines

SHARED_AT_LEAST = 20_000
"""The fewest lines of a rest worth sharing: below, forking and waiting cost more than half the lines save."""
CHILD_READER_GONE = 141
"""The copy's exit status when the reader of the output went away (as a shell reports SIGPIPE)."""
CHILD_CANNOT_WRITE = 2
"""The copy's exit status when standard output could not be written (a full disk)."""
CHILD_FAILED = 3
"""The copy's exit status when it could not make its lines."""


def usable_cores() -> int:
    """How many cores this process may run on (the scheduler's affinity where known)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _on_descriptor() -> bool:
    """Whether standard output writes to a descriptor a forked copy writes to as well (not an object in memory)."""
    try:
        return sys.stdout.fileno() >= 0
    except (OSError, ValueError, AttributeError):
        return False


class SharedRest:
    """Splits the rest of a listing between this process and a forked copy, once: by its entries' positions before
    they are found (`entries`), so that both group copies too, or by the entries found (`__call__`); and ends the
    copy once its lines are out (`end_if_copy`), telling this process how many it printed."""

    def __init__(self, lines: QuoteLines, output: Lines) -> None:
        self._lines = lines
        self._output = output
        self.in_copy = False
        """Whether this is the forked copy, which prints the first half of the rest and nothing else."""
        self.forked = False
        """Whether the rest was split already (in either process)."""
        self._count_to: int | None = None
        """In the copy, the descriptor it tells the other process how many lines it made through."""
        self._made_before = 0
        """In the copy, the lines made before the split (this process counts them)."""

    def entries(self, positions: Sequence[int], entries_of: Callable[[Sequence[int]], Iterator[int]]) -> Iterator[int]:
        """The entries this process lists of those `entries_of` finds among `positions` (ascending): the first half of
        the positions' in the copy, the second half's here, or all of them when sharing would not pay."""
        half = self._forked_half(len(positions))
        if half is None:
            return entries_of(positions)
        return entries_of(positions[:half] if self.in_copy else positions[half:])

    def __call__(self, entries: Iterable[int]) -> Iterable[int]:
        """The entries of the rest this process makes lines for: the first half in the copy, the second here, or
        all of them when they were split already or sharing would not pay."""
        if self.forked:
            return entries
        listed = list(entries)
        half = self._forked_half(len(listed))
        if half is None:
            return listed
        return listed[:half] if self.in_copy else listed[half:]

    def _forked_half(self, count: int) -> int | None:
        """Fork once the lines made so far are out, when `count` lines are worth sharing: where the copy's half
        ends, or None when not forked (few, one core, no fork, output held in memory, the reader gone)."""
        if self.forked or count < SHARED_AT_LEAST or not hasattr(os, "fork") or usable_cores() < 2:
            return None
        if not _on_descriptor():
            return None
        output = self._output
        self._lines.send_made(output)
        output.flush()
        if output.lost:
            return None
        try:
            sys.stdout.flush()
            reading, writing = os.pipe()
        except (OSError, ValueError):
            return None
        try:
            copy = os.fork()
        except OSError:
            os.close(reading)
            os.close(writing)
            return None
        self.forked = True
        if copy == 0:
            os.close(reading)
            self.in_copy = True
            self._count_to, self._made_before = writing, self._lines.made
            if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
                signal.signal(signal.SIGINT, signal.SIG_DFL)
            self._lines.followed = True
        else:
            os.close(writing)
            output.hold_until_done(copy, lambda: self._count_copy(reading))
        return count // 2

    def _count_copy(self, reading: int) -> None:
        """Add the lines the copy told it made to this process's count."""
        told = b""
        try:
            while chunk := os.read(reading, 64):
                told += chunk
        finally:
            os.close(reading)
        if told.isdigit():
            self._lines.made += int(told)

    def end_if_copy(self, completed: bool) -> None:
        """In the copy, once its lines are made (`completed`) or it failed: send them, tell the other process how
        many, and end at once, the exit status saying how it went."""
        if not self.in_copy:
            return
        from tui.cli import OUTPUT_FAILURES

        status = CHILD_FAILED
        try:
            self._output.flush()
            if OUTPUT_FAILURES:
                status = CHILD_CANNOT_WRITE
            elif self._output.lost:
                status = CHILD_READER_GONE
            elif completed:
                assert self._count_to is not None
                os.write(self._count_to, str(self._lines.made - self._made_before).encode())
                status = 0
        finally:
            os._exit(status)
