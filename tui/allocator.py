"""The C allocator's setting for the browser: one arena for every thread.

glibc's malloc gives each thread that allocates at the same time as another an arena of its own, and memory freed
in an arena stays with the process. The browser reads the store in worker threads, so each reading thread leaves
tens of megabytes behind; with one arena, what one thread frees the next one reuses (as `MALLOC_ARENA_MAX=1`).
"""

from __future__ import annotations

import ctypes
import sys

M_ARENA_MAX = -8
"""glibc's `mallopt` parameter for the most arenas malloc may make."""


def share_one_malloc_arena() -> None:
    """Have malloc serve every thread from one arena, where the C library is glibc (elsewhere: nothing changes)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt(M_ARENA_MAX, 1)
