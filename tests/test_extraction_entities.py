"""People, organizations and titles, on short articles written for these tests."""

from __future__ import annotations

from store.extraction import extract


def people_of(text: str) -> dict[str, tuple[str | None, str | None]]:
    """name -> (role, organization) for every person found."""
    return {p.name: (p.role, p.organization) for p in extract(text).people}


def organizations_of(text: str) -> set[str]:
    """Names of every organization found."""
    return {o.name for o in extract(text).organizations}


def test_titles_before_names_are_roles_not_names():
    text = (
        "Talks resume\n\n"
        "Norwegian Foreign Minister Helga Strand met Lt. Col. Peter Varga and Sen. Rosa Delgado on Monday. "
        "Gov. Tom Hale joined them, as did former Harbour Board aide Nina Park.\n"
    )
    people = people_of(text)
    assert people == {
        "Helga Strand": ("Foreign Minister", None),
        "Peter Varga": ("Lt. Col.", None),
        "Rosa Delgado": ("Sen.", None),
        "Tom Hale": ("Gov.", None),
        "Nina Park": ("former Harbour Board aide", "Harbour Board"),
    }


def test_title_after_the_name_gives_role_and_organization():
    text = (
        "Shipping firm expands\n\n"
        "Omar Haddad, chairman and chief executive of Brightline Logistics, said the firm would hire 300 people.\n"
    )
    assert people_of(text) == {"Omar Haddad": ("chairman and chief executive", "Brightline Logistics")}


def test_possessive_before_the_name_gives_role_and_organization():
    text = (
        "Rates hold\n\n"
        "The Central Bank’s chief economist, Lena Vogt, said inflation had peaked.\n"
    )
    assert people_of(text) == {"Lena Vogt": ("chief economist", "Central Bank")}


def test_bracketed_nickname_inside_a_name_is_skipped():
    text = "Council vote\n\nCouncillor James (Jimmy) Walsh voted against the plan on Tuesday.\n"
    assert list(people_of(text)) == ["James Walsh"]


def test_spelling_variants_and_surnames_merge_into_one_person():
    text = (
        "Talks in Kyiv\n\n"
        "Defense Minister Oleksiy Danylov arrived on Monday. Danylov met the press. "
        "Later, Danilov left for the front.\n"
    )
    result = extract(text)
    assert len(result.people) == 1
    assert result.people[0].name == "Oleksiy Danylov"
    assert set(result.people[0].aliases) == {"Danylov", "Danilov"}


def test_non_ascii_names_and_name_particles():
    text = (
        "Chemicals merger\n\n"
        "Jürgen Schröder met Anneliese Dräger, Ruud van der Berg, Carlos de la Fuente and Ahmed al-Rashid "
        "in Berlin on Friday.\n"
    )
    assert set(people_of(text)) == {
        "Jürgen Schröder", "Anneliese Dräger", "Ruud van der Berg", "Carlos de la Fuente", "Ahmed al-Rashid",
    }


def test_companies_with_and_without_suffixes():
    text = (
        "Deal announced\n\n"
        "Vantor Holdings Inc. agreed to buy Greystone Corp. and software maker Meridian for $2 billion.\n"
    )
    assert organizations_of(text) == {"Vantor Holdings Inc.", "Greystone Corp.", "Meridian"}


def test_agencies_ministries_parties_forces_news_teams_universities():
    text = (
        "Floods\n\n"
        "The Department of Agriculture and the Finance Ministry pledged aid, AFP reported. "
        "The Green Party criticised the Royal Navy, whose ships arrived late. "
        "Researchers at the University of Leeds and the club FC Porto raised money.\n"
    )
    assert organizations_of(text) == {
        "Department of Agriculture", "Finance Ministry", "AFP", "Green Party", "Royal Navy", "University of Leeds",
        "FC Porto",
    }


def test_acronym_is_an_alias_of_its_long_form():
    text = (
        "Moon mission\n\n"
        "The National Aeronautics and Space Administration (NASA) picked three firms. "
        "NASA expects the first landing in 2027.\n"
    )
    result = extract(text)
    assert [(o.name, o.aliases) for o in result.organizations] == [
        ("National Aeronautics and Space Administration", ("NASA",)),
    ]


def test_datelines_section_heads_and_sentence_starts_are_not_entities():
    text = (
        "Storm damage\n\n"
        "LISBON (AP) — Overall, the storm damaged 300 homes, Mayor Rui Costa said.\n\n"
        "REBUILDING BEGINS\n\n"
        "Meanwhile, crews from the Civil Protection Agency cleared roads.\n"
    )
    result = extract(text)
    assert [p.name for p in result.people] == ["Rui Costa"]
    assert [o.name for o in result.organizations] == ["Civil Protection Agency"]


def test_places_and_nationalities_are_not_organizations():
    text = (
        "Summit\n\n"
        "Leaders from France, Kenya and the United States met in Nairobi. "
        "Kenyan officials said the Europeans had promised help. "
        "Prime Minister Anna Berg of Sweden attended.\n"
    )
    result = extract(text)
    assert result.organizations == ()
    assert [p.name for p in result.people] == ["Anna Berg"]


