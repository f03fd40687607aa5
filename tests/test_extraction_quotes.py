"""Quote marks and speakers, on short articles written for these tests."""

from __future__ import annotations

from store.extraction import extract


def quotes_of(text: str) -> list[tuple[str, str | None]]:
    """(text, speaker) of every quote, checking offsets on the way."""
    result = extract(text)
    for quote in result.quotes:
        assert text[quote.start:quote.end] == quote.text
    return [(q.text, q.speaker) for q in result.quotes]


def test_curly_and_straight_marks_both_delimit_quotes():
    text = (
        "New bridge opens\n\n"
        "Mayor Ana Torres opened the new bridge on Monday.\n\n"
        "“We promised this crossing for a decade,” Torres said.\n\n"
        "\"It will carry twenty thousand cars a day,\" said Torres.\n"
    )
    assert quotes_of(text) == [
        ("We promised this crossing for a decade,", "Ana Torres"),
        ("It will carry twenty thousand cars a day,", "Ana Torres"),
    ]


def test_a_quote_opened_low_in_the_german_style_closes_at_its_high_mark():
    """„…“ ran to the end of its paragraph (“ was only an opener), the speaker inside it."""
    text = (
        "Berlin talks\n\n"
        "„We will manage this“, said Greta Lindqvist, the minister.\n\n"
        "“It is done,” said Paul Brandt, an official.\n"
    )
    assert quotes_of(text) == [("We will manage this", "Greta Lindqvist"), ("It is done,", "Paul Brandt")]


def test_two_quotes_joined_by_and_are_the_words_of_the_speaker_said_after_the_second():
    """The first of “A” and “B,” said X went to the previous paragraph's speaker; a dash or a question between
    them is a change of speaker."""
    opening = "Talks\n\n“We are close,” said Greta Lindqvist, the minister.\n\n"
    for joined in ("“It is done” and “it holds,”", "“It is done.” “It holds,”"):
        quotes = quotes_of(opening + joined + " said Paul Brandt, an official.\n")
        assert [speaker for _, speaker in quotes] == ["Greta Lindqvist", "Paul Brandt", "Paul Brandt"], joined
    for apart in ("“It is done.” Later, “it holds,”", "“It is done.” — “It holds,”", "“Is it done?” “It holds,”"):
        quotes = quotes_of(opening + apart + " said Paul Brandt, an official.\n")
        assert [speaker for _, speaker in quotes] == ["Greta Lindqvist", "Greta Lindqvist", "Paul Brandt"], apart


def test_single_marks_nested_in_double_stay_inside_one_quote():
    text = "“She looked at me and said ‘never again’ before she left,” said Karl Brandt, the landlord.\n"
    assert quotes_of(text) == [("She looked at me and said ‘never again’ before she left,", "Karl Brandt")]


def test_single_marks_are_outer_quotes_in_a_headline():
    text = (
        "Torres: ‘The library stays open’\n\n"
        "Mayor Ana Torres said on Tuesday the central library would stay open.\n"
    )
    result = extract(text)
    assert [q.text for q in result.quotes] == ["The library stays open"]
    assert result.quotes[0].paragraph == 0


def test_apostrophes_are_not_quote_marks():
    text = (
        "The band’s comeback tour sold out. Fans of ’90s rock ’n’ roll don’t mind the prices.\n\n"
        "It's the band's first tour since the '90s, and rock 'n' roll fans can't wait.\n"
    )
    assert quotes_of(text) == []


def test_speaker_after_the_quote_in_both_orders():
    text = (
        "Energy deal signed\n\n"
        "Energy Minister Paolo Renzi and union leader Greta Holm met in Rome.\n\n"
        "“The deal protects every job,” said Renzi.\n\n"
        "“We will hold him to that,” Holm said.\n"
    )
    assert quotes_of(text) == [
        ("The deal protects every job,", "Paolo Renzi"),
        ("We will hold him to that,", "Greta Holm"),
    ]


def test_speaker_before_the_quote_with_colon_or_comma():
    text = (
        "Silva blunt after defeat\n\n"
        "Coach Marta Silva was blunt after the defeat. Silva said: “We were not ready.”\n\n"
        "Team captain Lars Eriksen said, “Next week will be different.”\n"
    )
    assert quotes_of(text) == [
        ("We were not ready.", "Marta Silva"),
        ("Next week will be different.", "Lars Eriksen"),
    ]


def test_speaker_in_the_middle_gives_two_quotes_to_one_speaker():
    text = "“The water is safe to drink,” Dr. Helen Okafor said. “We tested it twice this morning.”\n"
    assert quotes_of(text) == [
        ("The water is safe to drink,", "Helen Okafor"),
        ("We tested it twice this morning.", "Helen Okafor"),
    ]


def test_present_tense_says():
    text = "“Prices will fall by spring,” says Tomas Lindgren, an economist at Nordhavn Bank.\n"
    assert quotes_of(text) == [("Prices will fall by spring,", "Tomas Lindgren")]


def test_verb_first_attribution_to_an_agency():
    text = (
        "Missile test\n\n"
        "North Korea fired two missiles on Sunday, according to the Korean Central News Agency (KCNA).\n\n"
        "“The test was a complete success,” added KCNA.\n"
    )
    assert quotes_of(text) == [("The test was a complete success,", "Korean Central News Agency")]


def test_told_reuters_names_the_speaker_not_the_agency():
    text = "“We expect the merger to close in June,” Vantor Holdings chief executive Paul Marsh told Reuters.\n"
    result = extract(text)
    assert [(q.speaker) for q in result.quotes] == ["Paul Marsh"]
    assert "Reuters" in {o.name for o in result.organizations}


def test_said_name_of_organization():
    text = "“The agreement is a first step,” said Nora Quint of the World Trade Organization.\n"
    result = extract(text)
    assert result.quotes[0].speaker == "Nora Quint"
    assert result.people[0].organization == "World Trade Organization"


def test_according_to_names_the_speaker():
    text = "The river will peak on Thursday, “well above the 2019 record,” according to hydrologist Ivan Petrov.\n"
    assert quotes_of(text) == [("well above the 2019 record,", "Ivan Petrov")]


def test_name_title_of_organization_says_colon():
    text = "Rosa Delgado, director of the Harbor Transit Authority, says: “Ferries will run every hour.”\n"
    result = extract(text)
    assert [(q.text, q.speaker) for q in result.quotes] == [("Ferries will run every hour.", "Rosa Delgado")]
    assert (result.people[0].role, result.people[0].organization) == ("director", "Harbor Transit Authority")


