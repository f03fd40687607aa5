"""Fixtures shared by the store and command-line tests."""

from __future__ import annotations

import gc
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Store
from store.model import Extraction, Organization, Person, Quote

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED_PATH = REPO_ROOT / "seeds" / "us-ukraine-joint-weapons-production.txt"
_QUOTED = re.compile(r"\u201c([^\u201d]*)\u201d")
_SAID_BY = re.compile(r"said (\w+ \w+)")


def sizes_forgotten(store_path: Path) -> None:
    """The store's manifest as an earlier whosaid wrote it, without its files' sizes: a test that edits a table file
    in place to give it an earlier shape makes a store such a whosaid wrote, not a damaged one."""
    manifest = json.loads(store_path.read_text(encoding="utf-8"))
    manifest["whosaid"].pop("sizes", None)
    store_path.write_text(json.dumps(manifest), encoding="utf-8")


def tagged_extract(text: str) -> Extraction:
    """A transparent stand-in extractor for store tests: “…” said First Last; ORG=Name lines."""
    people = {name: Person(name, (name.split()[-1],), "spokesperson", None) for name in _SAID_BY.findall(text)}
    organizations = tuple(Organization(name.strip()) for name in re.findall(r"ORG=([^\n]+)", text))
    quotes = []
    for match in _QUOTED.finditer(text):
        speaker = _SAID_BY.search(text, match.end())
        quotes.append(
            Quote(
                match.group(1),
                speaker.group(1) if speaker else None,
                match.start(1),
                match.end(1),
                text.count("\n", 0, match.start()),
            )
        )
    return Extraction(text.split("\n", 1)[0], tuple(people.values()), organizations, tuple(quotes))


@pytest.fixture(autouse=True)
def own_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test, nor a whosaid it starts, reads or writes the user's settings or crash log."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))


@pytest.fixture(autouse=True)
def collector_unfrozen() -> Iterator[None]:
    """What a search or export run in this process kept out of the collector's scans (see `store.collector`) is
    given back to it after each test: the installed command ends right after, a test suite does not."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def left_for_exit_dropped() -> Iterator[None]:
    """What a search run in this process kept for the process's end (see `tui.cli.LEFT_FOR_EXIT`) is dropped after
    each test: the installed command ends right after, a test suite would hold every store it searched."""
    yield
    cli = sys.modules.get("tui.cli")
    if cli is not None:
        cli.LEFT_FOR_EXIT.clear()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A store holding the seed article, as the extractor reads it."""
    store = Store(tmp_path / "store.json")
    store.ingest([(SEED_PATH.name, SEED_PATH.read_text(encoding="utf-8"))])
    return store


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A store file location in a fresh directory."""
    return tmp_path / "data" / "store.json"
