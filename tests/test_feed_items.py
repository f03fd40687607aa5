"""`whosaid ingest` of the items of feeds and JSON lists: each item keeps its name from run to run, so a feed that
rolls over adds its new items and loses none; items sharing a link, empty items and bad characters are said."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from store import open_existing_store
from store.readers import read_feed
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


def notes(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The lines ingest writes on stderr before its summary."""
    return result.stderr.strip().splitlines()[:-1]


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


def test_a_rolling_feed_without_links_adds_its_new_items_and_loses_none(tmp_path: Path) -> None:
    feed, store = tmp_path / "roll.xml", tmp_path / "roll.json"
    feed.write_text(rss(story("Xavier"), story("Yolanda")), encoding="utf-8")
    assert summary(ingest(store, feed)) == "2 added, 0 replaced, 0 unchanged, 0 failed"
    feed.write_text(rss(story("Zack"), story("Xavier")), encoding="utf-8")
    assert summary(ingest(store, feed)) == "1 added, 0 replaced, 1 unchanged, 0 failed"
    assert sorted(title for title, _, _ in stored(store).values()) == ["Xavier story", "Yolanda story", "Zack story"]
    assert all(source.startswith(f"{feed}#") for source in stored(store))
    assert summary(ingest(store, feed)) == "0 added, 0 replaced, 2 unchanged, 0 failed"


def test_an_item_without_a_link_is_named_by_its_guid_or_atom_id_wherever_it_stands(tmp_path: Path) -> None:
    feed, atom, store = tmp_path / "wire.xml", tmp_path / "wire.atom", tmp_path / "s.json"
    first = story("Ann") + '<guid isPermaLink="false">urn:uuid:ann</guid>'
    second = story("Bo") + "<guid>bo-42</guid>"
    feed.write_text(rss(first, second), encoding="utf-8")
    entry = (
        "<entry><id>tag:wire.example,2024:cy</id><title>Cy story</title>"
        "<content>\u201cCy is here,\u201d said Cy Jones.</content></entry>"
    )
    atom.write_text(f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>{entry}</feed>', encoding="utf-8")
    result = ingest(store, feed, atom)
    assert summary(result) == "3 added, 0 replaced, 0 unchanged, 0 failed"
    assert set(stored(store)) == {f"{feed}#urn:uuid:ann", f"{feed}#bo-42", f"{atom}#tag:wire.example,2024:cy"}
    feed.write_text(rss(story("Dee") + "<guid>dee-43</guid>", second, first), encoding="utf-8")
    assert summary(ingest(store, feed)) == "1 added, 0 replaced, 2 unchanged, 0 failed"
    assert len(stored(store)) == 4


def test_json_items_without_a_link_are_numbered_by_their_place_failed_ones_counted(tmp_path: Path) -> None:
    listed, lines, store = tmp_path / "list.json", tmp_path / "lines.jsonl", tmp_path / "s.json"
    texts = [f"\u201cLine {n} is here,\u201d said Ann Lee{n}, a farmer." for n in range(1, 4)]
    listed.write_text(json.dumps([{"text": texts[0]}, {"text": ""}, {"text": texts[2]}]), encoding="utf-8")
    lines.write_text(json.dumps({"text": texts[1]}) + "\n\n{broken\n" + json.dumps({"text": texts[2] + " B"}) + "\n")
    result = ingest(store, listed, lines)
    assert summary(result) == "4 added, 0 replaced, 0 unchanged, 2 failed"
    assert set(stored(store)) == {f"{listed}#1", f"{listed}#3", f"{lines}#1", f"{lines}#4"}
    assert stored(store)[f"{listed}#3"][2] == texts[2]


def test_items_sharing_a_link_keep_the_first_and_say_the_other_once(tmp_path: Path) -> None:
    feed, store = tmp_path / "dup.xml", tmp_path / "s.json"
    link = "<link>https://wire.example/story</link>"
    feed.write_text(rss(story("New") + link, story("Old") + link, story("New") + link), encoding="utf-8")
    result = ingest(store, feed)
    assert summary(result) == "1 added, 0 replaced, 1 unchanged, 0 failed", "a note, not a failure"
    assert result.returncode == 0
    assert notes(result) == [
        f"whosaid: {feed} item 2: the same link (https://wire.example/story) as item 1, with another text; "
        "only item 1 is stored"
    ]
    [(title, _, _)] = stored(store).values()
    assert title == "New story"
    assert summary(ingest(store, feed)) == "0 added, 0 replaced, 2 unchanged, 0 failed"


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


def test_an_empty_item_is_a_failed_item_named_by_its_number(tmp_path: Path) -> None:
    feed, store = tmp_path / "empty.xml", tmp_path / "s.json"
    feed.write_text(rss(story("Ann"), "<title></title><description></description>", story("Bo")), encoding="utf-8")
    result = ingest(store, feed)
    assert result.returncode == 2
    assert notes(result) == [f"whosaid: {feed} item 2: no article text"]
    assert summary(result) == "2 added, 0 replaced, 0 unchanged, 1 failed"


def test_a_feed_reader_numbers_every_item_and_keys_those_without_a_link() -> None:
    feed = rss(story("Ann"), "<title>Nothing</title>", story("Bo") + "<guid>bo-1</guid>").encode()
    items = read_feed(feed, "wire.xml")
    assert [item.number for item in items] == [1, 2, 3]
    assert items[1].text == "" and items[2].key == "bo-1"
    assert items[0].key is not None and len(items[0].key) == 12
    assert read_feed(feed.replace(b"Ann", b"Ann Lee"), "wire.xml")[0].key != items[0].key


def test_an_rss_author_given_as_an_email_and_a_name_is_stored_as_the_name() -> None:
    """The article view showed "by news@metrowire.example.net (Sam Okafor)"."""
    feed = rss(
        story("Ann") + "<author>news@metrowire.example.net (Sam Okafor)</author>",
        story("Bo") + "<author>Bo Reyes</author>",
        story("Cy") + "<author>desk@wire.example.org</author>",
    ).encode()
    assert [item.metadata.author for item in read_feed(feed, "wire.xml")] == [
        "Sam Okafor", "Bo Reyes", "desk@wire.example.org"
    ]
