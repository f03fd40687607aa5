"""A big store's first screen drawn from the rows its writer keeps, before the whole store is read: the same rows,
names and counts as the whole snapshot's, and a browser that says it is still reading rather than show partial
answers."""

from __future__ import annotations

import json
import random
import threading
from pathlib import Path

import pytest

from store import Store, database, front_pages
from store.preview import preview_snapshot
from tests.conftest import tagged_extract
from tests.test_front_pages import story
from tests.test_tui import SIZE, isolated_config, make_app, row_texts, settle, synchronously, title_of
from tui.browse_screen import BrowseScreen
from tui.commands import WhosaidCommands

__all__ = ["isolated_config"]


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of a few rows, so that a few dozen people overflow them, and stores this small previewed as big ones
    are."""
    monkeypatch.setattr(database, "QUICK_READ_BYTES", 0)
    monkeypatch.setattr(front_pages, "FRONT_ROWS", 6)
    monkeypatch.setattr(front_pages, "FRONT_REFILL", 3)
    monkeypatch.setattr(front_pages, "FRONT_QUOTES", 5)


@pytest.fixture
def written(store_path: Path) -> Path:
    """A store written in several batches, the last one removing two articles, then adding more."""
    rng = random.Random(11)
    store = Store(store_path, extractor=tagged_extract)
    store.ingest([story(rng, number) for number in range(12)], batch_size=3)
    store.remove([article.content_hash for article in store.snapshot.articles[:2]])
    Store(store_path, extractor=tagged_extract).ingest([story(rng, number) for number in range(12, 16)])
    return store_path


def test_a_preview_lists_the_first_rows_and_counts_of_the_whole_store(written: Path) -> None:
    preview = preview_snapshot(written)
    whole = Store(written, extractor=tagged_extract).snapshot
    assert preview is not None and preview.preview and not whole.preview
    assert [p.key for p in preview.people] == [p.key for p in whole.people[:6]]
    assert [p.roles for p in preview.people] == [p.roles[:1] for p in whole.people[:6]]
    assert [o.name for o in preview.organizations] == [o.name for o in whole.organizations[:6]]
    first = whole.stored_quotes[:5]
    assert [(q.key, q.text, q.speaker_name) for q in preview.quotes] == [(q.key, q.text, q.speaker_name) for q in first]
    assert preview.summary() == whole.summary()


def test_a_preview_names_the_first_speakers_even_when_the_last_write_removed_quotes(written: Path) -> None:
    store = Store(written, extractor=tagged_extract)
    store.remove([store.snapshot.articles[0].content_hash])
    assert "speakers" not in json.loads(written.read_text())["whosaid"]["lookups"]["front"]
    preview = preview_snapshot(written)
    whole = Store(written, extractor=tagged_extract).snapshot
    assert preview is not None
    assert [q.speaker_name for q in preview.quotes] == [q.speaker_name for q in whole.stored_quotes[:5]]
    assert all(q.speaker_name for q in preview.quotes)


@pytest.mark.parametrize(
    "damage",
    [
        {"appearances": [{"role": "x"}]},
        {"appearances": [{"article": "a", "role": 3}]},
        {"name": None},
        {"aliases": "Ana"},
        {"appearances": [{"article": "a"}, {"article": "b"}]},
    ],
)
def test_damaged_first_rows_give_no_preview(written: Path, damage: dict) -> None:
    document = json.loads(written.read_text())
    document["whosaid"]["lookups"]["front"]["people"]["rows"][0].update(damage)
    written.write_text(json.dumps(document))
    assert preview_snapshot(written) is None


def test_no_preview_for_a_store_that_opens_whole_as_quickly(written: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "QUICK_READ_BYTES", 8_000_000)
    assert preview_snapshot(written) is None


def test_no_preview_for_a_store_written_without_first_rows(written: Path) -> None:
    document = json.loads(written.read_text())
    del document["whosaid"]["lookups"]["front"]
    written.write_text(json.dumps(document))
    assert preview_snapshot(written) is None


def held_refresh(monkeypatch: pytest.MonkeyPatch, store: Store) -> threading.Event:
    """Hold the store's reading past its first rows (its `refresh`) until the returned event is set (ten seconds at
    most), so that the browser shows its first rows meanwhile."""
    reading = threading.Event()
    unblocked = store.refresh

    def held() -> bool:
        reading.wait(10)
        return unblocked()

    monkeypatch.setattr(store, "refresh", held)
    return reading


@synchronously
async def test_the_browser_shows_the_first_rows_at_once_then_the_whole_store(
    written: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(written, extractor=tagged_extract)
    reading = held_refresh(monkeypatch, store)
    whole = Store(written, extractor=tagged_extract).snapshot
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        assert app.snapshot.preview
        listed = [row.strip() for row in row_texts(app, "people")]
        assert listed == [f"{person.name}  spokesperson" for person in whole.people[:6]]
        assert title_of(screen.people) == f"People 6 of {len(whole.people)}"
        assert screen.detail.full_summary.plain == "Reading the store\u2026"
        assert f"{len(whole.stored_quotes)} quotes" in app.store_line(), "the first rows' quotes were counted"
        await pilot.press("e")
        await pilot.pause()
        said = [notification.message for notification in app._notifications]
        assert said == ["Still reading the store: export again in a moment."], "nothing partial is exported"
        screen.quotes.set_order("date")
        assert row_texts(app, "quotes") == [], "the first rows hold no dates to order them by"
        assert title_of(screen.quotes).startswith(f"Quotes \u2026 of {len(whole.stored_quotes)}"), "not '0 of'"
        assert screen.quotes.rows.empty_message.plain == "Reading the store\u2026"
        screen.quotes.set_order("article")
        provider = WhosaidCommands(screen)
        await provider.startup()
        assert provider.named_commands() == [], "no name the palette could not find"
        await pilot.press("slash", *"point")
        await pilot.pause()
        assert row_texts(app, "quotes") == [], "no partial answer to a search"
        assert title_of(screen.quotes) == f"Quotes \u2026 of {len(whole.stored_quotes)}", "not '0 of'"
        assert screen.quotes.rows.empty_message.plain == "Reading the store\u2026"
        await pilot.press("ctrl+u", "escape", "down", "down")
        assert screen.people.selected_key == whole.people[2].key
        reading.set()
        await settle(pilot)
        assert not app.snapshot.preview
        assert len(screen.people.records) == len(whole.people)
        assert screen.people.selected_key == whole.people[2].key, "the person moved to is still selected"
        assert "Reading the store" not in screen.detail.full_summary.plain


@synchronously
@pytest.mark.parametrize("pane", ["people", "quotes"])
async def test_a_row_opened_before_the_store_is_read_shows_in_the_detail_once_it_is(
    written: Path, monkeypatch: pytest.MonkeyPatch, pane: str
) -> None:
    """Enter pressed on a first-screen row while the rest is read opens the detail, which says it is reading, and
    then shows that row's person or quote rather than "Reading the store…" for good."""
    store = Store(written, extractor=tagged_extract)
    reading = held_refresh(monkeypatch, store)
    whole = Store(written, extractor=tagged_extract).snapshot
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BrowseScreen) and app.snapshot.preview
        if pane == "quotes":
            await pilot.press("3")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.detail.full_summary.plain == "Reading the store\u2026"
        reading.set()
        await settle(pilot)
        assert not app.snapshot.preview
        expected = whole.people[1].name if pane == "people" else whole.quotes[1].text.strip()[:30]
        assert expected in screen.detail.full_summary.plain
