"""Defects a daily user met: keys in bursts, unexpected errors, the browser without a terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual import events

from store import Store
from tests.test_tui import SIZE, isolated_config, make_app, settle, synchronously
from tui.app import WhosaidApp
from tui.palette import WhosaidPalette

__all__ = ["isolated_config"]


@pytest.mark.parametrize("keys", [("ctrl+p", "pagedown"), ("ctrl+p", "pageup"), ("ctrl+p", "pagedown", "pageup")])
@synchronously
async def test_paging_the_palette_in_the_burst_that_opens_it_keeps_the_app_running(
    store: Store, keys: tuple[str, ...]
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in keys:
            app.post_message(events.Key(key, None))
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, WhosaidPalette)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, WhosaidPalette)


@pytest.mark.parametrize("guest", [False, True])
@synchronously
async def test_an_unexpected_error_ends_the_app_with_one_line_and_logs_the_traceback(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, guest: bool
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    if guest:
        monkeypatch.setenv("WHOSAID_GUEST", "1")

    def broken_help(self: WhosaidApp) -> None:
        raise RuntimeError("the help screen broke")

    monkeypatch.setattr(WhosaidApp, "action_help", broken_help)
    app = make_app(store)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            await settle(pilot)
    assert app.return_code == 1
    assert app.exit_error is not None and "\n" not in app.exit_error
    log = (tmp_path / "state" / "whosaid" / "crash.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "the help screen broke" in log
    if guest:
        assert "logged on the server" in app.exit_error and str(tmp_path) not in app.exit_error
    else:
        assert "RuntimeError: the help screen broke" in app.exit_error and "crash.log" in app.exit_error


def test_the_browser_with_its_output_redirected_says_it_needs_a_terminal_and_exits_2(tmp_path: Path) -> None:
    store_path = tmp_path / "store.json"
    finished = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(store_path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 2
    assert finished.stdout == ""
    assert finished.stderr.count("\n") == 1 and "needs a terminal" in finished.stderr
    assert not store_path.exists()


@synchronously
async def test_slash_ctrl_u_and_a_word_in_one_burst_replace_the_active_query(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"sullivan", "enter")
        await settle(pilot)
        assert app.focused is not app.screen.search
        burst = [("slash", "/"), ("ctrl+u", None), *((char, char) for char in "production")]
        for key, character in burst:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert app.screen.search.value == "production"
        assert app.screen.search_text == "production"


async def read_whole(pilot, quotes: int) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app has read the whole store (it opens on the first quotes and reads the rest after)."""
    for _ in range(300):
        await settle(pilot)
        if len(pilot.app.screen.quotes.records) == quotes:
            return
    raise AssertionError("the store was not read")


LONG_FILLER = "The committee heard evidence on procurement, logistics and the budget for the coming year. " * 18


