"""Long reads stopped from outside: a browser's search that a newer keystroke has made stale ends at the next part
of the index it would read, instead of running to its end beside the search that replaced it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_stops = threading.local()


class SearchStopped(Exception):  # noqa: N818 - a stop asked for, not an error
    """The search was stopped by the code that started it (see `stopping_when`)."""


@contextmanager
def stopping_when(stop: Callable[[], bool]) -> Iterator[None]:
    """Within this block, on this thread, a search checks `stop` as it goes and raises SearchStopped once it says so."""
    previous = getattr(_stops, "stop", None)
    _stops.stop = stop
    try:
        yield
    finally:
        _stops.stop = previous


def check_stop() -> None:
    """Raise SearchStopped if the search on this thread was asked to stop."""
    stop = getattr(_stops, "stop", None)
    if stop is not None and stop():
        raise SearchStopped
