"""A listing of most of a big store's quotes, in stored order, read from the quote files one after another: the
people and articles are read whole once, each quote file is parsed when the listing reaches it and dropped a few
files later, and only the speakers who may have copies of a quote are grouped. Reading the store whole instead held
every quote at once (1.8 GB at 100,000 articles) and grouped every speaker's quotes before the first line."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from store.errors import CHANGED_WHILE_READ, StoreError
from store.keyed_index import KeyedStore
from store.quote_groups import QuoteGroups
from store.storage import SegmentedDocuments, TableFileMissing

STREAMED_BATCH = 4_096
"""Found positions whose speakers who may have copies are grouped at once (see `QuoteGroups.group_speakers`)."""


class StreamedQuotes(Sequence[Mapping[str, Any]]):
    """The stored quotes by position: those in a quote file parsed now, or at or past the furthest read, from their
    files, parsed in turn (the store keeps the last few parsed); any other (a copy printed by an earlier article)
    cut from its file."""

    def __init__(self, store: KeyedStore) -> None:
        self._store = store
        self._files = store.quotes
        self._parsed_at: Callable[[int], Mapping[str, Any] | None] = (
            self._files.parsed_at if isinstance(self._files, SegmentedDocuments) else self._files.__getitem__
        )
        self._furthest = 0

    def __len__(self) -> int:
        return len(self._files)

    def __getitem__(self, position: int) -> Mapping[str, Any]:  # type: ignore[override]
        found = self._parsed_at(position)
        if found is not None:
            return found
        try:
            if position >= self._furthest:
                self._furthest = position
                return self._files[position]
            return self._store.quote(position)
        except TableFileMissing:
            raise StoreError(CHANGED_WHILE_READ) from None


class StreamedGroups:
    """Which found quotes a streamed listing lists, and each one's copies: a speaker the writer marked as having
    their quotes all apart (see `store.quote_groups.QUOTES_APART`) is never grouped; any other is, through the
    store's groups read by key."""

    def __init__(self, store: KeyedStore, quotes: Sequence[Mapping[str, Any]]) -> None:
        self._quotes = quotes
        self._groups: QuoteGroups = store.groups()
        self._quotes_apart = store.quotes_apart
        self._grouped: dict[str | None, bool] = {None: False, "": False}
        """By speaker id: whether their quotes may have copies (told once each)."""
        self._may_have_copies: set[int] = set()
        """The positions `entries_after` went through whose speakers may have copies."""
        self._through = -1
        """The last position `entries_after` went through."""

    def members_of(self, position: int) -> Sequence[int]:
        """The stored positions of the copies of the quote at `position` (itself included), ascending."""
        if position in self._may_have_copies:
            return self._groups.members_of(position)
        if position <= self._through:
            return (position,)
        return self._groups.members_of(position) if self._grouped_speaker(position) else (position,)

    def _grouped_speaker(self, position: int) -> bool:
        """Whether the speaker of the quote at `position` may have copies of it."""
        speaker = self._quotes[position].get("speaker")
        grouped = self._grouped.get(speaker)
        if grouped is None:
            grouped = self._grouped[speaker] = not self._quotes_apart(speaker)  # type: ignore[arg-type]
        return grouped

    def entries_after(self, found: Sequence[int], after: int, before: int | None = None) -> Iterator[int]:
        """The entries among `found` (ascending) past position `after` (and before position `before`), as
        `QuoteGroups.entries_in_order` lists them: each group once, told against every found position."""
        matched = cache(lambda: set(found))
        quotes, groups = self._quotes, self._groups
        start = bisect_right(found, after)
        end = len(found) if before is None else bisect_left(found, before)
        while start < end:
            batch = found[start : min(start + STREAMED_BATCH, end)]
            start += STREAMED_BATCH
            may_have_copies = [position for position in batch if self._grouped_speaker(position)]
            if may_have_copies:
                self._may_have_copies.update(may_have_copies)
                groups.group_speakers(dict.fromkeys(quotes[position].get("speaker") for position in may_have_copies))
            self._through = batch[-1]
            if not may_have_copies:
                yield from batch
                continue
            for position in batch:
                if position not in self._may_have_copies or groups.listed_among(position, matched):
                    yield position


def streamed_listing(store: KeyedStore) -> tuple[StreamedQuotes, StreamedGroups]:
    """The quotes and groups a streamed listing of `store` prints from, its people and articles read whole when
    first asked for."""
    store.read_whole_when_asked("people", "articles")
    quotes = StreamedQuotes(store)
    return quotes, StreamedGroups(store, quotes)