def test_name_and_title_after_quote_then_said_of():
    text = (
        "“We never expected this many applicants,” Steven Marlow, deputy head of admissions at "
        "Westbrook University, said of the new scholarship in a call with reporters.\n"
    )
    result = extract(text)
    assert [q.speaker for q in result.quotes] == ["Steven Marlow"]
    assert result.people[0].organization == "Westbrook University"


def test_pronouns_follow_gender():
    text = (
        "Vote splits council\n\n"
        "Maria Lopez and Tom Becker spoke after the vote. Lopez called the result a disgrace.\n\n"
        "“This city deserves better,” she said.\n\n"
        "Becker disagreed. “The count was fair,” he said.\n"
    )
    assert quotes_of(text) == [
        ("This city deserves better,", "Maria Lopez"),
        ("The count was fair,", "Tom Becker"),
    ]


def test_the_agency_and_it_mean_the_organization_named():
    text = (
        "Launch postponed\n\n"
        "The European Space Agency postponed the launch on Friday.\n\n"
        "“Safety comes before the schedule,” the agency said in a statement.\n\n"
        "“A new date will follow within days,” it said.\n"
    )
    assert quotes_of(text) == [
        ("Safety comes before the schedule,", "European Space Agency"),
        ("A new date will follow within days,", "European Space Agency"),
    ]


def test_surname_that_is_also_a_place_is_the_person():
    text = (
        "Record year for foundation\n\n"
        "The address was given by Paul Jordan, the foundation's treasurer.\n\n"
        "“We have never had a better year,” Jordan told the audience.\n"
    )
    result = extract(text)
    assert [q.speaker for q in result.quotes] == ["Paul Jordan"]
    assert [p.name for p in result.people] == ["Paul Jordan"]


def test_unnamed_sources_get_no_speaker():
    text = (
        "Mayor may resign\n\n"
        "Mayor Ana Torres is expected to resign, people familiar with the matter said.\n\n"
        "“She has lost the council,” a source said.\n\n"
        "“The market has priced this in,” analysts said.\n\n"
        "“No decision has been made,” officials said.\n"
    )
    assert quotes_of(text) == [
        ("She has lost the council,", None),
        ("The market has priced this in,", None),
        ("No decision has been made,", None),
    ]


def test_quote_without_a_verb_continues_the_previous_speaker():
    text = (
        "Orchards hit by frost\n\n"
        "“The harvest was the worst in thirty years,” said farmer Joan Whitlock.\n\n"
        "“Half the orchard is gone. We will replant in March.”\n"
    )
    assert quotes_of(text) == [
        ("The harvest was the worst in thirty years,", "Joan Whitlock"),
        ("Half the orchard is gone. We will replant in March.", "Joan Whitlock"),
    ]


def test_quote_running_over_paragraph_breaks_is_one_quote_per_paragraph():
    text = (
        "Budget cuts to end\n\n"
        "Council leader Ben Achebe read a statement on Wednesday:\n\n"
        "“The budget has been cut for four years in a row.\n\n"
        "“Libraries and pools have closed. We will reopen them.”\n"
    )
    result = extract(text)
    assert [(q.text, q.speaker, q.paragraph) for q in result.quotes] == [
        ("The budget has been cut for four years in a row.", "Ben Achebe", 2),
        ("Libraries and pools have closed. We will reopen them.", "Ben Achebe", 3),
    ]


def test_missing_closing_mark_runs_to_the_end_of_the_paragraph():
    text = (
        "Search goes on\n\n"
        "Inspector Sara Lind said the search would go on, “until every field has been walked twice.\n\n"
        "Volunteers will join on Saturday.\n"
    )
    result = extract(text)
    assert [q.text for q in result.quotes] == ["until every field has been walked twice."]
    assert result.quotes[0].speaker == "Sara Lind"


def test_partial_quote_goes_to_the_subject_of_the_sentence():
    text = "Senator Hugo Brandt said the proposal was “dead on arrival” and called for a new vote.\n"
    assert quotes_of(text) == [("dead on arrival", "Hugo Brandt")]


def test_scare_quotes_nicknames_and_titles_are_not_quotes():
    text = (
        "The old fort, dubbed the “Iron Fortress” by inmates, closed in 1990.\n\n"
        "Officials promised a so-called “green corridor” for trucks.\n\n"
        "The choir performed “Silver Morning” at the opening of the hall.\n\n"
        "This “pilot” scheme costs very little.\n"
    )
    assert quotes_of(text) == []


def test_a_quote_keeps_its_exact_characters():
    text = "“We are ready — finally,” said Lea Moreau .\n"
    result = extract(text)
    assert result.quotes[0].text == "We are ready — finally,"
    assert result.quotes[0].speaker == "Lea Moreau"


def test_single_marks_as_outer_quotes_in_the_body_skip_plural_possessives():
    text = (
        "Rovers win\n\n"
        "Striker Kwame Asante scored twice on Saturday.\n\n"
        "‘It’s the best night of my life. The fans’ support was unbelievable,’ Asante said.\n"
    )
    assert quotes_of(text) == [
        ("It’s the best night of my life. The fans’ support was unbelievable,", "Kwame Asante"),
    ]


def test_a_short_quote_that_is_a_whole_sentence_is_speech():
    text = (
        "Budget passes\n\n"
        "“We did it,” said Finance Minister Clara Jensen. “Finally.”\n"
    )
    assert quotes_of(text) == [("We did it,", "Clara Jensen"), ("Finally.", "Clara Jensen")]


def test_people_named_like_months_are_speakers_and_months_stay_dates():
    text = (
        "Shipyard wins order\n\n"
        "The yard signed the contract in May, months after talks began in August.\n\n"
        "“We did it,” said Jan Kowal, chief executive of Acme Corp.\n\n"
        "“It is a good day for the town,” said Theresa May, the local member of parliament.\n\n"
        "“The crews are ready,” said June Carter, a union steward. “We start on Monday,” May said.\n\n"
        "In August Biden signed the order. “It holds,” said April Ryan, a reporter.\n"
    )
    result = extract(text)
    assert quotes_of(text) == [
        ("We did it,", "Jan Kowal"),
        ("It is a good day for the town,", "Theresa May"),
        ("The crews are ready,", "June Carter"),
        ("We start on Monday,", "Theresa May"),
        ("It holds,", "April Ryan"),
    ]
    people = {person.name for person in result.people}
    assert {"Jan Kowal", "Theresa May", "June Carter", "April Ryan"} <= people
    assert not any(name.startswith(("May", "August")) for name in people), people


