"""Readers: HTML pages, feeds, JSON Lines, plain text with front matter or a wire head, and fetching URLs."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from store.articles import read_article_file
from store.errors import ArticleError
from store.extraction import extract
from store.readers import (
    FetchError,
    Metadata,
    ReaderError,
    SourceArticle,
    detect_format,
    fetch,
    follow_summaries,
    read_feed,
    read_html,
    read_jsonl,
    read_source,
    read_url,
    safe_url,
)
from store.readers.article import clean_field, normalise_date
from store.readers.html import TRAFILATURA_OPTIONS
from store.sources import directory_inputs

SEED = Path(__file__).resolve().parents[1] / "seeds" / "us-ukraine-joint-weapons-production.txt"
WEB_PAGES = Path(__file__).resolve().parent / "articles" / "web"
WORD = re.compile(r"\w+")

PARAGRAPHS = [
    "The city council voted on Tuesday to approve a long-debated expansion of the northern harbor, ending a "
    "dispute that had divided residents for more than three years.",
    "“This is the most important investment the city has made in a generation,” said Daniel Reyes, the mayor, "
    "after the vote. “The port will bring jobs back to the waterfront.”",
    "Opponents, led by a coalition of fishing families and environmental groups, argued that the dredging would "
    "damage the bay's eelgrass beds and the shellfish that depend on them.",
    "“We are not against growth, we are against destroying what feeds us,” said Ana Lindqvist, who chairs the "
    "Harbor Fishers Association. She said the group would consider an appeal to the state.",
    "The project is expected to cost about 240 million dollars and to be finished by 2028, according to the port "
    "authority's latest estimate published last month.",
]
BOILERPLATE = [
    "We use cookies to improve your experience",
    "Politics Section",
    "Subscribe today",
    "Ferry fares to rise in autumn",
    "lighthouse museum opens",
    "absolutely disgraceful decision",
    "finally some good news for our town",
    "Buy cheap watches now",
    "All rights reserved",
]


def article_page(canonical: str = "https://ledger.example.com/news/harbor-expansion", title: str = "") -> str:
    """A saved news page: cookie banner, navigation, the article, related links, comments, an ad, a footer."""
    title = title or "Harbor expansion approved after long fight"
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | The Coastal Ledger</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="The Coastal Ledger">
<meta name="author" content="Maria Okafor">
<meta property="article:published_time" content="2024-06-12T09:30:00Z">
<link rel="canonical" href="{canonical}">
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. Accept all cookies.</div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics Section</a></li>
<li><a href="/subscribe">Subscribe today</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Maria Okafor</p>
{body}
</article>
<aside class="related-links"><h3>Related stories</h3><ul>
<li><a href="/a">Ferry fares to rise in autumn timetable change</a></li>
<li><a href="/b">New lighthouse museum opens its doors to visitors</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Reader4521 wrote: absolutely disgraceful decision by the council, shame on them all.</p></div>
<div class="comment"><p>HarborFan: finally some good news for our town and its workers.</p></div></section>
</main>
<div class="ad advertisement">Buy cheap watches now, limited offer</div>
<footer><p>Copyright 2024 The Coastal Ledger. All rights reserved.</p></footer>
</body></html>"""


RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Coastal Ledger</title><link>https://ledger.example.com/</link>
<item><title>Harbor expansion approved</title><link>https://ledger.example.com/news/harbor</link>
  <pubDate>Wed, 12 Jun 2024 09:30:00 +0000</pubDate><dc:creator>Maria Okafor</dc:creator>
  <description>The council approved the harbor plan.</description>
  <content:encoded><![CDATA[<p>The council voted on Tuesday.</p><p>&ldquo;A big day,&rdquo; said the mayor.</p>
  <script>track()</script>]]></content:encoded></item>
<item><title>Ferry fares to rise</title><link>https://ledger.example.com/news/ferry</link>
  <pubDate>Thu, 13 Jun 2024 08:00:00 +0100</pubDate><author>desk@ledger.example.com (Tom Berg)</author>
  <description>&lt;p&gt;Fares rise in &lt;b&gt;autumn&lt;/b&gt;.&amp;nbsp;Read more&lt;/p&gt;</description></item>
<item><title>Lighthouse museum opens</title><guid isPermaLink="true">https://ledger.example.com/news/lighthouse</guid>
  <pubDate>Fri, 14 Jun 2024 10:00:00 GMT</pubDate><description>Plain summary&nbsp;text.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Harbor Watch</title><author><name>Desk</name></author>
<entry><title type="html">Dredging &lt;em&gt;starts&lt;/em&gt;</title>
  <link rel="alternate" href="https://watch.example.org/dredging"/>
  <link rel="edit" href="https://watch.example.org/e/1"/>
  <published>2024-07-01T06:00:00Z</published><author><name>Ana Lindqvist</name></author>
  <content type="html">&lt;p&gt;Dredging started on Monday.&lt;/p&gt;&lt;p&gt;Fishers protested.&lt;/p&gt;
  </content></entry>
<entry><title>Eelgrass survey</title><link href="https://watch.example.org/eelgrass"/>
  <updated>2024-07-02T06:00:00+02:00</updated>
  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
    <p>The survey counted beds.</p><p>Results in May.</p></div></content></entry>
<entry><title>Shellfish season</title><link href="https://watch.example.org/shellfish"/>
  <updated>2024-07-03T06:00:00Z</updated><summary>Season opens late.</summary></entry>
