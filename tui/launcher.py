"""The `whosaid` command as installed: Python's cycle collector is paused while it starts.

Starting the browser makes many objects and no garbage cycles, yet the collector would scan them
again and again (about a tenth of the time to the first frame). The command line resumes it as soon
as it knows the command is not the browser; the browser resumes it after drawing its first frame.
"""

from __future__ import annotations

import gc


def main() -> int:
    """Run the `whosaid` command with the collector paused until it is under way."""
    gc.disable()
    from tui.cli import main as whosaid

    return whosaid()


def resume_collector() -> None:
    """Resume the collector paused by `main`, keeping what startup made out of its later scans."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