def test_an_opening_line_that_quotes_someone_is_the_story_not_its_title():
    text = (
        "“This is the biggest order in a decade,” said Łukasz Wałęsa, chief executive of Stocznia Gdańska.\n\n"
        "“Rain again,” said Mary Jones.\n"
    )
    assert quotes_of(text) == [
        ("This is the biggest order in a decade,", "Łukasz Wałęsa"),
        ("Rain again,", "Mary Jones"),
    ]
    headline = "Wałęsa: “This is the biggest order in a decade”\n\n" + text
    assert extract(headline).title.startswith("Wałęsa")


def test_a_quote_wrapped_onto_the_next_line_is_one_quote_with_its_speaker_and_role():
    """Hard-wrapped text (a file wrapped at 72 columns, a page's <br>) lost quotes that ran on to the next line, and
    cut roles at the line's end."""
    wrapped = (
        "Storm hits coast\n\n"
        "Residents were told to stay home on Sunday. \"We have never seen\n"
        "anything like this,\" said Dan Ortiz, a fisherman who has worked the\n"
        "bay for thirty years. \"The damage is severe,\" said Karen Hill, the county\n"
        "emergency manager, who toured the harbor with the governor on Monday.\n"
    )
    for text in (wrapped, wrapped.replace("\n", "\r\n")):
        line_break = "\r\n" if "\r" in text else "\n"
        assert quotes_of(text) == [
            (f"We have never seen{line_break}anything like this,", "Dan Ortiz"),
            ("The damage is severe,", "Karen Hill"),
        ]
        result = extract(text)
        assert {p.name: p.role for p in result.people}["Karen Hill"] == "county emergency manager"
        assert [quote.paragraph for quote in result.quotes] == [1, 3], "a quote's paragraph is the line it opens on"
    for said_next_line in (
        "Safety plan\n\n\u201cWe have had four cyclists killed on this corridor,\u201d\n"
        "said Councilwoman Deb McNulty.\n",
        "Safety plan\n\nThe council met on Monday to hear residents. \u201cWe have had four cyclists killed,\u201d\n"
        "Councilwoman Deb McNulty said.\n",
    ):
        assert quotes_of(said_next_line)[0][1] == "Deb McNulty", "the attribution on the next line"
    short_lines = "Port reopens\n\n\u201cWe\u2019ve waited\nlong enough,\u201d said Luis Ortega, a commuter.\n"
    assert quotes_of(short_lines) == [("We\u2019ve waited\nlong enough,", "Luis Ortega")]


def test_a_quote_left_open_at_a_paragraph_s_end_is_not_joined_to_the_next_paragraph():
    text = (
        "Talks resume\n"
        "\u201cWe will keep talking as long as it takes,\u201d said Mara Quint, the union\u2019s chief negotiator. "
        "\u201cNobody wants a strike.\n"
        "\u201cBut nobody wants to work for less either,\u201d she said.\n"
    )
    quotes = extract(text).quotes
    assert [q.text for q in quotes][-2:] == ["Nobody wants a strike.", "But nobody wants to work for less either,"]
    assert all("\n" not in q.text for q in quotes)


def test_a_surname_that_is_also_a_common_word_is_still_a_speaker():
    """"Paul Green" was found, but "said Paul Green" left the quote unattributed, and "Paul Green said:" lost it."""
    for name in ("Paul Green", "Doris Day", "Mary West", "Tom Mount"):
        text = (
            f"Budget\n\n\u201cThe budget is balanced,\u201d said {name}.\n\n"
            f"{name} said: \u201cWe will keep it so.\u201d\n"
        )
        assert quotes_of(text) == [("The budget is balanced,", name), ("We will keep it so.", name)], name
    assert quotes_of("Storm\n\n\u201cThe ice moved,\u201d the survey said of the Ross Sea.\n") == [
        ("The ice moved,", None)
    ]


def test_a_surname_that_is_also_a_title_is_still_a_speaker():
    """"said Stephen King" and "said Anna Judge" were unattributed, King read as a title and not a name."""
    for name in ("Stephen King", "Anna Judge", "Tom Bishop", "Martin Luther King III", "Henry Ford II"):
        surname = name.split()[-2] if name.endswith("I") else name.split()[-1]
        text = (
            f"Hearing\n\n\u201cWe will examine every line,\u201d said {name}.\n\n"
            f"{surname} spoke again later. \u201cTwice,\u201d {surname} said.\n"
        )
        assert quotes_of(text) == [("We will examine every line,", name), ("Twice,", name)], name
    royal = "Visit\n\n\u201cWe are delighted,\u201d said King Charles.\n"
    assert quotes_of(royal) == [("We are delighted,", "Charles")]


def test_a_short_quote_right_after_said_is_speech_even_when_its_speaker_is_unnamed():
    """`The harbor master said "We expect ships by noon."` found no quote at all: short, and no name before it."""
    text = "Port\n\nThe port reopened on Monday.\n\nThe harbor master said \u201cWe expect ships by noon.\u201d\n"
    assert quotes_of(text) == [("We expect ships by noon.", None)]


def test_a_surname_alone_with_its_role_in_apposition_is_the_speaker():
    """`Kraus, the harbor master, said "…"` lost the quote; Kraus was no one."""
    text = (
        "Port\n\nThe port reopened on Monday.\n\n"
        "Kraus, the harbor master, said \u201cWe expect ships by noon.\u201d\n\n\u201cIt went well,\u201d Kraus said.\n"
    )
    assert quotes_of(text) == [("We expect ships by noon.", "Kraus"), ("It went well,", "Kraus")]
    assert {p.name: p.role for p in extract(text).people} == {"Kraus": "harbor master"}


def test_what_someone_called_something_is_their_quote_and_a_thing_called_so_is_not():
    text = (
        "Cup final\n\nUnited manager Xabier Etxeberria called it \u201ca complete performance\u201d from his side. "
        "He founded a supporters' group called \u201cThe Faithful\u201d in 2004.\n"
    )
    assert quotes_of(text) == [("a complete performance", "Xabier Etxeberria")]


def test_a_he_after_someone_new_and_unnamed_is_not_the_person_named_before():
    """"Another fisherman, who asked not to be named, … he said" gave the quote to the chairman named before."""
    text = (
        "Quota cut\n\nTomasz Kerr chairs the cooperative. \u201cWe will fight this,\u201d Kerr said.\n\n"
        "Another fisherman, who asked not to be named, put it more bluntly. \u201cOnce the money comes in, we are "
        "finished,\u201d he said.\n"
    )
    assert [speaker for _, speaker in quotes_of(text)] == ["Tomasz Kerr", None]
    named = "Plant\n\nA spokeswoman for Acme, Jane Doe, said the plant would close. \u201cIt is sad,\u201d she said.\n"
    assert [speaker for _, speaker in quotes_of(named)] == ["Jane Doe"]


