"""Small lookups the store's Snapshot does not offer, computed once per snapshot."""

from __future__ import annotations

from store import QuoteRecord, Snapshot

_quote_index: tuple[Snapshot | None, dict[str, int]] = (None, {})


def quote_position(snapshot: Snapshot, key: str) -> int | None:
    """Index of the quote with this key in `snapshot.quotes`."""
    global _quote_index
    if _quote_index[0] is not snapshot:
        _quote_index = (snapshot, {quote.key: i for i, quote in enumerate(snapshot.quotes)})
    return _quote_index[1].get(key)


def quote_by_key(snapshot: Snapshot, key: str) -> QuoteRecord | None:
    """The quote with this key, if the snapshot holds it."""
    position = quote_position(snapshot, key)
    return None if position is None else snapshot.quotes[position]


def speaker_line(snapshot: Snapshot, quote: QuoteRecord) -> str:
    """Who said a quote, with their role and organization in that article: 'Name, role, organization'."""
    if quote.speaker_kind == "person" and quote.speaker_key:
        person = snapshot.person(quote.speaker_key)
        if person is not None:
            appearance = next((a for a in person.appearances if a.article_key == quote.article_key), None)
            parts = [person.name]
            if appearance is not None:
                parts += [part for part in (appearance.role, appearance.organization) if part]
            return ", ".join(parts)
    return quote.speaker_name or "unattributed"
