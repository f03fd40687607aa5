"""Small lookups the store's Snapshot does not offer."""

from __future__ import annotations

from store import QuoteRecord, Snapshot


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
