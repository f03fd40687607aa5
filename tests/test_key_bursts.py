"""Esc (or Enter) followed at once by other keys, in the search box and on the screens above the browser: each key
acts where the keys before it left the focus, as when typed slowly. The keys of a burst are posted together, as the
app reads them from a terminal that sent them in one packet."""

from __future__ import annotations

import pytest
from textual import events

from store import Store
from tests.test_tui import SIZE, isolated_config, make_app, settle, synchronously
from tui import sorting
from tui.row_list import RowList

__all__ = ["isolated_config"]

KEY_NAMES = {"/": "slash", "?": "question_mark", "Esc": "escape", "Enter": "enter", "C-p": "ctrl+p", "Tab": "tab"}
KEY_CHARACTERS = {"escape": "\x1b", "enter": "\r", "ctrl+p": "\x10", "tab": "\t"}


def send_burst(app, burst: str) -> None:  # type: ignore[no-untyped-def]
    """Post the space-separated keys of `burst` at once (Esc, Enter, C-p and / by those names)."""
    for word in burst.split():
        key = KEY_NAMES.get(word, word)
        app.post_message(events.Key(key, KEY_CHARACTERS.get(key, word if len(word) == 1 else None)))


async def after_burst(store: Store, before: str, burst: str) -> tuple[str, str | None, str, int | None]:
    """The screen, the focused widget's id, the search box's text and the focused list's cursor after the keys
    `before`, pressed one at a time, then `burst` sent at once."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        browser = app.screen
        for word in before.split():
            await pilot.press(KEY_NAMES.get(word, word))
            await settle(pilot)
        send_burst(app, burst)
        await settle(pilot)
        assert app.is_running
        focused = app.focused
        cursor = focused.cursor if isinstance(focused, RowList) else None
        screen = "browser" if app.screen is browser else type(app.screen).__name__
        return screen, focused.id if focused is not None else None, browser.search.value, cursor


@pytest.mark.parametrize(
    ("before", "burst", "expected"),
    [
        ("1", "/ Esc 3 / x", ("browser", "search", "x", None)),
        ("1", "/ m u n i t Esc 3 j j / d r o n e s", ("browser", "search", "drones", None)),
        ("2", "/ m Esc 3 / d Esc 1", ("browser", "people-list", "d", 0)),
        ("3", "/ Esc j j", ("browser", "quotes-list", "", 2)),
        ("2", "/ k o w a l Esc j", ("browser", "organizations-list", "kowal", 0)),
        ("2", "/ k o w a l Enter 3", ("browser", "quotes-list", "kowal", 0)),
        ("2", "/ m Esc 2 Esc 5", ("browser", "articles-list", "", 0)),
    ],
)
@synchronously
async def test_keys_after_esc_or_enter_in_the_search_box_act_where_the_focus_went(
    store: Store, before: str, burst: str, expected: tuple[str, str | None, str, int | None]
) -> None:
    """Keys read while an Esc was still on its way to the search box were decided while the box had the focus:
    "3" was text and went into the box, after the keys that came after it ("/ Esc 3 / x" left "x3" there)."""
    assert await after_burst(store, before, burst) == expected


@pytest.mark.parametrize(
    ("burst", "expected"),
    [
        ("Esc 3", ("browser", "quotes-list", "", 0)),
        ("Esc j j j", ("browser", "people-list", "", 3)),
        ("Esc / x", ("browser", "search", "x", None)),
        ("x y Esc 3", ("browser", "quotes-list", "", 0)),
        ("Esc ? Esc 2", ("browser", "organizations-list", "", 0)),
    ],
)
@synchronously
async def test_keys_after_the_esc_that_closes_the_palette_reach_the_browser(
    store: Store, burst: str, expected: tuple[str, str | None, str, int | None]
) -> None:
    """Keys read with the Esc that closed the palette went to the palette's search line as it closed: lost."""
    assert await after_burst(store, "C-p", burst) == expected


@pytest.mark.parametrize(
    ("before", "burst", "expected"),
    [
        ("1", "? Esc 3 / x", ("browser", "search", "x", None)),
        ("3 a", "Esc 1 j j", ("browser", "people-list", "", 2)),
        ("3 a", "Esc / x", ("browser", "search", "x", None)),
        ("3 a", "/ x y z Esc Esc / p r o d u c t i o n Enter", ("browser", "quotes-list", "production", 0)),
    ],
)
@synchronously
async def test_keys_after_the_esc_that_closes_the_help_or_an_article_reach_the_browser(
    store: Store, before: str, burst: str, expected: tuple[str, str | None, str, int | None]
) -> None:
    assert await after_burst(store, before, burst) == expected


