"""Speakers' names for the quotes of a big store, looked up by key without parsing the speakers' documents."""

from __future__ import annotations

import pytest

from store.keys import fold
from store.packed import PackedDocuments
from store.speaker_names import SpeakerNames

PEOPLE = [
    {"key": "b2", "name": "Zoë Brandt", "appearances": [{"article": str(n)} for n in range(2_000)]},
    {"key": "a1", "name": "Ana Álvarez", "appearances": []},
]
ORGANIZATIONS = [{"key": "o1", "name": "Harbor Board"}]


@pytest.mark.parametrize("compact", [True, False])
def test_names_come_by_key_in_the_listed_order_without_parsing_a_document(
    monkeypatch: pytest.MonkeyPatch, compact: bool
) -> None:
    people = PackedDocuments.sorted_by(iter(PEOPLE), key=lambda doc: fold(doc["name"]))
    organizations = PackedDocuments.sorted_by(iter(ORGANIZATIONS), key=lambda doc: fold(doc["name"]))

    def parsed(*_: object) -> None:
        raise AssertionError("a document was parsed to name a speaker")

    monkeypatch.setattr(PackedDocuments, "__getitem__", parsed)
    monkeypatch.setattr(PackedDocuments, "__iter__", parsed)
    names = SpeakerNames(people, organizations, compact=compact)
    assert names["person:b2"] == "Zoë Brandt"
    assert names.get("organization:o1") == "Harbor Board"
    assert names.get("person:zz") is None and names.get("unattributed") is None
    assert list(names) == ["person:a1", "person:b2", "organization:o1"]
    assert names.person_positions == {"a1": 0, "b2": 1}
    assert [names.number_of(speaker) for speaker in ("person:a1", "organization:o1", "person:zz")] == [0, 2, None]


def test_plain_documents_are_named_alike() -> None:
    names = SpeakerNames(PEOPLE, ORGANIZATIONS)
    assert [names[speaker] for speaker in names] == ["Zoë Brandt", "Ana Álvarez", "Harbor Board"]


@pytest.mark.parametrize("compact", [True, False])
def test_the_speakers_not_marked_apart_are_told_at_once_as_one_by_one(compact: bool) -> None:
    people = [*PEOPLE, {"key": "c3", "name": "Cy Apart", "quotes_apart": True}]
    names = SpeakerNames(people, ORGANIZATIONS, compact=compact)
    speakers = ["person:a1", "person:b2", "person:c3", "person:unknown", "organization:o1", "organization:zz"]
    assert names.quotes_apart("person:c3") and not names.quotes_apart("person:a1")
    assert names.not_apart(speakers) == {speaker for speaker in speakers if not names.quotes_apart(speaker)}
    assert "person:c3" not in names.not_apart(speakers) and "person:unknown" in names.not_apart(speakers)
