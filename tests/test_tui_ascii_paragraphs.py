"""On an ASCII-only terminal an article that is not all ASCII keeps its paragraphs: its line breaks are drawn as line
breaks, not as "?"."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store
from tests.test_tui import SIZE, isolated_config, screen_text, settle, synchronously
from tui.app import WhosaidApp
from tui.article_screen import ArticleScreen
from tui.article_view import ArticleView

__all__ = ["isolated_config"]

ICELAND = (
    "Bj\u00f6rk Leads Iceland to Stunning Upset\n\n"
    "REYKJAVIK \u2014 Iceland beat the favourites on Sunday in front of a home crowd.\n\n"
    "\u201cWe believed in every player,\u201d said Anna J\u00f3nsd\u00f3ttir, the coach of the team.\n\n"
    "Second paragraph\u2026 of the report.\n"
)


@pytest.fixture(params=["--ascii", "TERM=dumb"])
def ascii_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> WhosaidApp:
    """The browser on a store of one article holding accents, dashes and curly quotes, drawn in ASCII only: asked
    for, or for a terminal that draws nothing else."""
    store = Store(tmp_path / "store.json")
    store.ingest([("iceland.txt", ICELAND)])
    asked = request.param == "--ascii"
    monkeypatch.setenv("TERM", "xterm-256color" if asked else "dumb")
    return WhosaidApp(store, ascii_only=asked, store_label="store.json")


def body_lines(app: WhosaidApp) -> list[str]:
    """The article view's lines as drawn on the screen, trailing spaces dropped."""
    view = app.screen.query_one(ArticleView)
    return [view.render_line(y).text.rstrip() for y in range(view.scrollable_content_region.height)]


@synchronously
async def test_an_article_read_in_ascii_shows_its_paragraphs_apart(ascii_app: WhosaidApp) -> None:
    async with ascii_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "a")
        await settle(pilot)
        assert isinstance(ascii_app.screen, ArticleScreen) and ascii_app.screen.loaded
        lines = body_lines(ascii_app)
        assert lines[:8] == [
            "Bjork Leads Iceland to Stunning Upset",
            "",
            "REYKJAVIK - Iceland beat the favourites on Sunday in front of a home crowd.",
            "",
            '"We believed in every player," said Anna Jonsdottir, the coach of the team.',
            "",
            "Second paragraph. of the report.",
            "",
        ]
        assert not any("?" in line for line in lines) and screen_text(ascii_app).isascii()

