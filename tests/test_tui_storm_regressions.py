"""Defects the key storm found in real terminals, replayed with Pilot so that they stay fixed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from textual import events
from textual.command import CommandInput, CommandList, Hits
from textual.widgets import Footer
from textual.widgets._header import HeaderTitle

from store import Store
from tests.test_tui import SIZE, choose_in_palette, isolated_config, make_app, settle, synchronously
from tui.article_screen import ArticleScreen
from tui.article_view import ArticleView
from tui.browse_screen import BrowseScreen
from tui.commands import WhosaidCommands
from tui.help_screen import HelpScreen
from tui.palette import PALETTES, WhosaidPalette

__all__ = ["isolated_config"]

KEY_CHARACTERS = {"escape": "\x1b", "enter": "\r", "backspace": "\x7f", "tab": "\t"}

BURSTS = {
    "page then close": ("ctrl+p", "pagedown", "escape"),
    "type then close": ("ctrl+p", "w", "e", "escape"),
    "type, page, close": ("ctrl+p", "u", "pageup", "escape", "j"),
    "enter twice": ("ctrl+p", "h", "e", "l", "p", "enter", "enter", "enter"),
    "type, enter, type": ("ctrl+p", "s", "enter", "x", "backspace", "enter", "escape"),
}


async def assert_keys_land_in_the_browser(pilot) -> None:  # type: ignore[no-untyped-def]
    """The browser is on top and answers keys: 3, g, j put the Quotes cursor on the second quote."""
    assert isinstance(pilot.app.screen, BrowseScreen)
    await pilot.press("3", "g", "j")
    await settle(pilot)
    assert pilot.app.screen.quotes.selected is pilot.app.screen.quotes.records[1]


@pytest.mark.parametrize("keys", list(BURSTS.values()), ids=list(BURSTS))
@synchronously
async def test_keys_that_open_and_close_the_palette_in_one_burst_leave_the_app_running(
    store: Store, keys: tuple[str, ...]
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        driver = app._driver
        assert driver is not None
        for key in keys:
            driver.send_message(events.Key(key, KEY_CHARACTERS.get(key, key if len(key) == 1 else None)))
        await settle(pilot)
        await pilot.pause(0.7)
        assert app.is_running and app.return_code is None
        for _ in range(3):
            if isinstance(app.screen, BrowseScreen):
                break
            await pilot.press("escape")
            await settle(pilot)
        await assert_keys_land_in_the_browser(pilot)


async def opened_palette(pilot) -> WhosaidPalette:  # type: ignore[no-untyped-def]
    """The palette, opened by Ctrl+P once the browser has settled."""
    await settle(pilot)
    await pilot.press("ctrl+p")
    await settle(pilot)
    palette = pilot.app.screen
    assert isinstance(palette, WhosaidPalette)
    return palette


@synchronously
async def test_ctrl_p_while_the_palette_is_closing_keeps_the_app_running(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        palette = await opened_palette(pilot)
        palette.dismiss()
        app.action_command_palette()
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, BrowseScreen)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, WhosaidPalette) and app.screen is not palette


@synchronously
async def test_ctrl_p_while_the_app_still_holds_a_palette_by_its_id_opens_none_and_keeps_the_app_running(
    store: Store,
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        palette = await opened_palette(pilot)
        PALETTES.discard(palette)
        app.action_command_palette()
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert app.screen is palette


LEAVING_BURSTS = [("escape", "k", "escape", "j"), ("q", "k", "pagedown", "escape"), ("escape", "escape", "escape")]


@pytest.mark.parametrize("keys", LEAVING_BURSTS)
@synchronously
async def test_keys_that_leave_an_article_in_one_burst_leave_the_browser_running(
    store: Store, keys: tuple[str, ...]
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "a")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        driver = app._driver
        assert driver is not None
        for key in keys:
            driver.send_message(events.Key(key, KEY_CHARACTERS.get(key, key if len(key) == 1 else None)))
        await settle(pilot)
        assert app.is_running and app.return_code is None
        await assert_keys_land_in_the_browser(pilot)


async def an_open_article(pilot) -> ArticleScreen:  # type: ignore[no-untyped-def]
    """The article of the second quote, opened from the Quotes pane once the app has settled."""
    await settle(pilot)
    await pilot.press("3", "j", "a")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ArticleScreen)
    return pilot.app.screen


@synchronously
async def test_the_app_retitled_as_the_article_is_taken_down_keeps_running(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        article = await an_open_article(pilot)
        await article.query_one(HeaderTitle).remove()
        app.sub_title = "retitled by a resize while the article's header is being taken down"
        await settle(pilot)
        assert app.is_running and app.return_code is None
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, BrowseScreen)


@synchronously
async def test_an_article_taken_down_before_it_was_shown_leaves_the_browser_running(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_article(app.snapshot.quotes[0].article_key)
        article = app.screen
        assert isinstance(article, ArticleScreen)
        app.pop_screen()
        article.remove()
        await settle(pilot)
        assert app.is_running and app.return_code is None
        await assert_keys_land_in_the_browser(pilot)


@synchronously
async def test_a_footer_rebuild_that_cannot_finish_leaves_every_later_key_answered(store: Store) -> None:
    """The storm's last hang: a closing palette that had taken over the browser's footer rebuild, stuck on its lock."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        browse = app.screen
        footer = browse.query_one(Footer)
        holding, release = asyncio.Event(), asyncio.Event()

        async def hold_the_footer() -> None:
            async with footer.lock:
                holding.set()
                await release.wait()

        holder = asyncio.create_task(hold_the_footer())
        await holding.wait()
        driver = app._driver
        assert driver is not None

        async def answered(keys: tuple[str, ...], done: Callable[[], bool]) -> bool:
            for key in keys:
                driver.send_message(events.Key(key, KEY_CHARACTERS.get(key, key)))
            for _ in range(60):
                await asyncio.sleep(0.05)
                if done():
                    return True
            return False

        palette_opened = await answered(("ctrl+p",), lambda: isinstance(app.screen, WhosaidPalette))
        browse.refresh_bindings()
        await asyncio.sleep(0.2)
        palette_closed = await answered(("escape",), lambda: isinstance(app.screen, BrowseScreen))
        keys_answered = palette_closed and await answered(
            ("3", "g", "j"), lambda: browse.quotes.selected is browse.quotes.records[1]
        )
        release.set()
        await holder
        assert palette_opened, "Ctrl+P did not open the palette"
        assert palette_closed, "Esc did not close the palette"
        assert keys_answered, "the keys after the palette closed went unanswered"
        await settle(pilot)
        assert footer.query("FooterKey"), "the footer rebuilt itself once it could"


