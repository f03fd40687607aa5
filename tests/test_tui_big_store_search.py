"""A big store's quotes are searched off the UI thread, so that typing never waits for a slow search."""

from __future__ import annotations

import threading

import pytest

from store import Store
from store.snapshot import Snapshot
from tests.test_tui import SIZE, isolated_config, make_app, settle, synchronously
from tui import browse_screen
from tui.browse_screen import BrowseScreen

__all__ = ["isolated_config"]


@synchronously
async def test_a_big_stores_search_runs_in_a_worker_and_the_latest_search_is_what_shows(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(browse_screen, "SEARCHED_IN_A_WORKER", 0)
    on_the_ui_thread: list[bool] = []
    search_quotes = Snapshot.search_quotes

    def recorded(snapshot: Snapshot, query: str) -> object:
        on_the_ui_thread.append(threading.current_thread() is threading.main_thread())
        return search_quotes(snapshot, query)

    monkeypatch.setattr(Snapshot, "search_quotes", recorded)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        every = list(screen.quotes.records)
        await pilot.press("slash", *"production")
        await settle(pilot)
        found = list(search_quotes(app.snapshot, "production"))
        assert 0 < len(found) < len(every)
        assert list(screen.quotes.records) == found
        assert on_the_ui_thread and not any(on_the_ui_thread)
        screen.post_message(BrowseScreen.QuotesFound(app.snapshot, "productio", every, False))
        await settle(pilot)
        assert list(screen.quotes.records) == found, "a search the user has typed past is not shown"
        await pilot.press("ctrl+u")
        await settle(pilot)
        assert list(screen.quotes.records) == every


@synchronously
async def test_a_key_typed_before_a_big_stores_name_search_starts_cancels_it(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(browse_screen, "SEARCHED_IN_A_WORKER", 0)
    monkeypatch.setattr(browse_screen, "NAMES_PAUSE", 1.0)
    names_searched: list[str] = []
    search_people = Snapshot.search_people

    def recorded(snapshot: Snapshot, query: str) -> object:
        names_searched.append(query)
        return search_people(snapshot, query)

    monkeypatch.setattr(Snapshot, "search_people", recorded)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        await pilot.press("slash", "s")
        for _ in range(50):
            if screen.quotes.search_text == "s":
                break
            await pilot.pause(0.02)
        await pilot.press("u")
        await settle(pilot)
        assert names_searched == ["su"]
        assert [person.name for person in screen.people.records] == [p.name for p in search_people(app.snapshot, "su")]
