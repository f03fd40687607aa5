"""The store under faults and contention: killed writers, concurrent ingests, full or read-only disks."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.synthetic import synthetic_article
from store import Store, StoreError
from store.database import read_tables
from store.keys import content_hash
from store.writer_lookups import StoreIndex
from tests.conftest import REPO_ROOT, tagged_extract

KILL_TRIALS = 50


def write_articles(directory: Path, first: int, count: int) -> list[Path]:
    """Synthetic article files numbered first..first+count-1."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(first, first + count):
        path = directory / f"article-{number:05d}.txt"
        path.write_text(synthetic_article(number), encoding="utf-8")
        paths.append(path)
    return paths


def ingest_command(store_path: Path, *paths: Path, batch_size: int = 5) -> list[str]:
    """`whosaid ingest` as a separate process."""
    return [
        sys.executable,
        "-m",
        "tui",
        "ingest",
        "--db",
        str(store_path),
        "--batch-size",
        str(batch_size),
        *map(str, paths),
    ]


def whole_ingest_seconds(store_path: Path, articles: list[Path]) -> float:
    """How long an ingest of these articles takes on this machine, now, from start to end."""
    started = time.perf_counter()
    subprocess.run(ingest_command(store_path, *articles, batch_size=3), check=True, capture_output=True, cwd=REPO_ROOT)
    return time.perf_counter() - started


def test_sigkill_at_random_moments_never_loses_a_reported_article(tmp_path: Path) -> None:
    articles = write_articles(tmp_path / "articles", 0, 40)
    texts = {str(path): path.read_text(encoding="utf-8") for path in articles}
    store_path = tmp_path / "store.json"
    randomness = random.Random(7)
    reported: set[str] = set()
    whole_run = whole_ingest_seconds(tmp_path / "timing.json", articles[:15])
    for trial in range(KILL_TRIALS):
        process = subprocess.Popen(
            ingest_command(store_path, *randomness.sample(articles, 15), batch_size=randomness.choice([1, 3, 5])),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=REPO_ROOT,
        )
        if trial == 0:
            process.wait()  # one ingest runs whole, so that every later kill has stored articles to lose
        else:
            time.sleep(randomness.uniform(0.05, whole_run))
            process.send_signal(signal.SIGKILL)
        output, _ = process.communicate(timeout=30)
        done_lines = [line for line in output.splitlines() if line.startswith(("added", "unchanged"))]
        reported |= {line.split()[1].rstrip(":") for line in done_lines}
        snapshot = Store(store_path).snapshot if store_path.exists() else None
        stored = {article.source: article.text for article in snapshot.articles} if snapshot else {}
        stored_hashes = {content_hash(text) for text in stored.values()}
        for source in reported:
            assert content_hash(texts[source]) in stored_hashes, f"{source} was reported stored but is missing"
        for source, text in stored.items():
            assert text == texts[source], f"{source} is not whole"
    assert reported, "the ingest that was not killed reported no article"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= KILL_TRIALS
    final = Store(store_path).snapshot
    hashes = [article.content_hash for article in final.articles]
    assert len(hashes) == len(set(hashes)), "an article was stored twice"
    names = [person.name for person in final.people]
    assert len(names) == len(set(names)), "a person was stored twice"
    assert_lookups_agree_with_tables(store_path)


def assert_lookups_agree_with_tables(store_path: Path) -> None:
    """The writer's lookups the store records (if any) hold what building them from its tables gives."""
    tables = read_tables(store_path)
    assert tables is not None
    recorded = StoreIndex.stored(tables)
    if recorded is None:
        return
    built = StoreIndex.read(read_tables(store_path) or tables)
    assert (recorded.articles, recorded.people, recorded.organizations) == (
        built.articles,
        built.people,
        built.organizations,
    )


def test_four_ingests_at_once_store_every_article_exactly_once(tmp_path: Path) -> None:
    store_path = tmp_path / "store.json"
    groups = [write_articles(tmp_path / f"group-{g}", g * 50, 50) for g in range(4)]
    processes = [
        subprocess.Popen(
            ingest_command(store_path, *group, batch_size=10),
            cwd=REPO_ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for group in groups
    ]
    for process in processes:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors
    snapshot = Store(store_path).snapshot
    assert len(snapshot.articles) == 200
    assert len({article.content_hash for article in snapshot.articles}) == 200
    expected = {content_hash(path.read_text(encoding="utf-8")) for group in groups for path in group}
    assert {article.content_hash for article in snapshot.articles} == expected
    names = [person.name for person in snapshot.people]
    assert len(names) == len(set(names)), "a person was stored twice"
    keys = [quote.key for quote in snapshot.quotes]
    assert len(keys) == len(set(keys))
    assert_lookups_agree_with_tables(store_path)


def fail_with(error_number: int):
    """An os.fsync that fails the way a full or read-only disk does."""

    def failing_fsync(_descriptor: int) -> None:
        raise OSError(error_number, os.strerror(error_number))

    return failing_fsync


@pytest.mark.parametrize(("error_number", "reason"), [(errno.ENOSPC, "disk is full"), (errno.EROFS, "(?i)read-only")])
def test_failed_write_keeps_the_previous_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error_number: int, reason: str
) -> None:
    store_path = tmp_path / "store.json"
    Store(store_path, extractor=tagged_extract).ingest([("a", "First\n\n\u201cHi,\u201d said Ann Lee.\n")])
    before = store_path.read_bytes()
    table_files = sorted((tmp_path / "store.json.d").iterdir())
    monkeypatch.setattr("store.storage.os.fsync", fail_with(error_number))
    with pytest.raises(StoreError, match=reason):
        Store(store_path, extractor=tagged_extract).ingest([("b", "Second\n\nMore text.\n")])
    assert store_path.read_bytes() == before
    assert sorted((tmp_path / "store.json.d").iterdir()) == table_files
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.json", "store.json.d", "store.json.lock"]
    monkeypatch.undo()
    assert [a.title for a in Store(store_path).snapshot.articles] == ["First"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only permissions")
def test_read_only_directory_is_a_clear_error(tmp_path: Path) -> None:
    store_path = tmp_path / "store.json"
    Store(store_path, extractor=tagged_extract).ingest([("a", "First\n\ntext\n")])
    before = store_path.read_bytes()
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="store.json"):
            Store(store_path, extractor=tagged_extract).ingest([("b", "Second\n\ntext\n")])
    finally:
        tmp_path.chmod(0o700)
    assert store_path.read_bytes() == before


def test_dangling_symlink_store_is_a_clear_error(tmp_path: Path) -> None:
    store_path = tmp_path / "store.json"
    store_path.symlink_to(tmp_path / "gone" / "store.json")
    with pytest.raises(StoreError, match="dangling"):
        Store(store_path).summary()


def test_a_store_in_a_folder_that_cannot_be_written_says_so(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new store in a folder the user may not write said "cannot lock the store (Permission denied)"."""
    import store.database

    real_open = os.open

    def refused(path: object, *arguments: object, **options: object) -> int:
        if str(path).endswith(".lock"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *arguments, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(store.database.os, "open", refused)
    with pytest.raises(StoreError, match=r"cannot write the store's folder \(Permission denied\); nothing was changed"):
        Store(store_path, extractor=tagged_extract).ingest([("a.txt", "Vote\n\n\u201cYes,\u201d said Ann Lee.\n")])
    assert not store_path.exists()