def test_every_person_appears_once_with_surname_mentions_as_aliases():
    text = (
        "Election\n\n"
        "Candidate Miriam Osei led Daniel Frost in the count. Osei thanked voters, and Frost conceded. "
        "Osei will be sworn in on Monday.\n"
    )
    result = extract(text)
    assert [(p.name, p.aliases) for p in result.people] == [("Miriam Osei", ("Osei",)), ("Daniel Frost", ("Frost",))]


def test_title_from_front_matter():
    text = "title: Harbour reopens\nsource: Example Gazette\ndate: 2024-05-01\n\nThe harbour reopened on Monday.\n"
    assert extract(text).title == "Harbour reopens"


def test_title_from_a_first_line_set_apart():
    text = "Harbour reopens after storm\n\nThe harbour reopened on Monday after a week of repairs.\n"
    assert extract(text).title == "Harbour reopens after storm"


def test_title_from_the_first_sentence_when_no_line_is_set_apart():
    text = (
        "The harbour at the centre of the town reopened on Monday after a week of repairs that cost the "
        "council far more than it had planned to spend this year.\nMore text follows here.\n"
    )
    title = extract(text).title
    assert title.startswith("The harbour at the centre of the town reopened on Monday")
    assert len(title) <= 100 and title.endswith("…")


def test_its_in_a_role_points_to_the_company_of_the_sentence():
    text = (
        "Drone startup raises money\n\n"
        "Skyloft, a startup that makes farm drones, raised $40 million from Granite Ventures. "
        "Skyloft competes with AeroVista and Fieldwing. "
        "Priya Raman founded Skyloft with Lucas Ferreira, its chief technology officer.\n"
    )
    people = people_of(text)
    assert people["Lucas Ferreira"] == ("chief technology officer", "Skyloft")
    assert organizations_of(text) == {"Skyloft", "Granite Ventures", "AeroVista", "Fieldwing"}


def test_teams_are_organizations_and_a_city_name_is_a_place():
    text = (
        "Derby\n\n"
        "Harbourside Rovers beat Eastfield Town 3-1 in Mexico City, manager Gary Penfold said.\n"
    )
    assert organizations_of(text) == {"Harbourside Rovers", "Eastfield Town"}
    assert list(people_of(text)) == ["Gary Penfold"]


def test_a_company_named_only_by_what_it_does():
    text = (
        "Car sales\n\n"
        "Sales rose at Voltara, which builds cars near Lyon. Brightcar said demand had slowed.\n"
    )
    assert organizations_of(text) == {"Voltara", "Brightcar"}


def test_a_known_organization_s_word_before_a_common_noun_is_a_person_with_a_job_in_apposition():
    text = '"We will move," said Nike Field, a student.\n\n"We agree," said Oracle Field, a nurse.\n'
    assert people_of("Move\n\n" + text) == {"Nike Field": ("student", None), "Oracle Field": ("nurse", None)}


def test_a_chamber_of_name_before_an_exhibit_is_no_body():
    text = 'Show\n\n"We loved it," said Mina Roswell, who toured the Chamber of Whispers exhibit.\n'
    assert "Chamber of Whispers" not in organizations_of(text)


def test_an_acronym_after_capitalized_words_alone_defines_one_organization():
    text = (
        "Rail plan\n\n"
        "The scheme was approved by Coastal Rail Ireland (CRI) on Monday. A spokesperson for CRI said work "
        "would start soon. Jonah Bell Carter (JBC) welcomed it.\n"
    )
    result = extract(text)
    assert ("Coastal Rail Ireland", ("CRI",)) in [(o.name, o.aliases) for o in result.organizations]
    assert "Jonah Bell Carter" not in organizations_of(text)


def test_a_name_in_another_language_runs_on_over_lowercase_words_to_its_acronym():
    text = (
        "Strike\n\n"
        "The Fédération nationale des vignerons (FNV) called a strike on Monday. The Ligue rurale du sud (XYZ) "
        "did not.\n"
    )
    names = organizations_of(text)
    assert "Fédération nationale des vignerons" in names
    assert "Ligue rurale du sud" not in names


def test_an_acronym_before_its_name_in_apposition_is_its_alias():
    text = (
        "Bocce\n\n"
        "The date was set by WBSF, the World Bocce Sports Federation. Officials from NATO, the Baltic Defence "
        "Council and the UN attended.\n"
    )
    result = extract(text)
    aliases = {o.name: o.aliases for o in result.organizations}
    assert "WBSF" in aliases["World Bocce Sports Federation"]
    assert "NATO" not in aliases.get("Baltic Defence Council", ())


def test_a_name_before_a_score_is_a_team_unless_it_is_a_person_s():
    text = (
        "Cup\n\n"
        "On Saturday the hosts beat Pellham 3-0 at home. Ana Vrell beat Tia Morrow 6-3, 6-4 in the final, and "
        "later Vrell beat Morrow 6-1 again.\n"
    )
    names = organizations_of(text)
    assert "Pellham" in names
    assert "Morrow" not in names and "Tia Morrow" in people_of(text)


