"""People and organizations: segments classified by their context, merged, and every mention of them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from store.extraction.document import Document, Sentence
from store.extraction.given_names import GIVEN_NAMES, gender_of_name
from store.extraction.lexicon import (
    ACRONYM_FOLLOWERS,
    ACRONYM_LEADS,
    COMPANY_SUFFIXES,
    HONORIFICS,
    INSTITUTION_NAMES,
    LOCATIVES,
    NEWS_ORGANIZATIONS,
    NON_NAME_WORDS,
    NON_ORG_ACRONYMS,
    ORG_CLASS_NOUNS,
    ORG_HEADS,
    ORG_OF_HEADS,
    ROLE_NOUNS,
    SHORT_FORMS,
    SPEECH_VERBS,
    SPORT_ROLES,
    SURNAME_ENDINGS,
    THING_NOUNS,
    TITLE_WORDS,
    VIETNAMESE_FAMILY_NAMES,
    VIETNAMESE_MIDDLE_NAMES,
)
from store.extraction.names import (
    HEADS_BEFORE_OF,
    JOB_ACRONYMS,
    UNION_BRANCHES,
    Segment,
    club_short_name,
    common_words,
    ends_noun_phrase,
    family_name_first,
    is_acronym,
    is_place,
    is_role_noun,
    job_and_name_after,
    segments,
)
from store.extraction.places import CITIES, COUNTRIES, NATIONALITIES, PLACE_WORDS
from store.extraction.text import SEAT_SUFFIXES, Token, tokens
from store.extraction.text import gap as text_gap

FOLLOWING_VERBS = SPEECH_VERBS | frozenset(
    "is was has had will would can could should may might must does did plans planned announced awarded "
    "reported won lost signed agreed launched opened bought sold made hired fired owns runs also".split()
)
FUZZY_LIMIT = 200
START = attrgetter("start")
NAME_CACHE_LIMIT = 8_192
GOVERNING_PREPOSITIONS = frozenset("at of in on to for from with by about against into between among".split())
QUOTED_NAMES_LIMIT = 5000
CAPITAL_WORD = re.compile(r"[A-Z][\w.]*")
CAMEL_CASE = re.compile(r"[a-z][A-Z]")
ADJECTIVE_ENDINGS = ("ist", "ic", "ish", "ese", "ian", "an")
NAME_PREFIXES = ("Mc", "Mac", "O'", "O’", "De", "Di", "La", "Le", "Van", "Von", "Du", "Da")


@dataclass
class Entity:
    """A person or organization of the article, with every form of its name used."""

    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    gender: str = ""
    first: int = 0
    role: str | None = None
    organization: str | None = None


class Mention(NamedTuple):
    """One place in reporter's text where an entity is named."""

    start: int
    end: int
    entity: int
    possessive: bool
    sentence: int
    governed: bool = False


@dataclass
class Registry:
    """The entities found so far, with lookups by normalized name, alias and surname."""

    entities: list[Entity] = field(default_factory=list)
    keys: dict[str, int] = field(default_factory=dict)
    surnames: dict[str, list[int]] = field(default_factory=dict)
    first_names: dict[str, list[int]] = field(default_factory=dict)
    prefixes: dict[str, int] = field(default_factory=dict)
    org_shapes: dict[tuple[int, str], list[int]] = field(default_factory=dict)
    last_words: dict[str, int] = field(default_factory=dict)
    tails: dict[str, int] = field(default_factory=dict)

    def add_person(self, name: str, words: list[str], position: int, gender: str) -> int:
        """Register a person by full name, merging spelling variants and surnames of several words; return its index."""
        key = normalize(name)
        if key in self.keys:
            return self.keys[key]
        if key in self.tails:
            self._alias(self.tails[key], name)
            return self.tails[key]
        for index in self.first_names.get(words[0], []):
            if _same_person(self.entities[index].name.split(), words):
                self._alias(index, name)
                return index
        gender = gender or VIETNAMESE_GENDER_MARKS.get(words[1], "") if _vietnamese(words) else gender
        index = self._new(Entity("person", name, gender=gender or gender_of_name(words), first=position))
        self.surnames.setdefault(words[-1], []).append(index)
        if family_name_first(words) or _vietnamese(words):
            self.surnames.setdefault(words[0], []).append(index)  # "Ms. Tran" of "Tran Thi Mai"
        if words[-1][:1].islower():
            self.surnames.setdefault(words[-1][:1].upper() + words[-1][1:], []).append(index)
        particle, hyphen, rest = words[-1].partition("-")
        if hyphen and particle in JOINED_PARTICLES and rest[:1].isupper():
            self.surnames.setdefault(rest, []).append(index)  # "Assad" of "Bashar al-Assad"
        for word in words[1:-1]:
            if word[:1].isupper() and word not in GIVEN_NAMES and len(words) >= 3:
                self.surnames.setdefault(word, []).append(index)
        self.first_names.setdefault(words[0], []).append(index)
        for cut in range(1, len(words) - 1):
            self.tails.setdefault(normalize(" ".join(words[cut:])), index)
        return index

    def add_organization(self, name: str, words: list[str], position: int) -> int:
        """Register an organization, merging country-prefixed, misspelled and shortened forms."""
        key = normalize(name)
        if key in self.keys:
            return self.keys[key]
        variants = [key]
        stripped = _without_country(words)
        if stripped:
            variants.append(normalize(" ".join(stripped)))
        for variant in variants[1:]:
            if variant in self.keys and self.entities[self.keys[variant]].kind == "org":
                self._alias(self.keys[variant], name)
                return self.keys[variant]
        shapes = [(len(words), words[0]), (len(words), words[-1])]
        for shape in shapes:
            for index in self.org_shapes.get(shape, [])[:50]:
                if _misspelled(self.entities[index].name.split(), words):
                    self._alias(index, name)
                    return index
        index = self._new(Entity("org", name, first=position))
        for shape in shapes:
            self.org_shapes.setdefault(shape, []).append(index)
        for variant in variants[1:]:
            self.keys.setdefault(variant, index)
        if len(words) >= 3 and words[-1] in COMPANY_SUFFIXES:
            self.keys.setdefault(normalize(" ".join(words[:-1])), index)  # "Acme Bay Developments" of "… Ltd"
        if len(words) >= 2:
            initials = "".join(w[0] for w in words if w[0].isupper() and w not in ("The",))
            if len(initials) >= 2:
                self.prefixes.setdefault(initials, index)
            lead = words[0]
            if lead not in NON_NAME_WORDS and lead not in ORG_HEADS and lead not in PLACE_WORDS and len(lead) > 2:
                self.prefixes.setdefault(lead, index)
            last = words[-1]
            if last == "Party" and words[0] not in PLACE_WORDS:
                self.last_words[words[0] + "s"] = index
            elif last not in ORG_OF_HEADS and last not in COMPANY_SUFFIXES and last[:1].isupper() and len(last) > 3:
                self.last_words[last] = -1 if last in self.last_words else index
        return index

    def alias(self, index: int, name: str) -> None:
        """Record another form of an entity's name."""
        self._alias(index, name)

    def _alias(self, index: int, name: str) -> None:
        key = normalize(name)
        self.keys.setdefault(key, index)
        entity = self.entities[index]
        if key != normalize(entity.name) and name not in entity.aliases:
            entity.aliases.append(name)

    def _new(self, entity: Entity) -> int:
        self.entities.append(entity)
        index = len(self.entities) - 1
        self.keys[normalize(entity.name)] = index
        return index


