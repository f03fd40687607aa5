"""Where one name ends and the next begins: titles, organizations and family-name-first names, on invented articles."""

from __future__ import annotations

from store.extraction import extract


def _people(text: str) -> dict[str, str | None]:
    """The people an article names, each with their role."""
    return {p.name: p.role for p in extract(text).people}


def _people_at(text: str) -> dict[str, tuple[str | None, str | None]]:
    """The people an article names, each with their role and organization."""
    return {p.name: (p.role, p.organization) for p in extract(text).people}


def _organizations(text: str) -> set[str]:
    """The organizations an article names."""
    return {o.name for o in extract(text).organizations}


def test_a_person_after_an_organization_in_the_speaker_slot_is_cut_from_it() -> None:
    text = (
        "Shelter beds run short\n\n"
        "The head of the Northfield Housing Council Orla Brennick said on Monday that beds ran out by noon.\n\n"
        "Director of the Harbour Tenants Association Pell Varrow told reporters the waiting list had doubled.\n"
    )
    people = _people(text)
    assert "Orla Brennick" in people
    assert people["Pell Varrow"] == "Director of the Harbour Tenants Association"
    organizations = _organizations(text)
    assert "Northfield Housing Council" in organizations
    assert "Harbour Tenants Association" in organizations
    assert not any("Brennick" in o or "Varrow" in o for o in organizations)


def test_a_person_after_a_country_is_cut_from_it() -> None:
    text = (
        "Envoy visits the port\n\n"
        "According to the Chilean Ambassador to the United States Tomasz Ovrelid, the talks went well.\n\n"
        "Ovrelid said the next round would open in May.\n"
    )
    people = _people(text)
    assert "Tomasz Ovrelid" in people
    assert not any("Ovrelid" in o for o in _organizations(text))


def test_a_known_given_name_after_a_long_title_starts_the_person() -> None:
    text = (
        "Museum reopens\n\n"
        "The chief curator of the Lakeside Museum of Modern Art Maria Tolvanen said the west wing would open "
        "first.\n"
    )
    assert "Maria Tolvanen" in _people(text)
    assert "Lakeside Museum of Modern Art" in _organizations(text)


def test_a_sentence_opening_with_minister_of_keeps_the_title_as_role() -> None:
    text = (
        "Schools budget cut\n\n"
        "Minister of Education Dalia Ferrano said the cut would be reversed. The minister gave no date.\n"
    )
    people = _people(text)
    assert "Dalia Ferrano" in people
    assert people["Dalia Ferrano"] == "Minister of Education"


def test_a_run_of_name_words_without_a_title_or_organization_is_not_cut() -> None:
    text = (
        "Rice harvest\n\n"
        "“The rain came late,” said Nguyen Thi Kim Lan, a farmer. Her village once paid tax to the Holy Roman "
        "Empire, she joked.\n"
    )
    people = _people(text)
    assert "Nguyen Thi Kim Lan" in people
    assert "Roman Empire" not in people


def test_family_name_first_with_a_hyphenated_given_name_is_a_person() -> None:
    text = (
        "Council vote delayed\n\n"
        "Councillors Tsang Wai-lun and Ho Siu-fong walked out of the chamber on Tuesday. Veteran member "
        "Tsang Wai-kit stayed in his seat.\n\n"
        "“We will not vote on a bill nobody has read,” Tsang Wai-lun said. Ho said the chair had ignored them.\n"
    )
    people = _people(text)
    assert {"Tsang Wai-lun", "Ho Siu-fong", "Tsang Wai-kit"} <= set(people)
    assert not _organizations(text)
    assert extract(text).quotes[0].speaker == "Tsang Wai-lun"


def test_a_given_name_with_a_short_surname_is_a_person() -> None:
    text = (
        "Harbour plan approved\n\n"
        "The alliance's Dorrie Ng said the plan was sound. Pro-Beijing legislator Magnus Yu voted for it, and "
        "Martin Law of the Civic Bloc voted against.\n"
    )
    people = _people(text)
    assert {"Dorrie Ng", "Magnus Yu", "Martin Law"} <= set(people)
    assert "Civic Bloc" in _organizations(text)


