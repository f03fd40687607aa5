"""Defects a new user met reading and searching: an article keeps its reader's place through a resize, Tab in it
starts where the reader is, a theme switch recolors its text, a paste of several lines is one search, and a search
left with Tab is remembered."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual import events
from textual.pilot import Pilot

from store import Store
from tests.test_tui import choose_in_palette, make_app, settle, synchronously
from tui.app import WhosaidApp
from tui.article_screen import ArticleScreen
from tui.article_view import ArticleView

SIZE = (120, 35)


def in_view(view: ArticleView, offset: int) -> bool:
    """Whether the line showing a text offset is on screen."""
    return view.scroll_y <= view.line_of(offset) < view.scroll_y + view.scrollable_content_region.height


def article_lines(app: WhosaidApp) -> list[list[Segment]]:
    """The article's lines as drawn on screen, each a list of segments with their colors."""
    view = app.screen.query_one(ArticleView)
    strips = list(app.screen._compositor.render_strips())
    return [list(strip) for strip in strips[view.region.y : view.region.bottom]]


async def open_article_at_quote(pilot, quote: int) -> ArticleScreen:  # type: ignore[no-untyped-def]
    """Open the seed article from the Quotes pane at its quote number `quote` (from 1)."""
    await settle(pilot)
    await pilot.press("3", *["j"] * (quote - 1), "a")
    await settle(pilot)
    article = pilot.app.screen
    assert isinstance(article, ArticleScreen) and article.current_quote == quote - 1
    return article


# --- the article view ---------------------------------------------------------------------------------------