@lru_cache(maxsize=NAME_CACHE_LIMIT)
def normalize(name: str) -> str:
    """A name as compared: casefolded, without periods, possessive or a leading "the" (remembered: the same
    names are compared again and again)."""
    key = name.casefold().replace(".", "").replace("’", "'")
    if key.startswith("the "):
        key = key[4:]
    return " ".join(key.split())


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance between a and b, or limit + 1 when it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


JOINED_PARTICLES = frozenset("al el ad ad-d as ash at az ar an ul bin ben ibn abu".split())
"""Lowercase particles joined by a hyphen to an Arabic surname, which later mentions leave out ("al-Assad" as
"Assad", "el-Sisi" as "Sisi")."""


def similar_surname(a: str, b: str) -> bool:
    """Whether two surnames are one name spelled two ways (Kovalenko, Kowalenko)."""
    if a == b or a[0].lower() != b[0].lower() or min(len(a), len(b)) < 5:
        return a == b
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    return edit_distance(a.lower(), b.lower(), limit) <= limit


def _same_person(known: list[str], words: list[str]) -> bool:
    """Whether a full name is a known person's name spelled another way."""
    return (len(known) == len(words) and len(words) >= 2 and known[0] == words[0]
            and known[-1] != words[-1] and similar_surname(known[-1], words[-1]) and not family_name_first(words))


def _misspelled(known: list[str], words: list[str]) -> bool:
    """Whether an organization name differs from a known one by a typo or two."""
    if len(known) != len(words) or len(words) < 2:
        return False
    total = 0
    for a, b in zip(known, words, strict=True):
        if a == b:
            continue
        if len(a) < 5 or edit_distance(a, b, 1) > 1:
            return False
        total += 1
    return 0 < total <= 2


def _without_country(words: list[str]) -> list[str]:
    """The name without a leading country ("US Department of Fisheries"), when enough remains."""
    for size in (3, 2, 1):
        if len(words) - size >= 2 and " ".join(words[:size]) in COUNTRIES:
            return words[size:]
    return []


def _vietnamese(words: list[str]) -> bool:
    """Whether a name is written as Vietnamese names are, family name first ("Tran Thi Mai", "Nguyễn Văn An")."""
    return len(words) >= 3 and words[0] in VIETNAMESE_FAMILY_NAMES and words[1] in VIETNAMESE_MIDDLE_NAMES \
        and words[0] not in GIVEN_NAMES  # "Mai Van Dyke" is no Vietnamese name


VIETNAMESE_GENDER_MARKS = {"Thi": "f", "Thị": "f", "Van": "m", "Văn": "m"}
"""Vietnamese middle names that tell a woman's name from a man's."""


@dataclass
class Found:
    """Every entity and every mention in one article."""

    registry: Registry
    mentions: list[Mention]
    segments: list[Segment]
    segment_entity: dict[int, int]
    kinds_called: dict[int, str | None] = field(default_factory=dict)
    """By a mention's start: the kind of body the article calls the organization there (see `roles.called`)."""


def find_entities(document: Document) -> Found:
    """Find, classify and merge the people and organizations of an article."""
    all_segments: list[Segment] = []
    for sentence in document.sentences:
        all_segments.extend(segments(document, sentence))
    registry = Registry()
    resolved: dict[int, int] = {}
    new_ok = [document.sentences[s.sentence].paragraph != document.title_paragraph for s in all_segments]
    surnames = frozenset(s.tokens[-1].text for s in all_segments if s.kind == "person" and len(s.tokens) > 1) - {
        "Local"}  # "Teamsters Local 2010", read as a person before the cues, names no one Local
    for segment in all_segments:
        _apply_cues(document, segment, surnames)
        _common_words(document, segment)
        _attributive_word(document, segment)
    _places_named_once(document, all_segments)
    _propagate_lists(document, all_segments)
    _affiliations(document, all_segments)
    _products(all_segments)
    if _sentence_case_title(document):
        for number, segment in enumerate(all_segments):
            new_ok[number] = new_ok[number] or (segment.strong and segment.kind in ("person", "org")
                                                and len(segment.tokens) > 1)
    for number, segment in enumerate(all_segments):
        if not new_ok[number]:
            continue
        if segment.kind == "person":
            words = [t.text for t in segment.tokens]
            resolved[number] = registry.add_person(_span(document, segment), words, segment.start, segment.gender)
        elif segment.kind == "org" and len(segment.tokens) > 1:
            words = [t.text for t in segment.tokens]
            index = registry.add_organization(_span(document, segment), words, segment.start)
            resolved[number] = index
            _acronym_after(document, segment, registry, index)
            _acronym_before(document, segment, registry, index)
    _quoted_organizations(document, registry)
    for number, segment in enumerate(all_segments):
        if number in resolved or segment.kind not in ("single", "alias", "other", "org") and not _surname_titled(
                segment, registry):
            continue
        known = _known_organization(segment, registry)
        if known is not None:
            resolved[number] = known
            continue
        index = _resolve_single(document, segment, registry, new_ok[number])
        if index is not None:
            resolved[number] = index
    _recurring_organizations(document, all_segments, registry, resolved, new_ok)
    mentions = []
    for number, segment in enumerate(all_segments):
        if number in resolved:
            governed = _governed(document, segment)
            mentions.append(Mention(segment.start, segment.end, resolved[number], segment.possessive,
                                    segment.sentence, governed))
    mentions.sort(key=START)
    return Found(registry, mentions, all_segments, resolved)


def _known_organization(segment: Segment, registry: Registry) -> int | None:
    """The organization a name of several words the rules left unsure of is another form of: its name, or its
    name without the company's suffix ("Acme Bay Developments" after "Acme Bay Developments Ltd")."""
    if segment.kind != "other" or len(segment.tokens) < 2:
        return None
    index = registry.keys.get(normalize(" ".join(t.text for t in segment.tokens)))
    return index if index is not None and registry.entities[index].kind == "org" else None


def _surname_titled(segment: Segment, registry: Registry) -> bool:
    """Whether a lone title word is the surname of a person named before ("Stephen King ... King said")."""
    if segment.kind != "title" or len(segment.tokens) != 1:
        return False
    word = segment.tokens[0].text
    return any(entity.kind == "person" and len(entity.name.split()) > 1 and entity.name.split()[-1] == word
               or entity.kind == "person" and len(entity.name.split()) > 2 and entity.name.split()[-2] == word
               for entity in registry.entities)


def _sentence_case_title(document: Document) -> bool:
    """Whether the title line is written in sentence case, so that its capitals mark names."""
    if document.title_paragraph < 0:
        return False
    start, end = document.paragraphs[document.title_paragraph]
    words = [w for w in document.text[start:end].split() if w[:1].isalpha()]
    return sum(1 for w in words if w[0].islower() and len(w) >= 4) * 5 >= len(words) > 0


def _governed(document: Document, segment: Segment) -> bool:
    """Whether a preposition governs the segment ("at the Northern Rail Authority ...")."""
    if document.masked[segment.start - 1:segment.start] == "(":
        return True
    tokens = document.sentences[segment.sentence].tokens
    back = segment.first_index - 1
    while back >= 0 and (tokens[back].text in ("the", "a", "an") or tokens[back].possessive):
        back -= 1
    return back >= 0 and tokens[back].text in GOVERNING_PREPOSITIONS


