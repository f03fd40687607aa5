"""The C allocator's settings: one arena for every thread in the browser, and free memory given back after each
write of a long ingest.

glibc's malloc gives each thread that allocates at the same time as another an arena of its own, and memory freed
in an arena stays with the process. The browser reads the store in worker threads, so each reading thread leaves
tens of megabytes behind; with one arena, what one thread frees the next one reuses (as `MALLOC_ARENA_MAX=1`).
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache
from typing import Any

M_ARENA_MAX = -8
"""glibc's `mallopt` parameter for the most arenas malloc may make."""


@cache
def c_library_function(name: str, *argument_types: Any) -> Any | None:
    """A function of the C library, given its arguments' types, where that library is glibc on Linux; None where it
    is not there (elsewhere nothing changes). Looked up once: an ingest trims after every batch."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None
    function.argtypes = argument_types
    return function


def share_one_malloc_arena() -> None:
    """Have malloc serve every thread from one arena."""
    mallopt = c_library_function("mallopt", ctypes.c_int, ctypes.c_int)
    if mallopt is not None:
        mallopt(M_ARENA_MAX, 1)


def give_back_free_memory() -> None:
    """Return the C heap's free pages to the system.

    A batch of an ingest builds and drops tens of megabytes of encoded JSON; glibc keeps the freed pages, so the
    writer of 10,000 articles held 46 MB it no longer used. A trim after each batch of 500 articles took 2-13 ms,
    about 1% of the batch's write."""
    malloc_trim = c_library_function("malloc_trim", ctypes.c_size_t)
    if malloc_trim is not None:
        malloc_trim(0)