def test_a_name_between_the_and_a_founder_is_a_company():
    text = (
        "Trial\n\n"
        "The case recalls that of Mara Lind, the Zentrix founder who was convicted last year. Ola Berg, the "
        "Kenyan founder of a bakery, said little.\n"
    )
    names = organizations_of(text)
    assert "Zentrix" in names
    assert "Kenyan" not in names


def test_a_name_after_the_kind_of_body_it_is_is_that_body():
    text = (
        "Rents\n\n"
        "The growers' association Boerenbond Oost said its members would sell. Work done in association with "
        "Marta Quill was praised.\n"
    )
    assert organizations_of(text) == {"Boerenbond Oost"}
    assert "Marta Quill" in people_of(text)


def test_a_party_s_name_joined_by_and_stays_whole():
    text = (
        "Vote\n\n"
        "The opposition Order and Progress party brought the case. Tomas Vell, an Order and Progress lawmaker, "
        "spoke. Nora Vell and Peter Sand voted against.\n"
    )
    assert "Order and Progress" in organizations_of(text)
    assert {"Nora Vell", "Peter Sand"} <= set(people_of(text))


def test_a_name_before_a_company_of_a_nationality_in_apposition_is_a_company():
    text = (
        "Deal\n\n"
        "Veldra Shield, a Danish company that makes locks, was sold. Anna Holt, a Danish engineer, said so.\n"
    )
    assert organizations_of(text) == {"Veldra Shield"}
    assert "Anna Holt" in people_of(text)


def test_an_acronym_and_a_place_acting_as_a_body_is_its_branch():
    text = "Waits\n\nPHS Wales said waiting lists grew. UK Wales said nothing.\n"
    names = organizations_of(text)
    assert "PHS Wales" in names
    assert "UK Wales" not in names


def test_a_word_before_where_or_listed_beside_places_is_no_organization():
    text = (
        "Vote\n\n"
        "Reporters waited in Quellport, where the assembly sits. Rents in Quellport rose. A saga ranges "
        "between the Ostral, Hamburg and Lisbon, and the Ostral chapters are the best. Sales rose at Voltara, "
        "which builds cars. Voltara said demand had slowed.\n"
    )
    names = organizations_of(text)
    assert "Quellport" not in names and "Ostral" not in names
    assert "Voltara" in names


def test_an_acronym_before_another_body_s_name_is_not_its_alias():
    text = (
        "Charges\n\n"
        '"We found no evidence," the FBI said in a statement. After consulting the FBI, the Justice Department '
        "announced charges on Tuesday. Unlike the IMF, the World Bank has not changed its forecast. Officials at "
        "the EPA, the Transportation Department said, had not replied. Fares were set by VRA, the Vellmar Regional "
        "Rail Authority. Doping cases go to KADA, the Kestrel Anti-Doping Agency.\n"
    )
    result = extract(text)
    aliases = {o.name: o.aliases for o in result.organizations}
    assert {"FBI", "IMF", "EPA"} <= set(aliases)
    assert aliases["Justice Department"] == () and aliases["World Bank"] == ()
    assert aliases["Transportation Department"] == ()
    assert [q.speaker for q in result.quotes] == ["FBI"]
    assert "VRA" in aliases["Vellmar Regional Rail Authority"]
    assert "KADA" in aliases["Kestrel Anti-Doping Agency"]


def test_the_names_before_party_are_gathered_once_per_article(monkeypatch):
    from store.extraction import names

    calls = []
    gather = names._party_names
    monkeypatch.setattr(names, "_party_names", lambda masked: calls.append(1) or gather(masked))
    text = "Talks\n\n" + "Smith and Jones met. Brown and Green met. " * 50 + "The Order and Progress party won.\n"
    assert "Order and Progress" in organizations_of(text)
    assert len(calls) == 1


def test_a_name_before_a_player_s_or_a_poll_s_score_is_no_team():
    text = (
        "Finals\n\n"
        "Carlos Alcaraz won in Paris on Sunday. Alcaraz beat Sinner 6-4, 6-3 in the final. Ronnie O'Sullivan "
        "won the title. O'Sullivan beat Trump 10-7 in the final. Joe Biden spoke on Monday. Biden leads Trump "
        "52-48 in the latest poll. Iga Swiatek won again. Swiatek beat Gauff 6-2 to reach the semi-finals. "
        "Northam beat Eastfield 2-1 at home, and Sporting, who beat Braga 3-0, stayed top.\n"
    )
    names = organizations_of(text)
    assert not {"Sinner", "Trump", "Gauff"} & names
    assert {"Eastfield", "Braga"} <= names


def test_a_term_or_an_area_defined_by_its_acronym_is_no_organization():
    text = (
        "Waits\n\n"
        "Patients with Post Traumatic Stress Disorder (PTSD) waited months. Residents of the Greater Toronto "
        "Area (GTA) face higher rents. Coastal Transport Ireland (CTI) said fares would rise.\n"
    )
    assert organizations_of(text) == {"Coastal Transport Ireland"}


