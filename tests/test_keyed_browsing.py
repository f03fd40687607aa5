"""A browser on a big store searches its stored index by key and holds its quotes' texts compressed, and finds and
shows what a search of the whole store does."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store, keyed_quote_index
from store import snapshot as snapshot_module
from store.keyed_quote_index import KeyedQuoteIndex
from store.search import Term
from store.snapshot import Snapshot
from store.stopping import SearchStopped, stopping_when
from tests.test_keyed_search import QUERIES, store_path  # noqa: F401 - the store these tests search
from tests.test_tui import SIZE, isolated_config, make_app, settle, synchronously
from tui import browse_screen
from tui.browse_screen import BrowseScreen

__all__ = ["isolated_config"]

TYPED = [
    "h",
    "harb",
    "an",
    "ann l",
    "ann lee budg",
    '"the harb',
    '"we will reb',
    "c+",
    "at&",
    "k mens",
    "nu",
    "núñ",
    "o'ne",
    "b",
    "zz",
    "story 1",
    "speaker:le",
    "speaker:lee harb",
    "org:harb",
    "org:city council",
    "article:story",
    "harbor org:counc",
]
"""Searches as they stand while the user types: the last word (or an unclosed phrase) a prefix."""


def lean_snapshot(path: Path) -> Snapshot:
    """The snapshot a browser holds of the store at `path`."""
    store = Store(path)
    store.lean = True
    return store.snapshot


@pytest.fixture
def keyed(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Snapshot:  # noqa: F811
    """The browser's snapshot of the test store, searched by key as a big store's is."""
    monkeypatch.setattr(snapshot_module, "KEYED_BROWSING_QUOTES", 0)
    snapshot = lean_snapshot(store_path)
    assert isinstance(snapshot._quote_index, KeyedQuoteIndex)
    return snapshot


def test_a_browser_on_a_big_store_finds_what_the_whole_index_finds(keyed: Snapshot, store_path: Path) -> None:  # noqa: F811
    whole = Store(store_path).snapshot
    found_any = 0
    for query in [*QUERIES, *TYPED]:
        keyed_quotes, whole_quotes = keyed.search_quotes(query), whole.search_quotes(query)
        assert list(keyed_quotes.positions) == list(whole_quotes.positions), query
        assert [quote.text for quote in keyed_quotes] == [quote.text for quote in whole_quotes], query
        assert [p.key for p in keyed.search_people(query)] == [p.key for p in whole.search_people(query)], query
        assert [o.key for o in keyed.search_organizations(query)] == [
            o.key for o in whole.search_organizations(query)
        ], query
        found_any += bool(keyed_quotes)
    assert found_any > (len(QUERIES) + len(TYPED)) // 2


def test_a_browser_on_a_big_store_never_reads_the_index_whole(keyed: Snapshot) -> None:
    keyed.read_all()
    keyed.build_indexes()
    assert keyed.search_quotes("harb")
    assert "_speaker_lines" not in vars(keyed)
    assert len(keyed._index_documents) == 0


@pytest.mark.parametrize("scan_kept_bytes", [0, 4_000_000])
def test_typing_letter_by_letter_and_back_finds_what_the_whole_index_finds(
    keyed: Snapshot,
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    scan_kept_bytes: int,
) -> None:
    monkeypatch.setattr(keyed_quote_index, "SCAN_KEPT_BYTES", scan_kept_bytes)
    whole = Store(store_path).snapshot
    typed = [text[:end] for text in ("harbor winter", "ann lee", "mensah") for end in range(1, len(text) + 1)]
    for query in [*typed, *reversed(typed)]:
        assert list(keyed.search_quotes(query).positions) == list(whole.search_quotes(query).positions), query
        assert [p.key for p in keyed.search_people(query)] == [p.key for p in whole.search_people(query)], query


def test_the_posting_lists_kept_between_searches_stay_within_their_bound(
    keyed: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyed_quote_index, "POSITIONS_KEPT", 20)
    index = keyed._quote_index
    assert isinstance(index, KeyedQuoteIndex)
    first = list(keyed.search_quotes("harbor").positions)
    for word in ["the", "budget", "council", "h", "b", "c", "harbor"]:
        keyed.search_quotes(word)
        assert index._kept_positions == sum(map(len, index._kept.values()))
        assert index._kept_positions <= 20 or len(index._kept) == 1
    assert list(keyed.search_quotes("harbor").positions) == first


def test_typing_after_a_whole_word_no_quote_holds_scans_no_prefix(
    keyed: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def scanned(*_: object) -> None:
        raise AssertionError("the word being typed was scanned")

    speakers_named = KeyedQuoteIndex.speakers_named

    def named_by_whole_words(index: KeyedQuoteIndex, term: Term) -> set[str]:
        if term.last_is_prefix:
            scanned()
        return speakers_named(index, term)

    monkeypatch.setattr(KeyedQuoteIndex, "_positions_with_prefix", scanned)
    monkeypatch.setattr(KeyedQuoteIndex, "speakers_named", named_by_whole_words)
    assert keyed.search_quotes("zzqx h") == []
    assert keyed.search_quotes("zzqx harb") == []


def test_a_smaller_store_keeps_its_index_in_memory(store_path: Path) -> None:  # noqa: F811
    snapshot = lean_snapshot(store_path)
    assert not isinstance(snapshot._quote_index, KeyedQuoteIndex)


def test_a_search_asked_to_stop_ends_at_the_next_part_it_would_read(keyed: Snapshot) -> None:
    checks = 0

    def stop_after_two() -> bool:
        nonlocal checks
        checks += 1
        return checks > 2

    for search in (keyed.search_quotes, keyed.search_people, keyed.search_organizations):
        checks = 0
        with stopping_when(stop_after_two), pytest.raises(SearchStopped):
            search("harb")
        assert checks == 3
    with stopping_when(lambda: False):
        assert list(keyed.search_quotes("harb").positions) == list(keyed.search_quotes("harb").positions)
    assert keyed.search_quotes("harb"), "outside the block, nothing stops a search"


@synchronously
async def test_typing_in_the_search_box_of_a_big_store_lists_the_matches(
    keyed: Snapshot,
    store_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(browse_screen, "SEARCHED_IN_A_WORKER", 0)
    whole = Store(store_path).snapshot
    store = Store(store_path)
    store.lean = True
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ann l")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        assert app.snapshot._keyed_parts is not None
        expected = whole.search_quotes("ann l")
        assert expected
        assert [quote.key for quote in screen.quotes.records] == [quote.key for quote in expected]
        assert [person.name for person in screen.people.records] == ["Ann Lee"]
