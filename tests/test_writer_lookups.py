"""The writer's lookups kept in the store: a later process appends without reading whole tables, and lookups
that are missing, stale or damaged are built again from the tables, never trusted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store import Store, writer_lookups
from store.database import read_tables
from store.storage import Tables
from store.writer_lookups import StoreIndex
from tests.conftest import REPO_ROOT, tagged_extract

FIRST = "Budget vote\n\n\u201cWe will pass it,\u201d said Maria Lopez of ORG=City Council\n"
SECOND = "Harbor plan\n\n\u201cThe harbor comes first,\u201d said Maria Lopez.\n\u201cNot so,\u201d said Tom Berg.\n"
THIRD = "Council split\n\n\u201cWe disagree,\u201d said Tom Berg of ORG=City Council\n"


def manifest(store_path: Path) -> dict:
    """The store's manifest."""
    return json.loads(store_path.read_text())["whosaid"]


def rewrite_manifest(store_path: Path, header: dict) -> None:
    """Replace the store's manifest, as another writer would."""
    store_path.write_text(json.dumps({"whosaid": header}))


def appearances(store_path: Path) -> dict[str, list[str]]:
    """Each person's articles by title, and each organization's, as a reader sees them."""
    snapshot = Store(store_path).snapshot
    people = {person.name: [a.article_title for a in person.appearances] for person in snapshot.people}
    organizations = {org.name: len(org.article_keys) for org in snapshot.organizations}
    return {**people, **{name: [str(count)] for name, count in organizations.items()}}


def expected_after_three() -> dict[str, list[str]]:
    """What the three stories make of their people and organization."""
    return {
        "Maria Lopez": ["Budget vote", "Harbor plan"],
        "Tom Berg": ["Harbor plan", "Council split"],
        "City Council": ["2"],
    }


