"""A read command pauses Python's cycle collector while it reads and prints, and keeps what it made out of the
collector's later scans: resumed, the collector would otherwise first scan every document the command read."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from store.collector import collector_paused


@pytest.fixture
def collector_running() -> Iterator[None]:
    """The collector running, nothing frozen, as a command finds it; restored after."""
    was_enabled = gc.isenabled()
    gc.unfreeze()
    gc.enable()
    yield
    gc.unfreeze()
    if not was_enabled:
        gc.disable()


def test_a_block_that_keeps_out_what_it_made_leaves_it_to_no_later_scan(collector_running: None) -> None:
    with collector_paused(keep_out=True):
        assert not gc.isenabled()
        made = [{"text": str(number)} for number in range(50_000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)
    assert gc.get_count()[0] < 1_000


def test_a_block_that_does_not_keep_out_what_it_made_leaves_it_to_the_collector(collector_running: None) -> None:
    with collector_paused():
        made = [{"text": str(number)} for number in range(50_000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert len(made) == 50_000
