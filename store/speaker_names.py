"""Speakers' names found by key: the people's and organizations' positions by key, and their names by position
(kept apart from their documents, so that naming a speaker never parses a document that may list thousands of
appearances)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from store.key_positions import KeyPositions
from store.numbered_column import NumberedColumn
from store.packed import PackedDocuments
from store.position_runs import PositionRuns
from store.quote_groups import QUOTES_APART


class SpeakerNames(Mapping[str, str]):
    """Each speaker id's name ("person:KEY", "organization:KEY"): the people in their listed order, then the
    organizations; the positions by key are the snapshot's lookups of people and organizations too."""

    def __init__(
        self, people: Sequence[Mapping[str, Any]], organizations: Sequence[Mapping[str, Any]], compact: bool = True
    ) -> None:
        """The people's and organizations' documents, in their listed order (packed ones give their keys and
        names as they were sorted, so none is parsed again here); positions by key `compact` (see `KeyPositions`),
        else in dictionaries, several times quicker to look up, for a command that reads the store once."""
        person_keys, self._person_names, self._people_apart = _keys_names_and_marks(people)
        organization_keys, self._organization_names, _ = _keys_names_and_marks(organizations)
        self.person_keys = person_keys
        """Each person's key, in `people`'s order."""
        self.organization_keys = organization_keys
        """Each organization's key, in `organizations`' order."""
        self.person_positions: Mapping[str, int] = positions_by_key(person_keys, compact)
        """Where each person stands in `people`, by key."""
        self.organization_positions: Mapping[str, int] = positions_by_key(organization_keys, compact)
        """Where each organization stands in `organizations`, by key."""

    def keys_and_names(self, table: str) -> tuple[Sequence[str], Sequence[str]]:
        """The people's or organizations' (`table`) keys and names, in their listed order, as held here."""
        if table == "people":
            return self.person_keys, self._person_names
        return self.organization_keys, self._organization_names

    def number_of(self, speaker: str) -> int | None:
        """A stored speaker's number: a person's position, or an organization's after every person's (None for a
        speaker this store does not hold)."""
        kind, _, key = speaker.partition(":")
        if kind == "person":
            return self.person_positions.get(key)
        if kind == "organization":
            position = self.organization_positions.get(key)
            return None if position is None else len(self.person_keys) + position
        return None

    def quotes_apart(self, speaker: str) -> bool:
        """Whether the writer marked a stored speaker's quotes all apart (see `store.quote_groups.QUOTES_APART`)."""
        if not speaker.startswith("person:"):
            return False
        position = self.person_positions.get(speaker[len("person:") :])
        return position is not None and bool(self._people_apart[position])

    def not_apart(self, speakers: Iterable[str]) -> set[str]:
        """Those of these speakers (none empty) that the writer did not mark as having their quotes all apart, told
        in one loop: a call of `quotes_apart` for each speaker of a store took a twentieth of a search printing half
        of it."""
        positions, marks = self.person_positions, self._people_apart
        found = set()
        for speaker in speakers:
            if speaker.startswith("person:"):
                position = positions.get(speaker[len("person:") :])
                if position is not None and marks[position]:
                    continue
            found.add(speaker)
        return found

    @property
    def numbered_count(self) -> int:
        """How many speakers `number_of` numbers."""
        return len(self.person_keys) + len(self.organization_keys)

    def speaker_numbered(self, number: int) -> str:
        """The speaker id of a `number_of`."""
        people = len(self.person_keys)
        if number < people:
            return f"person:{self.person_keys[number]}"
        return f"organization:{self.organization_keys[number - people]}"

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


def positions_by_key(keys: Sequence[str], compact: bool) -> Mapping[str, int]:
    """Each key's position in `keys` (the last, for a key listed twice): `KeyPositions` when `compact`, else a
    dictionary."""
    return KeyPositions(keys) if compact else {key: position for position, key in enumerate(keys)}


def _keys_names_and_marks(documents: Sequence[Mapping[str, Any]]) -> tuple[Sequence[str], Sequence[str], bytearray]:
    """Each document's key and name, in order, and whether the writer marked its quotes all apart (1) or not."""
    if isinstance(documents, PackedDocuments) and len(documents.keys) == len(documents):
        return documents.keys, documents.names, documents.quotes_apart
    keys = [document["key"] for document in documents]
    names = [document["name"] for document in documents]
    return keys, names, bytearray(document.get(QUOTES_APART) is True for document in documents)


class SpeakerPositions(Mapping[str, Sequence[int]]):
    """Each speaker's quote positions ("person:KEY", "organization:KEY" to ascending positions), held as runs of one
    array numbered as `SpeakerNames` numbers the people, then the organizations, instead of a dictionary of an array
    for each speaker (336,000 of them at 100,000 articles, about a hundred bytes each); the speakers of quotes whose
    person or organization is not stored, in a dictionary of their own."""

    def __init__(self, speakers: Sequence[str | None], names: SpeakerNames) -> None:
        """Every stored quote's speaker id (or None), by position (a `speaker_column` of `names`: by number)."""
        self._names = names
        self._others: dict[str, array] = {}
        count = names.numbered_count
        if isinstance(speakers, NumberedColumn) and speakers.number_of == names.number_of:
            self._runs = PositionRuns.of_numbers(count, speakers.codes, first=1)
            for position in speakers.unnumbered_positions():
                self._others.setdefault(speakers[position], array("I")).append(position)  # type: ignore[arg-type]
        else:
            self._runs = PositionRuns(count, self._numbered(speakers))
        self._count: int | None = None

    def _numbered(self, speakers: Sequence[str | None]) -> Iterator[tuple[int, int]]:
        """Each quote's speaker's number and the quote's position, in position order."""
        numbers: dict[str, int | None] = {}
        """Each speaker's number, looked up once: a speaker's quotes come in runs (an article's)."""
        for position, speaker in enumerate(speakers):
            if speaker:
                number = numbers.get(speaker, -1)
                if number == -1:
                    number = numbers[speaker] = self._names.number_of(speaker)
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
        yield from (f"person:{key}" for number, key in enumerate(self._names.person_keys) if size_at(number))
        start = len(self._names.person_keys)
        organizations = enumerate(self._names.organization_keys, start)
        yield from (f"organization:{key}" for number, key in organizations if size_at(number))
        yield from self._others

    def __len__(self) -> int:
        if self._count is None:
            self._count = sum(1 for _ in self)
        return self._count


def speaker_column(names: Mapping[str, str], size: int = 0) -> NumberedColumn:
    """A column of `size` quotes' speaker ids ("person:KEY", "organization:KEY") or None, each held as its number
    (see `SpeakerNames.number_of`; with other names than a `SpeakerNames`, none is numbered)."""
    if isinstance(names, SpeakerNames):
        return NumberedColumn(names.number_of, names.speaker_numbered, names.numbered_count, size)
    return NumberedColumn(lambda speaker: None, str, 0, size)