@synchronously
async def test_a_theme_chosen_while_reading_an_article_recolors_its_text(store: Store) -> None:
    """The view kept the lines it had drawn, in the old theme's colors: only the frame around them changed."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_article_at_quote(pilot, 2)
        before = article_lines(app)
        await choose_in_palette(pilot, "theme")
        await pilot.press(*"solarized-light")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == "solarized-light" and isinstance(app.screen, ArticleScreen)
        switched = article_lines(app)
        assert switched != before
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert article_lines(app) == switched, "drawn as an article opened in the new theme is"


@pytest.mark.parametrize("size", [(60, 20), (120, 15)], ids=["narrower", "shorter"])
@synchronously
async def test_the_marked_quote_stays_in_view_when_the_terminal_is_resized(store: Store, size: tuple[int, int]) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        article = await open_article_at_quote(pilot, 4)
        view = article.query_one(ArticleView)
        quote = article.quotes[3]
        assert in_view(view, quote.start)
        await pilot.resize_terminal(*size)
        await settle(pilot)
        assert view.lines is not None and view.lines.width == view.scrollable_content_region.width
        assert in_view(view, quote.start), "the marked quote was scrolled out of view"
        assert "quote 4/5" in str(view.border_subtitle)


async def scrolled_past_the_first_quote(pilot: Pilot[None]) -> tuple[ArticleScreen, ArticleView, int]:
    """The article of the first quote opened, scrolled two pages down: its screen, its view, and the offset of the
    text at the top."""
    article = await open_article_at_quote(pilot, 1)
    view = article.query_one(ArticleView)
    await pilot.press("pagedown", "pagedown")
    await settle(pilot)
    return article, view, view.top_offset()


@synchronously
async def test_a_resize_keeps_the_reading_place_when_the_marked_quote_was_scrolled_away(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 20)) as pilot:
        article, view, top = await scrolled_past_the_first_quote(pilot)
        assert not in_view(view, article.quotes[0].start)
        await pilot.resize_terminal(60, 20)
        await settle(pilot)
        assert view.lines is not None and view.lines.width == view.scrollable_content_region.width
        assert view.scroll_y == view.line_of(top) and not in_view(view, article.quotes[0].start)


@synchronously
async def test_the_first_tab_in_an_article_goes_to_the_first_name_at_or_after_the_marked_quote(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        article = await open_article_at_quote(pilot, 4)
        quote = article.quotes[3]
        after = [index for index, mention in enumerate(article.mentions) if mention.start >= quote.start]
        before = [index for index, mention in enumerate(article.mentions) if mention.start < quote.start]
        assert after and before
        await pilot.press("tab")
        assert article.current_name == after[0]
        await pilot.press("tab")
        assert article.current_name == after[0] + 1, "the next Tab goes on from that name"
        await pilot.press("n")
        await pilot.press("shift+tab")
        marked = article.quotes[4].start
        assert article.current_name == max(i for i, mention in enumerate(article.mentions) if mention.start < marked)


@synchronously
async def test_the_first_tab_in_an_article_scrolled_down_goes_to_the_first_name_in_view(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 20)) as pilot:
        article, view, top = await scrolled_past_the_first_quote(pilot)
        first_in_view = next(index for index, mention in enumerate(article.mentions) if mention.start >= top)
        assert first_in_view > 0
        await pilot.press("tab")
        assert article.current_name == first_in_view
        assert in_view(view, article.mentions[first_in_view].start)


# --- pasting into the search lines --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pasted", "searched"),
    [
        ("jake\nsullivan", "jake sullivan"),
        ("\nsullivan\n", "sullivan"),
        ("  joint \r\n\r\n   production  \n", "joint production"),
    ],
    ids=["two lines", "starting with a line break", "blank lines and spaces"],
)
@synchronously
async def test_a_paste_of_several_lines_is_one_search_in_the_search_box(
    store: Store, pasted: str, searched: str
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        app.post_message(events.Paste(pasted))
        await settle(pilot)
        screen = app.screen
        assert screen.search.value == searched and screen.search_text == searched
        await pilot.press("enter")
        await settle(pilot)
        assert screen.search.history[-1] == searched
        assert screen.quotes.records


@synchronously
async def test_a_paste_of_several_lines_is_one_search_in_the_article_search_line(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        article = await open_article_at_quote(pilot, 1)
        await pilot.press("slash")
        app.post_message(events.Paste("\njoint\nproduction\n"))
        await settle(pilot)
        assert article.query_one("#article-search").value == "joint production"
        await pilot.press("enter")
        await settle(pilot)
        assert article.search_query == "joint production" and article.matches


# --- leaving the search box ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["tab", "shift+tab"])
@synchronously
async def test_a_search_left_with_tab_is_remembered(store: Store, key: str) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash", *"sullivan", key)
        await settle(pilot)
        assert app.focused is not screen.search
        assert screen.search.history == ["sullivan"]
        await pilot.press("slash", "ctrl+u", "up")
        assert screen.search.value == "sullivan"


@synchronously
async def test_n_and_shift_n_go_on_from_where_the_reader_scrolled_as_less_does(store: Store) -> None:
    """n after scrolling two pages down went back to the quote after the one marked near the top."""
    app = make_app(store)
    async with app.run_test(size=(120, 20)) as pilot:
        article, view, top = await scrolled_past_the_first_quote(pilot)
        starts = [quote.start for quote in article.quotes]
        after = next(index for index, start in enumerate(starts) if start >= top)
        assert after > 1, "the test needs quotes scrolled past"
        await pilot.press("n")
        assert article.current_quote == after
        await pilot.press("n")
        assert article.current_quote == (after + 1) % len(starts), "the next n goes on from the quote it marked"
        await pilot.press("pageup", "pageup", "pageup", "pageup")
        await settle(pilot)
        await pilot.press("N")
        assert article.current_quote == len(starts) - 1, "N from the top goes round to the last quote"


@synchronously
async def test_n_at_the_article_s_end_goes_round_to_the_first_quote_and_shows_it_though_it_is_marked(
    store: Store,
) -> None:
    """With the first quote marked and the view at the end (G, or a search that ended there), n went round to the
    first quote, the one marked: nothing moved and nothing was said."""
    app = make_app(store)
    async with app.run_test(size=(80, 14)) as pilot:
        article = await open_article_at_quote(pilot, 1)
        view = app.screen.query_one(ArticleView)
        first = article.quotes[0].start
        await pilot.press("G")
        await settle(pilot)
        assert not in_view(view, first)
        article.current_quote = 0
        await pilot.press("n")
        await settle(pilot)
        assert article.current_quote == 0 and in_view(view, first)
        assert any("Went round the article to its first quote" in n.message for n in app._notifications)