def _quoted_organizations(document: Document, registry: Registry) -> None:
    """Organizations named inside quotes by an organization word ("the Coast Guard of Norway")."""
    text = document.text
    for quote in document.quotes:
        if quote.end - quote.start > QUOTED_NAMES_LIMIT or \
                ORG_HEADS.isdisjoint(CAPITAL_WORD.findall(text, quote.start, quote.end)):
            continue
        sentence = Sentence(quote.start, quote.end, quote.paragraph,
                            tokens(text, quote.start, quote.end, quote.paragraph, -1), True)
        for segment in segments(document, sentence):
            if segment.kind == "org" and len(segment.tokens) > 1:
                words = [t.text for t in segment.tokens]
                registry.add_organization(_span(document, segment), words, segment.start)


def _span(document: Document, segment: Segment) -> str:
    """The segment's words exactly as written, a bracketed nickname left out."""
    written = document.text[segment.start:segment.end]
    if "(" in written:
        return " ".join(t.text for t in segment.tokens)
    return written


def _words_before(document: Document, segment: Segment, count: int) -> list[str]:
    """Up to count words just before the segment in its sentence."""
    tokens = document.sentences[segment.sentence].tokens
    return [t.text for t in tokens[max(0, segment.first_index - count):segment.first_index]]


NUMBER_AFTER = re.compile(r" (\d+)(?![\d.,:/–-]*\d)(?![-–%]| ?(?:percent|per cent|points?|pts)\b)")
"""A number right after a name, not a score, a time, a range, a share or a tally ("Local 13", not "Unicorns 94-91",
"Apple 3%" or "Okafor 25 points")."""


def _numbered(document: Document, segment: Segment) -> bool:
    """Whether a number follows a one-word name, which makes it a thing's label ("Rule 37", "Route 9") or, unless
    it is a score, gives no body of that word alone."""
    following = _token_after(document, segment)
    return following is not None and following.text[:1].isdigit() and _gap_after(document, segment) == " "


def _named_with_number(document: Document, segment: Segment, surnames: frozenset[str]) -> bool:
    """Whether a one-word name of the kind bodies are numbered by ("Local 13", "Article 19", "Lodge 751") stands
    before a number, not a score, a share or a tally."""
    if len(segment.tokens) != 1 or segment.strong or segment.kind == "person":
        return False
    word = segment.tokens[0].text
    return word in NUMBERED_BODIES and word not in surnames and bool(NUMBER_AFTER.match(document.masked, segment.end))


def _branch_numbered(document: Document, segment: Segment) -> bool:
    """Whether a body's name ends in a union branch's word before its number ("… Workers Local 417"): then the
    segment takes the number in, as a name of the body."""
    if len(segment.tokens) < 2 or segment.tokens[-1].text not in UNION_BRANCHES or segment.possessive:
        return False
    number = _token_after(document, segment)
    if number is None or not number.text.isdigit() or _gap_after(document, segment) != " ":
        return False
    segment.tokens = [*segment.tokens, number]
    return True


NUMBERED_BODIES = frozenset("Local Lodge Article Chapter Post Channel".split())
"""Words a body's name is made of with a number ("Local 13" of a union, "Article 19", "Channel 4"), unlike a
unit's or a place's ("Year 13", "Station 12", "Ward 7", "Terminal 5")."""


def _token_after(document: Document, segment: Segment):
    """The token right after the segment in its sentence, or None."""
    tokens = document.sentences[segment.sentence].tokens
    index = segment.first_index + len(segment.tokens)
    while index < len(tokens) and tokens[index].end <= segment.end:
        index += 1
    return tokens[index] if index < len(tokens) else None


def _gap_after(document: Document, segment: Segment) -> str:
    """The characters between the segment and the next token."""
    following = _token_after(document, segment)
    stop = following.start if following else document.sentences[segment.sentence].end
    return document.masked[segment.end:stop]


def _ends_a_place(document: Document, segment: Segment) -> bool:
    """Whether nothing after a name says it is a club rather than a place: no possessive ("in Bristol City's win")
    and no noun it qualifies ("in Cardiff City shirts"), only punctuation or a word that opens a phrase."""
    if segment.possessive:
        return False
    following = _token_after(document, segment)
    if following is None:
        return True
    gap = document.masked[segment.end:following.start]
    return bool(gap.strip()) or following.text in GOVERNING_PREPOSITIONS or following.text in PLACE_FOLLOWERS


PLACE_FOLLOWERS = frozenset("and or but where which when while last this after before until since".split())
"""Words after a place's name that open a new phrase ("in Jersey City last year")."""


def _titled_thing(document: Document, segment: Segment) -> bool:
    """Whether a name headed by "Chamber of" or "Guild of" stands right before the kind of work it titles ("the
    Chamber of Secrets exhibit", "the Guild of Thieves game"): a work's name, no body."""
    following = _token_after(document, segment)
    if segment.tokens[0].text not in HEADS_BEFORE_OF or following is None \
            or document.masked[segment.end:following.start].strip():
        return False
    return following.text in WORKS_NAMED_AFTER or following.text in SHOWN_WORKS


def _apply_cues(document: Document, segment: Segment, surnames: frozenset[str] = frozenset()) -> None:
    """Re-read a segment's kind from the words around it ("drone maker X", "X television", "(X)", "the film X");
    surnames are the last words of the people named in full."""
    if segment.kind == "title":
        return
    if _branch_numbered(document, segment):
        segment.kind, segment.strong = "org", True  # "Teamsters Local 2010": the number is the branch's
        return
    before = _words_before(document, segment, 6)
    if len(before) >= 2 and before[-1] == "of" and before[-2] in PLACE_KIND_NOUNS and not segment.possessive:
        segment.kind = "place"  # "the Mekong Delta province of Ben Tre", "the town of Hope"
    if segment.kind == "place":
        following = _token_after(document, segment)
        joined = following is not None and not document.masked[segment.end:following.start].strip()
        if joined and _office_spoken_for(before, following.text):
            segment.kind, segment.strong = "org", True  # "a Downing Street spokesperson"
        return
    if before and before[-1] in WORKS_NAMED_AFTER and (segment.kind != "org" or not _company_named(segment)):
        segment.kind = "thing"  # "the series Silver Lines", "the film Night Harbor": a work's title
        return
    if _named_with_number(document, segment, surnames) and _body_with_number(document, segment, before, surnames):
        return
    if segment.kind == "org":
        city = segment.tokens[-1].text == "City" and before and before[-1] in LOCATIVES
        if city and _ends_a_place(document, segment):
            segment.kind = "place"  # "ferry boats in Jersey City across the river", not "in Cardiff City shirts"
        elif _titled_thing(document, segment):
            segment.kind = "thing"
        return
    following = _token_after(document, segment)
    gap = document.masked[segment.end:following.start if following else document.sentences[segment.sentence].end]
    start = segment.start
    enclosed = start > 0 and document.masked[start - 1] == "(" and gap.startswith(")")
    if enclosed and not (len(segment.tokens) == 1 and is_acronym(segment.tokens[0].text)):
        segment.kind = "thing"
        return
    next_word = following.text if following and gap.strip() == "" else ""
    if next_word in THING_NOUNS and next_word not in ORG_CLASS_NOUNS and segment.kind != "alias":
        segment.kind = "thing"
        return
    if segment.kind == "alias":
        return
    if segment.kind == "person" and len(before) >= 3 and before[-3:-1] == ["University", "of"] and \
            document.masked[segment.start - 2:segment.start] == ", " and segment.tokens[0].text not in GIVEN_NAMES \
            and gap.strip()[:1] in (".", ",", ")", ";"):
        segment.kind = "place"  # "the University of California, Santa Cruz": the campus's town
        return
    if segment.kind == "person" and before == ["In"] and gap.startswith(",") and not segment.possessive \
            and segment.tokens[0].text not in GIVEN_NAMES:  # not "In Harry Kane, England have a striker"
        segment.kind = "place"  # "In Abu Shouk, a mother of six said": where the sentence is set
        return
    strong_person = segment.kind == "person" and segment.strong
    if segment.kind == "person" and not strong_person and before and (
            before[-1] in LOCATIVES or before[-1] == "the" and len(before) > 1 and
            before[-2].lower() in LOCATIVES | {"at"}):
        segment.kind = "other"
        return
    if segment.kind == "single" and before[-2:] == ["At", "the"] and gap.startswith(","):
        segment.kind = "other"  # "At the Hilton, Mark Dean told reporters": where, not who
        return
    if segment.kind == "person" and not segment.strong and _club_of_town(document, segment):
        segment.kind, segment.strong = "org", True  # "Sloga Beograd beat Radnik 2-1": a club and its town
        return
    if club_short_name(document, segment.tokens):
        segment.kind, segment.strong = "org", True  # "City manager X", "United captain Y": the club
        return
    if _common_opener(segment):
        return
    seated = before
    while seated and seated[-1].endswith(SEAT_SUFFIXES):
        seated = seated[:-1]  # "an analyst at Seoul-based Hanul Asset Management": the seat is no part of the cue
    if _workplace_named(document, segment, seated) or \
            _organization_cue(document, segment, seated, next_word, gap, surnames) and not strong_person:
        segment.kind = "org"
        segment.strong = True