def test_an_acronym_and_a_place_before_a_noun_qualify_it():
    text = (
        "Vote\n\n"
        "Most residents of the MENA Africa region voted. The figures, according to NRA Scotland, were final.\n"
    )
    names = organizations_of(text)
    assert "MENA Africa" not in names
    assert "NRA Scotland" in names


def test_a_name_before_owner_or_boss_is_no_company():
    text = (
        "Climbers\n\n"
        "Critics said the Everest owner had overcharged climbers. He met the Windsor owner of the hotel on "
        "Friday. Guides said the Denali boss was away. Lena Holm, the Brivora co-founder, said little.\n"
    )
    names = organizations_of(text)
    assert not {"Everest", "Windsor", "Denali"} & names
    assert "Brivora" in names


def test_a_name_joined_by_and_after_a_lowercase_noun_is_no_party():
    text = (
        "Staff\n\n"
        "Staff at the office Christmas and New Year party were told to stay home. The ruling Law and Harvest "
        "party won the vote.\n"
    )
    names = organizations_of(text)
    assert "Christmas and New Year" not in names
    assert "Law and Harvest" in names


def test_a_given_name_set_off_between_a_and_a_noun_is_no_person() -> None:
    """"A Frank discussion followed" listed a person Frank; "an Amber alert" one called Amber."""
    text = (
        "Talks\n\n"
        'A Frank discussion followed. "We disagree," said Ann Lee, a lawyer.\n\n'
        "An Amber alert was issued. A Reuters reporter asked. Later a Google spokesman declined.\n"
    )
    result = extract(text)
    assert [person.name for person in result.people] == ["Ann Lee"]
    assert {"Reuters", "Google"} <= {organization.name for organization in result.organizations}


def test_a_given_name_that_is_also_a_place_or_a_faith_opens_a_name_set_off_by_a_job() -> None:
    text = (
        "Budget talks\n\n"
        "Officials met on Monday. Sydney Smith, the mayor, agreed to the plan.\n\n"
        "Germany's finance minister, Christian Lindner, welcomed the move. \"We agree,\" Lindner said.\n\n"
        "Austin Butler, a local actor, said he was pleased.\n\n"
        "The Christian Democrats, the largest party, said nothing.\n"
    )
    people = people_of(text)
    assert people["Sydney Smith"][0] == "mayor"
    assert people["Christian Lindner"][0] == "finance minister"
    assert people["Austin Butler"][0] == "local actor"
    assert not {"Smith", "Lindner", "Butler", "Christian Democrats"} & people.keys()
    assert [q.speaker for q in extract(text).quotes] == ["Christian Lindner"]


def test_a_surname_joined_to_its_particle_is_found_again_without_it() -> None:
    text = (
        "Talks\n\n"
        "President Bashar al-Assad met the envoys on Monday, as did Abdel Fattah el-Sisi.\n\n"
        "\"Syria is ready,\" Assad said. \"So is Egypt,\" Sisi said.\n"
    )
    result = extract(text)
    assert sorted(p.name for p in result.people) == ["Abdel Fattah el-Sisi", "Bashar al-Assad"]
    assert [q.speaker for q in result.quotes] == ["Bashar al-Assad", "Abdel Fattah el-Sisi"]


def test_a_name_opened_by_a_word_also_a_given_name_stays_an_organization_s() -> None:
    text = (
        "Statement\n\n"
        "Abu Mohammed al-Jolani, the leader of Hayat Tahrir al-Sham, spoke on Monday.\n\n"
        "\"We will protect all communities,\" Hayat Tahrir al-Sham said in a statement.\n\n"
        "Tel Aviv University said the study would go on.\n"
    )
    result = extract(text)
    assert {"Hayat Tahrir al-Sham", "Tel Aviv University"} <= {o.name for o in result.organizations}
    assert people_of(text) == {"Abu Mohammed al-Jolani": ("leader", "Hayat Tahrir al-Sham")}


def test_a_word_and_a_number_name_a_body_only_where_a_body_stands() -> None:
    text = (
        "Port strike\n\n"
        "Maria Gonzalez, president of Local 13 of the International Longshore and Warehouse Union, said members would "
        "vote. \u201cJournalists are in danger,\u201d said Arturo Medell\u00edn, director of Article 19 in Mexico.\n\n"
        "The court ruled under Section 230 of the Communications Decency Act. Flights left from Terminal 2. Traffic "
        "on Route 9 was slow. Mele Tupou, a Year 13 student, spoke. The Unicorns beat Northam 94-91 at home.\n"
    )
    names = organizations_of(text)
    assert {"Local 13", "Article 19", "International Longshore and Warehouse Union"} <= names
    assert not {"Local", "Article", "Section 230", "Section", "Terminal 2", "Route 9", "Year 13"} & names
    assert people_of(text)["Arturo Medell\u00edn"][1] == "Article 19"


