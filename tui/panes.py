"""The browsing panes: People, Organizations, Quotes and Articles, each a titled virtual list of records."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content

from store import ArticleRecord, OrganizationRecord, PersonRecord, QuoteRecord, Snapshot
from store.snapshot import QuoteSelection
from tui.articles import ARTICLE_ORDER_LABELS, ARTICLE_ORDERS, ArticleCounts, article_row, in_article_order
from tui.row_list import RowList
from tui.sorting import COUNTED_ORDERS, ORDER_LABELS, in_order, next_order, quote_count
from tui.text import MUTED_STYLE, organization_row, person_row, plain, quote_row

RecordT = TypeVar("RecordT", PersonRecord, OrganizationRecord, QuoteRecord, ArticleRecord)
NameT = TypeVar("NameT", PersonRecord, OrganizationRecord)

COUNTS_FROM_WIDTH = 28
"""A list narrower than this shows names without their quote counts: the name matters more than its count."""


class RecordPane(Vertical, Generic[RecordT]):
    """A bordered pane whose title counts its records, listing them in a virtual RowList."""

    pane_title = "Records"
    plural = "records"
    kind = "record"

    def __init__(self, render_row: Callable[[RecordT, str], Content], *, id: str) -> None:
        super().__init__(id=id, classes="pane")
        self.records: Sequence[RecordT] = ()
        self.total = 0
        self.search_text = ""
        self._render_row = render_row
        self.rows = RowList(id=f"{id}-list")
        self.snapshot: Snapshot | None = None

    def compose(self) -> ComposeResult:
        yield self.rows

    def show(
        self, snapshot: Snapshot, records: Sequence[RecordT], total: int, query: str, keep_key: str | None = None
    ) -> None:
        """List `records` (of `total` in the store), keeping the cursor on `keep_key` when still listed."""
        self.snapshot = snapshot
        self.records = records
        self.total = total
        self.search_text = query
        cursor = (self.index_of(keep_key) if keep_key is not None else None) or 0
        if query.strip():
            empty = plain(f"No {self.plural} match \u201c{query.strip()}\u201d")
        elif getattr(self.app, "reading_store", False):
            empty = Content("Reading the store\u2026")
        else:
            empty = Content(f"No {self.plural} yet")
        self.rows.set_rows(len(records), self._row, cursor=cursor, empty=empty)
        self.update_title()

    def _row(self, index: int) -> Content:
        return self._render_row(self.records[index], self.search_text)

    def update_title(self) -> None:
        """Border title: the pane's name and how many it lists (of how many, when filtered)."""
        shown = len(self.records)
        count = f"{shown}" if not self.search_text.strip() else f"{shown} of {self.total}"
        self.border_title = Content.assemble((self.pane_title, "bold"), " ", count, self.title_suffix())

    def title_suffix(self) -> Content:
        """What the title says after the count."""
        return Content("")

    @property
    def selected(self) -> RecordT | None:
        """The record under the cursor, if any."""
        if not self.records:
            return None
        return self.records[min(self.rows.cursor, len(self.records) - 1)]

    @property
    def selected_key(self) -> str | None:
        """The key of the record under the cursor, if any."""
        record = self.selected
        return record.key if record is not None else None

    def index_of(self, key: str) -> int | None:
        """Where the record with this key is listed, if it is."""
        return next((index for index, record in enumerate(self.records) if record.key == key), None)

    def select_key(self, key: str) -> bool:
        """Move the cursor to the record with this key; False when it is not listed."""
        index = self.index_of(key)
        if index is not None:
            self.rows.cursor = index
        return index is not None


class NamePane(RecordPane[NameT]):
    """People or organizations, each with their quote count in a column before the name (where the list is wide
    enough), in a chosen order."""

    def __init__(self, render_row: Callable[[NameT, str], Content], *, id: str) -> None:
        super().__init__(render_row, id=id)
        self.order = "name"
        self.counting = False
        """True once the snapshot's indexes are built, so that counting a row's quotes is quick."""
        self._given: Sequence[NameT] = ()

    def show(
        self, snapshot: Snapshot, records: Sequence[NameT], total: int, query: str, keep_key: str | None = None
    ) -> None:
        """List the records in the pane's order (the store gives them by name)."""
        self._given = records
        ready = self.counting or self.order not in COUNTED_ORDERS
        ordered = in_order(snapshot, records, self.order) if ready else records
        super().show(snapshot, ordered, total, query, keep_key)  # type: ignore[arg-type]

    def start_counting(self) -> None:
        """Show the quote counts (and sort by them) now that they are quick to find."""
        if self.snapshot is not None and not self.counting:
            self.counting = True
            self.show(self.snapshot, self._given, self.total, self.search_text, self.selected_key)

    def cycle_order(self) -> str:
        """Sort by the next order (name, surname, quotes, latest article), keeping the selected record."""
        self.order = next_order(self.kind, self.order)
        if self.snapshot is not None:
            self.show(self.snapshot, self._given, self.total, self.search_text, self.selected_key)
        return self.order

    def _row(self, index: int) -> Content:
        row = super()._row(index)
        if self.snapshot is None or self.rows.scrollable_content_region.width < COUNTS_FROM_WIDTH:
            return row
        width = len(str(len(self.snapshot.quotes)))
        count = str(quote_count(self.snapshot, self.records[index])) if self.counting else ""
        return Content.assemble((count.rjust(width), MUTED_STYLE), " ", row)

    def title_suffix(self) -> Content:
        if self.order == "name":
            return Content("")
        return Content.styled(f" \u00b7 {ORDER_LABELS[self.order]}", MUTED_STYLE)


