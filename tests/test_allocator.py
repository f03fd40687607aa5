"""The C allocator's settings: free heap memory given back to the system between an ingest's batches."""

from __future__ import annotations

import platform
import subprocess
import sys
import textwrap

import pytest

FREED_THEN_GIVEN_BACK = textwrap.dedent(
    """
    import sys
    from tui.allocator import give_back_free_memory

    def anonymous_kb():
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("RssAnon:"))

    blocks = [bytes([n % 251]) * 100_000 for n in range(600)]  # 60 MB from the C heap, below its mmap threshold
    kept = bytes(100_000)  # above them on the heap, so that freeing them leaves a hole, not a shorter heap
    before = anonymous_kb()
    del blocks
    freed = anonymous_kb()
    give_back_free_memory()
    print(before, freed, anonymous_kb(), len(kept))
    """
)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="glibc's malloc_trim, seen in /proc",
)
def test_freed_heap_memory_is_given_back_to_the_system() -> None:
    result = subprocess.run(
        [sys.executable, "-c", FREED_THEN_GIVEN_BACK], capture_output=True, text=True, check=True, timeout=60
    )
    before, freed, after, _kept = map(int, result.stdout.split())
    assert freed > before - 20_000, "freeing alone keeps the hole resident (else this test measures nothing)"
    assert after < freed - 40_000, f"{(freed - after) // 1024} MB given back of the 60 MB freed"
