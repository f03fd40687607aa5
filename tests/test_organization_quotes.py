"""An organization's quotes are its own and those a person said for it in that article: a spokesperson's quotes for
another organization, or for none, are not the organization's, in its detail, its count, its order by quotes, the
`org:` filter, and while a big store is indexed."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store, parse_query
from store import snapshot as snapshot_module
from store.model import Extraction, Organization, Person, Quote
from tests.test_keyed_organizations import index_written_without_who_spoke_for_whom
from tests.test_search_while_reading import read_as_big
from tui.detail import describe
from tui.link_list import Subject
from tui.sorting import quote_count

ARTICLES = [
    ("Harbor Authority", [("Harbor Authority", "the harbor opens in spring"), ("Ann Lee", "the ships are ready")], [
        ("Ann Lee", "spokesperson", "Harbor Authority"),
        ("Kofi Mensah", "engineer", "Harbor Authority"),
    ]),
    ("Port Office", [
        ("Ann Lee", "the port fees rise in june"),
        ("Ann Lee", "the cranes are new"),
        ("Ann Lee", "the night shift stays"),
        ("Ann Lee", "the customs desk moves"),
    ], [("Ann Lee", "spokesperson", "Port Office")]),
    ("Town Hall", [("Kofi Mensah", "the bridge holds"), ("Ann Lee", "my street floods every winter")], [
        ("Kofi Mensah", "engineer", "Harbor Authority"),
        ("Ann Lee", "resident", None),
    ]),
]
"""Each article's organization, its quotes (speaker, text) and its people (name, role, organization spoken for).
Ann Lee speaks for the Harbor Authority in the first, for the Port Office in the second, and for herself in the
third: the Harbor Authority has three quotes (its own, one of hers, one of Kofi Mensah's), the Port Office four."""
HARBOR = ["the harbor opens in spring", "the ships are ready", "the bridge holds"]
PORT = ["the port fees rise in june", "the cranes are new", "the night shift stays", "the customs desk moves"]


def extraction(number: int) -> tuple[str, Extraction]:
    """An article's text and extraction (see ARTICLES)."""
    organization, said, people = ARTICLES[number]
    text = f"Story {number}\n\n" + "\n".join(f"\u201c{sentence},\u201d someone said." for _, sentence in said) + "\n"
    quotes = tuple(
        Quote(sentence, speaker, text.index(sentence), text.index(sentence) + len(sentence), 2 + line)
        for line, (speaker, sentence) in enumerate(said)
    )
    persons = tuple(Person(name, (), role, spoken_for) for name, role, spoken_for in people)
    return text, Extraction(f"Story {number}", persons, (Organization(organization, ()),), quotes)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.json"
    made = dict(extraction(number) for number in range(len(ARTICLES)))
    store = Store(path, extractor=made.__getitem__)
    for number, text in enumerate(made):
        store.ingest([(f"story-{number}.txt", text)])
    return path


def browsed_as_big(monkeypatch: pytest.MonkeyPatch, path: Path) -> Store:
    """The store opened as the browser opens a big one: lean, searched by key (see `read_as_big`)."""
    read_as_big(monkeypatch)
    store = Store(path)
    store.lean = True
    return store


def organization_key(snapshot: snapshot_module.Snapshot, name: str) -> str:
    organization = snapshot.organization_named(name)
    assert organization is not None
    return organization.key


def test_an_organizations_detail_and_count_hold_what_its_people_said_for_it(store_path: Path) -> None:
    snapshot = Store(store_path).snapshot
    for name, expected in (("Harbor Authority", HARBOR), ("Port Office", PORT)):
        key = organization_key(snapshot, name)
        listed = [quote.text for quote in snapshot.quotes_by_organization(key)]
        assert listed == expected, name
        filtered = [quote.text for quote in snapshot.search_quotes(f'org:"{name}"')]
        assert filtered == expected, "the detail and the org: filter agree"
        organization = snapshot.organization(key)
        assert organization is not None and quote_count(snapshot, organization) == len(expected)
        assert {person.name for person in snapshot.people_of_organization(key)} >= {"Ann Lee"}


def test_organizations_by_quotes_follow_their_detail(store_path: Path) -> None:
    snapshot = Store(store_path).snapshot
    by_count = [organization.name for organization in snapshot.organizations_in_order("count")]
    assert by_count[:2] == ["Port Office", "Harbor Authority"]
    counts = [quote_count(snapshot, organization) for organization in snapshot.organizations_in_order("count")]
    assert counts == sorted(counts, reverse=True)
    snapshot.people_in_order("count")
    for organization in snapshot.organizations:
        assert snapshot.quote_count("organization", organization.key) == len(
            snapshot.quotes_by_organization(organization.key)
        ), "the counts the order made are the detail's"
    for person in snapshot.people:
        assert snapshot.quote_count("person", person.key) == len(snapshot.quotes_by_person(person.key))


def test_while_indexed_an_organization_lists_every_copy_of_what_was_said_for_it(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big store's detail, before its quotes are read, finds them in the stored index by key: the same quotes."""
    whole = Store(store_path).snapshot
    snapshot = browsed_as_big(monkeypatch, store_path).snapshot
    for name in ("Harbor Authority", "Port Office", "Town Hall"):
        key = organization_key(snapshot, name)
        copies = snapshot._copies_said_for(key)
        assert [quote.text for quote in copies] == [quote.text for quote in whole.quotes_by_organization(key)]
        assert list(snapshot.search_entries(parse_query(f'org:"{name}" '))) == list(copies.positions)


def test_while_indexed_on_an_index_that_does_not_say_who_spoke_for_whom_the_detail_waits(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index an earlier whosaid wrote has no `for` section: the detail says it is indexing until the quotes are
    read, rather than list every quote of the organization's people and then fewer."""
    index_written_without_who_spoke_for_whom(store_path)
    snapshot = browsed_as_big(monkeypatch, store_path)._load(complete=False)
    assert snapshot.indexing
    snapshot._spoken_for  # noqa: B018 - who spoke for whom is known early in the indexing
    key = organization_key(snapshot, "Harbor Authority")
    summary, sections = describe(snapshot, Subject("organization", key))
    assert summary.plain == "Indexing the store\u2026" and sections == []


def test_an_organizations_name_alone_finds_what_it_and_its_people_said_for_it(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`harbor` finds the Harbor Authority's quotes as its detail lists them, with a word of the quote narrowing
    them, in the app's search, in `whosaid search` read by key, and while a big store is indexed; `speaker:` still
    keeps the organization's own quotes alone."""
    from store.keyed_index import KeyedSearch, read_by_key
    from tui import cli

    whole = Store(store_path).snapshot
    assert [quote.text for quote in whole.search_quotes("harbor")] == HARBOR
    assert [quote.text for quote in whole.search_quotes("port office")] == PORT
    assert [quote.text for quote in whole.search_quotes("harbor ships")] == ["the ships are ready"]
    assert [quote.text for quote in whole.search_quotes("speaker:harbor")] == ["the harbor opens in spring"]
    keyed = read_by_key(store_path)
    assert keyed is not None
    positions = KeyedSearch(keyed).positions(parse_query("harbor "))
    assert [keyed.quote(position)["text"] for position in positions] == HARBOR
    assert cli.main(["search", "--db", str(store_path), "--jsonl", "harbor"]) == 0
    assert [line for line in capsys.readouterr().out.splitlines() if "bridge holds" in line]
    snapshot = browsed_as_big(monkeypatch, store_path).snapshot
    assert snapshot.indexing
    found = [snapshot.stored_quotes[p].text for p in snapshot.search_quotes("harbor", while_indexing=True).positions]
    assert sorted(set(found)) == sorted(HARBOR)
