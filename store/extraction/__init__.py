"""Extraction of people, organizations and quotes from plain English news text: rules, then a learned model."""

from __future__ import annotations

from store.extraction.attribution import Attributed, Attributor
from store.extraction.classifier import EntityTypeModel
from store.extraction.document import Document, read
from store.extraction.entities import Found, find_entities
from store.extraction.entity_types import settle_entity_types, shipped_model
from store.extraction.roles import assign_roles, owners_settled
from store.extraction.title import find_title
from store.model import Extraction, Organization, Person, Quote

__all__ = ["EXTRACTOR_VERSION", "extract"]

EXTRACTOR_VERSION = 81
"""Which extractor read an article: raised whenever what extraction finds in the same text changes, so that stores know
to read their articles again (1: rules only; 2: rules and the learned entity-type model; 3: a given name that is
also a place kept after a title, a title "of" its portfolio ended by the name that follows, quotes ending in a full-
width mark or an ellipsis taken as speech; 4: people named like months, an opening line that quotes someone read as
the story rather than its title; 5: companies named for their trade, works' titles after their kind, paragraphs
wrapped at a fixed width read as one, quotes run on to the next line, surnames such as Green or Day after a given
name, groups named for a cause such as Americans for Prosperity, surnames that are titles such as King, and II or
III after a name, a surname with its role in apposition, short quotes right after "said", a person in apposition to
a job at an organization, a party before its leader's title, more given names, names with "&" or joined by "and"
before a public body's word, initials written together, "called it “…”", a "he" after someone new and unnamed,
Arabic and Urdu names kept whole; 6: titles of several words before "of", given names before Mac or Van and short
ones in -or, a job in apposition before a long phrase, pronouns after a source left unnamed or past a source in a
clause, a possessive subject or an employer before a job, honorifics among namesakes, leagues, districts and bodies
joined by "and" after a country, organizations from a clause after the name, roles without an age or the place after
the job, storms and venues that are no people; 7: hyphenated jobs such as vice-president, a firm's seat before its
name ("Seoul-based"), brokerages and non-profits, a clause whose verb has the employer as its object ("who headed
X", "who worked at X"), a body described before its name ("an analyst at the Jakarta research firm X") or after
"for" a job done for it ("a lawyer for X") kept out of the role, an organization's possessive before a job and a
name in apposition ("Northwind Bank's chief executive, X,", or after the name, "X, Airbus's chief commercial
officer,"), also when only the model finds it an organization; clubs named for their city after Racing, Real or
Sporting; cities named "… City" that are no clubs; a second body named for a place after "and" in a body's "of"
name; a speaker whose given name is a place, "said Paris Hilton"; a portfolio opening a sentence before a title and
a name, "Defense Minister X met"; Centers for a cause; a middle initial that is a word, "Lewis A. Kaplan"; no
company from a person's given name, "Dawn Staley"; a spokesperson's office as the speaker, "a Kremlin spokesman
said"; "the Serbian" or "the 21-year-old" for the one person just named; 8: a body described by its kind after "at
the" or "of the" a job ("an analyst at the investment bank X") as the employer; a role ending in a body the model
found split into the job and the organization; "Chamber of …" and "Guild of …" as bodies; a company named without
its suffix ("X Developments" of "X Developments Ltd"); ", a Mombasa-based organisation" making the name before it
one; "said its chair, X"; "its" or "the company's" for the last organization that was a sentence's subject, else the
one the article names most; a bare councillor's or judge's office held in the only council or court named before
them; 9: a given name that is also a word, faith or place where a speaker stands or after a title ("said Christian
X", "said Frank Lake"), a job-shaped word before "Le" or "Van" as a given name; an owner's name holding "of" before
its possessive ("the Bank of X's governor"); a person after "According to" as the speaker of a quote later in the
sentence, and a sentence's subject for a second partial quote; a club's short name opening a sentence before a
sport's job ("United captain X"); a known organization before a common noun ("X Sports"); "… for All" as one name;
an organization's first word alone before its full name no short form of it; one word after "mayor of" a place; 10:
a body described by its kind the employer only of a job, not of a critic or a customer; a councillor's body only a
local council, a judge's only a court of law no case goes to next, neither when the office is of another place;
"According to X" not over a quote another voices ("the sign read “…”"); no club from an office's or a common word
("Police captain"); a job before "Le" or "Van" a title again; "Christian Aid" a group; "its" past a subject acting
on "the company"; a person with a job in apposition after a known organization's word; no "Chamber of …" before an
exhibit; 11: a job "from" a place before a name ("a farmer from X, Y,"), a job "near" a place without the place or
an employer in it, no role from a tie to someone ("the victim's brother"), seamstresses and longshoremen; 12: a job
from a relative clause's verb ("who farms", "who chairs the committee", "who runs a café" a café owner), "the
club's" job at the article's side, "head of the company's division" at the company, a minister's ministry by
portfolio, a superintendent's school district, an executive's body from "said the company", a player's side from
"for" it or opening the sentence, "At X, chief executive Y", "Y, a Green," of the Greens, no former job or body's
name in a role after a title; 13: a body's name defined by its acronym without "and" or "of" ("Transport
Infrastructure Ireland (TII)") or run on over the lowercase words of another language ("Confédération générale du
travail (CGT)"), an acronym before its name in apposition its alias ("WADA, the World Anti-Doping Agency"), a side
named before a score ("beat Braga 3-0"), "the X founder", a name after "association", a party's name joined by "and"
before "party", a company's name before ", an Israeli company", an acronym and a place acting as a body ("NHS
England said"), no organization of a word before ", where" or listed beside places, nor (fixed within 13) from an
acronym its name does not spell, a player's or a poll's score, a term's or an area's acronym, "the X owner" or a
name after a lowercase noun before "party"; a role ending in no dangling "at" or "of", a quote opened „ closed by “,
two quotes joined by "and" the words of the speaker of the second, a quote run on over lines holding no mark, no
person of a given name set off between "a" and a noun ("A Frank discussion"); 14: twice as many given names, of many
languages, so that one that reads like a job ("Rainer", "Holger") opens a name before another given name; a body's
possessive right before a name ("Acme's Jo Bell"), a job "with" a body ("a researcher with X") and an appositive
naming a body alone after "of", "from", "with" or "speaking for" ("X, from the Red Cross,") give the employer; 15: a
bare company office ("chief executive X said") held at the organization the story is about, when its opening names
it and it is named half as often again as any other; 16: a party in brackets after a politician's name, "X
(Labour)", "X (D-Calif.)", when the article names it; 17: a given name that is also a place or a faith opening a
name set off by a job, "Sydney Smith, the mayor,", "finance minister, Christian Lindner,"; 18: a surname found again
without its joined particle ("Assad" of "Bashar al-Assad"), jobs in capitals ("the CEO of Apple", "Labour MP") and
guards, cooks and cashiers as jobs; 19: the story's company no longer a bare office's employer (15 undone), nor a
body after a job "with" a side dealt with or before more words, from a former club or a home town set off before
more of the appositive, or from a person's possessive; fewer given names that open names of bodies and places; 20: a
job stated by "X is a …", a job reached "through a spokesman, X" without the preposition, a river's delta a place;
21: a body named before a job in capitals in a title its own name and the person's employer, "Tesla CEO X"; 22: no
employer of whom one is a customer, a rival or another standing toward ("a customer of Comcast"); 23: a title made
from a first sentence without the dateline opening it, "FRANKFURT (Reuters) - "; 24: a name set off by ", an
association of …" or another body's kind an organization, "the association's" or "the charity's" for the body the
article calls one, and "the company's" never for a body it calls a broadcaster, a union or another kind; 25: "He"
after a Chinese family name a given name ("Vice Premier Liu He"), a word and a number a body's name where a body
stands ("president of Local 13", "director of Article 19"); 26: a Chinese family name before a given name of one or
two pinyin syllables a person ("said Zhang Weiming"), Punjabi given names borne by women and men alike (Kaur or
Singh after one telling which), a name after "At the" opening a sentence no subject for the pronouns after it; 27: a
word only shaped like a job before a firm's name no title ("Brightwater Municipal Advisors"), "its" after a sentence
opened by a body's kind that body ("The airport handled …"), none after another common noun, and "the firm" never a
body named for another kind ("… Neighborhood Association"); 28: a person before ", who said" a speaker a later "she
said" may mean, and a person's sex told by "said his" or "said her" after their name where their given name does not
tell it; 29: Vietnamese names family name first ("Ms. Tran" of "Tran Thi Mai", Thi or Van telling a woman's name
from a man's), a name after "the province of" a place wherever it stands, a title-cased name quoted after "a" no
speech ("declared a “Vo Thi Hoa Day”"), and a body's kind before a job ("airport spokeswoman X") the body named for
it; 30: "the company's" never a public body ("the Department of …", "the World Health Organization"), "its" or
"their" after a sentence opened by a person none, no employer from the club someone "joined from", and no
organization from a nationality ("their Portuguese midfielder X"); 31: version 24 to 30's rules narrowed where a
review found them misfiring: a body's kind matched as a whole word of a body's name, and before a job only for a
body's own kind ("airport spokeswoman", not "fund manager"); "their" after a person's sentence none only where it
names a body; Kaur or Singh only where the given name tells no sex; no sex learned from "said his" or "said her"; ",
who said" only across quoted sentences; Vietnamese names not opened by a given name; a word and a number a body only
for "Local", "Lodge", "Article", "Chapter", "Post" or "Channel"; a Chinese family name and a syllable a sure person
only where a speaker stands; a name once a place a place elsewhere only after a word of place; a name quoted after
"a" speech after "said"; 32: two jobs joined by "and" before a name set off by a comma one job with their owner
("the company's president and chief operating officer, X"); 33: a byline and a wire credit line no one the story is
about ("By X, Staff Writer", "(Reporting by X; Editing by Y)"), a dateline with a date ("ANKARA, March 3 (Reuters) -
") no part of the sentence after it; 34: "Its" opening a sentence after one that tells of a body in a clause or an
appositive after its name ("…, which represents …", "X Records, a small label,") that body, and a person's employer
always one of the organizations listed; 35: a name shaped like a person's a workplace after a job "at" it, after a
kind of business ("Paris law firm X", "rival chain Y's") or before ", whose vice president, Z," (Z's employer), a
bank named "Bank" or "Banco" and its own name, a spokesperson's employer "for the retailer X", none from "after 14
years at X"; 36: "she said" after "According to X, …" X, British titles without a period ("Prof", "Cllr", "Ch Supt")
roles, given names borne by women and men alike ("Yuki", "Sam") no sex, and a bare surname several share the one
named in full most often; 37: a "Governor" the one central bank's named before, and a title opened by a body's kind
("Council leader X") that body's; 38: no speaker from a body an unnamed source's relative clause names ("One
investor, who asked not to be named because talks with the company …, said"), "a spokesman for Acme" Acme, "In X,"
opening a sentence a place, and "arap" a particle of Kalenjin names; 39: a court named "Court of …" counted among
the courts a judge may sit on (several named, none is theirs), and "Its" after "The" and a name found as no body
none; 40: a titled name after "by", "with" or "to" no subject for the pronouns after it ("Asked by Deputy District
Attorney X whether …, Y shook her head"); 41: 33 to 40 narrowed where a review found them misfiring: a credit line
names alone after "by" ("Research by virologist X found" is none), "According to X" no subject where the sentence
names another person, a titled name after "by" no subject only where a participle opens the sentence ("Asked by …"),
a business kind before a name only where no verb follows ("the company Ann Lee founded"), a job "at" a name only
right before it, ", whose" only after a name opened by no given name and before a body's own officer, no bank of a
job or a given name ("Bank Governor X"), "a spokeswoman for Tesla shareholders" no speaker, a governor no central
bank's in a sentence naming a place before them or after "of" a place, "Council leader" only a town's council's,
"Its" no described body where another is named after it or the next sentence names one again, and "In X," a place
only where X opens with no given name; the shared surname and Western unisex names of 36 undone, and a pronoun that
cannot mean the person a bare surname was read as means their namesake of that sex; 42: an office set off after a
name without an article (", leader of the National Rally,") a person's job and the body "of the" it a body, a role
opened by a body's name or short form ("Fed Chair X", "Crusaders coach Y") the job at that body, a town after "the
University of X," no person, a trade opening a sentence before a kind of business ("Shipping company X") no body,
and "Analytics" a company's last word; 43: a first line ending in a period and of a lede's length the story's first
sentence, not its headline; 44: a party named "of the" after its standing ("X of the opposition Y Party") the
person's, "Schools" a body's last word whose superintendent heads it, and an honorific closing a title
("Superintendent Dr. X") no part of the role; 45: 41 to 44 narrowed where a second review found them misfiring: a
body "of the" a leader's only for a chairman, a director, a leader or a head and no name going on with "of", a bare
office only one a person holds (not ", member of the BMW group,"), a role opened by a body only for an office held
there (not "Starbucks customer"), no "Met" for the police, "Fed" only before an office, no "Schools" or "Analytics"
as a body's last word ("Moody's Analytics" kept), a campus town only without a given name, a governor only where the
title stands and their sentence speaks of money, a namesake only where a pronoun in the surname's own sentence says
so, and only abbreviated honorifics cut from a title; 46: the third word of a name of two given names and two
surnames a surname ("Vera" of "Javier Eduardo Vera Soto"), letters after a name ("KC", "MP") no part of it, a name
ending in "Crescent", "Terrace" or "Mews" a street, and a quote in a clause opened by ", whose" the person it names;
47: what a third review found misfiring undone or narrowed: the ", whose" quote, the namesake and the four-part-name
rules and the body "of the" a leader's undone; a bare office strengthens only a name opened by a given or a family
name or holding a particle; no "Investors" or "Terrace"; "Fed" no body before a noun ("Fed team"); no analyst at the
body opening the role; a governor no central bank's where a place (but one after "in") or a state, county or
province is named in their sentence; and "At the X," no person; 48: a governor the central bank's only where their
sentence speaks of the bank or its policy (of the bank itself where it names a place), and "Fed" before a word of no
office there ("Fed reporter X") no employer, however the Fed was named before; 49: company forms of many countries
("Groep", "Berhad", "Tbk", "Limited") a company's last word, and a law's name of three words or more ("the General
Data Protection Regulation") a thing, no person's name; 50 (undone in 51) a company's short forms, metals ending a
company's name and a members' body's possessive; 51 (narrowed in 52): a clause of work's body and company kinds
("Pharmaceutical") undone; 52: "the museum's", "the fund's", "the school's" and like possessives point back to the
one body so named, where no unnamed one of that kind stands between; a body an expert is "of" ("Dr X, of the Pasteur
Institute in Hanoi,"), but for a hospital, a clinic, a prison or a school, or, for a university, an institute, a
laboratory or an academy, "from", their employer; and a hyphenated given name before "Park" or "Hall" a person's
("Seo-yeon Park"); 53: a name after "near", "outside", "across" and like words no sentence's subject ("near Coraki,
dairy farmer Fiona McLachlan said"), a shoal, reef or glacier a place, an accented given name telling a sex as its
unaccented form does ("Siobhán") and an abbreviated one ("Ma. Luisa") by the name after it, a surname between "a"
and a job ("A Marlowe spokesman, Ethan Brody,") no mention of its namesake, and a quote in a sentence about someone
unnamed who asked not to be named ("One of its officials, who asked not to be named, put it: …") no one's; 54:
titles of honour of Malaysia, Nigeria and Kenya ("Datuk Seri", "Tan Sri", "Hon.", "Alhaji", "Alhaja", "Mzee") and
"Advocate" and "Pastor" (no longer from 58) no part of a name, the honours no job; 55: a hyphenated given name
("Klaus-Dieter") no job before a name, and "Santiago" a given name; 56: what a review of 53 found misfiring
narrowed: a surname before a job no mention only after "a" or "an" ("the Marlowe founder" is he), a shoal, reef or
canyon no place after a given name or a place ("Jordan Canyon"), a name's sex from the word after an initial or
"Ma." only (not "Fr."), no accents dropped to tell a sex ("Danièle"), and a quote reported through "said she" no
anonymous source's; "Emir" before a South Slavic surname a given name; the local names of Europe's cities
("Beograd", "Praha", "München") places; the entity model trained again; 57: bylines of several writers each with
where they filed from, with an outlet and town or after a bar, a writer and their beat on a line of their own at the
head, "… contributed to this report", "Photography: X" and a reporter's contact line name no one the story is about;
58: what a review of 54 to 57 found misfiring narrowed: "Hon", "Dato", "Haji", "Advocate" and "Pastor" no titles (a
company's first word, "Hon Hai", "Advocate Health", or a given name, "Pastor Maldonado"), "Datin Seri" and "Dato'
Sri" titles, a writer's beat line a byline only for a name the story never names again ("Jane Doe, war reporter"
heading a profile of her), "Varna" no place; "Energie" ends a company's name; "the Somerset captain said" the
captain's words (the last named with that job), not the club's; "Franklin", "Lyndon" and "Keir" given names; 59:
"the Somerset captain" the captain of that body only (their organization, or their sentence names it; no former
one), else the body as before; "Hon", "Haji", "Dato", "Advocate" and "Pastor" titles before a given name only ("Hon
Jane Smith", not "Hon Hai"); "Energía" no company's last word); 60: a job held now from a relative clause after a
name: "who has led the X since 2015" as "who leads the X", "who is (also) chairman of Y" and "who has been finance
director of Z", not "who was" one nor "who is a" kind of person; "Forum", "Guild", "Collective", "Terminals" and
"Syndicate" end a body's name; 61: a job given, taken over or left after a name or "who": "X was named (as) chief
executive of Y", "X became chair", "who took over as head of Z" the person's; "X was sacked as coach", "X stepped
down as chair" a former one; 62: a mayor's body, and a councillor's under "Cllr" or "Coun.", the one local council
the article names before them; "Coun." and "Cllr." titles ending no sentence; 63: a kind of body with words before
it after a job ("a spokesman for the fire department", "of the finance ministry") the body named before whose name
holds them all, a seat aside ("for the Hsinchu-based company"); "confederation", "centre" and "center" point back to
a body so named; "who heads the centre's unit" its body; 64: a name ending in a short common word ("Lumora Pay",
"Milky Way") no Cantonese person, unless the word is a Chinese family name ("Alan Fan"); 65: 60 to 64 narrowed where
a review found them misfiring: a job after "who is", "has been" or a verb of appointment only where no verb's form,
former job or relative opens it and its noun comes before any preposition ("who is expected to become chair", "who
is the grandson of the founder" none), "Guild", "Collective" and "Terminals" no body's last word again, "Forum" none
after a nationality, no body from an owner's possessive before no part of it ("who has led Acme's critics"), nor
from "for" after a deed ("who leads calls for the X"), nor a relative's, and "who has taught her children" no
teacher; 66: a union's numbered branch one body ("Amalgamated Transit Workers Local 417", "… Machinists Lodge 751"),
no person at the end of its name, and "said Local 417 president X" X's words, president of "Local 417"; 67: a person
set off by commas before "said" and a clause, after the sentence's subject ("X was backed by a party whose chairman,
Y, said …"), the one a later "he said" means; 68: "he" or "she" after a paragraph that names one person of that sex,
acting ("a café run by X, who moved here"), that person, where no unnamed source speaks; a name after "he", "she" or
"they" in its clause no subject ("Later she met X": a "she said" after it means who "she" was); 69: a club named
with its town ("Sloga Beograd", "Neretva Mostar") in a sentence about a match or club a club, not a person; a place
before a surname's ending a given name ("Milan Petrović"); and 60 to 66 narrowed where a second review found them
misfiring: a standing no job ("quit as a smoker", "named as chief suspect"), a time or an aim no part of a job
("elected mayor of X on Thursday"), another town's mayor no member of the council named, "at the centre of" no
workplace, "the centre" only a body whose name it heads, of two bodies holding a kind's words neither, and "Man" and
"Son" Cantonese or Korean surnames after a given name no common word ("Kitty Man"); 70: a mayor no member of the
council the article names (62 undone for mayors); a union branch named by an acronym or a plural before "Local" or
"Lodge" and its number one body ("ILWU Local 10", "Teamsters Local 2010"); a well-known company's name that is an
English word, only in a headline whose every word is capitalized, no organization ("Hackers Target Election
Systems"); 71: a body's name whose "of" lists its fields with commas one name ("Ministry of Housing, Communities and
Local Government"); a spokesperson "for the" body named speaking for it; "Hajiya", "Comrade", "Engr." and "Rt."
titles no part of a name; 72: a job in capitals set off after a name before "of" or "at" a job at the body named
("X, CEO of Volvo Cars"); a body named for its people's cause ("Doctors Without Borders"), a college or university
named with its city ("Trinity College Dublin") one organization; "Copa del Rey" a competition; "Barr." no title (the
surname Barr ends a sentence again), a list of bodies after a department's name no fields of it ("the Department of
Justice, Treasury and State", "Target and Gap", "… ministries"), fields after "for" too ("Department for
Environment, Food and Rural Affairs"), and a spokesperson for a body named "on Friday" still its voice; 73: a
sentence's subject after its opening participle clause ("Asked whether Lantern would …, Venkataraman said"); a
pronoun after "said" what was said ("but said it was “…”"), no speaker; "she" the one person a paragraph names
though their name tells no sex; a plural possessive opening a body's name of its members ("Bellandur Residents'
Welfare Association"); 74: the review of 73 narrowed: only a participle of being asked or of speaking before a
lowercase word opens a clause ("Asked whether …,", not "Acting Police Chief X"), and none that holds a speech verb;
only "it" after "said" past an earlier quote of the sentence is what was said; a paragraph's one person of a name
telling no sex not after a pronoun of the sex in it; 75: a place named alone no person the model adds ("said
Washington was “…”"), nor a body it adds unless in a sentence about a match or before a player's job ("a trip to
Boston", "Porto beat Benfica 2-1", "Barcelona soccer player X"); 76: an expert's job "from" an institute or
university right after it a job there ("a co-author from the Ethiopian Institute of …"); "who studies … at" a
university where the person works or studies; a forum's, coalition's, alliance's, society's or league's possessive
before a job the one so named; 77: words carrying on the sentence right after a quote's closing mark, no comma
between ("… said it “shares the goal” of reducing … but warned"), no attribution after it; a club named by its
letters before its town ("SC Veldhoven", "VfB Stuttgart"); 78: the review of 75 and 76 narrowed: a place's name the
model adds as a body dropped only where it stands as a place, after "in", "to", "from" and the like and before no
noun ("a trip to Boston", not "Delta's chief executive" or "at Amazon warehouses"); only an expert (a researcher, a
professor, one in -ist) "from" an institute works there; "who studies … at" only a university, institute or school;
79: "advocate" and "critic" jobs ("senior advocate X", "the health critic for the X Party"), a standing only "of" or
"at" a body; a job after a field's or a place's name ("Mekong programme director at X"); an owner named late in the
words before a name ("the departure in January of Lantern's chief product officer, X") and no opening adverb or
conjunction ("Then Veldhoven coach X", "And the head of NATO, X") part of the job; 80: a speaker named beside a body
whose name opens with their given name no product of it ("said Søren Østergaard" beside the Søren Kierkegaard
Foundation); a bank named by two common words joined by "and" one body ("the Industrial and Commercial Bank of
China"); 81: the review of 79 narrowed: "advocate" and "critic" no jobs again (a standing toward someone: "a critic
of Tesla's Elon Musk", "a vocal advocate of Acme"), a customer no job after a body's name ("Ryanair frequent
flyer"), and only adverbs that open no brand's name left out of a job ("Then", "Meanwhile", not "Now TV
director"))"""