WORKPLACE_KINDS = frozenset("""
    firm company manufacturer carrier airline lender bank insurer retailer newspaper agency conglomerate automaker
    carmaker chipmaker subsidiary regulator charity label studio magazine brokerage consultancy startup start-up chain
""".split())
"""Kinds of business before a name that make it the business's, even a name shaped like a person's ("Paris law
firm Vance Okafor", "rival chain Halloran's"), unlike a rival, a team or a party, which a person may be or lead."""
EXECUTIVES_OF_BODIES = frozenset("""
    vice chairman chairwoman founder co-founder executives directors shareholders investors ceo cfo
""".split())
"""Words after ", whose" that only a body has ("X, whose vice president, Y,"), unlike a person's "whose lawyer",
"whose staff" or "whose chief of staff"."""
CHIEF_OFFICES = frozenset("executive financial operating technology economist".split())
"""Words after "whose chief" that make an office of a body ("whose chief executive"), not "chief of staff"."""
WORKPLACE_FOLLOWERS = frozenset("in of and for on at from with which that who".split())
"""Words after a business's name that leave it a name ("the law firm X in Paris"), unlike a verb ("the company
Ann Lee founded")."""


def _workplace_named(document: Document, segment: Segment, before: list[str]) -> bool:
    """Whether the words around a name shaped like a person's make it a workplace after all: a job "at" it ("a
    fourth-grader at Harriet Tubman Elementary", "an economist at Maybank Kim Eng"), a kind of business right before
    it, or ", whose" and a body's officer after it; never with a title or an honorific in it, nor for a person's
    possessive after "at" ("a partner at Smith's firm")."""
    words = [t.text for t in segment.tokens]
    if words[0] in HONORIFICS or words[0] in TITLE_WORDS or is_place(words):
        return False
    joined = segment.start > 0 and document.masked[segment.start - 1] == " " and \
        document.masked[segment.start - 2:segment.start - 1].isalpha()
    following = _token_after(document, segment)
    word_after = following.text if following is not None and not _gap_after(document, segment).strip() else ""
    if before and before[-1] in WORKPLACE_KINDS:
        # not "a spokeswoman for the agency, Kelsey Arrington", nor "the company Ann Lee founded"
        return joined and (not word_after or word_after in WORKPLACE_FOLLOWERS)
    if len(before) >= 2 and before[-1] == "at" and (before[-2] in ROLE_NOUNS or is_role_noun(before[-2])):
        noun_after = word_after.islower() and word_after not in NAME_GOES_ON and word_after not in LOCATIVES
        return joined and not segment.possessive and not noun_after  # not "a driver at Rod El Farag station"
    if _followed_by(document, segment, "whose") and words[0] not in GIVEN_NAMES:
        tokens = document.sentences[segment.sentence].tokens
        index = segment.first_index + len(segment.tokens) + 1
        if index + 1 >= len(tokens):
            return False
        officer, next_word = tokens[index].text.lower(), tokens[index + 1].text.lower()
        return officer in EXECUTIVES_OF_BODIES or officer == "chief" and next_word in CHIEF_OFFICES
    return False


def _body_with_number(document: Document, segment: Segment, before: list[str], surnames: frozenset[str]) -> bool:
    """Whether a one-word name and the number after it are a body's name where the words around them say a body
    stands ("president of Local 13", "director of Article 19", "Local 417 president X"): then the segment holds both,
    an organization; else (a noun after them, "a Year 13 student", or no cue, "under Section 230") it is left as it
    was."""
    word = segment.tokens
    number = _token_after(document, segment)
    if number is None:
        return False
    segment.tokens = [*word, number]
    following = _token_after(document, segment)
    gap = document.masked[segment.end:following.start if following else document.sentences[segment.sentence].end]
    next_word = following.text if following and gap.strip() == "" else ""
    titled = job_and_name_after(document.sentences[segment.sentence].tokens, segment.first_index + 2)
    if (titled or not (next_word.islower() and next_word not in NAME_GOES_ON)) and \
            _organization_cue(document, segment, before, next_word, gap, surnames):
        segment.kind, segment.strong = "org", True
        return True
    segment.tokens = word
    return False


NAME_GOES_ON = FOLLOWING_VERBS | GOVERNING_PREPOSITIONS | frozenset("and or but who which that whose".split())
"""Lowercase words after a numbered name that leave it a name ("Local 13 of the union", "Article 19 said"), unlike
a noun it modifies ("a Year 13 student")."""


PLACE_KIND_NOUNS = frozenset("""
    province district state city town village county region prefecture municipality island islands republic
    kingdom emirate borough parish commune canton oblast governorate suburb neighbourhood neighborhood
""".split())
"""Kinds of place whose name follows them after "of" ("the province of Ben Tre")."""


def _places_named_once(document: Document, all_segments: list[Segment]) -> None:
    """A name of several words that the words before it once mark as a place ("the province of Ben Tre") is a
    place where it stands after a word of place elsewhere ("a sister who lives in Ben Tre"), however much it reads
    like a person's (but not "Jim Thorpe won" after "the town of Jim Thorpe")."""
    places = {tuple(t.text for t in s.tokens) for s in all_segments if s.kind == "place" and len(s.tokens) > 1}
    for segment in all_segments if places else ():
        if segment.kind == "person" and tuple(t.text for t in segment.tokens) in places:
            before = _words_before(document, segment, 1)
            if before and before[-1] in LOCATIVES | {"from"}:
                segment.kind = "place"


def _common_opener(segment: Segment) -> bool:
    """Whether a segment is one common word capitalized only because it opens its sentence ("Smaller companies
    said", "Colleagues recalled"): what follows it makes no organization of it."""
    token = segment.tokens[0]
    return len(segment.tokens) == 1 and token.sentence_start and not is_acronym(token.text) \
        and token.text not in NEWS_ORGANIZATIONS and token.text.lower() in common_words()


WORKS_NAMED_AFTER = frozenset(
    "film movie series sitcom drama miniseries documentary novel album song opera musical poem episode".split()
)
"""Kinds of work whose title follows them ("the series Silver Lines"): that title names no organization."""
SHOWN_WORKS = frozenset("exhibit exhibition show game ride book play".split())
"""Kinds of work or show that a title stands before ("the Chamber of Secrets exhibit")."""


