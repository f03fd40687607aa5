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


def calls_of(monkeypatch: pytest.MonkeyPatch, method: str) -> list[tuple[str, bool]]:
    """Each later call of `Snapshot.<method>(query)`: its query, and whether it ran on the UI thread."""
    calls: list[tuple[str, bool]] = []
    unrecorded = getattr(Snapshot, method)

    def recorded(snapshot: Snapshot, query: str, **options: bool) -> object:
        calls.append((query, threading.current_thread() is threading.main_thread()))
        return unrecorded(snapshot, query, **options)

    monkeypatch.setattr(Snapshot, method, recorded)
    return calls


@synchronously
async def test_a_big_stores_search_runs_in_a_worker_and_the_latest_search_is_what_shows(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(browse_screen, "SEARCHED_IN_A_WORKER", 0)
    search_quotes = Snapshot.search_quotes
    searches = calls_of(monkeypatch, "search_quotes")
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
        on_the_ui_thread = [on_ui for _, on_ui in searches]
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
    search_people = Snapshot.search_people
    names_searches = calls_of(monkeypatch, "search_people")
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
        names_searched = [query for query, _ in names_searches]
        assert names_searched == ["su"]
        assert [person.name for person in screen.people.records] == [p.name for p in search_people(app.snapshot, "su")]


@synchronously
async def test_keys_moving_the_quotes_while_a_big_stores_search_runs_move_its_results(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a store searched in the background, j pressed after Esc while the search ran moved the last search's list,
    and the cursor went back to the top when the results came: the keys were lost."""
    monkeypatch.setattr(browse_screen, "SEARCHED_IN_A_WORKER", 0)
    release = threading.Event()
    search_quotes = Snapshot.search_quotes

    def held(snapshot: Snapshot, query: str, **options: bool) -> object:
        if query.strip():
            release.wait(30)
        return search_quotes(snapshot, query, **options)

    monkeypatch.setattr(Snapshot, "search_quotes", held)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        await pilot.press("slash", *"production", "escape", "3", "j", "j")
        release.set()
        await settle(pilot)
        found = list(search_quotes(app.snapshot, "production"))
        assert len(found) == 3 and list(screen.quotes.records) == found
        assert screen.quotes.rows.cursor == 2 and screen.quotes.selected_key == found[2].key
        await pilot.press("k")
        assert screen.quotes.rows.cursor == 1, "once the results are there, keys move them at once"
