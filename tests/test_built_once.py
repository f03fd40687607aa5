"""A snapshot's big lookups are built once however many workers ask for them at the same time."""

from __future__ import annotations

import threading
import time

from store.built_once import built_once


class Lookups:
    """Something with a lookup that is slow to build, counting its builds."""

    def __init__(self) -> None:
        self.builds = 0

    @built_once
    def table(self) -> list[int]:
        """A slow lookup."""
        self.builds += 1
        time.sleep(0.05)
        return list(range(self.builds * 10))

    @built_once
    def derived(self) -> int:
        """A lookup built from another one in the same thread."""
        return len(self.table)


def test_threads_asking_at_once_build_the_lookup_once_and_all_get_it() -> None:
    lookups = Lookups()
    seen: list[list[int]] = []
    threads = [threading.Thread(target=lambda: seen.append(lookups.table)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert lookups.builds == 1
    assert all(table is seen[0] for table in seen) and seen[0] == list(range(10))


def test_a_lookup_built_from_another_in_the_same_thread_does_not_wait_on_itself() -> None:
    lookups = Lookups()
    assert lookups.derived == 10 and lookups.builds == 1
    assert Lookups.table.__doc__ == "A slow lookup."
