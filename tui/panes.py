"""The browsing panes: People, Organizations, Quotes and Articles, each a titled virtual list of records."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.worker import get_current_worker

from store import ArticleRecord, OrganizationRecord, PersonRecord, QuoteRecord, Snapshot, parse_query, query_problem
from store.search import DATE_ORDERS
from store.snapshot import QuoteSelection
from tui.articles import (
    ARTICLE_ORDER_LABELS,
    ARTICLE_ORDERS,
    ArticleCounts,
    article_row,
    in_article_order,
    replacement_key,
)
from tui.row_list import RowList
from tui.safe_text import printable_line
from tui.sorting import (
    COUNTED_ORDERS,
    ORDER_LABELS,
    PANE_ORDERS,
    QUOTE_ORDERS,
    SHORT_LABELS,
    SORTED_AT_ONCE,
    SORTING,
    in_order,
    quote_count,
    sorted_at_once,
)
from tui.text import MUTED_STYLE, SPEAKER_COLUMN, cut, glyphs, organization_row, person_row, plain, quote_row
from tui.worker_pause import worker_cancelled_within

ORDER_SHOWN_AT_LEAST = 6
"""Columns a cut title must leave the order (" · " and two letters and an ellipsis), else it is left out."""

RecordT = TypeVar("RecordT", PersonRecord, OrganizationRecord, QuoteRecord, ArticleRecord)
NameT = TypeVar("NameT", PersonRecord, OrganizationRecord)

COUNTS_FROM_WIDTH = 28
"""A list narrower than this shows names without their quote counts: the name matters more than its count."""
COUNTS_BY_QUOTES_FROM_WIDTH = 12
"""A list sorted by quote count shows the counts down to this width: its order makes no sense without them."""
SORT_PAUSE = 0.25
"""Seconds a pane's sort waits before it starts, in case `s` is pressed again meanwhile for the next order: when
more keys came in the same burst, or the list is long enough for a sort to take seconds."""
SORTED_AFTER_A_PAUSE = 50_000
"""Records a pane sorts at once, off the UI thread, when no more keys are on their way (a fifth of a second at
most); a longer list waits SORT_PAUSE first."""
TITLE_MARGIN = 4
"""Columns of a pane's top border, inside its corners, that are not its title: a line and a space at each end."""
WIDEST_SPEAKER_COLUMN = 32
"""The Quotes pane's speaker column grows with the pane's width up to this many columns."""


