"""Settings that stick: pane orders, zoom, search history and key bindings survive a quit and a relaunch through
the config file, which keeps what it does not know, reports damage in one line, and is never written by a guest."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from store import Store
from tests.ssh_support import Tmux
from tests.test_tui import (
    SIZE,
    choose_in_palette,
    isolated_config,
    make_app,
    screen_text,
    settings_app,
    settle,
    synchronously,
    title_of,
)
from tests.test_tui_terminal import SEED, needs_tmux, tmux, whosaid_in_terminal
from tui import sorting
from tui.bindings import key_problem
from tui.settings import load_settings, update_config

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["isolated_config", "tmux"]


def footer_text(app) -> str:  # type: ignore[no-untyped-def]
    """The bottom line of the screen: the footer."""
    return screen_text(app).splitlines()[-1]


async def quit_app(pilot) -> None:  # type: ignore[no-untyped-def]
    """Leave the browser with q, as a user does."""
    await pilot.press("escape")
    await pilot.press("q")
    await pilot.pause()


# --- round trips: change, quit, launch again ----------------------------------------------------------------


@synchronously
async def test_pane_orders_chosen_with_s_are_there_at_the_next_launch(store: Store, isolated_config: Path) -> None:
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "s")
        await pilot.press("2", "s", "3", "s", "5", "s", "s")
        await settle(pilot)
        orders = {name: app.screen.pane(name).order for name in ("people", "organizations", "quotes", "articles")}
        assert orders == {"people": "count", "organizations": "count", "quotes": "date", "articles": "title"}
        await quit_app(pilot)
    assert tomllib.loads(isolated_config.read_text(encoding="utf-8"))["sort"] == orders
    again = settings_app(store)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = again.screen
        assert {name: screen.pane(name).order for name in orders} == orders
        assert "by quotes" in title_of(screen.people) and "by date" in title_of(screen.quotes)
        counts = [row.split()[0] for row in map(str, (screen.people._row(i).plain for i in range(3)))]
        assert counts == sorted(counts, key=int, reverse=True)
        assert all(screen.pane(name).rows.cursor == 0 for name in orders), "each list opens at its top"
        assert screen.detail.subject is not None and screen.detail.subject.key == screen.people.records[0].key


@synchronously
async def test_a_saved_order_sorted_in_a_worker_opens_at_its_top_with_the_detail_showing_it(
    store: Store, isolated_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big store's lists are sorted in a worker after they are shown by name: the cursor, untouched, stays on the
    top row, and the detail shows who is there rather than whoever was first by name."""
    monkeypatch.setattr(sorting, "SORTED_AT_ONCE", 0)
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text('[sort]\npeople = "count"\n', encoding="utf-8")
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        people, detail = app.screen.people, app.screen.detail
        assert [person.key for person in people.records] == [p.key for p in app.snapshot.people_in_order("count")]
        assert people.rows.cursor == 0 and people.records[0].name == "Jake Sullivan"
        assert detail.subject is not None and detail.subject.key == people.records[0].key


