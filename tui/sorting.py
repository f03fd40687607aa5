"""Orders each pane can be sorted in (the key `s` cycles them), and each name's quote count."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from store import OrganizationRecord, PersonRecord, Snapshot, fold
from tui.articles import ARTICLE_ORDERS

NameRecord = PersonRecord | OrganizationRecord

COUNTED_ORDERS = ("count", "latest")
"""Orders that read the snapshot's indexes: used once they are built, never while the first screen waits."""

SORTED_AT_ONCE = 2_000
"""The most names a pane sorts by a counted order on the thread that draws the screen (a few milliseconds); more are
sorted in a worker, the pane saying so meanwhile."""

SORTING = ", sorting"
"""What a pane's title adds to its order's label, with an ellipsis, while the names are not yet listed in it."""

ORDER_LABELS = {"name": "by name", "surname": "by surname", "count": "by quotes", "latest": "by latest article"}

QUOTE_ORDERS = ("article", "date", "newest")
"""The orders the Quotes pane cycles through: as the store keeps them, then by their article's date, oldest first and
newest first (a day's quotes in the order their articles were added, each article's in reading order)."""

PANE_ORDERS: dict[str, tuple[str, ...]] = {
    "people": ("name", "surname", "count", "latest"),
    "organizations": ("name", "count", "latest"),
    "quotes": QUOTE_ORDERS,
    "articles": ARTICLE_ORDERS,
}
"""The orders each pane cycles through, by pane name; the first is the store's own. The config file's [sort]
table may name any of them."""

SHORT_LABELS = {
    "by surname": "surname",
    "by quotes": "quotes",
    "by latest article": "latest",
    "by date, oldest first": "date",
    "by date, newest first": "date",
    "by title": "title",
    "by outlet": "outlet",
}
"""Shorter forms of order labels, for a pane title that has no room for the long ones."""


def quote_count(snapshot: Snapshot, record: NameRecord) -> int:
    """How many quotes the detail lists for a person, or for an organization (its own and those said for it)."""
    return snapshot.quote_count("person" if isinstance(record, PersonRecord) else "organization", record.key)


def latest_article(snapshot: Snapshot, record: NameRecord) -> int:
    """Where the newest article naming the record stands among the articles from oldest to newest, by the day each
    is ordered by (-1 when none is stored)."""
    if isinstance(record, PersonRecord):
        keys: Sequence[str] = [appearance.article_key for appearance in record.appearances]
    else:
        keys = record.article_keys
    return snapshot.newest_article_rank(keys)


def _name(record: NameRecord) -> str:
    return fold(record.name)


def _surname(record: NameRecord) -> tuple[str, str]:
    words = record.name.split()
    return (fold(words[-1]) if words else "", fold(record.name))


def sort_key(snapshot: Snapshot, order: str) -> Callable[[NameRecord], Any]:
    """The key that sorts records in `order`: counts and dates biggest and newest first, then by name."""
    if order == "surname":
        return _surname
    if order == "count":
        return lambda record: (-quote_count(snapshot, record), _name(record))
    if order == "latest":
        return lambda record: (-latest_article(snapshot, record), _name(record))
    return _name


def in_order(snapshot: Snapshot, records: Sequence[NameRecord], order: str) -> Sequence[NameRecord]:
    """The records in `order`; as given (the store keeps them by name) for the name order. All the people are
    sorted by the store, which makes no record to do it."""
    if order == "name":
        return records
    if snapshot.preview:
        return ()
    if records is snapshot.people:
        return snapshot.people_in_order(order)
    if records is snapshot.organizations:
        return snapshot.organizations_in_order(order)
    selected = snapshot.selection_in_order(records, order) if len(records) > SORTED_AT_ONCE else None
    if selected is not None:
        return selected
    return sorted(records, key=sort_key(snapshot, order))


def sorted_at_once(snapshot: Snapshot, records: Sequence[NameRecord], order: str) -> bool:
    """Whether `in_order` answers without a wait: the name order, an order the snapshot made already of all its
    people or organizations, or a list short enough to sort in a frame's time."""
    if order == "name" or snapshot.preview or len(records) <= SORTED_AT_ONCE:
        return True
    if records is snapshot.people:
        return snapshot.knows_order("people", order)
    return records is snapshot.organizations and snapshot.knows_order("organizations", order)
