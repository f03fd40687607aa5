"""The first people and organizations by name, and the names of the first quotes' speakers, as the writer keeps
them for a big store's first screen: always the true start of each list, through adds, removals and new
processes."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from store import Store, front_pages
from store.keys import fold
from tests.conftest import tagged_extract

SURNAMES = [f"{first}{second}" for first in ("Ab", "Ce", "Di", "Fo", "Gu", "Ha") for second in ("ran", "tel", "mo")]
PEOPLE = [f"{given} {surname}" for given in ("Ana", "Bo", "Cy") for surname in SURNAMES]
ORGANIZATIONS = [f"{stem} Group" for stem in SURNAMES]


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of a few rows, so that a few dozen people overflow them and removals leave them short."""
    monkeypatch.setattr(front_pages, "FRONT_ROWS", 6)
    monkeypatch.setattr(front_pages, "FRONT_REFILL", 3)
    monkeypatch.setattr(front_pages, "FRONT_QUOTES", 5)


def story(rng: random.Random, number: int) -> tuple[str, str]:
    """An article quoting three people and naming two organizations, drawn at random."""
    lines = [f"Story {number}", ""]
    lines += [f"\u201cPoint {number}.{turn}\u201d said {name}." for turn, name in enumerate(rng.sample(PEOPLE, 3))]
    lines += [f"ORG={organization}" for organization in rng.sample(ORGANIZATIONS, 2)]
    return f"story{number}.txt", "\n".join(lines) + "\n"


def stored_front(store_path: Path) -> dict:
    """The front pages the store's manifest keeps."""
    return json.loads(store_path.read_text())["whosaid"]["lookups"]["front"]


def assert_front_is_the_lists_start(store_path: Path) -> None:
    """Each kept page is the start of its whole list by name; a page holds every row, or enough for a pane; the
    first quotes' speakers, when kept, are named as the store names them."""
    front = stored_front(store_path)
    snapshot = Store(store_path, extractor=tagged_extract).snapshot
    for table, records in (("people", snapshot.people), ("organizations", snapshot.organizations)):
        whole = sorted((fold(record.name), record.key) for record in records)
        page = front[table]
        kept = [(fold(row["name"]), row["key"]) for row in page["rows"]]
        assert kept == whole[: len(kept)], table
        assert page["whole"] == (len(kept) == len(whole)), table
        assert len(kept) >= min(len(whole), front_pages.FRONT_REFILL), table
    if "speakers" in front:
        first = snapshot.stored_quotes[: front_pages.FRONT_QUOTES]
        named = {
            f"{quote.speaker_kind}:{quote.speaker_key}": quote.speaker_name for quote in first if quote.speaker_key
        }
        assert front["speakers"] == named


def test_the_kept_pages_stay_the_start_of_each_list_through_adds_and_removals(store_path: Path) -> None:
    rng = random.Random(7)
    number = 0
    for step in range(14):
        store = Store(store_path, extractor=tagged_extract)
        if step % 4 == 3:
            keys = [article.content_hash for article in store.snapshot.articles]
            store.remove(rng.sample(keys, min(len(keys), rng.randint(1, 4))))
        else:
            batch = [story(rng, number + offset) for offset in range(rng.randint(1, 5))]
            number += len(batch)
            store.ingest(batch, batch_size=2)
        assert_front_is_the_lists_start(store_path)


def test_a_store_written_without_pages_gets_them_with_its_next_write(store_path: Path) -> None:
    rng = random.Random(3)
    Store(store_path, extractor=tagged_extract).ingest([story(rng, number) for number in range(8)])
    document = json.loads(store_path.read_text())
    del document["whosaid"]["lookups"]["front"]
    store_path.write_text(json.dumps(document))
    Store(store_path, extractor=tagged_extract).ingest([story(rng, 8)])
    front = stored_front(store_path)
    assert len(front["people"]["rows"]) == front_pages.FRONT_ROWS
    assert "speakers" in front
    assert_front_is_the_lists_start(store_path)


def test_a_front_row_holds_what_a_row_shows_not_every_appearance() -> None:
    roles = [None, None] + [f"role {n}" for n in range(2, 50)]
    appearances = [{"article": f"a{n}", "role": role, "organization": None} for n, role in enumerate(roles)]
    person = {"key": "k", "name": "Ana Abran", "aliases": [], "appearances": appearances}
    row = front_pages.row_document("people", person)
    assert row["appearances"] == [appearances[2]]


def test_removing_the_first_names_and_quotes_finds_the_next_ones(store_path: Path) -> None:
    people = sorted(PEOPLE)
    stories = [
        (f"s{number}.txt", f"Story {number}\n\n" + "".join(f"\u201cOn {name}.\u201d said {name}.\n" for name in trio))
        for number, trio in enumerate(zip(people[0::3], people[1::3], people[2::3], strict=True))
    ]
    store = Store(store_path, extractor=tagged_extract)
    store.ingest(stories, batch_size=4)
    first_two = [article.content_hash for article in store.snapshot.articles[:2]]
    assert {row["name"] for row in stored_front(store_path)["people"]["rows"]} == set(people[:6])
    Store(store_path, extractor=tagged_extract).remove(first_two)
    front = stored_front(store_path)
    assert [row["name"] for row in front["people"]["rows"]] == people[6:12]
    assert_front_is_the_lists_start(store_path)
    Store(store_path, extractor=tagged_extract).ingest([story(random.Random(1), 99)])
    assert "speakers" in stored_front(store_path)
    assert_front_is_the_lists_start(store_path)
