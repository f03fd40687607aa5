"""`whosaid rm` and re-ingesting an edited file: the earlier version goes; a wrong name removes nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, SEED_PATH
from tui.cli import main

HARBOR = "Harbor plan wins\n\n\u201cWe will rebuild the harbor,\u201d said Maria Lopez, the mayor.\n"
HARBOR_EDITED = "Harbor plan wins\n\n\u201cWe will rebuild the harbor by June,\u201d said Maria Lopez, the mayor.\n"
BUDGET = "Budget plan passes\n\n\u201cThe budget is balanced,\u201d said Tom Berg, the treasurer.\n"


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    """`python -m tui` as a user runs it, without a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *arguments], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A store of the seed and two articles, harbor.txt and budget.txt."""
    (tmp_path / "harbor.txt").write_text(HARBOR, encoding="utf-8")
    (tmp_path / "budget.txt").write_text(BUDGET, encoding="utf-8")
    path = tmp_path / "store.json"
    articles = [str(SEED_PATH), str(tmp_path / "harbor.txt"), str(tmp_path / "budget.txt")]
    assert main(["ingest", "--db", str(path), *articles]) == 0
    capsys.readouterr()
    return path


def test_ingesting_an_edited_file_again_replaces_it(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "harbor.txt").write_text(HARBOR_EDITED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["ingest", "--db", str(store), "harbor.txt"]) == 0
    output = capsys.readouterr()
    assert output.out.startswith(f"replaced {tmp_path / 'harbor.txt'}: Harbor plan wins")
    assert output.err.splitlines()[-1] == "0 added, 1 replaced, 0 unchanged, 0 failed"
    assert main(["search", "--db", str(store), "rebuild"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "\u201cWe will rebuild the harbor by June,\u201d \u2014 Maria Lopez, mayor (Harbor plan wins)"
    ]


@pytest.mark.parametrize("how", ["path", "id", "title"])
def test_rm_by_path_id_or_title_words(store: Path, tmp_path: Path, how: str) -> None:
    from store import Store

    budget = next(a for a in Store(store).snapshot.articles if a.title == "Budget plan passes")
    selector = {"path": str(tmp_path / "budget.txt"), "id": budget.key[:8], "title": "budget passes"}[how]
    result = run("rm", "--db", str(store), selector)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"removed {budget.key} {tmp_path / 'budget.txt'}: Budget plan passes\n"
    assert result.stderr == "1 removed\n"
    snapshot = Store(store).snapshot
    assert "Budget plan passes" not in [a.title for a in snapshot.articles]
    assert "Tom Berg" not in [p.name for p in snapshot.people]
    assert run("search", "--db", str(store), "budget").returncode == 1


@pytest.mark.parametrize(
    ("selectors", "message"),
    [
        (["plan"], "plan: 2 articles match"),
        (["harbor", "zebra"], "zebra: no article has this id, path or title"),
        ([], "name the articles to remove"),
    ],
)
def test_rm_with_a_wrong_name_removes_nothing(store: Path, selectors: list[str], message: str) -> None:
    before = store.read_bytes()
    result = run("rm", "--db", str(store), *selectors)
    assert result.returncode == 2
    assert message in result.stderr.splitlines()[0]
    assert "Traceback" not in result.stderr and "..." not in result.stderr and "\u2026" not in result.stderr
    if "match" in message:
        assert result.stderr.count(".txt ") == 2, "each article's path, to tell articles of one title apart"
    assert store.read_bytes() == before


def test_rm_seed_removes_the_seed_article(store: Path) -> None:
    from store import Store

    result = run("rm", "--db", str(store), "--seed")
    assert result.returncode == 0, result.stderr
    snapshot = Store(store).snapshot
    assert sorted(a.title for a in snapshot.articles) == ["Budget plan passes", "Harbor plan wins"]
    assert "Jake Sullivan" not in [p.name for p in snapshot.people]
    again = run("rm", "--db", str(store), "--seed")
    assert again.returncode == 2 and "seed article is not in the store" in again.stderr


def test_rm_on_a_missing_store_creates_nothing(tmp_path: Path) -> None:
    result = run("rm", "--db", str(tmp_path / "nope.json"), "--seed")
    assert result.returncode == 2
    assert result.stderr.startswith(f"whosaid: no store at {tmp_path / 'nope.json'}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("how", ["path", "id", "title"])
def test_rm_picks_articles_from_their_documents_without_reading_the_whole_store(
    store: Path, tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """At 50,000 articles a snapshot of the whole store held 930 MB: rm reads the articles' documents alone."""
    from store import Store
    from store.database import Store as DatabaseStore

    harbor = next(a for a in Store(store).snapshot.articles if a.title == "Harbor plan wins")

    def no_snapshot(self: object) -> None:
        raise AssertionError("rm read the whole store")

    monkeypatch.setattr(DatabaseStore, "snapshot", property(no_snapshot))
    selector = {"path": str(tmp_path / "harbor.txt"), "id": harbor.key[:8], "title": "harbor wins"}[how]
    assert main(["rm", "--db", str(store), selector]) == 0
    assert capsys.readouterr().out == f"removed {harbor.key} {tmp_path / 'harbor.txt'}: Harbor plan wins\n"
    monkeypatch.undo()
    assert [a.title for a in Store(store).snapshot.articles if "Harbor" in a.title] == []


