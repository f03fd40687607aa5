"""Removing articles and replacing an edited one: what only they held goes with them, the rest stays whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store, StoreError, open_store, storage
from store.quote_index import QuoteIndex
from tests.conftest import tagged_extract

HARBOR = "Harbor plan\n\n\u201cThe harbor comes first,\u201d said Maria Lopez.\nORG=Port Authority\n"
HARBOR_EDITED = "Harbor plan\n\n\u201cThe harbor comes second,\u201d said Tom Berg.\n"
BUDGET = (
    "Budget vote\n\n\u201cWe will pass it,\u201d said Maria Lopez.\n"
    "\u201cNever,\u201d said Ann Lee.\nORG=City Council\n"
)


def assert_index_matches_the_quotes(store_path: Path) -> None:
    """The stored search index answers as one built afresh from the quotes that are left."""
    snapshot = Store(store_path).snapshot
    fresh = QuoteIndex([quote.text for quote in snapshot.quotes])
    for query in ("harbor", "comes", "first", "second", "pass", "never", "we will"):
        assert snapshot.search_quotes(query + " ") == [snapshot.quotes[p] for p in fresh.search(query + " ")]


def test_reading_an_edited_file_again_replaces_the_earlier_version(store_path: Path) -> None:
    store = Store(store_path, extractor=tagged_extract)
    store.ingest([("/news/harbor.txt", HARBOR), ("/news/budget.txt", BUDGET)])
    [outcome] = store.ingest([("/news/harbor.txt", HARBOR_EDITED)])
    assert outcome.added and outcome.replaced
    snapshot = Store(store_path).snapshot
    assert [(a.source, a.text) for a in snapshot.articles] == [
        ("/news/budget.txt", BUDGET),
        ("/news/harbor.txt", HARBOR_EDITED),
    ]
    assert [q.text for q in snapshot.quotes] == ["We will pass it,", "Never,", "The harbor comes second,"]
    people = {person.name: person for person in snapshot.people}
    assert sorted(people) == ["Ann Lee", "Maria Lopez", "Tom Berg"]
    assert [a.article_title for a in people["Maria Lopez"].appearances] == ["Budget vote"]
    assert [o.name for o in snapshot.organizations] == ["City Council"]
    assert snapshot.search_quotes("first ") == []
    assert snapshot.summary().stale_articles == 0, "the new version is read by the installed extractor"
    assert_index_matches_the_quotes(store_path)


def test_the_same_text_from_elsewhere_or_from_standard_input_replaces_nothing(store_path: Path) -> None:
    store = Store(store_path, extractor=tagged_extract)
    store.ingest([("-", HARBOR), ("/news/harbor.txt", HARBOR_EDITED)])
    outcomes = store.ingest([("-", BUDGET), ("/elsewhere/harbor.txt", HARBOR_EDITED)])
    assert [(o.added, o.replaced) for o in outcomes] == [(True, False), (False, False)]
    assert Store(store_path).summary().articles == 3


def test_removing_an_article_takes_what_only_it_named(store_path: Path) -> None:
    store = Store(store_path, extractor=tagged_extract)
    store.ingest([("harbor.txt", HARBOR), ("budget.txt", BUDGET), ("edited.txt", HARBOR_EDITED)])
    budget = next(a for a in store.snapshot.articles if a.title == "Budget vote")
    [removed] = store.remove([budget.content_hash, "0" * 64])
    assert (removed.key, removed.title, removed.source) == (budget.key, "Budget vote", "budget.txt")
    snapshot = Store(store_path).snapshot
    assert [a.source for a in snapshot.articles] == ["harbor.txt", "edited.txt"]
    assert sorted(p.name for p in snapshot.people) == ["Maria Lopez", "Tom Berg"]
    assert [o.name for o in snapshot.organizations] == ["Port Authority"]
    assert [q.text for q in snapshot.quotes] == ["The harbor comes first,", "The harbor comes second,"]
    assert snapshot.article(budget.key) is None
    assert_index_matches_the_quotes(store_path)


def test_a_store_whose_articles_were_all_removed_is_not_seeded_again(store_path: Path) -> None:
    store = open_store(store_path)
    assert store.summary().articles == 1
    store.remove(article.content_hash for article in store.snapshot.articles)
    assert open_store(store_path).summary().articles == 0


def test_a_reader_behind_a_removal_is_told_rather_than_shown_moved_quotes(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 2)
    store = Store(store_path, extractor=tagged_extract)
    store.ingest([(f"{n}.txt", f"Story {n}\n\n\u201cWords of story {n},\u201d said Ann Lee.\n") for n in range(8)])
    lagging = Store(store_path).open_snapshot()
    store.remove([store.snapshot.articles[6].content_hash])
    store.ingest([("late.txt", "Late story\n\n\u201cLate words,\u201d said Tom Berg.\n")])
    with pytest.raises(StoreError, match="missing"):
        [quote.text for quote in lagging.quotes]


def test_a_reader_behind_a_removal_reads_its_version_while_its_files_remain(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 2)
    store = Store(store_path, extractor=tagged_extract)
    store.ingest([(f"{n}.txt", f"Story {n}\n\n\u201cWords of story {n},\u201d said Ann Lee.\n") for n in range(8)])
    lagging = Store(store_path).open_snapshot()
    store.remove([store.snapshot.articles[0].content_hash])
    store.ingest([("late.txt", "Late story\n\n\u201cLate words,\u201d said Tom Berg.\n")])
    assert [quote.text for quote in lagging.quotes] == [f"Words of story {n}," for n in range(8)]
    assert [quote.text for quote in Store(store_path).snapshot.quotes][0] == "Words of story 1,"


def test_a_reader_behind_appends_still_reads_its_version(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 2)
    store = Store(store_path, extractor=tagged_extract)
    store.ingest([(f"{n}.txt", f"Story {n}\n\n\u201cWords of story {n},\u201d said Ann Lee.\n") for n in range(7)])
    lagging = Store(store_path).open_snapshot()
    for late in range(3):
        store.ingest([(f"late-{late}.txt", f"Late {late}\n\n\u201cLate words {late},\u201d said Tom Berg.\n")])
    assert [quote.text for quote in lagging.quotes] == [f"Words of story {n}," for n in range(7)]


def test_a_batch_of_keys_is_found_in_a_table_file_only_where_one_is_written_whole() -> None:
    """Removing a batch of articles reads each quote file once for all their keys: a file is passed over only when
    it holds none of them as a whole JSON string, whatever other keys or texts it holds."""
    from store.storage import Needles

    keys = Needles([b'"0a1b2c3d4e5f6071"', b'"ffffffffffffffff"'])
    assert keys.found_in(b'{"1":{"article":"0a1b2c3d4e5f6071","text":"x"}}')
    assert not keys.found_in(b'{"1":{"article":"0a1b2c3d4e5f6072","text":"0a1b2c3d4e5f6071 in a quote"}}')
    assert not keys.found_in(b'{"1":{"article":"0a1b2c3d4e5f60710","text":"\\"ffffffffffffffff\\" quoted"}}')
    named = Needles([b'"seed article"'])
    assert named.found_in(b'{"1":{"key":"seed article"}}') and not named.found_in(b'{"1":{"key":"seed"}}')
