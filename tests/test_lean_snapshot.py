"""A browser's lean snapshot (people packed, few quote files parsed) shows and finds what a full one does."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from store import Snapshot, Store, storage
from store.model import Extraction, Organization, Person, Quote
from store.quote_documents import QuoteDocuments
from tests.conftest import tagged_extract
from tests.test_keyed_search import store_path as copied_store  # noqa: F401 - a store with copies across articles
from tui.sorting import sort_key

SPEAKERS = ("Ann Lee", "Bo Chen", "Cy Diaz")
ORGANIZATIONS = ("City Council", "Harbor Board")


def story(number: int) -> str:
    """A story of two quotes by two of the speakers, one of them for an organization the story names."""
    first, second = SPEAKERS[number % 3], SPEAKERS[(number + 1) % 3]
    organization = ORGANIZATIONS[number % 2]
    return (
        f"Story {number}\n\n\u201cHarbor vote {number} is near,\u201d said {first}\n"
        f"\u201cWe want the budget {number},\u201d said {second}\nORG={organization}\n"
    )


def extract_with_organizations(text: str) -> Extraction:
    """The tagged extraction, each person speaking for the story's organization."""
    extraction = tagged_extract(text)
    organization = extraction.organizations[0].name if extraction.organizations else None
    people = tuple(dataclasses.replace(person, organization=organization) for person in extraction.people)
    return dataclasses.replace(extraction, people=people)


def snapshot_of(store_path: Path, lean: bool) -> Snapshot:
    """The store read whole, lean or not."""
    store = Store(store_path)
    store.lean = lean
    return store.snapshot


def seen(snapshot: Snapshot) -> dict[str, object]:
    """What a user sees of a store: the lists, a person's and an organization's quotes, searches and counts."""
    snapshot.build_indexes()
    first_person, first_organization = snapshot.people[0], snapshot.organizations[0]
    last_quote = snapshot.stored_quotes[len(snapshot.stored_quotes) - 1]
    return {
        "quotes": [(quote.key, quote.text, quote.speaker_name, quote.paragraph) for quote in snapshot.quotes],
        "people": [(person.name, person.appearances) for person in snapshot.people],
        "organizations": [organization.name for organization in snapshot.organizations],
        "person's quotes": [quote.text for quote in snapshot.quotes_by_person(first_person.key)],
        "organization's people": [p.name for p in snapshot.people_of_organization(first_organization.key)],
        "search": [quote.text for quote in snapshot.search_quotes("harbor")],
        "search by name": [quote.text for quote in snapshot.search_quotes("chen budget")],
        "search by prefix": [quote.text for quote in snapshot.search_quotes("bud")],
        "said for an organization": [quote.text for quote in snapshot.search_quotes("org:council")],
        "said for it, with a word": [quote.text for quote in snapshot.search_quotes("org:council budget")],
        "in articles by title": [quote.text for quote in snapshot.search_quotes("article:story vote")],
        "filters together": [quote.text for quote in snapshot.search_quotes("org:harbor speaker:chen")],
        "counts per article": [snapshot.article_counts(article.key) for article in snapshot.articles],
        "people in an article": [person.name for person in snapshot.people_in_article(last_quote.article_key)],
        "where a quote stands": snapshot.quote_position(last_quote.key),
        "people summaries": list(snapshot.people_summaries()),
        "printed as JSON": list(QuoteDocuments.of(snapshot).json_texts(range(len(snapshot.stored_quotes)))),
    }


