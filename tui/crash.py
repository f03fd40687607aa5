"""Unexpected errors: the traceback goes to a log file, the user sees one line. A session that stops answering
writes, when sent SIGUSR1, what it is waiting for to a state log beside the crash log."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import CoroutineType, FrameType, GeneratorType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget

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


STATE_SIGNAL = signal.SIGUSR1
"""The signal that asks a running app to write its state log (`kill -USR1 PID`)."""
IDLE_AWAITS = ("_get_message", "_run_timer")
"""Where a message pump waiting for its next message, or a timer waiting for its time, is suspended."""
MAX_AWAIT_DEPTH = 40
MOST_COMMON_KINDS = 6


def state_log_path() -> Path:
    """Where a running app appends its state when sent STATE_SIGNAL: beside the crash log."""
    return crash_log_path().with_name("state.log")


def report_state_on_signal(app: App[object]) -> None:
    """From now on, STATE_SIGNAL makes the app append its state to the state log (where the platform allows):
    first the stack of every thread, written at once even while the event loop is busy or blocked, then what the
    app's screens and tasks wait for, written by the event loop when it next runs."""
    loop = asyncio.get_running_loop()

    def on_signal(signal_number: int, frame: FrameType | None) -> None:
        write_thread_stacks(app)
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(write_state, app)

    with contextlib.suppress(ValueError, OSError, AttributeError):
        signal.signal(STATE_SIGNAL, on_signal)


def write_thread_stacks(app: App[object]) -> None:
    """Append where every thread of the process is now to the state log, with what the app's message queues
    hold (a loop that never empties its queue never runs anything else); a log that cannot be written is skipped."""
    names = {thread.ident: thread.name for thread in threading.enumerate()}
    lines = [f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} threads of process {os.getpid()}"]
    try:
        lines.extend(queued_messages(app))
    except Exception as error:  # noqa: BLE001 - the queues were caught mid-change; the stacks still matter
        lines.append(f"queues could not be read: {error!r}")
    for ident, frame in sys._current_frames().items():
        lines.append(f"thread {names.get(ident, ident)}:")
        lines.extend(line.rstrip("\n") for line in traceback.format_stack(frame))
    append_to_state_log("\n".join(lines) + "\n")


def write_state(app: App[object]) -> None:
    """Append the app's state to the state log (or why it could not be described); a log that cannot be written
    is skipped."""
    try:
        state = describe_state(app)
    except Exception as error:  # noqa: BLE001 - a state caught mid-change must still say something
        heading = f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} pid {os.getpid()}: the state could not be described\n"
        state = heading + "".join(traceback.format_exception(type(error), error, error.__traceback__))
    append_to_state_log(state)


def append_to_state_log(text: str) -> None:
    """Append `text` to the state log, making its folder if needed; a log that cannot be written is skipped."""
    path = state_log_path()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(text)


def queued_messages(app: App[object]) -> list[str]:
    """What waits in the app's and each screen's message queue, by kind of message, and how many update
    batches (which hold every repaint) are open."""
    lines = [f"update batches open: {app._batch_count}"]
    for pump in (app, *app.screen_stack):
        waiting = Counter(message_kind(message) for message in list(pump._message_queue.values))
        kinds = ", ".join(f"{kind} x{count}" for kind, count in waiting.most_common(MOST_COMMON_KINDS))
        lines.append(f"queue of {type(pump).__name__}: {sum(waiting.values())} waiting ({kinds})")
    return lines


def message_kind(message: object) -> str:
    """A queued message's class, with the function a callback message will call."""
    callback = getattr(message, "callback", None)
    name = getattr(getattr(callback, "func", callback), "__qualname__", None)
    return f"{type(message).__name__}({name})" if name else type(message).__name__


def describe_state(app: App[object]) -> str:
    """The app's own view of itself: its screens with their focus and waiting messages, widgets whose lock is
    held, and every task that waits for something other than its next message or timer, with what it awaits."""
    lines = [f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} pid {os.getpid()}"]
    lines.append(f"app: {app._message_queue.qsize()} messages waiting, {app._batch_count} update batches open")
    for screen in app.screen_stack:
        waiting = screen._message_queue.qsize()
        lines.append(f"screen {screen!r}: focus {screen.focused!r}, {waiting} messages waiting")
        for widget in locked_widgets(screen):
            owner = widget.lock._owner
            lines.append(f"  lock held: {widget!r} by {owner.get_name() if owner is not None else 'no task'}")
    for task in asyncio.all_tasks():
        awaits = list(awaited_frames(task))
        if awaits and not any(frame.f_code.co_name in IDLE_AWAITS for frame in awaits):
            lines.append(f"task {task.get_name()}:")
            lines.extend(f"  {frame_line(frame)}" for frame in awaits)
    return "\n".join(lines) + "\n"


def locked_widgets(screen: Widget) -> Iterator[Widget]:
    """The widgets of a screen (the screen too) whose lock some task holds."""
    for widget in screen.walk_children(with_self=True):
        if widget.lock.is_locked:
            yield widget


def awaited_frames(task: asyncio.Task[object]) -> Iterator[FrameType]:
    """The frames of a task's coroutine and of each coroutine it awaits in turn, outermost first."""
    awaited: object = task.get_coro()
    for _ in range(MAX_AWAIT_DEPTH):
        if not isinstance(awaited, (CoroutineType, GeneratorType)):
            return
        frame = awaited.cr_frame if isinstance(awaited, CoroutineType) else awaited.gi_frame
        if frame is None:
            return
        yield frame
        awaited = awaited.cr_await if isinstance(awaited, CoroutineType) else awaited.gi_yieldfrom


def frame_line(frame: FrameType) -> str:
    """A frame as file:line function."""
    return f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno} {frame.f_code.co_name}"