def test_two_jobs_joined_by_and_make_one_role() -> None:
    text = (
        "Salt study published\n\n"
        "Professor Ilse Marrow, director of the Coastal Salt Survey, and chair of the Northern Diet Council, "
        "says the results are clear.\n"
    )
    assert _people(text)["Ilse Marrow"] == (
        "Professor, director of the Coastal Salt Survey, and chair of the Northern Diet Council"
    )


def test_where_a_titled_person_works_stays_in_the_role() -> None:
    text = (
        "Salt study published\n\n"
        "Senior researcher Tomo Vaszary, of the Eastfield University's school of nursing, said the sample "
        "was small.\n"
    )
    role = _people(text)["Tomo Vaszary"]
    assert role is not None and role.startswith("Senior researcher")
    assert "school of nursing" in role


def test_a_company_named_for_its_trade_is_one_organization_not_a_person() -> None:
    for company in ("Harbor Freight Tools", "Harbor Steel Works", "Ocean Shipping Lines", "United Van Lines"):
        text = (
            "Port reopens\n\n"
            f"\u201cThe port reopens on Monday,\u201d said Maria Lopez, a spokeswoman for {company}.\n"
        )
        assert _organizations(text) == {company}, company
        assert _people_at(text) == {"Maria Lopez": ("spokeswoman", company)}, company


def test_a_group_named_for_a_cause_is_one_organization() -> None:
    """"Americans for Prosperity" was "Prosperity", "Friends of the Earth" was "Friends"."""
    for group in ("Americans for Prosperity", "Citizens for Fiscal Sanity", "Friends of the Earth",
                  "Parents for Safe Streets"):
        text = f"Story\n\n\u201cIt is wrong,\u201d said Robert Smith, a spokesman for {group}.\n"
        assert _organizations(text) == {group}, group
        assert _people_at(text) == {"Robert Smith": ("spokesman", group)}, group
    assert _organizations("Story\n\nAmericans for years have paid more, said Robert Smith.\n") == set()


def test_a_person_in_apposition_to_a_spokeswoman_is_the_speaker_not_her_employer() -> None:
    """"An OMB spokeswoman, Kelsey Arrington, said" gave the quote to OMB, and "a spokeswoman for the agency,
    Kelsey Arrington," made her an organization."""
    for lead in ("An OMB spokeswoman, Kelsey Arrington,", "A spokeswoman for the agency, Kelsey Arrington,"):
        text = (
            f"Budget office\n\nThe agency has plans. {lead} said the agency was \u201cfollowing standard "
            "procedures\u201d and declined to comment.\n"
        )
        result = extract(text)
        assert [q.speaker for q in result.quotes] == ["Kelsey Arrington"], lead
        assert "Kelsey Arrington" in {p.name for p in result.people}, lead


def test_a_party_before_its_leader_s_title_and_name_is_an_organization() -> None:
    """"Sinn Fein leader Maire Nic Giolla Phadraig said" made Sinn Fein a person, and gave it her quote."""
    text = (
        "Budget row\n\nSinn Fein leader Maire Nic Giolla Phadraig said the measures were weak. "
        "\u201cThis government has failed,\u201d she said.\n"
    )
    result = extract(text)
    assert {o.name for o in result.organizations} == {"Sinn Fein"}
    assert [q.speaker for q in result.quotes] == ["Maire Nic Giolla Phadraig"]
    assert _organizations("Polls\n\nPolitical analyst Zoya Hasan said the vote was close.\n") == set()


def test_a_firm_named_with_an_ampersand_and_a_body_named_with_and_are_one_organization() -> None:
    """"Goldman Sachs & Co. LLC" was two organizations, "Marks & Spencer" a person, and "the Competition and
    Markets Authority" the organizations "Competition" and "Markets Authority"."""
    text = (
        "Deal cleared\n\nGoldman Sachs & Co. LLC advised the buyer, and Marks & Spencer welcomed the news. "
        "The Competition and Markets Authority cleared the deal, and Staff at the Brazilian Confederation of "
        "Agriculture and Livestock agreed.\n"
    )
    assert _organizations(text) == {
        "Goldman Sachs & Co. LLC", "Marks & Spencer", "Competition and Markets Authority",
        "Brazilian Confederation of Agriculture and Livestock",
    }
    assert _people(text) == {}
    assert _organizations("Deal\n\nApple and Microsoft Corp. agreed on Monday.\n") == {"Apple", "Microsoft Corp."}