@synchronously
async def test_keys_on_their_way_to_the_search_box_when_the_focus_leaves_it_act_in_order_where_it_went(
    store: Store,
) -> None:
    """The focus moved (by a click, say) while "j" was on its way to the search box: "j" went on to the list, but
    after the "g" read after it, leaving the list's cursor on the second row instead of the first."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("3", "j", "j", "slash")
        await settle(pilot)
        send_burst(app, "j g")
        app.call_later(screen.set_focus, screen.quotes.rows)
        await settle(pilot)
        assert app.focused is screen.quotes.rows and screen.search.value == ""
        assert screen.quotes.rows.cursor == 0


@synchronously
async def test_esc_right_after_a_search_in_an_article_ends_the_search_not_the_article(store: Store) -> None:
    """`/ p r o d Enter Esc` in one burst left the article: the search counted as on only once its matches came."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "a")
        await settle(pilot)
        article = app.screen
        send_burst(app, "/ p r o d Enter Esc")
        await settle(pilot)
        assert app.screen is article, "the Esc ends the search, and the article stays"
        assert article.search_query == "" and article.matches == []  # type: ignore[attr-defined]
        send_burst(app, "/ p r o d Enter")
        await settle(pilot)
        assert article.search_query == "prod" and article.matches  # type: ignore[attr-defined]


@synchronously
async def test_a_list_reached_while_a_search_s_results_come_shows_its_selection_in_the_detail(store: Store) -> None:
    """After `/ m Esc 3 / j Esc 1` the People pane had the focus but the detail showed the first quote found."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        send_burst(app, "/ m Esc 3 / j Esc 1")
        await settle(pilot)
        screen = app.screen
        assert app.focused is screen.people.rows  # type: ignore[attr-defined]
        selected = screen.people.selected  # type: ignore[attr-defined]
        assert screen.detail.subject is not None and screen.detail.subject.key == selected.key  # type: ignore[attr-defined]


@synchronously
async def test_a_held_j_lands_where_as_many_slow_ones_do(store: Store) -> None:
    """Held down, j waited for each j before it to pass every queue: 60 of them took 0.6-1.5 s instead of 0.15 s.
    They now go straight to the list, which moves its cursor by each in turn."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        send_burst(app, " ".join(["j"] * 3 + ["k"] + ["j"] * 2 + ["G", "k", "g", "j"]))
        await settle(pilot)
        assert app.focused is app.screen.quotes.rows and app.screen.quotes.rows.cursor == 1  # type: ignore[attr-defined]
        assert app.key_order.passing is None


@synchronously
async def test_a_search_typed_in_the_burst_that_opens_an_article_searches_it(store: Store) -> None:
    """`a / s a i d Enter` in one burst: the article's view took the focus back from its search line a moment
    after "/" gave it to the line, so the letters acted on the article and Enter opened a name."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        send_burst(app, "a / s a i d Enter")
        await settle(pilot)
        article = app.screen
        assert type(article).__name__ == "ArticleScreen"
        assert article.search_query == "said" and article.matches  # type: ignore[attr-defined]


@pytest.mark.parametrize(("after", "focused"), [("3", "quotes-list"), ("j", "detail-links"), ("Tab", "articles-list")])
@synchronously
async def test_keys_after_the_enter_that_picks_a_name_in_the_palette_act_in_the_browser(
    store: Store, after: str, focused: str
) -> None:
    """`C-p j a k e Enter 3` in one burst left "jake3" in the palette: the Enter waited for the hits still coming in,
    the 3 was typed meanwhile, and a change of the text drops a waiting Enter."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        browser = app.screen
        send_burst(app, f"C-p j a k e Enter {after}")
        await settle(pilot)
        assert app.screen is browser and app.focused is not None and app.focused.id == focused
        assert browser.search.value == ""  # type: ignore[attr-defined]
        assert browser.people.selected.name == "Jake Sullivan"  # type: ignore[attr-defined]


@synchronously
async def test_keys_after_an_s_that_sorts_a_long_list_move_the_cursor_in_the_new_order(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`s j j j` in one burst on a big store (the names sorted in a worker): the j's moved the cursor through the
    names as listed before, while the new order was being made, and the cursor stayed on the person they reached."""
    monkeypatch.setattr(sorting, "SORTED_AT_ONCE", 0)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "k")  # a cursor moved stays on its name when the names are sorted
        await settle(pilot)
        people = app.screen.people  # type: ignore[attr-defined]
        first = people.selected_key
        send_burst(app, "s j j j")
        await settle(pilot)
        ordered = [person.key for person in app.snapshot.people_in_order("surname")]
        assert [person.key for person in people.records] == ordered
        assert people.selected_key == ordered[ordered.index(first) + 3]
        send_burst(app, "k")
        await settle(pilot)
        assert people.selected_key == ordered[ordered.index(first) + 2], "a key after the sort moves at once"
