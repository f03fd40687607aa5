"""Deterministic synthetic news articles (~600 words) for benchmarks and load tests.

Article N is always the same text: a corpus of any size is rebuilt exactly, run after run.
Each has named people with roles and organizations, several quote styles, and filler prose.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

FIRST_NAMES = (
    "Maria James Aiko Oluwaseun Priya Lars Fatima Diego Mei Tomasz Ingrid Kwame Sofia Rahul Elena "
    "Hamid Chloe Mateo Yuki Anders Leila Pedro Hannah Dmitri Amara Jonas Nadia Carlos Grace Viktor "
    "Sun Isabel Omar Freya Tariq Lucia Kenji Zara Marek Ana"
).split()
SURNAMES = (
    "Okafor Lindqvist Tanaka Moreno Chen Kowalski Haddad Patel Novak Schröder Mensah Rossi Dubois "
    "Nakamura Castillo Ivanova Andersen Mahmoud Fischer Oyelaran Rahman Kaur Silva Müller Jensen "
    "Petrov Alvarez O'Neill Byrne Santos Kim Nguyen Ferreira Kaplan Varga Horvat Lopez Brennan Weiss Ali"
).split()
ORGANIZATION_STEMS = (
    "Northwind Bluehaven Ironbridge Silverline Redwood Crestmark Eastgate Harborview Stonefield "
    "Brightwater Oakridge Summit Westbrook Pinecrest Goldleaf Riverton Highmoor Larkspur Fairhaven Ashford"
).split()
ORGANIZATION_KINDS = (
    "Logistics Inc.", "Energy Holdings", "Capital Partners", "Robotics Corp.", "Health Systems",
    "Aerospace Ltd.", "Data Group", "Shipping Co.", "Pharmaceuticals", "Motors",
)
INSTITUTIONS = (
    "Ministry of Finance", "Ministry of Transport", "Department of Energy", "National Weather Service",
    "Central Bank", "Port Authority", "Supreme Court", "Environmental Protection Agency",
    "Football Association", "Chamber of Commerce", "University of Lakeshore", "Red Cross",
)
ROLES = (
    "chief executive", "spokeswoman", "spokesman", "finance minister", "chief economist", "director",
    "senior analyst", "chairman", "president", "head of research", "coach", "general counsel",
)
PLACES = ("Lisbon", "Nairobi", "Osaka", "Toronto", "Krakow", "Valparaiso", "Auckland", "Hamburg", "Accra", "Perth")
TOPICS = (
    "the new rail link", "rising fuel prices", "the port expansion", "the trade agreement", "the merger",
    "water shortages", "the election results", "the vaccine rollout", "the budget plan", "wage talks",
)
SPEECH_VERBS = ("said", "told reporters", "added", "says", "explained", "warned", "noted")
SUBJECTS = (
    "we", "our teams", "the company", "the ministry", "nobody here", "the board", "our customers", "the city",
    "investors", "the workers", "this government", "the region", "our partners", "the market", "everyone involved",
    "the new management", "local families", "the industry", "our engineers", "the league",
)
VERBS = (
    "expect", "cannot accept", "will keep investing in", "have underestimated", "are ready to discuss",
    "strongly oppose", "welcome", "need more time for", "will not give up on", "are worried about",
    "have already approved", "want clear answers on", "are proud of", "will review", "have to rethink",
    "are counting on", "did not anticipate", "fully support", "will fight for", "must protect",
)
OBJECTS = (
    "the rail link", "higher fuel costs", "the harbour project", "this trade deal", "the proposed merger",
    "water restrictions", "the election timetable", "the vaccine programme", "next year's budget", "the wage offer",
    "the new stadium", "airport expansion", "the pension reform", "cheaper housing", "the coal phase-out",
    "the bridge repairs", "grain exports", "the data centre", "flood defences", "the drug approval",
)
COMPLEMENTS = (
    "by the end of the year", "despite the delays", "whatever the critics say", "for the sake of our children",
    "once the figures are clear", "before the summer", "in the long run", "after months of talks",
    "as soon as possible", "without further delay", "given the risks", "at any price", "this winter",
    "for the next decade", "under the current rules", "with or without support", "step by step",
    "in every district", "after the vote", "more than ever",
)
FILLER = (
    "Officials said the figures would be reviewed again next month.",
    "The decision follows months of negotiation between the parties.",
    "Analysts had expected a smaller change, according to market data.",
    "Shares moved little in early trading after the announcement.",
    "Local residents gathered outside the offices on Tuesday afternoon.",
    "The report runs to more than two hundred pages and includes several annexes.",
    "Earlier this year a similar proposal was withdrawn after objections.",
    "Critics argue that the timetable leaves too little room for consultation.",
    "The agency is expected to publish further guidance before the summer.",
    "Several smaller firms have already signalled their interest in the project.",
)


def _person(rng: random.Random) -> tuple[str, str]:
    """A full name and its surname."""
    surname = rng.choice(SURNAMES)
    return f"{rng.choice(FIRST_NAMES)} {surname}", surname


def _organization(rng: random.Random) -> str:
    """A company or an institution."""
    if rng.random() < 0.6:
        return f"{rng.choice(ORGANIZATION_STEMS)} {rng.choice(ORGANIZATION_KINDS)}"
    return rng.choice(INSTITUTIONS)


def _sentence(rng: random.Random) -> str:
    """One spoken sentence, built from pools so that quotes rarely repeat."""
    words = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(COMPLEMENTS)}"
    return words[0].upper() + words[1:] + "."


def _quote(rng: random.Random, sentences: int = 2) -> str:
    """A quote body of one or more sentences."""
    return " ".join(_sentence(rng) for _ in range(sentences))


def synthetic_article(number: int, seed: int = 2024) -> str:
    """Article `number` of the synthetic corpus: a title line, a blank line, then paragraphs."""
    rng = random.Random(seed * 1_000_003 + number)
    topic = rng.choice(TOPICS)
    place = rng.choice(PLACES)
    speakers = [(*_person(rng), rng.choice(ROLES), _organization(rng)) for _ in range(rng.randint(3, 5))]
    paragraphs = [f"{place} \u2014 Talks over {topic} continued on {rng.choice(('Monday', 'Wednesday', 'Friday'))}."]
    for index, (name, surname, role, organization) in enumerate(speakers):
        verb = rng.choice(SPEECH_VERBS)
        style = (index + number) % 4
        if style == 0:
            paragraphs.append(f"\u201c{_quote(rng)[:-1]},\u201d {name}, {role} of {organization}, {verb}.")
        elif style == 1:
            paragraphs.append(f"{organization} {role} {name} {verb}: \u201c{_quote(rng)}\u201d")
        elif style == 2:
            first, second = _quote(rng, 1), _quote(rng, 1)
            paragraphs.append(f"\u201c{first[:-1]},\u201d {surname} said. \u201c{second}\u201d")
        else:
            paragraphs.append(
                f"{name}, the {role} at {organization}, described {topic} as "
                f"\u201ca test for everyone involved.\u201d"
            )
        paragraphs.append(f"\u201c{_quote(rng)}\u201d")
        paragraphs.extend(rng.sample(FILLER, 3))
    while sum(len(p.split()) for p in paragraphs) < 600:
        paragraphs.append(" ".join(rng.sample(FILLER, 4)))
    title = f"{place} talks on {topic} drag on"
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def synthetic_corpus(size: int, seed: int = 2024) -> Iterator[str]:
    """The first `size` articles of the synthetic corpus."""
    for number in range(size):
        yield synthetic_article(number, seed)
