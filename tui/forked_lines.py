"""The later lines of a long listing made by a forked copy of this process on another core while this one makes and
prints the lines before them: each reads its own half of the store's quote files, so neither copies the other's
memory (a fork after reading the store whole copied most of its 1.8 GB, touched by reference counts, and gained
nothing)."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator

LINES_PER_WRITE = 4_096
"""Lines the forked process joins into one write."""
END_MARK = "\x00"
"""The line the forked process writes after its last: no line of a listing holds a NUL (JSON escapes it, plain lines
are made printable), so a file ending in it was written whole."""


class ForkedLines:
    """Lines made by a forked process into an unnamed file, read back in order once this process wants them."""

    def __init__(self, make: Callable[[], Iterable[str]]) -> None:
        """Fork a process that writes the lines `make` makes (none may hold a newline); if it cannot be forked,
        `started` is False. The forked process ends with this one (Linux), and holds none of its standard streams."""
        self._pid = -1
        try:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed once its lines are read back
        except OSError:
            self._file = None
            return
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # no KeyboardInterrupt between fork and try
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)  # forking beside the reader-watching thread
                self._pid = os.fork()
        except OSError:
            self._close()
        if self._pid == 0:
            _write_lines(make, self._file.fileno())  # type: ignore[union-attr]
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})

    @property
    def started(self) -> bool:
        """Whether the forked process is making the lines."""
        return self._pid > 0

    def lines(self, instead: Callable[[], Iterable[str]]) -> Iterator[str]:
        """The forked process's lines once it has made them all; if it did not write them all, those `instead`
        makes here."""
        with contextlib.suppress(ChildProcessError):  # reaped already, where SIGCHLD is ignored: it has ended
            os.waitpid(self._pid, 0)
        if self._file is None or not _ends_with_mark(self._file.fileno()):
            self._close()
            yield from instead()
            return
        self._file.seek(0)
        with open(self._file.fileno(), encoding="utf-8", errors="surrogatepass", newline="\n", closefd=False) as made:
            for line in made:
                if line == END_MARK + "\n":
                    break
                yield line[:-1]
        self._close()

    def _close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _ends_with_mark(descriptor: int) -> bool:
    """Whether the file ends with the mark the forked process writes after its last line."""
    mark = (END_MARK + "\n").encode()
    size = os.fstat(descriptor).st_size
    return size >= len(mark) and os.pread(descriptor, len(mark), size - len(mark)) == mark


def _write_lines(make: Callable[[], Iterable[str]], descriptor: int) -> None:
    """In the forked process: write the lines, each ended by a newline, and the end mark, then end the process."""
    from store.parallel import end_with_parent

    status = 1
    try:
        parent = os.getppid()
        end_with_parent()
        if os.getppid() != parent:
            os._exit(1)
        quiet = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1):
            os.dup2(quiet, stream)  # the reader of this process's output sees its end when this process ends
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        with open(descriptor, "w", encoding="utf-8", errors="surrogatepass", newline="\n", closefd=False) as out:
            batch: list[str] = []
            for line in make():
                batch.append(line)
                if len(batch) >= LINES_PER_WRITE:
                    out.write("\n".join(batch) + "\n")
                    batch.clear()
            out.write("".join(line + "\n" for line in batch) + END_MARK + "\n")
        status = 0
    finally:
        os._exit(status)
