"""Measure reading saved HTML pages of ~50 KB: whosaid's HTML reader against trafilatura alone, in the same run.

usage: python benchmarks/html_ingest.py [--pages N] [--rounds R] [--dir DIR]

Generates N deterministic news pages (a ~900-word article among navigation, a cookie banner, related links,
comments, scripts and a footer; about 50 KB each), or reads the .html files in DIR, then times in alternating
rounds (a) `store.readers.read_html` (main text, paragraphs, metadata, cleaning) and
(b) `trafilatura.extract` with its defaults (text only) and (c) trafilatura asked for what the reader needs
(whosaid's options, `store.readers.html.TRAFILATURA_OPTIONS`, with metadata), and prints pages/s for each and
whosaid's ratio to it. `html_ingest_whole.py` times the whole `whosaid ingest` process on such pages.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import trafilatura  # noqa: E402

from store.readers import read_html  # noqa: E402
from store.readers.html import TRAFILATURA_OPTIONS  # noqa: E402

WORDS = (
    "council harbor vote residents plan budget minister port workers union city region years project dispute "
    "families report agency court ruling election market prices energy water school hospital police village "
    "river bridge contract company shares investors talks officials statement weekend morning evening crowd"
).split()
GIVEN = "Amira Bruno Chloe Dmitri Elena Farid Greta Hiro Ines Jonas Kofi Lena Marek Nadia Oscar Priya".split()
FAMILY = "Achebe Brandt Castillo Duarte Eklund Fontaine Gallo Haddad Ivanova Jensen Kowalski Laine Moreau".split()
SECTIONS = "World Politics Business Markets Technology Science Health Sport Culture Opinion Travel Weather".split()
TARGET_BYTES = 50_000
ARTICLE_WORDS = 900


def sentence(rng: random.Random, words: int) -> str:
    """A sentence of about `words` pool words."""
    body = " ".join(rng.choice(WORDS) for _ in range(words))
    return body[0].upper() + body[1:] + "."


def paragraph(rng: random.Random) -> str:
    """An article paragraph: two to four sentences, a quote in some."""
    parts = [sentence(rng, rng.randint(12, 24)) for _ in range(rng.randint(2, 4))]
    if rng.random() < 0.4:
        parts.append(f"“{sentence(rng, rng.randint(10, 18))}” said {rng.choice(GIVEN)} {rng.choice(FAMILY)}.")
    return " ".join(parts)


def page(number: int) -> str:
    """Page `number`: always the same ~50 KB news page, a ~900-word article inside a news site's markup."""
    rng = random.Random(number)
    title = sentence(rng, 8)[:-1]
    author = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    nav = "".join(f'<li class="nav-item"><a class="nav-link" href="/{s.lower()}">{s}</a></li>' for s in SECTIONS)
    menu = "".join(
        f'<div class="menu-col"><h4 class="menu-title">{s}</h4><ul class="menu-list">'
        + "".join(
            f'<li class="menu-item"><a href="/{s.lower()}/{w}" class="menu-link">{w.title()}</a></li>'
            for w in rng.sample(WORDS, 6)
        )
        + "</ul></div>"
        for s in SECTIONS
    )
    icon = '<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2L2 7l10 5 10-5-10-5z"/></svg>'
    share = "".join(
        f'<a class="share share-{n}" href="https://share.example/{n}?u={number}">{icon}{n}</a>'
        for n in ("mail", "post", "link", "print")
    )
    related = "".join(
        f'<li class="teaser"><a href="/story/{number}-{i}"><img src="/img/{number}-{i}.jpg" alt="" loading="lazy">'
        f'<span class="teaser-title">{sentence(rng, 9)}</span></a><time>{rng.randint(1, 12)} hours ago</time></li>'
        for i in range(12)
    )
    comments = "".join(
        f'<div class="comment" id="c{i}"><span class="user">reader{rng.randint(100, 999)}</span>'
        f'<p>{sentence(rng, rng.randint(8, 20))}</p><button class="reply">Reply</button></div>'
        for i in range(10)
    )
    script = "<script>window.dataLayer=window.dataLayer||[];" + f"dataLayer.push({{'e':'view','n':{number}}});" * 30
    script += "</script>"
    style = "<style>" + "".join(f".c{i}{{margin:{i}px;padding:{i % 7}px;color:#{i:06x}}}" for i in range(80))
    style += "</style>"
    published = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    head = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | The Daily Ledger</title>'
        f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="The Daily Ledger">'
        f'<meta name="author" content="{author}"><meta property="article:published_time" content="{published}">'
        f'<link rel="canonical" href="https://ledger.example.com/story/{number}">{style}{script}'
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
        f'"headline":"{title}","datePublished":"{published}","author":{{"@type":"Person","name":"{author}"}}}}'
        "</script></head>"
    )
    chrome = (
        '<body class="article-page"><div class="cookie-banner" role="dialog">We use cookies to improve your '
        "experience. <button>Accept all cookies</button><button>Manage preferences</button></div>"
        f'<header class="site-header"><div class="wrap"><a class="logo" href="/">{icon}The Daily Ledger</a>'
        f'<nav class="main-nav"><ul class="nav">{nav}</ul><div class="mega-menu">{menu}</div></nav></div></header>'
    )
    tail = (
        f'<div class="share-bar">{share}</div></div>'
        f'<aside class="related"><h3>Related stories</h3><ul>{related}</ul></aside>'
        f'<section id="comments" class="comments"><h3>Comments</h3>{comments}</section>'
        '<div class="ad advertisement"><span>Advertisement</span></div>'
        f'<footer class="site-footer"><ul>{nav}</ul><div class="footer-menu">{menu}</div>'
        f"<p>Copyright 2024 The Daily Ledger. All rights reserved.</p></footer>{script}</main></body></html>"
    )
    article = [
        f'<main class="content"><div class="article-wrap"><article class="story"><h1 class="headline">{title}</h1>'
        f'<div class="meta"><p class="byline">By {author}</p><time datetime="{published}">{published}</time></div>'
        f'<div class="share-bar">{share}</div><div class="story-body">'
    ]
    words = 0
    while words < ARTICLE_WORDS:
        text = paragraph(rng)
        words += len(text.split())
        article.append(f'<div class="para-wrap"><p class="story-text">{text}</p></div>')
    article.append("</div></article>")
    markup = head + chrome + "".join(article)
    padding = ""
    while len(markup) + len(padding) + len(tail) < TARGET_BYTES:
        padding += f'<div class="promo c{len(padding) % 80}"><a href="/promo/{len(padding)}">{icon}</a></div>'
    return markup + padding + tail


