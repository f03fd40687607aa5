"""Article metadata in the browser: the article heading and its link, a quote's outlet and date, citation styles,
quotes by date, and exporting the list on screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store
from tests.test_tui import (  # noqa: F401 - fixed_ingest_date is a fixture
    choose_in_palette,
    fixed_ingest_date,
    make_app,
    row_texts,
    screen_text,
    settle,
    synchronously,
    title_of,
)
from tui.app import WhosaidApp

SIZE = (120, 36)


def news_article(title: str, outlet: str, date: str, url: str, speaker: str, words: str) -> tuple[str, str, dict]:
    """An article with one quote, and the metadata its source states."""
    text = f"{title}\n\n\u201c{words},\u201d said {speaker}, the mayor of Portsmouth.\n"
    metadata = {"title": title, "outlet": outlet, "date": date, "url": url, "author": "Mia Holt"}
    return (url, text, metadata)


@pytest.fixture
def news_store(tmp_path: Path) -> Store:
    """Three articles with outlets, dates, an author and links, stored out of date order."""
    store = Store(tmp_path / "store.json")
    store.ingest(
        [
            news_article("Harbor vote", "Coastal Ledger", "2024-06-12", "https://ledger.example.com/harbor",
                         "Daniel Reyes", "The munitions depot will close"),
            news_article("Ferry fares", "Wire Daily", "2023-11-02", "https://wire.example.net/ferry",
                         "Ana Lindqvist", "The ferry fares rise in autumn"),
            news_article("Bridge works", "Coastal Ledger", "2024-01-30", "https://ledger.example.com/bridge",
                         "Tom Berg", "The bridge reopens in spring"),
        ]
    )
    return store


def links_on_screen(app: WhosaidApp) -> set[str]:
    """The OSC 8 hyperlink targets of everything on screen."""
    return {
        segment.style.link
        for strip in app.screen._compositor.render_strips()
        for segment in strip
        if segment.style is not None and segment.style.link
    }


async def open_quote(pilot, words: str) -> None:  # type: ignore[no-untyped-def]
    """Select the quote holding `words` in the Quotes pane."""
    await settle(pilot)
    await pilot.press("3")
    rows = row_texts(pilot.app, "quotes")
    index = next(n for n, row in enumerate(rows) if words in row)
    pilot.app.screen.quotes.rows.cursor = index
    await settle(pilot)


@synchronously
async def test_the_article_heading_shows_outlet_date_author_and_the_link_as_a_hyperlink(news_store: Store) -> None:
    app = make_app(news_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_quote(pilot, "munitions")
        await pilot.press("a")
        await settle(pilot)
        text = screen_text(app)
        assert "Coastal Ledger \u00b7 2024-06-12 \u00b7 by Mia Holt \u00b7 https://ledger.example.com/harbor" in text
        assert links_on_screen(app) == {"https://ledger.example.com/harbor"}


@synchronously
async def test_an_article_without_metadata_has_no_heading_line(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "a")
        await settle(pilot)
        assert not app.screen.query_one("#article-metadata").display
        assert links_on_screen(app) == set()


@synchronously
async def test_a_quote_detail_shows_the_outlet_and_date_of_its_article(news_store: Store) -> None:
    app = make_app(news_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_quote(pilot, "ferry")
        summary = app.screen.detail.summary.render()
        assert "Wire Daily \u00b7 2023-11-02" in str(summary)


@synchronously
async def test_the_palette_switches_the_citation_style_y_copies(
    news_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WHOSAID_CITATION", raising=False)
    app = make_app(news_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_quote(pilot, "munitions")
        await pilot.press("y")
        assert app.clipboard.endswith("(Harbor vote, Coastal Ledger, 2024-06-12, https://ledger.example.com/harbor)")
        await choose_in_palette(pilot, "citation style markdown")
        assert app.citation_style == "markdown"
        assert any("Markdown" in notification.message for notification in app._notifications)
        await pilot.press("3", "y")
        assert "([Harbor vote](https://ledger.example.com/harbor), *Coastal Ledger*, 2024-06-12)" in app.clipboard
        await pilot.pause()
        assert any("Markdown citation" in notification.title for notification in app._notifications)


@synchronously
async def test_whosaid_citation_picks_the_style_at_launch(news_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHOSAID_CITATION", "markdown")
    app = make_app(news_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_quote(pilot, "munitions")
        await pilot.press("y")
        assert "[Harbor vote](https://ledger.example.com/harbor)" in app.clipboard


@synchronously
async def test_s_on_the_quotes_pane_orders_them_by_date_and_back(news_store: Store) -> None:
    app = make_app(news_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_quote(pilot, "munitions")
        stored = row_texts(app, "quotes")
        await pilot.press("s")
        await settle(pilot)
        dated = row_texts(app, "quotes")
        assert [row.split("\u201c")[1][:10] for row in dated] == ["The ferry ", "The bridge", "The muniti"]
        assert "by date" in title_of(app.screen.quotes)
        assert app.screen.quotes.selected is not None and "munitions" in app.screen.quotes.selected.text
        await pilot.press("slash", *"the", "enter")
        await settle(pilot)
        assert "by date" in title_of(app.screen.quotes)
        assert [row.split("\u201c")[1][:10] for row in row_texts(app, "quotes")] == [
            row.split("\u201c")[1][:10] for row in dated
        ]
        await pilot.press("3", "s", "s")  # by date newest first, then back to article order
        await settle(pilot)
        assert "by date" not in title_of(app.screen.quotes)
        assert sorted(row_texts(app, "quotes")) == sorted(stored)


def notifications(app: WhosaidApp) -> list[str]:
    """Every notification's title and message, one string each."""
    return [f"{notification.title}: {notification.message}" for notification in app._notifications]