def test_a_pronoun_after_someone_left_unnamed_is_no_one_named_before() -> None:
    text = (
        "Suppliers squeezed\n\n"
        "Halvard Ostby, the chief executive of Brightwater Motors, said prices would keep falling.\n\n"
        "The owner of a parts maker in Ningbo, who declined to be named for fear of losing business, said his "
        "largest customer now paid after 200 days.\n\n"
        '"They squeeze us, and we squeeze our workers," he said.\n\n'
        "Dr. Wanjiru Mbeki, the trial's lead investigator, said the results were strong.\n\n"
        "At a clinic in the lakeside town of Homa Bay, a mother of three who took part in the trial said she had "
        "not known which vaccine her son received.\n\n"
        '"Now I know why," she said.\n'
    )
    assert quotes_of(text) == [
        ("They squeeze us, and we squeeze our workers,", None),
        ("Now I know why,", None),
    ]


def test_a_pronoun_finds_its_subject_past_a_source_in_a_clause_a_possessive_and_an_employer() -> None:
    text = (
        "Pension protests\n\n"
        "Minister Auguste Lemaire defended the reform on Wednesday.\n\n"
        "In Marseille, where police said 26,000 people marched, Karim Benhadj, a 58-year-old dockworker, said he "
        'had worked for 40 years. "My back has carried this country," he said.\n\n'
        "The federation said Lemaire had met its president, Tomasz Wrobel, on Monday.\n\n"
        "Zofia Kaczmarek won the final in three sets.\n\n"
        "Kaczmarek's rise has been rapid. She reached her first quarter-final in January.\n\n"
        '"Contender is a big word," she said.\n\n'
        "The Harbor Weather Office said the storm would weaken.\n\n"
        "Mayor Ronan Bautista said the shelters were full.\n\n"
        'Weather Office forecaster Angelo Villarin warned of landslides. "The rain will stay," he said.\n'
    )
    assert quotes_of(text) == [
        ("My back has carried this country,", "Karim Benhadj"),
        ("Contender is a big word,", "Zofia Kaczmarek"),
        ("The rain will stay,", "Angelo Villarin"),
    ]
    organizations = {o.name for o in extract(text).organizations}
    assert "Harbor Weather Office" in organizations


def test_a_national_branch_of_a_known_organization_is_one_organization() -> None:
    text = "Relief effort\n\nThe Philippine Red Cross deployed rescue boats on Sunday, its volunteers said.\n"
    extraction = extract(text)
    assert [o.name for o in extraction.organizations] == ["Philippine Red Cross"]
    assert not extraction.people


def test_an_honorific_picks_its_person_among_namesakes_and_an_outlet_in_a_phrase_is_no_subject() -> None:
    text = (
        "Pianist dies at 91\n\n"
        "Loretta Vidrine, a pianist and singer, died on Tuesday.\n\n"
        "Her death was announced by her grandson, the trumpeter Marcus Vidrine Boudreaux.\n\n"
        "The city's mayor, Keisha Marchand, ordered flags flown at half-staff.\n\n"
        "In a 2014 interview with the radio station WWOZ, Ms. Vidrine was asked why she had never left. "
        '"Where would I go?" she replied.\n\n'
        "Years later, Ms. Vidrine said she still played every day. "
        '"My hands remember," she said.\n'
    )
    assert quotes_of(text) == [("Where would I go?", "Loretta Vidrine"), ("My hands remember,", "Loretta Vidrine")]


def test_a_speaker_whose_given_name_is_also_a_place_is_a_person() -> None:
    text = (
        "Premiere night\n\n"
        '"We are ready," said Paris Hilcombe.\n\n'
        '"It is fine," said Jordan Petersen.\n\n'
        "Austin Bulmer said the film was long.\n\n"
        "In Brussels Nato allies said they would meet.\n"
    )
    extraction = extract(text)
    assert [p.name for p in extraction.people] == ["Paris Hilcombe", "Jordan Petersen", "Austin Bulmer"]
    assert [q.speaker for q in extraction.quotes] == ["Paris Hilcombe", "Jordan Petersen"]


def test_a_spokesperson_of_a_named_office_gives_the_quote_to_the_office() -> None:
    text = (
        "Talks\n\n"
        '"We are looking at it," a Downing Street spokesperson said.\n\n'
        '"No comment," said a Kremlin spokesman.\n\n'
        '"It is early," said a spokeswoman, who asked not to be named.\n'
    )
    assert [q.speaker for q in extract(text).quotes] == ["Downing Street", "Kremlin", None]


def test_a_middle_initial_that_is_also_a_word_stays_in_a_titled_name() -> None:
    text = (
        "Verdict\n\n"
        '"He knew it was wrong," said Judge Lewis A. Kaplan.\n\n'
        '"It is over," said Senator Mary I. Olsen.\n'
    )
    extraction = extract(text)
    assert [(p.name, p.role) for p in extraction.people] == [("Lewis A. Kaplan", "Judge"), ("Mary I. Olsen", "Senator")]
    assert [q.speaker for q in extraction.quotes] == ["Lewis A. Kaplan", "Mary I. Olsen"]


def test_a_given_name_that_is_also_a_company_s_makes_no_organization() -> None:
    text = 'Final\n\nCoach Dawn Stalwick was confident. "We will win this game," Stalwick said.\n'
    extraction = extract(text)
    assert extraction.organizations == ()
    assert [p.name for p in extraction.people] == ["Dawn Stalwick"]


def test_the_nationality_or_age_of_the_one_person_just_named_is_the_speaker() -> None:
    text = (
        "Final\n\n"
        'Novak Dorovic was gracious in defeat. "He played better than me today," the Serbian said.\n\n'
        'Carlos Alcarez, 21, was thrilled. "It is a dream," the 21-year-old said.\n\n'
        'Dorovic beat Alcarez in four sets. "It was hard," the Serbian said.\n\n'
        '"We were outplayed," the French said.\n'
    )
    speakers = [q.speaker for q in extract(text).quotes]
    assert speakers == ["Novak Dorovic", "Carlos Alcarez", None, None]


