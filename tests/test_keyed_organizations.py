"""An `org:` filter read by key (the index's `for` postings) keeps exactly the quotes a whole read keeps."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from store import Store, database, index_parts, keyed_index, parse_query, storage
from store import snapshot as snapshot_module
from store.keyed_index import read_by_key
from store.model import Extraction, Organization, Person, Quote
from store.storage import INDEX_TABLE, table_directory
from tests.conftest import sizes_forgotten
from tests.test_keyed_search import keyed_entries, whole_entries
from tui import cli

ARTICLES = [
    ("Council", (), "Tom Berg", "Council"),
    ("City Council", (), "Ann Lee", "City Council"),
    ("City Council", ("Council",), "Wei Zhang", "Council"),
    ("Harbor Authority", (), "Kofi Mensah", "Harbor Authority"),
    ("Port Office", (), "Ann Lee", "The Council"),
]
"""Each article's organization (name, aliases) and the person who speaks in it, and for which organization. The
first article's organization is Council; the third gives City Council the other name Council, and moves it after
Council in the table, as a changed document moves. Two organizations then have a name of the key "council": the one
first in name order, City Council, is the one people speaking for Council speak for."""
QUERIES = [
    'org:"city council"',
    "org:council",
    "org:harbor",
    "org:port",
    "budget org:council",
    "org:council speaker:lee",
]


def extraction(number: int) -> tuple[str, Extraction]:
    """An article's text and extraction: its organization says one thing, and a person speaking for one says two."""
    organization, aliases, person, spoken_for = ARTICLES[number]
    sentences = [f"the budget for year {number} is set", f"we meet again in week {number}", "nothing else to add"]
    text = f"Story {number}\n\n" + "\n".join(f"\u201c{sentence},\u201d someone said." for sentence in sentences) + "\n"
    speakers = [organization, person, person]
    quotes = tuple(
        Quote(sentence, speaker, text.index(sentence), text.index(sentence) + len(sentence), 2 + line)
        for line, (sentence, speaker) in enumerate(zip(sentences, speakers, strict=True))
    )
    people = (Person(person, (), "spokesperson", spoken_for),)
    return text, Extraction(f"Story {number}", people, (Organization(organization, aliases),), quotes)


def stored(path: Path, numbers: range) -> None:
    """Store these articles, one write each."""
    made = dict(extraction(number) for number in numbers)
    store = Store(path, extractor=made.__getitem__)
    for number, text in zip(numbers, made, strict=True):
        store.ingest([(f"story-{number}.txt", text)])


def keyed_and_whole(path: Path, query: str) -> tuple[list[int], list[int]]:
    """The quotes a search lists read by key and read whole, by position."""
    return keyed_entries(path, query), whole_entries(path, query)


@pytest.fixture
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(index_parts, "INDEX_PART_QUOTES", 4)
    path = tmp_path / "store.json"
    stored(path, range(len(ARTICLES)))
    return path


@pytest.mark.parametrize("one_by_one", [64, 0])
def test_a_name_several_organizations_have_counts_for_the_one_a_whole_read_gives_it(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, one_by_one: int
) -> None:
    """Up to ORGANIZATIONS_BY_KEY, the organizations a filter names are looked up one by one; past them, all are
    read in order."""
    monkeypatch.setattr(keyed_index, "ORGANIZATIONS_BY_KEY", one_by_one)
    monkeypatch.setattr(keyed_index, "SPEAKERS_ONE_BY_ONE", one_by_one)
    for query in QUERIES:
        keyed, whole = keyed_and_whole(store_path, query)
        assert keyed == whole, query
    city_council, _ = keyed_and_whole(store_path, 'org:"city council"')
    spoke_for_council = [1, 2]
    assert set(spoke_for_council) <= set(city_council)
    assert keyed_and_whole(store_path, "org:port")[0] == [12]


def index_written_without_who_spoke_for_whom(path: Path) -> None:
    """Make the store's index parts as an earlier whosaid wrote them: without their `for` section."""
    for part_file in table_directory(path).glob(f"{INDEX_TABLE}.*"):
        parts = orjson.loads(part_file.read_bytes())
        for part in parts.values():
            del part["for"]
            part["sizes"] = part["sizes"][:4]
        part_file.write_bytes(orjson.dumps(parts))
    sizes_forgotten(path)