def _company_named(segment: Segment) -> bool:
    """Whether a name ends in a company's suffix ("Inc.", "Ltd", "Group"): an organization after any word."""
    return segment.tokens[-1].text in COMPANY_SUFFIXES


SPEAKING_FOR = frozenset("spokesman spokeswoman spokesperson".split())
"""Jobs that speak for a body: a name before one, after "a", is the body spoken for."""


def _office_spoken_for(before: list[str], next_word: str) -> bool:
    """Whether a name between "a" and a spokesperson's job names the office spoken for ("a Kremlin spokesman")."""
    return next_word in SPEAKING_FOR and bool(before) and before[-1] in ("a", "an")


def _organization_cue(document: Document, segment: Segment, before: list[str], next_word: str, gap: str,
                      surnames: frozenset[str] = frozenset()) -> bool:
    """Whether the words around a segment say it names an organization (surnames: last words of the people the
    article names in full)."""
    words = [t.text for t in segment.tokens]
    if not gap.strip() and _office_spoken_for(before, next_word):
        return True
    if _team_before_score(document, segment, before, surnames) or _acronym_for_place(document, segment, before):
        return True
    if is_place(words):
        return next_word in SPORT_ROLES and not gap.strip() and _employer_before_person(document, segment)
    if len(words) == 1 and (words[0] in NEWS_ORGANIZATIONS or words[0] in INSTITUTION_NAMES):
        return True
    if " ".join(words) in NEWS_ORGANIZATIONS:
        return True
    governed = len(before) >= 3 and before[-3] in ("for", "of", "at", "with", "from", "to") and _comma_before(
        document, segment
    )
    if before and (before[-1] in ORG_CLASS_NOUNS or before[-1] in BODY_NOUNS) and not governed:
        return True  # "drone maker X", "her publisher, X", not "a spokeswoman for the agency, Kelsey Arrington"
    if before and before[-1] in ("a", "an") and next_word in ROLE_NOUNS and _employer_shaped(words) \
            and not segment.possessive:
        return True
    if len(before) >= 2 and before[-2:] == ["such", "as"] and any(w in ORG_CLASS_NOUNS for w in before[:-2]):
        return True
    if next_word in ORG_CLASS_NOUNS and next_word not in ("group", "team", "body", "unit") and \
            not (len(words) == 1 and segment.tokens[0].sentence_start and words[0].lower() in INDUSTRY_WORDS):
        return True
    if gap.startswith(",") and _appositive_class(document, segment):
        return True
    if not gap.strip() and _employer_before_person(document, segment):
        return True
    if before and before[-1] in ("at", "for") and any(map(_job_word, before[:-1])):
        return not is_place(words)
    if len(before) >= 2 and before[-1] == "of" and _job_word(before[-2]) and before[-2] not in ("member",) \
            and not (len(words) == 1 and before[-2] in PLACE_OFFICES):
        return not is_place(words)
    if len(words) == 1:
        word = words[0]
        if CAMEL_CASE.search(word) and not word.startswith(NAME_PREFIXES) and word not in PLACE_WORDS:
            return True
        if before and before[-1] == "the" and (segment.possessive or next_word in FOLLOWING_VERBS
                                                or next_word in FOUNDING_JOBS and word not in GIVEN_NAMES):
            return not is_place(words) and word not in NON_NAME_WORDS
        if word in NON_NAME_WORDS or word in GIVEN_NAMES or word in TITLE_WORDS:
            return False
        if gap.startswith(",") and _followed_by(document, segment, "which"):
            return True
        if next_word in SPEECH_VERBS and not gap.strip():
            if not is_acronym(word) and (word.endswith(SURNAME_ENDINGS) or _personal_pronoun_after(document, segment)):
                segment.kind = "alias"
                return False
            return True
    return False


def _job_word(word: str) -> bool:
    """Whether a word is a job's noun, lowercase ("chief") or a company's in capitals ("CEO of X", "CFO at Y"; not
    "MP for Bath", whose seat is a place)."""
    return word in ROLE_NOUNS or word.isupper() and word.lower() in JOB_ACRONYMS and not word.startswith("M")


INDUSTRY_WORDS = frozenset("""
    shipping mining banking oil gas energy tech technology chip drug steel insurance media fashion retail airline
    auto car food tobacco toy software telecom telecoms gaming brewing engineering construction logistics defence
    defense chemical chemicals investment property travel utility utilities aerospace biotech pharmaceutical
""".split())
"""Trades that open a sentence before a kind of business ("Shipping company Maersk said"): the trade, no body's
name."""
FOUNDING_JOBS = frozenset("founder co-founder cofounder".split())
"""Jobs held over a company that a one-word name stands before after "the" ("the Vexaro founder")."""
BODY_NOUNS = frozenset("association federation foundation cooperative co-operative syndicate".split())
"""Kinds of body a name stands after as their own ("the growers' association Boerenbond Zuid")."""
SCORE_AFTER = re.compile(r" \d{1,3}[-–]\d{1,3}\b(?![-–/.,]?\d)")
"""A match's score right after a name ("beating Unicorns 94-91"), not a date or a range of numbers."""
MAX_TEAM_WORDS = 3


def _acronym_for_place(document: Document, segment: Segment, before: list[str]) -> bool:
    """Whether an acronym and a place's name that act as a body name its branch there ("PHS Wales said",
    "according to NRA Scotland"), not a place ("UK England") nor a noun's qualifier ("the MENA Africa region")."""
    words = [t.text for t in segment.tokens]
    if len(words) < 2 or not is_acronym(words[0]) or words[0] in PLACE_WORDS or words[0] in NON_ORG_ACRONYMS:
        return False
    if " ".join(words[1:]) not in PLACE_WORDS:
        return False
    following = _token_after(document, segment)
    if following is not None and not _gap_after(document, segment).strip() and following.text.islower() \
            and following.text not in FOLLOWING_VERBS and not is_role_noun(following.text):
        return False  # "the MENA Africa region": the pair qualifies the noun after it
    return _acts_as_organization(document, segment, before)


def _team_before_score(document: Document, segment: Segment, before: list[str], surnames: frozenset[str]) -> bool:
    """Whether a short name stands right before a score, as the side beaten does ("who beat Northam 3-0"): a team,
    unless it reads as a person's name, a country's (a national side, or a vote) or the place of a match, the side
    across the verb is a person ("Alcaraz beat Sinner 6-4"), or the score is a player's sets or a poll's."""
    words = [t.text for t in segment.tokens]
    if len(words) > MAX_TEAM_WORDS or segment.possessive or words[0] in GIVEN_NAMES or words[0] in HONORIFICS:
        return False
    if segment.kind == "person" and (segment.strong or len(words) > 1) or " ".join(words) in COUNTRIES:
        return False
    if before and before[-1] in LOCATIVES | {"at"}:
        return False
    score = SCORE_AFTER.match(document.masked, segment.end)
    if score is None or words[-1] in surnames or ANOTHER_SET.match(document.masked, score.end()):
        return False  # "beat Sinner 6-4, 6-3": a player's sets
    sentence = document.sentences[segment.sentence]
    if POLL_WORDS.search(document.masked, sentence.start, sentence.end):
        return False  # "leads Trump 52-48 in the latest poll"
    return not _person_across(sentence.tokens, segment.first_index, surnames)