def test_a_given_name_that_is_also_a_word_or_place_names_the_speaker_where_a_speaker_stands() -> None:
    text = (
        "Budget talks\n\n"
        '"We will act now," said Christian Brannholt.\n\n'
        '"It is late," said Frank Lake.\n\n'
        '"Nobody asked us," said Virginia May.\n\n'
        '"The deal holds," Christian Ostervald said.\n\n'
        'Finance Minister Christian Haldmark said: "We will not pay."\n\n'
        '"We are ready," said Marine Le Garrec.\n'
    )
    extraction = extract(text)
    assert [q.speaker for q in extraction.quotes] == [
        "Christian Brannholt", "Frank Lake", "Virginia May", "Christian Ostervald", "Christian Haldmark",
        "Marine Le Garrec",
    ]
    roles = {p.name: p.role for p in extraction.people}
    assert roles["Christian Haldmark"] == "Finance Minister"
    assert roles["Marine Le Garrec"] is None


def test_a_faith_a_place_or_an_adjective_opening_a_name_that_is_no_person_stays_so() -> None:
    text = (
        "Coalition\n\n"
        "The Christian Democrats said they would vote against the bill.\n\n"
        "Georgia's governor said the state would appeal. The Marine Corps said it would help.\n\n"
        '"We act," said Christian Democrats leader Ann Vogtland.\n'
    )
    extraction = extract(text)
    assert [p.name for p in extraction.people] == ["Ann Vogtland"]
    assert {"Christian Democrats", "Marine Corps"} <= {o.name for o in extraction.organizations}


def test_a_speaker_whose_given_name_is_a_word_keeps_the_job_in_apposition_and_its_party() -> None:
    text = (
        "Budget\n\n"
        '"We will not sign it," said Christian Lindqvar, the finance spokesman for the Free Civic Party.\n\n'
        '"Nor will we," said Tomas Erlandqvist, the health spokesman for the Free Civic Party.\n'
    )
    extraction = extract(text)
    assert [q.speaker for q in extraction.quotes] == ["Christian Lindqvar", "Tomas Erlandqvist"]
    people = {p.name: (p.role, p.organization) for p in extraction.people}
    assert people["Christian Lindqvar"] == ("finance spokesman", "Free Civic Party")
    assert people["Tomas Erlandqvist"] == ("health spokesman", "Free Civic Party")


def test_a_person_named_after_according_to_speaks_a_quote_later_in_the_sentence() -> None:
    text = (
        "Coalition\n\n"
        "According to Jonas Feldkirch, a political scientist at the Free University of Marlow, the impasse is "
        '"the most serious in decades."\n\n'
        'According to economist Dana Whitlow, the plan is "a dead end."\n\n'
        'According to the report, the plan is "a dead end."\n'
    )
    extraction = extract(text)
    assert quotes_of(text) == [
        ("the most serious in decades.", "Jonas Feldkirch"), ("a dead end.", "Dana Whitlow"),
    ]
    assert {p.name: p.role for p in extraction.people}["Dana Whitlow"] == "economist"


def test_a_second_partial_quote_after_a_speech_verb_and_that_is_the_sentence_subject_s() -> None:
    text = (
        "Markets\n\n"
        "Mei Lan, a portfolio manager at Harwick Capital, said the valuation was \"stretched\" and warned that "
        '"a slowdown could hit orders hard."\n'
    )
    assert quotes_of(text) == [("stretched", "Mei Lan"), ("a slowdown could hit orders hard.", "Mei Lan")]


def test_according_to_x_yields_to_a_speaker_or_a_voice_of_the_quote_in_the_sentence() -> None:
    text = (
        "Deal\n\n"
        'According to Lena Marchetti, her rival Oskar Brandl described the deal as "theft."\n\n'
        'According to Lena Marchetti, the sign read "no entry" and was ignored.\n\n'
        'According to Lena Marchetti, the marchers chanted "not in our name" for hours.\n'
    )
    quotes = quotes_of(text)
    assert ("no entry", "Lena Marchetti") not in quotes and ("not in our name", "Lena Marchetti") not in quotes
    assert [speaker for _, speaker in quotes] == ["Oskar Brandl"]


def test_a_job_before_le_or_van_is_a_role_not_a_given_name() -> None:
    text = (
        "Kitchen\n\n"
        '"We hold the line," said Chef Le Moal.\n\n'
        '"We pray," said Pastor Van Rensburg.\n\n'
        '"We build," said Architect Van Oosten.\n'
    )
    extraction = extract(text)
    assert [q.speaker for q in extraction.quotes] == ["Le Moal", "Van Rensburg", "Van Oosten"]
    roles = {p.name: p.role for p in extraction.people}
    assert roles == {"Le Moal": "Chef", "Van Rensburg": "Pastor", "Van Oosten": "Architect"}


def test_a_faith_before_a_cause_s_word_is_a_group_not_a_person() -> None:
    text = (
        "Relief\n\n"
        '"We will comply," Christian Aid said in a statement.\n\n'
        '"We object," said Christian Voice.\n\n'
        '"We agree," Islamic Relief said.\n'
    )
    extraction = extract(text)
    assert not extraction.people
    assert {"Christian Aid", "Christian Voice", "Islamic Relief"} <= {o.name for o in extraction.organizations}


def test_a_quote_wrapped_narrowly_over_several_lines_is_one_quote_with_its_speaker():
    """Wrapped at 40 columns, a quote's middle line holds no mark: only its first line was kept, unattributed."""
    text = (
        "Wrapped\n\n"
        '"This is a long quote that was wrapped\n'
        "by the newsroom system at a fixed width\n"
        'so it runs across lines," said Mara Kell, the former prime minister.\n'
    )
    assert quotes_of(text) == [
        ("This is a long quote that was wrapped\nby the newsroom system at a fixed width\nso it runs across lines,",
         "Mara Kell"),
    ]
    left_open = 'Vote\n\n"We will fight on and win\nThe minister said the plan was ready.\n"It is," she said.\n'
    assert quotes_of(left_open)[0] == ("We will fight on and win", None)


def test_an_article_that_is_only_a_quote_naming_a_body_extracts_without_error() -> None:
    """A quote holding an organization's word is read apart from the article's sentences; with none to read, the
    check of a club's name before a job looked up a sentence that was not there."""
    assert not extract("\u201c Reuters\u201d (AP) \u2014 ").people


def test_a_place_after_at_the_opening_a_sentence_is_not_who_a_pronoun_after_it_means() -> None:
    text = (
        "Strike\n\n"
        "“Nobody wins,” said Carl Mendes, a union official.\n\n"
        "At the Perry Barr depot, driver Kwame Osei-Bonsu said he had worked there for nineteen years.\n\n"
        "“I\u2019ve never been on strike in my life,” he said.\n\n"
        "For Aoife Byrne, a nurse who shares a flat with Tom Hale, the budget felt distant. “I will take the "
        "credit,” she said.\n"
    )
    assert quotes_of(text)[1:] == [
        ("I\u2019ve never been on strike in my life,", "Kwame Osei-Bonsu"),
        ("I will take the credit,", "Aoife Byrne"),
    ]


