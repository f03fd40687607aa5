"""Defects a daily user met: keys in bursts, unexpected errors, the browser without a terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual import events

from store import Store
from tests.test_tui import SIZE, make_app, settle, synchronously
from tui.app import WhosaidApp
from tui.palette import WhosaidPalette


@pytest.mark.parametrize("keys", [("ctrl+p", "pagedown"), ("ctrl+p", "pageup"), ("ctrl+p", "pagedown", "pageup")])
@synchronously
async def test_paging_the_palette_in_the_burst_that_opens_it_keeps_the_app_running(
    store: Store, keys: tuple[str, ...]
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in keys:
            app.post_message(events.Key(key, None))
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, WhosaidPalette)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, WhosaidPalette)


@pytest.mark.parametrize("guest", [False, True])
@synchronously
async def test_an_unexpected_error_ends_the_app_with_one_line_and_logs_the_traceback(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, guest: bool
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    if guest:
        monkeypatch.setenv("WHOSAID_GUEST", "1")

    def broken_help(self: WhosaidApp) -> None:
        raise RuntimeError("the help screen broke")

    monkeypatch.setattr(WhosaidApp, "action_help", broken_help)
    app = make_app(store)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            await settle(pilot)
    assert app.return_code == 1
    assert app.exit_error is not None and "\n" not in app.exit_error
    log = (tmp_path / "state" / "whosaid" / "crash.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "the help screen broke" in log
    if guest:
        assert "logged on the server" in app.exit_error and str(tmp_path) not in app.exit_error
    else:
        assert "RuntimeError: the help screen broke" in app.exit_error and "crash.log" in app.exit_error


def test_the_browser_with_its_output_redirected_says_it_needs_a_terminal_and_exits_2(tmp_path: Path) -> None:
    store_path = tmp_path / "store.json"
    finished = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(store_path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 2
    assert finished.stdout == ""
    assert finished.stderr.count("\n") == 1 and "needs a terminal" in finished.stderr
    assert not store_path.exists()


@synchronously
async def test_slash_ctrl_u_and_a_word_in_one_burst_replace_the_active_query(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"sullivan", "enter")
        await settle(pilot)
        assert app.focused is not app.screen.search
        burst = [("slash", "/"), ("ctrl+u", None), *((char, char) for char in "production")]
        for key, character in burst:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert app.screen.search.value == "production"
        assert app.screen.search_text == "production"
