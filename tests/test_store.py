"""The document store: round trips, idempotent ingest, merging across articles, safety of the file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store import SCHEMA_VERSION, Store, StoreError, index_parts, open_store, resolve_store_path, storage
from store.database import read_tables
from store.location import user_data_directory
from store.model import Extraction, Organization, Person
from store.quote_index import QuoteIndex
from tests.conftest import REPO_ROOT, SEED_PATH, tagged_extract

FIRST = "Budget vote\n\n\u201cWe will pass it,\u201d said Maria Lopez of ORG=City Council\n"
SECOND = "Harbor plan\n\n\u201cThe harbor comes first,\u201d said Maria Lopez.\n\u201cNot so,\u201d said Tom Berg.\n"


def test_round_trip_reads_back_what_was_ingested(store_path: Path) -> None:
    Store(store_path, extractor=tagged_extract).ingest([("first.txt", FIRST)])
    snapshot = Store(store_path).snapshot
    assert [a.title for a in snapshot.articles] == ["Budget vote"]
    assert snapshot.articles[0].text == FIRST
    assert snapshot.articles[0].source == "first.txt"
    assert [p.name for p in snapshot.people] == ["Maria Lopez"]
    assert [o.name for o in snapshot.organizations] == ["City Council"]
    [quote] = snapshot.quotes
    assert quote.text == "We will pass it,"
    assert FIRST[quote.start : quote.end] == quote.text
    assert quote.speaker_name == "Maria Lopez"
    assert quote.paragraph == 2


def test_same_text_twice_is_stored_once(store_path: Path) -> None:
    store = Store(store_path, extractor=tagged_extract)
    first = store.ingest([("a.txt", FIRST)])
    again = store.ingest([("copy-of-a.txt", FIRST), ("a.txt", FIRST)])
    assert [o.added for o in first] == [True]
    assert [o.added for o in again] == [False, False]
    assert store.summary().articles == 1
    assert store.summary().quotes == 1


def test_person_in_two_articles_is_one_record_with_each_appearance(store_path: Path) -> None:
    store = Store(store_path, extractor=tagged_extract)
    store.ingest([("a.txt", FIRST)])
    store.ingest([("b.txt", SECOND)])
    people = {p.name: p for p in store.snapshot.people}
    assert sorted(people) == ["Maria Lopez", "Tom Berg"]
    assert [a.article_title for a in people["Maria Lopez"].appearances] == ["Budget vote", "Harbor plan"]
    assert len(store.snapshot.quotes_by_person(people["Maria Lopez"].key)) == 2


def test_people_sharing_a_surname_stay_apart(store_path: Path) -> None:
    def two_smiths(text: str) -> Extraction:
        first_name = text.split()[0]
        return Extraction(text, (Person(f"{first_name} Smith", ("Smith",)),))

    store = Store(store_path, extractor=two_smiths)
    store.ingest([("a", "Anna"), ("b", "John")])
    assert sorted(p.name for p in store.snapshot.people) == ["Anna Smith", "John Smith"]


def test_writes_keep_only_the_current_and_previous_table_files(store_path: Path) -> None:
    store = Store(store_path, extractor=tagged_extract)
    for number in range(4):
        store.ingest([(f"{number}.txt", f"Story {number}\n\n\u201cYes,\u201d said Ann Lee.\n")])
    assert sorted(p.name for p in store_path.parent.iterdir()) == ["store.json", "store.json.d", "store.json.lock"]
    manifest = json.loads(store_path.read_text())["whosaid"]
    assert manifest["generation"] == 4 and manifest["schema"] == SCHEMA_VERSION
    table_files = {p.name for p in (store_path.parent / "store.json.d").iterdir()}
    named = {file for segments in manifest["tables"].values() for file, _count in segments}
    named |= {file for file, _size in manifest["lookups"]["files"]}
    assert named <= table_files
    assert all(name.split(".")[1] == "3" or name in named for name in table_files)
    assert Store(store_path).summary().articles == 4


def store_of_five_stories(store_path: Path) -> Store:
    """A store of five one-quote stories ("Yes 0," to "Yes 4,")."""
    store = Store(store_path, extractor=tagged_extract)
    store.ingest([(f"{n}.txt", f"Story {n}\n\n\u201cYes {n},\u201d said Ann Lee.\n") for n in range(5)])
    return store


def test_big_tables_are_split_and_an_append_rewrites_only_their_last_file(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 2)
    store = store_of_five_stories(store_path)
    before = json.loads(store_path.read_text())["whosaid"]["tables"]
    assert [count for _file, count in before["quotes"]] == [2, 2, 1]
    store.ingest([("6.txt", "Story 6\n\n\u201cYes 6,\u201d said Ann Lee.\n")])
    after = json.loads(store_path.read_text())["whosaid"]["tables"]
    assert after["quotes"][:2] == before["quotes"][:2]
    assert after["quotes"][2][0] != before["quotes"][2][0] and after["quotes"][2][1] == 2
    snapshot = Store(store_path).snapshot
    assert [quote.text for quote in snapshot.quotes] == [f"Yes {n}," for n in (0, 1, 2, 3, 4, 6)]
    assert [article.title for article in snapshot.articles][-1] == "Story 6"


def test_files_are_bounded_in_bytes_and_each_text_is_read_from_the_file_that_holds_it(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "SEGMENT_BYTES", 1)
    texts = [f"Story {n}\n\n\u201cYes {n},\u201d said Ann Lee.\n" for n in range(3)]
    Store(store_path, extractor=tagged_extract).ingest([(f"{n}.txt", text) for n, text in enumerate(texts)])
    manifest = json.loads(store_path.read_text())["whosaid"]["tables"]
    assert [count for _file, count in manifest["texts"]] == [1, 1, 1]
    snapshot = Store(store_path).open_snapshot()
    assert snapshot.articles[2].text == texts[2]
    assert snapshot.paragraph_text(snapshot.quotes[1]) == "\u201cYes 1,\u201d said Ann Lee."
    assert [article.text for article in snapshot.articles] == texts


def test_opening_reads_the_first_quotes_and_counts_the_rest_from_the_manifest(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 2)
    store_of_five_stories(store_path)
    manifest = json.loads(store_path.read_text())["whosaid"]["tables"]
    last_quotes = store_path.parent / "store.json.d" / manifest["quotes"][-1][0]
    last_quotes.write_bytes(b"{damaged".ljust(last_quotes.stat().st_size))
    opened = Store(store_path).open_snapshot()
    assert opened.summary().quotes == 5 and opened.quotes[0].text == "Yes 0,"
    with pytest.raises(StoreError, match="damaged table file"):
        opened.read_all()
    with pytest.raises(StoreError, match="damaged table file"):
        Store(store_path).summary()


def test_store_of_the_first_schema_is_read_and_upgraded(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    text = "Old story\n\nIntro.\n\u201cStill here,\u201d said Ann Lee.\n"
    start = text.index("Still")
    legacy = {
        "meta": {"1": {"schema": 1}},
        "articles": {
            "1": {
                "key": "k1",
                "title": "Old story",
                "source": "old.txt",
                "text": text,
                "hash": "k1",
                "ingested_at": "2024-01-01T00:00:00+00:00",
                "people": ["ann lee"],
                "organizations": [],
            }
        },
        "people": {
            "1": {
                "key": "ann lee",
                "name": "Ann Lee",
                "aliases": ["Lee"],
                "appearances": [{"article": "k1", "role": None, "organization": None}],
            }
        },
        "organizations": {},
        "quotes": {
            "1": {
                "key": "k1:1",
                "text": "Still here,",
                "article": "k1",
                "start": start,
                "end": start + 11,
                "paragraph": 2,
                "speaker": {"kind": "person", "key": "ann lee"},
            }
        },
    }
    store_path.write_text(json.dumps(legacy))
    snapshot = Store(store_path).snapshot
    assert snapshot.articles[0].text == text
    assert snapshot.paragraph_text(snapshot.quotes[0]) == "\u201cStill here,\u201d said Ann Lee."
    assert [q.speaker_name for q in snapshot.search_quotes("still")] == ["Ann Lee"]
    Store(store_path, extractor=tagged_extract).ingest([("new.txt", SECOND)])
    upgraded = Store(store_path).snapshot
    assert json.loads(store_path.read_text())["whosaid"]["schema"] == SCHEMA_VERSION
    assert [a.title for a in upgraded.articles] == ["Old story", "Harbor plan"]
    assert upgraded.articles[0].text == text
    assert len(upgraded.search_quotes("still")) == 1 and len(upgraded.search_quotes("harbor")) == 1


def test_store_of_the_second_schema_one_file_a_table_is_read_and_upgraded(store_path: Path) -> None:
    Store(store_path, extractor=tagged_extract).ingest([("a.txt", FIRST)])
    directory = store_path.parent / "store.json.d"
    manifest = json.loads(store_path.read_text())["whosaid"]
    single_files = {}
    for name, segments in manifest["tables"].items():
        table = {}
        for file, _count in segments:
            table.update(json.loads((directory / file).read_text()))
        (directory / f"{name}.old.json").write_text(json.dumps(table))
        single_files[name] = f"{name}.old.json"
    old = {"whosaid": {"schema": 2, "generation": manifest["generation"], "tables": single_files}}
    store_path.write_text(json.dumps(old))
    assert [p.name for p in Store(store_path).snapshot.people] == ["Maria Lopez"]
    Store(store_path, extractor=tagged_extract).ingest([("b.txt", SECOND)])
    upgraded = json.loads(store_path.read_text())["whosaid"]
    assert upgraded["schema"] == SCHEMA_VERSION and isinstance(upgraded["tables"]["quotes"], list)
    assert Store(store_path).summary().quotes == 3


def test_persisted_search_index_answers_like_a_fresh_one(store_path: Path) -> None:
    store = Store(store_path, extractor=tagged_extract)
    store.ingest([("a.txt", FIRST)])
    store.ingest([("b.txt", SECOND)])
    snapshot = Store(store_path).snapshot
    [stored_index] = (read_tables(store_path) or {})["search"].values()
    assert stored_index["quotes"] == len(snapshot.quotes) == 3
    fresh = QuoteIndex([quote.text for quote in snapshot.quotes])
    for query in ("harbor", "not so", "we", "pass it", "first", "x"):
        expected = [snapshot.quotes[position] for position in fresh.search(query)]
        assert snapshot.search_quotes(query) == expected, query


def test_organizations_merge_by_their_other_names_across_batches_and_processes(store_path: Path) -> None:
    found = {
        "one": [Organization("International Monetary Fund", ("IMF",)), Organization("City Council")],
        "two": [Organization("IMF"), Organization("Harbor Board", ("The Board",))],
        "three": [Organization("The Board"), Organization("City Council")],
    }

    def extract(text: str) -> Extraction:
        return Extraction(title=text, organizations=tuple(found[text]))

    Store(store_path, extractor=extract).ingest([("1.txt", "one"), ("2.txt", "two")], batch_size=1)
    Store(store_path, extractor=extract).ingest([("3.txt", "three")])
    organizations = {o.name: o for o in Store(store_path).snapshot.organizations}
    assert sorted(organizations) == ["City Council", "Harbor Board", "International Monetary Fund"]
    assert organizations["International Monetary Fund"].aliases == ("IMF",)
    assert organizations["Harbor Board"].aliases == ("The Board",)
    assert {name: len(organization.article_keys) for name, organization in organizations.items()} == {
        "City Council": 2,
        "Harbor Board": 2,
        "International Monetary Fund": 2,
    }


def test_store_of_the_third_schema_one_index_document_is_read_and_appended_to(store_path: Path) -> None:
    Store(store_path, extractor=tagged_extract).ingest([("a.txt", FIRST)])
    directory = store_path.parent / "store.json.d"
    manifest = json.loads(store_path.read_text())["whosaid"]
    [[index_file, _count]] = manifest["tables"]["search"]
    index = json.loads((directory / index_file).read_text())
    for document in index.values():
        document.pop("first")
    (directory / index_file).write_text(json.dumps(index))
    manifest.pop("superseded", None)
    manifest.pop("sizes", None)
    store_path.write_text(json.dumps({"whosaid": {**manifest, "schema": 3}}))
    assert [quote.text for quote in Store(store_path).snapshot.search_quotes("pass")] == ["We will pass it,"]
    Store(store_path, extractor=tagged_extract).ingest([("b.txt", SECOND)])
    assert json.loads(store_path.read_text())["whosaid"]["schema"] == SCHEMA_VERSION
    snapshot = Store(store_path).snapshot
    assert [quote.text for quote in snapshot.search_quotes("pass")] == ["We will pass it,"]
    assert [quote.text for quote in snapshot.search_quotes("harbor")] == ["The harbor comes first,"]


def test_an_index_kept_in_parts_answers_like_one_built_at_once(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_parts, "INDEX_PART_QUOTES", 2)
    store = Store(store_path, extractor=tagged_extract)
    for number in range(5):
        store.ingest([(f"{number}.txt", f"Story {number}\n\n\u201cHarbor words {number},\u201d said Ann Lee.\n")])
    store.ingest([("a.txt", FIRST), ("b.txt", SECOND)])
    assert len(list((read_tables(store_path) or {})["search"].values())) > 1
    snapshot = Store(store_path).snapshot
    fresh = QuoteIndex([quote.text for quote in snapshot.quotes])
    for query in ("harbor", "harbor words", "words 3", "not so", "pass it", "first", "ha", "x"):
        expected = [snapshot.quotes[position] for position in fresh.search(query)]
        assert snapshot.search_quotes(query) == expected, query
    assert len(snapshot.search_quotes("harbor")) == 6


def test_a_changed_person_moves_to_the_end_leaving_their_file_as_it_was(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 2)
    store = Store(store_path, extractor=tagged_extract)
    names = ["Ann Lee", "Tom Berg", "Eva Roth", "Ian Kerr"]
    store.ingest([(f"{n}.txt", f"Story {n}\n\n\u201cYes {n},\u201d said {name}.\n") for n, name in enumerate(names)])
    before = json.loads(store_path.read_text())["whosaid"]
    store.ingest([("late.txt", "Late\n\n\u201cAgain,\u201d said Ann Lee.\n")])
    after = json.loads(store_path.read_text())["whosaid"]
    first_people_file = before["tables"]["people"][0][0]
    assert after["tables"]["people"][0] == [first_people_file, 1]
    assert after["superseded"] == {first_people_file: ["1"]}
    snapshot = Store(store_path).snapshot
    assert sorted(person.name for person in snapshot.people) == sorted(names)
    [ann] = [person for person in snapshot.people if person.name == "Ann Lee"]
    assert [appearance.article_title for appearance in ann.appearances] == ["Story 0", "Late"]


def test_an_organization_named_by_every_article_leaves_no_pile_of_old_copies(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "SEGMENT_BYTES", 4_000)
    store = Store(store_path, extractor=tagged_extract)
    for number in range(60):
        store.ingest([(f"{number}.txt", f"Story {number}\n\nORG=City Council\nORG=Board {number}\n")])
    tables = read_tables(store_path) or {}
    live = len(json.dumps(list(tables["organizations"].values())))
    directory = store_path.parent / "store.json.d"
    manifest = json.loads(store_path.read_text())["whosaid"]
    stored = sum((directory / file).stat().st_size for file, _count in manifest["tables"]["organizations"])
    assert stored < 2 * live
    council = next(o for o in Store(store_path).snapshot.organizations if o.name == "City Council")
    assert len(council.article_keys) == 60


def test_the_last_person_changed_in_a_new_process_keeps_every_person(store_path: Path) -> None:
    Store(store_path, extractor=tagged_extract).ingest([("1.txt", FIRST), ("2.txt", SECOND)])
    Store(store_path, extractor=tagged_extract).ingest([("3.txt", "Third\n\n\u201cStill no,\u201d said Tom Berg.\n")])
    Store(store_path, extractor=tagged_extract).ingest([("4.txt", "Fourth\n\n\u201cNew here,\u201d said Eva Roth.\n")])
    people = {person.name: person for person in Store(store_path).snapshot.people}
    assert sorted(people) == ["Eva Roth", "Maria Lopez", "Tom Berg"]
    assert [appearance.article_title for appearance in people["Tom Berg"].appearances] == ["Harbor plan", "Third"]


def test_a_file_mostly_superseded_is_written_again_without_them(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 4)
    store = Store(store_path, extractor=tagged_extract)
    names = ["Ann Lee", "Tom Berg", "Eva Roth", "Ian Kerr"]
    store.ingest([(f"{n}.txt", f"Story {n}\n\n\u201cYes {n},\u201d said {name}.\n") for n, name in enumerate(names)])
    for number, name in enumerate(names[:3]):
        store.ingest([(f"late-{number}.txt", f"Late {number}\n\n\u201cAgain,\u201d said {name}.\n")])
    manifest = json.loads(store_path.read_text())["whosaid"]
    first_file, count = manifest["tables"]["people"][0]
    assert count == 1 and first_file not in manifest.get("superseded", {})
    assert len(json.loads((store_path.parent / "store.json.d" / first_file).read_text())) == 1
    assert sorted(person.name for person in Store(store_path).snapshot.people) == sorted(names)


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b'{"articles": {"1": {"key": "x"', b"[1, 2, 3]", b'{"people": 7}'],
    ids=["empty", "garbage", "truncated", "list", "wrong-shape"],
)
def test_unreadable_store_is_refused_and_left_untouched(store_path: Path, content: bytes) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(content)
    with pytest.raises(StoreError, match="store.json"):
        open_store(store_path)
    assert store_path.read_bytes() == content


def test_store_of_a_newer_schema_is_refused(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_text('{"whosaid": {"schema": 99, "generation": 3, "tables": {}}}')
    with pytest.raises(StoreError, match="newer whosaid"):
        Store(store_path).summary()


def test_store_path_that_is_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        open_store(tmp_path)


def test_reader_sees_another_writers_changes(store_path: Path) -> None:
    reader = Store(store_path, extractor=tagged_extract)
    assert reader.summary().articles == 0
    assert reader.refresh() is False
    Store(store_path, extractor=tagged_extract).ingest([("a.txt", FIRST)])
    assert reader.refresh() is True
    assert reader.summary().articles == 1


def test_failed_extraction_changes_nothing(store_path: Path) -> None:
    Store(store_path, extractor=tagged_extract).ingest([("a.txt", FIRST)])
    before = store_path.read_bytes()

    def broken(text: str) -> Extraction:
        raise RuntimeError("extractor failed")

    with pytest.raises(RuntimeError):
        Store(store_path, extractor=broken).ingest([("b.txt", SECOND)])
    assert store_path.read_bytes() == before


def test_location_prefers_option_then_environment_then_data_directory(tmp_path: Path) -> None:
    environ = {"WHOSAID_DB": str(tmp_path / "env.json"), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert resolve_store_path(str(tmp_path / "opt.json"), environ) == tmp_path / "opt.json"
    assert resolve_store_path(None, environ) == tmp_path / "env.json"
    if sys.platform.startswith("linux"):
        assert resolve_store_path(None, {"XDG_DATA_HOME": str(tmp_path / "xdg")}) == (
            tmp_path / "xdg" / "whosaid" / "store.json"
        )
        assert user_data_directory({}) == Path.home() / ".local" / "share" / "whosaid"


def test_empty_store_is_seeded_on_open(store_path: Path) -> None:
    snapshot = open_store(store_path).snapshot
    assert [a.text for a in snapshot.articles] == [SEED_PATH.read_text(encoding="utf-8")]
    assert "Jake Sullivan" in {p.name for p in snapshot.people}
    assert len(snapshot.quotes) >= 5


def test_seed_ships_byte_identical_to_the_published_seed() -> None:
    published = REPO_ROOT.parent / "shared" / "seed" / SEED_PATH.name
    if not published.exists():
        pytest.skip("the published seed is not beside the repository")
    assert SEED_PATH.read_bytes() == published.read_bytes()


def test_store_package_never_imports_textual() -> None:
    probe = "import sys, store, store.database, store.snapshot; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    assert result.stdout.strip() == "False"
    for module in (REPO_ROOT / "store").rglob("*.py"):
        assert "textual" not in module.read_text(encoding="utf-8"), module


@pytest.mark.parametrize("damage", ["truncate", "garble", "remove"])
def test_damaged_table_file_is_reported_and_kept(store_path: Path, damage: str) -> None:
    Store(store_path, extractor=tagged_extract).ingest([("a.txt", FIRST)])
    manifest = json.loads(store_path.read_text())["whosaid"]
    quotes_file = store_path.parent / "store.json.d" / manifest["tables"]["quotes"][0][0]
    content = quotes_file.read_bytes()
    if damage == "truncate":
        quotes_file.write_bytes(content[: len(content) // 2])
    elif damage == "garble":
        quotes_file.write_bytes(b"\x00\xff" + content)
    else:
        quotes_file.unlink()
    damaged = quotes_file.read_bytes() if quotes_file.exists() else None
    with pytest.raises(StoreError, match="quotes"):
        Store(store_path).summary()
    with pytest.raises(StoreError):
        Store(store_path, extractor=tagged_extract).ingest([("b.txt", SECOND)])
    assert (quotes_file.read_bytes() if quotes_file.exists() else None) == damaged


@pytest.mark.parametrize("damage", ["cut", "grown"])
def test_an_older_table_file_of_another_size_stops_an_ingest_before_it_writes(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    """An append reads only a table's last file, so a quotes file cut short earlier in the store was written over
    without a word, and every later read of the store failed."""
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 2)
    store_of_five_stories(store_path)
    tables = json.loads(store_path.read_text())["whosaid"]["tables"]
    first_quotes = store_path.parent / "store.json.d" / tables["quotes"][0][0]
    stored = first_quotes.read_bytes()
    first_quotes.write_bytes(stored[:-10] if damage == "cut" else stored + b" ")
    manifest, files = store_path.read_bytes(), sorted(os.listdir(store_path.parent / "store.json.d"))
    with pytest.raises(StoreError, match=rf"{first_quotes.name}: damaged table file \(\d+ bytes where the store wrote"):
        Store(store_path, extractor=tagged_extract).ingest([("b.txt", SECOND)])
    assert store_path.read_bytes() == manifest
    assert sorted(os.listdir(store_path.parent / "store.json.d")) == files
    first_quotes.write_bytes(stored)
    Store(store_path, extractor=tagged_extract).ingest([("b.txt", SECOND)])
    assert Store(store_path).summary().quotes == 7


def test_a_store_written_before_sizes_were_recorded_opens_and_records_them_at_its_next_write(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "SEGMENT_DOCUMENTS", 2)
    store_of_five_stories(store_path)
    manifest = json.loads(store_path.read_text())
    del manifest["whosaid"]["sizes"]
    store_path.write_text(json.dumps(manifest))
    assert Store(store_path).summary().quotes == 5
    Store(store_path, extractor=tagged_extract).ingest([("b.txt", SECOND)])
    written = json.loads(store_path.read_text())["whosaid"]
    table_files = {file for segments in written["tables"].values() for file, _ in segments}
    directory = store_path.parent / "store.json.d"
    assert written["sizes"] == {file: (directory / file).stat().st_size for file in table_files}


@pytest.mark.parametrize("sizes", [[], {"quotes.1.0.json": -1}, {"quotes.1.0.json": "12"}])
def test_a_manifest_with_a_malformed_record_of_sizes_is_refused(store_path: Path, sizes: object) -> None:
    Store(store_path, extractor=tagged_extract).ingest([("a.txt", FIRST)])
    manifest = json.loads(store_path.read_text())
    manifest["whosaid"]["sizes"] = sizes
    store_path.write_text(json.dumps(manifest))
    with pytest.raises(StoreError, match="damaged store manifest"):
        Store(store_path).summary()


@pytest.mark.parametrize("schema", [4, 5])
def test_a_store_of_the_fourth_or_fifth_schema_is_read_by_key_and_its_next_write_records_the_sixth(
    store_path: Path, schema: int
) -> None:
    """Schemas 5 and 6 only mark stores whose index parts may carry a shift and whose people may be marked as
    quoting nothing twice, which an earlier whosaid would misread or keep wrongly: a store of schema 4 or 5 is read
    as it is, by key too, and its next write is an ordinary one."""
    from store.keyed_index import read_by_key

    Store(store_path, extractor=tagged_extract).ingest([("a.txt", FIRST)])
    manifest = json.loads(store_path.read_text())["whosaid"]
    store_path.write_text(json.dumps({"whosaid": {**manifest, "schema": schema}}))
    assert read_by_key(store_path) is not None
    Store(store_path, extractor=tagged_extract).ingest([("b.txt", SECOND)])
    written = json.loads(store_path.read_text())["whosaid"]
    assert written["schema"] == SCHEMA_VERSION == 6
    assert written["generation"] == manifest["generation"] + 1 and written["lookups"]
    assert [quote.text for quote in Store(store_path).snapshot.search_quotes("harbor")] == ["The harbor comes first,"]
