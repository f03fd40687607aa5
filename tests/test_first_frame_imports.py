"""The browser's first frame waits for nothing it does not draw: launched on a stored article, it imports neither the
extractor, the article readers, the ingest machinery nor a TOML parser when there is no config file, and it builds its
footer's keys once, not once for each time the screen announces the same keys."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Footer

from store import Store
from tests.conftest import REPO_ROOT
from tests.test_tui import make_app, settle, synchronously
from tui.cli import browser_arguments, build_parser

FIRST_FRAME = """
import asyncio, json, sys
from pathlib import Path
from tui.cli import main  # the command's own imports count too
from store.database import open_store
from tui.app import WhosaidApp

async def first_frame() -> list[str]:
    store = open_store(Path(sys.argv[1]))
    store.open_snapshot()
    app = WhosaidApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(200):
            await pilot.pause()
            if app.screen.query_one("#people").records:
                return sorted(sys.modules)
    raise SystemExit("the People pane was never filled")

print(json.dumps(asyncio.run(first_frame())))
"""
"""Open the browser headless in a fresh interpreter, as the command does, and print the modules imported by the time
the People pane lists the store's people."""

NOT_FOR_THE_FIRST_FRAME = (
    "store.extraction",
    "store.readers",
    "store.sources",
    "store.parallel",
    "store.extracted",
    "tui.article_screen",
    "tui.help_screen",
    "tomllib",
    "tomli",
)
"""What only ingesting, reading an article, the help screen or a config file needs."""


def modules_at_first_frame(store_path: Path) -> list[str]:
    """The modules a fresh interpreter has imported once the browser shows the store at `store_path`."""
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(store_path)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_the_first_frame_imports_neither_the_extractor_the_readers_nor_a_toml_parser(store: Store) -> None:
    modules = modules_at_first_frame(store.path)
    assert "tui.browse_screen" in modules and "store.snapshot" in modules
    assert not set(NOT_FOR_THE_FIRST_FRAME) & set(modules), sorted(set(NOT_FOR_THE_FIRST_FRAME) & set(modules))


@synchronously
async def test_the_footer_builds_its_keys_once_as_the_browser_opens(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each build mounts a widget per key and redraws the screen; the browser's screen announces the same keys three
    times as it opens."""
    builds: list[Footer] = []
    mount_all = Footer.mount_all

    def counted_mount_all(footer: Footer, *args, **kwargs):  # type: ignore[no-untyped-def]
        builds.append(footer)
        return mount_all(footer, *args, **kwargs)

    monkeypatch.setattr(Footer, "mount_all", counted_mount_all)
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        assert footer.query("FooterKey"), "the footer shows no keys"
        assert len(builds) == 1, f"the footer built its keys {len(builds)} times"
        await pilot.press("slash")
        await settle(pilot)
        assert len(builds) == 2, "the footer kept the browsing keys when the search box took the focus"


@pytest.mark.parametrize(
    "words",
    [[], ["--db", "x.json"], ["--db=x.json"], ["--ascii", "--no-mouse"], ["--no-mouse", "--db", "a b.json", "--ascii"]],
)
def test_a_browser_launch_is_read_without_the_parser_as_the_parser_reads_it(words: list[str]) -> None:
    """Building every command's arguments takes longer than the rest of the command line's work before the first
    frame, so a plain browser launch is read without it."""
    quick = browser_arguments(words)
    assert quick is not None, "a plain browser launch went through the parser"
    assert vars(quick) == vars(build_parser().parse_args(words))


@pytest.mark.parametrize(
    "words",
    [["--as"], ["--db"], ["--db", "-x"], ["--db="], ["--db", "a", "--db", "b"], ["-h"], ["--version"], ["search", "x"]],
)
def test_any_other_command_line_is_left_to_the_parser(words: list[str]) -> None:
    assert browser_arguments(words) is None
