"""The Articles pane's rows and orders: each article's title, outlet, date, counts and path, sorted as chosen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from textual.content import Content

from store import ArticleRecord, Snapshot
from tui.text import MUTED_STYLE, highlighted, plain

ARTICLE_ORDERS = ("stored", "date", "title", "outlet")
"""The orders the Articles pane cycles through; the first is the store's own (the order articles were added)."""
ARTICLE_ORDER_LABELS = {"date": "by date, newest first", "title": "by title", "outlet": "by outlet"}
OUTLET_COLUMN = 16
OUTLET_FROM_WIDTH = 40
"""A list narrower than this shows each article's date and title only."""
DETAILS_FROM_WIDTH = 66
"""A list this wide shows each article's counts and path as well."""


class ArticleCounts(NamedTuple):
    """How many people, organizations and quotes one article names."""

    people: int = 0
    organizations: int = 0
    quotes: int = 0


def article_counts(snapshot: Snapshot) -> dict[str, ArticleCounts]:
    """Every article's counts by key, from one pass over people, organizations and quotes (run it in a worker)."""
    people = snapshot.people_per_article()
    organizations = snapshot.organizations_per_article()
    quotes: dict[str, int] = {}
    article_keys = getattr(snapshot.quotes, "article_keys", None)
    keys = article_keys() if article_keys is not None else [quote.article_key for quote in snapshot.quotes]
    for key in keys:
        quotes[key] = quotes.get(key, 0) + 1
    every = set(people) | set(organizations) | set(quotes)
    return {key: ArticleCounts(people.get(key, 0), organizations.get(key, 0), quotes.get(key, 0)) for key in every}


def counts_label(counts: ArticleCounts | None) -> str:
    """'3p 2o 5q': people, organizations and quotes, short enough for a row; blank until counted."""
    if counts is None:
        return " " * 11
    return f"{counts.people:>2}p {counts.organizations:>2}o {counts.quotes:>2}q"


def article_row(article: ArticleRecord, query: str, counts: ArticleCounts | None, width: int) -> Content:
    """An article on one line: date, then as the width allows outlet and counts, title, then its path."""
    date = plain((article.date or article.ingested_at[:10] or "").ljust(10), MUTED_STYLE)
    title = highlighted(article.title, query, style="bold")
    if width < OUTLET_FROM_WIDTH:
        return Content.assemble(date, " ", title)
    outlet = plain(article.outlet or "", MUTED_STYLE).truncate(OUTLET_COLUMN - 1, ellipsis=True, pad=True)
    if width < DETAILS_FROM_WIDTH:
        return Content.assemble(date, " ", outlet, " ", title)
    counted = Content.styled(counts_label(counts), MUTED_STYLE)
    return Content.assemble(date, " ", outlet, " ", counted, "  ", title, "  ", plain(article.source, MUTED_STYLE))


def _by_date(article: ArticleRecord) -> str:
    return article.sort_date


def _by_title(article: ArticleRecord) -> str:
    return article.title.casefold()


def _by_outlet(article: ArticleRecord) -> tuple[bool, str]:
    return (not article.outlet, (article.outlet or "").casefold())


def in_article_order(articles: Sequence[ArticleRecord], order: str) -> Sequence[ArticleRecord]:
    """The articles in `order`: as stored, by date (newest first), by title, or by outlet (each outlet's newest
    first); other ties keep the stored order."""
    if order == "date":
        return sorted(articles, key=_by_date, reverse=True)
    if order == "title":
        return sorted(articles, key=_by_title)
    if order == "outlet":
        return sorted(sorted(articles, key=_by_date, reverse=True), key=_by_outlet)
    return articles
