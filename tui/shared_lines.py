"""A big search's last lines made by two processes at once: once the store is read whole for the rest of a listing,
the process forks; the copy makes and prints the first half of the rest while this one makes the second half, held
until the copy has printed its own. At 100,000 articles making the lines of half the store's quotes takes most of a
search's time, and the second core of a machine is otherwise idle."""

from __future__ import annotations

import os
import signal
import sys
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
    """Splits the rest of a listing (see `FoundQuotes.lines_shared`) between this process and a forked copy, and
    ends the copy once its lines are out (`end_if_copy`)."""

    def __init__(self, lines: QuoteLines, output: Lines) -> None:
        self._lines = lines
        self._output = output
        self.in_copy = False
        """Whether this is the forked copy, which prints the first half of the rest and nothing else."""

    def __call__(self, positions: list[int]) -> list[int]:
        """The positions of the rest this process makes lines for: all of them when sharing would not pay (few,
        one core, no fork, output held in memory, the reader gone); else the first half in the copy, the second
        here."""
        if len(positions) < SHARED_AT_LEAST or not hasattr(os, "fork") or usable_cores() < 2 or not _on_descriptor():
            return positions
        output = self._output
        self._lines.send_made(output)
        output.flush()
        if output.lost:
            return positions
        try:
            sys.stdout.flush()
            copy = os.fork()
        except (OSError, ValueError):
            return positions
        half = len(positions) // 2
        if copy == 0:
            self.in_copy = True
            if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
                signal.signal(signal.SIGINT, signal.SIG_DFL)
            self._lines.followed = True
            return positions[:half]
        self._lines.made += half
        output.hold_until_done(copy)
        return positions[half:]

    def end_if_copy(self, completed: bool) -> None:
        """In the copy, once its lines are made (`completed`) or it failed: send them and end the process at once,
        its exit status telling the other how it went."""
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
                status = 0
        finally:
            os._exit(status)