def test_an_index_written_without_who_spoke_for_what_answers_org_whole_until_the_next_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "store.json"
    stored(path, range(3))
    index_written_without_who_spoke_for_whom(path)
    keyed = read_by_key(path)
    assert keyed is not None and not keyed.knows_spoken_for
    assert cli.keyed_entries(path, parse_query("budget ")) is not None
    assert cli.keyed_entries(path, parse_query("org:council ")) is None
    assert cli.main(["search", "--db", str(path), "--org", "council", "--jsonl"]) == 0
    whole = capsys.readouterr().out
    stored(path, range(3, 4))
    assert cli.keyed_entries(path, parse_query("org:council ")) is not None
    assert cli.main(["search", "--db", str(path), "--org", "council", "--jsonl"]) == 0
    assert capsys.readouterr().out.startswith(whole)
    for query in QUERIES:
        keyed_positions, whole_positions = keyed_and_whole(path, query)
        assert keyed_positions == whole_positions, query


def test_an_organization_stored_before_any_quote_is_found_through_the_people_who_speak_for_it(tmp_path: Path) -> None:
    """The names of a write that adds no quote to an empty index are indexed all the same."""
    quoted = "Ann Lee said the budget is set for this year."
    articles = {
        "Harbor Authority, also called the Port Authority, met.\n": Extraction(
            "Harbor", (), (Organization("Harbor Authority", ("Port Authority",)),), ()
        ),
        quoted: Extraction(
            "Budget",
            (Person("Ann Lee", (), "spokesperson", "Port Authority"),),
            (),
            (Quote("the budget is set for this year", "Ann Lee", 13, 44, 0),),
        ),
    }
    path = tmp_path / "store.json"
    store = Store(path, extractor=articles.__getitem__)
    for number, text in enumerate(articles):
        store.ingest([(f"story-{number}.txt", text)])
    for query in ("org:harbor", 'org:"port authority"'):
        assert keyed_and_whole(path, query) == ([0], [0]), query
    batches = store.reextract_in_batches(store.stale_articles(everything=True), batch_size=1)
    assert [outcome.reextracted for batch in batches for outcome in batch] == [True, True]
    assert keyed_and_whole(path, "org:harbor") == ([0], [0])


def test_a_speaker_stored_again_with_fewer_names_is_not_found_by_the_names_it_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Removing an article keeps its speakers' words in the index: a speaker stored again under the same key is
    told by the names it has now, read by key and in the browser while it reads a big store."""

    def story(number: int, aliases: tuple[str, ...]) -> tuple[str, Extraction]:
        said = f"the budget {number} is set"
        text = f"Story {number}\n\n\u201c{said},\u201d someone said.\n"
        start = text.index(said)
        quote = Quote(said, "Harbor", start, start + len(said), 2)
        return text, Extraction(f"Story {number}", (), (Organization("Harbor", aliases),), (quote,))

    first, second = story(1, ("City Council",)), story(2, ())
    path = tmp_path / "store.json"
    store = Store(path, extractor=dict([first, second]).__getitem__)
    store.ingest([("story-1.txt", first[0])])
    assert keyed_and_whole(path, "council") == ([0], [0])
    store.remove([article.content_hash for article in Store(path).snapshot.articles])
    store.ingest([("story-2.txt", second[0])])
    for query in ("council", "org:council", "speaker:council", "harbor", "org:harbor"):
        keyed, whole = keyed_and_whole(path, query)
        assert keyed == whole and bool(whole) == ("harbor" in query), query
    monkeypatch.setattr(snapshot_module, "KEYED_BROWSING_QUOTES", 0)
    monkeypatch.setattr(database, "QUICK_READ_BYTES", 0)
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 0)
    browsing = Store(path)
    browsing.lean = True
    opened = browsing.open_snapshot()
    assert opened.indexing
    for query in ("council", "counc", "org:council", "harbor"):
        assert list(opened.search_quotes(query, while_indexing=True).positions) == ([0] if "harbor" in query else [])
