"""The browser driven through Pilot: panes, search, keys, details, and SVG snapshots of the main screens."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import threading
import time
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.content import Content
from textual.worker import WorkerCancelled

from store import ArticleRecord, Extraction, Organization, Person, Quote, QuoteRecord, Snapshot, Store, storage
from tui import browse_screen, panes, sorting
from tui.app import WhosaidApp
from tui.link_list import Subject
from tui.row_list import RowList

SEED = Path(__file__).resolve().parents[1] / "seeds" / "us-ukraine-joint-weapons-production.txt"
SIZE = (120, 36)


@pytest.fixture(autouse=True)
def isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's settings live in its own directory: the user's config is neither read nor written."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "whosaid" / "config.toml"


def make_app(store: Store) -> WhosaidApp:
    """The browser on `store`, run headless: it keeps no settings, whatever the test presses."""
    return WhosaidApp(store, store_label="store.json")


def settings_app(store: Store) -> WhosaidApp:
    """The browser on `store`, keeping its settings in the config file as it does on a terminal."""
    return WhosaidApp(store, store_label="store.json", keep_settings=True)


def row_texts(app: WhosaidApp, pane_id: str) -> list[str]:
    """The plain text of every row a pane lists."""
    rows = app.screen.query_one(f"#{pane_id}-list", RowList)
    return [rows._render_row(index).plain for index in range(rows.row_count)]


def title_of(widget: Any) -> str:
    """A widget's border title as plain text."""
    return Content.from_markup(widget.border_title or "").plain


