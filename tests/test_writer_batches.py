"""One batch holding several versions of a file: each replaces the one before it, as when ingested one by one."""

from __future__ import annotations

from pathlib import Path

from store import Store
from tests.conftest import tagged_extract


def version(number: int) -> str:
    """The text of one version of the same file, each quoting another person."""
    return f"Harbor plan {number}\n\n\u201cThe harbor comes {number},\u201d said Speaker{number} Lopez.\n"


def test_each_version_of_a_file_in_one_batch_replaces_the_one_before_it(store_path: Path) -> None:
    store = Store(store_path, extractor=tagged_extract)
    outcomes = store.ingest(
        [
            ("/news/harbor.txt", version(1)),
            ("-", version(9)),
            ("/news/harbor.txt", version(2)),
            ("/news/other.txt", version(8)),
            ("/news/harbor.txt", version(3)),
        ],
        batch_size=10,
    )
    assert [(o.source, o.added, o.replaced) for o in outcomes] == [
        ("/news/harbor.txt", True, False),
        ("-", True, False),
        ("/news/harbor.txt", True, True),
        ("/news/other.txt", True, False),
        ("/news/harbor.txt", True, True),
    ]
    snapshot = Store(store_path).snapshot
    assert [(a.source, a.text) for a in snapshot.articles] == [
        ("-", version(9)),
        ("/news/other.txt", version(8)),
        ("/news/harbor.txt", version(3)),
    ]
    assert sorted(person.name for person in snapshot.people) == ["Speaker3 Lopez", "Speaker8 Lopez", "Speaker9 Lopez"]


def test_a_version_stored_earlier_and_two_in_the_batch_leave_only_the_last(store_path: Path) -> None:
    store = Store(store_path, extractor=tagged_extract)
    store.ingest([("/news/harbor.txt", version(1))])
    outcomes = store.ingest([("/news/harbor.txt", version(2)), ("/news/harbor.txt", version(3))], batch_size=10)
    assert [(o.added, o.replaced) for o in outcomes] == [(True, True), (True, True)]
    snapshot = Store(store_path).snapshot
    assert [a.text for a in snapshot.articles] == [version(3)]
    assert [q.text for q in snapshot.quotes] == ["The harbor comes 3,"]
