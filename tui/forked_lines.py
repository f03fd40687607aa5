"""The later lines of a long listing made by a forked copy of this process on another core while this one makes and
prints the lines before them: each reads its own half of the store's quote files, so neither copies the other's
memory (a fork after reading the store whole copied most of its 1.8 GB, touched by reference counts, and gained
nothing)."""

from __future__ import annotations

import os
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator

LINES_PER_WRITE = 4_096
"""Lines the forked process joins into one write; between two, it checks that this process is still there."""


class ForkedLines:
    """Lines made by a forked process into an unnamed file, read back in order once this process wants them."""

    def __init__(self, make: Callable[[], Iterable[str]]) -> None:
        """Fork a process that writes the lines `make` makes (none may hold a newline); if it cannot be forked,
        `started` is False."""
        self._pid = 0
        self._file = None
        try:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed once its lines are read back
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)  # forking beside the reader-watching thread
                self._pid = os.fork()
        except OSError:
            self._close()
            return
        if self._pid == 0:
            _write_lines(make, self._file.fileno())

    @property
    def started(self) -> bool:
        """Whether the forked process is making the lines."""
        return self._pid > 0

    def lines(self, instead: Callable[[], Iterable[str]]) -> Iterator[str]:
        """The forked process's lines once it has made them all; if it failed, those `instead` makes here."""
        _, status = os.waitpid(self._pid, 0)
        if self._file is None or os.waitstatus_to_exitcode(status) != 0:
            self._close()
            yield from instead()
            return
        self._file.seek(0)
        with open(self._file.fileno(), encoding="utf-8", errors="surrogatepass", newline="\n", closefd=False) as made:
            for line in made:
                yield line[:-1]
        self._close()

    def _close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _write_lines(make: Callable[[], Iterable[str]], descriptor: int) -> None:
    """In the forked process: write the lines, each ended by a newline, then end the process (status 0 when every
    line was written; 1 on any error, or once the process that forked it has gone)."""
    status = 1
    try:
        parent = os.getppid()
        with open(descriptor, "w", encoding="utf-8", errors="surrogatepass", newline="\n", closefd=False) as out:
            batch: list[str] = []
            for line in make():
                batch.append(line)
                if len(batch) >= LINES_PER_WRITE:
                    out.write("\n".join(batch) + "\n")
                    batch.clear()
                    if os.getppid() != parent:
                        os._exit(1)
            if batch:
                out.write("\n".join(batch) + "\n")
        status = 0
    finally:
        os._exit(status)