</feed>"""


# --- HTML -----------------------------------------------------------------------------------------------------


def test_html_page_keeps_the_article_and_drops_navigation_banner_comments_and_related_links() -> None:
    article = read_html(article_page().encode(), "harbor.html")
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    for noise in BOILERPLATE:
        assert noise not in article.text
    assert article.metadata == Metadata(
        title="Harbor expansion approved after long fight",
        author="Maria Okafor",
        date="2024-06-12",
        outlet="The Coastal Ledger",
        url="https://ledger.example.com/news/harbor-expansion",
    )


def test_html_paragraphs_are_a_blank_line_apart() -> None:
    text = read_html(article_page().encode(), "harbor.html").text
    assert f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}" in text
    assert "\n\n\n" not in text


def test_html_page_read_through_read_source_by_content_whatever_its_name() -> None:
    [article] = read_source(article_page().encode(), "saved-page.txt")
    assert PARAGRAPHS[2] in article.text


def test_html_page_without_an_article_is_a_one_line_error_naming_it() -> None:
    page = b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(ReaderError) as error:
        read_source(page, "empty.html")
    assert str(error.value) == "empty.html: no article text found in the page"
    assert isinstance(error.value, ArticleError)


def test_html_hostile_canonical_and_title_are_dropped_or_cleaned() -> None:
    page = article_page(canonical="javascript:alert(1)", title="Harbor \x1b]8;;https://evil.example\x07vote\x1b[31m")
    article = read_html(page.encode(), "hostile.html")
    assert article.metadata.url is None
    title = article.metadata.title or ""
    assert title.startswith("Harbor") and title.endswith("vote[31m")
    assert not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in title)
    assert "\x1b" not in article.text and "\x07" not in article.text


def test_html_canonical_falls_back_to_the_address_it_was_fetched_from() -> None:
    page = article_page().replace('<link rel="canonical" href="https://ledger.example.com/news/harbor-expansion">', "")
    article = read_html(page.encode(), "page", url="https://mirror.example.net/harbor")
    assert article.metadata.url == "https://mirror.example.net/harbor"


def test_html_charset_from_the_content_type() -> None:
    page = article_page().replace('<meta charset="utf-8">', "").replace("eelgrass", "eelgrass Øresund")
    article = read_html(page.encode("latin-1", errors="replace"), "page", content_type="text/html; charset=ISO-8859-1")
    assert "eelgrass Øresund" in article.text


def test_html_text_letters_written_with_combining_marks_are_composed() -> None:
    page = article_page().replace("Ana Lindqvist", "Ana Lindqvi\u0302st").replace("eelgrass", "e\u0301elgrass")
    text = read_html(page.encode(), "harbor.html").text
    assert "Ana Lindqv\u00eest" in text and "\u00e9elgrass" in text and "\u0301" not in text


def test_html_list_and_table_of_an_article_are_kept_and_its_comments_are_not() -> None:
    article = read_html((WEB_PAGES / "school-meals.html").read_bytes(), "school-meals.html")
    paragraphs = article.text.split("\n\n")
    for item in (
        "- Schools will send parents a form about diets and allergies in October.",
        "- Kitchens in three older schools will be refitted during the half-term holiday.",
        "- The first free lunches will be served on the first day of the spring term.",
        "| Farm cooperative (from January) | 2.40 |",
    ):
        assert item in paragraphs
    assert not [paragraph for paragraph in paragraphs if not WORD.search(paragraph)], "a table's rule is no text"
    for noise in ("this will save us forty", "Join the conversation", "More from Education", "essential cookies"):
        assert noise not in article.text


@pytest.mark.parametrize("page", sorted(WEB_PAGES.glob("*.html")), ids=lambda page: page.stem)
def test_html_text_has_every_word_trafilatura_finds_in_its_order(page: Path) -> None:
    import trafilatura

    data = page.read_bytes()
    theirs = trafilatura.extract(data, **TRAFILATURA_OPTIONS) or ""
    ours = read_html(data, page.name).text
    assert WORD.findall(ours) == WORD.findall(theirs)
    assert "\n\n\n" not in ours and not ours.startswith("\n") and not ours.endswith("\n")


# --- feeds ----------------------------------------------------------------------------------------------------


def test_rss_feed_gives_every_item_with_its_own_link_title_date_and_author() -> None:
    items = read_source(RSS, "ledger.rss")
    assert [item.metadata for item in items] == [
        Metadata(
            "Harbor expansion approved",
            "Maria Okafor",
            "2024-06-12",
            "The Coastal Ledger",
            "https://ledger.example.com/news/harbor",
        ),
        Metadata(
            "Ferry fares to rise",
            "Tom Berg",
            "2024-06-13",
            "The Coastal Ledger",
            "https://ledger.example.com/news/ferry",
        ),
        Metadata(
            "Lighthouse museum opens",
            None,
            "2024-06-14",
            "The Coastal Ledger",
            "https://ledger.example.com/news/lighthouse",
        ),
    ]
    assert items[0].text == "The council voted on Tuesday.\n\n“A big day,” said the mayor."
    assert not items[0].summary_only
    assert items[1].text == "Fares rise in autumn. Read more"
    assert items[1].summary_only
    assert items[2].text == "Plain summary text."
    assert items[2].summary_only


def test_atom_feed_gives_every_entry_with_html_xhtml_or_summary_text() -> None:
    entries = read_feed(ATOM, "watch.atom")
    assert [entry.metadata.url for entry in entries] == [
        "https://watch.example.org/dredging",
        "https://watch.example.org/eelgrass",
        "https://watch.example.org/shellfish",
    ]
    assert [entry.metadata.title for entry in entries] == ["Dredging starts", "Eelgrass survey", "Shellfish season"]
    assert [entry.metadata.date for entry in entries] == ["2024-07-01", "2024-07-02", "2024-07-03"]
    assert [entry.metadata.author for entry in entries] == ["Ana Lindqvist", "Desk", "Desk"]
    assert {entry.metadata.outlet for entry in entries} == {"Harbor Watch"}
    assert entries[0].text == "Dredging started on Monday.\n\nFishers protested."
    assert entries[1].text == "The survey counted beds.\n\nResults in May."
    assert [entry.summary_only for entry in entries] == [False, False, True]


def test_feed_with_broken_xml_is_a_one_line_error_with_where() -> None:
    broken = RSS.replace(b"</item>\n<item><title>Ferry", b"\n<item><title>Ferry", 1)
    with pytest.raises(ReaderError) as error:
        read_source(broken, "broken.xml")
    message = str(error.value)
    assert message.startswith("broken.xml: not a well-formed feed (mismatched tag at line ")
    assert "\n" not in message


def test_feed_declaring_entities_is_refused_before_expanding_any() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            b'<!ENTITY %s "&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;">' % ((bytes([98 + i]),) + (bytes([97 + i]),) * 10)
            for i in range(8)
        )
        + b"]><rss><channel><item><title>&i;</title></item></channel></rss>"
    )
    started = time.perf_counter()
    with pytest.raises(ReaderError, match="declares XML entities"):
        read_source(bomb, "bomb.rss")
    assert time.perf_counter() - started < 1


def test_xml_that_is_not_a_feed_says_so() -> None:
    expected = r"^notes\.xml: XML but not an RSS or Atom feed \(its root element is <notes>\)$"
    with pytest.raises(ReaderError, match=expected):
        read_source(b"<?xml version='1.0'?><notes><note>hi</note></notes>", "notes.xml")


# --- JSON Lines -----------------------------------------------------------------------------------------------


def test_jsonl_bad_line_is_reported_by_number_and_the_others_kept() -> None:
    lines = [
        '{"text": "First article text.", "title": "One", "url": "https://a.example/1", "date": "2024-06-01",'
        ' "source": "Wire", "author": "Ann Lee"}',
        '{"text": "Second article", "title": "Two"',
        "",
        '{"title": "no text here"}',
        '{"text": "Fourth article.", "url": "javascript:alert(1)", "author": ["Bo Ek", "Cy Dee"]}',
    ]
    articles, errors = read_jsonl("\n".join(lines).encode(), "set.jsonl")
    assert [article.text for article in articles] == ["First article text.", "Fourth article."]
    assert articles[0].metadata == Metadata("One", "Ann Lee", "2024-06-01", "Wire", "https://a.example/1")
    assert articles[1].metadata == Metadata(author="Bo Ek, Cy Dee")
    assert [error.line for error in errors] == [2, 4]
    assert str(errors[1]) == 'line 4: no "text" (an article needs its text as a non-empty string)'
    found = read_source("\n".join(lines).encode(), "set.jsonl")
    assert len(found) == 2
    assert found.errors[0].startswith("set.jsonl: line 2: not valid JSON (")


def test_jsonl_with_no_good_line_is_an_error() -> None:
    with pytest.raises(ReaderError, match=r"^bad\.jsonl: no article in the file \(line 1: not valid JSON"):
        read_source(b"{oops\n[1, 2]\n", "bad.jsonl")


def test_json_array_of_articles() -> None:
    found = read_source(b'[{"text": "A."}, {"text": ""}, {"text": "B.", "title": "Bee"}]', "set.json")
    assert [article.text for article in found] == ["A.", "B."]
    assert found.errors == ['set.json: item 2: no "text" (an article needs its text as a non-empty string)']


# --- plain text and Markdown ----------------------------------------------------------------------------------


def test_seed_keeps_its_exact_text_and_gains_no_metadata() -> None:
    [article] = read_source(SEED.read_bytes(), SEED.name)
    assert article == SourceArticle(read_article_file(SEED), Metadata())


def test_front_matter_is_removed_from_the_text_and_read_into_metadata() -> None:
    text = (
        '---\ntitle: "Harbor vote"\ndate: June 12, 2024\nsource: The Coastal Ledger\n'
        "url: https://ledger.example.com/h\nauthor: Maria Okafor\ntags: [harbor]\n---\n\nThe council voted.\n"
    )
    [article] = read_source(text.encode(), "vote.md")
    assert article.text == "The council voted.\n"
    assert article.metadata == Metadata(
        "Harbor vote", "Maria Okafor", "2024-06-12", "The Coastal Ledger", "https://ledger.example.com/h"
    )


def test_front_matter_with_a_hostile_url_drops_it() -> None:
    [article] = read_source(b"---\ntitle: T\nurl: javascript:alert(document.cookie)\n---\nBody.\n", "x.txt")
    assert article.metadata == Metadata(title="T")


def test_unclosed_front_matter_is_kept_as_text() -> None:
    text = "---\nThis is not front matter, just a rule and prose.\nMore prose.\n"
    [article] = read_source(text.encode(), "rule.txt")
    assert article == SourceArticle(text, Metadata())


def test_front_matter_with_nothing_after_it_is_an_error() -> None:
    with pytest.raises(ReaderError, match=r"^empty\.md: no article text after its front matter$"):
        read_source(b"---\ntitle: Nothing\n---\n\n", "empty.md")


def test_wire_head_is_read_into_metadata() -> None:
    text = "Harbor expansion approved\nBy Maria Okafor, Coastal Wire\nJune 12, 2024 09:30 EDT\n\nThe council voted.\n"
    [article] = read_source(text.encode(), "wire.txt")
    assert article.text == "The council voted.\n"
    assert article.metadata == Metadata("Harbor expansion approved", "Maria Okafor, Coastal Wire", "2024-06-12")


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_wire_head_with_blank_lines_between_its_lines_is_read_into_metadata(newline: str) -> None:
    lines = ["Yen slides as bank holds rates", "", "By Hiroshi Tanaka", "June 3, 2024", "", "TOKYO - The yen fell."]
    [article] = read_source(newline.join(lines).encode(), "tokyo.txt")
    assert article.text == "TOKYO - The yen fell."
    assert article.metadata == Metadata("Yen slides as bank holds rates", "Hiroshi Tanaka", "2024-06-03")


def test_a_wire_head_whose_title_quotes_someone_keeps_the_quote_in_the_text() -> None:
    """The quote of such a title was taken out of the text with the head, and so never extracted."""
    title = '"We will win the vote," said Mayor Anna Kruk'
    text = f"{title}\nBy Jan Kowal\nMay 3, 2024\n\n\u201cTurnout was high,\u201d said Piotr Zielinski.\n"
    [article] = read_source(text.encode(), "vote.txt")
    assert article.text.startswith(f"{title}\n\n\u201cTurnout")
    assert article.metadata == Metadata(title, "Jan Kowal", "2024-05-03")
    assert [quote.speaker for quote in extract(article.text).quotes] == ["Anna Kruk", "Piotr Zielinski"]


def test_a_head_whose_third_line_is_no_date_is_just_text() -> None:
    text = "A headline\nBy the river, people gathered.\nThey sang until late.\nThen left.\n"
    [article] = read_source(text.encode(), "story.txt")
    assert article == SourceArticle(text, Metadata())


def test_a_head_of_a_title_and_a_byline_of_names_without_a_date_is_read_into_metadata() -> None:
    """Without a date line the byline stayed in the text, and its author was listed among the people."""
    text = "Cairo summit ends\nBy Maria Gonzalez and Tom de Vries\n\n\u201cWe tried,\u201d said Ann Lee, an envoy.\n"
    [article] = read_source(text.encode(), "summit.txt")
    assert article.text == "\u201cWe tried,\u201d said Ann Lee, an envoy.\n"
    assert article.metadata == Metadata("Cairo summit ends", "Maria Gonzalez and Tom de Vries")
    assert [person.name for person in extract(article.text).people] == ["Ann Lee"]
    for story in ("Summit ends\nBy Monday, officials said\nthe talks had failed.\n", "Talks\nBy Reuters\nText.\n"):
        [article] = read_source(story.encode(), "story.txt")
        assert article == SourceArticle(story, Metadata())
    dutch = "Dike repairs begin\n\nBy Jan van der Berg\n\nThe work starts in the north.\n"
    [article] = read_source(dutch.encode(), "dike.txt")
    assert article.text == "The work starts in the north.\n"
    assert article.metadata == Metadata("Dike repairs begin", "Jan van der Berg")


def test_a_dateless_byline_with_the_writers_job_or_place_gives_their_names_as_author() -> None:
    """"By Ann Lee, Staff Writer" and "By Ann Lee in Narva" stayed in the text: their writer was listed as a person."""
    for byline in ("By Ann Lee, Staff Writer", "By Ann Lee and Tom Roe in Narva", "By Ann Lee, Legal affairs editor"):
        text = f"Pier plan approved\n\n{byline}\n\nThe council voted on Monday.\n"
        [article] = read_source(text.encode(), "pier.txt")
        assert article.text == "The council voted on Monday.\n"
        assert article.metadata.author == byline[3:].split(",")[0].split(" in ")[0]
    story = "Pier plan approved\n\nBy Monday, the council had voted\n\nIt was close.\n"
    [article] = read_source(story.encode(), "pier.txt")
    assert article == SourceArticle(story, Metadata())


@pytest.mark.parametrize(
    "story",
    [
        "Election 2024\nBy The Numbers\n\nTurnout was 61 percent.\n",
        "Storm warning\nBy Order Of The Council\n\nAll boats stay in the harbor.\n",
        "Road closures\nBy Tuesday Night\nthe bridge will be shut, said engineer Tom Ray.\n",
        "Road closures\nBy Tuesday Night\n\nthe bridge will be shut, said engineer Tom Ray.\n",
        "Fair opens\nBy Saturday Morning\n\nthe stalls were full.\n",
        "Ferry times\nBy March Grant\n\nboats will run hourly.\n",
        "Fog delays\nBy Noon Today\n\nno flight had left.\n",
        "Bridge reopens\nBy Tom Ray\nthe crews had left, said Ann Lee.\nMore later.\n",
    ],
    ids=["function-words", "order-of-the", "weekday-run-on", "weekday", "morning", "month", "noon", "no-blank"],
)
def test_a_dateless_head_whose_byline_is_not_names_alone_or_runs_on_is_left_as_text(story: str) -> None:
    """"By The Numbers" was taken for an author, and "By Tuesday Night" ate the story's first line with it."""
    for name in ("story.txt", "story.md"):
        [article] = read_source(story.encode(), name)
        assert article == SourceArticle(story, Metadata())


