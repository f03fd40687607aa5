"""Python's cycle collector paused around work that makes millions of objects and no garbage cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector (if it runs) for the block: reading or printing a store's documents makes millions
    of objects and no cycles, and the collector's scans of them took a fifth to a third of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