@synchronously
async def test_the_citation_style_chosen_in_the_palette_is_there_at_the_next_launch_unless_the_environment_says(
    store: Store, isolated_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WHOSAID_CITATION", raising=False)
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_in_palette(pilot, "citation style markdown")
        assert app.citation_style == "markdown"
        await quit_app(pilot)
    assert tomllib.loads(isolated_config.read_text(encoding="utf-8"))["citation"] == "markdown"
    again = settings_app(store)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.citation_style == "markdown"
    monkeypatch.setenv("WHOSAID_CITATION", "plain")
    overruled = settings_app(store)
    async with overruled.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert overruled.citation_style == "plain"


@synchronously
async def test_a_zoomed_pane_stays_zoomed_at_the_next_launch(store: Store, isolated_config: Path) -> None:
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.people.display and screen.quotes.display and screen.detail.display
        await pilot.press("z")
        await settle(pilot)
        assert screen.people.display and not screen.quotes.display and not screen.detail.display
        assert screen.people.size.width > SIZE[0] - 4
        await pilot.press("3")
        await settle(pilot)
        assert screen.quotes.display and not screen.people.display
        await quit_app(pilot)
    assert tomllib.loads(isolated_config.read_text(encoding="utf-8"))["layout"] == {"zoom": True}
    again = settings_app(store)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = again.screen
        assert screen.people.display and not screen.organizations.display and not screen.detail.display
        await pilot.press("z")
        await settle(pilot)
        assert screen.people.display and screen.organizations.display and screen.detail.display
    assert tomllib.loads(isolated_config.read_text(encoding="utf-8"))["layout"] == {"zoom": False}


@synchronously
async def test_two_browsers_open_at_once_keep_both_their_searches(store: Store, isolated_config: Path) -> None:
    """Each of two whosaid open on the same settings wrote only its own history: the one that saved last dropped the
    other's searches."""
    first, second = settings_app(store), settings_app(store)
    async with first.run_test(size=SIZE) as pilot_first, second.run_test(size=SIZE) as pilot_second:
        await settle(pilot_first)
        await settle(pilot_second)
        await pilot_first.press("slash", *"boeing", "enter")
        await settle(pilot_first)
        await pilot_second.press("slash", *"weapons", "enter")
        await settle(pilot_second)
        assert second.screen.search.history == ["boeing", "weapons"]
    assert tomllib.loads(isolated_config.read_text(encoding="utf-8"))["search"] == {"history": ["boeing", "weapons"]}


@synchronously
async def test_the_search_history_is_there_at_the_next_launch(store: Store, isolated_config: Path) -> None:
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"boeing", "enter", "slash", "ctrl+u", *"weapons", "escape")
        await settle(pilot)
        await quit_app(pilot)
    assert tomllib.loads(isolated_config.read_text(encoding="utf-8"))["search"] == {"history": ["boeing", "weapons"]}
    again = settings_app(store)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        search = again.screen.search
        await pilot.press("slash", "up")
        assert search.value == "weapons"
        await pilot.press("up")
        assert search.value == "boeing"
        await pilot.press("down", "down")
        assert search.value == ""


# --- key bindings by id -------------------------------------------------------------------------------------


@synchronously
async def test_a_key_rebound_by_id_works_and_shows_in_the_footer_help_and_palette(
    store: Store, isolated_config: Path
) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text(
        '[keys]\n"app.quit" = "ctrl+q"\n"quote.copy" = "c"\n"pane.zoom" = "f2"\n', encoding="utf-8"
    )
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = footer_text(app)
        assert "^q Quit" in footer and "c Copy" in footer and "y Copy" not in footer
        await pilot.press("c")
        assert app.clipboard.startswith(app.screen.people.selected.name), "c copies the name selected, as y did"
        await pilot.press("3")
        await settle(pilot)
        assert "c Copy quote" in footer_text(app)
        await pilot.press("c")
        assert app.clipboard.startswith("\u201c"), "and the quote selected"
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert app.is_running
        await pilot.press("question_mark")
        await settle(pilot)
        keys = str(app.screen.query_one("#help-keys").render())
        assert any(line.startswith("^q") and "Quit" in line and "app.quit" in line for line in keys.splitlines())
        await pilot.press("escape", "ctrl+p")
        await settle(pilot)
        await pilot.press(*"app: quit")
        await settle(pilot)
        assert "(^q)" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await choose_in_palette(pilot, "layout: zoom")
        await settle(pilot)
        assert app.screen.zoomed
        await pilot.press("z")
        await settle(pilot)
        assert app.screen.zoomed
        await pilot.press("f2")
        await settle(pilot)
        assert not app.screen.zoomed
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


@synchronously
async def test_a_rebound_search_key_leaves_the_box_and_escape_no_longer_does(
    store: Store, isolated_config: Path
) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text('[keys]\n"search.leave" = "ctrl+g"\n', encoding="utf-8")
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        search = app.screen.search
        await pilot.press("slash", *"boeing", "ctrl+g")
        await settle(pilot)
        assert app.focused is not search and search.history == ["boeing"]
        await pilot.press("slash", "escape")
        assert app.focused is search


def test_key_names_are_checked_as_textual_reads_them() -> None:
    for key in ("ctrl+q", "f5", "question_mark", "G", "?", "slash", "ctrl+shift+up", "space"):
        assert key_problem(key) is None, key
    for key in ("ctrl+", "control+q", "foo", "ctrl+nothing", "a b", ""):
        assert key_problem(key) is not None, key


# --- damaged files ------------------------------------------------------------------------------------------


