"""The command palette finds a big store's people, organizations and articles by searches over one folded text, and
lists the same candidates, in the same order and with the same help, as scoring a command made for every name."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.content import Content

from store import Snapshot, Store
from tests.test_keyed_search import store_path  # noqa: F401 - a store of 40 articles, people and organizations
from tests.test_tui import SIZE, choose_in_palette, make_app, settle, synchronously
from tui.article_screen import ArticleScreen
from tui.commands import (
    MAX_CANDIDATES,
    Command,
    PaletteNames,
    candidates,
    named_kind,
    palette_names,
    searched_text,
    shown_help,
)
from tui.safe_text import printable_line


def every_command(snapshot: Snapshot) -> Iterator[Command]:
    """A command for every person, organization and article, as the palette made them for each opening."""
    for key, name, role_and_organization in snapshot.people_summaries():
        yield f"Person: {printable_line(name)}", ("person", key), printable_line(", ".join(role_and_organization))
    for key, name in snapshot.organization_summaries():
        yield f"Organization: {printable_line(name)}", ("organization", key), ""
    for key, title, source in snapshot.article_summaries():
        yield f"Article: {printable_line(title)}", ("article", key), printable_line(source)


@pytest.mark.parametrize("lean", [False, True])
@pytest.mark.parametrize(
    "query",
    [
        "", "a", "ann", "ANN LEE", "person: ann", "org:", "article: sty", "story 1", "harbor", "hrb", "sty3", "lee ",
        "zzz", "é", "e", "&", "a3-2.txt",
    ],
)
def test_the_palette_lists_the_candidates_a_command_for_every_name_would_give(
    store_path: Path,  # noqa: F811
    query: str,
    lean: bool,
) -> None:
    store = Store(store_path)
    store.lean = lean
    snapshot = store.snapshot
    commands = list(every_command(snapshot))
    assert len(commands) > 50
    names = PaletteNames(snapshot)
    assert len(names) == len(commands)
    listed = [names.command(line) for line in names.candidates(query, MAX_CANDIDATES)]
    by_target = {command[1]: command for command in commands}
    kind, name_query = named_kind(query)
    searched = [
        (searched_text(command[0].split(": ", 1)[1], *command[1:]), command[1], command[2])
        for command in commands
        if kind is None or command[1][0] == kind
    ]
    assert listed == [by_target[found[1]] for found in candidates(searched, name_query)]


def test_the_palette_lists_at_most_the_candidates_asked_for_those_holding_the_query_at_a_word_start_first(
    store_path: Path,  # noqa: F811
) -> None:
    """"ha" lists the harbor's names and stories before Wei Zhang, though people come first in the lists."""
    names = PaletteNames(Store(store_path).snapshot)

    def listed(most: int) -> list[tuple[str, bool]]:
        texts = [names.command(line)[0].lower().split(": ", 1)[1] for line in names.candidates("ha", most)]
        return [(text, any(word.startswith("ha") for word in text.split())) for text in texts]

    assert len(listed(12)) == 12 and all(at_start for _text, at_start in listed(12))
    starts = [at_start for _text, at_start in listed(20)]
    assert starts == sorted(starts, reverse=True) and not all(starts)
    assert listed(20)[-1] == ("wei zhang", False)


def test_a_help_line_from_the_store_is_shown_as_written_not_read_as_markup() -> None:
    """Textual reads a help string as markup: an organization called "Acme [Inc]" lost its "[Inc]", and "[/]" ended
    the palette's search with an error."""
    for written in ("CEO, Acme [Inc]", "Ministry [/]", "[bold]x"):
        assert Content.from_markup(shown_help(written)).plain == written  # type: ignore[arg-type]
    assert shown_help("") is None


def test_the_names_kept_for_the_next_palette_do_not_keep_an_old_snapshot_alive(
    store_path: Path,  # noqa: F811
) -> None:
    snapshot = Store(store_path).snapshot
    names = palette_names(snapshot)
    assert palette_names(snapshot) is names, "made once a snapshot"
    held = weakref.ref(snapshot)
    del snapshot
    gc.collect()
    assert held() is None, "the snapshot, read again since, is let go"
    assert names.snapshot is None


@synchronously
async def test_an_article_is_found_in_the_palette_by_its_file_name(store_path: Path) -> None:  # noqa: F811
    store = Store(store_path)
    wanted = next(key for key, _title, source in store.snapshot.article_summaries() if source.endswith("a3-2.txt"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_in_palette(pilot, "a3-2.txt")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.article_key == wanted


@synchronously
async def test_a_palette_opened_while_names_are_made_lists_the_other_commands_and_says_so(
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Opened while a big store was indexed, the palette listed nothing at all, not even its search, and stayed
    empty: it waited for the store's names, which that store made slowly."""
    import threading

    from tui import commands

    ready = threading.Event()
    made = commands.palette_names

    def slow_names(snapshot: Snapshot) -> PaletteNames:
        ready.wait(10)
        return made(snapshot)

    monkeypatch.setattr(commands, "palette_names", slow_names)
    app = make_app(Store(store_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"story")
        await settle(pilot)

        def listed() -> list[str]:
            return [str(option.prompt).splitlines()[0] for option in app.screen.query_one("CommandList").options]

        assert listed()[0] == "Search: quotes for story" and commands.NAMES_WAITING in listed()
        ready.set()
        await pilot.pause(0.2)
        await pilot.press("space")
        await settle(pilot)
        assert any(text.startswith("Article: ") for text in listed()) and commands.NAMES_WAITING not in listed()


@synchronously
async def test_an_article_read_from_two_files_is_found_in_the_palette_by_either_file_name(tmp_path: Path) -> None:
    """The copy's file name found only "Search: quotes for …": the palette knew only the first path."""
    text = "Nordic talks\n\n\u201cWe agreed,\u201d said Ann Lee, the envoy.\n"
    store = Store(tmp_path / "store.json")
    store.ingest([(str(tmp_path / "nordic.txt"), text)])
    store.ingest([(str(tmp_path / "nordic_copy.txt"), text)])
    [article] = store.snapshot.articles
    app = make_app(Store(tmp_path / "store.json"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_in_palette(pilot, "nordic_copy")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen) and app.screen.article_key == article.key