@pytest.mark.parametrize("name", ["vote.md", "vote.txt"])
@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("# Harbor vote passes\n\nBy Jane Doe\n", "Harbor vote passes"),
        ("## Harbor vote ##\nBy Jane Doe\n", "Harbor vote"),
        ("# Harbor **vote** passes\nBy Jane Doe\nJune 3, 2024\n", "Harbor vote passes"),
    ],
    ids=["dateless", "closed", "dated"],
)
def test_a_wire_head_whose_title_is_a_markdown_heading_loses_its_marks(head: str, title: str, name: str) -> None:
    """The title of such a head was "# Harbor vote passes", its marks kept in every listing of it."""
    text = head + '\nThe council voted. "We will win," said Ann Lee.\n'
    [article] = read_source(text.encode(), name)
    assert article.text == 'The council voted. "We will win," said Ann Lee.\n'
    assert (article.metadata.title, article.metadata.author) == (title, "Jane Doe")


def test_markdown_heading_is_the_title_and_its_marks_leave_the_text() -> None:
    [article] = read_source(b"# Harbor vote\n\nThe council voted.\n", "vote.md")
    assert article == SourceArticle("Harbor vote\n\nThe council voted.\n", Metadata(title="Harbor vote"))


def test_markdown_is_read_as_the_text_it_shows_and_its_speaker_found() -> None:
    """Emphasis and links stayed in the text: the speaker was "Maria", the quote held `**very**` and a URL."""
    text = (
        "# Markdown **bold** title\n\n\"We are **very** pleased with the [result](https://r.example),\" said *Maria* "
        "Silva, director of the [Brazilian Space Agency](https://aeb.example).\n"
    )
    [article] = read_source(text.encode(), "launch.md")
    assert article.metadata == Metadata(title="Markdown bold title")
    assert article.text == (
        'Markdown bold title\n\n"We are very pleased with the result," said Maria Silva, director of the '
        "Brazilian Space Agency.\n"
    )
    extraction = extract(article.text)
    [quote] = extraction.quotes
    assert quote.speaker == "Maria Silva"
    assert article.text[quote.start : quote.end] == quote.text == "We are very pleased with the result,"
    [person] = [person for person in extraction.people if person.name == "Maria Silva"]
    assert (person.role, person.organization) == ("director", "Brazilian Space Agency")


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("**strong** __strong__ *em* _em_ ***both***", "strong strong em em both"),
        ("a [link](https://x.example/a_(b) 'Title') and [another](<https://x.example/c d>)", "a link and another"),
        ("an ![alt text](pic.png) and ![](empty.png)here", "an alt text and here"),
        ("run `make *all*` then ``a ` tick``", "run make *all* then a ` tick"),
        ("[the agency][aeb] and [Mixed Case][] and [aeb]\n\n[aeb]: https://aeb.example\n[mixed case]: /m 'T'",
         "the agency and Mixed Case and aeb"),
        ("before <!-- a note\nover lines --> after", "before  after"),
        ("## Section ##\nText under it.", "Section\n\nText under it."),
        ("Setext title\n============\nText.", "Setext title\n\nText."),
        ("Above.\n\n* * *\n\nBelow.\n\n___\n\nEnd.", "Above.\n\nBelow.\n\nEnd."),
        ("Items:\n\n- one\n* two\n  wrapped\n+ three", "Items:\n\none\n\ntwo\n  wrapped\n\nthree"),
        ("Steps:\n1. one\n2) two\n   wrapped\n\n10. ten\n\nEnd.", "Steps:\n\none\n\ntwo\n   wrapped\n\nten\n\nEnd."),
        ("> A quoted\n> > nested *line*\n\nAfter.", "A quoted\nnested line\n\nAfter."),
        ("\\*not emphasis\\* and \\[not a link\\](x) and a\\_b", "*not emphasis* and [not a link](x) and a_b"),
        ("Fish &amp; chips &#8212; &copy; AT&T", "Fish & chips \u2014 \u00a9 AT&T"),
        ("see <https://x.example/a_b*c*>", "see https://x.example/a_b*c*"),
        ("```python\nx = a * b  # **kept**\n```\nAfter the code.", "x = a * b  # **kept**\n\nAfter the code."),
    ],
    ids=[
        "emphasis", "links", "images", "code", "references", "comment", "atx", "setext", "rules", "lists", "numbered",
        "blockquote", "escapes", "entities", "autolink", "fence",
    ],
)
def test_markdown_markup_is_removed_and_its_text_kept(written: str, shown: str) -> None:
    [article] = read_source(written.encode(), "story.md")
    assert article.text == shown


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("It costs 5 * 3 euros, or 2 * 7 for *two*.", "It costs 5 * 3 euros, or 2 * 7 for two."),
        ("The snake_case_words and my_var_name are **names**.", "The snake_case_words and my_var_name are names."),
        ("Prices rose 5%* in **2024**.\n\n*Excluding fuel.", "Prices rose 5%* in 2024.\n\n*Excluding fuel."),
        ("A lone ** pair, a _ lone mark, `one tick and _kept_.", "A lone ** pair, a _ lone mark, `one tick and kept."),
        ("He said [sic], cited [1], [an](https://x.example) [open](x ![i", "He said [sic], cited [1], an [open](x ![i"),
        ("**Bold**, then an unclosed <!-- comment runs on.", "Bold, then an unclosed <!-- comment runs on."),
        ("A *hard* year.\n\n2024. It was long.\n\n1. One\n\nThen.\n\n3) Not an item.\n\n1.5 million voted.",
         "A hard year.\n\n2024. It was long.\n\nOne\n\nThen.\n\n3) Not an item.\n\n1.5 million voted."),
    ],
    ids=["lone-stars", "snake-case", "footnote", "lone-marks", "brackets", "unclosed-comment", "numbers"],
)
def test_markdown_near_misses_are_kept_as_written_beside_the_markup_removed(written: str, shown: str) -> None:
    [article] = read_source(written.encode(), "story.md")
    assert article.text == shown


