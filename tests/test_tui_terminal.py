"""The browser under hostile terminals and input: tiny sizes, key storms, huge pastes, any text, no color,
ASCII-only terminals, themes, the installed command in tmux, and snapshots at 80x24."""

from __future__ import annotations

import io
import random
import re
import shlex
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from textual import events
from textual.content import Content

from store import Appearance, OrganizationRecord, PersonRecord, QuoteRecord, Store
from tests.ssh_support import Tmux, wait_until
from tests.test_tui import (
    SEED,
    SIZE,
    choose_in_palette,
    fixed_ingest_date,
    isolated_config,
    make_app,
    no_blink,
    open_article_at_a_name,
    screen_text,
    settle,
    synchronously,
)
from tui.app import WhosaidApp
from tui.detail import _quote_label
from tui.safe_text import printable, printable_line
from tui.text import block, highlighted, organization_row, person_row, plain, quote_row

__all__ = ["fixed_ingest_date", "isolated_config"]

UNSAFE = {chr(code) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(code) != "\n"} | set(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Characters that must never reach the terminal from article text: C0, DEL, C1 and bidi controls."""

BLOCKS_AND_CURVES = {chr(code) for code in range(0x2580, 0x25A0)} | set("\u256d\u256e\u256f\u2570")
"""Half blocks, eighth blocks and rounded corners: what an ASCII-only terminal cannot draw."""


# --- terminal abuse ---------------------------------------------------------------------------------------


@synchronously
async def test_resize_to_20x5_and_back_keeps_working(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(20, 5)
        await pilot.press("j", "tab", "3", "j")
        await pilot.pause()
        await pilot.resize_terminal(1, 1)
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.press("slash", *"weapons", "enter")
        await settle(pilot)
        assert app.is_running
        assert all("weapons" in quote.text.lower() for quote in app.screen.quotes.records)
        assert "weapons" in screen_text(app).lower()


@synchronously
async def test_a_narrow_article_reader_keeps_the_key_back_to_the_browser_in_its_footer(store: Store) -> None:
    """At 60 columns the reader's footer dropped "esc Back" and kept "⏎ Open name": the way out went first."""
    from textual.widgets._footer import FooterKey

    app = make_app(store)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_article_at_a_name(pilot)
        await settle(pilot)
        shown = [key.action for key in app.screen.query(FooterKey) if key.display]
        assert "back" in shown and "open_name" not in shown, shown
        await pilot.resize_terminal(120, 30)
        await settle(pilot)
        assert "open_name" in [key.action for key in app.screen.query(FooterKey) if key.display]


@synchronously
async def test_a_narrow_header_shortens_the_store_path_then_drops_it_but_keeps_the_counts(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        wide = screen_text(app).splitlines()[0]
        assert store.path.name in wide and "1 article" in wide
        for width in (80, 70, 44):
            await pilot.resize_terminal(width, 24)
            await settle(pilot)
            header = screen_text(app).splitlines()[0]
            if width >= 70:
                assert "1 article" in header and "quotes" in header and "\u2026" not in header, (width, header)
            assert store.path.name in header or "/" not in header, (width, header)
        assert "/" not in header and "store.json" not in header


@synchronously
async def test_a_store_path_and_an_outlet_in_wide_characters_are_cut_by_cells(tmp_path: Path) -> None:
    """A path of emoji and CJK fitted to the header by characters took twice its room and pushed the counts out; an
    outlet kept to 48 characters took 96 cells, pushing the date off the article's line."""
    store = Store(tmp_path / "store.json")
    metadata = {"title": "Harbor vote", "outlet": "\u6771\u6d77\u5cb8\u65b0\u805e\u793e" * 8, "date": "2024-06-12"}
    text = "Harbor vote\n\n\u201cThe depot will close,\u201d said Maxine Fitzgerald.\n"
    store.ingest([("harbor.txt", text, metadata)])
    where = "/srv/\u65b0\u95fb/" + "\U0001f600" * 12 + "/\u62a5\u9053\u8d44\u6599\u5e93\u5b58\u6863/store.json"
    app = WhosaidApp(store, store_label=where)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        header = screen_text(app).splitlines()[0]
        assert "store.json" in header and "1 quote" in header, header
        await pilot.press("3", "a")
        await settle(pilot)
        metadata_line = screen_text(app).splitlines()[1]
        assert "2024-06-12" in metadata_line, metadata_line


KEY_CHARACTERS = {"tab": "\t", "slash": "/", "escape": "\x1b", "enter": "\r", "question_mark": "?"}


@synchronously
async def test_a_thousand_keys_typed_fast_then_search_still_works(store: Store) -> None:
    keys = ["j", "k", "tab", "slash", "escape", "G", "g", "enter", "a", "n", "question_mark", *"wxyz"]
    chooser = random.Random(1)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        driver = app._driver
        assert driver is not None
        for _batch in range(20):
            for _ in range(50):
                key = chooser.choice(keys)
                driver.send_message(events.Key(key, KEY_CHARACTERS.get(key, key)))
            await pilot.pause()
        await settle(pilot)
        assert app.is_running
        app.search_for("production")
        await settle(pilot)
        records = app.screen.quotes.records
        assert records and all("production" in quote.text.lower() for quote in records)


@synchronously
async def test_a_one_megabyte_paste_into_the_search_box(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        pasted = ("weapons \x1b[31m[bold]\u202e\u0000 " * 40_000)[: 1 << 20]
        app.screen.search.post_message(events.Paste(pasted))
        await settle(pilot)
        assert app.is_running
        assert "\x1b" not in screen_text(app)
        app.screen.search.value = ""
        await pilot.press(*"weapons")
        await settle(pilot)
        assert app.screen.quotes.records
        assert all("weapons" in quote.text.lower() for quote in app.screen.quotes.records)


# --- any text renders safely ------------------------------------------------------------------------------

hostile_text = st.lists(
    st.one_of(
        st.text(max_size=6),
        st.sampled_from(["[bold]", "[/", "[/]", "[@click=app.quit]", "\x1b[31m", "\x1b]52;c;", "\x07", "\u202e", "\n"]),
    ),
    max_size=10,
).map("".join)


def rendered(content: Content) -> str:
    """The text a terminal would receive for `content` (styles dropped)."""
    console = Console(file=io.StringIO(), force_terminal=True, color_system=None, width=50)
    return "".join(segment.text for segment in console.render(content))


def quote_record(text: str, name: str) -> QuoteRecord:
    class Texts:
        def text_of(self, article_key: str) -> str:
            return text

        def title_of(self, article_key: str) -> str:
            return name

    return QuoteRecord(name, text, "a", 0, len(text), 0, "k", name, "person", Texts())


RENDERERS: dict[str, Callable[[str, str], Content]] = {
    "plain": lambda text, name: plain(text, "bold"),
    "block (article paragraph, detail summary)": lambda text, name: block(text).stylize("reverse", 0, len(text)),
    "highlighted": lambda text, name: highlighted(text, name, multiline=True),
    "quote row": lambda text, name: quote_row(quote_record(text, name), name),
    "person row": lambda text, name: person_row(
        PersonRecord(name, text, (), (Appearance("a", name, text, {"a": text}),))
    ),
    "organization row": lambda text, name: organization_row(OrganizationRecord(name, text, (text,), ())),
    "detail quote link": lambda text, name: _quote_label(text, name, name),
    "notification": lambda text, name: Content(printable_line(text)),
}


@pytest.mark.parametrize("renderer", list(RENDERERS), ids=list(RENDERERS))
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text, name=hostile_text)
def test_any_text_renders_without_control_characters(renderer: str, text: str, name: str) -> None:
    output = rendered(RENDERERS[renderer](text, name))
    assert not UNSAFE & set(output), repr(output)


@synchronously
async def test_a_search_pasted_with_a_direction_mark_is_kept_with_a_space_for_it(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        app.screen.search.post_message(events.Paste("\u05e9\u05dc\u05d5\u05dd\u200f weapons"))
        await settle(pilot)
        assert app.is_running and app.screen.search.value == "\u05e9\u05dc\u05d5\u05dd  weapons"


def test_a_line_of_hebrew_or_arabic_loses_its_direction_marks_and_a_block_keeps_its_offsets() -> None:
    hebrew = "\u05e2\u05dd \u200f\u05e1\u05d9\u05de\u05df\u200f \u05db\u05d9\u05d5\u05d5\u05e0\u05d9\u05d5\u05ea"
    assert printable_line(hebrew) == hebrew.replace("\u200f", "")
    assert printable_line("a\u202eb") == "a\ufffdb", "an override, which reorders what follows, is shown"
    assert len(block(hebrew).plain) == len(hebrew) and "\ufffd" in block(hebrew).plain


# --- colors, themes, ASCII --------------------------------------------------------------------------------


@synchronously
async def test_no_color_renders_without_any_color(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "j")
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
        segments = []
        for strip in strips:
            for line_filter in app._filters:
                strip = strip.apply_filter(line_filter, app.screen.styles.background)
            segments += list(strip)
        styles = [segment.style for segment in segments if segment.style is not None]
        assert styles and all(
            (style.color is None or style.color.is_default) and (style.bgcolor is None or style.bgcolor.is_default)
            for style in styles
        )
        assert any(style.reverse for style in styles), "the cursor row must still show, by reverse video"


def colors_chosen(output: str) -> list[str]:
    """Each color the SGR sequences of terminal output choose (16, 256 or 24-bit; the terminal's own default, SGR 39
    and 49, aside)."""
    chosen = []
    for parameters in re.findall(r"\x1b\[([0-9;:]*)m", output):
        codes = iter(parameters.replace(":", ";").split(";"))
        for code in codes:
            if code in ("38", "48"):
                kind = next(codes, "")
                chosen.append(";".join([code, kind, *(next(codes, "") for _ in range(3 if kind == "2" else 1))]))
            elif code.isdigit() and (30 <= int(code) <= 37 or 40 <= int(code) <= 47 or 90 <= int(code) <= 107):
                chosen.append(code)
    return chosen


@pytest.mark.parametrize(
    ("environment", "colored"),
    [
        ({"TERM": "dumb"}, False),
        ({"TERM": "dumb", "COLORTERM": "truecolor"}, False),
        ({"TERM": "xterm-256color", "NO_COLOR": "1"}, False),
        ({"TERM": "xterm-256color"}, True),
    ],
    ids=["dumb", "dumb-colorterm", "no-color", "xterm-256color"],
)
@synchronously
async def test_a_terminal_that_shows_no_colors_is_sent_none(
    store: Store, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], colored: bool
) -> None:
    for name in ("TERM", "COLORTERM", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "j")
        await settle(pilot)
        output = "".join(strip.render(app.console) for strip in app.screen._compositor.render_strips())
        assert bool(colors_chosen(output)) == colored, sorted(set(colors_chosen(output)))[:5]
        if not colored:
            attributes = {code for codes in re.findall(r"\x1b\[([0-9;]*)m", output) for code in codes.split(";")}
            assert "7" in attributes, "the cursor row shows, by reverse video"


@synchronously
async def test_whosaid_theme_chooses_the_theme_at_launch(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHOSAID_THEME", "ansi-dark")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "ansi-dark"
    monkeypatch.setenv("WHOSAID_THEME", "no-such-theme")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in notification.message for notification in app._notifications)


@synchronously
async def test_whosaid_citation_takes_md_for_markdown_and_warns_of_a_style_it_does_not_know(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`WHOSAID_CITATION=md` (as `export --format md` names it), or any other word, copied plain without a word."""
    monkeypatch.setenv("WHOSAID_CITATION", "md")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.citation_style == "markdown"
        assert not any("WHOSAID_CITATION" in (notification.title or "") for notification in app._notifications)
    monkeypatch.setenv("WHOSAID_CITATION", "apa")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.citation_style == "plain"
        [warning] = [notification for notification in app._notifications if notification.title == "WHOSAID_CITATION"]
        assert "No citation style called apa" in warning.message and warning.severity == "warning"


@synchronously
async def test_ascii_mode_draws_no_blocks_or_rounded_corners_anywhere(store: Store) -> None:
    other = Store(store.path)
    other.ingest(
        [(f"more{i}.txt", f"Story {i}\n\u201cWeapons {i} now,\u201d said Jake Sullivan.\n") for i in range(40)]
    )
    app = WhosaidApp(Store(store.path), ascii_only=True, store_label="store.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for keys in (["3", "G"], ["4"], ["3", "a"], ["escape", "question_mark"]):
            await pilot.press(*keys)
            await settle(pilot)
            text = screen_text(app)
            assert not BLOCKS_AND_CURVES & set(text), sorted(BLOCKS_AND_CURVES & set(text))
            assert "\u23ce" not in text


NEWS_ARTICLE = (
    "Harbor council votes to close the old munitions depot after a decade of complaints from the r\u00e9sidents\n\n"
    "\u201cThe depot will close by the end of the year \u2014 and the land beside the water will become a public park "
    "for everyone in the town\u2026\u201d said Maxine Fitzgerald-Oyelaran, the chair of the harbor committee of "
    "Portsmouth.\n\n"
    "\u201cWe waited a long time for this \U0001f600,\u201d said Zo\u00eb \u00c5ngstr\u00f6m-Nu\u00f1ez, a "
    "spokeswoman for the Portsmouth Harbor Residents Association.\n\n"
    "\u201c\u6e2f\u306f\u307f\u3093\u306a\u306e\u3082\u306e\u3067\u3059,\u201d said \u7530\u4e2d \u5b8f, a "
    "fisherman.\n"
)
"""An article as news is written (curly quotes, dashes, accents, an emoji, a name in Japanese), with names, quotes,
title and outlet too long for the panes: on an ASCII-only terminal all of it is drawn in ASCII."""


@pytest.mark.parametrize("size", [(80, 24), (40, 15)], ids=["80x24", "40x15"])
@synchronously
async def test_ascii_mode_draws_nothing_but_ascii(tmp_path: Path, size: tuple[int, int]) -> None:
    store = Store(tmp_path / "store.json")
    metadata = {
        "title": "Harbor council votes to close the old munitions depot after a decade of complaints",
        "outlet": "The C\u00f4te Ledger of the Southern Harbor Towns and Villages",
        "date": "2024-06-12",
        "url": "https://ledger.example.com/harbor",
        "author": "Mia Holt",
    }
    store.ingest([("https://ledger.example.com/harbor", NEWS_ARTICLE, metadata)])
    app = WhosaidApp(store, ascii_only=True, store_label="store.json")
    steps = [
        [],
        ["3"],
        ["3", "s"],
        ["3", "enter"],
        ["4"],
        ["5"],
        ["3", "y"],  # a notification (the quote copied), its edge in the severity's color
        ["slash", *"zzz", "escape"],
        ["slash", "ctrl+u", "escape", "3", "a"],
        ["slash", *"zzz", "enter"],
        ["escape", "escape", "question_mark"],
        ["escape", "ctrl+p"],
        [*"maxine"],
    ]
    drawn = ""
    notified = False
    async with app.run_test(size=size, notifications=True) as pilot:
        for keys in steps:
            await pilot.press(*keys)
            await settle(pilot)
            text = screen_text(app)
            assert text.isascii(), (keys, sorted({char for char in text if not char.isascii()}))
            drawn += text
            notified = notified or bool(app.screen.query("Toast"))
    assert "..." in drawn, "a row or title cut short says so"
    assert notified, "a notification was drawn"


def test_ascii_mode_draws_letters_without_decompositions_as_letters_and_drops_combining_marks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """"Łódź" was drawn "?odz" and a name with a combining overlay "Z?algo": a letter that accents cannot be
    stripped from has its ASCII letter, and a mark over a letter goes where a line keeps no offsets."""
    from tui import safe_text

    monkeypatch.setattr(safe_text, "_ascii_only", True)
    line = safe_text.printable_line("Z\u0337algo of Łódź, Søren Ærø and Straße\u2026")
    assert line == "Zalgo of Lodz, Soren AEro and Strasse..."
    text = "Łódź Straße"
    assert safe_text.printable(text) == "Lodz Strase" and len(safe_text.printable(text)) == len(text)


@synchronously
async def test_palette_offers_the_ansi_themes(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await choose_in_palette(pilot, "ansi-dark")
        assert app.theme == "ansi-dark"


# --- mouse ------------------------------------------------------------------------------------------------


@synchronously
async def test_clicking_a_row_selects_it_and_shows_it(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = app.screen.quotes.rows
        assert await pilot.click(rows, offset=(5, 2))
        await settle(pilot)
        assert rows.cursor == 2 and app.focused is rows
        assert app.screen.detail.subject.key == app.screen.quotes.records[2].key


# --- the installed command in tmux ------------------------------------------------------------------------

WHOSAID = shutil.which("whosaid", path=str(Path(sys.executable).parent))

needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None or WHOSAID is None, reason="needs tmux and the installed whosaid command"
)


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    """A private tmux server for this test alone, so no other test's server can end under it."""
    server = Tmux(shutil.which("tmux") or "tmux")
    yield server
    server.close()


def seed_store(folder: Path) -> Path:
    """A store in `folder` holding the seed article, for the installed command to open."""
    store_path = folder / "store.json"
    Store(store_path).ingest([(SEED.name, SEED.read_text(encoding="utf-8"))])
    return store_path


def whosaid_in_terminal(store_path: Path, term: str = "xterm-256color") -> str:
    """The shell command that runs the installed whosaid on `store_path` in a terminal of type `term` and of its
    window's size (COLUMNS and LINES, which a library in the test process may set, unset), its settings kept beside
    the store (never in the user's own config)."""
    config, store = shlex.quote(str(store_path.parent / "config")), shlex.quote(str(store_path))
    settings = f"TERM={term} XDG_CONFIG_HOME={config} WHOSAID_DB={store}"
    return f"env -u COLUMNS -u LINES {settings} {shlex.quote(str(WHOSAID))}"


@needs_tmux
@pytest.mark.parametrize("term", ["xterm-256color", "dumb"])
def test_search_on_a_terminal_marks_matches_unless_the_terminal_draws_no_styles(
    tmp_path: Path, tmux: Tmux, term: str
) -> None:
    store_path = seed_store(tmp_path)
    command = whosaid_in_terminal(store_path, term) + " search Sullivan --limit 1; echo '[exit' $?]; sleep 30"
    tmux.start("search", command, width=120, height=24)
    tmux.wait_for("search", "[exit 0]")
    screen = tmux.capture("search", escapes=True)
    assert "Sullivan" in screen
    assert ("\x1b[" in screen.split("[exit")[0]) == (term != "dumb"), screen


@needs_tmux
def test_installed_whosaid_in_tmux_searches_and_quits(tmp_path: Path, tmux: Tmux) -> None:
    store_path = seed_store(tmp_path)
    tmux.start("app", whosaid_in_terminal(store_path), width=120, height=36)
    tmux.wait_for("app", "\u2500 Person \u2500")
    tmux.keys("app", "/")
    tmux.type("app", "self-sufficient")
    screen = tmux.wait_for("app", "Quotes 1 of", timeout=10)
    lines = screen.splitlines()
    top = next(number for number, line in enumerate(lines) if "Quotes 1 of" in line)
    width = lines[top].index("\u256e") + 1
    quotes_pane = "\n".join(line[:width] for line in lines[top : top + 6])
    assert "self-sufficient" in quotes_pane
    assert "So they increase production" not in quotes_pane and "Pentagon" not in quotes_pane
    tmux.keys("app", "Escape")
    for _attempt in range(3):
        time.sleep(0.3)
        tmux.keys("app", "q")
        try:
            tmux.wait_for("app", "[exited 0]", timeout=5)
            break
        except AssertionError:
            continue
    assert "[exited 0]" in tmux.capture("app")


@needs_tmux
def test_the_app_follows_the_window_size_even_with_columns_and_lines_exported(tmp_path: Path, tmux: Tmux) -> None:
    store_path = seed_store(tmp_path)
    command = whosaid_in_terminal(store_path).replace("env -u COLUMNS -u LINES", "env COLUMNS=60 LINES=20")
    tmux.start("app", command, width=120, height=36)

    def widest_border(screen: str) -> int:
        return max((len(line.rstrip()) for line in screen.splitlines() if line.rstrip().endswith("\u256e")), default=0)

    assert widest_border(tmux.wait_for("app", "Jake Sullivan")) == 120
    tmux.resize("app", 100, 30)
    tmux.wait_for("app", "Jake Sullivan")
    deadline = time.monotonic() + 10
    while widest_border(tmux.capture("app")) != 100 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert widest_border(tmux.capture("app")) == 100, tmux.capture("app")


@needs_tmux
def test_a_launch_on_a_path_with_no_store_says_new_store_in_the_header(tmp_path: Path, tmux: Tmux) -> None:
    store_path = tmp_path / "typo" / "store.json"

    def header_once_drawn(name: str) -> str:
        tmux.start(name, whosaid_in_terminal(store_path), width=120, height=36)
        header = tmux.wait_for(name, "Jake Sullivan").splitlines()[0]
        tmux.keys(name, "q")
        tmux.wait_for(name, "[exited 0]", timeout=10)
        return header

    assert "(new store)" in header_once_drawn("first")
    assert "(new store)" not in header_once_drawn("second")


@needs_tmux
def test_esc_and_keys_sent_in_one_burst_close_the_palette_and_type_nothing(tmp_path: Path, tmux: Tmux) -> None:
    store_path = seed_store(tmp_path)
    tmux.start("app", whosaid_in_terminal(store_path), width=100, height=30)
    tmux.wait_for("app", "Jake Sullivan")
    tmux.keys("app", "C-p")

    def palette_open() -> bool:
        """Whether the palette's search line is on screen (the footer, last, also shows its icon)."""
        return any("\U0001f50e" in line for line in tmux.capture("app").splitlines()[:-1])

    wait_until(palette_open, 10, "the command palette")
    tmux.keys("app", "Escape", "j", "k", "Up")
    wait_until(lambda: not palette_open(), 10, "the palette to close")
    tmux.settle("app", quiet=0.5, timeout=10)
    above_footer = "\n".join(tmux.capture("app").splitlines()[:-1])
    assert "\U0001f50e" not in above_footer and "^" not in above_footer, above_footer
    tmux.keys("app", "/")
    tmux.type("app", "Sullivan")
    tmux.wait_for("app", "People 1 of", timeout=10)
    tmux.keys("app", "Escape", "3", "Escape", "1")
    tmux.settle("app", quiet=1.0, timeout=15)
    above_footer = "\n".join(tmux.capture("app").splitlines()[:-1])
    assert not any(typed in above_footer for typed in ("^", "\u00a3", "\u00a1")), above_footer
    for key in ("j", "5", "/"):
        tmux.keys("app", "/", "C-u")
        tmux.type("app", "Sullivan")
        tmux.wait_for("app", "People 1 of", timeout=10)
        tmux.keys("app", "Escape", key)
        tmux.settle("app", quiet=0.5, timeout=15)
        search_line = tmux.capture("app").splitlines()[1]
        assert "Sullivan" in search_line and "Sullivan" + key not in search_line, (key, search_line)
        if key == "/":
            tmux.keys("app", "Escape")


# --- snapshots at 80x24 -----------------------------------------------------------------------------------

SMALL = (80, 24)


def test_snapshot_search_with_matches_80x24(snap_compare, store: Store) -> None:
    assert snap_compare(make_app(store), terminal_size=SMALL, press=["slash", *"production"], run_before=no_blink)


def test_snapshot_person_detail_80x24(snap_compare, store: Store) -> None:
    async def person(pilot) -> None:  # type: ignore[no-untyped-def]
        no_blink(pilot)
        await settle(pilot)
        await pilot.press("j", "j", "j", "j", "enter")
        await settle(pilot)

    assert snap_compare(make_app(store), terminal_size=SMALL, run_before=person)


def test_snapshot_organization_detail_80x24(snap_compare, store: Store) -> None:
    async def organization(pilot) -> None:  # type: ignore[no-untyped-def]
        no_blink(pilot)
        await settle(pilot)
        await pilot.press("tab")
        pilot.app.screen.organizations.select_key("white house")
        await settle(pilot)

    assert snap_compare(make_app(store), terminal_size=SMALL, run_before=organization)


@pytest.mark.usefixtures("fixed_ingest_date")
def test_snapshot_article_view_80x24(snap_compare, store: Store) -> None:
    assert snap_compare(make_app(store), terminal_size=SMALL, run_before=open_article_at_a_name)


def test_snapshot_help_80x24(snap_compare, store: Store) -> None:
    assert snap_compare(make_app(store), terminal_size=SMALL, press=["question_mark"], run_before=no_blink)


def test_snapshot_no_color_80x24(snap_compare, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(store), terminal_size=SMALL, press=["3", "j"], run_before=no_blink)


# --- narrow terminals -------------------------------------------------------------------------------------


def rows_on_screen(app: WhosaidApp) -> list[tuple[str, str]]:
    """(the row as drawn, the row whole) for every row of every list on screen."""
    from tui.row_list import RowList

    drawn = []
    for rows in app.screen.query(RowList):
        if not rows.display or not rows.parent.display or rows.region.width == 0:
            continue
        for y in range(min(rows.row_count, rows.scrollable_content_region.height)):
            index = rows.scroll_offset.y + y
            drawn.append((rows.render_line(y).text.rstrip(), rows._render_row(index).plain))
    return drawn


@pytest.mark.parametrize("size", [(40, 15), (80, 24), (120, 36)], ids=["40x15", "80x24", "120x36"])
@synchronously
async def test_a_row_too_long_for_its_list_ends_with_an_ellipsis(store: Store, size: tuple[int, int]) -> None:
    app = make_app(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        checked = 0
        for keys in (["1"], ["2"], ["3"], ["5"]):
            await pilot.press(*keys)
            await settle(pilot)
            for shown, whole in rows_on_screen(app):
                checked += 1
                assert shown == whole.rstrip() or shown.endswith("\u2026"), (shown, whole)
        assert checked > 20


@synchronously
async def test_pane_titles_shorten_before_they_are_cut(store: Store) -> None:
    from tests.test_tui import title_of

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.resize_terminal(200, 40)
        await settle(pilot)
        await pilot.press("2", "s", "s")
        await settle(pilot)
        organizations = app.screen.organizations
        assert title_of(organizations) == "Organizations 11 \u00b7 by latest article"
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert title_of(organizations) == "Orgs 11 \u00b7 latest"
        assert len(title_of(organizations)) <= organizations.size.width - 4
        await pilot.press("slash", *"white")
        await settle(pilot)
        assert title_of(organizations) == "Orgs 1/11 \u00b7 late\u2026", "the shortest title, cut as drawn"
        await pilot.resize_terminal(72, 24)
        await settle(pilot)
        assert title_of(organizations) == "Orgs 1/11", "no order cut to a bare ellipsis"


@synchronously
async def test_the_speaker_column_of_the_quotes_pane_grows_with_the_width(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.json")
    store.ingest([("long.txt", "Hearing\n\u201cWe will build more,\u201d said Alexandra Konstantinopolska.\n")])
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        narrow = app.screen.quotes._row(0).plain
        await pilot.resize_terminal(200, 40)
        await settle(pilot)
        wide = app.screen.quotes._row(0).plain
    assert narrow.startswith("Alexandra Kons\u2026 \u201c")
    assert wide.startswith("Alexandra Konstantinopolska") and wide.index("\u201c") > narrow.index("\u201c")


@synchronously
async def test_at_40x15_a_long_quote_detail_ends_with_an_ellipsis_or_scrolls(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(40, 15)) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter")
        await settle(pilot)
        summary = app.screen.detail.summary

        def shown() -> list[str]:
            region = summary.region
            lines = screen_text(app).splitlines()[region.y : region.bottom]
            return [line[region.x : region.right].rstrip() for line in lines]

        last_word = app.screen.detail.full_summary.plain.split()[-1]
        assert last_word not in " ".join(shown()), "the detail fits: pick a longer quote"
        if any(line.endswith("\u2026") for line in shown()):
            return
        box = summary.parent if summary.parent is not app.screen.detail else summary
        box.scroll_end(animate=False, immediate=True)
        await settle(pilot)
        assert last_word in " ".join(shown()), "neither an ellipsis nor a scroll to the end shows the rest"


@synchronously
async def test_on_an_ascii_terminal_at_80_columns_the_footer_keys_never_overlap(store: Store) -> None:
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    app = WhosaidApp(store, ascii_only=True, store_label="store.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for keys in ([], ["3"], ["4"], ["slash"]):
            await pilot.press(*keys)
            await settle(pilot)
            footer = app.screen.query_one(Footer)
            spans = sorted((key.region.x, key.region.right) for key in footer.query(FooterKey) if key.region.width)
            assert len(spans) >= 2, spans
            assert all(end <= start for (_, end), (start, _) in pairwise(spans)), spans
            assert "q Quit" in screen_text(app).splitlines()[-1] or keys == ["slash"]


@pytest.mark.parametrize("ascii_only", [True, False])
@synchronously
async def test_a_footer_too_narrow_for_every_key_shows_whole_keys_and_keeps_help_and_palette(
    store: Store, ascii_only: bool
) -> None:
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    app = WhosaidApp(store, ascii_only=ascii_only, store_label="store.json")
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        for width, keys in ((60, []), (44, []), (36, ["3", "j", "a"]), (52, []), (120, [])):
            await pilot.resize_terminal(width, 24)
            await pilot.press(*keys)
            await settle(pilot)
            footer = app.screen.query_one(Footer)
            shown = [key for key in footer.query(FooterKey) if key.display]
            last_line = screen_text(app).splitlines()[-1]
            for key in shown:
                assert key.description in last_line, (width, key.description, last_line)
                assert key.region.right <= width, (width, key.description, key.region)
            assert "Keys" in last_line and "palette" in last_line, (width, last_line)
            every_key_fits = width == 120
            assert (len(shown) == len(footer.query(FooterKey))) == every_key_fits, (width, last_line)


@pytest.mark.parametrize("ascii_only", [True, False])
@synchronously
async def test_at_80_columns_the_article_footer_shows_every_key_on_screen(store: Store, ascii_only: bool) -> None:
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    app = WhosaidApp(store, ascii_only=ascii_only, store_label="store.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3", "j", "a")
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        spans = sorted((key.region.x, key.region.right) for key in footer.query(FooterKey))
        assert all(width for _, width in spans) and spans[-1][1] <= 80, spans
        assert all(end <= start for (_, end), (start, _) in pairwise(spans)), spans
        last_line = screen_text(app).splitlines()[-1]
        assert all(words in last_line for words in ("Next", "Search", "Back", "Keys", "palette")), last_line


@needs_tmux
def test_installed_whosaid_with_term_linux_at_80_columns_shows_every_footer_key(tmp_path: Path, tmux: Tmux) -> None:
    store_path = seed_store(tmp_path)
    tmux.start("app", whosaid_in_terminal(store_path, "linux"), width=80, height=24)
    screen = tmux.wait_for("app", "Jake Sullivan", "palette")
    footer = screen.splitlines()[-1]
    for key in ("Enter Open", "/ Search", "Esc Back", "a Article", "? Keys", "q Quit", "ctrl+p palette"):
        assert key in footer, footer
    tmux.keys("app", "q")
    tmux.wait_for("app", "[exited 0]", timeout=10)


@needs_tmux
def test_installed_whosaid_on_a_dumb_terminal_writes_no_color(tmp_path: Path, tmux: Tmux) -> None:
    store_path = seed_store(tmp_path)
    written = tmp_path / "written"
    tmux.start("app", whosaid_in_terminal(store_path, "dumb").replace("env ", "env -u COLORTERM -u NO_COLOR ", 1))
    tmux.wait_for("app", "Jake Sullivan", "palette")
    tmux.run("pipe-pane", "-o", "-t", "app", f"cat > {shlex.quote(str(written))}")
    tmux.keys("app", "3", "j", "tab", "j")
    tmux.settle("app", quiet=0.5)
    tmux.keys("app", "q")
    tmux.wait_for("app", "[exited 0]", timeout=10)
    output = written.read_text(encoding="utf-8", errors="replace")
    assert "\x1b[" in output, "the keys redrew the screen"
    assert not colors_chosen(output), sorted(set(colors_chosen(output)))[:5]


NARROW = (40, 15)


class TestNarrowSnapshots:
    """The browser at 40x15, 80x24 and 120x36: one pane at a time, shortened titles, the speaker column's width."""

    def test_people_at_40x15(self, snap_compare, store: Store) -> None:
        assert snap_compare(make_app(store), terminal_size=NARROW, run_before=no_blink)

    def test_quotes_at_40x15(self, snap_compare, store: Store) -> None:
        assert snap_compare(make_app(store), terminal_size=NARROW, press=["3"], run_before=no_blink)

    def test_quote_detail_at_40x15(self, snap_compare, store: Store) -> None:
        assert snap_compare(make_app(store), terminal_size=NARROW, press=["3", "enter"], run_before=no_blink)

    def test_sorted_organizations_title_shortened_at_80x24(self, snap_compare, store: Store) -> None:
        async def sorted_by_latest(pilot) -> None:  # type: ignore[no-untyped-def]
            no_blink(pilot)
            await settle(pilot)
            await pilot.press("2", "s", "s")
            await settle(pilot)

        assert snap_compare(make_app(store), terminal_size=SMALL, run_before=sorted_by_latest)

    def test_ascii_footer_at_80x24(self, snap_compare, store: Store) -> None:
        app = WhosaidApp(store, ascii_only=True, store_label="store.json")
        assert snap_compare(app, terminal_size=SMALL, press=["3"], run_before=no_blink)

    def test_zoomed_quotes_at_120x36(self, snap_compare, store: Store) -> None:
        assert snap_compare(make_app(store), terminal_size=SIZE, press=["3", "z"], run_before=no_blink)


@synchronously
async def test_a_long_quote_s_detail_still_says_who_said_it(tmp_path: Path) -> None:
    """A quote of 2,000 characters filled the detail, cut before "— speaker, role" and the article it is in."""
    quote = " ".join(f"the committee will look at item {number} of the harbor budget" for number in range(40))
    store = Store(tmp_path / "store.json")
    store.ingest([(
        str(tmp_path / "long.txt"),
        f"Budget hearing\n\n\u201c{quote}.\u201d said Maxine Fitzgerald, the committee's chair.\n",
    )])
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter")
        await settle(pilot)
        region = app.screen.detail.summary.region
        shown = [line[region.x : region.right] for line in screen_text(app).splitlines()[region.y : region.bottom]]
        assert any(line.rstrip().endswith("\u2026") for line in shown), "the quote is cut, and says so"
        assert any("\u2014 Maxine Fitzgerald" in line for line in shown)
        assert any("in Budget hearing" in line for line in shown)


@pytest.mark.parametrize(
    "emoji", ["\U0001f44d\U0001f3fd", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\u2764\ufe0f"]
)
def test_emoji_joined_by_a_skin_tone_a_joiner_or_a_selector_are_drawn_apart_as_wide_as_measured(emoji: str) -> None:
    """A quote holding 👍🏽 pushed the Detail pane's right border two cells off its line in tmux, which draws the
    tone apart where Rich measured one emoji; the family emoji by six cells where Rich measured two."""
    from rich.cells import cell_len

    text = f"Great {emoji} work"
    for shown in (printable(text), printable_line(text)):
        assert len(shown) == len(text), "offsets into the text stay right"
        assert not set(shown) & {"\u200d", "\ufe0f", "\U0001f3fd"}
        assert cell_len(shown) == sum(cell_len(char) for char in shown), "no cells Rich and a terminal count apart"


def test_a_zero_width_joiner_between_the_letters_of_a_script_that_shapes_with_it_is_kept() -> None:
    text = "\u0915\u094d\u200d\u0937 and \U0001f468\u200d\U0001f469"
    assert printable(text) == "\u0915\u094d\u200d\u0937 and \U0001f468\u200b\U0001f469"
    assert printable_line(text) == printable(text)


def test_a_quote_s_detail_cut_to_a_short_pane_shows_the_quote_not_only_its_paragraph_s_first_lines() -> None:
    """At 80x24 a quote late in a long paragraph fell below the cut: the detail showed the paragraph's start and not
    the quote it was about."""
    from tui.detail import fitted
    from tui.text import CURRENT_QUOTE_STYLE

    before = " ".join(f"Sentence {number} of the paragraph runs on." for number in range(12))
    quote = "We are ready to build the plant"
    paragraph = Content(before + " \u201c").append(Content(quote).stylize(CURRENT_QUOTE_STYLE)) + "\u201d said Kenji."
    summary = Content("\n").join([Content("\u201cWe are ready\u201d"), Content("\u2014 Kenji"), Content(""), paragraph])
    shown = fitted(summary, 30, 8).plain.splitlines()
    assert len(shown) <= 8
    assert shown[:3] == ["\u201cWe are ready\u201d", "\u2014 Kenji", ""]
    assert shown[3] == "\u2026" and "We are ready to build" in " ".join(shown[4:]), shown
    whole = fitted(summary, 30, 40).plain.splitlines()
    assert whole[3].startswith("Sentence 0"), "with room, the paragraph is whole"
    long_quote = " ".join(f"word{number}" for number in range(40))
    paragraph = Content(before + " \u201c").append(Content(long_quote).stylize(CURRENT_QUOTE_STYLE)) + "\u201d"
    summary = Content("\n").join([Content("\u201cWe\u201d"), Content("\u2014 Kenji"), Content(""), paragraph])
    shown = fitted(summary, 30, 10).plain.splitlines()
    assert shown[3] == "\u2026" and "word0" in shown[4] and "word20" in " ".join(shown), "as much of a long quote"


def test_what_y_copies_keeps_emoji_as_written_but_no_character_that_would_act_on_a_terminal() -> None:
    """The screen draws emoji apart (their joiners as zero-width spaces); the clipboard had the same stand-ins, so a
    pasted quote was not the article's text."""
    from tui.safe_text import clipboard_line

    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    quote = f"\u201cWe are hopeful \U0001f91e\U0001f54a\ufe0f \U0001f44d\U0001f3fd {family}\u201d"
    assert clipboard_line(quote) == quote
    assert printable_line(quote) != quote, "the screen still draws them apart"
    hostile = "a\x1b]52;c;evil\x07 b\u202e c\nd\x9b"
    copied = clipboard_line(hostile)
    assert not set(copied) & UNSAFE and "\n" not in copied and copied.startswith("a\u241b]52;c;evil\u2407 b")


@synchronously
async def test_y_in_the_reader_with_no_quote_marked_says_how_to_mark_one(store: Store) -> None:
    """The footer offered "y Copy" and y did nothing until n had marked a quote."""
    from tui.article_screen import ArticleScreen

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5", "a")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.current_quote is None
        app.copy_to_clipboard("before")
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == "before"
        assert any("No quote marked: n marks the next one" in n.message for n in app._notifications)
        await pilot.press("n", "y")
        await pilot.pause()
        assert app.clipboard.startswith("\u201c")
