"""Speakers' names found by key in the people's and organizations' documents: no second copy of every name and key
held for the quotes to name their speakers."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any


class SpeakerNames(Mapping[str, str]):
    """Each speaker id's name ("person:KEY", "organization:KEY"): the people in their listed order, then the
    organizations; the positions by key are the snapshot's lookups of people and organizations too."""

    def __init__(
        self,
        people: Sequence[Mapping[str, Any]],
        organizations: Sequence[Mapping[str, Any]],
        person_keys: Sequence[str] = (),
        organization_keys: Sequence[str] = (),
    ) -> None:
        """The people's and organizations' documents; the keys of each, in order, when already known (else read
        from the documents)."""
        self._people = people
        self._organizations = organizations
        keys = person_keys or [document["key"] for document in people]
        self.person_positions: dict[str, int] = {key: position for position, key in enumerate(keys)}
        """Where each person stands in `people`, by key."""
        keys = organization_keys or [document["key"] for document in organizations]
        self.organization_positions: dict[str, int] = {key: position for position, key in enumerate(keys)}
        """Where each organization stands in `organizations`, by key."""

    def __getitem__(self, speaker: str) -> str:
        kind, _, key = speaker.partition(":")
        if kind == "person":
            position = self.person_positions.get(key)
            if position is not None:
                return self._people[position]["name"]
        elif kind == "organization":
            position = self.organization_positions.get(key)
            if position is not None:
                return self._organizations[position]["name"]
        raise KeyError(speaker)

    def __iter__(self) -> Iterator[str]:
        yield from (f"person:{key}" for key in self.person_positions)
        yield from (f"organization:{key}" for key in self.organization_positions)

    def __len__(self) -> int:
        return len(self.person_positions) + len(self.organization_positions)