def test_markdown_keeps_front_matter_wire_heads_and_quotes_running_over_lines() -> None:
    front = '---\ntitle: "Harbor vote"\nsource: Ledger\n---\n\n"The *harbor* will be\nbusy again," said Ann Lee.\n'
    [article] = read_source(front.encode(), "vote.md")
    assert article.text == '"The harbor will be\nbusy again," said Ann Lee.\n'
    assert article.metadata == Metadata("Harbor vote", outlet="Ledger")
    assert [quote.speaker for quote in extract(article.text).quotes] == ["Ann Lee"]
    wire = "**Yen slides** as bank holds\nBy *Hiroshi Tanaka*\nJune 3, 2024\n\nTOKYO - The yen **fell**.\n"
    [article] = read_source(wire.encode(), "tokyo.md")
    assert article.text == "TOKYO - The yen fell.\n"
    assert article.metadata == Metadata("Yen slides as bank holds", "Hiroshi Tanaka", "2024-06-03")


def test_a_text_file_keeps_its_asterisks_and_only_its_heading_title_loses_markup() -> None:
    text = "# Harbor **vote**\n\nThe *council* voted [here](https://x.example).\n"
    [article] = read_source(text.encode(), "vote.txt")
    assert article == SourceArticle(text, Metadata(title="Harbor vote"))