def test_initials_written_together_and_more_titles_start_or_head_a_name() -> None:
    text = (
        "Budget\n\n\u201cThe data is clear,\u201d said S.K. Raghunathan, a professor at the institute.\n\n"
        "\u201cWe cannot spend our way out,\u201d Taoiseach Sean O Briain said.\n"
    )
    assert _people(text) == {"S.K. Raghunathan": "professor", "Sean O Briain": "Taoiseach"}


def test_arabic_and_urdu_names_keep_every_part() -> None:
    """"Abdelrahman Mohamed Osman" opening a sentence lost Abdelrahman (read as a word before a given name),
    "ul-Haq" was cut off, and a chain of fathers' names made no person at all."""
    people = _people(
        "Talks\n\nAbdelrahman Mohamed Osman, the spokesman, said the talks would resume.\n\n"
        "\u201cWe agree,\u201d said Mohammad Rizwan ul-Haq, the minister.\n\n"
        "\u201cWe will host them,\u201d said Sayyid Badr bin Hamad bin Hamood Albusaidi, the foreign minister.\n"
    )
    assert set(people) == {
        "Abdelrahman Mohamed Osman", "Mohammad Rizwan ul-Haq", "Sayyid Badr bin Hamad bin Hamood Albusaidi"
    }
    assert "Jane Porter" in _people("Talks\n\nMeanwhile Jane Porter said the talks would resume.\n")


def test_a_title_of_several_words_before_of_leaves_the_organization_after_it() -> None:
    text = (
        "Quarterly results\n\n"
        "Brindlemoor Diagnostics reported higher revenue on Tuesday.\n\n"
        '"We had a strong quarter," said Oriel Fanshawe, Chief Executive Officer of Brindlemoor Diagnostics.\n\n'
        "The company opened two offices. Its chief financial officer, Tamsin Yarrow, said costs fell.\n"
    )
    extraction = extract(text)
    assert {o.name for o in extraction.organizations} == {"Brindlemoor Diagnostics"}
    by_name = {p.name: p for p in extraction.people}
    assert set(by_name) == {"Oriel Fanshawe", "Tamsin Yarrow"}
    assert by_name["Oriel Fanshawe"].organization == "Brindlemoor Diagnostics"
    assert by_name["Tamsin Yarrow"].organization == "Brindlemoor Diagnostics"
    assert extraction.quotes[0].speaker == "Oriel Fanshawe"


def test_given_names_the_rules_do_not_list_stay_whole_before_a_particle_or_after_a_short_job_shaped_word() -> None:
    text = (
        "Budget night\n\n"
        "Minister for Finance Ruairí Mac Giollarnáth told the chamber that the package was prudent.\n\n"
        '"Three decisions, three against us," visiting coach Heitor Baía Queluz told the broadcaster.\n\n'
        "Bowler Sanjith Periyasamy took four wickets before lunch.\n"
    )
    people = _people(text)
    assert people["Ruairí Mac Giollarnáth"] == "Minister for Finance"
    assert "Heitor Baía Queluz" in people
    assert "Sanjith Periyasamy" in people
    assert extract(text).quotes[0].speaker == "Heitor Baía Queluz"


def test_a_name_with_its_job_in_apposition_is_a_person_even_before_a_long_phrase() -> None:
    text = (
        "Coffee prices\n\n"
        "Sumarno, a 52-year-old farmer in the Gayo highlands who uses only one name, said prices rose. "
        '"The price was better," he said.\n\n'
        "Zhao Jun, a professor at the Harbin Institute, said the shake-out would come.\n\n"
        'His father, T. Arumugam, a retired bank clerk, said he had been too nervous. "I went for a walk," he said.\n'
    )
    extraction = extract(text)
    people = {p.name for p in extraction.people}
    assert {"Sumarno", "Zhao Jun", "T. Arumugam"} <= people
    assert not {o.name for o in extraction.organizations} & people
    assert [q.speaker for q in extraction.quotes] == ["Sumarno", "T. Arumugam"]


