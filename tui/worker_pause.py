"""A worker's pause before slow work, so that a newer request arriving meanwhile replaces it before it starts."""

from __future__ import annotations

import time

from textual.worker import Worker


def worker_cancelled_within(worker: Worker[None], seconds: float) -> bool:
    """Whether `worker` is cancelled within `seconds`, asked every few milliseconds from the worker's own thread."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if worker.is_cancelled:
            return True
        time.sleep(0.005)
    return worker.is_cancelled
