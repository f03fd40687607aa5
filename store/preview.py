"""A big store's first screen, read in milliseconds: the first people and organizations by name and the first
quotes, from the pages its writer keeps (see `store.front_pages`), with the whole store's counts.

Reading a whole store of 100,000 articles takes seconds, most of them sorting 300,000 names; a browser shows this
preview meanwhile, then the whole snapshot."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from store import front_pages
from store.database import opens_quickly
from store.extractor_version import installed_extractor_version, older_than
from store.front_pages import stored_front_pages, stored_front_speakers
from store.records import StoreSummary
from store.schema import read_tables
from store.snapshot import Snapshot, extractor_counts
from store.storage import Tables


def preview_snapshot(path: Path) -> Snapshot | None:
    """The store's first rows as a preview snapshot (see `Snapshot.preview`); None when its writer kept no pages
    for this version of it (a store written by an earlier whosaid, or kept whole in its manifest), or when the
    store opens whole as quickly."""
    tables = read_tables(path)
    if not isinstance(tables, Tables) or tables.changed or opens_quickly(tables):
        return None
    entry = tables.stored_lookups
    if not isinstance(entry, dict) or entry.get("generation") != tables.generation:
        return None
    pages = stored_front_pages(entry.get("front"))
    if pages is None:
        return None
    stored_quotes = tables.documents("quotes", parts_kept=1)
    first_quotes = [stored_quotes[position] for position in range(min(len(stored_quotes), front_pages.FRONT_QUOTES))]
    speakers = stored_front_speakers(entry.get("front"))
    articles = tables.document_count("articles")
    counts = StoreSummary(
        str(path),
        articles,
        tables.document_count("people"),
        tables.document_count("organizations"),
        tables.document_count("quotes"),
        older_than(extractor_counts(tables, articles), installed_extractor_version()),
    )
    tree = {
        "people": {row["key"]: row for _folded, _key, row in pages["people"].entries},
        "organizations": {row["key"]: row for _folded, _key, row in pages["organizations"].entries},
        "quotes": {str(position): document for position, document in enumerate(first_quotes)},
    }
    named = speakers if speakers is not None else NamesByKey(tables)
    return Snapshot.build(tree, str(path), preview_counts=counts, speakers_named=named)


class NamesByKey(Mapping[str, str]):
    """Speakers' names read one by one from where the writer's lookups say their documents stand: for a preview
    of a store whose last write removed quotes, so that the first quotes' speakers were not kept."""

    def __init__(self, tables: Tables) -> None:
        from store.keyed_index import LookupLines

        self._tables = tables
        self._lookups = LookupLines.of(tables)
        self._names: dict[str, str | None] = {}

    def __getitem__(self, speaker: str) -> str:
        if speaker not in self._names:
            self._names[speaker] = self._name_of(speaker)
        name = self._names[speaker]
        if name is None:
            raise KeyError(speaker)
        return name

    def _name_of(self, speaker: str) -> str | None:
        kind, _, key = speaker.partition(":")
        if self._lookups is None or kind not in ("person", "organization"):
            return None
        table = "people" if kind == "person" else "organizations"
        packed = self._lookups.place(kind[0], key)
        if packed is None or packed >> 32 >= len(self._tables.files.get(table, [])):
            return None
        document = self._tables.document_at(table, packed >> 32, str(packed & 0xFFFFFFFF))[0]
        return str(document["name"]) if document.get("key") == key else None

    def __iter__(self) -> Iterator[str]:
        return iter(speaker for speaker, name in self._names.items() if name is not None)

    def __len__(self) -> int:
        return sum(name is not None for name in self._names.values())
