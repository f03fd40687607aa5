"""The `whosaid` command as installed: Python's cycle collector is paused while it starts.

Starting the browser makes many objects and no garbage cycles, yet the collector would scan them
again and again (about a tenth of the time to the first frame). The command line resumes it as soon
as it knows the command is not the browser; the browser resumes it after drawing its first frame.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from typing import TextIO


def main() -> int:
    """Run the `whosaid` command with the collector paused until it is under way."""
    gc.disable()
    guard_standard_error()
    from tui.cli import LEFT_FOR_EXIT
    from tui.cli import main as whosaid

    status = whosaid()
    if LEFT_FOR_EXIT:
        end_now(status)
    return status


def end_now(status: int) -> None:
    """End the process with `status` once its output is out, without freeing each object a read command left."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(status)


def resume_collector() -> None:
    """Resume the collector paused by `main`, keeping what startup made out of its later scans."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class StandardError:
    """Standard error that a failed write leaves quiet: a message that cannot be written (a full disk, a closed
    pipe) must not end the command half done, nor change its exit status."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        with contextlib.suppress(OSError, ValueError):
            return self._stream.write(text)
        return len(text)

    def flush(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._stream.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def guard_standard_error() -> None:
    """Make standard error safe to write: a closed descriptor 2 is opened on /dev/null (else the next file opened
    would take its number, and messages meant for stderr would go to standard output or into that file), and a
    write that fails is passed over (see `StandardError`)."""
    try:
        os.fstat(2)
    except OSError:
        with contextlib.suppress(OSError):
            descriptor = os.open(os.devnull, os.O_WRONLY)
            if descriptor != 2:
                os.dup2(descriptor, 2)
                os.close(descriptor)
            sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
    if sys.stderr is not None:
        sys.stderr = StandardError(sys.stderr)  # type: ignore[assignment]