class PeoplePane(NamePane[PersonRecord]):
    """Everyone the store knows, by name unless another order is chosen."""

    pane_title = "People"
    plural = "people"
    kind = "person"

    def __init__(self) -> None:
        super().__init__(person_row, id="people")


class OrganizationsPane(NamePane[OrganizationRecord]):
    """Every organization the store knows, by name unless another order is chosen."""

    pane_title = "Organizations"
    plural = "organizations"
    kind = "organization"

    def __init__(self) -> None:
        super().__init__(organization_row, id="organizations")


QUOTE_ORDERS = ("article", "date")
"""The orders the Quotes pane cycles through: as the store keeps them, then by their article's date."""
QUOTE_ORDER_LABELS = {"date": "by date, oldest first"}


class QuotesPane(RecordPane[QuoteRecord]):
    """Quotes in article order (or by date), filtered and highlighted by the search."""

    pane_title = "Quotes"
    plural = "quotes"
    kind = "quote"

    def __init__(self) -> None:
        super().__init__(quote_row, id="quotes")
        self.order = "article"
        self._given: Sequence[QuoteRecord] = ()

    def show(
        self, snapshot: Snapshot, records: Sequence[QuoteRecord], total: int, query: str, keep_key: str | None = None
    ) -> None:
        """List the quotes in the pane's order (the store gives them in article order)."""
        self._given = records
        if self.order != "article":
            if not isinstance(records, QuoteSelection):
                records = QuoteSelection(snapshot.quotes, list(range(len(records))))
            records = snapshot.sorted_quotes(records, self.order)
        super().show(snapshot, records, total, query, keep_key)

    def cycle_order(self) -> str:
        """Sort by the next order (article, date), keeping the selected quote."""
        self.order = QUOTE_ORDERS[(QUOTE_ORDERS.index(self.order) + 1) % len(QUOTE_ORDERS)]
        if self.snapshot is not None:
            self.show(self.snapshot, self._given, self.total, self.search_text, self.selected_key)
        return self.order

    def title_suffix(self) -> Content:
        label = QUOTE_ORDER_LABELS.get(self.order)
        return Content.styled(f" \u00b7 {label}", MUTED_STYLE) if label else Content("")

    def index_of(self, key: str) -> int | None:
        """Found through the store's key index, never by reading every listed quote."""
        position = self.snapshot.quote_position(key) if self.snapshot is not None else None
        if position is None:
            return None
        records = self.records
        if isinstance(records, QuoteSelection) and self.order != "article":
            return next((index for index, listed in enumerate(records.positions) if listed == position), None)
        if isinstance(records, QuoteSelection):
            index = bisect_left(records.positions, position)
            return index if index < len(records.positions) and records.positions[index] == position else None
        if position < len(records) and records[position].key == key:
            return position
        return super().index_of(key)


class ArticlesPane(RecordPane[ArticleRecord]):
    """Every stored article, as newsboat lists feeds' items: date, outlet, title, counts, path; in a chosen order."""

    pane_title = "Articles"
    plural = "articles"
    kind = "article"

    def __init__(self) -> None:
        super().__init__(lambda article, query: article_row(article, query, None, 0), id="articles")
        self.order = "stored"
        self.counts: dict[str, ArticleCounts] | None = None
        """Each article's counts by key, once a worker has made them."""
        self._given: Sequence[ArticleRecord] = ()

    def show(
        self, snapshot: Snapshot, records: Sequence[ArticleRecord], total: int, query: str, keep_key: str | None = None
    ) -> None:
        """List the articles in the pane's order (the store gives them in the order they were added)."""
        self._given = records
        super().show(snapshot, in_article_order(records, self.order), total, query, keep_key)

    def show_counts(self, snapshot: Snapshot, counts: dict[str, ArticleCounts]) -> None:
        """Take the counts a worker made for the snapshot on screen."""
        if snapshot is self.snapshot:
            self.counts = counts
            self.rows.refresh_rows()

    def cycle_order(self) -> str:
        """Sort by the next order (as stored, date, title, outlet), keeping the selected article."""
        self.order = ARTICLE_ORDERS[(ARTICLE_ORDERS.index(self.order) + 1) % len(ARTICLE_ORDERS)]
        if self.snapshot is not None:
            self.show(self.snapshot, self._given, self.total, self.search_text, self.selected_key)
        return self.order

    def _row(self, index: int) -> Content:
        article = self.records[index]
        counts = self.counts.get(article.key, ArticleCounts()) if self.counts is not None else None
        return article_row(article, self.search_text, counts, self.rows.scrollable_content_region.width)

    def title_suffix(self) -> Content:
        label = ARTICLE_ORDER_LABELS.get(self.order)
        return Content.styled(f" \u00b7 {label}", MUTED_STYLE) if label else Content("")
