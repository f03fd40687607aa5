"""Speakers' names found by key: the people's and organizations' positions by key, and their names by position
(kept apart from their documents, so that naming a speaker never parses a document that may list thousands of
appearances)."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from store.packed import PackedDocuments
from store.position_runs import PositionRuns


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


class SpeakerPositions(Mapping[str, Sequence[int]]):
    """Each speaker's quote positions ("person:KEY", "organization:KEY" to ascending positions), held as runs of one
    array numbered as `SpeakerNames` numbers the people, then the organizations, instead of a dictionary of an array
    for each speaker (336,000 of them at 100,000 articles, about a hundred bytes each); the speakers of quotes whose
    person or organization is not stored, in a dictionary of their own."""

    def __init__(self, speakers: Sequence[str | None], names: SpeakerNames) -> None:
        """Every stored quote's speaker id (or None), by position."""
        self._people = names.person_positions
        self._organizations = names.organization_positions
        self._others: dict[str, array] = {}
        self._runs = PositionRuns(len(self._people) + len(self._organizations), self._numbered(speakers))
        self._count: int | None = None

    def _numbered(self, speakers: Sequence[str | None]) -> Iterator[tuple[int, int]]:
        """Each quote's speaker's number and the quote's position, in position order."""
        for position, speaker in enumerate(speakers):
            if speaker:
                number = self._number(speaker)
                if number is None:
                    self._others.setdefault(speaker, array("I")).append(position)
                else:
                    yield number, position

    def _number(self, speaker: str) -> int | None:
        """A speaker's number: a person's position, or an organization's after every person's."""
        kind, _, key = speaker.partition(":")
        if kind == "person":
            return self._people.get(key)
        if kind == "organization":
            position = self._organizations.get(key)
            return None if position is None else len(self._people) + position
        return None

    def __getitem__(self, speaker: str) -> Sequence[int]:
        number = self._number(speaker)
        if number is not None and self._runs.size_at(number):
            return self._runs.at(number)
        if number is None and speaker in self._others:
            return self._others[speaker]
        raise KeyError(speaker)

    def __contains__(self, speaker: object) -> bool:
        if not isinstance(speaker, str):
            return False
        number = self._number(speaker)
        return bool(self._runs.size_at(number)) if number is not None else speaker in self._others

    def __iter__(self) -> Iterator[str]:
        size_at = self._runs.size_at
        yield from (f"person:{key}" for key, number in self._people.items() if size_at(number))
        start = len(self._people)
        yield from (f"organization:{key}" for key, number in self._organizations.items() if size_at(start + number))
        yield from self._others

    def __len__(self) -> int:
        if self._count is None:
            self._count = sum(1 for _ in self)
        return self._count