def test_leagues_districts_and_bodies_joined_by_and_keep_their_whole_names() -> None:
    text = (
        "Season opener\n\n"
        "The club finished third in the Primeira Liga and won promotion from the Segunda División last year.\n\n"
        "The Harlow Unified School District said its buses would run late.\n\n"
        "The Mekong Rice and Pepper Association said exports rose. The Environment and Land Court sat on Monday.\n\n"
        "Smaller companies said costs had risen. Colleagues recalled a patient teacher.\n"
    )
    organizations = _organizations(text)
    assert {"Primeira Liga", "Segunda División", "Harlow Unified School District",
            "Mekong Rice and Pepper Association", "Environment and Land Court"} <= organizations
    assert not {"Smaller", "Colleagues", "Pepper Association", "Land Court", "Harlow Unified School"} & organizations


def test_a_person_s_organization_from_a_clause_or_an_of_phrase_after_the_name() -> None:
    text = (
        "Power cuts\n\n"
        "Thandi Mokoena, who took over as head of the National Grid Corporation last year, said cuts would end.\n\n"
        "Finance Minister Katrin Vogel, of the Liberal Party, said she would not sign.\n\n"
        '"It was patient work," said Henrik Dahl, a physicist who now teaches at Lund University.\n\n'
        "Minister Ola Berge said the plan was sound. Berge, who chairs the Harbor Council, said more.\n"
    )
    by_name = {p.name: p for p in extract(text).people}
    assert by_name["Thandi Mokoena"].organization == "National Grid Corporation"
    assert by_name["Katrin Vogel"].organization == "Liberal Party"
    assert by_name["Henrik Dahl"].organization == "Lund University"
    assert by_name["Ola Berge"].role == "Minister"
    assert by_name["Ola Berge"].organization == "Harbor Council"


def test_people_presented_by_a_job_or_a_country_and_places_storms_and_venues_that_are_not_people() -> None:
    text = (
        "Final round\n\n"
        "Volkova drew with India's Harika Venkatraman, and was caught off the bowling of spinner Shadab Mullick.\n\n"
        "Rain fell as Typhoon Amihan brought winds. She won on a windy afternoon at the Foro Italico.\n\n"
        "Kazakhstan's Air Astana ordered two jets. Ngozi Uchenna-Bello, an analyst at Lagos-based consultancy "
        "Meridian Zenith Advisory, said fares would rise.\n"
    )
    people = set(_people(text))
    assert {"Harika Venkatraman", "Shadab Mullick", "Ngozi Uchenna-Bello"} <= people
    assert not {"Typhoon Amihan", "Foro Italico", "Air Astana", "Meridian Zenith Advisory"} & people
    assert "Meridian Zenith Advisory" in _organizations(text)


def test_a_role_leaves_out_an_age_a_place_after_the_job_and_an_honorific_alone() -> None:
    text = (
        "Harvest report\n\n"
        "Karim Benhadj, a 58-year-old dockworker, said he was tired. Suparman, a farmer in the Gayo highlands, "
        "said prices rose.\n\n"
        "Dr. Wanjiku Otieno said the trial went well.\n\n"
        "The title went to Canada after Vasko Pospelov edged Reilly Oberlin in two sets.\n"
    )
    people = _people(text)
    assert people["Karim Benhadj"] == "dockworker"
    assert people["Suparman"] == "farmer"
    assert people["Wanjiku Otieno"] is None
    assert "Vasko Pospelov" in people