def extract(text: str, model: EntityTypeModel | None = None) -> Extraction:
    """Return what the article says: its title, people, organizations and quotes with their speakers.

    `model` replaces the shipped entity-type model (to measure one trained without this text).
    """
    if not isinstance(text, str) or not text.strip():
        return Extraction(title="")
    try:
        return _extract(text, model)
    except RecursionError:
        return Extraction(title="")


def analyse(text: str, model: EntityTypeModel | None) -> tuple[Document, Found, list[Attributed]]:
    """The pipeline in order: read the article, find entities by rule, their roles, the quotes' speakers,
    then let the model settle what each name names."""
    document = read(text)
    found = find_entities(document)
    assign_roles(document, found)
    attributed = Attributor(document, found).attribute(document.quotes)
    speakers = {a.speaker for a in attributed if a.speaker is not None}
    settle_entity_types(document, found, speakers, model)
    owners_settled(document, found)
    return document, found, attributed


def _extract(text: str, model: EntityTypeModel | None = None) -> Extraction:
    """Run the pipeline with the shipped model and shape what it found."""
    document, found, attributed = analyse(text, model or shipped_model())
    entities = found.registry.entities
    in_order = sorted(entities, key=lambda e: e.first)
    named_bodies = {name for e in in_order if e.kind == "org" for name in (e.name, *e.aliases)}
    people = tuple(
        Person(_one_line(e.name), tuple(map(_one_line, e.aliases)), _one_line(e.role),
               _one_line(e.organization) if e.organization in named_bodies else None)
        for e in in_order if e.kind == "person"
    )
    organizations = tuple(
        Organization(_one_line(e.name), tuple(map(_one_line, e.aliases))) for e in in_order if e.kind == "org"
    )
    quotes = tuple(
        Quote(text[a.span.start:a.span.end], _one_line(entities[a.speaker].name) if a.speaker is not None else None,
              a.span.start, a.span.end, document.line_at(a.span.start))
        for a in attributed
    )
    return Extraction(find_title(document), people, organizations, quotes)


def _one_line(words: str | None) -> str | None:
    """A name or role as one line: a paragraph wrapped in its file may break it across lines ("the county
    / emergency manager")."""
    if words is None or ("\n" not in words and "\r" not in words):
        return words
    return " ".join(words.split())
