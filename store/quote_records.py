"""A snapshot's quotes as lazy sequences: a record is made from its document only when it is read."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from store.lazy_records import LazyRecords, Selection
from store.records import QuoteRecord, TextSource


class QuoteRecords(LazyRecords[QuoteRecord]):
    """The quotes of a snapshot in reading order; each record is made from its document when first read."""

    def __init__(
        self,
        documents: Sequence[dict[str, Any]],
        speaker_names: dict[str, str],
        text_source: TextSource,
    ) -> None:
        super().__init__(documents, partial(_quote_record, speaker_names=speaker_names, text_source=text_source))

    def texts(self) -> list[str]:
        """Every quote's text, by position."""
        return [document["text"] for document in self._documents]

    def article_keys(self) -> list[str]:
        """Every quote's article key, by position."""
        return [document["article"] for document in self._documents]

    def speakers(self) -> list[str | None]:
        """Every quote's speaker ("person:KEY", "organization:KEY") or None, by position."""
        return [document.get("speaker") for document in self._documents]


class QuoteSelection(Selection[QuoteRecord]):
    """Some of a snapshot's quotes, by position (in the Quotes pane, a search's results in reading order)."""


def _quote_record(
    doc: dict[str, Any], speaker_names: dict[str, str], text_source: TextSource
) -> QuoteRecord:
    """A quote document as a record, its speaker's key resolved to a name."""
    speaker_kind, _, speaker_key = (doc.get("speaker") or "").partition(":")
    start = doc["start"]
    return QuoteRecord(
        key=f"{doc['article']}:{start}",
        text=doc["text"],
        article_key=doc["article"],
        start=start,
        end=start + len(doc["text"]),
        paragraph=doc.get("paragraph", 0),
        speaker_key=speaker_key or None,
        speaker_name=speaker_names.get(doc["speaker"]) if speaker_key else None,
        speaker_kind=speaker_kind if speaker_key else None,
        text_source=text_source,
    )