def test_a_country_or_a_dateline_is_no_alias_and_a_firm_s_partner_is_a_firm() -> None:
    text = (
        "Shipyard deal\n\n"
        "GDANSKA, Poland \u2014 The deal was negotiated by the Vistula Shipyard Group with Danish partner Nordvik "
        "Line. Soren Kjaer-Mollerup, a vice president at Nordvik Line, said hulls would be laid next spring. "
        "Jackson Tuwei, president of Athletics Kenya, said the team was ready.\n\n"
        "Kenya won the relay. Officials at Gdanskalis Port said the yard was busy.\n"
    )
    extraction = extract(text)
    organizations = {o.name: o.aliases for o in extraction.organizations}
    assert "Kenya" not in organizations.get("Athletics Kenya", ())
    assert "Nordvik Line" in organizations
    by_name = {p.name: p for p in extraction.people}
    assert "Nordvik Line" not in by_name
    assert (by_name["Soren Kjaer-Mollerup"].role, by_name["Soren Kjaer-Mollerup"].organization) == (
        "vice president", "Nordvik Line")
    assert all("GDANSKA" not in p.aliases for p in extraction.people)


def test_a_role_capitalized_only_because_it_opens_the_story_is_written_in_lowercase() -> None:
    text = (
        "Shipyard deal\n\n"
        "GDANSKA, Poland \u2014 Former president Lech Walewski backed the deal.\n\n"
        "Retired teacher Anna Brzoza said the yard mattered. Prime Minister Jan Olbracht agreed.\n"
    )
    people = _people(text)
    assert people["Lech Walewski"] == "former president"
    assert people["Anna Brzoza"] == "retired teacher"
    assert people["Jan Olbracht"] == "Prime Minister"


def test_a_city_before_a_coach_or_a_striker_and_a_name_is_its_club_but_a_city_before_a_mayor_is_not() -> None:
    text = (
        "Derby ends level\n\n"
        '"Three decisions, three against us," Porto coach Tiago Mendes Carvalho told the broadcaster.\n\n'
        "Chicago mayor Dana Whitcomb watched from the stands.\n"
    )
    extraction = extract(text)
    by_name = {p.name: p for p in extraction.people}
    assert (by_name["Tiago Mendes Carvalho"].role, by_name["Tiago Mendes Carvalho"].organization) == ("coach", "Porto")
    assert by_name["Dana Whitcomb"].role == "Chicago mayor"
    assert {o.name for o in extraction.organizations} == {"Porto"}


def test_a_country_s_possessive_before_an_organization_is_no_part_of_its_name() -> None:
    text = "Reform passes\n\nChile's Senate approved the bill on Wednesday after a long debate.\n"
    assert _organizations(text) == {"Senate"}


def test_an_organization_s_possessive_inside_a_longer_name_ends_the_organization() -> None:
    text = (
        "Price war\n\n"
        "Wang Jun, a professor at Harbin University's School of Vehicle and Mobility, said the shake-out would come.\n"
    )
    extraction = extract(text)
    assert {o.name for o in extraction.organizations} == {"Harbin University"}
    assert extraction.people[0].organization == "Harbin University"


def test_a_hyphenated_vice_or_co_before_a_job_is_a_role() -> None:
    text = (
        "Wards overflow\n\n"
        '"Corridor care has become normal," said Dr. Nell Averan, vice-president of the Royal College of Surgery.\n\n'
        '"It cannot go on," said Ossi Marrek, co-chair of the Harbour Nurses Association.\n'
    )
    extraction = extract(text)
    by_name = {p.name: (p.role, p.organization) for p in extraction.people}
    assert by_name["Nell Averan"] == ("vice-president", "Royal College of Surgery")
    assert by_name["Ossi Marrek"] == ("co-chair", "Harbour Nurses Association")


def test_where_a_firm_sits_before_its_name_is_no_part_of_the_role_and_leaves_it_a_firm() -> None:
    text = (
        "Chip prices climb\n\n"
        '"Everyone is building at once," said Tae Morran, a fund manager at Seoul-based Hanul Asset Management.\n\n'
        "Ivo Petrak, an auto analyst at Shanghai-based Huachen Securities, said margins would fall.\n"
    )
    extraction = extract(text)
    by_name = {p.name: (p.role, p.organization) for p in extraction.people}
    assert by_name["Tae Morran"] == ("fund manager", "Hanul Asset Management")
    assert by_name["Ivo Petrak"] == ("auto analyst", "Huachen Securities")
    assert {o.name for o in extraction.organizations} == {"Hanul Asset Management", "Huachen Securities"}


