"""`whosaid ingest` of the items of feeds: a character XML forbids is dropped, not the feed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from store import open_existing_store
from store.readers.article import TEXT_CONTROL
from tests.conftest import REPO_ROOT


def ingest(store: Path, *inputs: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m tui ingest` as a user would, without a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "tui", "ingest", "--db", str(store), *map(str, inputs)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
    )


def summary(result: subprocess.CompletedProcess[str]) -> str:
    """The last line ingest writes on stderr: how many articles were added, replaced, unchanged, failed."""
    return result.stderr.strip().splitlines()[-1]


def stored(store: Path) -> dict[str, tuple[str | None, str | None, str]]:
    """The store's articles by source: title, link and text."""
    return {a.source: (a.title, a.url, a.text) for a in open_existing_store(store).snapshot.articles}


def rss(*items: str, channel: str = "") -> str:
    """An RSS 2.0 feed of these <item> elements' insides, the channel's own elements first."""
    inside = "".join(f"<item>{item}</item>" for item in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{channel}{inside}</channel></rss>\n'


def story(name: str, title: str | None = None) -> str:
    """An item's title (`name` story unless given) and description, quoting a farmer called `name` Jones."""
    quote = f"\u201c{name} is here,\u201d said {name} Jones, a farmer."
    return f"<title>{title or f'{name} story'}</title><description>{quote}</description>"


def test_a_character_xml_forbids_is_dropped_and_every_item_kept(tmp_path: Path) -> None:
    feed, raw, store = tmp_path / "bad.xml", tmp_path / "raw.xml", tmp_path / "s.json"
    feed.write_text(rss(story("Ann", "Ann &#x1b;[31mstory&#1;"), story("Bo"), story("Cy", "Cy&#27;story")))
    raw.write_bytes(rss(story("Di", "Di \x1b[1mstory\x07")).encode())
    result = ingest(store, feed, raw)
    assert summary(result) == "4 added, 0 replaced, 0 unchanged, 0 failed"
    titles = sorted(title or "" for title, _, _ in stored(store).values())
    assert titles == ["Ann story", "Bo story", "Cystory", "Di story"]
    assert not any(TEXT_CONTROL.search(line) for line in result.stdout.splitlines())
