"""Whole articles written for these tests, each checked against what a careful annotator would mark."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from store.extraction import extract
from store.model import Extraction

ARTICLES = Path(__file__).resolve().parent / "articles"


@dataclass(frozen=True)
class Expected:
    """An annotator's reading of one article: names, quotes in order (start of text, speaker), some roles."""

    people: set[str]
    organizations: set[str]
    quotes: list[tuple[str, str | None]]
    roles: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)
    optional_organizations: set[str] = field(default_factory=set)
    known_wrong_people: set[str] = field(default_factory=set)


EXPECTED = {
    "politics": Expected(
        people={"Helen Marlowe", "Zoltan Kertesz", "Etienne Roussel", "Douglas Whitfield", "Patricia Okafor",
                "Yuri Sokolov"},
        organizations={"NATO", "European Commission", "World Bank", "French Foreign Ministry", "Senate", "Congress",
                       "Kremlin", "RIA Novosti"},
        quotes=[("We have talked", "Helen Marlowe"), ("Every month", "Helen Marlowe"),
                ("Nobody knows", "Zoltan Kertesz"), ("a fund that", "Etienne Roussel"),
                ("within reach", "Etienne Roussel"), ("look hard", "Patricia Okafor"),
                ("The Americans want", None), ("a military project", "Yuri Sokolov"),
                ("I always expect", "Helen Marlowe"), ("I am not always", "Helen Marlowe")],
        roles={"Helen Marlowe": ("Secretary of State", None), "Yuri Sokolov": ("spokesman", "Kremlin"),
               "Etienne Roussel": ("spokesman for the French Foreign Ministry", "French Foreign Ministry")},
        aliases={"Helen Marlowe": {"Marlowe"}},
    ),
    "court": Expected(
        people={"Raymond Castellano", "Miriam Adeyemi", "Jonathan Reiss", "Laura Brennan", "Marcus Hale",
                "Delores Whitcomb", "Kevin Ortega", "Angela Castellano"},
        organizations={"FBI", "Desert Crest Holdings LLC", "Sun Valley Partners"},
        optional_organizations={"City Hall", "Arizona Republic"},
        quotes=[("The jury did not", "Jonathan Reiss"), ("We will make sure", "Jonathan Reiss"),
                ("This was not an accounting", "Laura Brennan"), ("For years", "Delores Whitcomb"),
                ("Now we know", "Delores Whitcomb")],
        roles={"Laura Brennan": ("Assistant U.S. Attorney", None), "Jonathan Reiss": ("lawyer", None),
               "Marcus Hale": ("Special Agent", None)},
    ),
    "sports": Expected(
        people={"Tomas Lindqvist", "Dele Okonkwo", "Graham Pell", "Mateo Ferreira", "Sean Mulcahy",
                "Arne Vestergaard", "Jamie Brennan"},
        organizations={"Harbourside Rovers", "Kingsbridge United", "Eastfield Town", "Northport City"},
        quotes=[("I told the lads", "Graham Pell"), ("They believed it", "Graham Pell"),
                ("We ran out", "Arne Vestergaard"), ("That is on me", "Arne Vestergaard"),
                ("I have scored", "Dele Okonkwo"), ("The fans deserved", "Dele Okonkwo"),
                ("I just hit it", "Tomas Lindqvist"), ("very loud", "Jamie Brennan"),
                ("Nobody is talking", "Jamie Brennan"), ("Well, maybe", "Jamie Brennan")],
        roles={"Graham Pell": ("manager", "Harbourside Rovers"), "Mateo Ferreira": (None, None),
               "Sean Mulcahy": ("defender", "Harbourside Rovers"),
               "Arne Vestergaard": ("coach", "Kingsbridge United")},
        aliases={"Harbourside Rovers": {"Rovers"}},
    ),
    "business": Expected(
        people={"Priya Natarajan", "Martin Ashcroft", "Dana Whitlock", "Kenji Watanabe", "Lucas Brandt"},
        organizations={"Goldman Sachs", "Veridian Systems Inc.", "Solent Semiconductor", "European Union",
                       "Morgan Fairfax Securities", "Hoshino Research", "Nvidia Corp.", "Advanced Micro Devices",
                       "Federal Trade Commission",
                       "Competition and Markets Authority"},
        optional_organizations={"Lazard"},
        quotes=[("Owning the silicon", "Priya Natarajan"), ("This is a good price", "Martin Ashcroft"),
                ("They are paying", "Dana Whitlock"), ("If the AI boom", "Dana Whitlock"),
                ("a much stronger hand", "Kenji Watanabe")],
        roles={"Priya Natarajan": ("Veridian chief executive", "Veridian Systems Inc."),
               "Martin Ashcroft": ("chairman", "Solent Semiconductor"), "Lucas Brandt": (None, None),
               "Dana Whitlock": ("analyst", "Morgan Fairfax Securities")},
        aliases={"Federal Trade Commission": {"FTC"}, "Competition and Markets Authority": {"CMA"}},
    ),
    "health": Expected(
        people={"Hannah Whitford", "Rawiri Tane", "Alan Greaves", "Moana Rikihana"},
        organizations={"New Zealand Medical Journal", "University of Otago", "Ministry of Health", "Massey University",
                       "School Principals Federation"},
        quotes=[("a slow-motion", None), ("We expected", "Hannah Whitford"), ("An hour a night", "Hannah Whitford"),
                ("It is less the screen", "Hannah Whitford"), ("Start times", "Rawiri Tane"),
                ("The problem is well known", "Alan Greaves"), ("Attendance went up", "Moana Rikihana"),
                ("Parents have a role", "Moana Rikihana")],
        roles={"Rawiri Tane": ("ministry spokesperson", "Ministry of Health"),
               "Moana Rikihana": ("president", "School Principals Federation")},
    ),
    "disaster": Expected(
        people={"Abdul Karim", "Farhana Sultana", "Mizanur Rahman", "Rafiqul Islam", "Sanjana Mehta",
                "Nasreen Chowdhury"},
        organizations={"Department of Disaster Management", "Bangladesh Meteorological Department",
                       "International Federation of Red Cross and Red Crescent Societies", "World Bank",
                       "United Nations Children's Fund"},
        quotes=[("Water entered", "Abdul Karim"), ("Our biggest problem", "Farhana Sultana"),
                ("We have no food", "Rafiqul Islam"), ("Diarrhoea", "Sanjana Mehta"),
                ("No one will be left", "Nasreen Chowdhury")],
        roles={"Abdul Karim": ("spokesman", "Department of Disaster Management"),
               "Mizanur Rahman": ("director", "Bangladesh Meteorological Department"),
               "Farhana Sultana": ("Lt. Col., army spokeswoman", None)},
        aliases={"International Federation of Red Cross and Red Crescent Societies": {"IFRC"}},
    ),
    "election": Expected(
        people={"Mette Lindgaard", "Jakob Frandsen", "Signe Mortensen", "Henrik Skov", "Birgitte Holm", "Margrethe"},
        organizations={"Social Democrats", "Liberal Party", "Green Left", "Danish People's Party", "Aarhus University",
                       "Social Liberal Party", "Ministry of the Interior"},
        quotes=[("Danes have asked", "Mette Lindgaard"), ("We will do both", "Mette Lindgaard"),
                ("The prime minister has won", "Jakob Frandsen"), ("Three years ago", "Signe Mortensen"),
                ("Tonight nobody", "Signe Mortensen"), ("We have had bad", "Henrik Skov"),
                ("The arithmetic", "Birgitte Holm"), ("The question is", "Birgitte Holm")],
        roles={"Henrik Skov": ("leader", "Danish People's Party"), "Margrethe": ("Queen", None),
               "Birgitte Holm": ("political analyst", "Aarhus University")},
        aliases={"Liberal Party": {"Liberals"}},
    ),
    "names": Expected(
        people={"Ingrid Sørbø Ødegaard", "José Ángel de la Peña Núñez", "Łukasz Wiśniewski",
                "Françoise Lemaître-Dubois", "Gülşen Yıldırım", "Nguyễn Thị Hương", "Pieter van den Broek"},
        organizations={"European Science Foundation", "University of Bergen", "Spanish National Research Council",
                       "Institute of Oceanography", "Delft University of Technology"},
        quotes=[("I have spent", "Ingrid Sørbø Ødegaard"), ("This prize belongs", "Ingrid Sørbø Ødegaard"),
                ("The chemistry works", "José Ángel de la Peña Núñez"), ("patience that", "Łukasz Wiśniewski"),
                ("Money for people", "Gülşen Yıldırım")],
        roles={"Nguyễn Thị Hương": ("Vietnamese oceanographer", "Institute of Oceanography"),
               "Pieter van den Broek": ("Dutch hydrologist", "Delft University of Technology"),
               "Łukasz Wiśniewski": ("president", "European Science Foundation")},
        aliases={"José Ángel de la Peña Núñez": {"Peña"}, "Łukasz Wiśniewski": {"Wiśniewski"}},
    ),
}


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def article(request) -> tuple[str, str, Extraction]:
    """(name, text, extraction) of one test article."""
    text = (ARTICLES / f"{request.param}.txt").read_text(encoding="utf-8")
    return request.param, text, extract(text)


