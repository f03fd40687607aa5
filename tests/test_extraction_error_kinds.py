"""The kinds of error a reader meets on new articles, each on short articles written for these tests."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from store.extraction import extract

NO_ROLE = ""


@dataclass(frozen=True)
class Case:
    """A short article and what a reader finds in it.

    `people` holds every person named, each with a part of their role (None: not asserted, NO_ROLE: no role);
    `organizations` must be found as organizations, `not_organizations` must not; `employers` maps a person
    to the organization the article says they work for; `speakers` is who said each quote, in order.
    """

    id: str
    text: str
    people: dict[str, str | None]
    organizations: tuple[str, ...] = ()
    not_organizations: tuple[str, ...] = ()
    employers: dict[str, str] = field(default_factory=dict)
    speakers: tuple[str | None, ...] | None = None


CASES = [
    Case(
        "initials",
        "Council treasurer steps down after audit\n\n"
        "GREENVILLE — J. Ron Smith, the council's treasurer, said on Monday that he would resign at the end of "
        "the month after an audit found gaps in the town's accounts.\n\n"
        "“I kept every receipt, but I accept that the system failed,” Smith said.\n\n"
        "The audit was led by Mary T. Olsen, a certified accountant hired by the council in March. Olsen said "
        "most of the missing sums had since been traced.\n\n"
        "“Nobody took money for themselves,” she said.\n",
        {"J. Ron Smith": "treasurer", "Mary T. Olsen": "accountant"},
        speakers=("J. Ron Smith", "Mary T. Olsen"),
    ),
    Case(
        "position-letters",
        "Herons sign two guards before the deadline\n\n"
        "PORTLAND, Ore. — The Portland Herons completed two trades on Thursday, hours before the league's "
        "deadline, adding depth to a roster weakened by injuries.\n\n"
        "G Marcus Doyle, who plays point guard, arrives from a rebuilding team in the east. F Terrence Hale "
        "signed a two-year extension on the same day.\n\n"
        "“I wanted to play for a team that is trying to win now,” Doyle said.\n\n"
        "Coach Angela Ruiz said both players would travel with the team on Saturday.\n",
        {"Marcus Doyle": None, "Terrence Hale": None, "Angela Ruiz": "Coach"},
        organizations=("Portland Herons",),
        speakers=("Marcus Doyle",),
    ),
    Case(
        "sentence-openers",
        "Town votes to keep its library open\n\n"
        "MILLBROOK — The town board voted 4-1 on Tuesday to fund the public library for another year.\n\n"
        "Although Jane Porter voted against the budget, she said the library was worth saving. “I simply "
        "wanted a cheaper plan,” Porter said.\n\n"
        "Unlike Tomas Berg, who chairs the board, she had asked for cuts to opening hours.\n\n"
        "“The library is where our children learn to love reading,” Berg said.\n",
        {"Jane Porter": None, "Tomas Berg": None},
        speakers=("Jane Porter", "Tomas Berg"),
    ),
    Case(
        "sentence-openers-adverbs",
        "Volunteers finish the riverside path\n\n"
        "Volunteers laid the last stretch of a riverside footpath on Sunday, two years after the work began.\n\n"
        "Besides Helen Crowe, who drew the first plans, the crew included a retired surveyor. Thankfully Rosa "
        "Diaz, who runs the hardware store, lent them tools for free.\n\n"
        "“We did it one weekend at a time,” Crowe said.\n",
        {"Helen Crowe": None, "Rosa Diaz": None},
        speakers=("Helen Crowe",),
    ),
    Case(
        "museums",
        "Science museum and planetarium to close for repairs\n\n"
        "BROOKFIELD — The Brookfield Museum of Science and the Hartley Planetarium will close for six months "
        "from January while their roofs are replaced, the city said on Wednesday.\n\n"
        "“The domes are fifty years old and they leak every spring,” said Lena Hoffman, director of the "
        "Hartley Planetarium.\n\n"
        "The Calder Aquarium, across the river, will offer reduced tickets to school groups while the two are "
        "closed.\n",
        {"Lena Hoffman": "director"},
        organizations=("Brookfield Museum of Science", "Hartley Planetarium", "Calder Aquarium"),
        employers={"Lena Hoffman": "Hartley Planetarium"},
        speakers=("Lena Hoffman",),
    ),
    Case(
        "legislatures",
        "Statehouse passes school meals bill\n\n"
        "COLUMBUS, Ohio — The Ohio House passed a bill on Wednesday that would give every public school "
        "student a free lunch, sending it to the Ohio Senate.\n\n"
        "“No child should learn on an empty stomach,” said Linda Marsh, a Democrat who sponsored the bill.\n\n"
        "Representative Paul Greer said the state could not afford it. “The cost will land on taxpayers,” "
        "Greer said.\n",
        {"Linda Marsh": None, "Paul Greer": "Representative"},
        organizations=("Ohio House", "Ohio Senate"),
        speakers=("Linda Marsh", "Paul Greer"),
    ),
    Case(
        "legislature-speaker",
        "Speaker delays vote on budget\n\n"
        "COLUMBUS, Ohio — Ohio House Speaker Dana Whitfield said on Monday that the chamber would not vote on "
        "the budget before July.\n\n"
        "“We need more time to read it,” Whitfield said.\n\n"
        "The Ohio House has missed the deadline twice in the past decade.\n",
        {"Dana Whitfield": "Speaker"},
        organizations=("Ohio House",),
        employers={"Dana Whitfield": "Ohio House"},
        speakers=("Dana Whitfield",),
    ),
    Case(
        "broadcasters-and-websites",
        "False flood video spreads online\n\n"
        "A video said to show floods in the city center was filmed abroad four years ago, the fact-checking "
        "site Factcheck.example reported on Friday.\n\n"
        "The clip was first aired by the Channel 9 Network, which later removed it from its website.\n\n"
        "“We made a mistake and we corrected it within the hour,” said Owen Price, the network's news director.\n\n"
        "Factcheck.example said the video had been shared more than 40,000 times.\n",
        {"Owen Price": "news director"},
        organizations=("Factcheck.example", "Channel 9 Network"),
        employers={"Owen Price": "Channel 9 Network"},
        speakers=("Owen Price",),
    ),
    Case(
        "sports-teams",
        "Streaming deal for the northern league\n\n"
        "LONDON — Streamly and the Harlow Rovers, a football club in the fourth tier, have signed a three-year "
        "deal to stream the club's matches.\n\n"
        "“Our fans live all over the world now,” said Nadia Brooks, the club's commercial director.\n\n"
        "The Dallas Mavericks signed a similar deal last year. Streamly said it was talking to other clubs.\n",
        {"Nadia Brooks": "commercial director"},
        organizations=("Streamly", "Harlow Rovers", "Dallas Mavericks"),
        speakers=("Nadia Brooks",),
    ),
    Case(
        "acronyms",
        "Regulators fine ticket sellers\n\n"
        "WASHINGTON — The FTC fined three ticket resellers a combined $12 million on Tuesday for hiding fees "
        "from buyers.\n\n"
        "UEFA said separately that it would cap resale prices for its cup finals. FIFA is expected to follow.\n\n"
        "“Fans deserve to know the price before they click,” said Carla Mendes, who heads the FTC's consumer "
        "bureau.\n",
        {"Carla Mendes": None},
        organizations=("FTC", "UEFA", "FIFA"),
        speakers=("Carla Mendes",),
    ),
    Case(
        "acronyms-after-prepositions",
        "Club's European ban upheld\n\n"
        "A spokesman for UEFA said on Friday that the one-year ban would stand after an appeal failed.\n\n"
        "“The rules apply to every club,” said the spokesman, Pieter de Vries.\n\n"
        "The ruling was welcomed by the ECA, which represents more than 200 clubs.\n",
        {"Pieter de Vries": "spokesman"},
        organizations=("UEFA", "ECA"),
        speakers=("Pieter de Vries",),
    ),
    Case(
        "spacecraft-and-ships",
        "Space agency delays crewed flight\n\n"
        "HOUSTON — The launch of Space Shuttle Orion was pushed back by a week on Monday after engineers found "
        "a leak in a fuel line.\n\n"
        "“We will fly when it is safe to fly,” said Daniel Kerr, the flight director.\n\n"
        "The recovery ship USS Harmon will wait off the coast, and the research vessel Northern Star will "
        "track the descent.\n",
        {"Daniel Kerr": "flight director"},
        not_organizations=("Space Shuttle Orion", "USS Harmon", "Northern Star"),
        speakers=("Daniel Kerr",),
    ),
    Case(
        "bridges-cemeteries-stadiums",
        "Storm closes bridge and floods cemetery\n\n"
        "Strong winds closed the Harbor Bridge for nine hours on Sunday, and rain flooded parts of Greenlawn "
        "Cemetery on the east side.\n\n"
        "“The wind gusts reached ninety miles an hour on the span,” said Victor Osei, a state engineer.\n\n"
        "The match at Riverside Stadium was postponed.\n",
        {"Victor Osei": "engineer"},
        not_organizations=("Harbor Bridge", "Greenlawn Cemetery", "Riverside Stadium"),
        speakers=("Victor Osei",),
    ),
    Case(
        "awards-films-series",
        "Harbor drama sweeps the awards\n\n"
        "LOS ANGELES — The film Night Harbor won Best Picture on Sunday, and its lead, Clara Vance, won Best "
        "Actress.\n\n"
        "“I did not expect this at all,” Vance said.\n\n"
        "The series Silver Lines won the Golden Reel Award for its second season. Its creator, Mark Ellison, "
        "thanked the cast.\n",
        {"Clara Vance": None, "Mark Ellison": "creator"},
        not_organizations=("Night Harbor", "Silver Lines", "Golden Reel Award"),
        speakers=("Clara Vance",),
    ),
    Case(
        "product-and-company",
        "Headset maker unveils lighter model\n\n"
        "SAN JOSE, Calif. — Nimbus Systems unveiled the Nimbus Halo Max on Tuesday, a headset it says weighs "
        "half as much as its predecessor.\n\n"
        "“People wear these for hours, so every gram matters,” said Erin Walsh, chief executive of Nimbus "
        "Systems.\n\n"
        "The Nimbus Halo Max goes on sale in May.\n",
        {"Erin Walsh": "chief executive"},
        organizations=("Nimbus Systems",),
        not_organizations=("Nimbus Halo Max",),
        employers={"Erin Walsh": "Nimbus Systems"},
        speakers=("Erin Walsh",),
    ),
    Case(
        "aircraft-model",
        "Gulf carrier orders 20 long-range jets\n\n"
        "DUBAI — Falcon Airways ordered 20 of Aerion's Skyway jets on Monday, its largest order in a decade.\n\n"
        "The 300-seat jet is a longer variant of Aerion's Skyway, and it follows five Skyway sales earlier this "
        "year to carriers in Asia.\n\n"
        "“This is the right plane for our longest routes,” said Omar Haddad, the airline's chief executive.\n",
        {"Omar Haddad": "chief executive"},
        organizations=("Falcon Airways",),
        not_organizations=("Skyway",),
        employers={"Omar Haddad": "Falcon Airways"},
        speakers=("Omar Haddad",),
    ),
    Case(
        "places-not-organizations",
        "County opens new cooling centers\n\n"
        "Marion County opened four cooling centers on Friday as temperatures passed 40 degrees, including one "
        "on Union Square and one in the Harbor District.\n\n"
        "“Nobody should have to sit in a hot apartment alone,” said Sofia Lind, the county's health director.\n",
        {"Sofia Lind": "health director"},
        not_organizations=("Marion County", "Union Square", "Harbor District"),
        speakers=("Sofia Lind",),
    ),
    Case(
        "agency-spokesperson",
        "Heat warning issued for the prairies\n\n"
        "WINNIPEG — A heat warning covers much of southern Manitoba until Thursday, forecasters said.\n\n"
        "“Temperatures will not drop much at night, which is when people are most at risk,” said Rachel "
        "Stone, an Environment Canada spokesperson.\n\n"
        "Tom Hale, a spokesperson for the Manitoba Hydro Authority, said the grid could handle the load.\n",
        {"Rachel Stone": "Environment Canada spokesperson", "Tom Hale": "spokesperson"},
        organizations=("Environment Canada",),
        employers={"Tom Hale": "Manitoba Hydro Authority"},
        speakers=("Rachel Stone",),
    ),
    Case(
        "chief-executive-of",
        "Robot maker raises $40 million\n\n"
        "DENVER — Ceres Robotics, which builds machines that weed fields, has raised $40 million from "
        "investors.\n\n"
        "“Farmers cannot find workers, and herbicides are losing their power,” said Priya Nair, chief "
        "executive of Ceres Robotics.\n\n"
        "Ben Ortiz, a partner at Flatiron Ventures, which led the round, said the company would triple its "
        "staff.\n",
        {"Priya Nair": "chief executive", "Ben Ortiz": "partner"},
        organizations=("Ceres Robotics", "Flatiron Ventures"),
        employers={"Priya Nair": "Ceres Robotics", "Ben Ortiz": "Flatiron Ventures"},
        speakers=("Priya Nair",),
    ),
    Case(
        "family-relations",
        "Firefighter rescues neighbors from blaze\n\n"
        "A fire destroyed a three-story house on Elm Street early on Saturday. All six people inside escaped.\n\n"
        "“I heard glass breaking and smelled smoke,” said Anna Reyes, whose son was asleep upstairs.\n\n"
        "Her husband, Paul Lane, a retired firefighter, carried two children down a ladder. “I did what "
        "anyone would do,” Lane said.\n",
        {"Anna Reyes": NO_ROLE, "Paul Lane": "firefighter"},
        speakers=("Anna Reyes", "Paul Lane"),
    ),
    Case(
        "relations-are-not-roles",
        "Climber rescued after two nights on the mountain\n\n"
        "A climber stranded on a ledge for two nights was lifted to safety by helicopter on Tuesday.\n\n"
        "His daughter, Emma Kaur, said he had climbed the route many times before. “He knows that mountain "
        "better than anyone,” said his brother, Ravi Kaur.\n\n"
        "Mike Dunne, a rescue pilot, said the wind had dropped just long enough to reach him.\n",
        {"Emma Kaur": NO_ROLE, "Ravi Kaur": NO_ROLE, "Mike Dunne": "rescue pilot"},
        speakers=("Ravi Kaur",),
    ),
    Case(
        "awards-won-and-starred-in",
        "Newcomer takes top acting prize\n\n"
        "LOS ANGELES — Marta Kowal won Best Actress on Sunday for her role in Quiet Hours, the drama that also "
        "won Best Picture.\n\n"
        "“I owe this to the crew,” Kowal said. She previously starred in Morning Tide and the series Silver "
        "Lines.\n\n"
        "The director, Julian Ashby, thanked the studio.\n",
        {"Marta Kowal": None, "Julian Ashby": "director"},
        not_organizations=("Quiet Hours", "Morning Tide", "Silver Lines", "Best Actress", "Best Picture"),
        speakers=("Marta Kowal",),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_people_are_found_whole(case: Case) -> None:
    """Every person the article names, whole, and nothing else listed as a person."""
    result = extract(case.text)
    assert sorted(p.name for p in result.people) == sorted(case.people)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_organizations(case: Case) -> None:
    """The organizations the article names are found; places and things are not organizations."""
    result = extract(case.text)
    names = {o.name.removeprefix("the ").removeprefix("The ") for o in result.organizations}
    for name in case.organizations:
        assert name in names, (name, sorted(names))
    for name in case.not_organizations:
        assert name not in names, (name, sorted(names))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_roles_and_employers(case: Case) -> None:
    """A role and an employer the article states beside a name are that person's; a relation is not a role."""
    result = extract(case.text)
    people = {p.name: p for p in result.people}
    for name, role in case.people.items():
        if role is None or name not in people:
            continue
        if role == NO_ROLE:
            assert people[name].role is None, (name, people[name].role)
        else:
            assert role in (people[name].role or ""), (name, people[name].role)
    for name, employer in case.employers.items():
        person = people.get(name)
        assert person is not None, name
        assert employer in f"{person.role or ''} {person.organization or ''}", (name, person.role, person.organization)


@pytest.mark.parametrize("case", [c for c in CASES if c.speakers is not None], ids=lambda c: c.id)
def test_speakers(case: Case) -> None:
    """Each quote goes to the person named in its attribution."""
    result = extract(case.text)
    assert tuple(q.speaker for q in result.quotes) == case.speakers