@pytest.fixture
def store_of_stories(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store of 12 stories whose quotes span more files than a lean snapshot keeps parsed."""
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 2)
    Store(store_path, extractor=extract_with_organizations).ingest(
        [(f"{n}.txt", story(n)) for n in range(12)]
    )
    return store_path


def test_a_lean_snapshot_shows_and_finds_what_a_full_one_does(store_of_stories: Path) -> None:
    full, lean = seen(snapshot_of(store_of_stories, lean=False)), seen(snapshot_of(store_of_stories, lean=True))
    assert lean == full
    assert len(full["quotes"]) == 24 and full["search by name"] and full["organization's people"]  # type: ignore[arg-type]
    assert full["people in an article"] and full["where a quote stands"] == 23
    assert len(full["printed as JSON"]) == 24  # type: ignore[arg-type]
    assert len(full["said for an organization"]) == 12 and len(full["said for it, with a word"]) == 6  # type: ignore[arg-type]
    assert len(full["in articles by title"]) == 12 and len(full["filters together"]) == 4  # type: ignore[arg-type]
    people = snapshot_of(store_of_stories, lean=False).people
    assert full["people summaries"] == [(p.key, p.name, p.roles[:1] + p.organizations[:1]) for p in people]


def test_a_lean_snapshot_reads_its_quotes_after_another_process_rewrote_the_store(
    store_of_stories: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 2)
    opened = Store(store_of_stories)
    opened.lean = True
    snapshot = opened.open_snapshot()
    expected = [(quote.text, quote.speaker_name) for quote in snapshot_of(store_of_stories, lean=False).stored_quotes]
    Store(store_of_stories, extractor=extract_with_organizations).ingest([("12.txt", story(12))])
    Store(store_of_stories, extractor=extract_with_organizations).ingest([("13.txt", story(13))])
    assert [(quote.text, quote.speaker_name) for quote in snapshot.stored_quotes] == expected


@pytest.mark.parametrize("order", ["surname", "count", "latest"])
def test_the_store_sorts_every_person_as_the_people_pane_would_making_no_record(
    store_of_stories: Path, order: str
) -> None:
    full = snapshot_of(store_of_stories, lean=False)
    full.build_indexes()
    expected = [person.key for person in sorted(full.people, key=sort_key(full, order))]
    lean = snapshot_of(store_of_stories, lean=True)
    lean.build_indexes()
    listed = lean.people_in_order(order)
    where = {key: lean.listed_index(listed, key) for key in expected}
    assert not any(lean.people._records), "records were made to sort the people"  # type: ignore[attr-defined]
    assert [person.key for person in listed] == expected
    assert where == {key: index for index, key in enumerate(expected)}
    if order != "count":  # every speaker of these stories is quoted as often
        assert expected != [person.key for person in full.people], "the order was not exercised"


@pytest.mark.parametrize("lean", [False, True])
def test_the_orders_by_quotes_and_latest_article_are_those_of_each_names_detail(
    copied_store: Path,  # noqa: F811
    lean: bool,
) -> None:
    """The people and organizations sorted by quotes list first who has the most quotes in their detail (copies of
    one quote in several articles counted once), and by latest article whose newest article comes last in the
    store: counted for all at once, the same as counting each name's detail."""
    lines = [f"\u201cGate {number} opens on Monday,\u201d said Zed Quill." for number in range(60)]
    text = "Lantern news\n\n" + "\n".join(lines) + "\n"
    said = [
        Quote(line[1:-len(",\u201d said Zed Quill.")], "Zed Quill", start + 1, start + line.index(","), number + 2)
        for number, line in enumerate(lines)
        for start in [text.index(line)]
    ]
    zed = Person("Zed Quill", (), "owner", "Lantern Group")
    newest = Extraction("Lantern news", (zed,), (Organization("Lantern Group"),), tuple(said))
    Store(copied_store, extractor={text: newest}.__getitem__).ingest([("lantern.txt", text)])
    snapshot = snapshot_of(copied_store, lean=lean)
    snapshot.build_indexes()
    counts = {person.key: len(snapshot.quotes_by_person(person.key)) for person in snapshot.people}
    copies = {person.key: len(snapshot._quote_positions_of(f"person:{person.key}")) for person in snapshot.people}
    assert counts != copies, "the store has copies for the counts to leave out"
    assert len(set(counts.values())) > 3, "the order by quotes was not exercised"
    for order in ("count", "latest"):
        people = [person.key for person in snapshot.people_in_order(order)]
        assert people == [person.key for person in sorted(snapshot.people, key=sort_key(snapshot, order))], order
        assert snapshot.knows_order("people", order)
        organizations = snapshot.organizations_in_order(order)
        expected = [o.key for o in sorted(snapshot.organizations, key=sort_key(snapshot, order))]
        assert [organization.key for organization in organizations] == expected, order
        assert expected != [o.key for o in snapshot.organizations], "the order was not exercised"
        assert [snapshot.listed_index(organizations, key) for key in expected] == list(range(len(expected)))
    assert not snapshot.knows_order("organizations", "surname")


def test_a_lean_snapshot_keeps_quotes_whose_article_or_speaker_is_not_stored() -> None:
    people = {"1": {"key": "ann lee", "name": "Ann Lee", "appearances": [{"article": "a1"}]}}
    articles = {"1": {"key": "a1", "title": "One"}}
    quotes = {
        "1": {"text": "Harbor vote is near", "article": "a1", "start": 0, "paragraph": 0, "speaker": "person:ann lee"},
        "2": {"text": "Harbor gone", "article": "gone", "start": 5, "paragraph": 1, "speaker": "person:nobody"},
        "3": {"text": "Harbor unsaid", "article": "a1", "start": 40, "paragraph": 2},
    }
    tree = {"people": people, "articles": articles, "quotes": quotes}
    full, lean = Snapshot.build(tree, "store.json"), Snapshot.build(tree, "store.json", lean=True)
    lean.read_all()
    for snapshot in (full, lean):
        snapshot.build_indexes()
    for snapshot in (full, lean):
        assert [quote.key for quote in snapshot.quotes_in_article("gone")] == ["gone:5"]
        assert [quote.key for quote in snapshot.quotes_in_article("a1")] == ["a1:0", "a1:40"]
        assert [(q.speaker_key, q.speaker_name) for q in snapshot.stored_quotes] == [
            ("ann lee", "Ann Lee"), ("nobody", None), (None, None)
        ]
        assert [quote.text for quote in snapshot.search_quotes("lee harbor")] == ["Harbor vote is near"]
        assert [quote.key for quote in snapshot.quotes_by_person("ann lee")] == ["a1:0"]


def test_a_person_speaking_for_an_organization_is_found_by_it_also_in_an_article_not_stored() -> None:
    appearances = [
        {"article": "a1", "organization": "Port Board"},
        {"article": "gone", "organization": "Port Board"},
        {"article": "a2", "organization": "City Hall"},
    ]
    people = {"1": {"key": "ann lee", "name": "Ann Lee", "appearances": appearances}}
    organizations = {"1": {"key": "port board", "name": "Port Board"}, "2": {"key": "city hall", "name": "City Hall"}}
    articles = {"1": {"key": "a1", "title": "One"}, "2": {"key": "a2", "title": "Two"}}
    quotes = {
        "1": {"text": "Harbor vote is near", "article": "a1", "start": 0, "paragraph": 0, "speaker": "person:ann lee"},
        "2": {"text": "Harbor gone", "article": "gone", "start": 5, "paragraph": 1, "speaker": "person:ann lee"},
        "3": {"text": "Harbor hall", "article": "a2", "start": 9, "paragraph": 0, "speaker": "person:ann lee"},
    }
    tree = {"people": people, "organizations": organizations, "articles": articles, "quotes": quotes}
    full, lean = Snapshot.build(tree, "store.json"), Snapshot.build(tree, "store.json", lean=True)
    lean.read_all()
    for snapshot in (full, lean):
        snapshot.build_indexes()
        found = sorted(quote.text for quote in snapshot.search_quotes("org:port"))
        assert found == ["Harbor gone", "Harbor vote is near"]
        assert [quote.text for quote in snapshot.search_quotes("org:hall")] == ["Harbor hall"]
