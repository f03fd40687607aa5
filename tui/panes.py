"""The browsing panes: People, Organizations and Quotes, each a titled virtual list of records."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content

from store import OrganizationRecord, PersonRecord, QuoteRecord, Snapshot
from store.snapshot import QuoteSelection
from tui.row_list import RowList
from tui.text import organization_row, person_row, plain, quote_row

RecordT = TypeVar("RecordT", PersonRecord, OrganizationRecord, QuoteRecord)


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
        self.border_title = Content.assemble((self.pane_title, "bold"), " ", count)

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


class PeoplePane(RecordPane[PersonRecord]):
    """Everyone the store knows, by name."""

    pane_title = "People"
    plural = "people"
    kind = "person"

    def __init__(self) -> None:
        super().__init__(person_row, id="people")


class OrganizationsPane(RecordPane[OrganizationRecord]):
    """Every organization the store knows, by name."""

    pane_title = "Organizations"
    plural = "organizations"
    kind = "organization"

    def __init__(self) -> None:
        super().__init__(organization_row, id="organizations")


class QuotesPane(RecordPane[QuoteRecord]):
    """Quotes in article order, filtered and highlighted by the search."""

    pane_title = "Quotes"
    plural = "quotes"
    kind = "quote"

    def __init__(self) -> None:
        super().__init__(quote_row, id="quotes")

    def index_of(self, key: str) -> int | None:
        """Found through the store's key index, never by reading every listed quote."""
        position = self.snapshot.quote_position(key) if self.snapshot is not None else None
        if position is None:
            return None
        records = self.records
        if isinstance(records, QuoteSelection):
            index = bisect_left(records.positions, position)
            return index if index < len(records.positions) and records.positions[index] == position else None
        if position < len(records) and records[position].key == key:
            return position
        return super().index_of(key)