def test_rm_names_the_articles_it_cannot_choose_between_and_an_exact_title_wins(tmp_path: Path) -> None:
    """"Storm" matched "Storm" and "Storm closes port" and said only their ids."""
    store = tmp_path / "store.json"
    titles = {"a.txt": "Storm", "b.txt": "Storm closes port", "c.txt": "Storm closes school"}
    for name, title in titles.items():
        (tmp_path / name).write_text(f"{title}\n\n\u201cIt came fast,\u201d said Ann Lee of {name}, a farmer.\n")
    assert run("ingest", "--db", str(store), str(tmp_path)).returncode == 0
    ambiguous = run("rm", "--db", str(store), "closes")
    assert ambiguous.returncode == 2
    assert "\u201cStorm closes port\u201d" in ambiguous.stderr and "\u201cStorm closes school\u201d" in ambiguous.stderr
    exact = run("rm", "--db", str(store), "storm")
    assert exact.returncode == 0 and exact.stdout.endswith(f"{tmp_path / 'a.txt'}: Storm\n")


def test_rm_of_a_json_lines_file_removes_the_articles_it_held(tmp_path: Path) -> None:
    """`rm items.jsonl` said "no article has this id, path or title": they are stored as items.jsonl#1, #2."""
    items, store = tmp_path / "items.jsonl", tmp_path / "store.json"
    lines = [f'{{"text": "Vote {n}\\n\\n\\u201cWe won,\\u201d said Ann Lee{n}, a coach."}}' for n in (1, 2)]
    items.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("ingest", "--db", str(store), str(items)).returncode == 0
    result = run("rm", "--db", str(store), str(items))
    assert result.returncode == 0, result.stderr
    assert result.stderr == "2 removed\n"
    assert run("search", "--db", str(store), "won").returncode == 1


def test_rm_of_a_feed_or_json_lines_file_removes_its_items_stored_under_their_own_links(tmp_path: Path) -> None:
    """Items with links are stored under them, not FILE#N: `rm feed.xml` said "no article has this id"."""
    items, feed, store = tmp_path / "items.jsonl", tmp_path / "feed.xml", tmp_path / "store.json"
    lines = [
        f'{{"text": "Vote {n}\\n\\n\\u201cWe won,\\u201d said Ann Lee{n}, a coach.", "url": "https://x.example/{n}"}}'
        for n in (1, 2)
    ]
    items.write_text("\n".join(lines) + "\n", encoding="utf-8")
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Ferry</title>'
        "<link>https://wire.example/ferry</link><description>\u201cFares rise,\u201d said Bo Ek, a clerk."
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    assert run("ingest", "--db", str(store), str(items), str(feed)).returncode == 0
    removed = run("rm", "--db", str(store), str(items))
    assert (removed.returncode, removed.stderr) == (0, "2 removed\n")
    assert run("search", "--db", str(store), "won").returncode == 1
    removed = run("rm", "--db", str(store), str(feed))
    assert (removed.returncode, removed.stderr) == (0, "1 removed\n")
    assert run("search", "--db", str(store), "fares").returncode == 1