def test_she_said_after_a_person_who_said_something_in_a_clause_is_that_person() -> None:
    text = (
        "Nile talks\n\n"
        "Ethiopia\u2019s foreign minister, Tesfaye Gebremariam, said his country wanted a fair deal. \u201cWe "
        "never sought harm,\u201d Tesfaye told reporters.\n\n"
        "Sudan\u2019s delegation was led by Mariam Osman Khalifa, the minister of irrigation, who said Khartoum "
        "wanted data.\n\n"
        "\u201cWe must know the same day,\u201d she said.\n\n"
        "Her death was announced by her nephew, Rui Alves, who said she had been ill. \u201cShe went "
        "peacefully,\u201d he said.\n"
    )
    assert quotes_of(text) == [
        ("We never sought harm,", "Tesfaye Gebremariam"),
        ("We must know the same day,", "Mariam Osman Khalifa"),
        ("She went peacefully,", "Rui Alves"),
    ]


def test_a_pronoun_is_not_ruled_out_by_a_mark_or_a_possessive_that_may_be_someone_else_s() -> None:
    articles = {
        "Rahul Mehta": "Rahul Mehta, a nurse, said staff were leaving. Anjali Singh, a doctor, said the wards were "
        "full. \u201cWe are exhausted,\u201d he said.",
        "Jordan Price": "Jordan Price, the coach, said her performance was outstanding. Sarah Moss won the race. "
        "\u201cWe are exhausted,\u201d he said.",
        "Mai Van Dyke": "Mai Van Dyke, a nurse, said the ward was full. \u201cWe are exhausted,\u201d she said.",
        None: "The prize was shared with Mark Hill, who said he was honoured. The committee chairman praised both "
        "scientists. \u201cWe are exhausted,\u201d he said.",
    }
    for speaker, body in articles.items():
        assert quotes_of(f"Story\n\n{body}\n") == [("We are exhausted,", speaker)]
    assert quotes_of("Vote\n\nSarah Kent said it was a \u201cShameful Day\u201d for the council.\n") == [
        ("Shameful Day", "Sarah Kent")
    ]


def test_she_said_after_a_sentence_citing_a_person_means_that_person():
    """"According to X, an analyst at Y, …" then "“…,” she said": the quote went to a woman named paragraphs
    before, since X stands after a preposition."""
    text = (
        "Court case\n\n"
        '"We will appeal," said Niamh Costa, a student who brought the case.\n\n'
        "According to Chloe Baptiste, a partner at the law firm Vance Okafor, the case will take a year.\n\n"
        "“The Commission has picked its case well,” she said.\n"
    )
    assert quotes_of(text) == [
        ("We will appeal,", "Niamh Costa"),
        ("The Commission has picked its case well,", "Chloe Baptiste"),
    ]


def test_a_given_name_borne_by_women_and_men_tells_no_sex():
    """"Dr Yuki Hasegawa, said …" then "“…,” she said" gave the quote to a man quoted before: Yuki was a man's name."""
    text = (
        "Drug approved\n\n"
        '"It is impressive," said Hugh Blake, a cardiologist.\n\n'
        "Its chief medical officer, Dr Yuki Hasegawa, said the company would submit data.\n\n"
        "“We will price it responsibly,” she said.\n"
    )
    assert quotes_of(text)[-1] == ("We will price it responsibly,", "Yuki Hasegawa")


def test_a_source_left_unnamed_is_no_body_its_relative_clause_names():
    """"One investor, who asked not to be named because talks with the company were private, said: “…”" gave
    the quote to the company."""
    text = (
        "Shares fall\n\n"
        "Brightwater Retail Group shares fell. One top-20 investor, who asked not to be named because talks with the "
        "company were private, said: “There is a limit to our patience.”\n\n"
        "A spokesman for Brightwater said: “We listen to every investor.”\n\n"
        "“We will reply,” a spokesman for the firm said.\n"
    )
    assert quotes_of(text) == [
        ("There is a limit to our patience.", None),
        ("We listen to every investor.", "Brightwater Retail Group"),
        ("We will reply,", None),
    ]


def test_a_name_after_a_sentence_opening_in_is_the_place_the_sentence_is_set():
    """"In Abu Shouk, Hawa Ishag, 38, told Reuters …" made the camp a person and gave it her quotes."""
    text = (
        "Camps short of food\n\n"
        "In Abu Shouk, Hawa Abakar Ishag, 38, a mother of six, told Reuters the food had run out.\n\n"
        "“My youngest is two,” she said.\n\n"
        "\"The rains failed,\" said Governor Kiprono arap Chelule of Kericho County.\n"
    )
    assert quotes_of(text) == [("My youngest is two,", "Hawa Abakar Ishag"),
                               ("The rains failed,", "Kiprono arap Chelule")]


def test_a_titled_name_after_by_is_no_subject_for_the_pronoun_after_it():
    """"Asked by Deputy District Attorney X whether …, Nguyen shook her head. “Nothing,” she said." gave the witness's
    answer to the prosecutor who asked."""
    text = (
        "Fraud trial\n\n"
        "Nguyen Thi Mai testified through an interpreter on Tuesday.\n\n"
        "Asked by Deputy District Attorney Alejandra Ruiz whether she had received any of the money back, Nguyen "
        "shook her head. “Nothing,” she said.\n\n"
        "Deputy District Attorney Alejandra Ruiz said the case was strong. “It is,” she said.\n"
    )
    assert quotes_of(text) == [("Nothing,", "Nguyen Thi Mai"), ("It is,", "Alejandra Ruiz")]


def test_near_misses_of_the_according_to_spokesman_and_credit_rules_keep_their_speakers():
    """What a review found: "According to X, Mary Jones lied" gave Mary's "she said" to X, "a spokeswoman for Tesla
    shareholders" spoke for Tesla, and "Research by virologist Ann Lee found …" was taken for a credit line."""
    text = (
        "Trial\n\n"
        "According to Ann Lee, Mary Jones lied to the jury in March. “I never lied to anyone,” she said.\n\n"
        "Tesla Inc shares fell. “We reject the claims,” said a spokeswoman for Tesla shareholders who are suing.\n\n"
        "Research by virologist Ann Lee found the strain was new. “We were surprised,” Lee said.\n\n"
        "The prize was presented to Professor Ruth Amos at a ceremony in London. “I am deeply honoured,” she said.\n"
    )
    assert quotes_of(text) == [
        ("I never lied to anyone,", "Mary Jones"),
        ("We reject the claims,", None),
        ("We were surprised,", "Ann Lee"),
        ("I am deeply honoured,", "Ruth Amos"),
    ]


