"""Stores keep up with the extractor: articles an older one read are read again, and the app says when to."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from store import Extraction, Person, Quote, Store
from store.extraction import EXTRACTOR_VERSION
from store.extractor_version import installed_extractor_version
from tests.conftest import REPO_ROOT, tagged_extract
from tui.app import WhosaidApp
from tui.cli import main

ARTICLE = "Harbour plan\n\u201cWe will build it,\u201d said Mara Quill.\n\u201cNot this year,\u201d said Ivo Brandt.\n"


def renamed_extract(text: str) -> Extraction:
    """A 'newer' extractor: the tagged one, with "Jr" after every speaker's name and a new role."""
    found = tagged_extract(text)
    return Extraction(
        found.title,
        tuple(Person(f"{p.name} Jr", (), "harbour master", None) for p in found.people),
        found.organizations,
        tuple(Quote(q.text, q.speaker and f"{q.speaker} Jr", q.start, q.end, q.paragraph) for q in found.quotes),
    )


GIVEN = ("Mara", "Ivo", "Lena", "Tomas", "Anika", "Rafael", "Greta", "Oskar")
SURNAMES = ("Quill", "Brandt", "Hollis", "Varga", "Okafor", "Lindqvist", "Moreau", "Castell")


def articles(count: int) -> list[tuple[str, str]]:
    """`count` short articles, each with two speakers."""
    def name(n: int) -> str:
        return f"{GIVEN[n % 8]} {SURNAMES[n // 8 % 8]}"

    return [
        (f"/news/{n}.txt", f"Story {n}\n\u201cPlan {n} goes ahead,\u201d said {name(n)}.\n"
         f"\u201cWe object to plan {n},\u201d said {name(n + 3)}.\n")
        for n in range(count)
    ]


def old_store(path: Path, items: list[tuple[str, str]]) -> Store:
    """A store whose articles an extractor of version 1 read."""
    store = Store(path, extractor=tagged_extract, extractor_version=1)
    store.ingest(items)
    return store


def test_the_installed_version_is_known_without_importing_the_extractor() -> None:
    assert installed_extractor_version() == EXTRACTOR_VERSION >= 2


def test_reextract_replaces_what_an_older_extractor_found(store_path: Path) -> None:
    old_store(store_path, [("/news/harbour.txt", ARTICLE)])
    before = Store(store_path).snapshot
    assert before.summary().stale_articles == 1
    newer = Store(store_path, extractor=renamed_extract, extractor_version=EXTRACTOR_VERSION)
    outcomes = [o for batch in newer.reextract_in_batches(newer.stale_articles()) for o in batch]
    assert [(o.source, o.reextracted) for o in outcomes] == [("/news/harbour.txt", True)]
    after = Store(store_path, extractor_version=EXTRACTOR_VERSION).snapshot
    assert sorted(p.name for p in after.people) == ["Ivo Brandt Jr", "Mara Quill Jr"]
    assert {p.roles for p in after.people} == {("harbour master",)}
    assert [after.speaker_details(q)[0] for q in after.quotes] == ["Mara Quill Jr", "Ivo Brandt Jr"]
    article = after.articles[0]
    assert (article.key, article.source, article.ingested_at) == (
        before.articles[0].key, before.articles[0].source, before.articles[0].ingested_at)
    assert article.text == ARTICLE
    assert after.summary().stale_articles == 0
    assert newer.stale_articles() == [] and len(newer.stale_articles(everything=True)) == 1


def test_ingesting_a_text_an_older_extractor_read_reads_it_again(store_path: Path) -> None:
    old_store(store_path, [("/news/harbour.txt", ARTICLE)])
    newer = Store(store_path, extractor=renamed_extract, extractor_version=EXTRACTOR_VERSION)
    [outcome] = newer.ingest([("/news/harbour.txt", ARTICLE)])
    assert outcome.reextracted and outcome.replaced and outcome.quotes == 2
    [again] = newer.ingest([("/news/harbour.txt", ARTICLE)])
    assert not again.added
    snapshot = newer.snapshot
    assert len(snapshot.articles) == 1 and sorted(p.name for p in snapshot.people) == ["Ivo Brandt Jr", "Mara Quill Jr"]