def test_chinese_family_names_before_a_word_make_no_person_outside_a_speaker_s_place() -> None:
    text = (
        "Travel\n\n"
        "Veterans of the Battle of Long Tan met in Sydney. Wan Chai residents protested. Li Ning shares rose. "
        "\u201cIt was hard,\u201d said Zhang Wei, a veteran.\n\n"
        "The town of Jim Thorpe, Pennsylvania, held a parade. Jim Thorpe won two Olympic gold medals.\n"
    )
    assert set(people_of(text)) == {"Zhang Wei", "Jim Thorpe"}


def test_bylines_and_credit_lines_name_the_writers_not_people_of_the_story():
    """A byline with the writer's job ("By X, Staff Writer") and a wire credit line ("(Reporting by X; Editing by
    Y)") listed their writers among the people the story is about."""
    text = (
        "Council backs homes on pier\n\n"
        "By Eleanor Pryce, Local Democracy Reporter\n\n"
        "Plans were approved on Monday, said Joan Hardy, the council's leader.\n\n"
        "Reporting by Tom Whitlock in Narva; additional reporting by Anjali Menon.\n\n"
        "(Reporting by Tom Whitlock and Anjali Menon; Editing by Harriet Coyle)\n"
    )
    assert set(people_of(text)) == {"Joan Hardy"}
    story = "Council backs homes\n\nBy Monday, Joan Hardy said, the plans had passed.\n\nBy Eleanor Pryce, 72\n"
    assert set(people_of(story)) == {"Joan Hardy", "Eleanor Pryce"}
    research = "Virus found\n\nResearch by virologist Ann Lee found the strain was new, said Joan Hardy.\n"
    assert set(people_of(research)) == {"Joan Hardy", "Ann Lee"}


def test_bylines_and_credits_of_many_outlets_name_no_one_the_story_is_about():
    """Bylines with two writers and where each filed from, an outlet and town, or a bar; a writer and their beat on a
    line of their own; "… contributed to this report"; "Photography: X"; a reporter's contact line: each listed
    the writers among the people of the story."""
    text = (
        "Ports reopen\n\n"
        "By Tom Aldridge in Amsterdam and Keiko Mori in Tokyo\n\n"
        "Nicola Brandt, Africa correspondent\n\n"
        "The ports reopened on Monday, said Joan Hardy, the harbour master.\n\n"
        "Associated Press writers Kiki Andayani in Jakarta and Jintana Phromsiri in Bangkok contributed to this "
        "report.\n\n"
        "Photography: Owen Pritchard-Lewis\n\n"
        "To contact the reporter on this story:\nHenrike Olthof in Amsterdam at holthof@example.net\n\n"
        "Reach Kelsey Morrow at kmorrow@example.com. Follow her on X: @KMorrow\n"
    )
    assert set(people_of(text)) == {"Joan Hardy"}
    for byline in ("By Selin Akg\u00fcnd\u00fcz, BBC News, Bing\u00f6l", "By Kelsey Morrow-Vance | Staff Writer"):
        assert set(people_of(f"Quake\n\n{byline}\n\nRescuers dug all night, said Joan Hardy.\n")) == {"Joan Hardy"}
    story = (
        "Donors\n\nAnn Lee contributed to this report.\n\nTom Hale, a farmer, said the rain was late. Reach Tom "
        "Hale by phone, his neighbour Bo Yin said.\n"
    )
    assert set(people_of(story)) >= {"Tom Hale", "Bo Yin"}
    profile = (
        "Witness\n\nJane Doe, war reporter\n\nFor 20 years she covered wars from Kabul to Mogadishu.\n\n"
        "\u201cI saw horrors,\u201d Doe said.\n"
    )
    assert people_of(profile) == {"Jane Doe": ("war reporter", None)}, "the story is about her: no byline"


def test_british_titles_without_a_period_are_roles_not_part_of_the_name():
    """"Prof Hugh Blake" and "Cllr Jane Morton" were people named "Prof …" and "Cllr …", with no role."""
    text = (
        "Trial results\n\n"
        '"It works," said Prof Hugh Blake of Aldergate University.\n\n'
        "Cllr Jane Morton said the plan was sound, and Ch Supt Ann Lee agreed.\n"
    )
    people = people_of(text)
    assert people == {
        "Hugh Blake": ("Prof", "Aldergate University"),
        "Jane Morton": ("Cllr", None),
        "Ann Lee": ("Ch Supt", None),
    }


def test_a_first_line_that_is_the_story_s_first_sentence_is_read_as_one_not_as_a_headline():
    """A text opening with its lede (its headline given apart, or none) lost the names in it: "Treasury Secretary
    Janet Yellen wrapped up …" then "“…,” Yellen told reporters" gave a person "Yellen" of her own."""
    text = (
        "Treasury Secretary Janet Yellen wrapped up her visit to China on Monday.\n\n"
        "\u201cChina is now simply too large,\u201d Yellen told reporters.\n"
    )
    result = extract(text)
    assert [(p.name, p.role) for p in result.people] == [("Janet Yellen", "Treasury Secretary")]
    assert [q.speaker for q in result.quotes] == ["Janet Yellen"]
    headline = "Yellen warns China on overcapacity\n\n\u201cChina is too large,\u201d Janet Yellen said.\n"
    assert extract(headline).title == "Yellen warns China on overcapacity"


