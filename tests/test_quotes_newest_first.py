"""Quotes by date, newest first: the Quotes pane's third order, the latest day's quotes on top, a day's quotes in
the order their articles were added and each article's in reading order; kept in the config file's [sort] table."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from store import Store
from store import snapshot as snapshot_module
from store.quote_records import QuoteSelection
from tests.test_quote_orders import dated_path  # noqa: F401 - a fixture
from tests.test_tui import isolated_config, make_app, row_texts, settings_app, settle, synchronously, title_of
from tui import panes
from tui.settings import load_settings

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["isolated_config"]

SIZE = (120, 36)


def article(title: str, *quotes: tuple[str, str]) -> str:
    """An article's text: its title, then each (words, speaker) quote in a paragraph of its own."""
    paragraphs = [f"\u201c{words},\u201d said {speaker}, a harbor official." for words, speaker in quotes]
    return "\n\n".join([title, *paragraphs]) + "\n"


ARTICLES = [
    ("harbor.txt", article("Harbor vote", ("Harbor one", "Daniel Reyes"), ("Harbor two", "Ana Lindqvist"),
                           ("Harbor three", "Tom Berg")), {"date": "2024-06-12"}),
    ("ferry.txt", article("Ferry fares", ("Ferry one", "Daniel Reyes"), ("Ferry two", "Tom Berg")),
     {"date": "2023-11-02"}),
    ("bridge.txt", article("Bridge works", ("Bridge one", "Ana Lindqvist")), {"date": "2024-06-12"}),
    ("dock.txt", article("Dock strike", ("Dock one", "Tom Berg")), {"date": "2025-01-05"}),
]
"""Two articles of one day (harbor added before bridge), an older one and a newer one added last."""

NEWEST_FIRST = [
    "Dock one", "Harbor one", "Harbor two", "Harbor three", "Bridge one", "Ferry one", "Ferry two",
]
OLDEST_FIRST = [
    "Ferry one", "Ferry two", "Harbor one", "Harbor two", "Harbor three", "Bridge one", "Dock one",
]


@pytest.fixture
def days_store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "store.json")
    store.ingest(ARTICLES)
    return store


def listed_words(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The words of each quote the Quotes pane lists, in its order."""
    return [quote.text.rstrip(",") for quote in app.screen.quotes.records]


def newest_alone(snapshot: snapshot_module.Snapshot, positions: list[int]) -> list[int]:
    """The positions by their quotes' articles' days, newest first, a day's in stored order, told from the records."""
    records = snapshot.stored_quotes

    def day(position: int) -> str:
        stored = snapshot.article(records[position].article_key)
        return stored.sort_date if stored is not None else ""

    by_position = sorted(positions)
    return sorted(by_position, key=day, reverse=True)


def test_sorted_quotes_newest_first_by_day_keeps_a_days_quotes_in_stored_order(days_store: Store) -> None:
    snapshot = Store(days_store.path).snapshot
    listed = snapshot.sorted_quotes(snapshot.quotes, "newest")
    assert [quote.text.rstrip(",") for quote in listed] == NEWEST_FIRST
    assert [quote.text.rstrip(",") for quote in snapshot.sorted_quotes(snapshot.quotes, "date")] == OLDEST_FIRST


def test_a_long_list_newest_first_is_the_list_sorted_alone(
    dated_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A big store's list is taken from every stored quote put newest first once, as the oldest-first one is."""
    rng = random.Random("newest")
    snapshot = Store(dated_path).snapshot
    stored = len(snapshot.stored_quotes)
    assert len({article.sort_date for article in snapshot.articles}) > 10 and stored > 100
    for apart in (0, stored + 1):  # every list sorted alone, then every one taken from the whole order
        monkeypatch.setattr(snapshot_module, "QUOTES_SORTED_APART", apart)
        for size in (0, 1, 2, stored // 3, stored // 2, stored):
            positions = sorted(rng.sample(range(stored), size))
            listed = snapshot.sorted_quotes(QuoteSelection(snapshot.stored_quotes, positions), "newest")
            assert list(listed.positions) == newest_alone(snapshot, positions), (apart, size)
        assert ("newest" in snapshot._quote_orders) == (apart > 0), "the whole order is made once and kept"


@synchronously
async def test_s_on_the_quotes_pane_goes_from_oldest_first_to_newest_first_and_back_to_article_order(
    days_store: Store,
) -> None:
    app = make_app(days_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        stored = listed_words(app)
        await pilot.press("s")
        await settle(pilot)
        assert listed_words(app) == OLDEST_FIRST and "by date, oldest first" in title_of(app.screen.quotes)
        await pilot.press("s")
        await settle(pilot)
        assert listed_words(app) == NEWEST_FIRST
        assert title_of(app.screen.quotes).endswith("by date, newest first")
        assert "Dock one" in row_texts(app, "quotes")[0]
        assert app.screen.quotes.selected is not None and app.screen.quotes.selected.text.startswith("Dock one")
        await pilot.press("s")
        await settle(pilot)
        assert listed_words(app) == stored and "by date" not in title_of(app.screen.quotes)


@synchronously
async def test_a_narrow_quotes_pane_says_newest_or_oldest_for_its_date_orders(days_store: Store) -> None:
    """Both date orders were shortened to "date" where the title has no room for the whole label."""
    app = make_app(days_store)
    async with app.run_test(size=(30, 15)) as pilot:
        await settle(pilot)
        await pilot.press("3", "s")
        await settle(pilot)
        assert title_of(app.screen.quotes).endswith("oldest")
        await pilot.press("s")
        await settle(pilot)
        assert title_of(app.screen.quotes).endswith("newest")


@synchronously
async def test_newest_first_in_a_worker_for_a_long_list_lists_what_sorting_at_once_does(
    days_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big store's quotes are put in order off the screen's thread: the order that comes is the same."""
    monkeypatch.setattr(panes, "SORTED_AT_ONCE", 0)
    app = make_app(days_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "s", "s")
        await settle(pilot)
        assert listed_words(app) == NEWEST_FIRST
        assert title_of(app.screen.quotes).endswith("by date, newest first")
        await pilot.press("slash", *"tom", "enter")
        await settle(pilot)
        assert listed_words(app) == ["Dock one", "Harbor three", "Ferry two"]


@synchronously
async def test_newest_first_is_kept_in_the_config_file_and_read_from_it(
    days_store: Store, isolated_config: Path
) -> None:
    app = settings_app(days_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "s", "s")
        await settle(pilot)
    assert tomllib.loads(isolated_config.read_text(encoding="utf-8"))["sort"] == {"quotes": "newest"}
    settings = load_settings(isolated_config)
    assert settings.sort == {"quotes": "newest"} and not settings.problems
    again = settings_app(days_store)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.screen.quotes.order == "newest" and listed_words(again) == NEWEST_FIRST