@synchronously
async def test_e_exports_the_listed_quotes_as_markdown_to_a_file_in_the_current_folder_and_says_where(
    news_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    app = make_app(news_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"source:ledger", "enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        [written] = folder.glob("whosaid-export-*.md")
        assert written.name[len("whosaid-export-"):-3].replace("-", "").isdigit()
        lines = written.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 2 and all(line.startswith("- \u201c") for line in lines)
        assert any("[Harbor vote](https://ledger.example.com/harbor)" in line for line in lines)
        assert not any("Ferry" in line for line in lines)
        assert any("2 quotes as Markdown in" in text and written.name in text for text in notifications(app))
        await pilot.press("3", "escape", "e")
        await settle(pilot)
        assert len(list(folder.glob("whosaid-export-*.md"))) == 2
        assert app.is_running


@synchronously
async def test_e_while_an_export_is_being_written_writes_no_second_file(
    news_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`e` pressed twice during a long export wrote two identical files, and nothing said it had started."""
    import threading

    from tui import browse_screen

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(browse_screen, "EXPORT_NOTED", 1)
    release = threading.Event()
    write = browse_screen.export_file

    def slow_export(*arguments: object) -> Path:
        release.wait(30)
        return write(*arguments)

    monkeypatch.setattr(browse_screen, "export_file", slow_export)
    app = make_app(news_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause(0.2)
        await pilot.press("e")
        await pilot.pause(0.2)
        release.set()
        for _ in range(50):
            await pilot.pause(0.05)
            if list(tmp_path.glob("whosaid-export-*.md")):
                break
        await settle(pilot)
        assert len(list(tmp_path.glob("whosaid-export-*.md"))) == 1
        said = notifications(app)
        assert any("Exporting" in text for text in said) and any("being written" in text for text in said)


@synchronously
async def test_in_a_guest_session_e_sends_the_list_with_osc_52_cut_to_a_size_terminals_accept(
    news_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui import browse_screen

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WHOSAID_GUEST", "1")
    app = make_app(news_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "e")
        await settle(pilot)
        assert list(tmp_path.glob("whosaid-export-*")) == []
        assert app.clipboard.count("\n") == 3 and app.clipboard.startswith("- \u201c")
        assert any("3 quotes as Markdown, sent to your terminal's clipboard" in text for text in notifications(app))
        first_line = app.clipboard.split("\n")[0] + "\n"
        monkeypatch.setattr(browse_screen, "CLIPBOARD_BYTES", len(first_line.encode("utf-8")) + 10)
        await pilot.press("e")
        await settle(pilot)
        assert app.clipboard == first_line
        assert any("The first 1 of 3 quotes" in text for text in notifications(app))


def test_clipboard_lines_keep_whole_lines_within_the_limit() -> None:
    from tui.browse_screen import clipboard_lines

    assert clipboard_lines(["ab\n", "\u00e9\u00e9\n", "c\n"], 8) == ("ab\n\u00e9\u00e9\n", 2)
    assert clipboard_lines(["abcdef\n"], 3) == ("", 0)


@synchronously
async def test_metadata_from_a_hostile_page_is_shown_literally_and_only_a_clean_http_link_is_a_hyperlink(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "store.json")
    source, text, metadata = news_article(
        "Harbor vote", "Ledger [bold]x[/bold] \x1b[2J", "2024-06-12", "javascript:alert(1)", "Daniel Reyes",
        "The munitions depot will close",
    )
    metadata["author"] = "[@click=app.quit]Mia[/]\u202e"
    store.ingest([("harbor.txt", text, metadata)])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_quote(pilot, "munitions")
        await pilot.press("a")
        await settle(pilot)
        heading = screen_text(app)
        assert "Ledger [bold]x[/bold]" in heading and "by [@click=app.quit]Mia[/]" in heading
        assert not any(char in heading for char in "\x1b\u202e")
        assert "javascript" not in heading and links_on_screen(app) == set()
        assert app.is_running


@pytest.mark.usefixtures("fixed_ingest_date")
def test_snapshot_article_view_with_metadata(snap_compare, news_store: Store) -> None:
    async def open_harbor(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_quote(pilot, "munitions")
        await pilot.press("a")
        await settle(pilot)

    assert snap_compare(make_app(news_store), terminal_size=(80, 24), run_before=open_harbor)


def test_a_long_outlet_or_author_leaves_room_for_the_date_and_link() -> None:
    """A 200-character outlet filled the article's line, the date and link cut off even at 200 columns."""
    from store import ArticleRecord
    from tui.text import METADATA_WIDEST, article_metadata

    article = ArticleRecord(
        key="k", title="T", source="a.txt", content_hash="h", ingested_at="2024-06-12T00:00:00+00:00",
        text_source=None,  # type: ignore[arg-type]
        author="A" * 300, date="2024-06-12", outlet="S" * 200, url="https://example.com/a",
    )
    line = article_metadata(article).plain
    assert line.endswith("2024-06-12 \u00b7 by " + "A" * (METADATA_WIDEST - 1) + "\u2026 \u00b7 https://example.com/a")
    assert len(line) < 2 * METADATA_WIDEST + 50
