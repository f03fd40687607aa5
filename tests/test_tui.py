"""The browser driven through Pilot: panes, search, keys, details, and SVG snapshots of the main screens."""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from textual.content import Content

from store import Extraction, Organization, Person, Quote, Store
from tui.app import WhosaidApp
from tui.row_list import RowList

SEED = Path(__file__).resolve().parents[1] / "seeds" / "us-ukraine-joint-weapons-production.txt"
SIZE = (120, 36)

PEOPLE = {
    "Jake Sullivan": ("national security adviser", "White House", ("Sullivan",)),
    "Jason Israel": ("Director of the National Security Council", "White House", ("Israel",)),
    "Bill LaPlante": ("top arms buyer", "Pentagon", ()),
    "Rustem Umerov": ("Defense Minister", None, ()),
    "Gina Raimondo": ("Secretary of Commerce", "Department of Commerce", ()),
}
ORGANIZATIONS = ("Reuters", "White House", "Pentagon", "Department of Commerce", "Boeing")


def fixed_extract(text: str) -> Extraction:
    """A stand-in extractor with a fixed answer, so screens stay the same while the real one improves."""
    people = tuple(Person(name, aliases, role, org) for name, (role, org, aliases) in PEOPLE.items() if name in text)
    organizations = tuple(Organization(name) for name in ORGANIZATIONS if name in text)
    quotes = []
    for match in re.finditer("\u201c([^\u201d]*)\u201d", text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : line_end if line_end != -1 else len(text)]
        speaker = next((p.name for p in people if any(n in line for n in (p.name, *p.aliases))), None)
        quotes.append(Quote(match.group(1), speaker, match.start(1), match.end(1), text.count("\n", 0, match.start())))
    return Extraction(text.split("\n", 1)[0][:70], people, organizations, tuple(quotes))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A store holding the seed article, extracted by the fixed stand-in."""
    store = Store(tmp_path / "store.json", extractor=fixed_extract)
    store.ingest([(SEED.name, SEED.read_text(encoding="utf-8"))])
    return store


def make_app(store: Store) -> WhosaidApp:
    return WhosaidApp(store, store_label="store.json")


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


def no_blink(pilot) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one("#search").cursor_blink = False


@synchronously
async def test_launch_fills_the_panes_and_header(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        people = row_texts(app, "people")
        assert any(row.startswith("Jake Sullivan") for row in people)
        assert "White House" in row_texts(app, "organizations")
        assert len(row_texts(app, "quotes")) == len(store.snapshot.quotes) > 0
        assert "People 5" in title_of(app.screen.people)
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
        await pilot.press(*"xyzzy")
        assert app.screen.quotes.records == []
        assert "No quotes match" in app.screen.quotes.rows.empty_message.plain


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
        assert screen.people.select_key("jake sullivan")
        await pilot.pause()
        await pilot.press("enter")
        summary = str(screen.detail.summary.render())
        assert "Jake Sullivan" in summary and "national security adviser" in summary and "White House" in summary
        prompts = [str(option.prompt) for option in screen.detail.links.options]
        assert any("self-sufficient arms producer" in prompt for prompt in prompts)
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
        assert any("Jake Sullivan" in prompt for prompt in prompts)
        assert any("Jason Israel" in prompt for prompt in prompts)


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