def test_reextract_command_reads_old_articles_with_the_installed_extractor(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_store(store_path, articles(3))
    assert main(["reextract", "--db", str(store_path)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].startswith("reextracted /news/0.txt: Story 0")
    assert err.strip().splitlines()[-1] == "3 reextracted"
    snapshot = Store(store_path).snapshot
    assert snapshot.summary().stale_articles == 0 and len(snapshot.articles) == 3
    assert "Mara Quill" in {p.name for p in snapshot.people}
    assert main(["reextract", "--db", str(store_path)]) == 0
    assert "0 reextracted" in capsys.readouterr().err
    assert main(["reextract", "--all", "--db", str(store_path)]) == 0
    assert capsys.readouterr().err.strip().splitlines()[-1] == "3 reextracted"


def test_reextract_with_workers_stores_what_one_process_stores(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    old_store(one, articles(23))
    old_store(two, articles(23))
    assert main(["reextract", "--db", str(one), "--jobs", "1", "--batch-size", "5"]) == 0
    lines_one = capsys.readouterr().out.splitlines()
    assert main(["reextract", "--db", str(two), "--jobs", "2", "--batch-size", "5"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == lines_one and len(lines_one) == 23
    assert err.strip().splitlines()[-1] == "23 reextracted"
    first, second = Store(one).snapshot, Store(two).snapshot
    assert [(q.text, first.speaker_details(q)[0]) for q in first.quotes] == [
        (q.text, second.speaker_details(q)[0]) for q in second.quotes
    ]
    assert second.summary().stale_articles == 0 and "Mara Quill" in {p.name for p in second.people}


def test_reextract_needs_an_existing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.json"
    assert main(["reextract", "--db", str(missing)]) == 2
    assert "no store at" in capsys.readouterr().err and not missing.exists()


def test_a_killed_reextract_loses_nothing_and_a_second_run_finishes_it(store_path: Path) -> None:
    items = articles(60)
    old_store(store_path, items)
    command = [sys.executable, "-m", "tui", "reextract", "--db", str(store_path), "--batch-size", "1"]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO_ROOT)
    assert run.stdout is not None and run.stdout.readline().startswith("reextracted")
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    killed = Store(store_path).snapshot
    assert sorted(a.source for a in killed.articles) == sorted(source for source, _ in items)
    left = killed.summary().stale_articles
    assert left < len(items)
    finished = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    assert finished.stderr.strip().splitlines()[-1] == f"{left} reextracted"
    done = Store(store_path).snapshot
    assert done.summary().stale_articles == 0 and len(done.articles) == len(items)
    assert len(done.quotes) == 2 * len(items)


def test_the_header_says_when_an_older_extractor_read_the_store(store_path: Path) -> None:
    old_store(store_path, articles(2))
    store = Store(store_path)

    async def header() -> str:
        app = WhosaidApp(store, store_label="store.json")
        async with app.run_test(size=(200, 36)) as pilot:
            for _ in range(50):
                await pilot.pause(0.05)
                if not app.reading_store:
                    break
            return app.store_line()

    line = asyncio.run(header())
    assert line.endswith("\u00b7 2 articles read by an older extractor: run whosaid reextract")
    for _ in store.reextract_in_batches(store.stale_articles()):
        pass
    assert "older extractor" not in asyncio.run(header())


def test_a_narrow_header_leaves_out_notes_then_counts_whole_never_a_count_cut_short() -> None:
    """At 80 columns the header read "136234 orgs, 124991…" for 1,249,911 quotes: a smaller number, not a cut one."""
    from tui.app import fitted_details

    counts = ["100030 articles", "201309 people", "136234 orgs", "1249911 quotes"]
    advice = "100030 articles read by an older extractor: run whosaid reextract"
    notes = [("indexing\u2026",), (advice, "run whosaid reextract")]
    assert fitted_details(counts, notes, 200).endswith(f"\u00b7 indexing\u2026 \u00b7 {advice}")
    assert fitted_details(counts, notes, 100).endswith("quotes \u00b7 indexing\u2026 \u00b7 run whosaid reextract")
    kept = "100030 articles, 201309 people \u00b7 indexing\u2026 \u00b7 run whosaid reextract"
    assert fitted_details(counts, notes, 72) == kept, "the advice outlasts the last counts"
    assert fitted_details(counts, notes, 14) == "", "not even the first count fits: none is cut"
    for room in range(10, 200):
        fitted = fitted_details(counts, notes, room)
        assert len(fitted) <= room, room
        assert not fitted or fitted.split(" \u00b7 ")[0] == ", ".join(counts[: fitted.count(",") + 1]), room
