"""Python's cycle collector paused around work that makes millions of objects and no garbage cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(keep_out: bool = False) -> Iterator[None]:
    """Pause the cycle collector (if it runs) for the block: reading or printing a store's documents makes millions
    of objects and no cycles, and the collector's scans of them took a fifth to a third of the time. With
    `keep_out`, what the block made is kept out of the collector's later scans (`gc.freeze`), for a command that
    ends with it: resumed, the collector would first scan every object the block made (a quarter of a search's time
    at 10,000 articles)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if keep_out:
                gc.freeze()
            gc.enable()
