"""The first people and organizations by name, kept by the writer, so that a big store's browser fills its panes
before it has read (and sorted) every name.

A front page holds the first FRONT_ROWS documents of a table in name order (folded name, then key), each cut down
to what a listed row shows. It is always a prefix of the whole order: a new document joins it only when it sorts
before its last entry, or when the page holds the whole table; a removed one leaves a shorter prefix, and a page
left shorter than FRONT_REFILL (while the table holds more) is built again from the table.
"""

from __future__ import annotations

import heapq
from bisect import insort
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from store.keys import fold

FRONT_ROWS = 256
"""Documents a front page holds: more than any terminal shows in a pane."""
FRONT_REFILL = 128
"""A front page that removals left shorter than this is built again from its table (when the table holds more)."""
FRONT_QUOTES = 256
"""The first quotes whose speakers' names are kept with the front pages: a Quotes pane's first rows."""
FRONT_TABLES = ("people", "organizations")

FrontEntry = tuple[str, str, dict[str, Any]]
"""A front page's entry: the folded name, the key, and the document as a row shows it (see `row_document`)."""


def row_document(table: str, document: Mapping[str, Any]) -> dict[str, Any]:
    """What a listed row shows of a person's or organization's document: the key and names, and a person's first
    appearance with a role (or first appearance); never the whole list of appearances, which may be thousands."""
    row = {"key": document["key"], "name": document["name"], "aliases": list(document.get("aliases", ()))}
    if table == "people":
        appearances = document.get("appearances", ())
        first = next((a for a in appearances if a.get("role")), appearances[0] if appearances else None)
        row["appearances"] = [dict(first)] if first is not None else []
    else:
        row["articles"] = []
    return row


def is_row(table: str, row: object) -> bool:
    """Whether a stored front page's row has the shape `row_document` gives it (a damaged manifest may say
    anything: a row that is not one must not reach the screen)."""
    if not isinstance(row, dict) or not isinstance(row.get("key"), str) or not isinstance(row.get("name"), str):
        return False
    aliases = row.get("aliases")
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        return False
    if table != "people":
        return row.get("articles") == []
    appearances = row.get("appearances")
    return isinstance(appearances, list) and len(appearances) <= 1 and all(
        isinstance(appearance, dict)
        and isinstance(appearance.get("article"), str)
        and all(isinstance(appearance.get(field), (str, type(None))) for field in ("role", "organization"))
        for appearance in appearances
    )


def entry_of(table: str, document: Mapping[str, Any]) -> FrontEntry:
    """A document's front page entry."""
    return (fold(document["name"]), document["key"], row_document(table, document))


@dataclass
class FrontPage:
    """A table's first documents in name order (see the module's docstring)."""

    entries: list[FrontEntry] = field(default_factory=list)
    whole: bool = True
    """True when the page holds every document of its table."""

    @classmethod
    def built(cls, table: str, documents: Iterable[Mapping[str, Any]]) -> FrontPage:
        """The front page of a table holding `documents`."""
        collector = FrontCollector(table)
        for document in documents:
            collector.add(document)
        return collector.page()

    def changed(self, table: str, written: Iterable[Mapping[str, Any]], gone: Iterable[str]) -> None:
        """Take a write's documents (new or changed) and the keys of those it removed."""
        written = list(written)
        # every document of the table outside the page sorts after `bound`
        bound = self.entries[-1][:2] if self.entries and not self.whole else None
        dropped = set(gone) | {document["key"] for document in written}
        if dropped:
            self.entries = [entry for entry in self.entries if entry[1] not in dropped]
        for document in written:
            entry = entry_of(table, document)
            if bound is None or entry[:2] <= bound:
                insort(self.entries, entry, key=_order)
        if len(self.entries) > FRONT_ROWS:
            del self.entries[FRONT_ROWS:]
            self.whole = False

    @property
    def short(self) -> bool:
        """True when removals left too few entries to fill a pane while the table holds more."""
        return not self.whole and len(self.entries) < FRONT_REFILL

    def stored(self) -> dict[str, Any]:
        """The page as the manifest's lookups keep it."""
        return {"whole": self.whole, "rows": [document for _folded, _key, document in self.entries]}

    @classmethod
    def from_stored(cls, table: str, value: object) -> FrontPage | None:
        """The page as stored (see `stored`); None when it is not one."""
        if not isinstance(value, dict) or not isinstance(value.get("rows"), list):
            return None
        rows = value["rows"]
        if not all(is_row(table, row) for row in rows):
            return None
        entries = [entry_of(table, document) for document in rows]
        if any(earlier[:2] >= later[:2] for earlier, later in pairwise(entries)):
            return None
        return cls(entries, whole=bool(value.get("whole")))


class FrontCollector:
    """Builds a table's front page from its documents one at a time, holding a few pages' worth of entries."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.count = 0
        self._entries: list[FrontEntry] = []

    def add(self, document: Mapping[str, Any]) -> None:
        """Take one more document of the table."""
        self.count += 1
        self._entries.append(entry_of(self.table, document))
        if len(self._entries) >= 4 * FRONT_ROWS:
            self._entries = heapq.nsmallest(FRONT_ROWS, self._entries, key=_order)

    def page(self) -> FrontPage:
        """The front page of the documents taken."""
        return FrontPage(heapq.nsmallest(FRONT_ROWS, self._entries, key=_order), whole=self.count <= FRONT_ROWS)


def _order(entry: FrontEntry) -> tuple[str, str]:
    return entry[0], entry[1]


def stored_front_pages(value: object) -> dict[str, FrontPage] | None:
    """The front pages of the manifest's lookups entry; None when it holds none, or they are damaged."""
    if not isinstance(value, dict):
        return None
    pages = {table: FrontPage.from_stored(table, value.get(table)) for table in FRONT_TABLES}
    if any(page is None for page in pages.values()):
        return None
    return pages  # type: ignore[return-value]


def stored_front_speakers(value: object) -> dict[str, str] | None:
    """The names of the first quotes' speakers as the manifest's lookups entry keeps them; None when it does not."""
    speakers = value.get("speakers") if isinstance(value, dict) else None
    if not isinstance(speakers, dict) or not all(isinstance(name, str) for name in speakers.values()):
        return None
    return {str(speaker): name for speaker, name in speakers.items()}


def stored_fronts(pages: Mapping[str, FrontPage], speakers: Mapping[str, str] | None) -> dict[str, Any]:
    """The front pages and the first quotes' speakers' names, as the manifest's lookups entry keeps them."""
    stored: dict[str, Any] = {table: page.stored() for table, page in pages.items()}
    if speakers is not None:
        stored["speakers"] = dict(speakers)
    return stored
