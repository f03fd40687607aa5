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


def main() -> int:
    """Run the `whosaid` command with the collector paused until it is under way."""
    gc.disable()
    from tui.cli import LEFT_FOR_EXIT
    from tui.cli import main as whosaid

    status = whosaid()
    if LEFT_FOR_EXIT:
        end_now(status)
    return status


def end_now(status: int) -> None:
    """End the process with `status` once its output is out, without freeing each object a read command left."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


def resume_collector() -> None:
    """Resume the collector paused by `main`, keeping what startup made out of its later scans."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