def test_a_firm_named_after_a_city_based_adjective_is_a_firm() -> None:
    text = "Funds buy\n\n" '"We like it," said Tae Morran, a fund manager at Lagos-based Okonjo Meridian.\n'
    extraction = extract(text)
    assert {o.name for o in extraction.organizations} == {"Okonjo Meridian"}
    assert [(p.name, p.role, p.organization) for p in extraction.people] == [
        ("Tae Morran", "fund manager", "Okonjo Meridian")
    ]


def test_a_relative_clause_whose_verb_has_an_organization_as_its_object_names_their_organization() -> None:
    text = (
        "Robots join care homes\n\n"
        "Hiroshi Namura, who headed the Kanto Care Workers' Union, said staff were uneasy.\n\n"
        '"The results are strong," said Dr. Amani Wekesa, who worked at the Coast Medical Research Institute.\n\n'
        '"We will not stop," said Ruth Ade, who led protests against the Harbor Defence Agency last year.\n\n'
        '"It was a mistake," said Ed Park, who oversees a lawsuit against the Harbor Protection Agency.\n\n'
        '"They ignored us," said Nadia Sami, who worked for years to expose the Harbor Police Service.\n'
    )
    by_name = {p.name: p.organization for p in extract(text).people}
    assert by_name == {
        "Hiroshi Namura": "Kanto Care Workers' Union",
        "Amani Wekesa": "Coast Medical Research Institute",
        "Ruth Ade": None,
        "Ed Park": None,
        "Nadia Sami": None,
    }


def test_a_body_described_before_its_name_or_after_for_is_the_person_s_organization_not_part_of_the_role() -> None:
    text = (
        "Coffee prices climb\n\n"
        "Dimas Harto, an analyst at the Jakarta research firm Nusantara Insight, said supply was tight.\n\n"
        "Lukas Brenner, co-founder of the Vienna-based start-up Kognitiv, said the deal was signed.\n\n"
        "Tomasz Wrobel, a lawyer for the Helsinki Foundation for Human Rights, said the law was unclear.\n\n"
        '"It is clear," said Emre Celik, chief economist at the Istanbul brokerage Bogazici Yatirim.\n'
    )
    by_name = _people_at(text)
    assert by_name["Dimas Harto"] == ("analyst", "Nusantara Insight")
    assert by_name["Lukas Brenner"] == ("co-founder", "Kognitiv")
    assert by_name["Tomasz Wrobel"] == ("lawyer", "Helsinki Foundation for Human Rights")
    assert by_name["Emre Celik"] == ("chief economist", "Bogazici Yatirim")


def test_an_organization_s_possessive_before_a_job_and_a_name_in_apposition_is_their_employer() -> None:
    text = (
        "Profits rise\n\n"
        "Northwind Bank's chief executive, Johan Smit, said profits rose.\n\n"
        "Ann Lee's lawyer, Tom Berg, said she would appeal.\n"
    )
    by_name = _people_at(text)
    assert by_name["Johan Smit"] == ("chief executive", "Northwind Bank")
    assert by_name["Tom Berg"] == ("lawyer", None)


def test_a_club_named_for_its_city_after_racing_real_or_sporting_is_an_organization_not_a_person() -> None:
    text = (
        "Derby day\n\nRacing de Ferrol beat Real Madrid 2-1 on Sunday, and Sporting de Gijón drew at home.\n\n"
        "Sporting Director Dan Ashworth said Sporting Goods sales rose.\n"
    )
    extraction = extract(text)
    assert {o.name for o in extraction.organizations} == {"Racing de Ferrol", "Real Madrid", "Sporting de Gijón"}
    assert [(p.name, p.role) for p in extraction.people] == [("Dan Ashworth", "Sporting Director")]


def test_a_city_named_city_is_a_place_but_a_town_s_club_is_an_organization() -> None:
    text = (
        "Cup final\n\n"
        "Fans came from New York City and Salt Lake City, and others loaded ferries in Jersey City.\n\n"
        "Stoke City beat Exeter City 2-0 on Saturday.\n"
    )
    assert _organizations(text) == {"Stoke City", "Exeter City"}


