"""A session that stops answering keys can be asked, with SIGUSR1, what it is waiting for."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

import pytest

from store import Store
from tests.test_tui import SIZE, isolated_config, make_app, settle, synchronously
from tui import crash
from tui.crash import describe_state, report_state_on_signal, state_log_path

__all__ = ["isolated_config"]


@synchronously
async def test_the_state_names_each_screen_its_focus_and_a_task_stuck_behind_a_held_lock(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "a")
        await settle(pilot)
        article = app.screen
        never = asyncio.get_running_loop().create_future()

        async def hold_the_lock() -> None:
            async with article.lock:
                await never

        async def wait_for_the_lock() -> None:
            async with article.lock:
                pass

        holder = asyncio.create_task(hold_the_lock(), name="holder")
        waiter = asyncio.create_task(wait_for_the_lock(), name="waiter")
        await asyncio.sleep(0.05)
        state = describe_state(app)
        holder.cancel()
        waiter.cancel()
    assert "screen BrowseScreen" in state and "screen ArticleScreen" in state
    assert "focus ArticleView(id='article')" in state
    assert "lock held: ArticleScreen" in state and "by holder" in state
    waiting = state.split("task waiter:", 1)[1]
    assert "wait_for_the_lock" in waiting


def stuck_on_the_event_loop() -> None:
    """Keep the event loop busy while the app is signalled, as a session stuck in a long computation is."""
    os.kill(os.getpid(), signal.SIGUSR1)
    time.sleep(0.3)


@synchronously
async def test_sigusr1_logs_every_threads_stack_at_once_then_the_state_beside_the_crash_log(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        report_state_on_signal(app)
        try:
            stuck_on_the_event_loop()
            written_while_stuck = state_log_path().read_text(encoding="utf-8")
            await pilot.pause(0.2)
        finally:
            signal.signal(signal.SIGUSR1, signal.SIG_DFL)
    assert state_log_path() == tmp_path / "state" / "whosaid" / "state.log"
    assert "stuck_on_the_event_loop" in written_while_stuck
    assert "update batches open: 0" in written_while_stuck
    assert "queue of BrowseScreen:" in written_while_stuck
    assert "screen BrowseScreen" not in written_while_stuck
    assert "screen BrowseScreen" in state_log_path().read_text(encoding="utf-8")


def test_a_state_that_cannot_be_described_still_leaves_a_line_and_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def caught_mid_change(app: object) -> str:
        raise RuntimeError("a screen was removed while it was walked")

    monkeypatch.setattr(crash, "describe_state", caught_mid_change)
    crash.write_state(object())  # type: ignore[arg-type]
    written = state_log_path().read_text(encoding="utf-8")
    assert f"pid {os.getpid()}: the state could not be described" in written
    assert "RuntimeError: a screen was removed while it was walked" in written
