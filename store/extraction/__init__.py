"""Rule-based extraction of people, organizations and quotes from plain English news text."""

from __future__ import annotations

from store.extraction.attribution import Attributor
from store.extraction.document import read
from store.extraction.entities import find_entities
from store.extraction.roles import assign_roles
from store.extraction.title import find_title
from store.model import Extraction, Organization, Person, Quote

__all__ = ["extract"]


def extract(text: str) -> Extraction:
    """Return what the article says: its title, people, organizations and quotes with their speakers."""
    if not isinstance(text, str) or not text.strip():
        return Extraction(title="")
    try:
        return _extract(text)
    except RecursionError:
        return Extraction(title="")


def _extract(text: str) -> Extraction:
    """Read the article, find its entities and roles, then attribute its quotes."""
    document = read(text)
    found = find_entities(document)
    assign_roles(document, found)
    attributed = Attributor(document, found).attribute(document.quotes)
    entities = found.registry.entities
    in_order = sorted(entities, key=lambda e: e.first)
    people = tuple(
        Person(e.name, tuple(e.aliases), e.role, e.organization) for e in in_order if e.kind == "person"
    )
    organizations = tuple(Organization(e.name, tuple(e.aliases)) for e in in_order if e.kind == "org")
    quotes = tuple(
        Quote(text[a.span.start:a.span.end], entities[a.speaker].name if a.speaker is not None else None,
              a.span.start, a.span.end, a.span.paragraph)
        for a in attributed
    )
    return Extraction(find_title(document), people, organizations, quotes)