def test_a_second_body_after_and_in_a_body_s_of_name_is_an_organization_of_its_own() -> None:
    text = (
        "Ice study\n\n"
        "The Harbor Institute of Marine Science and Oslo Maritime University signed the deal.\n\n"
        "The Department of Fish and Wildlife closed the river.\n"
    )
    assert _organizations(text) == {
        "Harbor Institute of Marine Science", "Oslo Maritime University", "Department of Fish and Wildlife"
    }


def test_a_job_for_a_body_that_does_not_employ_the_person_keeps_the_body_in_the_role() -> None:
    text = (
        "Race opens\n\n"
        '"I will win," said Ann Cole, a candidate for the Harbor Senate.\n\n'
        '"The price is fair," said Jim Noor, a bidder for Harbor Football Club.\n'
    )
    assert _people(text) == {
        "Ann Cole": "candidate for the Harbor Senate",
        "Jim Noor": "bidder for Harbor Football Club",
    }


def test_a_club_named_city_after_in_stays_a_club_when_a_possessive_or_a_noun_follows() -> None:
    text = (
        "Late drama\n\n"
        "Tommy Conway scored in Bristol City's win over Hull on Saturday.\n\n"
        "Fans in Cardiff City shirts waited outside.\n"
    )
    assert _organizations(text) == {"Bristol City", "Cardiff City"}


def test_a_public_body_of_two_fields_joined_by_and_stays_one_organization() -> None:
    text = "Clinic funding\n\nThe Oklahoma Department of Mental Health and Substance Abuse Services paid for it.\n"
    assert _organizations(text) == {"Oklahoma Department of Mental Health and Substance Abuse Services"}


def test_a_person_owning_a_job_is_no_employer_and_an_organization_owning_it_is() -> None:
    text = (
        "Talks stall\n\n"
        '"There is no deal," Donald Trump\'s lawyer, Rudy Giuliani, said on Monday.\n\n'
        '"This is the plan," Goldman Sachs\'s chief economist, Jan Hatzius, wrote.\n'
    )
    by_name = _people_at(text)
    assert by_name["Rudy Giuliani"] == ("lawyer", None)
    assert by_name["Jan Hatzius"] == ("chief economist", "Goldman Sachs")


def test_management_chamber_and_sisters_do_not_make_a_title_a_room_or_kin_an_organization() -> None:
    text = (
        "Storm\n\n"
        '"Stay home," said County Director of Emergency Management Jim Bell.\n\n'
        "Lawmakers returned to the House Chamber on Monday.\n\n"
        "Sisters of Mary Jones told the court she was kind.\n"
    )
    assert _organizations(text) == set()
    assert _people(text) == {"Jim Bell": "County Director of Emergency Management", "Mary Jones": None}


def test_a_portfolio_opening_a_sentence_stays_in_the_title_though_it_is_a_word_elsewhere() -> None:
    text = (
        "Budget talks\n\n"
        "Defense Minister Sofia Nytis met officials on Monday. The defense budget rose.\n\n"
        "Finance Minister Jan Kowal said the plan was sound.\n"
    )
    assert _people(text) == {"Sofia Nytis": "Defense Minister", "Jan Kowal": "Finance Minister"}


def test_centers_for_a_cause_joined_by_and_are_one_organization() -> None:
    text = (
        "Vaccines\n\n"
        '"Vaccines work," said Mandy Colen, director of the Centers for Harbor Disease Control and Prevention.\n'
    )
    assert _organizations(text) == {"Centers for Harbor Disease Control and Prevention"}
    assert _people_at(text) == {"Mandy Colen": ("director", "Centers for Harbor Disease Control and Prevention")}


def test_an_organization_owning_the_job_in_apposition_after_the_name_is_the_employer() -> None:
    text = (
        "Jet order\n\n"
        "Benoit Lefevre, Siemens's chief commercial officer, said the deal was strong. Siemens shares rose.\n\n"
        '"We are pleased," Nokia\'s chief executive, Tim Crook, said. Nokia stock fell.\n'
    )
    by_name = _people_at(text)
    assert by_name["Benoit Lefevre"] == ("chief commercial officer", "Siemens")
    assert by_name["Tim Crook"] == ("chief executive", "Nokia")
