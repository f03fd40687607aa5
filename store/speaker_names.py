"""Speakers' names found by key: the people's and organizations' positions by key, and their names by position
(kept apart from their documents, so that naming a speaker never parses a document that may list thousands of
appearances)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from store.packed import PackedDocuments


class SpeakerNames(Mapping[str, str]):
    """Each speaker id's name ("person:KEY", "organization:KEY"): the people in their listed order, then the
    organizations; the positions by key are the snapshot's lookups of people and organizations too."""

    def __init__(self, people: Sequence[Mapping[str, Any]], organizations: Sequence[Mapping[str, Any]]) -> None:
        """The people's and organizations' documents, in their listed order (packed ones give their keys and
        names as they were sorted, so none is parsed again here)."""
        person_keys, self._person_names = _keys_and_names(people)
        organization_keys, self._organization_names = _keys_and_names(organizations)
        self.person_positions: dict[str, int] = {key: position for position, key in enumerate(person_keys)}
        """Where each person stands in `people`, by key."""
        self.organization_positions: dict[str, int] = {
            key: position for position, key in enumerate(organization_keys)
        }
        """Where each organization stands in `organizations`, by key."""

    def __getitem__(self, speaker: str) -> str:
        kind, _, key = speaker.partition(":")
        if kind == "person":
            position = self.person_positions.get(key)
            if position is not None:
                return self._person_names[position]
        elif kind == "organization":
            position = self.organization_positions.get(key)
            if position is not None:
                return self._organization_names[position]
        raise KeyError(speaker)

    def __iter__(self) -> Iterator[str]:
        yield from (f"person:{key}" for key in self.person_positions)
        yield from (f"organization:{key}" for key in self.organization_positions)

    def __len__(self) -> int:
        return len(self.person_positions) + len(self.organization_positions)


def _keys_and_names(documents: Sequence[Mapping[str, Any]]) -> tuple[Sequence[str], Sequence[str]]:
    """Each document's key and name, in order."""
    if isinstance(documents, PackedDocuments) and len(documents.keys) == len(documents):
        return documents.keys, documents.names
    return [document["key"] for document in documents], [document["name"] for document in documents]