SPORT_SENTENCE = re.compile(
    r"\b(?:beat|beats|beaten|drew|draw|coach|manager|league|cup|match|goals?|striker|midfielder|defender|"
    r"goalkeeper|season|fixture|relegat\w*|promot\w*|stadium|derby|kick-off|half-time)\b"
)
"""Words of a sentence about a match or a club."""


def _club_of_town(document: Document, segment: Segment) -> bool:
    """Whether two words are a club's name and its town ("Sloga Beograd", "Hajduk Split"), read as a person's only
    from their shape: a word that is no given name or place, then a city, in a sentence about a match or a club,
    or before a score."""
    words = [t.text for t in segment.tokens]
    if len(words) != 2 or words[1] not in CITIES or words[0] in GIVEN_NAMES or words[0] in PLACE_WORDS:
        return False
    return about_a_match(document, segment.sentence)


def about_a_match(document: Document, number: int) -> bool:
    """Whether sentence `number` is about a match or a club: a word of one, or a score."""
    sentence = document.sentences[number]
    return bool(SPORT_SENTENCE.search(document.masked, sentence.start, sentence.end) or
                SCORE_AFTER.search(document.masked, sentence.start, sentence.end))


ANOTHER_SET = re.compile(r",\s*\d{1,2}[-–]\d{1,2}\b")
"""Another set's score after the first ("6-4, 6-3"): a player's match, not a team's."""
POLL_WORDS = re.compile(r"\b(?:polls?|polling|survey|surveys|percent|per cent|points? ahead)\b|%")
"""Words of a poll's sentence, where a name before a score is a candidate, not a team."""
SUBJECT_PRONOUNS = frozenset("he she He She".split())


def _person_across(tokens: list, first_index: int, surnames: frozenset[str]) -> bool:
    """Whether the side across the verb before a name is a person ("Alcaraz beat", "she beat", "Joe Biden leads"):
    a given name, a title or a pronoun, or the surname of a person named in full."""
    index = first_index - 1
    verbs = 0
    while index >= 0 and verbs < 2 and tokens[index].text.isalpha() and tokens[index].text.islower():
        index, verbs = index - 1, verbs + 1
    if not verbs or index < 0:
        return False
    subject = []
    while index >= 0 and len(subject) < MAX_TEAM_WORDS + 1 and tokens[index].text[:1].isupper():
        subject.insert(0, tokens[index].text)
        index -= 1
    if not subject:
        return False
    if len(subject) == 1 and subject[0] in SUBJECT_PRONOUNS:
        return True
    return subject[0] in GIVEN_NAMES or subject[0] in HONORIFICS or subject[-1] in surnames


PLACE_OFFICES = frozenset("mayor governor premier sheriff".split())
"""Offices held over a place: one word "of" after one names a town or a state ("the mayor of Eastbrook"), not a
body; a body's name of several words is still one ("governor of the Reserve Bank")."""


def _comma_before(document: Document, segment: Segment) -> bool:
    """Whether a comma stands between a segment and the word before it."""
    tokens = document.sentences[segment.sentence].tokens
    if segment.first_index == 0:
        return False
    return "," in document.masked[tokens[segment.first_index - 1].end:segment.start]


def _employer_before_person(document: Document, segment: Segment) -> bool:
    """Whether a name stands before a lowercase job and a person's name, as an employer does ("Sinn Fein leader
    Maire Nic Giolla Phadraig", "Northwind spokesman Tom Hale"); never one that opens with a given name."""
    words = [token.text for token in segment.tokens]
    if words[0] in GIVEN_NAMES or segment.possessive:
        return False
    lone = len(words) == 1 and (
        segment.tokens[0].sentence_start or words[0] in ORG_HEADS or words[0].lower() in document.lowercase_words
    )
    if lone:
        return False  # "Political analyst X", "Fast bowler X", "Federation chairwoman X" (the federation named before)
    return job_and_name_after(document.sentences[segment.sentence].tokens, segment.first_index + len(segment.tokens))


def _employer_shaped(words: list[str]) -> bool:
    """Whether a name before a job ("an Environment Canada spokesperson") can be an employer, not a
    nationality or a faith ("an Iraqi-British architect", "a Baptist minister")."""
    parts = [part for word in words for part in word.split("-")]
    if all(part in PLACE_WORDS for part in parts):
        return False
    return not words[-1].endswith(ADJECTIVE_ENDINGS)


def _personal_pronoun_after(document: Document, segment: Segment) -> bool:
    """Whether "X said he/she ..." follows the name: the speaker is a person."""
    tokens = document.sentences[segment.sentence].tokens
    index = segment.first_index + len(segment.tokens) + 1
    return index < len(tokens) and tokens[index].text in ("he", "she", "his", "her")


def _followed_by(document: Document, segment: Segment, word: str) -> bool:
    """Whether the token right after the segment's comma is word."""
    tokens = document.sentences[segment.sentence].tokens
    index = segment.first_index + len(segment.tokens)
    return index < len(tokens) and tokens[index].text == word


def _appositive_class(document: Document, segment: Segment) -> bool:
    """Whether ", a charity run by...", ", a Mombasa-based charity" or ", a Kenyan charity" follows: an appositive
    naming a kind of organization, not an owner's role (", the council's treasurer")."""
    tokens = document.sentences[segment.sentence].tokens
    return appositive_kind(document, tokens, segment.first_index + len(segment.tokens), APPOSITIVE_CLASSES) is not None


APPOSITIVE_CLASSES = ORG_CLASS_NOUNS | BODY_NOUNS
"""Kinds of organization an appositive after a name may name (", a Kenyan charity")."""


def appositive_kind(document: Document, tokens: list[Token], index: int, kinds: frozenset[str]) -> str | None:
    """The kind of body, one of `kinds`, that an appositive opening at tokens[index] (after its comma) names: its
    head noun after "a", "an" or "the" and words describing it (", a Mombasa-based charity", ", the largest union in
    Britain"); None for a role (", the council's treasurer", ", a union official") or anything else."""
    window = tokens[index:index + 5]
    if not window or window[0].text not in ("a", "an", "the"):
        return None
    for offset, token in enumerate(window[1:], start=index + 1):
        word = token.text
        if token.possessive or is_role_noun(word):
            return None
        if word in kinds and ends_noun_phrase(document, tokens, offset):
            return word
        if not word.islower() and not word.endswith(SEAT_SUFFIXES) and word not in PLACE_WORDS:
            return None
    return None


def _propagate_lists(document: Document, all_segments: list[Segment]) -> None:
    """In a list of names where organizations stand and no person is sure, the unsure names are organizations."""
    by_sentence: dict[int, list[Segment]] = {}
    for segment in all_segments:
        by_sentence.setdefault(segment.sentence, []).append(segment)
    for group in by_sentence.values():
        group.sort(key=START)
        chain: list[Segment] = [group[0]]
        joined = False
        for segment in group[1:]:
            between = document.masked[chain[-1].end:segment.start]
            if chain[-1].possessive:
                between = between.lstrip("’'`s")
            between = between.strip()
            if not between and chain[-1].possessive:
                chain[-1] = segment
                continue
            if between in (",", "and", ", and", "or", ", or") or _parenthetical_comma(between):
                chain.append(segment)
                joined = joined or between.endswith(("and", "or"))
                continue
            _settle_list(chain, joined or _and_follows(document, chain[-1]))
            chain, joined = [segment], False
        _settle_list(chain, joined or _and_follows(document, chain[-1]))


def _and_follows(document: Document, segment: Segment) -> bool:
    """Whether "and"/"or" comes right after a segment (a list that ends in an unnamed item)."""
    return document.masked[segment.end:segment.end + 6].lstrip(" ,").startswith(("and ", "or "))