def synchronously(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test to completion (no async pytest plugin is installed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the workers (names found, indexes built, article read) and the screen to catch up."""
    for _ in range(100):
        with contextlib.suppress(WorkerCancelled):  # a worker replaced by a newer one (the palette's as keys arrive)
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        keys = getattr(pilot.app, "key_order", None)
        held = keys is not None and (keys.waiting or keys.passing is not None)  # keys still to act, in order
        if not held and not any(worker.is_running for worker in pilot.app.workers):
            break
    await pilot.pause(0.15)


def no_blink(pilot) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one("#search").cursor_blink = False


@synchronously
async def test_launch_fills_the_panes_and_header(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        people = row_texts(app, "people")
        assert any("Jake Sullivan" in row for row in people)
        assert any(row.endswith(" White House") for row in row_texts(app, "organizations"))
        assert len(row_texts(app, "quotes")) == len(store.snapshot.quotes) > 0
        assert "People 9" in title_of(app.screen.people)
        assert "1 article" in app.sub_title and "store.json" in app.sub_title
        assert app.focused is app.screen.people.rows


@synchronously
async def test_search_filters_quotes_as_you_type_and_highlights(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert app.focused is app.screen.search
        await pilot.press(*"producti")
        quotes = app.screen.quotes
        assert 0 < len(quotes.records) < len(store.snapshot.quotes)
        assert all("producti" in q.text.lower() for q in quotes.records)
        row = quotes._row(0)
        assert any(span.style == "bold reverse" for span in row.spans)
        assert "of" in title_of(quotes)
        await pilot.press("escape")
        assert app.focused is not app.screen.search
        assert len(quotes.records) < len(store.snapshot.quotes)


@synchronously
async def test_search_with_no_match_says_so_and_filters_people(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"sullivan")
        assert [p.name for p in app.screen.people.records] == ["Jake Sullivan"]
        await settle(pilot)
        assert "Sullivan" in app.screen.detail.full_summary.plain
        await pilot.press(*"xyzzy")
        assert app.screen.quotes.records == []
        assert "No quotes match" in app.screen.quotes.rows.empty_message.plain
        await settle(pilot)
        assert app.screen.people.records == app.screen.organizations.records == []
        assert "Sullivan" not in app.screen.detail.full_summary.plain, "no detail of what no list holds"
        await pilot.press("ctrl+u")
        await settle(pilot)
        selected = app.screen.people.selected
        assert selected is not None and selected.name in app.screen.detail.full_summary.plain, "the lists are back"


@pytest.mark.parametrize("articles_found_after", [0.0, 0.4])
@synchronously
async def test_a_search_in_the_articles_pane_shows_its_first_article(
    store: Store, monkeypatch: pytest.MonkeyPatch, articles_found_after: float
) -> None:
    """Also when the articles of the quotes found come after the detail was first drawn (a big store's)."""
    found = browse_screen.articles_quoted

    def found_later(snapshot: Snapshot, quotes: Sequence[QuoteRecord], query: str) -> Sequence[ArticleRecord]:
        time.sleep(articles_found_after)
        return found(snapshot, quotes, query)

    monkeypatch.setattr(browse_screen, "articles_quoted", found_later)
    Store(store.path).ingest([("other.txt", "A council story\n\n\u201cThe harbor is fine,\u201d said Ann Lee.\n")])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("5", "down")
        await settle(pilot)
        assert screen.detail.subject == Subject("article", screen.articles.records[1].key)
        await pilot.press("slash", *"production")
        await settle(pilot)
        await pilot.pause(articles_found_after + 0.2)
        await settle(pilot)
        assert screen.articles.records
        assert screen.detail.subject == Subject("article", screen.articles.records[0].key)


@synchronously
async def test_search_history_recalls_earlier_searches(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        search = app.screen.search
        await pilot.press("slash", *"boeing", "enter", "slash")
        search.value = ""
        await pilot.press(*"weapons", "enter", "slash")
        search.value = ""
        await pilot.press("up")
        assert search.value == "weapons"
        await pilot.press("up")
        assert search.value == "boeing"
        await pilot.press("down", "down")
        assert search.value == ""
        search.value = ""
        await pilot.press(*"draft", "up", "up", "up", "down", "down", "down")
        assert search.value == "draft", "Down past the latest search brings back what was being typed"
        search.value = ""
        await pilot.press('"', "enter", "slash")
        search.value = ""
        await pilot.press(*"speaker:", "enter")
        assert search.history == ["boeing", "weapons"], "a search for nothing is not kept"


@synchronously
async def test_tab_cycles_panes_and_vim_keys_move(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("tab")
        assert app.focused is screen.organizations.rows
        await pilot.press("tab")
        assert app.focused is screen.quotes.rows
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is screen.people.rows
        await pilot.press("j", "j")
        assert screen.people.rows.cursor == 2
        await pilot.press("k")
        assert screen.people.rows.cursor == 1
        await pilot.press("G")
        assert screen.people.rows.cursor == len(screen.people.records) - 1
        await pilot.press("g")
        assert screen.people.rows.cursor == 0


@synchronously
async def test_selecting_a_person_shows_role_organization_and_quotes(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert screen.people.select_key("jason israel")
        await pilot.pause()
        await pilot.press("enter")
        summary = str(screen.detail.summary.render())
        assert "Jason Israel" in summary and "White House" in summary
        assert "Director of the National Security Council for defense policy and strategies" in summary
        prompts = [str(option.prompt) for option in screen.detail.links.options]
        assert any("will be a priority for joint production" in prompt for prompt in prompts)
        assert any("air defense systems" in prompt for prompt in prompts)
        assert app.focused is screen.detail.links


@synchronously
async def test_selecting_an_organization_shows_its_people(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("tab")
        assert screen.organizations.select_key("white house")
        await pilot.pause()
        prompts = [str(option.prompt) for option in screen.detail.links.options]
        assert any("Jason Israel" in prompt for prompt in prompts)
        assert not any("Bill LaPlante" in prompt for prompt in prompts)
        assert screen.organizations.select_key("pentagon")
        await pilot.pause()
        prompts = [str(option.prompt) for option in screen.detail.links.options]
        assert any("Bill LaPlante" in prompt for prompt in prompts)


@synchronously
async def test_enter_enter_escape_escape_returns_where_you_were(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.people.select_key("jake sullivan")
        await pilot.pause()
        await pilot.press("enter")
        assert screen.detail.subject.kind == "person"
        await pilot.press("enter")
        assert screen.detail.subject.kind == "quote"
        await pilot.press("escape")
        assert screen.detail.subject.kind == "person"
        assert app.focused is screen.detail.links
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is screen.people.rows
        assert screen.people.selected.key == "jake sullivan"


@synchronously
async def test_escape_back_to_a_person_puts_the_cursor_on_them_though_the_list_moved_meanwhile(store: Store) -> None:
    """A saved order that landed while a person's detail was open (or a person opened from an article) moved the list:
    Esc showed that person's detail with the cursor on another row, and Enter then opened that other row."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.people.select_key("jake sullivan")
        await pilot.pause()
        await pilot.press("enter")
        assert screen.detail.subject.key == "jake sullivan" and app.focused is screen.detail.links
        screen.people.rows.cursor = 0 if screen.people.rows.cursor else 1
        assert screen.people.selected.key != "jake sullivan"
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is screen.people.rows
        assert screen.people.selected.key == screen.detail.subject.key == "jake sullivan"


@synchronously
async def test_question_mark_lists_the_keys_and_q_quits(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        text = str(app.screen.query_one("#help-keys").render())
        assert "Search" in text and "Next pane" in text and "Quit" in text
        await pilot.press("escape")
        assert type(app.screen).__name__ == "BrowseScreen"
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


def test_snapshot_main_screen(snap_compare, store: Store) -> None:
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=no_blink)


def test_snapshot_search_with_matches(snap_compare, store: Store) -> None:
    assert snap_compare(make_app(store), terminal_size=SIZE, press=["slash", *"production"], run_before=no_blink)


HOSTILE = (
    "Hostile [bold]title[/] \x1b[31mred\x1b[0m\n"
    "\u201c[@click=app.quit]Quit now[/] [link=http://evil.example]x[/link] \x1b]52;c;aGk=\x07 "
    "\x1b[2J\u202egnp.exe\x9b[/\u201d said Mallory Smith.\n"
    "ORG=Evil [b]Corp[/b]\n"
)


def hostile_extract(text: str) -> Extraction:
    """The hostile article's quote, speaker and organization, found by position."""
    start = text.index("\u201c") + 1
    end = text.index("\u201d")
    return Extraction(
        text.split("\n", 1)[0],
        (Person("Mallory Smith [red]x[/red]\x1b[5m", (), "[italic]role\x07", "Evil [b]Corp[/b]"),),
        (Organization("Evil [b]Corp[/b]"),),
        (Quote(text[start:end], "Mallory Smith [red]x[/red]\x1b[5m", start, end, 1),),
    )


@pytest.fixture
def hostile_store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "evil.json", extractor=hostile_extract)
    store.ingest([("evil.txt", HOSTILE)])
    return store


async def choose_in_palette(pilot, typed: str) -> None:  # type: ignore[no-untyped-def]
    """Open the command palette, type, and take its first command."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*typed)
    await settle(pilot)
    await pilot.press("enter")
    await pilot.pause()


def screen_text(app: WhosaidApp) -> str:
    """Everything on screen as plain text, as a terminal would show it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@synchronously
async def test_hostile_text_is_shown_literally_and_never_acted_on(hostile_store: Store) -> None:
    app = make_app(hostile_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "tab", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]Quit now[/]" in text
        assert "[link=http://evil.example]x[/link]" in text
        assert "Mallory Smith [red]x[/red]" in text
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text and "\x9b" not in text
        assert "\u241b[2J" in text
        await pilot.press("y")
        copied = app.clipboard
        assert "[@click=app.quit]" in copied
        assert not any(char in copied for char in "\x1b\x07\x9b\u202e")
        await pilot.press("a")
        await pilot.pause()
        article_text = screen_text(app)
        assert "Hostile [bold]title[/]" in article_text and "\x1b" not in article_text
        await pilot.press("escape", "question_mark", "escape")
        assert app.is_running


@synchronously
async def test_copy_puts_the_quote_and_citation_on_the_clipboard(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "y")
        assert app.clipboard.startswith("\u201cUkraine\u2019s emergence")
        assert "Jake Sullivan" in app.clipboard
        await pilot.pause()
        assert any("Sent to your terminal's clipboard" in notification.title for notification in app._notifications)


def copy_key(app: WhosaidApp) -> str | None:
    """What the footer says the y key copies ("Copy quote", or "Copy" for a name or article), None while it is shown
    disabled."""
    from textual.widgets._footer import FooterKey

    keys = [key for key in app.screen.query(FooterKey) if key.key == "y"]
    assert len(keys) == 1, "the footer shows one copy key"
    return None if keys[0].has_class("-disabled") else keys[0].description


@synchronously
async def test_y_copies_the_quote_else_the_person_organization_or_article_selected(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        while app.screen.people.selected.name != "Jake Sullivan":
            await pilot.press("j")
        await settle(pilot)
        assert copy_key(app) == "Copy"
        await pilot.press("y")
        assert app.clipboard.startswith("Jake Sullivan, ") and "national security adviser" in app.clipboard.lower()
        await pilot.press("2")
        await settle(pilot)
        organization = app.screen.organizations.selected.name
        await pilot.press("y")
        assert app.clipboard == organization
        await pilot.press("3")
        await settle(pilot)
        assert copy_key(app) == "Copy quote"
        await pilot.press("1", "enter")
        await settle(pilot)
        assert app.screen.detail.highlighted_subject.kind == "quote" and copy_key(app) == "Copy quote"
        await pilot.press("G", "G")
        await settle(pilot)
        assert app.screen.detail.highlighted_subject.kind == "article" and copy_key(app) == "Copy"
        await pilot.press("slash", *"xyzzy", "escape", "3")
        await settle(pilot)
        assert not app.screen.quotes.records and copy_key(app) is None, "no quote listed"
        await pilot.press("y")
        assert app.clipboard == organization, "y does nothing where there is nothing to copy"
        await pilot.press("slash", "ctrl+u", "escape", "5")
        await settle(pilot)
        article = app.snapshot.articles[0]
        assert copy_key(app) == "Copy"
        await pilot.press("y")
        cited = (article.title, article.outlet, article.date, article.url)
        assert app.clipboard == ", ".join(part for part in cited if part)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.current_quote is None and copy_key(app) == "Copy", "y says how to mark a quote"
        await pilot.press("n")
        await settle(pilot)
        assert copy_key(app) is not None
        await pilot.press("y")
        assert app.clipboard.startswith("\u201cUkraine\u2019s emergence")


@synchronously
async def test_new_articles_from_another_process_appear_keeping_selection_and_search(
    store: Store, tmp_path: Path
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"weapons", "escape")
        chosen = app.screen.quotes.records[-1].key
        app.screen.quotes.select_key(chosen)
        other = Store(store.path)
        other.ingest([("more.txt", "More weapons news\n\u201cWe need more weapons,\u201d said Jake Sullivan.\n")])
        for _ in range(40):
            await pilot.pause(0.1)
            if "2 articles" in app.sub_title:
                break
        assert "2 articles" in app.sub_title
        assert app.screen.search_text == "weapons"
        assert any("more weapons" in q.text for q in app.screen.quotes.records)
        assert app.screen.quotes.selected.key == chosen


@synchronously
async def test_a_sorted_list_read_again_keeps_an_untouched_cursor_on_top_and_the_detail_follows_it(
    store: Store,
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "s")
        await settle(pilot)
        people = app.screen.people
        assert "by quotes" in title_of(people) and people.rows.cursor == 0
        assert app.screen.detail.subject is not None and app.screen.detail.subject.key == people.records[0].key
        said = "".join(f"\u201cWe will build plant number {n} this year,\u201d said Ana Mbeki.\n" for n in range(5))
        Store(store.path).ingest([("more.txt", "Plants\n" + said)])
        for _ in range(40):
            await pilot.pause(0.1)
            if "2 articles" in app.sub_title and app.screen.detail.subject.key == "ana mbeki":
                break
        await settle(pilot)
        assert people.records[0].key == "ana mbeki" and people.rows.cursor == 0
        assert app.screen.detail.subject.key == "ana mbeki", "the detail shows who the cursor is on"


@synchronously
async def test_article_view_marks_the_quote_and_steps_through_quotes_and_names(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "j", "a")
        await settle(pilot)
        article = app.screen
        assert type(article).__name__ == "ArticleScreen" and article.loaded
        assert article.current_quote == 1
        await pilot.press("n")
        assert article.current_quote == 2
        await pilot.press("N", "N")
        assert article.current_quote == 0
        await pilot.press("tab")
        assert article.mentions[article.current_name].subject.kind in ("person", "organization")
        while article.mentions[article.current_name].subject.key != "jake sullivan":
            await pilot.press("tab")
        name_index, scroll_y = article.current_name, article.query_one("#article").scroll_y
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "BrowseScreen"
        assert app.screen.detail.subject.key == "jake sullivan"
        await pilot.press("escape")
        await settle(pilot)
        back = app.screen
        assert type(back).__name__ == "ArticleScreen" and back.loaded
        assert back.current_name == name_index and back.current_quote == 0
        assert back.query_one("#article").scroll_y == scroll_y
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.detail.subject.kind == "quote"


@synchronously
async def test_palette_goes_to_a_person_by_fuzzy_name(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await choose_in_palette(pilot, "jsullivan")
        assert app.screen.detail.subject.key == "jake sullivan"


@synchronously
async def test_a_person_chosen_in_the_palette_whom_the_search_hides_is_selected_search_cleared(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"drones", "enter")
        await settle(pilot)
        screen = app.screen
        assert "jake sullivan" not in [person.key for person in screen.people.records]
        await choose_in_palette(pilot, "jsullivan")
        await settle(pilot)
        assert screen.detail.subject.key == "jake sullivan"
        assert screen.search.value == "" and screen.people.selected.key == "jake sullivan"
        assert any("drones" in str(notification.message) for notification in app._notifications)
        await pilot.press("1")
        await settle(pilot)
        assert screen.detail.subject.key == "jake sullivan", "going to People keeps the person chosen"
        await pilot.press("slash", "up")
        assert screen.search.value == "drones", "the cleared search is in the history"


@synchronously
async def test_palette_finds_names_with_accents_by_their_plain_letters_and_not_by_their_label(tmp_path: Path) -> None:
    """"muller" listed no Jürgen Müller, and "pers" listed every person (the label "Person: " was searched)."""
    store = Store(tmp_path / "store.json")
    store.ingest([("a.txt", (
        "Port deal signed\n\n"
        "\u201cWe are ready,\u201d said J\u00fcrgen M\u00fcller, the port's director.\n\n"
        "\u201cIt is fair,\u201d said Jos\u00e9 P\u00e9rez, a dock worker.\n"
    ))])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        for typed, listed, unlisted in (
            ("muller", "Person: J\u00fcrgen M\u00fcller", "Jos\u00e9"),
            ("JOSE PEREZ", "Person: Jos\u00e9 P\u00e9rez", "M\u00fcller"),
            ("pers", None, "Person:"),
            ("person: muller", "Person: J\u00fcrgen M\u00fcller", "Jos\u00e9"),
            ("person:", "Person: Jos\u00e9 P\u00e9rez", "Article:"),
            ("article:a.txt", "Article: Port deal signed", "Person:"),
        ):
            await pilot.press("ctrl+u", *typed)
            await settle(pilot)
            options = [str(option.prompt).splitlines()[0] for option in app.screen.query_one("CommandList").options]
            assert listed is None or listed in options, (typed, options)
            assert not any(unlisted in option for option in options), (typed, options)
        await pilot.press("ctrl+u", *"muller", "enter")
        await settle(pilot)
        assert app.screen.detail.subject.kind == "person" and "ller" in app.screen.people.selected_key


@synchronously
async def test_g_and_shift_g_go_to_the_top_and_bottom_of_the_help(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        keys = app.screen.query_one("#help")
        assert keys.max_scroll_y > 0
        await pilot.press("G")
        await settle(pilot)
        assert keys.scroll_y == keys.max_scroll_y
        await pilot.press("g")
        await settle(pilot)
        assert keys.scroll_y == 0


@synchronously
async def test_a_narrow_help_leaves_out_the_ids_rather_than_wrap_them(store: Store) -> None:
    """At 40 columns each binding's id wrapped onto a line of its own under its key, doubling the list."""
    app = make_app(store)
    async with app.run_test(size=(40, 15)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        listed = app.screen.query_one("#help-keys").render().plain  # type: ignore[attr-defined]
        assert "app.help" not in listed and "Keys" in listed
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert "app.help" in app.screen.query_one("#help-keys").render().plain  # type: ignore[attr-defined]


@synchronously
async def test_a_query_that_can_match_nothing_says_why_in_the_quotes_pane(store: Store) -> None:
    """"date:2024-13" and "++" said only "No quotes match", where the command line says why."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for typed, said in (
            ("date:2024-13", "date:2024-13: is not a date (2024, 2024-06 or 2024-06-12)"),
            ("++", "nothing to search for in \u201c++\u201d"),
            ("zzqx", "No quotes match \u201czzqx\u201d"),
            ("speaker:", "nothing to search for: give a word"),
        ):
            await pilot.press("slash", "ctrl+u", *typed, "enter")
            await settle(pilot)
            assert said in screen_text(app), typed


@pytest.mark.parametrize("width", [50, 69])
@synchronously
async def test_narrow_terminal_shows_one_pane_at_a_time(store: Store, width: int) -> None:
    """Up to 69 columns: at 60, three lists side by side cut names to ten letters."""
    app = make_app(store)
    async with app.run_test(size=(width, 20)) as pilot:
        screen = app.screen
        assert screen.people.display and not screen.quotes.display
        await pilot.press("3")
        await pilot.pause()
        assert screen.quotes.display and not screen.people.display and not screen.detail.display
        await pilot.press("enter")
        await pilot.pause()
        assert screen.detail.display and not screen.quotes.display


def test_ascii_terminals_get_ascii_borders(store: Store) -> None:
    from tui.app import terminal_needs_ascii

    assert terminal_needs_ascii("linux") and terminal_needs_ascii("vt220") and terminal_needs_ascii("dumb")
    assert not terminal_needs_ascii("xterm-256color")


def test_snapshot_main_screen_80x24(snap_compare, store: Store) -> None:
    assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=no_blink)


def test_snapshot_person_detail(snap_compare, store: Store) -> None:
    assert snap_compare(make_app(store), terminal_size=SIZE, press=["j", "j", "j", "j", "enter"], run_before=no_blink)


def test_snapshot_organization_detail(snap_compare, store: Store) -> None:
    async def select_white_house(pilot) -> None:  # type: ignore[no-untyped-def]
        no_blink(pilot)
        await pilot.press("tab")
        pilot.app.screen.organizations.select_key("white house")
        await pilot.pause()

    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=select_white_house)


@pytest.fixture
def fixed_ingest_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles say they were added on one fixed day, so that snapshots of the article view do not age."""
    from tui import article_screen

    monkeypatch.setattr(article_screen, "added_on", lambda _article: "2024-06-05")


async def open_article_at_a_name(pilot) -> None:  # type: ignore[no-untyped-def]
    no_blink(pilot)
    await settle(pilot)
    await pilot.press("3", "j", "a")
    await settle(pilot)
    await pilot.press("tab")


@pytest.mark.usefixtures("fixed_ingest_date")
def test_snapshot_article_view(snap_compare, store: Store) -> None:
    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=open_article_at_a_name)


def test_snapshot_help(snap_compare, store: Store) -> None:
    assert snap_compare(make_app(store), terminal_size=SIZE, press=["question_mark"], run_before=no_blink)


def test_snapshot_ascii_borders_80x24(snap_compare, store: Store) -> None:
    app = WhosaidApp(store, ascii_only=True, store_label="store.json")
    assert snap_compare(app, terminal_size=(80, 24), run_before=no_blink)


@synchronously
async def test_store_is_read_after_the_first_frame_and_a_damaged_one_ends_the_app(store: Store) -> None:
    unread = Store(store.path)
    app = make_app(unread)
    assert unread.loaded_snapshot is None and app.reading_store
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if not app.reading_store:
                break
        assert "People 9" in title_of(app.screen.people)
        assert "1 article" in app.sub_title
    quotes_file = next((store.path.parent / "store.json.d").glob("quotes.*.json"))
    quotes_file.write_text("{damaged")
    broken = make_app(Store(store.path))
    async with broken.run_test(size=SIZE) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if broken.return_code is not None:
                break
    assert broken.return_code == 2
    assert broken.exit_error is not None and "damaged table file" in broken.exit_error


@pytest.mark.parametrize("table", ["quotes", "search"])
@synchronously
async def test_a_store_opened_on_its_first_quotes_ends_the_app_when_a_later_file_is_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str
) -> None:
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 2)
    store = Store(tmp_path / "store.json")
    store.ingest([(SEED.name, SEED.read_text(encoding="utf-8"))])
    manifest = json.loads(store.path.read_text())["whosaid"]["tables"]
    last_file = store.path.parent / "store.json.d" / manifest[table][-1][0]
    last_file.write_bytes(b"{damaged".ljust(last_file.stat().st_size))
    opened = Store(store.path)
    assert opened.open_snapshot().summary().quotes == 5
    app = make_app(opened)
    await asyncio.wait_for(app.run_async(headless=True, size=SIZE), timeout=30)
    assert app.return_code == 2
    assert app.exit_error is not None and "damaged table file" in app.exit_error


@pytest.mark.parametrize(
    ("burst", "expected_search", "expected_focus"),
    [("/self", "self", "search"), ("/a/1", "a/1", "search"), ("\tj", "", "organizations-list")],
)
@synchronously
async def test_keys_arriving_together_reach_the_widget_the_first_one_focuses(
    store: Store, burst: str, expected_search: str, expected_focus: str
) -> None:
    from textual import events

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for character in burst:
            key = {"/": "slash", "\t": "tab"}.get(character, character)
            app.post_message(events.Key(key, character if character != "\t" else None))
        await settle(pilot)
        assert app.screen.search.value == expected_search
        assert app.focused is not None and app.focused.id == expected_focus
        if expected_focus == "organizations-list":
            assert app.screen.organizations.rows.cursor == 1


@synchronously
async def test_the_browser_resumes_the_cycle_collector_the_command_paused_once_it_has_drawn(store: Store) -> None:
    import gc

    gc.disable()
    try:
        async with make_app(store).run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def link_texts(app: WhosaidApp) -> list[str]:
    """The plain text of every row the detail's link list holds now."""
    return [str(option.prompt) for option in app.screen.detail.links.options]


def highlighted_link(app: WhosaidApp) -> str:
    """The plain text of the link under the detail's cursor."""
    links = app.screen.detail.links
    return str(links.options[links.highlighted].prompt) if links.highlighted is not None else ""


def hearing_store(tmp_path: Path, quoted: int) -> Store:
    """A store whose one article has Ann Lee say “Point 0” to “Point N-1”."""
    from tests.conftest import tagged_extract

    lines = "\n".join(f"\u201cPoint {n},\u201d said Ann Lee." for n in range(quoted))
    store = Store(tmp_path / "store.json", extractor=tagged_extract)
    store.ingest([("long.txt", f"Long hearing\n\n{lines}\n")])
    return Store(store.path)


@synchronously
async def test_every_quote_of_a_person_is_reached_from_the_detail_with_end_and_the_arrows(tmp_path: Path) -> None:
    from tui.link_list import PAGE

    quoted = 120
    app = make_app(hearing_store(tmp_path, quoted))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert f"Quotes ({quoted})" in link_texts(app)
        assert sum(text.startswith("\u201cPoint") for text in link_texts(app)) == PAGE
        await pilot.press("end")
        assert highlighted_link(app) == f"\u201cPoint {quoted - 1},\u201d"
        await pilot.press("end")
        assert highlighted_link(app) == "Long hearing"
        await pilot.press("up")
        assert highlighted_link(app) == f"\u201cPoint {quoted - 1},\u201d"
        seen = [highlighted_link(app)]
        for _ in range(quoted - 1):
            await pilot.press("up")
            seen.append(highlighted_link(app))
        assert seen == [f"\u201cPoint {n},\u201d" for n in reversed(range(quoted))]
        await pilot.press("up")
        assert highlighted_link(app) == "\u201cPoint 0,\u201d"
        await pilot.press("G", "g")
        assert highlighted_link(app) == "\u201cPoint 0,\u201d"
        assert app.screen.detail.links.scroll_y == 0
        for n in range(1, quoted):
            await pilot.press("j")
            assert highlighted_link(app) == f"\u201cPoint {n},\u201d"
        await pilot.press("j")
        assert highlighted_link(app) == "Long hearing"
        assert len(app.screen.detail.links.options) <= 260


@synchronously
async def test_enter_on_a_far_quote_and_escape_come_back_to_it(tmp_path: Path) -> None:
    app = make_app(hearing_store(tmp_path, 120))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "end", "up", "pagedown", "pageup", "up")
        await settle(pilot)
        chosen = highlighted_link(app)
        assert chosen.startswith("\u201cPoint 1") and chosen != "\u201cPoint 1,\u201d"
        await pilot.press("enter")
        assert app.screen.detail.subject.kind == "quote"
        await pilot.press("escape")
        await settle(pilot)
        assert highlighted_link(app) == chosen


@synchronously
async def test_article_view_is_read_like_less(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "j", "a")
        await settle(pilot)
        article = app.screen
        view = article.query_one("#article")
        assert SEED.name in article.sub_title
        lines = [line.strip("│ ") for line in screen_text(app).splitlines()[2:-2]]
        first_blank = lines.index("")
        assert lines[first_blank + 1] != "" and lines[first_blank + 1].startswith("\u201cUkraine")
        assert "quote 2/5 \u00b7 " in str(view.border_subtitle) and "%" in str(view.border_subtitle)
        await pilot.press("slash", *"production", "enter")
        await settle(pilot)
        assert article.search_query == "production" and len(article.matches) >= 3
        assert article.current_match == 0 and "match 1/" in str(view.border_subtitle)
        await pilot.press("n", "n")
        assert article.current_match == 2 and article.current_quote == 1
        await pilot.press("N")
        assert article.current_match == 1
        await pilot.press("escape")
        assert app.screen is article and article.search_query == "" and "match" not in str(view.border_subtitle)
        await pilot.press("n")
        assert article.current_quote == 2
        await pilot.press("slash", *"xyzzy", "enter")
        await settle(pilot)
        assert article.search_query == "xyzzy" and any("xyzzy" in n.message for n in app._notifications)
        assert "\u201cxyzzy\u201d: no match" in str(view.border_subtitle)
        app.clear_notifications()
        await pilot.press("n")
        assert article.current_quote == 2 and any("xyzzy" in n.message for n in app._notifications)
        await pilot.press("escape")
        assert app.screen is article and article.search_query == "", "Esc ends a search that found nothing, first"
        await pilot.press("slash", "q", "escape")
        assert app.screen is article and app.is_running
        await pilot.press("q")
        assert type(app.screen).__name__ == "BrowseScreen" and app.is_running
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@synchronously
async def test_an_article_search_typed_in_one_burst_goes_into_the_search_line_and_n_after_it_to_the_article(
    store: Store,
) -> None:
    """'/production' sent at once (a paste, a fast typist over SSH) opened an empty search line: the letters reached
    the article before the line had the focus."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "a")
        await settle(pilot)
        article = app.screen
        burst = [("slash", "/"), *((char, char) for char in "production"), ("enter", "\r"), ("n", "n")]
        for key, character in burst:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert article.search_query == "production" and len(article.matches) >= 3
        assert article.query_one("#article-search").value == "production", "the n after Enter went to the article"
        assert app.screen is article and article.focused is article.query_one("#article")


@pytest.mark.parametrize("searched_first", [False, True])
@synchronously
async def test_esc_then_slash_and_a_query_in_one_burst_search_for_the_query(store: Store, searched_first: bool) -> None:
    """Esc then "/" typed fast: "/" (a priority key) moved the focus to the search box before the list had taken
    the Esc, which then left the box; the letters after it acted as commands on the panes."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        if searched_first:
            await pilot.press("slash", *"kowal", "enter")
        await pilot.press("3", "j")
        await settle(pilot)
        screen = app.screen
        for key, character in [("escape", None), ("slash", "/"), *((char, char) for char in "sullivan")]:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert app.screen is screen and app.focused is screen.search
        assert screen.search.value == "sullivan"
        assert "s" not in screen.search.history


@synchronously
async def test_a_person_opens_their_article_at_its_first_mention_of_them(store: Store) -> None:
    """`a` on a person opened the article at its top, their first mention maybe far below."""
    app = make_app(store)
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("1", "end")
        await settle(pilot)
        person = screen.people.selected
        assert person is not None
        await pilot.press("a")
        await settle(pilot)
        article = app.screen
        assert article is not screen and article.current_name is not None
        mention = article.mentions[article.current_name]
        assert mention.subject == Subject("person", person.key)
        assert all(m.start >= mention.start for m in article.mentions if m.subject == mention.subject)
        view = article.query_one("#article")
        assert view.scroll_y <= view.line_of(mention.start) < view.scroll_y + view.size.height, "the mention in view"
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("1", "enter", "G", "G")
        await settle(pilot)
        assert screen.detail.highlighted_subject.kind == "article"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is not screen and app.screen.current_name is not None, "Enter opens it at the name, as a does"
        assert app.screen.mentions[app.screen.current_name].subject == Subject("person", person.key)


@pytest.mark.usefixtures("fixed_ingest_date")
def test_snapshot_article_search(snap_compare, store: Store) -> None:
    async def search(pilot) -> None:  # type: ignore[no-untyped-def]
        no_blink(pilot)
        await settle(pilot)
        await pilot.press("3", "a")
        await settle(pilot)
        await pilot.press("slash", *"production", "enter")
        await settle(pilot)
        await pilot.press("n")

    assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=search)


@synchronously
async def test_people_and_organizations_show_quote_counts_and_s_cycles_their_order(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        people = app.screen.people
        assert row_texts(app, "people")[0].split()[:3] == ["0", "Alexander", "Kamyshin"]
        assert any(row.split()[:3] == ["3", "Jake", "Sullivan"] for row in row_texts(app, "people"))
        people.select_key("jason israel")
        await pilot.press("s")
        assert "by surname" in title_of(people) and people.selected_key == "jason israel"
        surnames = [person.name.split()[-1] for person in people.records]
        assert surnames == sorted(surnames, key=str.casefold)
        await pilot.press("s")
        assert "by quotes" in title_of(people)
        assert [person.key for person in people.records[:2]] == ["jake sullivan", "jason israel"]
        await pilot.press("s")
        assert "by latest article" in title_of(people)
        await pilot.press("s")
        assert "by" not in title_of(people) and people.records[0].name == "Alexander Kamyshin"
        await pilot.press("2", "s")
        organizations = app.screen.organizations
        assert "by quotes" in title_of(organizations)
        assert organizations.records[0].key == "white house"
        assert row_texts(app, "organizations")[0].split()[:3] == ["2", "White", "House"]
        await pilot.press("slash", *"white", "escape")
        await settle(pilot)
        assert [organization.name for organization in organizations.records] == ["White House"]
        assert "by quotes" in title_of(organizations)


@synchronously
async def test_a_narrow_list_sorted_by_quotes_still_shows_each_count(store: Store) -> None:
    """At 100 columns a People pane with a scrollbar was too narrow for counts, so "by quotes" listed names in an
    order nothing on screen explained; sorted by name, a list that narrow still leaves them out."""
    app = make_app(store)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        assert not row_texts(app, "people")[0].split()[0].isdigit()
        await pilot.press("1", "s", "s")
        await settle(pilot)
        assert app.screen.people.order == "count"
        assert row_texts(app, "people")[0].split()[:3] == ["3", "Jake", "Sullivan"]


@synchronously
async def test_a_long_list_is_sorted_in_a_worker_the_title_saying_so_while_the_keys_still_move(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sorting every one of 200,000 people by their quotes takes seconds: the pane lists them as given meanwhile,
    its title saying the order is on its way, the cursor still moving; then they show sorted, the cursor on the
    same person."""
    monkeypatch.setattr(sorting, "SORTED_AT_ONCE", 0)
    held = threading.Event()
    sort = panes.in_order

    def held_sort(*arguments: Any) -> Any:
        if threading.current_thread() is not threading.main_thread():
            held.wait(10)
        return sort(*arguments)

    monkeypatch.setattr(panes, "in_order", held_sort)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        people = app.screen.people
        given = [person.key for person in people.records]
        await pilot.press("s")
        assert "surname" in title_of(people) and title_of(people).endswith("\u2026"), "the order is on its way"
        assert [person.key for person in people.records] == given
        await pilot.press("down")
        assert people.selected_key == given[1], "the keys move the cursor while the names are sorted"
        held.set()
        await settle(pilot)
        assert title_of(people).endswith("surname")
        assert [person.key for person in people.records] == [
            person.key for person in app.snapshot.people_in_order("surname")
        ]
        assert people.selected_key == given[1], "the cursor stays on the same person"
        held.clear()
        await pilot.press("s")
        assert "quotes" in title_of(people) and title_of(people).endswith("\u2026")
        held.set()
        await settle(pilot)
        assert [person.key for person in people.records[:2]] == ["jake sullivan", "jason israel"]
        assert title_of(people).endswith("quotes")


@synchronously
async def test_s_pressed_several_times_in_a_row_sorts_a_long_list_only_in_the_last_order(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each order of 200,000 people takes a second or more to make: going past two orders to a third sorts in the
    third only, rather than making all three at once on a two-core machine."""
    monkeypatch.setattr(sorting, "SORTED_AT_ONCE", 0)
    monkeypatch.setattr(panes, "SORTED_AFTER_A_PAUSE", 0)
    sorted_in: list[str] = []
    sort = panes.in_order

    def counted_sort(snapshot: Any, records: Any, order: str) -> Any:
        if threading.current_thread() is not threading.main_thread():
            sorted_in.append(order)
        return sort(snapshot, records, order)

    monkeypatch.setattr(panes, "in_order", counted_sort)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "s", "s")
        await settle(pilot)
        assert sorted_in == ["latest"]
        assert [person.key for person in app.screen.people.records] == [
            person.key for person in app.snapshot.people_in_order("latest")
        ]


def test_snapshot_sorted_lists_with_counts(snap_compare, store: Store) -> None:
    async def sort(pilot) -> None:  # type: ignore[no-untyped-def]
        no_blink(pilot)
        await settle(pilot)
        await pilot.press("s", "s", "2", "s")
        await settle(pilot)

    assert snap_compare(make_app(store), terminal_size=SIZE, run_before=sort)


@synchronously
async def test_a_search_result_row_starts_near_its_first_match_and_the_quote_detail_marks_every_match(
    store: Store,
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"western", "enter")
        await settle(pilot)
        quotes = app.screen.quotes
        assert len(quotes.records) == 1
        row = quotes._row(0)
        assert "\u201c\u2026" in row.plain and row.plain.index("Western") < 60
        assert "emergence" not in row.plain
        assert any(row.plain[span.start : span.end] == "Western" and span.style == "bold reverse" for span in row.spans)
        assert "Western" in screen_text(app).split("Quotes 1 of 5")[1].splitlines()[1]
        await pilot.press("enter")
        await settle(pilot)
        summary = app.screen.detail.full_summary
        marked = [summary.plain[span.start : span.end] for span in summary.spans if span.style == "bold reverse"]
        assert marked.count("Western") == 2
        await pilot.press("escape", "slash", "ctrl+u", *"production supply", "enter")
        await settle(pilot)
        assert quotes.records
        await pilot.press("enter")
        await settle(pilot)
        summary = app.screen.detail.full_summary
        spans = [span for span in summary.spans if span.style == "bold reverse"]
        assert {"production", "supply"} <= {summary.plain[span.start : span.end].lower() for span in spans}


@pytest.mark.parametrize("focus", [(), ("slash",), ("question_mark",), ("3", "a")])
@synchronously
async def test_ctrl_c_quits_from_every_screen(store: Store, focus: tuple[str, ...]) -> None:
    """README: q or Ctrl+C quits; in an article or the help, Ctrl+C asked "Do you want to quit? Press ctrl+q"."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*focus)
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


@synchronously
async def test_a_on_a_person_or_organization_opens_their_first_article_or_says_why_not(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        article = app.screen
        assert type(article).__name__ == "ArticleScreen" and article.loaded
        assert article.article_key == store.snapshot.articles[0].key and article.current_quote is None
        await pilot.press("escape", "2", "enter")
        await settle(pilot)
        assert app.screen.detail.subject.kind == "organization"
        await pilot.press("a")
        await settle(pilot)
        assert type(app.screen).__name__ == "ArticleScreen"
        await pilot.press("escape")
        await settle(pilot)
        snapshot = app.snapshot
        orphan = type(snapshot.people[0])("nobody", "Nobody Known", (), ())
        app.screen.people.show(snapshot, [orphan], 1, "")
        await pilot.press("1", "a")
        await settle(pilot)
        assert type(app.screen).__name__ == "BrowseScreen"
        assert any("No stored article names Nobody Known" in n.message for n in app._notifications)


@synchronously
async def test_the_first_up_in_the_search_box_recalls_the_search_before_the_current_one(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        search = app.screen.search
        await pilot.press("slash", *"boeing", "enter", "slash", "ctrl+u", *"weapons", "enter", "slash")
        assert search.value == "weapons"
        await pilot.press("up")
        assert search.value == "boeing"
        await pilot.press("down")
        assert search.value == "weapons"
        await pilot.press("down")
        assert search.value == ""


@synchronously
async def test_one_of_each_is_counted_in_the_singular(hostile_store: Store) -> None:
    app = make_app(hostile_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "1 article, 1 person, 1 organization, 1 quote" in app.sub_title


@synchronously
async def test_with_no_color_the_cursor_row_and_the_focused_pane_title_are_in_reverse_video(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        people = app.screen.people
        cursor_style = people.rows.get_visual_style("row-list--cursor")
        assert cursor_style.reverse
        assert people.styles.border_title_style.reverse
        assert not app.screen.organizations.styles.border_title_style.reverse
        await pilot.press("2")
        await settle(pilot)
        assert app.screen.organizations.styles.border_title_style.reverse
        assert not people.styles.border_title_style.reverse


@synchronously
async def test_a_theme_chosen_in_the_palette_is_there_at_the_next_launch(store: Store, isolated_config: Path) -> None:
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_in_palette(pilot, "theme")
        await pilot.press(*"nord")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == "nord"
        await pilot.press("q")
    assert 'theme = "nord"' in isolated_config.read_text(encoding="utf-8")
    again = settings_app(store)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


@synchronously
async def test_a_damaged_config_is_reported_in_one_line_ignored_and_kept(store: Store, isolated_config: Path) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text('theme = "nord\n[', encoding="utf-8")
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark" and app.is_running
        problems = [n.message for n in app._notifications if n.title == "Settings"]
        assert len(problems) == 1 and "\n" not in problems[0] and "config.toml" in problems[0]
        app.theme = "nord"
        await settle(pilot)
    assert isolated_config.read_text(encoding="utf-8") == 'theme = "nord\n['


@synchronously
async def test_a_guest_session_reads_the_settings_but_never_writes_them_and_ctrl_z_does_nothing(
    store: Store, isolated_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text('# kept\ntheme = "gruvbox"\n', encoding="utf-8")
    monkeypatch.setenv("WHOSAID_GUEST", "1")
    suspended: list[bool] = []
    monkeypatch.setattr(WhosaidApp, "action_suspend_process", lambda self: suspended.append(True))
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "gruvbox"
        app.theme = "nord"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.is_running and suspended == []
    assert isolated_config.read_text(encoding="utf-8") == '# kept\ntheme = "gruvbox"\n'
    monkeypatch.delenv("WHOSAID_GUEST")
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+z")
        assert suspended == [True]
        app.theme = "nord"
        await settle(pilot)
    assert isolated_config.read_text(encoding="utf-8") == '# kept\ntheme = "nord"\n'


def test_an_article_is_laid_out_in_wrapped_lines_one_blank_line_between_paragraphs() -> None:
    from tui.article_layout import BLANK, lay_out

    text = "Title line\n\n\n   The quick brown fox jumps over the lazy dog.\n\nSupercalifragilistic!\n\n"
    layout = lay_out(text, 12)
    lines = [text[start:end].rstrip() for start, end in zip(layout.starts, layout.ends, strict=True)]
    assert lines == [
        "Title line",
        "",
        "The quick",
        "brown fox",
        "jumps over",
        "the lazy",
        "dog.",
        "",
        "Supercalifra",
        "gilistic!",
    ]
    assert [number for number in layout.paragraphs if number == BLANK] == [BLANK, BLANK]
    assert lines[layout.line_of(text.index("lazy"))] == "the lazy"
    assert lines[layout.line_of(text.index("gilistic"))] == "gilistic!"
    wide = lay_out("\u4e2d" * 10, 8)
    assert [wide.ends[i] - wide.starts[i] for i in range(len(wide))] == [4, 4, 2]


@synchronously
async def test_a_name_opened_from_an_article_moves_its_pane_cursor_there(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "a")
        await settle(pilot)
        article = app.screen
        organization = next(i for i, mention in enumerate(article.mentions) if mention.subject.kind == "organization")
        while article.current_name != organization:
            await pilot.press("tab")
        opened = article.mentions[organization].subject
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert screen.detail.subject == opened and screen.organizations.selected_key == opened.key
        person = next(p for p in store.snapshot.people if p.key != screen.people.selected_key)
        await pilot.press("escape", "escape")
        await settle(pilot)
        await choose_in_palette(pilot, f"person: {person.name}")
        await settle(pilot)
        assert screen.detail.subject.key == person.key and screen.people.selected_key == person.key


@synchronously
async def test_a_narrow_pane_of_tens_of_thousands_of_names_still_says_its_order_with_a_shorter_count(
    store: Store,
) -> None:
    """At 80 columns "People 36061 · …" said no order: the count is shortened ("36k"), then left out, before the
    order is cut."""
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        people = app.screen.people
        await pilot.press("s", "s", "s")
        await settle(pilot)
        assert people.order == "latest"
        people.records = list(people.records) * (36_061 // len(people.records) + 1)
        people.records = people.records[:36_061]
        people.total = 36_061
        people.update_title()
        assert title_of(people).endswith("latest")
        await pilot.resize_terminal(100, 24)
        await settle(pilot)
        people.update_title()
        assert title_of(people).endswith("latest") and "36" in title_of(people), "the count where there is room"


@synchronously
async def test_the_palette_lists_names_before_settings_that_hold_the_typed_letters_as_well(store: Store) -> None:
    """"d" took the palette's first command, "Theme: ansi-dark", over the Department of Commerce: a palette that is
    first a way to a name listed themes first for one or two letters."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        theme = app.theme
        await choose_in_palette(pilot, "d")
        await settle(pilot)
        assert app.theme == theme, "a name or an article was chosen, not a theme"


@synchronously
async def test_quotes_listed_by_date_show_each_one_s_day(store: Store) -> None:
    """Sorted by date, the Quotes pane's rows gave no date: the order could not be checked by eye."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        quotes = app.screen.quotes
        day = app.snapshot.article(quotes.records[0].article_key).sort_date
        assert day not in quotes._row(0).plain, "in article order, no day"
        await pilot.press("3", "s")
        await settle(pilot)
        assert quotes.order == "date" and day in quotes._row(0).plain