@pytest.fixture(scope="module")
def long_article_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding one 2 MB article in which Ann Lee says “Point 0” to “Point 1199”, a paragraph each."""
    from tests.conftest import tagged_extract

    paragraphs = [f"\u201cPoint {n} on the record,\u201d said Ann Lee. {LONG_FILLER}" for n in range(1200)]
    text = "Long hearing\n\n" + "\n\n".join(paragraphs) + "\n"
    assert len(text.encode()) > 1_900_000
    path = tmp_path_factory.mktemp("long") / "store.json"
    Store(path, extractor=tagged_extract).ingest([("long.txt", text)])
    return path


@synchronously
async def test_a_long_article_is_read_off_the_ui_thread_so_keys_meanwhile_stay_on_it_and_esc_leaves_at_once(
    long_article_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from tui import article_screen

    reading, release = threading.Event(), threading.Event()
    find_mentions = article_screen.article_mentions

    def held_mentions(*args: object) -> object:
        reading.set()
        release.wait(60)
        return find_mentions(*args)

    monkeypatch.setattr(article_screen, "article_mentions", held_mentions)
    app = make_app(Store(long_article_store))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await read_whole(pilot, 1200)
            await pilot.press("3", "G")
            cursor = app.screen.quotes.rows.cursor
            await pilot.press("a")
            for _ in range(500):
                if reading.is_set():
                    break
                await pilot.pause(0.01)
            assert reading.is_set()
            article = app.screen
            assert isinstance(article, article_screen.ArticleScreen) and not article.loaded
            assert "Reading the article" in article.query_one("#article").render_line(0).text
            await pilot.press("G", "n", "j", "slash", "x")
            assert app.screen is article
            await pilot.press("escape")
            assert app.screen is article, "the first Esc closes the search line '/' opened, as in less"
            await pilot.press("escape")
            assert type(app.screen).__name__ == "BrowseScreen"
            assert not release.is_set()
            release.set()
            await settle(pilot)
            assert type(app.screen).__name__ == "BrowseScreen"
            assert app.screen.search.value == "" and app.screen.quotes.rows.cursor == cursor
    finally:
        release.set()


@synchronously
async def test_a_long_article_opens_with_the_chosen_quote_marked_and_in_view_from_its_first_frame(
    long_article_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from tui import article_screen, article_view
    from tui.article_view import ArticleView

    threads: list[str] = []

    def recorded(name: str, function):  # type: ignore[no-untyped-def]
        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            on_ui = threading.current_thread() is threading.main_thread()
            threads.append(f"{name} on {'the UI thread' if on_ui else 'a worker'}")
            return function(*args, **kwargs)

        return call

    monkeypatch.setattr(article_screen, "line_starts", recorded("indexing", article_screen.line_starts))
    monkeypatch.setattr(article_screen, "printable", recorded("making safe", article_screen.printable))
    monkeypatch.setattr(article_view, "lay_out", recorded("wrapping", article_view.lay_out))
    drawn: list[tuple[bool, int]] = []
    render_line = ArticleView.render_line

    def recording_render_line(self: ArticleView, y: int):  # type: ignore[no-untyped-def]
        if y == 0:
            drawn.append((self.lines is not None, self.scroll_offset.y))
        return render_line(self, y)

    monkeypatch.setattr(ArticleView, "render_line", recording_render_line)
    app = make_app(Store(long_article_store))
    async with app.run_test(size=SIZE) as pilot:
        await read_whole(pilot, 1200)
        await pilot.press("3", "G", "k", "a")
        await settle(pilot)
        article = app.screen
        assert type(article).__name__ == "ArticleScreen" and article.loaded
        assert article.current_quote == 1198
        view = article.query_one(ArticleView)
        line = view.line_of(article.quotes[1198].start)
        top, height = view.scroll_offset.y, view.scrollable_content_region.height
        assert top < line < top + height - 1
        assert "Point 1198 on the record" in view.render_line(line - top).text
        shown = [top for laid_out, top in drawn if laid_out]
        assert shown and all(top > 0 for top in shown)
        assert "quote 1199/1200" in str(view.border_subtitle)
        assert sorted(set(threads)) == ["indexing on a worker", "making safe on a worker", "wrapping on a worker"]
        await pilot.press("n")
        assert article.current_quote == 1199 and "quote 1200/1200" in str(view.border_subtitle)
        await pilot.press("escape")
        assert type(app.screen).__name__ == "BrowseScreen"


@synchronously
async def test_a_search_typed_from_a_list_after_following_links_shows_its_result_in_the_detail(store: Store) -> None:
    """Enter on a quote, Enter on its speaker, Esc back to the quote, then a list and a search: the detail kept
    showing the list's first person, whom the search had filtered out."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("3", "enter")
        await settle(pilot)
        followed = screen.detail.subject
        assert followed is not None and followed.kind == "quote"
        links = [screen.detail.subject_at(number) for number in range(screen.detail.links.option_count)]
        speaker = next(number for number, link in enumerate(links) if link is not None and link.kind == "person")
        screen.detail.links.highlighted = speaker
        await pilot.press("enter")
        await settle(pilot)
        assert screen.detail.subject == links[speaker]
        await pilot.press("escape")
        await settle(pilot)
        assert screen.detail.subject == followed and screen.history
        await pilot.press("1")
        await settle(pilot)
        shown = screen.detail.subject
        other = next(record for record in screen.people.records if record.key not in (shown.key, followed.key))
        await pilot.press("slash", *other.name.split()[-1].lower())
        for _ in range(20):
            await settle(pilot)
        listed = {(pane.kind, record.key) for pane in screen.record_panes for record in pane.records}
        subject = screen.detail.subject
        assert subject is not None and (subject.kind, subject.key) in listed