def _parenthetical_comma(between: str) -> bool:
    """Whether between is ' (SNC), ' — a bracketed acronym then a list comma."""
    return between.startswith("(") and ")" in between and between.rsplit(")", 1)[1].strip() in (",", "and", ", and")


def _settle_list(chain: list[Segment], joined: bool) -> None:
    """Make the unsure members of one list organizations when the list is one of organizations."""
    if len(chain) < 2 or (len(chain) == 2 and not joined):
        return
    orgs = sum(1 for s in chain if s.kind == "org")
    people = sum(1 for s in chain if s.kind == "person" and s.strong)
    if orgs and not people and orgs * 2 >= len([s for s in chain if s.kind != "place"]) - 1:
        for segment in chain:
            if segment.kind in ("single", "other") or (segment.kind == "person" and not segment.strong):
                words = [t.text for t in segment.tokens]
                if not (len(words) == 1 and words[0] in NON_NAME_WORDS) and not is_place(words):
                    segment.kind = "org"


def _common_words(document: Document, segment: Segment) -> None:
    """A would-be name made of words the article also writes in lowercase is not a person ("Water Quality")."""
    weak = segment.kind == "person" and not segment.strong
    if weak and all(t.text.lower() in document.lowercase_words for t in segment.tokens):
        segment.kind = "other"


def _attributive_word(document: Document, segment: Segment) -> None:
    """One capitalized given name or common word between "a" or "an" and a lowercase noun is no name but a word set
    off ("A Frank discussion followed", "an Amber alert"), unlike a name no lexicon holds ("a Reuters reporter") or
    someone so called ("a Frank who said")."""
    if len(segment.tokens) != 1 or segment.kind not in ("person", "single", "org") or segment.strong:
        return
    token = segment.tokens[0]
    tokens = document.sentences[segment.sentence].tokens
    index = segment.first_index
    if index == 0 or index + 1 >= len(tokens) or tokens[index - 1].text.lower() not in ("a", "an"):
        return
    following = tokens[index + 1]
    if not following.text.islower() or following.text in CLAUSE_WORDS or text_gap(document.masked, token, following):
        return
    if token.text in GIVEN_NAMES or token.text.lower() in common_words():
        segment.kind = "thing"  # no entity at all: the model is not asked either


CLAUSE_WORDS = frozenset("who whom whose that which and or but said says was is were has had will would".split())
"""Lowercase words after "a NAME" that make it someone so called ("a Frank who said"), not a word set off."""


def _products(all_segments: list[Segment]) -> None:
    """A would-be person whose name opens with an organization's name is its product ("Nimbus Halo Max")."""
    makers = {segment.tokens[0].text for segment in all_segments
              if segment.kind == "org" and segment.strong and not is_acronym(segment.tokens[0].text)}
    for segment in all_segments:
        words = [t.text for t in segment.tokens]
        if segment.kind == "person" and not segment.strong and len(words) >= 2 and words[0] in makers \
                and words[0] not in GIVEN_NAMES and not segment.possessive and not segment.speaker_slot:
            segment.kind = "thing"  # not "said Søren Østergaard" beside the Søren Kierkegaard Foundation


def _affiliations(document: Document, all_segments: list[Segment]) -> None:
    """A name right after "NAME of" / "NAME for" is the person's organization unless it is a place."""
    for previous, segment in zip(all_segments, all_segments[1:], strict=False):
        if segment.relation not in ("of", "for") or previous.kind != "person" or previous.sentence != segment.sentence:
            continue
        between = document.masked[previous.end:segment.start].split()
        if between not in (["of"], ["for"], ["of", "the"], ["for", "the"]):
            continue
        words = [t.text for t in segment.tokens]
        unsure = segment.kind in ("other", "single") or (segment.kind == "person" and not segment.strong)
        if unsure and not is_place(words):
            segment.kind = "org"


def _acronym_after(document: Document, segment: Segment, registry: Registry, index: int) -> None:
    """Record "(NASA)" right after an organization's name as its acronym."""
    following = _token_after(document, segment)
    if not following:
        return
    gap = document.masked[segment.end:following.start]
    if gap.strip() == "(" and document.masked[following.end:following.end + 1] == ")" and is_acronym(following.text):
        registry.alias(index, following.text)


ACRONYM_IN_APPOSITION = re.compile(r"\b([A-Z][A-Z&]{1,8}), the $")
"""An acronym and ", the" right before an organization's name: the name spells the acronym out."""
LIST_GOES_ON = re.compile(r"\s*(?:,\s*)?(?:and|or)\b|\s*,\s*(?:the\s+)?[A-Z]")
"""What follows a name that stands in a list rather than in apposition ("NATO, the EU and the UN")."""


def _acronym_before(document: Document, segment: Segment, registry: Registry, index: int) -> None:
    """Record an acronym as an organization's when its name follows it in apposition and spells it ("confirmed by
    WADA, the World Anti-Doping Agency."), not in a list ("NATO, the European Union and the UN") nor another body
    after a clause ("After consulting the FBI, the Justice Department announced")."""
    masked = document.masked
    found = ACRONYM_IN_APPOSITION.search(masked, max(0, segment.start - 16), segment.start)
    if found is None or not is_acronym(found.group(1)) or found.group(1) in NON_ORG_ACRONYMS:
        return
    if LIST_GOES_ON.match(masked, segment.end, segment.end + 12):
        return
    if not _spells(found.group(1), [t.text for t in segment.tokens]):
        return  # "After consulting the FBI, the Justice Department announced": two bodies, not one
    registry.alias(index, found.group(1))


