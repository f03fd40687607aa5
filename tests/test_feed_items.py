"""`whosaid ingest` of the items of feeds: relative links resolved, HTML titles shown as text, a character XML
forbids dropped, not the feed."""

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


def test_relative_links_are_resolved_and_an_html_title_is_shown_as_text(tmp_path: Path) -> None:
    atom, feed, store = tmp_path / "wire.atom", tmp_path / "wire.rss", tmp_path / "s.json"
    atom.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.net/"><title>Atom Wire</title>'
        '<entry><title type="html">Mayor &lt;b&gt;wins&lt;/b&gt; re-election</title>'
        '<link href="/2024/11/mayor-wins"/><content>\u201cWe won,\u201d said Ann Lee, the mayor.</content></entry>'
        "</feed>",
        encoding="utf-8",
    )
    channel = "<link>https://rss.example.org/news/</link>"
    items = (
        story("Bo") + "<link>/2024/06/relative</link>",
        "<title>Q&amp;amp;A: &lt;i&gt;Harbor&lt;/i&gt; plans</title><link>harbor</link>"
        "<description>\u201cIt is big,\u201d said Cy Dee, a farmer.</description>",
        story("Di") + "<link>javascript:alert(1)</link>",
    )
    feed.write_text(rss(*items, channel=channel), encoding="utf-8")
    result = ingest(store, atom, feed)
    assert summary(result) == "4 added, 0 replaced, 0 unchanged, 0 failed"
    articles = stored(store)
    assert articles["https://atom.example.net/2024/11/mayor-wins"][:2] == (
        "Mayor wins re-election", "https://atom.example.net/2024/11/mayor-wins"
    )
    assert "https://rss.example.org/2024/06/relative" in articles
    assert articles["https://rss.example.org/news/harbor"][0] == "Q&A: Harbor plans"
    assert any(source.startswith(f"{feed}#") and url is None for source, (_, url, _) in articles.items())
    assert "Mayor wins re-election" in result.stdout and "<b>" not in result.stdout
    found = subprocess.run(
        [sys.executable, "-m", "tui", "search", "--db", str(store), "won"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
    )
    assert "(Mayor wins re-election" in found.stdout


def test_a_character_xml_forbids_is_dropped_and_every_item_kept(tmp_path: Path) -> None:
    feed, raw, store = tmp_path / "bad.xml", tmp_path / "raw.xml", tmp_path / "s.json"
    feed.write_text(rss(story("Ann", "Ann &#x1b;[31mstory&#1;"), story("Bo"), story("Cy", "Cy&#27;story")))
    raw.write_bytes(rss(story("Di", "Di \x1b[1mstory\x07")).encode())
    result = ingest(store, feed, raw)
    assert summary(result) == "4 added, 0 replaced, 0 unchanged, 0 failed"
    titles = sorted(title or "" for title, _, _ in stored(store).values())
    assert titles == ["Ann story", "Bo story", "Cystory", "Di story"]
    assert not any(TEXT_CONTROL.search(line) for line in result.stdout.splitlines())