@synchronously
async def test_a_command_picked_in_the_palette_holds_no_repaint(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The storm's hang under heavy load: Textual holds every repaint after a palette command until a timer ends the
    hold, and the browser's deferred redraws kept that timer from running, so nothing was drawn again."""
    app = make_app(store)
    held_as_it_closed: list[int] = []
    dismiss = WhosaidPalette.dismiss

    def recording_dismiss(palette: WhosaidPalette, result: object | None = None):  # type: ignore[no-untyped-def]
        held_as_it_closed.append(palette.app._batch_count)
        return dismiss(palette, result)

    monkeypatch.setattr(WhosaidPalette, "dismiss", recording_dismiss)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_in_palette(pilot, "help: keys")
        await settle(pilot)
        assert held_as_it_closed == [0], "repaints were held as the palette ran its command"
        assert isinstance(app.screen, HelpScreen), "the command did not run"


@synchronously
async def test_the_footer_rebuilds_without_holding_the_apps_repaints(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A footer rebuild waits for its old keys to go and new ones to mount; holding every repaint meanwhile let a
    busy screen's deferred redraws keep those from ever happening."""
    app = make_app(store)
    held_while_mounting: list[int] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        mount_all = footer.mount_all

        def recording_mount_all(*args, **kwargs):  # type: ignore[no-untyped-def]
            held_while_mounting.append(app._batch_count)
            return mount_all(*args, **kwargs)

        monkeypatch.setattr(footer, "mount_all", recording_mount_all)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert held_while_mounting, "the footer did not rebuild when the focused pane changed"
        assert set(held_while_mounting) == {0}, "repaints were held while the footer rebuilt"
        assert footer.query("FooterKey"), "the footer shows no keys after its rebuild"


@pytest.mark.parametrize("keys", [("pagedown", "j", "n", "slash", "escape"), ("end", "y", "o", "q")])
@synchronously
async def test_keys_on_an_article_whose_view_is_gone_leave_the_app_running(store: Store, keys: tuple[str, ...]) -> None:
    """A burst can reach the article screen after its view was taken down (seed 1156792553: PageDown)."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        article = await an_open_article(pilot)
        await article.query_one(ArticleView).remove()
        await pilot.press(*keys)
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, BrowseScreen)


@synchronously
async def test_a_palette_search_that_outlives_the_palettes_list_leaves_the_app_running(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        palette = await opened_palette(pilot)
        await palette.query_one(CommandList).remove()
        palette._gather_commands("a")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.is_running and app.return_code is None
        await pilot.press("escape")
        await settle(pilot)
        await assert_keys_land_in_the_browser(pilot)


@pytest.mark.parametrize("listed_before", ["", "se", "th"])
@synchronously
async def test_enter_pressed_while_the_palette_searches_runs_the_best_hit_of_the_whole_text(
    store: Store, monkeypatch: pytest.MonkeyPatch, listed_before: str
) -> None:
    """"help" and two Enters open the help, even when the search takes a while (a big store has many names to
    match) and the palette still lists the hits of what was typed before."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        palette = await opened_palette(pilot)
        await pilot.press(*listed_before)
        await settle(pilot)
        search = WhosaidCommands.search

        async def slow_search(self: WhosaidCommands, query: str) -> Hits:
            await asyncio.sleep(0.3)
            async for hit in search(self, query):
                yield hit

        monkeypatch.setattr(WhosaidCommands, "search", slow_search)
        palette.query_one(CommandInput).value = "help"
        driver = app._driver
        assert driver is not None
        for _ in range(2):
            driver.send_message(events.Key("enter", KEY_CHARACTERS["enter"]))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