SPELLING_SKIPS = frozenset("of and the for & in on at to a an".split())
"""Small words inside a name that its acronym leaves out ("Federal Bureau of Investigation")."""


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether a name spells out an acronym: the initials of its words, small words left out, are the acronym's
    letters, or hold them in order from the same first letter ("WBSF", "World Bocce Sports Federation"; "WADA",
    "World Anti-Doping Agency"), not "FBI" against "Justice Department"."""
    letters = acronym.replace(".", "").replace("&", "").upper()
    parts = [part for word in words for part in word.split("-") if part]
    initials = "".join(w[0].upper() for w in parts if w[0].isalpha() and w.lower() not in SPELLING_SKIPS)
    if not letters or not initials or letters[0] != initials[0]:
        return False
    rest = iter(initials[1:])
    return all(letter in rest for letter in letters[1:])


def _resolve_single(document: Document, segment: Segment, registry: Registry, new_ok: bool) -> int | None:
    """Resolve a one-word name (or a title and a surname) to a known entity, or decide it is a new one."""
    if len(segment.tokens) != 1:
        return None
    word = segment.tokens[0].text
    key = normalize(word)
    people = registry.surnames.get(word) or []
    fitting = [i for i in people if registry.entities[i].gender in ("", segment.gender)] if segment.gender else []
    if fitting:
        people = fitting  # "Ms. Delacroix" is not Marcus Delacroix
    following = _token_after(document, segment)
    if people and not segment.possessive and following is not None and is_role_noun(following.text) and \
            [word.lower() for word in _words_before(document, segment, 1)] in (["a"], ["an"]):
        return None  # "A Marlowe spokesman, X, said": a company's or a side's, not Jonah Marlowe ("the Marlowe
        # founder" is he)
    if people:
        owner = _latest(registry, people, segment.start)
        registry.alias(owner, word)
        return owner
    index = registry.keys.get(key)
    if index is not None:
        return index
    full = registry.keys.get(normalize(SHORT_FORMS.get(word, "")))
    if full is not None and registry.entities[full].kind == "org" and not _noun_after(document, segment):
        registry.alias(full, word)  # "the Fed" of the Federal Reserve, not the "Fed team" or a "Fed watcher"
        return full
    place = word in PLACE_WORDS  # "Kenya" alone is the country, not "Athletics Kenya"
    if word in registry.prefixes and not place and _named_before(registry, registry.prefixes[word], segment, new_ok):
        registry.alias(registry.prefixes[word], word)
        return registry.prefixes[word]
    if registry.last_words.get(word, -1) >= 0 and not place:
        registry.alias(registry.last_words[word], word)
        return registry.last_words[word]
    firsts = registry.first_names.get(word) or []
    if len(firsts) == 1 and word not in registry.surnames and word not in PLACE_WORDS:
        registry.alias(firsts[0], word)
        return firsts[0]
    if len(word) >= 5 and word not in PLACE_WORDS and word not in NON_NAME_WORDS and not word.isupper():
        for surname, owners in list(registry.surnames.items())[:FUZZY_LIMIT]:
            if surname[0] == word[0] and abs(len(surname) - len(word)) <= 2 and similar_surname(surname, word):
                owner = _latest(registry, owners, segment.start)
                registry.alias(owner, word)
                return owner
    if segment.kind == "alias":
        if word in PLACE_WORDS or not new_ok:
            return None
        return registry.add_person(word, [word], segment.start, segment.gender)
    if word in NATIONALITIES:
        return None  # "their Portuguese midfielder X", "Ghanaian winger Y": no club, no one
    if segment.kind == "org" and new_ok and following is not None and following.text in SPORT_ROLES:
        return registry.add_organization(word, [word], segment.start)  # a city's club ("Porto coach X")
    if is_place([word]) or word in NON_NAME_WORDS or not new_ok:
        return None
    if segment.kind == "org":
        return registry.add_organization(word, [word], segment.start)
    before = _words_before(document, segment, 2)
    introduced = bool(before) and before[-1] in ROLE_NOUNS and before[-1].islower() and word not in TITLE_WORDS
    if introduced and not segment.tokens[0].sentence_start and not is_acronym(word):
        return registry.add_person(word, [word], segment.start, "")
    if not is_acronym(word) and word not in TITLE_WORDS and _role_in_apposition(document, segment):
        segment.kind, segment.strong = "person", True  # a job in apposition says so, whatever the model makes of it
        return registry.add_person(word, [word], segment.start, "")
    if is_acronym(word) and word not in NON_ORG_ACRONYMS and _acts_as_organization(document, segment, before):
        return registry.add_organization(word, [word], segment.start)
    return None


def _named_before(registry: Registry, index: int, segment: Segment, new_ok: bool) -> bool:
    """Whether an organization's first word alone can stand for it here: after its full name, or in the title,
    which may shorten a name the story gives in full ("the mayor of Eastbrook" before the Eastbrook Tenants Union
    names the town)."""
    return not new_ok or registry.entities[index].first < segment.start


ROLE_APPOSITION = re.compile(
    r"\s*,\s*(?:the|a|an)\s+(?:[a-z0-9][\w’'-]*\s+){0,3}([a-z][\w’'-]*)"
    r"(?:\s*,|\s+(?:in|at|of|for|from|with|on|who|whose|based)\b)"
)
"""", the harbor master," or ", a 52-year-old farmer in …" after a name: the role ends the phrase or the words
before its place, employer or relative clause."""


def _role_in_apposition(document: Document, segment: Segment) -> bool:
    """Whether a one-word name is followed by its role in apposition ("Kraus, the harbor master, said"): a
    person's surname."""
    found = ROLE_APPOSITION.match(document.masked, segment.end, segment.end + 80)
    return found is not None and is_role_noun(found.group(1)) and found.group(1) not in ORG_CLASS_NOUNS


def _acts_as_organization(document: Document, segment: Segment, before: list[str]) -> bool:
    """Whether an acronym stands where an organization does: "the FBI", "NATO said", "an FTC spokeswoman"."""
    following = _token_after(document, segment)
    close = following is not None and _gap_after(document, segment).strip() == ""
    if segment.possessive or (close and (following.text in FOLLOWING_VERBS or following.text in ACRONYM_FOLLOWERS
                                         or is_role_noun(following.text))):
        return True
    return bool(before) and before[-1].lower() in ACRONYM_LEADS


def _noun_after(document: Document, segment: Segment) -> bool:
    """Whether a lowercase word that reads as a noun (no verb's ending, no verb of speech) follows a name, which it
    then qualifies ("Fed team", "Fed watcher"), unlike "the Fed said" or "the Fed raised rates"."""
    following = _token_after(document, segment)
    if segment.possessive or following is None or _gap_after(document, segment).strip():
        return False
    word = following.text
    return word.islower() and word not in SPEECH_VERBS and word not in FOLLOWING_VERBS and \
        not word.endswith(("ed", "s"))


def _latest(registry: Registry, candidates: list[int], position: int) -> int:
    """Of several people sharing a surname, the one introduced most recently before position."""
    before = [i for i in candidates if registry.entities[i].first <= position]
    return max(before, key=lambda i: registry.entities[i].first) if before else candidates[0]


WHERE_AFTER = re.compile(r",\s+where\b")
"""", where" after a name: a relative clause only a place takes ("in Northam, where the council sits")."""
PLACE_BEFORE = re.compile(r"([A-Z][^\W\d_]+)(?:,| and|, and)\s+(?:the\s+)?$")
PLACE_AFTER = re.compile(r"(?:,| and|, and)\s+(?:the\s+)?([A-Z][^\W\d_]+)\b(?!\s+[A-Z]|['’])")


def _placed(document: Document, segment: Segment) -> bool:
    """Whether a one-word name reads as a place where it stands: before ", where", or listed beside a known place
    ("between the Adriatic, Lisbon and Oslo")."""
    masked = document.masked
    if WHERE_AFTER.match(masked, segment.end):
        return True
    before = PLACE_BEFORE.search(masked, max(0, segment.start - 40), segment.start)
    after = PLACE_AFTER.match(masked, segment.end, segment.end + 40)
    return any(found is not None and found.group(1) in PLACE_WORDS for found in (before, after))




def _recurring_organizations(document: Document, all_segments: list[Segment], registry: Registry,
                             resolved: dict[int, int], new_ok: list[bool]) -> None:
    """A one-word name used twice mid-sentence, never as a word, place or thing ("787 Dreamliner jets"), names an
    organization."""
    counts: dict[str, list[int]] = {}
    every: dict[str, list[int]] = {}
    things = {s.tokens[0].text for s in all_segments if s.kind == "thing" and len(s.tokens) == 1}
    for number, segment in enumerate(all_segments):
        if number in resolved or segment.kind not in ("single",) or not new_ok[number]:
            continue
        word = segment.tokens[0].text
        every.setdefault(word, []).append(number)
        if segment.tokens[0].sentence_start or is_acronym(word) or word in HONORIFICS:
            continue
        if word.lower() in document.lowercase_words or word in NON_NAME_WORDS or word in GIVEN_NAMES:
            continue
        if is_place([word]) or word in things or _numbered(document, segment):
            continue
        counts.setdefault(word, []).append(number)
    for word, numbers in counts.items():
        if len(numbers) < 2 or any(_placed(document, all_segments[number]) for number in every[word]):
            continue
        index = registry.add_organization(word, [word], all_segments[numbers[0]].start)
        for number in every[word]:
            resolved[number] = index