@synchronously
async def test_wrong_settings_are_named_in_one_line_and_the_valid_ones_still_apply(
    store: Store, isolated_config: Path
) -> None:
    isolated_config.parent.mkdir(parents=True)
    text = (
        'theme = "nord"\ncitation = "fancy"\n'
        '[sort]\npeople = 5\nquotes = "date"\norganizations = "sideways"\norgs = "count"\n'
        '[layout]\nzoom = "yes"\n'
        '[search]\nhistory = "boeing"\n'
        '[keys]\n"no.such.binding" = "x"\n"app.quit" = "ctrl+nothing"\n"app.help" = "f1"\n'
    )
    isolated_config.write_text(text, encoding="utf-8")
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running and app.theme == "nord"
        problems = [n.message for n in app._notifications if n.title == "Settings"]
        assert len(problems) == 1 and "\n" not in problems[0]
        for named in ("sort.people", "sort.organizations", "orgs", "layout.zoom", "search.history", "no.such.binding"):
            assert named in problems[0], named
        assert "citation" in problems[0] and app.citation_style == "plain"
        assert "ctrl+nothing" in problems[0]
        assert app.screen.quotes.order == "date" and app.screen.people.order == "name"
        assert app.screen.quotes.display and app.screen.people.display
        assert "f1 Keys" in footer_text(app) and "q Quit" in footer_text(app)
        await pilot.press("s")
        await settle(pilot)
    saved = tomllib.loads(isolated_config.read_text(encoding="utf-8"))
    assert saved["sort"] == {"people": "surname", "quotes": "date", "organizations": "sideways", "orgs": "count"}
    assert saved["keys"]["no.such.binding"] == "x" and saved["layout"] == {"zoom": "yes"}


@synchronously
async def test_a_config_that_is_not_toml_is_reported_and_the_app_runs_and_never_writes_it(
    store: Store, isolated_config: Path
) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text("[sort\npeople = \x00", encoding="utf-8")
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        problems = [n.message for n in app._notifications if n.title == "Settings"]
        assert len(problems) == 1 and "\n" not in problems[0] and "\x00" not in problems[0]
        await pilot.press("s", "z", "slash", *"boeing", "enter")
        await settle(pilot)
        assert app.is_running
    assert isolated_config.read_text(encoding="utf-8") == "[sort\npeople = \x00"


@synchronously
async def test_a_guest_session_writes_no_settings_at_all(
    store: Store, isolated_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WHOSAID_GUEST", "1")
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "z", "3", "s", "slash", *"boeing", "enter")
        app.theme = "nord"
        await settle(pilot)
        assert app.screen.zoomed and app.screen.quotes.order == "date"
        await quit_app(pilot)
    assert not isolated_config.parent.exists()
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text('[layout]\nzoom = true\n[search]\nhistory = ["weapons"]\n', encoding="utf-8")
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.zoomed
        await pilot.press("z", "slash", "up")
        assert app.screen.search.value == "weapons"
        await pilot.press("ctrl+u", *"boeing", "enter")
        await settle(pilot)
    assert isolated_config.read_text(encoding="utf-8") == '[layout]\nzoom = true\n[search]\nhistory = ["weapons"]\n'
    assert os.listdir(isolated_config.parent) == ["config.toml"]


# --- the file itself ----------------------------------------------------------------------------------------