def speaker_column(width: int) -> int:
    """Columns the Quotes pane gives each speaker's name at this pane width: a quarter of it, from 16 to 32."""
    return max(SPEAKER_COLUMN, min(WIDEST_SPEAKER_COLUMN, width // 4))


def compact_count(count: int) -> str:
    """A count short enough for a narrow pane's title: 36061 as "36k", 1204 as it is."""
    return str(count) if count < 10_000 else f"{count // 1000}k"



def ingest_command(snapshot: Snapshot) -> str:
    """The command that adds articles to this store: `whosaid ingest FILE`, with `--db PATH` when whosaid would
    otherwise ingest into another store (the one WHOSAID_DB names, or the user's)."""
    import shlex

    from store.location import resolve_store_path

    path = snapshot.summary().path
    if path is None or Path(path).absolute() == resolve_store_path(None).absolute():
        return "whosaid ingest FILE"
    return f"whosaid ingest --db {printable_line(shlex.quote(str(path)))} FILE"

class RecordPane(Vertical, Generic[RecordT]):
    """A bordered pane whose title counts its records, listing them in a virtual RowList."""

    pane_title = "Records"
    short_title = "Records"
    """The title where the pane is too narrow for the whole one."""
    plural = "records"
    kind = "record"
    orders: tuple[str, ...] = ()
    """The orders `s` cycles through, the first the default."""
    searched_once_indexed = False
    """Whether a search's records wait for a big store to be indexed (see `Snapshot.indexing`)."""

    def __init__(self, render_row: Callable[[RecordT, str], Content], *, id: str) -> None:
        super().__init__(id=id, classes="pane")
        self.records: Sequence[RecordT] = ()
        self.total = 0
        self.search_text = ""
        self._render_row = render_row
        self.rows = RowList(id=f"{id}-list")
        self.snapshot: Snapshot | None = None
        self.order = self.orders[0] if self.orders else ""
        """The order the records are listed in, one of `orders`."""
        self._given: Sequence[RecordT] = ()
        """The records as the store gave them, before the pane's order."""
        self.order_waits = False
        """True while the records are listed as given, not yet in the pane's order (see `_listed_in_order`)."""
        self.answer_waits = False
        """True while a search's records wait for the store to be read or indexed (see `searched_once_indexed`): its
        title says so rather than "0 of N"."""
        self.moves_wait_for_order = False
        """True while the keys typed with the `s` that asked for the pane's order (in one burst) wait for the records
        in that order to move the cursor (see `cycle_order`)."""

    class Sorted(Message):
        """A worker put the records a pane was given in its order (see `sort_in_background`)."""

        bubble = False

        def __init__(self, snapshot: Snapshot, given: Sequence[Any], order: str, ordered: Sequence[Any]) -> None:
            super().__init__()
            self.snapshot = snapshot
            self.given = given
            self.order = order
            self.ordered = ordered

    def compose(self) -> ComposeResult:
        yield self.rows

    def _in_order(self, snapshot: Snapshot, records: Sequence[RecordT], order: str) -> Sequence[RecordT]:
        """The records in `order`: each pane its own way (as given, here)."""
        return records

    def _listed_in_order(self, snapshot: Snapshot, records: Sequence[RecordT], at_once: bool) -> Sequence[RecordT]:
        """The records to list for the pane's order: put in it here when `at_once`; else as given, while a worker puts
        them in it (seconds for 200,000 people or a million quotes), the title saying the order is on its way."""
        self.order_waits = not at_once
        if at_once:
            return self._in_order(snapshot, records, self.order)
        key_order = getattr(self.app, "key_order", None)
        burst = key_order is not None and key_order.keys_to_come
        pause = SORT_PAUSE if burst or len(records) > SORTED_AFTER_A_PAUSE else 0.0
        self.sort_in_background(snapshot, self._given, records, self.order, pause)
        return records

    @work(thread=True, exclusive=True, group="sort", exit_on_error=False, description="sort a pane")
    def sort_in_background(
        self, snapshot: Snapshot, given: Sequence[RecordT], records: Sequence[RecordT], order: str, pause: float
    ) -> None:
        """Put the records in order off the UI thread. A newer order replaces this one: a pause first (`pause`
        seconds) lets `s` pressed several times in a row sort only the last order asked for."""
        worker = get_current_worker()
        if worker_cancelled_within(worker, pause):
            return
        ordered = self._in_order(snapshot, records, order)
        if not worker.is_cancelled:
            self.post_message(self.Sorted(snapshot, given, order, ordered))

    def on_record_pane_sorted(self, message: Sorted) -> None:
        if message.snapshot is self.snapshot and message.given is self._given and message.order == self.order:
            self.order_waits = False
            RecordPane.show(self, message.snapshot, message.ordered, self.total, self.search_text, self.selected_key)

    @property
    def given(self) -> Sequence[RecordT]:
        """The records as the store gave them, before the pane's order."""
        return self._given

    def show(
        self, snapshot: Snapshot, records: Sequence[RecordT], total: int, query: str, keep_key: str | None = None
    ) -> None:
        """List `records` (of `total` in the store), keeping the cursor on `keep_key` when still listed; in an order
        of its own, a cursor never moved stays on the top row (a saved order, applied once a big store's lists are
        read, shows the top of that order, not wherever the first name by name went)."""
        if not self.orders:
            self._given = records
        untouched = not self.rows.cursor_moved and self.rows.cursor == 0 and self.order not in self.orders[:1]
        at_top = untouched and keep_key is not None and keep_key == self.selected_key
        self.snapshot = snapshot
        self.records = records
        self.total = total
        self.search_text = query
        cursor = 0 if at_top else (self.index_of(keep_key) if keep_key is not None else None) or 0
        reading = bool(getattr(self.app, "reading_store", False))
        indexing = self.searched_once_indexed and snapshot.indexing
        searched = bool(query.strip())
        self.answer_waits = not records and ((reading and (searched or total > 0)) or (indexing and searched))
        marks = glyphs()
        if reading:
            empty = Content(f"Reading the store{marks.ellipsis}")
        elif self.answer_waits:
            empty = Content(f"Indexing the store{marks.ellipsis}")
        elif query.strip():
            problem = query_problem(parse_query(query))
            empty = plain(problem or f"No {self.plural} match {marks.open_quote}{query.strip()}{marks.close_quote}")
        elif self.plural == "quotes" and not snapshot.preview and not len(snapshot.articles):
            empty = plain(f"No quotes yet: add articles with {ingest_command(snapshot)}")  # the widest pane says how
        else:
            empty = Content(f"No {self.plural} yet")
        self.moves_wait_for_order = self.moves_wait_for_order and self.order_waits
        self.rows.waiting = self.answer_waits or self.moves_wait_for_order
        self.rows.set_rows(len(records), self._row, cursor=cursor, empty=empty)
        if at_top and records and self.selected_key != keep_key:
            self.rows.highlight_again()
        self.update_title()

    def _row(self, index: int) -> Content:
        return self._render_row(self.records[index], self.search_text)

    def update_title(self) -> None:
        """Border title: the pane's name, how many it lists (of how many, when filtered) and its order; shortened
        (Orgs, 3/12, "by date") before it is cut, with the app's ellipsis, to a pane laid out (a hidden one is titled
        again when it is shown, and so resized)."""
        shown = len(self.records)
        filtered = bool(self.search_text.strip()) or shown < self.total
        ellipsis = glyphs().ellipsis
        listed = ellipsis if self.answer_waits else str(shown)
        count = f"{listed} of {self.total}" if filtered else listed
        label = self.order_label()
        short_label = self.short_order_label(label)
        if label and self.order_waits:
            label, short_label = label + SORTING + ellipsis, short_label + ellipsis
        room = self.size.width - TITLE_MARGIN
        forms = [
            (self.pane_title, count, label),
            (self.short_title, count, label),
            (self.short_title, count, short_label),
            (self.short_title, f"{listed}/{self.total}" if filtered else count, short_label),
        ]
        if not self.size.width:  # a hidden pane, titled again when it is shown
            self.border_title = self.title_of(*forms[-1])
            return
        listed_compact = ellipsis if self.answer_waits else compact_count(shown)
        forms.append((self.short_title, f"{listed_compact}/{compact_count(self.total)}" if filtered else listed_compact,
                      short_label))
        if not filtered:
            forms.append((self.short_title, "", short_label))  # a search's count matters more than the order
        titles = [self.title_of(name, counted, order) for name, counted, order in forms]
        fitting = next((title for title in titles if title.cell_length <= room), None)
        if fitting is None:
            bare = self.title_of(self.short_title, forms[-1][1], "")
            too_little = room - bare.cell_length < ORDER_SHOWN_AT_LEAST  # "People 0/13k", not "People 0/13k · …"
            fitting = cut(bare if too_little else titles[-1], room)
        self.border_title = fitting

    @staticmethod
    def title_of(name: str, count: str, label: str) -> Content:
        """A title: the name in bold, the count, the order (when it is not the default) muted."""
        title = Content.assemble((name, "bold"), " ", count) if count else Content.styled(name, "bold")
        return Content.assemble(title, (f" {glyphs().separator} {label}", MUTED_STYLE)) if label else title

    def order_label(self) -> str:
        """What the title says of the order; nothing for the default one (`update_title` adds that it is on its
        way, while `order_waits`)."""
        return ""

    def short_order_label(self, label: str) -> str:
        """The shorter form of an order's label, for a title with no room for it whole."""
        return SHORT_LABELS.get(label, label)

    def on_resize(self) -> None:
        self.update_title()

    def set_order(self, order: str) -> None:
        """List in `order` (one of `orders`; another is ignored), keeping the selected record."""
        if order in self.orders and order != self.order:
            self.order = order
            if self.snapshot is not None:
                self.relist()

    def cycle_order(self) -> str:
        """Sort by the next of the pane's orders, keeping the selected record. The keys typed after it in one burst
        (`s j j j`) move the cursor in the new order: while a worker makes it, the list keeps their moves until the
        records come in it (see `RowList.waiting`), as the keys after any other key act once it has."""
        key_order = getattr(self.app, "key_order", None)
        self.moves_wait_for_order = key_order is not None and key_order.keys_to_come
        self.set_order(self.orders[(self.orders.index(self.order) + 1) % len(self.orders)])
        self.moves_wait_for_order = self.moves_wait_for_order and self.order_waits
        return self.order

    def relist(self) -> None:
        """List the records again, in the pane's order, keeping the selected one."""
        if self.snapshot is not None:
            self.show(self.snapshot, self._given, self.total, self.search_text, self.selected_key)

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
        self.counting = False
        """True once the snapshot's indexes are built, so that counting a row's quotes is quick."""

    def show(
        self, snapshot: Snapshot, records: Sequence[NameT], total: int, query: str, keep_key: str | None = None
    ) -> None:
        """List the records in the pane's order (the store gives them by name): an order by quotes or by latest
        article once the snapshot's indexes are built, a long list sorted in a worker."""
        self._given = records
        if self.counting or self.order not in COUNTED_ORDERS:
            records = self._listed_in_order(snapshot, records, sorted_at_once(snapshot, records, self.order))
        else:
            self.order_waits = True
        super().show(snapshot, records, total, query, keep_key)

    def _in_order(self, snapshot: Snapshot, records: Sequence[NameT], order: str) -> Sequence[NameT]:
        return in_order(snapshot, records, order)  # type: ignore[return-value]

    def index_of(self, key: str) -> int | None:
        if self.snapshot is not None:
            return self.snapshot.listed_index(self.records, key)  # type: ignore[arg-type]
        return super().index_of(key)

    def start_counting(self) -> None:
        """Show the quote counts (and sort by them) now that they are quick to find."""
        if self.snapshot is not None and not self.counting:
            self.counting = True
            self.show(self.snapshot, self._given, self.total, self.search_text, self.selected_key)

    def _row(self, index: int) -> Content:
        row = super()._row(index)
        narrowest = COUNTS_BY_QUOTES_FROM_WIDTH if self.order == "count" else COUNTS_FROM_WIDTH
        if self.snapshot is None or self.rows.scrollable_content_region.width < narrowest:
            return row
        width = len(str(len(self.snapshot.quotes)))
        count = str(quote_count(self.snapshot, self.records[index])) if self.counting else ""
        return Content.assemble((count.rjust(width), MUTED_STYLE), " ", row)

    def order_label(self) -> str:
        return "" if self.order == "name" else ORDER_LABELS[self.order]


class PeoplePane(NamePane[PersonRecord]):
    """Everyone the store knows, by name unless another order is chosen."""

    pane_title = "People"
    short_title = "People"
    plural = "people"
    kind = "person"
    orders = PANE_ORDERS["people"]

    def __init__(self) -> None:
        super().__init__(person_row, id="people")


class OrganizationsPane(NamePane[OrganizationRecord]):
    """Every organization the store knows, by name unless another order is chosen."""

    pane_title = "Organizations"
    short_title = "Orgs"
    plural = "organizations"
    kind = "organization"
    orders = PANE_ORDERS["organizations"]

    def __init__(self) -> None:
        super().__init__(organization_row, id="organizations")


QUOTE_ORDER_LABELS = {"date": "by date, oldest first", "newest": "by date, newest first"}
QUOTE_SHORT_LABELS = {"by date, oldest first": "oldest", "by date, newest first": "newest"}
"""The Quotes pane's short order labels: with two orders by date, "date" would not say which."""


class QuotesPane(RecordPane[QuoteRecord]):
    """Quotes in article order (or by date, oldest or newest first), filtered and highlighted by the search."""

    pane_title = "Quotes"
    short_title = "Quotes"
    plural = "quotes"
    kind = "quote"
    orders = QUOTE_ORDERS

    def __init__(self) -> None:
        super().__init__(quote_row, id="quotes")

    def show(
        self, snapshot: Snapshot, records: Sequence[QuoteRecord], total: int, query: str, keep_key: str | None = None
    ) -> None:
        """List the quotes in the pane's order (the store gives them in article order); whether `y` has a quote to copy
        may change with them."""
        self._given = records
        self.order_waits = False
        if self.order != "article" and snapshot.preview:
            records = ()  # a big store's first rows hold no articles to order them by
        elif self.order != "article":
            if not isinstance(records, QuoteSelection):
                records = QuoteSelection(snapshot.quotes, list(range(len(records))))
            at_once = len(records) <= SORTED_AT_ONCE and not snapshot.indexing  # indexing: articles still being read
            records = self._listed_in_order(snapshot, records, at_once)
        super().show(snapshot, records, total, query, keep_key)
        self.refresh_bindings()

    def _in_order(self, snapshot: Snapshot, records: Sequence[QuoteRecord], order: str) -> Sequence[QuoteRecord]:
        assert isinstance(records, QuoteSelection)
        return snapshot.sorted_quotes(records, order)

    def order_label(self) -> str:
        return QUOTE_ORDER_LABELS.get(self.order, "")

    def short_order_label(self, label: str) -> str:
        return QUOTE_SHORT_LABELS.get(label, super().short_order_label(label))

    def _row(self, index: int) -> Content:
        """The quote's row, its speaker column as wide as the pane's width allows."""
        column = speaker_column(self.rows.scrollable_content_region.width)
        quote = self.records[index]
        day = ""
        if self.order in DATE_ORDERS and self.snapshot is not None:
            article = self.snapshot.article(quote.article_key)
            day = article.sort_date if article is not None else ""  # the order shown: published, else ingested
        return quote_row(quote, self.search_text, column, day)

    def index_of(self, key: str) -> int | None:
        """Found where the cursor is when the quote is still listed there (a store read again lists its quotes
        in the same places), else through the store's key index, never by reading every listed quote."""
        cursor = self.rows.cursor
        if cursor is not None and cursor < len(self.records) and self.records[cursor].key == key:
            return cursor
        if self.snapshot is None or self.snapshot.indexing:
            return None  # a big store's quotes by key are known once it is indexed: not worth a wait for the cursor
        position = self.snapshot.quote_position(key)
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
    short_title = "Articles"
    plural = "articles"
    kind = "article"
    orders = ARTICLE_ORDERS
    searched_once_indexed = True

    def __init__(self) -> None:
        super().__init__(lambda article, query: article_row(article, query, None, 0), id="articles")
        self.counts: Mapping[str, ArticleCounts] | None = None
        """Each article's counts by key, once a worker has made them."""

    def show(
        self, snapshot: Snapshot, records: Sequence[ArticleRecord], total: int, query: str, keep_key: str | None = None
    ) -> None:
        """List the articles in the pane's order (the store gives them in the order they were added), keeping the
        cursor on the article it was on, also when an ingest replaced it (see `replacement_key`)."""
        if keep_key is not None:
            keep_key = replacement_key(self.snapshot, snapshot, keep_key)
        self._given = records
        at_once = self.order == self.orders[0] or len(records) <= SORTED_AT_ONCE
        super().show(snapshot, self._listed_in_order(snapshot, records, at_once), total, query, keep_key)

    def _in_order(self, snapshot: Snapshot, records: Sequence[ArticleRecord], order: str) -> Sequence[ArticleRecord]:
        return in_article_order(snapshot, records, order)

    def index_of(self, key: str) -> int | None:
        """Where the article with this key is listed, found from the keys of the listed articles' documents where
        the snapshot holds them (no record made of each article before it)."""
        keys = self.snapshot.article_keys(self.records) if self.snapshot is not None else None
        if keys is None:
            return super().index_of(key)
        return next((index for index, listed in enumerate(keys) if listed == key), None)

    def show_counts(self, snapshot: Snapshot, counts: Mapping[str, ArticleCounts]) -> None:
        """Take the counts a worker made for the snapshot on screen."""
        if snapshot is self.snapshot:
            self.counts = counts
            self.rows.refresh_rows()

    def _row(self, index: int) -> Content:
        article = self.records[index]
        counts = self.counts.get(article.key, ArticleCounts()) if self.counts is not None else None
        outlets = self.snapshot is None or self.snapshot.preview or self.snapshot.names_outlets
        return article_row(article, self.search_text, counts, self.rows.scrollable_content_region.width, outlets)

    def order_label(self) -> str:
        return ARTICLE_ORDER_LABELS.get(self.order, "")