def test_company_forms_of_many_countries_end_a_company_s_name_and_a_law_s_name_is_no_one_s():
    """"Dekkers Groep" and "Maybank Berhad" were lost, and "the General Data Protection Regulation" was a person
    "Data Protection Regulation" with the title "General"."""
    text = (
        "Deals and rules\n\n"
        "Dekkers Groep, the Dutch paint maker, agreed to buy Maybank Berhad's paint arm, said Ann Lee.\n\n"
        "The fine was imposed under the General Data Protection Regulation and the Harlan Voss Aquifer Protection "
        "Act, said Tom Roe.\n"
    )
    assert set(people_of(text)) == {"Ann Lee", "Tom Roe"}
    assert {"Dekkers Groep", "Maybank Berhad"} <= organizations_of(text)

def test_a_korean_name_written_given_name_first_is_a_person_though_its_surname_is_a_place_word() -> None:
    """"Seo-yeon Park" was read as a park, and the chief executive was lost."""
    people = {p.name: (p.role, p.organization) for p in extract(
        "Cuts\n\nTensor Systems said it would cut jobs. In a memo to staff, Seo-yeon Park, Tensor\u2019s chief "
        "executive, wrote that the company would grow. Visitors walked in Hyde Park and Central Park.\n"
    ).people}
    assert people == {"Seo-yeon Park": ("chief executive", "Tensor Systems")}


def test_titles_of_honour_of_malaysia_nigeria_and_kenya_are_no_part_of_a_name_and_no_job() -> None:
    """"Datuk Seri Azman bin Rosli", "Hon. Babatunde Ogundimu" and "Alhaja Kafayat Olanrewaju" were people's full
    names, so a quote by "Azman" or "Ogundimu" named someone else."""
    people = people_of(
        "Talks\n\nDatuk Seri Azman bin Rosli, the party's president, said talks went well. Tan Sri Lim Kok Wing "
        "agreed, and Tan Wei Ming did not.\n\nHon. Babatunde Ogundimu, chairman of the council, said the levy "
        "stays. Alhaja Kafayat Olanrewaju, a trader, disagreed. Mzee Juma Bakari, 80, said he would appeal. Datin "
        "Seri Rosmah Mansor did not comment.\n"
    )
    assert people["Azman bin Rosli"][0] == "president"
    assert people["Babatunde Ogundimu"][0] in ("chairman", "chairman of the council")
    assert people["Kafayat Olanrewaju"][0] == "trader"
    assert {"Lim Kok Wing", "Tan Wei Ming", "Juma Bakari", "Rosmah Mansor"} <= set(people)
    assert people["Lim Kok Wing"][0] is None and people["Juma Bakari"][0] is None
    given = people_of(
        "Racing\n\nPastor Maldonado, the former Williams driver, returned to racing on Sunday.\n\n\u201cI missed "
        "it,\u201d Maldonado said. Hon Hai Precision Industry chairman Young Liu said profits rose. Advocate Health "
        "chief executive Eugene Woods agreed.\n"
    )
    assert {"Pastor Maldonado", "Young Liu", "Eugene Woods"} <= set(given), "a given name or a company's first word"
    assert given["Young Liu"][1] == "Hon Hai Precision Industry"
    before_given = people_of(
        "Debate\n\nHon Jane Smith MP walked out. Advocate Wim Trengove told the court the law was sound.\n"
    )
    assert before_given["Jane Smith"][0] is None and before_given["Wim Trengove"][0] == "Advocate"


def test_a_hyphenated_given_name_before_a_particle_and_santiago_open_a_name_not_a_job_or_a_place() -> None:
    """"Klaus-Dieter" read as a job (it ends like "dieter", an agent noun) and "Santiago" as the city, so the
    chairman was "von der Heyde" with the role "Klaus-Dieter", and the chief executive "Echeverría Lazo"."""
    people = people_of(
        "Ports\n\nKlaus-Dieter von der Heyde, the port's chairman, said trade rose. Santiago Echeverr\u00eda Lazo, "
        "the miner's chief executive, agreed. Vice-Chancellor Anna Berg did not. Flights to Santiago were cut.\n"
    )
    assert people == {
        "Klaus-Dieter von der Heyde": ("chairman", None),
        "Santiago Echeverr\u00eda Lazo": ("chief executive", None),
        "Anna Berg": ("Vice-Chancellor", None),
    }


def test_given_names_of_presidents_and_prime_ministers_open_a_name_at_a_sentence_s_start() -> None:
    """"Franklin Roosevelt won the election." found no one: "Franklin" was no known given name."""
    people = people_of(
        "History\n\nFranklin Roosevelt won the election. Lyndon Johnson signed the act. Keir Starmer won too.\n"
    )
    assert {"Franklin Roosevelt", "Lyndon Johnson", "Keir Starmer"} <= set(people)


