"""Each speaker's quotes found by speaker id, held as runs of one array numbered like the people and organizations:
the same answers as a dictionary of every speaker's positions, stored speakers or not."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store.numbered_column import NumberedColumn
from store.speaker_names import SpeakerNames, SpeakerPositions, speaker_column

PEOPLE = [{"key": key, "name": key.title()} for key in ("ana", "bo", "cy")]
ORGANIZATIONS = [{"key": key, "name": key.title()} for key in ("acme", "beta")]
SPEAKERS = st.sampled_from(
    [None, "person:ana", "person:bo", "person:cy", "organization:acme", "organization:beta", "person:gone", "x:ana"]
)


@given(st.lists(SPEAKERS, max_size=40))
def test_each_speakers_positions_are_those_of_a_dictionary_of_every_speaker(speakers: list[str | None]) -> None:
    expected: dict[str, list[int]] = {}
    for position, speaker in enumerate(speakers):
        if speaker:
            expected.setdefault(speaker, []).append(position)
    held = SpeakerPositions(speakers, SpeakerNames(PEOPLE, ORGANIZATIONS))
    assert {speaker: list(positions) for speaker, positions in held.items()} == expected
    assert len(held) == len(expected)
    for speaker in ("person:ana", "organization:beta", "person:gone", "x:ana", "person:nobody"):
        assert (speaker in held) == (speaker in expected)
        assert list(held.get(speaker, ())) == expected.get(speaker, [])


@given(st.lists(SPEAKERS, max_size=40), st.booleans())
def test_a_column_of_speaker_numbers_reads_back_every_speaker_and_finds_their_quotes(
    speakers: list[str | None], numbered: bool
) -> None:
    names = SpeakerNames(PEOPLE, ORGANIZATIONS)
    column = speaker_column(names if numbered else dict(names), len(speakers) // 2)
    column.put_many(0, speakers)
    assert list(column) == speakers
    assert [column[position] for position in range(len(speakers))] == speakers
    assert column[1:3] == speakers[1:3]
    wanted = {"person:bo", "person:gone", "organization:acme"}
    codes = column.codes_of(wanted)
    assert [column.codes[position] in codes for position in range(len(speakers))] == [
        speaker in wanted for speaker in speakers
    ]
    expected: dict[str, list[int]] = {}
    for position, speaker in enumerate(speakers):
        if speaker:
            expected.setdefault(speaker, []).append(position)
    held = SpeakerPositions(column, names)
    assert {speaker: list(positions) for speaker, positions in held.items()} == expected


def test_a_numbered_column_reads_back_strings_outside_its_numbering_and_grows_past_its_size() -> None:
    numbering = {"a": 0, "b": 1}
    column = NumberedColumn(numbering.get, ["a", "b"].__getitem__, 2, size=3)
    column.put_many(0, ["b", "zz", None, "a", "zz", "yy"])
    assert list(column) == ["b", "zz", None, "a", "zz", "yy"]
    assert list(column.numbers(outside=9)) == [1, 9, 9, 0, 9, 9]
    assert column.unnumbered_positions() == [1, 4, 5]
    column.keep_first(2)
    assert list(column) == ["b", "zz"]