@pytest.mark.parametrize(
    "hostile",
    [
        "**" * 200_000 + "a",
        "*a _b **c __d " * 30_000,
        "Text " + "[" * 200_000 + "]" * 200_000,
        "[x]: https://x.example\n\n" + "[x" * 100_000 + "]" * 100_000,
        '[a](x "' * 60_000,
        "".join("`" * (n % 9 + 1) + "a" for n in range(100_000)),
        "<!--" * 100_000 + "<ab:" + "x" * 400_000,
        "# x" + (" " * 500 + "#" * 500 + "x") * 400 + "\n\nText.",
        "> - **a** [b][c] `d\n" * 20_000,
        ("> " * 500_000 + "a\n") * 5,
        (">" * 1_000_000 + "a\n") * 3,
    ],
    ids=[
        "stars", "emphasis", "brackets", "labels", "titles", "ticks", "comments", "heading", "lines", "quotes",
        "quote-marks",
    ],
)
def test_hostile_markdown_is_read_in_linear_time(hostile: str) -> None:
    """A guard against work that grows faster than the text (nested brackets, unclosed runs), not a speed target."""
    started = time.monotonic()
    [article] = read_source(hostile.encode(), "hostile.md")
    assert article.text.strip()
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_text_file_opening_with_a_markdown_heading_takes_it_as_its_title(newline: str) -> None:
    """A .txt file written in Markdown kept "# " in its title, in every search line, pane and citation."""
    text = newline.join(["# Harbor vote", "", "The council voted.", ""])
    [article] = read_source(text.encode(), "vote.txt")
    assert article == SourceArticle(text.replace("\r\n", "\n"), Metadata(title="Harbor vote"))


