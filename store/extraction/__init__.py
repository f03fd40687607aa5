"""Rule-based extraction of people, organizations and quotes from plain English news text."""

from store.model import Extraction


def extract(text: str) -> Extraction:
    """Return what the article says: its title, people, organizations and quotes."""
    return Extraction(title="")