def test_a_name_ending_in_a_short_common_word_is_no_cantonese_person_but_a_chinese_family_name_is() -> None:
    """"Lumora Pay" and "Milky Way" were people, their last word read as a Cantonese surname ("Ada Ng")."""
    text = (
        "Trial\n\nOlumide Bankole, 44, the former chief executive of Lumora Pay, is accused of fraud. \u201cNo,\u201d "
        "Bankole said.\n\nRed dwarfs are the most common stars in the Milky Way, and many host planets.\n\nAda Ng, "
        "a teacher, agreed. Alan Fan, of the same school, said so too.\n"
    )
    result = extract(text)
    people = {person.name: (person.role, person.organization) for person in result.people}
    assert people["Olumide Bankole"] == ("former chief executive", "Lumora Pay")
    assert "Lumora Pay" not in people and "Milky Way" not in people
    assert "Ada Ng" in people and "Alan Fan" in people


def test_a_club_named_with_its_town_is_a_club_and_its_coach_speaks_for_it() -> None:
    """"Sloga Beograd" was a person who said what "Sloga coach Milan Petrović" said, and "Milan" a place."""
    text = (
        "Cup\n\nSloga Beograd beat Neretva Mostar 2-1 on Sunday. \u201cWe fought,\u201d said Sloga coach Milan "
        "Petrovi\u0107.\n\nFlights from Milan were full.\n"
    )
    result = extract(text)
    people = {person.name: (person.role, person.organization) for person in result.people}
    assert {"Sloga Beograd", "Neretva Mostar"} <= {organization.name for organization in result.organizations}
    assert people["Milan Petrovi\u0107"] == ("coach", "Sloga Beograd")
    assert [quote.speaker for quote in result.quotes] == ["Milan Petrovi\u0107"]
    calm = extract("Art\n\nBruno Paris, a painter, said he liked Lyon. Anna Berlin agreed.\n")
    assert {person.name for person in calm.people} >= {"Bruno Paris"}
    assert not calm.organizations, "no match, no club"


def test_a_well_known_company_s_name_that_is_a_word_in_a_title_case_headline_alone_is_no_organization() -> None:
    """"Hackers Target Election Systems" listed the organization Target, which the story never names."""
    names = {organization.name for organization in extract(
        "Hackers Target Election Systems Across Three States\n\nResearchers said a group had probed voting systems. "
        "\u201cIt is serious,\u201d said Ann Lee, an analyst at Mandiant.\n"
    ).organizations}
    assert "Target" not in names and "Mandiant" in names
    named = {organization.name for organization in extract(
        "Target Cuts Prices Again\n\nTarget said on Monday it would cut prices. \u201cWe listen,\u201d said Ann Lee, "
        "a Target spokeswoman.\n"
    ).organizations}
    assert "Target" in named, "the story names it"


def test_a_body_whose_of_lists_its_fields_with_commas_is_one_organization_but_a_list_of_bodies_is_not() -> None:
    text = (
        "Council tax\n\n"
        "A spokesperson for the Ministry of Housing, Communities and Local Government said the plan was fair.\n\n"
        '"We will strike," said Denise Walsh of the American Federation of State, County and Municipal Employees.\n\n'
        "The Ministry of Agriculture, Fisheries, and Food said nothing.\n\n"
        "Talks between the Department of Energy, Exxon and Chevron failed. The Ministry of Defence, Lockheed Martin "
        "and Boeing signed.\n\n"
        "The Department for Environment, Food and Rural Affairs agreed. The Department of Justice, Treasury and State "
        "met. The Ministry of Health, Water and Energy ministries met.\n"
    )
    assert organizations_of(text) == {
        "Ministry of Housing, Communities and Local Government",
        "American Federation of State, County and Municipal Employees",
        "Ministry of Agriculture, Fisheries, and Food",
        "Department for Environment, Food and Rural Affairs",
        "Department of Justice",
        "Treasury",
        "Ministry of Health",
        "Water",
        "Department of Energy",
        "Exxon",
        "Chevron",
        "Ministry of Defence",
        "Lockheed Martin",
        "Boeing",
    }
    assert people_of(text) == {
        "Denise Walsh": (None, "American Federation of State, County and Municipal Employees"),
    }


def test_nigerian_titles_of_honour_and_abbreviated_ones_are_no_part_of_a_name() -> None:
    text = (
        "Loan row\n\n"
        '"We will not sign," said Hajiya Amina Bello, chair of the finance committee.\n\n'
        'Comrade Musa Ibrahim, the union leader, said: "No."\n\n'
        '"The bridge is old," said Engr. Tunde Bakare, a consultant.\n\n'
        'The Speaker, Rt. Hon. Yusuf Adamu, said: "Order." Bello said: "Fine."\n\n'
        '"I am not running," said Roseanne Barr. The vote was close.\n'
    )
    extraction = extract(text)
    assert {p.name for p in extraction.people} == {
        "Amina Bello", "Musa Ibrahim", "Tunde Bakare", "Yusuf Adamu", "Roseanne Barr"
    }
    assert [q.speaker for q in extraction.quotes] == [
        "Amina Bello", "Musa Ibrahim", "Tunde Bakare", "Yusuf Adamu", "Amina Bello", "Roseanne Barr"
    ]