def test_people_are_the_named_individuals(article):
    name, _, result = article
    assert {p.name for p in result.people} - EXPECTED[name].known_wrong_people == EXPECTED[name].people


def test_organizations_are_the_named_bodies(article):
    name, _, result = article
    expected = EXPECTED[name]
    found = {o.name for o in result.organizations} - expected.optional_organizations
    assert found == expected.organizations


def test_quotes_and_their_speakers(article):
    name, text, result = article
    for quote in result.quotes:
        assert text[quote.start:quote.end] == quote.text
    got = [(q.text, q.speaker) for q in result.quotes]
    expected = EXPECTED[name].quotes
    assert len(got) == len(expected), got
    for (quote, speaker), (head, want) in zip(got, expected, strict=True):
        assert quote.startswith(head) and speaker == want, (quote, speaker, want)


def test_roles_and_organizations_of_people(article):
    name, _, result = article
    people = {p.name: (p.role, p.organization) for p in result.people}
    for person, role in EXPECTED[name].roles.items():
        assert people[person] == role, person


def test_short_forms_are_aliases(article):
    name, _, result = article
    forms = {e.name: set(e.aliases) for e in (*result.people, *result.organizations)}
    for entity, aliases in EXPECTED[name].aliases.items():
        assert aliases <= forms[entity], entity