def test_an_append_in_a_new_process_merges_with_stored_people_without_reading_whole_tables(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(store_path, extractor=tagged_extract).ingest([("a.txt", FIRST), ("b.txt", SECOND)])

    def no_whole_table(self: Tables, name: str) -> None:
        raise AssertionError(f"read the whole {name} table")

    monkeypatch.setattr(Tables, "located_documents", no_whole_table)
    outcomes = Store(store_path, extractor=tagged_extract).ingest([("c.txt", THIRD), ("a.txt", FIRST)])
    assert [(o.added, o.replaced) for o in outcomes] == [(True, False), (False, False)]
    monkeypatch.undo()
    assert appearances(store_path) == expected_after_three()


@pytest.mark.parametrize("damage", ["dropped", "stale", "truncated", "removed", "miscounted"])
def test_lookups_missing_stale_or_damaged_are_built_again(store_path: Path, damage: str) -> None:
    Store(store_path, extractor=tagged_extract).ingest([("a.txt", FIRST), ("b.txt", SECOND)])
    header = manifest(store_path)
    lookup_file = store_path.parent / "store.json.d" / header["lookups"]["files"][0][0]
    if damage == "dropped":
        del header["lookups"]
    elif damage == "stale":
        header["generation"] += 1
    elif damage == "truncated":
        lookup_file.write_bytes(lookup_file.read_bytes()[:-20])
    elif damage == "removed":
        lookup_file.unlink()
    else:
        lines = lookup_file.read_bytes().splitlines()
        lines[0] = json.dumps({**json.loads(lines[0]), "p": {"someone else": 7}}).encode()
        lookup_file.write_bytes(b"\n".join(lines) + b"\n")
        header["lookups"]["files"][0][1] = len(lookup_file.read_bytes())
    rewrite_manifest(store_path, header)
    outcomes = Store(store_path, extractor=tagged_extract).ingest([("c.txt", THIRD), ("b.txt", SECOND)])
    assert [o.added for o in outcomes] == [True, False]
    assert appearances(store_path) == expected_after_three()
    after = manifest(store_path)
    assert after["lookups"]["generation"] == after["generation"]


@pytest.mark.parametrize("lines_kept", [4, writer_lookups.LINES_KEPT])
def test_lookups_read_from_the_store_equal_lookups_built_from_its_tables(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, lines_kept: int
) -> None:
    monkeypatch.setattr(writer_lookups, "LINES_KEPT", lines_kept)
    store = Store(store_path, extractor=tagged_extract)
    for number in range(12):
        story = f"Story {number}\n\n\u201cLine {number},\u201d said Ann Lee{number % 3}.\nORG=Board {number % 4}\n"
        store.ingest([(f"{number}.txt", story), (f"{number}b.txt", f"{number}\n\n{THIRD}")])
    Store(store_path, extractor=tagged_extract).ingest([("a.txt", FIRST)])
    tables = read_tables(store_path)
    assert tables is not None
    stored = StoreIndex.stored(tables)
    assert stored is not None
    built = StoreIndex.read(read_tables(store_path) or tables)
    assert stored.articles == built.articles and stored.sources == built.sources
    assert stored.people == built.people and stored.organizations == built.organizations
    assert stored.person_aliases == built.person_aliases
    assert stored.organization_aliases == built.organization_aliases
    assert stored.extractors == built.extractors == manifest(store_path)["extractors"]
    lookup_files = [store_path.parent / "store.json.d" / name for name, _ in manifest(store_path)["lookups"]["files"]]
    assert sum(len(path.read_bytes().splitlines()) for path in lookup_files) <= lines_kept


def lookups_match_tables(store_path: Path) -> None:
    """The lookups the store keeps describe its current version and hold what its tables hold."""
    tables = read_tables(store_path)
    assert tables is not None
    stored = StoreIndex.stored(tables)
    assert stored is not None, "the store keeps no lookups for its current version"
    built = StoreIndex.read(read_tables(store_path) or tables)
    assert (stored.articles, stored.sources, stored.extractors) == (built.articles, built.sources, built.extractors)
    assert (stored.people, stored.organizations) == (built.people, built.organizations)
    assert (stored.person_aliases, stored.organization_aliases) == (built.person_aliases, built.organization_aliases)


@pytest.mark.parametrize("same_process", [False, True])
def test_an_ingest_after_removing_an_article_merges_with_stored_people_without_reading_whole_tables(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, same_process: bool
) -> None:
    store = Store(store_path, extractor=tagged_extract)
    store.ingest([("a.txt", FIRST), ("b.txt", SECOND)])
    store.remove([store.snapshot.articles[0].content_hash])
    lookups_match_tables(store_path)

    def no_whole_table(self: Tables, name: str) -> None:
        raise AssertionError(f"read the whole {name} table")

    monkeypatch.setattr(Tables, "located_documents", no_whole_table)
    writer = store if same_process else Store(store_path, extractor=tagged_extract)
    outcomes = writer.ingest([("c.txt", THIRD)])
    monkeypatch.undo()
    assert [o.added for o in outcomes] == [True]
    assert appearances(store_path) == {
        "Maria Lopez": ["Harbor plan"],
        "Tom Berg": ["Harbor plan", "Council split"],
        "City Council": ["1"],
    }
    lookups_match_tables(store_path)


def test_an_edited_file_ingested_by_another_process_replaces_its_earlier_version(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    store_path = tmp_path / "store.json"
    lines = []
    for number, text in enumerate(("First draft of the story.\n", "Second draft of the story.\n")):
        article.write_text(text)
        result = subprocess.run(
            [sys.executable, "-m", "tui", "ingest", str(article), "--db", str(store_path), "--jobs", "1"],
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            env={**os.environ, "PYTHONHASHSEED": str(number + 1)},
            check=False,
        )
        assert result.returncode == 0, result.stderr
        lines.append(result.stdout.split(" ", 1)[0])
    assert lines == ["added", "replaced"]
    assert [a.title for a in Store(store_path).snapshot.articles] == ["Second draft of the story"]


def test_stored_documents_cut_from_a_file_are_the_same_in_file_order_and_out_of_it(tmp_path: Path) -> None:
    """A writer reads the stored people a batch may merge with in file order, each looked for from where the
    previous one ended; one asked for out of that order is found all the same."""
    store_path = tmp_path / "store.json"
    said = "\u201cWe agree,\u201d said Anna Person{0}.\n\u201cNo,\u201d said Otto Speaker{0}.\n"
    texts = [f"Vote {n}\n\n" + said.format(n) for n in "ABCDEF"]
    Store(store_path, extractor=tagged_extract).ingest([(f"{n}.txt", text) for n, text in enumerate(texts)])
    expected = read_tables(store_path)
    tables = read_tables(store_path)
    assert expected is not None and tables is not None
    parsed = expected.segment_documents("people", 0, keep=False)
    ids = list(parsed)
    assert len(ids) == 12
    for doc_id in [*ids, ids[3], ids[0], ids[-1], *reversed(ids)]:
        document, size = tables.document_at("people", 0, doc_id)
        assert document == parsed[doc_id]
        assert size == len(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode())