def test_writing_keeps_other_keys_and_comments_and_adds_tables(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    text = (
        "# my settings\n"
        'theme = "gruvbox"  # dark\n'
        "future = 3\n"
        "\n"
        "[sort]\n"
        'people = "name"\n'
        "# columns one day\n"
        "width = 1.5\n"
        "\n"
        "[[plugins]]\n"
        'name = "x"\n'
    )
    path.write_text(text, encoding="utf-8")
    update_config({"theme": "nord", "sort": {"people": "count", "quotes": "date"}}, path)
    update_config({"search": {"history": ['say "hi"\\', "\u00e9t\u00e9 \U0001f600"]}}, path)
    written = path.read_text(encoding="utf-8")
    assert "# my settings\n" in written and "# columns one day\n" in written
    data = tomllib.loads(written)
    assert data["theme"] == "nord" and data["future"] == 3
    assert data["sort"] == {"people": "count", "width": 1.5, "quotes": "date"}
    assert data["plugins"] == [{"name": "x"}]
    assert data["search"]["history"] == ['say "hi"\\', "\u00e9t\u00e9 \U0001f600"]
    assert load_settings(path).history == ('say "hi"\\', "\u00e9t\u00e9 \U0001f600")
    assert sorted(os.listdir(tmp_path)) == ["config.toml"]


def test_a_layout_the_line_editor_cannot_follow_is_rewritten_whole_keeping_every_key(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'search.history = [\n  "a",\n  "b",\n]\nsort = { people = "name" }\n[other]\nwhen = 2024-06-01\n', "utf-8"
    )
    update_config({"search": {"history": ["a", "b", "c"]}, "sort": {"quotes": "date"}}, path)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["search"] == {"history": ["a", "b", "c"]}
    assert data["sort"] == {"people": "name", "quotes": "date"}
    assert str(data["other"]["when"]) == "2024-06-01"


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "gruvbox"\n', encoding="utf-8")

    def full_disk(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        update_config({"theme": "nord"}, path)
    assert path.read_text(encoding="utf-8") == 'theme = "gruvbox"\n'
    assert os.listdir(tmp_path) == ["config.toml"]


@synchronously
async def test_a_headless_run_keeps_no_settings(store: Store, isolated_config: Path) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "z", "slash", *"boeing", "enter")
        await settle(pilot)
        assert app.screen.zoomed and app.screen.people.order == "surname"
    assert not isolated_config.parent.exists()


@needs_tmux
def test_the_installed_whosaid_keeps_a_sort_order_between_launches(tmp_path: Path, tmux: Tmux) -> None:
    store_path = tmp_path / "store.json"
    Store(store_path).ingest([(SEED.name, SEED.read_text(encoding="utf-8"))])
    config_home = tmp_path / "config"
    command = whosaid_in_terminal(store_path)
    tmux.start("first", command, width=120, height=36)
    tmux.wait_for("first", "Jake Sullivan")
    tmux.keys("first", "s")
    tmux.wait_for("first", "People 9 \u00b7 by surname")
    tmux.keys("first", "q")
    tmux.wait_for("first", "[exited 0]", timeout=10)
    assert tomllib.loads((config_home / "whosaid" / "config.toml").read_text(encoding="utf-8")) == {
        "sort": {"people": "surname"}
    }
    tmux.start("second", command, width=120, height=36)
    tmux.wait_for("second", "People 9 \u00b7 by surname")
    tmux.keys("second", "q")
    tmux.wait_for("second", "[exited 0]", timeout=10)


@synchronously
async def test_a_config_that_cannot_be_written_is_said_once_and_the_app_goes_on(
    store: Store, isolated_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "s", "z", "slash", *"boeing", "enter")
        await settle(pilot)
        assert app.is_running and app.screen.people.order == "count" and app.screen.zoomed
        problems = [n.message for n in app._notifications if n.title == "Settings"]
        assert len(problems) == 1 and "not kept" in problems[0] and "No space left" in problems[0]
    assert not isolated_config.exists()


def test_a_citation_style_written_in_capitals_is_taken(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('citation = " Markdown"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.citation == "markdown" and not settings.problems


@synchronously
async def test_a_rebound_help_key_closes_the_help_it_opens_whose_footer_shows_its_own_keys(
    store: Store, isolated_config: Path
) -> None:
    """F1 bound to the help opened it but did not close it, and the help's footer showed the browser's keys."""
    from tui.help_screen import HelpScreen

    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text('[keys]\n"app.help" = "f1"\n', encoding="utf-8")
    app = settings_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "esc Close" in footer_text(app) and "Open" not in footer_text(app)
        await pilot.press("f1")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)


def test_a_key_given_to_two_bindings_that_answer_at_once_is_named_but_keys_they_share_by_default_are_not(
    tmp_path: Path,
) -> None:
    """`"list.sort" = "o"` was taken without a word, and opening the original had no key left."""
    path = tmp_path / "config.toml"
    path.write_text('[keys]\n"list.sort" = "o"\n"quote.copy" = "c,y"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.keys["list.sort"] == "o" and settings.keys["name.copy"] == "c,y"
    assert [p for p in settings.problems if "given to both" in p] == [
        "keys: o is given to both article.original and list.sort; only one of them answers to it"
    ]