@pytest.mark.parametrize("opening", ["#Harbor vote\n\n", "# Harbor vote\nThe council voted.\n"])
def test_a_text_file_opening_with_a_hashtag_or_a_heading_run_on_has_no_title_of_it(opening: str) -> None:
    text = opening + "More later.\n"
    [article] = read_source(text.encode(), "vote.txt")
    assert article == SourceArticle(text, Metadata())


def test_plain_text_that_is_not_text_is_a_one_line_error() -> None:
    with pytest.raises(ReaderError, match=r"^latin\.txt: not UTF-8 text"):
        read_source("café".encode("latin-1"), "latin.txt")


# --- shared cleaning ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://example.com/a?b=1#c", "https://example.com/a?b=1#c"),
        ("HTTP://Example.com/x", "http://Example.com/x"),
        ("  https://example.com/a b  ", "https://example.com/a%20b"),
        ("https://example.com/\x1b]8;;https://evil.example\x07x\x1b[2J", "https://example.com/x"),
        ("https://exa\x00mple.com/\u202eevil", "https://example.com/evil"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("file:///etc/passwd", None),
        ("//example.com/no-scheme", None),
        ("https:///no-host", None),
        ("http://example.com:99999999/", None),
        ("https://user:secret@news.example.com/a", "https://news.example.com/a"),
        ("https://\u0141\u00f3d\u017a.pl/a", "https://xn--d-uga0v4h.pl/a"),
        ("https://exa mple.com/a", None),
        ("https://[::1]:8443/x", "https://[::1]:8443/x"),
        ("", None),
        (None, None),
    ],
)
def test_safe_url_keeps_only_clean_http_urls(given: str | None, kept: str | None) -> None:
    assert safe_url(given) == kept


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("2024-06-12", "2024-06-12"),
        ("2024-06-12T23:30:00-04:00", "2024-06-12"),
        ("2024/6/2", "2024-06-02"),
        ("Wed, 12 Jun 2024 09:30:00 +0000", "2024-06-12"),
        ("June 12, 2024", "2024-06-12"),
        ("Wednesday, Sept. 4, 2024 10:15 AM EDT", "2024-09-04"),
        ("12 June 2024", "2024-06-12"),
        ("3rd March 2023", "2023-03-03"),
        ("2024-02-30", None),
        ("yesterday", None),
        ("06/12/2024", None),
    ],
)
def test_dates_are_made_iso_where_they_can_be(given: str, iso: str | None) -> None:
    assert normalise_date(given) == iso