def test_a_namesake_is_meant_only_where_the_bare_surname_s_own_sentence_says_so():
    """A pronoun that could not mean a bare surname's person went to their namesake of the other sex, past a nearer
    person it could mean: "Judge Mary Cole asked him …. Lee said he had never seen it. “…?” she asked"."""
    text = (
        "Contract trial\n\n"
        "Ann Lee, the plaintiff, left the court early. Her brother, Tom Lee, took the stand on Tuesday. Judge Mary "
        "Cole asked him about the contract. Lee said he had never seen it. “Then who signed it?” she asked.\n"
    )
    assert quotes_of(text) == [("Then who signed it?", "Mary Cole")]


def test_letters_after_a_name_and_streets_are_no_part_of_a_person_s_name():
    """"Tariq Abu-Hamdan KC" and "Jane Morton MP" were people of their own beside "Abu-Hamdan" and "Morton", who
    were given their quotes, and a street "Adewale Coker Crescent" was a person."""
    text = (
        "Appeal\n\n"
        "His barrister, Tariq Abu-Hamdan KC, argued the judge erred. \u201cWe will appeal,\u201d Abu-Hamdan said.\n\n"
        "Jane Morton MP said the plan was wrong. \u201cIt fails,\u201d Morton said.\n\n"
        "A street would be renamed Adewale Coker Crescent in his honour, said Ann Lee.\n"
    )
    assert quotes_of(text) == [("We will appeal,", "Tariq Abu-Hamdan"), ("It fails,", "Jane Morton")]
    assert [p.name for p in extract(text).people] == ["Tariq Abu-Hamdan", "Jane Morton", "Ann Lee"]


def test_near_misses_a_third_review_found_keep_their_speakers():
    """A quote in a clause after ", whose" went to the person the clause named, a pronoun to a bare surname's
    namesake, and "Emily said" to the person whose third name was Emily."""
    text = (
        "Politics\n\n"
        "Prime Minister Keir Starmer, whose chief of staff, Morgan McSweeney, resigned on Sunday, said he had "
        "\u201cfull confidence in the team I have\u201d.\n\n"
        "Mayor Sarah Hale opened the meeting. Her husband, councillor Tom Hale, sat in the front row. Council clerk "
        "Ann Price read the motion. Hale handed her a note. \u201cThe motion passes,\u201d she announced.\n\n"
        "Sarah Jane Emily Hart, 34, and her daughter, Emily Hart, 6, were rescued. \u201cIt was scary,\u201d Emily "
        "said.\n"
    )
    quotes = quotes_of(text)
    assert quotes[:2] == [("full confidence in the team I have", "Keir Starmer"), ("The motion passes,", "Ann Price")]
    assert quotes[2][1] in ("Emily", "Emily Hart")


def test_she_means_the_woman_named_last_past_a_place_a_shoal_or_an_accented_given_name() -> None:
    """"near Coraki, dairy farmer Fiona McLachlan said" made the town the sentence's subject, a shoal was a person,
    "Ma." and "Siobhán" told no sex: each sent "she said" to someone named before."""
    text = (
        "Floods\n\n"
        "\u201cRivers are high,\u201d senior meteorologist Dev Raghunathan said.\n\n"
        "Further downstream, near Coraki, dairy farmer Fiona McLachlan said her cattle were safe.\n\n"
        "\u201cWe got most of them up the hill,\u201d she said.\n\n"
        "Foreign Secretary Ma. Luisa Delgado-Reyes rejected that. Ships fired water cannon near Second Thomas Shoal, "
        "which Manila calls Ayungin Shoal.\n\n"
        "\u201cStable for whom?\u201d she said.\n\n"
        "\u201cThey are good,\u201d Tom Ruane said. Siobh\u00e1n N\u00ed Bhriain moved from Galway. \u201cI tried "
        "three roasters,\u201d she says.\n"
    )
    speakers = dict(quotes_of(text))
    assert speakers["We got most of them up the hill,"] == "Fiona McLachlan"
    assert speakers["Stable for whom?"] in ("Ma. Luisa Delgado-Reyes", "Luisa Delgado-Reyes")
    assert speakers["I tried three roasters,"] == "Siobh\u00e1n N\u00ed Bhriain"


def test_a_company_s_spokesman_named_by_a_founder_s_surname_is_whom_he_means_and_an_unnamed_official_speaks() -> None:
    text = (
        "Layoffs\n\nMarlowe Systems said it would cut jobs. Jonah Marlowe, who founded the company, backed the "
        "cuts.\n\nA Marlowe spokesman, Ethan Brody, said that was wrong. \u201cDecisions were made in recent "
        "weeks,\u201d he said.\n\n"
        "The union, SNPVC, said it would not strike. One of its officials, who asked not to be named, put it "
        "bluntly: \u201cIf the pilots win, we are next in line.\u201d\n"
    )
    speakers = dict(quotes_of(text))
    assert speakers["Decisions were made in recent weeks,"] == "Ethan Brody"
    assert speakers["If the pilots win, we are next in line."] is None


def test_near_misses_a_review_of_the_pronoun_rules_found_keep_their_speakers() -> None:
    """"the Marlowe founder" is Jonah Marlowe, "Jordan Canyon" a strategist, not a canyon, and "Fr." tells a man
    whatever the given name after it."""
    text = (
        "Politics\n\n"
        "Jonah Marlowe founded Marlowe Freight in 1998. Union organiser Sam Hill said workers were afraid. "
        "\u201cWe won\u2019t cut a single job,\u201d the Marlowe founder said.\n\n"
        "Democratic strategist Jordan Canyon said the party was losing voters. \u201cWe have stopped listening,\u201d "
        "Canyon said.\n\n"
        "Fr. Kim Nguyen said the church would be rebuilt. Parishioner Anne Lee said donations had poured in. "
        "\u201cWe will rebuild,\u201d he said.\n"
    )
    speakers = dict(quotes_of(text))
    assert speakers["We won\u2019t cut a single job,"] == "Jonah Marlowe"
    assert speakers["We have stopped listening,"] == "Jordan Canyon"
    assert speakers["We will rebuild,"] in ("Kim Nguyen", "Fr. Kim Nguyen")


