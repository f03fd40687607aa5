"""The Articles pane's rows and orders: each article's title, outlet, date, counts and path, sorted as chosen."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

from textual.content import Content

from store import ArticleRecord, Snapshot, fold
from tui.text import MUTED_STYLE, cut, highlighted, plain

ARTICLE_ORDERS = ("stored", "date", "title", "outlet")
"""The orders the Articles pane cycles through; the first is the store's own (the order articles were added)."""
ARTICLE_ORDER_LABELS = {"date": "by date, newest first", "title": "by title", "outlet": "by outlet"}
OUTLET_COLUMN = 16
OUTLET_WIDEST = 32
"""The widest an outlet's column grows to in a wide list (a seventh of its width): "The Washington Post" whole at
140 columns, and the titles still given most of the row."""
OUTLET_FROM_WIDTH = 40
"""A list narrower than this shows each article's date and title only."""
ADDED_STYLE = f"{MUTED_STYLE} italic"
"""A row's date where its source states no published date and the day it was added stands in."""
DETAILS_FROM_WIDTH = 66
"""A list this wide shows each article's counts and path as well."""


class ArticleCounts(NamedTuple):
    """How many people, organizations and quotes one article names."""

    people: int = 0
    organizations: int = 0
    quotes: int = 0


class ArticleCountsByKey(Mapping[str, ArticleCounts]):
    """Every article's counts by key, each looked up in the snapshot when its row is drawn (none held): give it a
    snapshot whose lookups are built (`Snapshot.build_indexes`), so that no row builds them."""

    def __init__(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot

    def __getitem__(self, key: str) -> ArticleCounts:
        counts = self._snapshot.article_counts(key)
        if counts is None:
            raise KeyError(key)
        return ArticleCounts(*counts)

    def __iter__(self) -> Iterator[str]:
        return (key for key, _, _ in self._snapshot.article_summaries())

    def __len__(self) -> int:
        return len(self._snapshot.articles)


def counts_label(counts: ArticleCounts | None) -> str:
    """'3p 2o 5q': people, organizations and quotes, short enough for a row; blank until counted."""
    if counts is None:
        return " " * 11
    return f"{counts.people:>2}p {counts.organizations:>2}o {counts.quotes:>2}q"


def article_row(
    article: ArticleRecord, query: str, counts: ArticleCounts | None, width: int, outlets: bool = True
) -> Content:
    """An article on one line: date, then as the width allows outlet (where any article of the store states one:
    `outlets`) and counts, title, then its path. The date is the published one, else the day it was added, dimmed
    and slanted (`ADDED_STYLE`)."""
    date = plain(article.sort_date.ljust(10), MUTED_STYLE if article.published_day else ADDED_STYLE)
    title = highlighted(article.title, query, style="bold")
    if width < OUTLET_FROM_WIDTH:
        return Content.assemble(date, " ", title)
    detailed = width >= DETAILS_FROM_WIDTH
    if not outlets:  # no article states its outlet: no column of blanks
        if not detailed:
            return Content.assemble(date, " ", title)
        counted = Content.styled(counts_label(counts), MUTED_STYLE)
        return Content.assemble(date, " ", counted, "  ", title, "  ", plain(article.source, MUTED_STYLE))
    if detailed:
        column = max(OUTLET_COLUMN, min(OUTLET_WIDEST, width // 7))
    else:
        column = max(OUTLET_COLUMN // 2, min(OUTLET_COLUMN, (width - 11) // 3))
    outlet = cut(plain(article.outlet or "", MUTED_STYLE), column - 1, pad=True)
    if not detailed:
        return Content.assemble(date, " ", outlet, " ", title)
    counted = Content.styled(counts_label(counts), MUTED_STYLE)
    return Content.assemble(date, " ", outlet, " ", counted, "  ", title, "  ", plain(article.source, MUTED_STYLE))


def _by_date(article: ArticleRecord) -> str:
    return article.sort_date


def _by_title(article: ArticleRecord) -> str:
    return fold(article.title)


def _by_outlet(article: ArticleRecord) -> tuple[bool, str]:
    return (not article.outlet, fold(article.outlet or ""))


def in_article_order(snapshot: Snapshot, articles: Sequence[ArticleRecord], order: str) -> Sequence[ArticleRecord]:
    """The articles in `order`: as stored, by date (newest first, a day's last added first), by title (ties in stored
    order), or by outlet (each outlet's as by date). The snapshot's own articles, or a selection of them, are sorted
    from their documents (see `Snapshot.articles_in_order`)."""
    if order not in ARTICLE_ORDER_LABELS:
        return articles
    ordered = snapshot.articles_in_order(articles, order)
    if ordered is not None:
        return ordered
    if order == "date":
        return sorted(reversed(articles), key=_by_date, reverse=True)
    if order == "title":
        return sorted(articles, key=_by_title)
    if order == "outlet":
        return sorted(sorted(reversed(articles), key=_by_date, reverse=True), key=_by_outlet)
    return articles


def replacement_key(before: Snapshot | None, after: Snapshot, key: str) -> str:
    """`key`, or, where `after` no longer holds that article but holds one read again from the same path (or link),
    as an ingest replaces an edited article, the key that one is stored under."""
    if before is None or before is after or after.article(key) is not None:
        return key
    old = before.article(key)
    if old is None or not old.source:
        return key
    again = [article for article in after.articles_named(old.source) if article.source == old.source]
    return again[-1].key if again else key