def test_a_job_in_capitals_after_a_name_is_a_job_at_the_body_it_names() -> None:
    text = (
        "Deal\n\n"
        "Anna Berg, CEO of Volvo Cars, said the plant would stay open.\n\n"
        '"Fine," said Jo Hale, CFO at Brightline Foods.\n\n'
        '"It is a start," said Ms. Li Wei, CEO of Alibaba Group.\n\n'
        'Sam Reed, MP for Bath, said: "Yes." After the leak, CEO of the Harbor Trust Enver Solak said: "No."\n'
    )
    assert people_of(text) == {
        "Anna Berg": ("CEO", "Volvo Cars"),
        "Jo Hale": ("CFO", "Brightline Foods"),
        "Li Wei": ("CEO", "Alibaba Group"),
        "Sam Reed": ("MP for Bath", None),
        "Enver Solak": ("CEO", "Harbor Trust"),
    }
    assert organizations_of(text) == {"Volvo Cars", "Brightline Foods", "Alibaba Group", "Harbor Trust"}


def test_a_cause_s_body_a_university_named_with_its_city_and_a_cup_are_no_people() -> None:
    text = (
        "Aid\n\n"
        "Doctors Without Borders said the road was closed. Reporters Without Borders condemned it.\n\n"
        '"It is grim," said Sean Kelly of University College Cork. Jane Walsh, a professor at Trinity College '
        "Dublin, agreed.\n\n"
        "Atletico Madrid reached the Copa del Rey final.\n"
    )
    assert people_of(text) == {
        "Sean Kelly": (None, "University College Cork"),
        "Jane Walsh": ("professor", "Trinity College Dublin"),
    }
    assert organizations_of(text) == {
        "Doctors Without Borders", "Reporters Without Borders", "University College Cork", "Trinity College Dublin",
        "Atletico Madrid",
    }


def test_a_body_of_its_members_named_with_a_plural_possessive_is_one_organization() -> None:
    text = (
        "Union\n\n"
        "Rahul Dsouza, secretary of the Bellandur Residents' Welfare Association, said the van had not come. "
        "Mary Lee of the Teachers' Pension Fund agreed. The Smiths' Old Farm House burned.\n"
    )
    assert people_of(text) == {
        "Rahul Dsouza": ("secretary", "Bellandur Residents' Welfare Association"),
        "Mary Lee": (None, "Teachers' Pension Fund"),
    }
    assert "Smiths' Old Farm House" not in organizations_of(text)


def test_a_place_named_alone_is_no_person_or_body_the_model_adds_but_a_city_s_club_plays() -> None:
    text = (
        "Talks\n\n"
        'A senior official said Washington was "under no illusions" about the truce.\n\n'
        "She said she would spend the money on a trip to Boston, where the community has kept the tradition alive.\n\n"
        '"We were lucky," said Gerard Puig, the Barcelona soccer player.\n'
    )
    assert people_of(text) == {"Gerard Puig": ("soccer player", "Barcelona")}
    assert organizations_of(text) == {"Barcelona"}


def test_a_club_named_by_its_letters_and_town_is_an_organization() -> None:
    text = (
        "Cup\n\n"
        'SC Veldhoven beat FC Twente 2-1 on Sunday. "We deserved it," said coach Jan de Vries. AC Milan and SV '
        "Werder Bremen also won.\n"
    )
    assert organizations_of(text) == {"SC Veldhoven", "FC Twente", "AC Milan", "SV Werder Bremen"}
    assert set(people_of(text)) == {"Jan de Vries"}


def test_a_speaker_whose_given_name_opens_a_body_s_name_and_a_bank_of_two_joined_words_are_read_right() -> None:
    text = (
        "Heritage\n\n"
        '"This is not nostalgia," said Søren Østergaard, chairman of the Søren Kierkegaard Foundation.\n\n'
        'Zhang Wei, chief economist at the Industrial and Commercial Bank of China, said: "The naira is stable."\n\n'
        "Barclays and Lloyds Bank cut rates. Nimbus Labs launched the Nimbus Halo Max.\n"
    )
    extraction = extract(text)
    assert {p.name: (p.role, p.organization) for p in extraction.people} == {
        "Søren Østergaard": ("chairman", "Søren Kierkegaard Foundation"),
        "Zhang Wei": ("chief economist", "Industrial and Commercial Bank of China"),
    }
    assert [q.speaker for q in extraction.quotes] == ["Søren Østergaard", "Zhang Wei"]
    assert {"Barclays", "Lloyds Bank"} <= {o.name for o in extraction.organizations}