def test_a_side_s_captain_or_manager_speaks_for_themselves_not_for_the_side() -> None:
    """"the Dunmore captain said" gave the captain's words to the club."""
    text = (
        "Cricket\n\nDunmore Rovers reached 163 for three with their captain, Pieter van der Merwe, unbeaten on 71."
        "\n\n\u201cWe were in control at tea,\u201d the Dunmore captain said.\n\n"
        "Whitfield Albion want the striker. \u201cHe presses, he links play,\u201d the Whitfield manager said.\n\n"
        "\u201cWe will appeal,\u201d a Whitfield spokesman said.\n"
    )
    speakers = dict(quotes_of(text))
    assert speakers["We were in control at tea,"] == "Pieter van der Merwe"
    assert speakers["He presses, he links play,"] == "Whitfield Albion", "no manager of theirs is named: as before"
    assert speakers["We will appeal,"] == "Whitfield Albion", "a spokesman speaks for the club"
    rivals = (
        "Basketball\n\nCeltics coach Joe Mazzulla named his side. Former Lakers coach Tom Reed watched.\n\n"
        "\u201cWe had chances,\u201d the Lakers coach said.\n"
    )
    assert dict(quotes_of(rivals))["We had chances,"] not in ("Joe Mazzulla", "Tom Reed"), "a rival's, a former one"


def test_he_said_after_a_sentence_where_someone_set_off_by_commas_spoke_is_that_speaker() -> None:
    """"X was backed by a party whose chairman, Y, said …" then "“…,” he said" gave Y's words to X, the sentence's
    subject."""
    found = quotes_of(
        "Vote\n\nZulkifli Rahman was backed by the Nusantara Party, whose provincial chairman, Tengku Irwan Syah, said "
        "the party had witnesses everywhere.\n\n\u201cOur witnesses were at every table,\u201d he said.\n\nJo Hale, "
        "who met Tim Ray, said it was fine.\n\n\u201cGood,\u201d she said.\n\nAhmad Noor, whose rival, Budi Santoso, "
        "conceded, spoke first.\n\n\u201cWe won,\u201d he said.\n"
    )
    assert found == [
        ("Our witnesses were at every table,", "Tengku Irwan Syah"),
        ("Good,", "Jo Hale"),
        ("We won,", "Ahmad Noor"),
    ]


def test_she_says_after_a_paragraph_naming_one_woman_is_hers_though_she_is_no_sentence_s_subject() -> None:
    """"… a café run by Siobhán Ní Bhriain, who moved here in 2015. “…,” she says." gave her words to the woman the
    story is about, named paragraphs before."""
    found = quotes_of(
        "Roaster\n\nHuda Al-Sharjabi took over the family roastery in 2019. \u201cIt was hard,\u201d she says.\n\n"
        "Among the accounts that stayed is Threshold, a caf\u00e9 run by Siobh\u00e1n N\u00ed Bhriain, who moved to "
        "Sheffield in 2015. \u201cI tried three roasters before them,\u201d she says.\n\nLater she met the young "
        "Maria Lopez at a fair. \u201cShe was brilliant,\u201d she says.\n"
    )
    assert found == [
        ("It was hard,", "Huda Al-Sharjabi"),
        ("I tried three roasters before them,", "Siobh\u00e1n N\u00ed Bhriain"),
        ("She was brilliant,", "Siobh\u00e1n N\u00ed Bhriain"),
    ]


def test_a_spokesperson_for_the_body_named_speaks_for_it_but_not_for_the_firm_unnamed() -> None:
    text = (
        "Police numbers\n\n"
        'A spokesperson for the Harbor City Police Department said: "We are reviewing the numbers."\n\n'
        '"Nothing to add," said a spokesman for the Pentagon.\n\n'
        'The firm Acme was sued. "No comment," said a spokesman for the firm.\n\n'
        '"We object," said a spokeswoman for the Ford Foundation board.\n\n'
        '"We will respond," said a spokesperson for the European Commission on Friday.\n'
    )
    assert [q.speaker for q in extract(text).quotes] == [
        "Harbor City Police Department", "Pentagon", None, None, "European Commission"
    ]


def test_a_pronoun_after_an_opening_clause_or_a_paragraph_s_one_person_means_them_and_said_it_is_no_speaker() -> None:
    text = (
        "Results\n\n"
        '"We saw a pattern," Priya Venkataraman, Lantern\u2019s chief executive, told analysts.\n\n'
        '"Selling software was a model," said Anouk Berg, a portfolio manager at Rijnhaven Capital.\n\n'
        "Berg said she had not sold any shares.\n\n"
        "Asked on the call whether Lantern might move, Venkataraman said the company would begin testing.\n\n"
        '"Never say never," she said.\n\n'
        "The delegation was led by Sok Chanthavy, a secretary of state. "
        "She said: \u201cThe river knows no borders.\u201d\n\n"
        "Lantern\u2019s auditor, Dr Hamish Tolley, said the firm would publish a report. He called the results "
        "\u201cdeeply concerning\u201d but said it was \u201ctoo early to talk about losses\u201d for now.\n"
    )
    assert [q.speaker for q in extract(text).quotes] == [
        "Priya Venkataraman", "Anouk Berg", "Priya Venkataraman", "Sok Chanthavy", "Hamish Tolley", "Hamish Tolley"
    ]


def test_a_title_opening_a_sentence_a_company_saying_it_and_a_she_named_before_keep_their_speakers() -> None:
    text = (
        "Near misses\n\n"
        "Mayor Karen Bass spoke first.\n\n"
        "Acting Police Chief Maria Gomez, who took over in March, said the plan was sound. "
        '"We are ready," she said.\n\n'
        'Acme Corp sued the city. The company said it was "confident" of winning.\n\n'
        "Kamala Harris toured the city. At a school built by Chea Vuthy, she handed out books. "
        '"Reading matters," she said.\n'
    )
    assert [q.speaker for q in extract(text).quotes] == ["Maria Gomez", "Acme Corp", "Kamala Harris"]


def test_a_quote_the_sentence_carries_on_after_keeps_the_subject_as_its_speaker() -> None:
    text = (
        "Nurses\n\n"
        "The Ontario Hospital Association represents 140 hospitals.\n\n"
        'The Ontario Hospital Association said it "shares the goal" of reducing reliance on agencies but warned '
        "that a ban could force closures.\n\n"
        '"We will win" the minister said. Ann Lee was not there.\n'
    )
    assert [q.speaker for q in extract(text).quotes][:1] == ["Ontario Hospital Association"]
