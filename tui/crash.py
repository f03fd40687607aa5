"""Unexpected errors: the traceback goes to a log file, the user sees one line."""

from __future__ import annotations

import os
import time
import traceback
from pathlib import Path

GUEST_VARIABLE = "WHOSAID_GUEST"
"""Set by `whosaid serve` for its sessions: the user is a guest on someone else's machine."""


def is_guest_session() -> bool:
    """True in a session that `whosaid serve` started for a remote user."""
    return os.environ.get(GUEST_VARIABLE) == "1"


def crash_log_path() -> Path:
    """Where tracebacks of unexpected errors are kept: `$XDG_STATE_HOME/whosaid/crash.log`."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "whosaid" / "crash.log"


def record_crash(error: BaseException) -> str:
    """Append the error's traceback to the crash log; return the one line to show the user."""
    path = crash_log_path()
    logged = True
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} pid {os.getpid()}\n")
            log.write("".join(traceback.format_exception(type(error), error, error.__traceback__)))
    except OSError:
        logged = False
    if is_guest_session():
        return "an unexpected error ended this session; it was logged on the server"
    summary = f"unexpected error ({type(error).__name__}: {error})"
    return f"{summary}; details in {path}" if logged else summary
