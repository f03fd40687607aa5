"""The seed article's people, organizations and quotes, exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.extraction import extract

SEED = Path(__file__).resolve().parents[1] / "seeds" / "us-ukraine-joint-weapons-production.txt"

PEOPLE = [
    ("Joe Biden", "President", None),
    ("Jake Sullivan", "national security adviser", None),
    ("Jason Israel", "Director of the National Security Council for defense policy and strategies", "White House"),
    ("Bill LaPlante", "top arms buyer", "Pentagon"),
    ("Rustem Umerov", "Defense Minister", None),
    ("Alexander Kamyshin", "Strategic Industries Minister", None),
    ("Gina Raimondo", "Secretary of Commerce", None),
    ("Lloyd Austin", "Secretary of Defense", None),
    ("Andriy Yermak", "Chief of the Office of the President of Ukraine", "Office of the President of Ukraine"),
]

ORGANIZATIONS = [
    "Reuters", "White House", "National Security Council", "Department of Commerce", "Armed Forces of Ukraine",
    "Boeing", "General Atomics", "Amentum Services", "Leidos Holdings Inc.", "Pentagon",
    "Office of the President of Ukraine",
]

QUOTES = [
    ("Ukraine’s emergence as a self-sufficient arms producer", "other Western countries,", "Jake Sullivan"),
    ("So they increase production", "needed over time.", "Jake Sullivan"),
    ("will be a priority for joint production", "Armed Forces of Ukraine.", "Jason Israel"),
    ("air defense systems, repair", "production of critical munitions,", "Jason Israel"),
    ("Ukrainian companies with Ukrainian experience", "Americans and Europeans. .", "Jake Sullivan"),
]


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return text, extract(text)


def test_people_are_exactly_the_nine_with_their_roles(seed):
    _, result = seed
    assert [(p.name, p.role, p.organization) for p in result.people] == PEOPLE


def test_surnames_are_merged_as_aliases(seed):
    _, result = seed
    people = {p.name: p for p in result.people}
    assert "Sullivan" in people["Jake Sullivan"].aliases
    assert "Israel" in people["Jason Israel"].aliases


def test_organizations_are_found_merged_and_contain_no_person_or_place(seed):
    _, result = seed
    forms = {o.name for o in result.organizations} | {a for o in result.organizations for a in o.aliases}
    for name in ORGANIZATIONS:
        assert name in forms, name
    names = [o.name for o in result.organizations]
    assert len(names) == len(set(names))
    people = {p.name for p in result.people} | {a for p in result.people for a in p.aliases}
    places = {"Ukraine", "United States", "Washington", "US", "U.S.", "Israel"}
    assert not (set(names) & people) and not (set(names) & places)


def test_quotes_are_the_five_with_their_speakers(seed):
    text, result = seed
    assert len(result.quotes) == len(QUOTES)
    for quote, (head, tail, speaker) in zip(result.quotes, QUOTES, strict=True):
        assert quote.text.startswith(head) and quote.text.endswith(tail)
        assert quote.speaker == speaker
        assert text[quote.start:quote.end] == quote.text


def test_unclosed_quote_runs_to_the_end_of_its_paragraph(seed):
    text, result = seed
    last = result.quotes[-1]
    assert text[last.end:].startswith("\n")
    assert last.paragraph == 4


def test_title_comes_from_the_first_sentence(seed):
    _, result = seed
    assert result.title.startswith("Representatives of the governments of the United States and Ukraine")
    assert len(result.title) <= 100
