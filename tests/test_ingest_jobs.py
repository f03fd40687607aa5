"""Extraction in worker processes: the same store as one process makes, in input order, streamed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Store
from store.parallel import default_jobs, extracted_in_workers
from tests.conftest import REPO_ROOT
from tests.test_reextract import articles
from tui.cli import main


def write_articles(folder: Path, count: int) -> None:
    """`count` short article files in `folder`."""
    folder.mkdir()
    for number, (_, text) in enumerate(articles(count)):
        (folder / f"{number:03d}.txt").write_text(text, encoding="utf-8")


def store_contents(path: Path) -> tuple[list[str], list[str], list[tuple[str, str | None]]]:
    """What a user sees of a store: its articles' titles in order, its people, its quotes and speakers."""
    snapshot = Store(path).snapshot
    return (
        [article.title for article in snapshot.articles],
        sorted(person.name for person in snapshot.people),
        [(quote.text, snapshot.speaker_details(quote)[0]) for quote in snapshot.quotes],
    )


def test_ingest_with_workers_stores_what_one_process_stores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "news"
    write_articles(folder, 25)
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert main(["ingest", str(folder), "--db", str(one), "--jobs", "1", "--batch-size", "7"]) == 0
    lines_one = capsys.readouterr().out.splitlines()
    assert main(["ingest", str(folder), "--db", str(two), "--jobs", "2", "--batch-size", "7"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == lines_one and len(lines_one) == 25
    assert lines_one[0].startswith(f"added {folder / '000.txt'}: Story 0")
    assert err.strip().splitlines()[-1] == "25 added, 0 replaced, 0 unchanged, 0 failed"
    assert store_contents(one) == store_contents(two)
    assert main(["ingest", str(folder), "--db", str(two), "--jobs", "2"]) == 0
    assert capsys.readouterr().err.strip().splitlines()[-1] == "0 added, 0 replaced, 25 unchanged, 0 failed"


def test_ingest_with_workers_reports_unreadable_files_and_stores_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "news"
    write_articles(folder, 5)
    (folder / "002.txt").write_bytes(b"binary\x00data")
    (folder / "003.txt").write_bytes(b"")
    store = tmp_path / "store.json"
    assert main(["ingest", str(folder), "--db", str(store), "--jobs", "2"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1] == "3 added, 0 replaced, 0 unchanged, 2 failed"
    assert len(Store(store).snapshot.articles) == 3


def test_jobs_must_be_a_whole_number_of_at_least_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store.json"
    with pytest.raises(SystemExit) as exited:
        main(["ingest", str(tmp_path), "--db", str(store), "--jobs", "0"])
    assert exited.value.code == 2
    assert "--jobs: '0' must be at least 1" in capsys.readouterr().err and not store.exists()


def test_the_default_is_the_cores_this_process_may_use() -> None:
    assert 1 <= default_jobs() <= 4096


def test_workers_read_ahead_a_bounded_number_of_articles_and_stop_when_closed() -> None:
    taken = 0

    def endless() -> Iterator[tuple[str, str]]:
        nonlocal taken
        for number, item in enumerate(articles(8) * 100_000):
            taken = number + 1
            yield item

    extracted = extracted_in_workers(endless(), jobs=2, ahead=80)
    first, extraction = next(extracted)
    assert first[0] == "/news/0.txt" and extraction.quotes[0].speaker == "Mara Quill"
    time.sleep(0.5)
    assert 0 < taken <= 80 + 1
    second, _ = next(extracted)
    assert second[0] == "/news/1.txt"
    extracted.close()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes from Linux's /proc")
def test_a_killed_ingest_leaves_no_worker_behind(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_articles(folder, 400)
    command = [
        sys.executable,
        "-m",
        "tui",
        "ingest",
        str(folder),
        "--db",
        str(tmp_path / "s.json"),
        "--jobs",
        "2",
        "--batch-size",
        "10",
    ]
    run = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert run.stdout is not None and run.stdout.readline().startswith("added")
    workers = Path(f"/proc/{run.pid}/task/{run.pid}/children").read_text().split()
    assert len(workers) == 1, "--jobs 2: one worker beside the process that writes, which extracts too"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{worker}").exists() for worker in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(Path(f"/proc/{worker}").exists() for worker in workers)
    assert len(Store(tmp_path / "s.json").snapshot.articles) >= 10


def model_read_before_the_first_article(text: str) -> bool:
    """In a worker: whether the extractor's model was read before this worker extracted anything."""
    from store.extraction.entity_types import shipped_model

    return shipped_model.cache_info().currsize == 1


@pytest.mark.skipif(sys.platform != "linux", reason="workers fork only where the system forks")
def test_workers_share_the_extractor_loaded_once_before_they_start() -> None:
    items = [(f"/news/{number}.txt", f"Story {number}.") for number in range(4)]
    results = list(extracted_in_workers(iter(items), jobs=2, ahead=8, work=model_read_before_the_first_article))
    assert [item for item, _ in results] == items
    assert all(loaded for _, loaded in results)


def test_workers_are_forked_before_the_folder_is_listed_or_the_store_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A worker's memory counts every page it shares with the process it was forked from: forked after the
    listing of a big folder and the store's lookups, each would count them too (26 MB each at 50,000 files)."""
    import store.parallel
    import tui.cli

    steps: list[str] = []
    for module, name in ((store.parallel, "worker_pool"), (tui.cli, "article_files"), (tui.cli, "store_at")):
        original = getattr(module, name)

        def recorded(*arguments: object, _original=original, _name=name) -> object:
            steps.append(_name)
            return _original(*arguments)

        monkeypatch.setattr(module, name, recorded)
    folder = tmp_path / "news"
    write_articles(folder, 3)
    assert main(["ingest", str(folder), "--db", str(tmp_path / "store.json"), "--jobs", "2"]) == 0
    assert capsys.readouterr().err.strip().splitlines()[-1] == "3 added, 0 replaced, 0 unchanged, 0 failed"
    assert steps == ["worker_pool", "article_files", "store_at"]
    assert main(["ingest", str(folder), "--db", str(tmp_path / "other.json"), "--jobs", "1"]) == 0
    assert steps[3:] == ["article_files", "store_at"]


FAILING_WRITE = """
import sys, time
from store.database import Store
from store.errors import StoreError

batch = sys.argv[1]
original = getattr(Store, batch)
calls = []


def failing(self, *arguments, **options):
    calls.append(1)
    if len(calls) == 2:
        time.sleep(1.5)  # the workers meanwhile fill every place ahead: the feeding thread waits for room
        raise StoreError("the disk is full")
    return original(self, *arguments, **options)


setattr(Store, batch, failing)
from tui.cli import main

sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("command", ["ingest", "reextract"])
def test_a_write_that_fails_midway_with_workers_ends_with_one_line_and_stops_them(
    tmp_path: Path, command: str
) -> None:
    """The generator feeding the workers stays alive in the error's traceback: stopping the pool without first
    stopping its feeding thread waited forever."""
    folder = tmp_path / "news"
    write_articles(folder, 200)
    store_path = tmp_path / "store.json"
    if command == "reextract":
        assert main(["ingest", str(folder), "--db", str(store_path), "--jobs", "1"]) == 0
        arguments = ["_reextract_batch", "reextract", "--all"]
    else:
        arguments = ["_ingest_batch", "ingest", str(folder)]
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", FAILING_WRITE, *arguments, "--db", str(store_path), "--jobs", "2", "--batch-size", "5"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "whosaid: the disk is full"
    assert time.monotonic() - started < 30
