"""The command palette finds a name or title by the words typed, as a reader means them, not by letters that merely
come in the typed order somewhere in a long title; whole words and words' starts are listed first."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content

from store import Store
from tests.test_tui import SIZE, isolated_config, make_app, settle, synchronously
from tui.app import WhosaidApp

__all__ = ["isolated_config"]

ARTICLES = [
    (
        "iceland.txt",
        "Bj\u00f6rk Leads Iceland to Stunning Upset\n\n"
        "REYKJAVIK \u2014 Iceland beat the favourites on Sunday.\n\n"
        "\u201cWe believed,\u201d said Anna J\u00f3nsd\u00f3ttir, the coach.\n",
    ),
    (
        "airport.txt",
        "Airport closes for a day\n\n\u201cNo flights today,\u201d said Ana Sousa, a spokeswoman.\n",
    ),
    (
        "portugal.txt",
        "Portugal wins the cup\n\n\u201cWhat a night,\u201d said Jake Sullivan, a fan.\n",
    ),
    (
        "harbor.txt",
        "Port deal signed after long talks\n\n"
        "\u201cWe are ready,\u201d said Maria Santos, the port director.\n\n"
        "\u201cIt is fair,\u201d said Carlos Santos, a dock worker.\n",
    ),
]


@pytest.fixture
def app(tmp_path: Path) -> WhosaidApp:
    """The browser on a store of four articles: two people called Santos, titles holding "port" in three ways."""
    store = Store(tmp_path / "store.json")
    store.ingest(ARTICLES)
    return make_app(store)


def listed(app: WhosaidApp) -> list[Content]:
    """The palette's commands as listed, top first, each its first line with its styles."""
    prompts = [option.prompt for option in app.screen.query_one("CommandList").options]
    return [prompt.split("\n")[0] for prompt in prompts if isinstance(prompt, Content)]


async def typed(pilot, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The palette's commands listed for `text`, typed into an empty search line."""
    await pilot.press("ctrl+u", *text)
    await settle(pilot)
    return [line.plain for line in listed(pilot.app)]


def marked(line: Content) -> str:
    """The characters of a listed command styled as matched."""
    return "".join(line.plain[span.start : span.end] for span in line.spans if "reverse" in str(span.style))


@synchronously
async def test_a_typed_name_lists_what_holds_it_not_titles_holding_its_letters_in_order(app: WhosaidApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        names = [text for text in await typed(pilot, "santos") if text.startswith(("Person", "Article"))]
        assert names == ["Person: Carlos Santos", "Person: Maria Santos"], names
        assert [marked(line) for line in listed(app)[:2]] == ["Santos", "Santos"]
        assert "Person: Maria Santos" in await typed(pilot, "santos maria"), "the words in any order"
        assert (await typed(pilot, "jsullivan"))[0] == "Person: Jake Sullivan", "initials, then a word's start"
        assert marked(listed(app)[0]) == "JSullivan"
        assert "Theme: switch theme" in await typed(pilot, "thm"), "a command found by its letters, as before"


@synchronously
async def test_whole_words_are_listed_first_then_words_starting_so_then_words_holding_it(app: WhosaidApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        articles = [text for text in await typed(pilot, "port") if text.startswith("Article")]
        assert articles == [
            "Article: Port deal signed after long talks",
            "Article: Portugal wins the cup",
            "Article: Airport closes for a day",
        ]
        assert [marked(line) for line in listed(app)[:3]] == ["Port", "Port", "port"]