def timed(pages: list[bytes], read: object) -> float:
    """Seconds to read every page once with `read`."""
    started = time.perf_counter()
    for number, data in enumerate(pages):
        read(data, number)  # type: ignore[operator]
    return time.perf_counter() - started


def main() -> None:
    """Generate or load the pages, time both readers in alternating rounds, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200, help="pages to generate (default 200)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating timing rounds (default 3)")
    parser.add_argument("--dir", type=Path, help="read the .html files of this folder instead of generating pages")
    args = parser.parse_args()
    if args.dir:
        pages = [path.read_bytes() for path in sorted(args.dir.glob("*.htm*"))]
    else:
        pages = [page(number).encode() for number in range(args.pages)]
    if not pages:
        sys.exit("no pages to read")
    mean_kb = sum(map(len, pages)) / len(pages) / 1024

    def ours(data: bytes, number: int) -> None:
        read_html(data, f"page-{number}.html")

    def theirs(data: bytes, number: int) -> None:
        trafilatura.extract(data)

    def theirs_with_metadata(data: bytes, number: int) -> None:
        trafilatura.bare_extraction(data, with_metadata=True, **TRAFILATURA_OPTIONS)

    readers = {
        "whosaid read_html": ours,
        "trafilatura.extract (defaults, text only)": theirs,
        "trafilatura.bare_extraction (whosaid's options, metadata)": theirs_with_metadata,
    }
    for read in readers.values():
        timed(pages[:5], read)
    totals = dict.fromkeys(readers, 0.0)
    for _ in range(args.rounds):
        for name, read in readers.items():
            totals[name] += timed(pages, read)
    rates = {name: len(pages) * args.rounds / seconds for name, seconds in totals.items()}
    print(f"{len(pages)} pages, {mean_kb:.1f} KB on average, {args.rounds} rounds, one core")
    ours_rate = rates["whosaid read_html"]
    for name, rate in rates.items():
        print(f"  {name:<58} {rate:7.1f} pages/s   whosaid / this: {ours_rate / rate:.2f}")


if __name__ == "__main__":
    main()