def test_rm_of_a_feed_whose_items_have_links_and_not_removes_them_all_at_once(tmp_path: Path) -> None:
    """An item without a link is stored as feed.xml#GUID, one with a link under it: `rm feed.xml` removed only the
    first kind, and a second run the rest."""
    feed, store = tmp_path / "feed.xml", tmp_path / "store.json"
    items = "".join(
        f"<item><title>Ferry {n}</title>{link}<guid isPermaLink='false'>g{n}</guid><description>"
        f"\u201cFares rise {n},\u201d said Bo Ek{n}, a clerk.</description></item>"
        for n, link in enumerate(["<link>https://wire.example/a</link>", "", "<link>https://wire.example/b</link>"])
    )
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>')
    assert run("ingest", "--db", str(store), str(feed)).stderr.endswith("3 added, 0 replaced, 0 unchanged, 0 failed\n")
    removed = run("rm", "--db", str(store), str(feed))
    assert (removed.returncode, removed.stderr) == (0, "3 removed\n")
    assert run("search", "--db", str(store), "fares").returncode == 1


def test_a_write_that_waits_for_another_writer_says_so(store: Path) -> None:
    """`rm` sat silent for as long as another whosaid held the store (26 s behind a reextract)."""
    import fcntl
    import os
    import select

    from store import Store

    lock = os.open(Store(store).lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "tui", "rm", "--db", str(store), "budget passes"],
            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        assert process.stderr is not None
        said, _, _ = select.select([process.stderr], [], [], 20)
        assert said, "nothing said while waiting"
        first = process.stderr.readline()
        assert first == "whosaid: waiting for another whosaid to finish writing the store\u2026\n"
        assert process.poll() is None, "it waits"
    finally:
        os.close(lock)
    out, rest = process.communicate(timeout=60)
    assert process.returncode == 0 and "Budget plan passes" in out and rest == "1 removed\n"


def test_rm_of_a_folder_removes_what_was_read_from_it_and_keeps_a_copy_read_from_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`whosaid rm arts` said "no article has this id, path or title" for a folder ingested a moment before."""
    arts, other = tmp_path / "arts", tmp_path / "other"
    arts.mkdir()
    other.mkdir()
    (arts / "harbor.txt").write_text(HARBOR, encoding="utf-8")
    (arts / "budget.txt").write_text(BUDGET, encoding="utf-8")
    (other / "harbor-copy.txt").write_text(HARBOR, encoding="utf-8")
    store = tmp_path / "store.json"
    assert main(["ingest", "--db", str(store), str(arts), str(other)]) == 0
    capsys.readouterr()
    assert main(["rm", "--db", str(store), str(arts)]) == 0
    err = capsys.readouterr().err
    assert "1 removed, 1 kept" in err
    from store import Store

    articles = Store(store).snapshot.articles
    assert [(a.title, a.source) for a in articles] == [("Harbor plan wins", str(other / "harbor-copy.txt"))]
    assert main(["rm", "--db", str(store), str(arts)]) == 2
    assert "no article was read from a file in this folder" in capsys.readouterr().err


def test_rm_of_texts_read_from_standard_input_asks_for_an_id_not_the_path_they_share(tmp_path: Path) -> None:
    path = str(tmp_path / "store.json")
    for text in (HARBOR, BUDGET):
        done = subprocess.run(
            [sys.executable, "-m", "tui", "ingest", "--db", path, "-"],
            cwd=REPO_ROOT, input=text, capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0, done.stderr
    result = run("rm", "--db", path, "-")
    assert result.returncode == 2
    assert "-: 2 articles match: " in result.stderr and result.stderr.splitlines()[0].endswith("; name one by id")
