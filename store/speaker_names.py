"""Speakers' names found by key: the people's and organizations' positions by key, and their names by position
(kept apart from their documents, so that naming a speaker never parses a document that may list thousands of
appearances)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

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
        self._person_keys = person_keys
        self._organization_keys = organization_keys
        self.person_positions: dict[str, int] = {key: position for position, key in enumerate(person_keys)}
        """Where each person stands in `people`, by key."""
        self.organization_positions: dict[str, int] = {
            key: position for position, key in enumerate(organization_keys)
        }
        """Where each organization stands in `organizations`, by key."""

    def number_of(self, speaker: str) -> int | None:
        """A stored speaker's number: a person's position, or an organization's after every person's (None for a
        speaker this store does not hold)."""
        kind, _, key = speaker.partition(":")
        if kind == "person":
            return self.person_positions.get(key)
        if kind == "organization":
            position = self.organization_positions.get(key)
            return None if position is None else len(self.person_positions) + position
        return None

    def speaker_numbered(self, number: int) -> str:
        """The speaker id of a `number_of`."""
        people = len(self._person_keys)
        if number < people:
            return f"person:{self._person_keys[number]}"
        return f"organization:{self._organization_keys[number - people]}"

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
        """Every stored quote's speaker id (or None), by position (a `SpeakerColumn` over `names`: by number)."""
        self._names = names
        self._people = names.person_positions
        self._organizations = names.organization_positions
        self._others: dict[str, array] = {}
        self._runs = PositionRuns(len(self._people) + len(self._organizations), self._numbered(speakers))
        self._count: int | None = None

    def _numbered(self, speakers: Sequence[str | None]) -> Iterator[tuple[int, int]]:
        """Each quote's speaker's number and the quote's position, in position order."""
        if isinstance(speakers, SpeakerColumn) and speakers.names is self._names:
            stored = speakers.stored_count
            for position, code in enumerate(speakers.codes):
                if code:
                    if code <= stored:
                        yield code - 1, position
                    else:
                        self._others.setdefault(speakers[position], array("I")).append(position)  # type: ignore[arg-type]
            return
        for position, speaker in enumerate(speakers):
            if speaker:
                number = self._names.number_of(speaker)
                if number is None:
                    self._others.setdefault(speaker, array("I")).append(position)
                else:
                    yield number, position

    def __getitem__(self, speaker: str) -> Sequence[int]:
        number = self._names.number_of(speaker)
        if number is not None and self._runs.size_at(number):
            return self._runs.at(number)
        if number is None and speaker in self._others:
            return self._others[speaker]
        raise KeyError(speaker)

    def __contains__(self, speaker: object) -> bool:
        if not isinstance(speaker, str):
            return False
        number = self._names.number_of(speaker)
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


class SpeakerColumn(Sequence[str | None]):
    """Every stored quote's speaker id ("person:KEY", "organization:KEY") or None, by position, held as a number of
    four bytes (see `SpeakerNames.number_of`) instead of a reference to one of 336,000 strings at 100,000 articles;
    the few speakers the store does not hold, by a number past the stored ones."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = names
        """The speakers' names; a `SpeakerNames` numbers the stored speakers (any other mapping: none)."""
        self.codes = array("I")
        """Each quote's speaker: 0 for none, 1 + `SpeakerNames.number_of` for a stored one, past those an unstored
        speaker's, in `_others`."""
        self._numbers = names if isinstance(names, SpeakerNames) else None
        self.stored_count = len(names.person_positions) + len(names.organization_positions) if self._numbers else 0
        """How many codes name stored speakers."""
        self._others: list[str] = []
        self._other_codes: dict[str, int] = {}

    def append(self, speaker: str | None) -> None:
        """Add the next quote's speaker."""
        self.codes.append(self.code_of(speaker, add=True))  # type: ignore[arg-type]

    def code_of(self, speaker: str | None, add: bool = False) -> int | None:
        """A speaker's code (None for an unstored speaker never added, unless `add`)."""
        if not speaker:
            return 0
        number = self._numbers.number_of(speaker) if self._numbers is not None else None
        if number is not None:
            return number + 1
        code = self._other_codes.get(speaker)
        if code is None and add:
            self._others.append(speaker)
            code = self._other_codes[speaker] = self.stored_count + len(self._others)
        return code

    def codes_of(self, speakers: Iterable[str | None]) -> set[int]:
        """The codes of those of these speakers any quote has (a set to test `codes` against)."""
        return {code for code in map(self.code_of, speakers) if code is not None}

    def __len__(self) -> int:
        return len(self.codes)

    @overload
    def __getitem__(self, index: int) -> str | None: ...

    @overload
    def __getitem__(self, index: slice) -> list[str | None]: ...

    def __getitem__(self, index: int | slice) -> str | None | list[str | None]:
        if isinstance(index, slice):
            return [self._speaker(code) for code in self.codes[index]]
        return self._speaker(self.codes[index])

    def __iter__(self) -> Iterator[str | None]:
        return map(self._speaker, self.codes)

    def _speaker(self, code: int) -> str | None:
        if not code:
            return None
        if code <= self.stored_count:
            return self._numbers.speaker_numbered(code - 1)  # type: ignore[union-attr]
        return self._others[code - self.stored_count - 1]