def test_unreadable_date_is_kept_cleaned() -> None:
    assert Metadata.of(date=" Summer\x1b[1m 2024 ").date == "Summer 2024"


def test_metadata_strings_lose_escape_sequences_and_control_characters() -> None:
    assert Metadata.of(title="Harbor \x1b]8;;https://evil.example\x07vote\x1b[31m").title == "Harbor vote"
    assert clean_field("Maria\nOkafor\x07\t") == "Maria Okafor"
    assert clean_field("\x1b[31m\x1b[0m") is None


@pytest.mark.parametrize(
    ("data", "name", "content_type", "kind"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", None, "html"),
        (b"\xef\xbb\xbf  <?xml version='1.0'?>\n<!-- c --><rss version='2.0'></rss>", "feed", None, "feed"),
        (b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'/>", "x.html", None, "feed"),
        (b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'/>", "x", None, "feed"),
        (b'{"text": "a"}\n{"text": "b"}\n', "dump", None, "json"),
        (b"Plain words.", "a.html", None, "html"),
        (b"Plain words.", "https://example.com/feed.rss?page=2", None, "feed"),
        (b"Plain words.", "https://example.com/story", "text/html; charset=utf-8", "html"),
        (b"Plain words.", "https://example.com/story", "application/atom+xml", "feed"),
        (b"Plain words.", "notes", None, "plain"),
        (b"{braces in prose} and more", "notes.txt", None, "plain"),
    ],
)
def test_reader_chosen_by_content_then_suffix_then_content_type(
    data: bytes, name: str, content_type: str | None, kind: str
) -> None:
    assert detect_format(data, name, content_type) == kind


WIRE_LINES = (
    b'{"text": "\\u201cFares rise,\\u201d said Bo Ek, a clerk.", "url": "https://wire.example/a"}\n'
    b'{"text": "\\u201cFares fall,\\u201d said Al Ho, a clerk."}\n'
)


# --- fetching -------------------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    """Serves the test site: a page, a feed, redirects, a 404, a PNG, a slow answer."""

    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {}

    def do_GET(self) -> None:
        """Answer from the route table, after a pause for /slow."""
        if self.path == "/slow":
            time.sleep(1.5)
        status, kind, body, headers = self.routes.get(self.path, (404, "text/html", b"<h1>Not Found</h1>", {}))
        self.send_response(status)
        if kind:
            self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def site() -> Iterator[str]:
    """A local web server on 127.0.0.1 in a thread; its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    feed = RSS.replace(b"https://ledger.example.com/news/ferry", f"{base}/ferry".encode())
    feed = feed.replace(b"https://ledger.example.com/news/lighthouse", f"{base}/gone".encode())
    _Handler.routes = {
        "/harbor": (200, "text/html; charset=utf-8", article_page(canonical="").encode(), {}),
        "/ferry": (200, "text/html", article_page(canonical="", title="Ferry fares to rise").encode(), {}),
        "/feed": (200, "application/rss+xml", feed, {}),
        "/moved": (301, "text/html", b"", {"Location": "/harbor"}),
        "/loop": (302, "text/html", b"", {"Location": "/loop2"}),
        "/loop2": (302, "text/html", b"", {"Location": "/loop"}),
        "/to-file": (302, "text/html", b"", {"Location": "file:///etc/passwd"}),
        "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, {}),
        "/big": (200, "text/html", b"<p>" + b"x" * 300_000 + b"</p>", {}),
        "/menu": (200, "text/html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", {}),
        "/slow": (200, "text/html", b"<p>late</p>", {}),
        "/ledger.rss": (200, "application/x-rss+xml", RSS, {}),
        "/watch.atom": (200, "application/x-atom+xml", ATOM, {}),
        "/wire.jsonl": (200, "application/octet-stream", WIRE_LINES, {}),
        "/story.md": (200, "application/octet-stream", b"*Ann Lee* said it was [fine](https://x.example).\n", {}),
        "/notes?v=2": (200, "text/markdown; charset=utf-8", b"# The **notes**\n\nSaid _twice_.\n", {}),
        "/export": (200, "binary/octet-stream", RSS, {}),
        "/untyped": (200, "", article_page(canonical="").encode(), {}),
        "/dump": (200, "application/octet-stream", WIRE_LINES, {}),
        "/scan.pdf": (200, "application/octet-stream", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", {}),
        "/scan.txt": (200, "text/plain", b"Scanned\x00\x01 page", {}),
        "/photo": (200, "", b"\xff\xd8\xff\xe0 JFIF", {}),
    }
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_fetch_a_page_and_read_it(site: str) -> None:
    [article] = read_url(f"{site}/harbor")
    assert PARAGRAPHS[1] in article.text
    assert "Politics Section" not in article.text
    assert article.metadata.url == f"{site}/harbor"
    assert article.metadata.outlet == "The Coastal Ledger"


def test_fetch_follows_a_redirect_and_reports_the_final_url(site: str) -> None:
    fetched = fetch(f"{site}/moved")
    assert fetched.url == f"{site}/harbor"
    assert fetched.content_type == "text/html; charset=utf-8"
    assert b"Harbor expansion" in fetched.data


def test_fetch_404_is_one_line_naming_the_url(site: str) -> None:
    with pytest.raises(FetchError) as error:
        read_url(f"{site}/missing")
    assert str(error.value) == f"{site}/missing: HTTP 404 Not Found"


def test_fetch_connection_refused(site: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match=rf"^http://127\.0\.0\.1:{port}/a: connection refused by 127\.0\.0\.1$"):
        fetch(f"http://127.0.0.1:{port}/a")


def test_fetch_unknown_host_says_offline_or_no_such_host(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*_: object, **__: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(FetchError, match=r"^https://news\.invalid/x: cannot find the host news\.invalid \(offline"):
        fetch("https://news.invalid/x")


def test_fetch_redirect_loop_and_redirect_off_http_are_refused(site: str) -> None:
    with pytest.raises(FetchError, match=r"/loop: redirected in a loop or more than 5 times$"):
        fetch(f"{site}/loop")
    with pytest.raises(FetchError, match=r"/to-file: redirected to a URL that is not http or https$"):
        fetch(f"{site}/to-file")


def test_fetch_refuses_what_is_not_an_article(site: str) -> None:
    with pytest.raises(FetchError, match=r"/image: not an article \(the server sent image/png\)$"):
        fetch(f"{site}/image")
    with pytest.raises(ReaderError, match=r"/menu: no article text found in the page$"):
        read_url(f"{site}/menu")
    with pytest.raises(FetchError, match=r"^ftp://example\.com/a: only http and https URLs can be fetched$"):
        fetch("ftp://example.com/a")
    with pytest.raises(FetchError, match=r"^https://: not a valid URL \(no host\)$"):
        fetch("https://")
    with pytest.raises(FetchError, match=r"^https://exa mple\.com/: not a valid URL \(spaces or control"):
        fetch("https://exa mple.com/")


def test_a_feed_sent_as_x_rss_or_x_atom_is_read_as_a_feed(site: str) -> None:
    """`python3 -m http.server` sends .rss as application/x-rss+xml, which was refused as no article."""
    assert [item.metadata.url for item in read_url(f"{site}/ledger.rss")][0] == "https://ledger.example.com/news/harbor"
    assert read_url(f"{site}/watch.atom")[0].metadata.url == "https://watch.example.org/dredging"


def test_a_body_of_no_telling_type_is_read_by_its_suffix_then_its_opening(site: str) -> None:
    """A .jsonl sent as application/octet-stream was refused as no article."""
    assert [article.metadata.url for article in read_url(f"{site}/wire.jsonl")] == ["https://wire.example/a", None]
    assert read_url(f"{site}/story.md")[0].text == "Ann Lee said it was fine.\n"
    assert [article.metadata.url for article in read_url(f"{site}/dump")] == ["https://wire.example/a", None]
    assert len(read_url(f"{site}/export")) == 3
    assert read_url(f"{site}/untyped")[0].metadata.outlet == "The Coastal Ledger"


def test_markdown_served_as_text_markdown_is_read_as_markdown(site: str) -> None:
    [article] = read_url(f"{site}/notes?v=2")
    assert article == SourceArticle("The notes\n\nSaid twice.\n", Metadata(title="The notes"))


@pytest.mark.parametrize(
    ("path", "said"),
    [("/scan.pdf", "application/octet-stream"), ("/scan.txt", "text/plain"), ("/photo", "no content type")],
)
def test_a_binary_body_of_no_telling_type_is_refused_in_one_line(site: str, path: str, said: str) -> None:
    with pytest.raises(FetchError) as error:
        read_url(f"{site}{path}")
    assert str(error.value) == f"{site}{path}: not an article (the server sent {said})"


def test_fetch_size_cap_and_timeout(site: str) -> None:
    with pytest.raises(FetchError, match=r"/big: larger than 0 MB, not read$"):
        fetch(f"{site}/big", max_bytes=100_000)
    with pytest.raises(FetchError, match=r"/slow: no answer within 0\.5 s$"):
        fetch(f"{site}/slow", timeout=0.5)


def test_feed_url_with_follow_fetches_summary_items_from_their_links(site: str) -> None:
    items = read_url(f"{site}/feed")
    assert [item.summary_only for item in items] == [False, True, True]
    followed, errors = follow_summaries(items)
    assert followed[0] == items[0]
    assert PARAGRAPHS[0] in followed[1].text and not followed[1].summary_only
    assert followed[1].metadata.title == "Ferry fares to rise"
    assert followed[1].metadata.author == "Tom Berg"
    assert len(followed) == 2
    assert errors == [f"{site}/gone: HTTP 404 Not Found; the item was not stored"]


def test_a_folder_lists_its_articles_in_the_order_of_their_paths_parts(tmp_path: Path) -> None:
    """Nested folders come where their names sort ("a/b/x.txt" before "a-c/y.txt"), case-insensitive suffixes
    count, a linked folder is not entered (so a loop of links ends), and other files are counted as skipped: those
    not named as articles, and a broken link named as one."""
    root = tmp_path / "articles"
    for name in (
        "a/b/x.txt", "a-c/y.TXT", "Z/z.md", "a/q.html", "a/.hidden.txt", "a/..txt", "a/notes.pdf", "a/b/README"
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("An article.\n", encoding="utf-8")
    (root / "a" / "b" / "loop").symlink_to(root, target_is_directory=True)
    (root / "linked.html").symlink_to(root / "a" / "q.html")
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    found, not_named, not_regular, examples = directory_inputs(root)
    assert found == [
        str(root / name)
        for name in ("Z/z.md", "a/..txt", "a/.hidden.txt", "a/b/x.txt", "a/q.html", "a-c/y.TXT", "linked.html")
    ]
    assert (not_named, not_regular) == (2, 1)
    assert sorted(examples) == [str(root / "a" / "b" / "README"), str(root / "a" / "notes.pdf")]
