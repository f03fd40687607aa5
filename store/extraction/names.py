"""Capitalized name runs in reporter's text, cut into segments that may each name one thing."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import takewhile

from store.extraction.document import Document, Sentence
from store.extraction.given_names import GIVEN_NAMES
from store.extraction.lexicon import (
    BEFORE_DATES,
    CAUSE_WORDS,
    CHINESE_FAMILY_NAMES,
    CLOSING_QUOTE_MARKS,
    CLUB_WORDS,
    COMPANY_SUFFIXES,
    CRAFT_WORDS,
    FEATURE_HEADS,
    GROUP_HEADS,
    HONORIFICS,
    INSTITUTION_NAMES,
    MONTHS_AND_DAYS,
    MONTHS_NAMING_PEOPLE,
    NAME_PARTICLES,
    NEWS_ORGANIZATIONS,
    NON_NAME_WORDS,
    NOT_AGENT_NOUNS,
    OFFICE_WORDS,
    ORG_CLASS_NOUNS,
    ORG_HEADS,
    ORG_OF_HEADS,
    PLACE_ONLY_HEADS,
    PLACE_THING_HEADS,
    PORTFOLIO_WORDS,
    POSITION_LETTERS,
    POSTNOMINALS,
    RELATION_WORDS,
    ROLE_BREAKS,
    ROLE_NOUNS,
    SENTENCE_STARTERS,
    SHIP_PREFIXES,
    SPEECH_VERBS,
    SPORT_ROLES,
    STANCE_PREFIXES,
    SURNAME_ENDINGS,
    SURNAMES_ALSO_WORDS,
    TITLE_HEADS,
    TITLE_WORDS,
    TITLES_BEFORE_GIVEN,
    UNNAMED_SOURCES,
    VIETNAMESE_FAMILY_NAMES,
)
from store.extraction.organizations import WELL_KNOWN_ORGANIZATIONS
from store.extraction.places import CITIES, COUNTRIES, DIRECTIONS, NATIONALITIES, PLACE_WORDS, REGIONS
from store.extraction.text import DIGIT, Token, gap, has_joined_prefix, is_caseless

AGENT_ENDINGS = ("er", "or", "ist", "ian")
COMPARATIVE_ENDINGS = ("ier",)
MAX_RUN = 16
INSERTION = re.compile(r" \([^\W\d_][\w’'-]*\) ")
ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z.&]{1,9})\)")
CONNECTORS = frozenset({"of", "for", "the", "and", "&", "on"}) | NAME_PARTICLES
CONNECTORS_TITLED = frozenset({"Of", "On", "Or", "A"})
MAX_SLOT_NAME = 6
APPOSITIVE_WORDS = 12
WEB_ADDRESS = re.compile(r"[^\W\d_][\w-]*(?:\.[a-z]{2,})+")
FAMILY_NAME = re.compile(r"[A-Z][a-z]{1,5}")
SHORT_SURNAME = re.compile(r"[A-Z][a-z]{1,2}")
HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|ia|ie|in|iu|ou|ua|ui|un|uo|a|e|i|o|u)"
)
PINYIN_GIVEN = re.compile(rf"(?i:(?:{_PINYIN_SYLLABLE}){{1,2}})")
"""A given name of one or two pinyin syllables written as one word, capitalized ("Wei", "Weiming", "Jinping")."""
MAX_NUMBER_IN_NAME = 3


class Segment:
    """A stretch of capitalized words that may name one person, organization or place.

    `start` (offset of the first character), `end` (just past the last) and `possessive` (the name ends in 's: an
    owner, not a subject) are kept beside the words and follow them whenever `tokens` is set, since every later
    step reads them many times.
    """

    __slots__ = ("_tokens", "start", "end", "possessive", "kind", "sentence", "first_index", "role", "strong",
                 "gender", "relation", "speaker_slot")

    def __init__(self, tokens: list[Token], kind: str, sentence: int, first_index: int,
                 role: list[Token] | None = None, strong: bool = False, gender: str = "", relation: str = "",
                 speaker_slot: bool = False) -> None:
        self.tokens = tokens
        self.kind = kind
        self.sentence = sentence
        self.first_index = first_index
        self.role: list[Token] = [] if role is None else role
        self.strong = strong
        self.gender = gender
        self.relation = relation
        self.speaker_slot = speaker_slot

    @property
    def tokens(self) -> list[Token]:
        """The segment's words, in order."""
        return self._tokens

    @tokens.setter
    def tokens(self, tokens: list[Token]) -> None:
        self._tokens = tokens
        self.start = tokens[0].start
        self.end = tokens[-1].end
        self.possessive = tokens[-1].possessive

    def __repr__(self) -> str:
        return f"Segment({' '.join(t.text for t in self._tokens)!r}, {self.kind!r}, strong={self.strong})"


ROLE_PREFIXES = frozenset(("vice", "co", "ex", "deputy", "acting", "interim", "sub", "under", "assistant"))
"""What may stand before a role noun with a hyphen and leave it a role ("vice-president", "co-chair")."""


JOB_ACRONYMS = frozenset("ceo cfo coo cto cio mp mep msp".split())
"""Jobs written as capitals ("Tesla CEO X", "Labour MP Y")."""


def is_role_noun(word: str) -> bool:
    """Whether a lowercase word names a job or standing (a listed noun, or an agent noun in -er/-or/-ist/-ian)."""
    if word in ROLE_NOUNS or word.isupper() and word.lower() in JOB_ACRONYMS:
        return True  # "CEO", "MP"
    prefix, hyphen, rest = word.partition("-")
    if hyphen and prefix in ROLE_PREFIXES and rest:
        return is_role_noun(rest)
    if len(word) <= 4 or word in RELATION_WORDS or not word.endswith(AGENT_ENDINGS) or not word.islower():
        return False
    if word in ROLE_BREAKS or word in NOT_AGENT_NOUNS or word.endswith(COMPARATIVE_ENDINGS):
        return False
    return not (word[-3] == word[-4] and word[-3] not in "lsf")


def is_plural_role(word: str) -> bool:
    """Whether a word opening a sentence is a plural of a role or source noun ("Prosecutors", "Diplomats")."""
    lower = word.lower()
    return lower in UNNAMED_SOURCES or (lower.endswith("s") and is_role_noun(lower[:-1]))


@lru_cache(maxsize=8_192)
def is_acronym(word: str) -> bool:
    """Whether a word is written like an acronym (NASA, U.N.)."""
    letters = word.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def is_place(words: list[str]) -> bool:
    """Whether the words name a place, a nationality, or a place-like thing."""
    name = " ".join(words)
    if name in PLACE_WORDS:
        return True
    if words[-1] in PLACE_THING_HEADS:
        return not (len(words) == 2 and HYPHENATED_GIVEN.fullmatch(words[0]))  # "Seo-yeon Park", "Ji-ho Hall"
    if words[-1] in FEATURE_HEADS and len(words) > 1:
        return len(words) > 2 or words[0] not in PLACE_WORDS and words[0] not in GIVEN_NAMES
    rest = [w for w in words if w not in DIRECTIONS]
    return bool(rest) and len(rest) < len(words) and " ".join(rest) in PLACE_WORDS


def runs(document: Document, sentence: Sentence) -> list[list[Token]]:
    """Maximal runs of adjacent capitalized tokens, joined by lowercase connectors where they sit inside."""
    words = sentence.tokens
    capital = sentence.capitals
    if True not in capital:
        return []
    if "of" in sentence.words:
        capital = _job_acronyms_before_of(document.masked, words, capital)
    found: list[list[Token]] = []
    current: list[Token] = []
    masked = document.text if sentence.quoted else document.masked
    count = len(words)
    index = capital.index(True)
    while index < count:
        token = words[index]
        if not current:
            current.append(token)
            index += 1
            continue
        if not capital[index] and token.text not in CONNECTORS and not token.text.isdigit():
            found.append(current)
            current = []
            index = _next_capital(capital, index + 1)
            continue
        if masked[token.start - 1] == "(" and _inserted(masked, words, index, capital):
            index += 1
            continue
        previous = current[-1]
        between = masked[previous.end:token.start]
        joins = not previous.possessive
        if previous.possessive and capital[index] and (
            token.text in ORG_HEADS or token.text in POSSESSIVE_FIRM_WORDS
            or _members_before_body(between, previous, words[index:index + 3], capital[index:index + 3])
        ):
            joins, between = True, between.lstrip("’'`").removeprefix("s")
        adjacent = joins and (previous.end == token.start - 1 or not between.strip() or between.strip() == "&" or
                                                bool(INSERTION.fullmatch(between)) or _initial(previous, between))
        index += 1
        if capital[index - 1]:
            if not adjacent or len(current) >= MAX_RUN:
                found.append(current)
                current = []
            current.append(token)
            continue
        if adjacent and _number_in_name(masked, words, index - 1, capital):
            current.append(token)
            continue
        if (adjacent and token.text in CONNECTORS and index < count
                and not masked[token.end:words[index].start].strip()
                and (capital[index] or words[index].text in CONNECTORS)):
            current.append(token)
            continue
        found.append(current)
        current = []
        index = _next_capital(capital, index)
    if current:
        found.append(current)
    trimmed = [run if run[-1].capital else _trim(run) for run in found]
    return _official_lists(masked, words, [run for run in trimmed if run])


LISTED_PORTFOLIOS = frozenset(
    "County Municipal Fisheries Mines Innovation Sport Sports Heritage Forestry Welfare Rural Pensions Enterprise "
    "Oceans Veterans Broadcasting Skills Science Employees Workers Resources Lands Parks Wildlife Water Climate Arts "
    "Youth Women Children Families Communities Industry Trade Food Local Government Regions Employment State "
    "Recreation Tribal Strategy Industrial".split()
)
"""Fields a ministry's or a federation's name lists after "of", beside PORTFOLIO_WORDS and the model's common words
("of State, County and Municipal Employees")."""


def _official_lists(masked: str, words: list[Token], found: list[list[Token]]) -> list[list[Token]]:
    """The runs with a body's name whose "of" lists its fields with commas joined into one ("Ministry of Housing,
    Communities and Local Government", "Federation of State, County and Municipal Employees"): the run after the
    body's head and "of", then runs after ", " of fields alone (no name, place or body), the last joined by "and"."""
    joined: list[list[Token]] = []
    number = 0
    while number < len(found):
        run = found[number]
        end = number + 1
        heads = [
            i for i, token in enumerate(run[:-1]) if token.text in ("of", "for") and run[i - 1].text in ORG_OF_HEADS
        ]
        if heads and _listed_fields(run[heads[-1] + 1:]):
            anded = False
            while end < len(found) and not anded:
                between = masked[found[end - 1][-1].end:found[end][0].start]
                if between not in (", ", ", and ") or not _listed_fields(found[end]):
                    break
                anded = between == ", and " or any(token.text == "and" for token in found[end])
                end += 1
            if not anded or _bodies_listed(masked, run[heads[-1] - 1].text, found[number + 1:end]):
                end = number + 1
        joined.append(run if end == number + 1 else words[run[0].index:found[end - 1][-1].index + 1])
        number = end
    return joined


def _bodies_listed(masked: str, head: str, listed: list[list[Token]]) -> bool:
    """Whether the runs after a body's name and a comma are other bodies, not its fields: departments known by their
    field alone ("the Department of Justice, Treasury and State"), well-known companies ("Target and Gap"), or a
    kind of bodies or their people after the last ("Health, Water and Energy ministries", "… officials")."""
    words = [token.text for run in listed for token in run if token.text != "and"]
    if head == "Department" and any(word in DEPARTMENTS_BY_FIELD for word in words):
        return True
    if any(word in WELL_KNOWN_ORGANIZATIONS and word not in PORTFOLIO_WORDS for word in words):
        return True
    following = masked[listed[-1][-1].end:listed[-1][-1].end + 24].split()
    return bool(following) and following[0].strip(".,;:") in BODIES_AFTER_FIELDS


DEPARTMENTS_BY_FIELD = frozenset("Treasury State Commerce Justice Defense Labor Interior Homeland".split())
"""Fields that name a government's department alone ("Treasury", "State", "Justice")."""
BODIES_AFTER_FIELDS = frozenset(
    "ministries departments agencies offices officials ministers secretaries staff heads chiefs leaders".split()
)
"""Words after a list of fields that make it a list of bodies or of their people."""


def _listed_fields(run: list[Token]) -> bool:
    """Whether a run is only fields of a body's name, joined by "and" (see `_official_lists`)."""
    words = [token.text for token in run if token.text != "and"]
    if not words or len(words) > 4 or any(not token.capital for token in run if token.text != "and"):
        return False
    common = common_words()
    return all(
        word in PORTFOLIO_WORDS or word in LISTED_PORTFOLIOS
        or word.lower() in common and word not in GIVEN_NAMES and word not in ORG_HEADS and not is_place([word])
        for word in words
    )


def _members_before_body(between: str, owner: Token, after: list[Token], capital: list[bool]) -> bool:
    """Whether a plural possessive opens a body's name of its members ("Bellandur Residents' Welfare Association",
    "the Teachers' Pension Fund"): a plural's bare apostrophe, then a capitalized word or two up to the body's
    head."""
    if not owner.text.endswith("s") or between[:1] not in "’'`" or between[1:2] == "s":
        return False
    members = owner.text.lower()
    if members not in common_words() and not is_role_noun(members[:-1]):
        return False  # "the Smiths' Old Farm House": a family's
    for token, is_capital in zip(after, capital, strict=True):
        if not is_capital:
            return False
        if token.text in ORG_HEADS:
            return True
    return False


def _job_acronyms_before_of(masked: str, words: list[Token], capital: list[bool]) -> list[bool]:
    """The capitals with a job in capitals set off after a name and a comma before "of" read as a job, not a name's
    first word: "X, CEO of Volvo Cars" is a job and its body, as "X, chief executive of Volvo Cars" is (before a
    name, "After the leak, CEO of the Refugee Council Enver Solomon said" is a title)."""
    acronyms = [
        index for index, token in enumerate(words[:-1])
        if index and token.text.lower() in JOB_ACRONYMS and token.text.isupper() and words[index + 1].text == "of"
        and masked[words[index - 1].end:token.start] == ", " and capital[index - 1]
    ]
    if not acronyms:
        return capital
    capital = list(capital)
    for index in acronyms:
        capital[index] = False
    return capital


def _next_capital(capital: list[bool], index: int) -> int:
    """The index of the first capitalized token at or after index, or the length when none is left."""
    try:
        return capital.index(True, index)
    except ValueError:
        return len(capital)


def _number_in_name(masked: str, words: list[Token], index: int, capital: list[bool]) -> bool:
    """Whether words[index] is a short number between two capitalized words of one name ("Channel 9 Network")."""
    token = words[index]
    return (token.text.isdigit() and len(token.text) <= MAX_NUMBER_IN_NAME and index + 1 < len(words)
            and capital[index + 1] and capital[index - 1] and words[index - 1].text not in MONTHS_AND_DAYS
            and not words[index - 1].possessive and masked[token.end:words[index + 1].start] == " ")


def _initial(previous: Token, between: str) -> bool:
    """Whether previous is a capital initial with its period ("J. Ron Smith", "Mary T. Olsen")."""
    text = previous.text
    return between == ". " and len(text) == 1 and text.isupper()


def _inserted(masked: str, words: list[Token], index: int, capital: list[bool]) -> bool:
    """Whether words[index] is a bracketed nickname inside a name ("James (Jimmy) Walsh")."""
    token = words[index]
    return (capital[index] and index + 1 < len(words) and capital[index + 1]
            and masked[token.start - 2:token.start] == " (" and masked[token.end:token.end + 2] == ") ")


def _trim(run: list[Token]) -> list[Token]:
    """Drop connectors left dangling at either end of a run."""
    while run and not run[-1].capital:
        run = run[:-1]
    while run and not run[0].capital:
        run = run[1:]
    return run


def segments(document: Document, sentence: Sentence) -> list[Segment]:
    """Cut each run into segments at "and" and at "of"/"for" that do not continue an organization or title."""
    found: list[Segment] = []
    for run in runs(document, sentence):
        player = len(run) >= 3 and run[0].text in POSITION_LETTERS and _player(run)
        run = _drop_openers(document, sentence, run)
        if not run:
            continue
        pieces: list[tuple[list[Token], str]] = []
        current: list[Token] = []
        relation = ""
        chained = False
        spelled = _run_to_acronym(document, sentence, run)
        if spelled is not run or _defined_acronym(document, sentence, run) or _party_joined_by_and(document, run):
            run = spelled
            found.append(_classify_defined(run, run[0].index))
            continue
        for position, token in enumerate(run):
            word = token.text
            splits_and = word == "and" and (
                not chained or position + 1 < len(run) and run[position + 1].text == "the"
                or _second_body(run[position + 1:])
            )
            if splits_and and _one_body(current, run[position + 1:]):
                current.append(token)  # "the Competition and Markets Authority", "the Food and Drug Administration"
                continue
            if word in MONTHS_AND_DAYS and not month_naming_person(sentence, run, position) or splits_and:
                if current:
                    pieces.append((current, relation))
                current, relation, chained = [], "and" if word == "and" else "", False
                continue
            if word in ("of", "for", "on") and current and position + 1 < len(run):
                head = current[-1].text
                named = len(current) == 2 and current[0].text in GIVEN_NAMES and head not in ORG_OF_HEADS
                if chained and _titled_name(current, run[position + 1:]):
                    chained = False  # "Secretary of Commerce Ann Ruiz | of the Harbor Council"
                elif chained or head in ORG_OF_HEADS or head in TITLE_HEADS or head in PLACE_THING_HEADS and not named \
                        or _for_everyone(run, position):
                    chained = True
                    current.append(token)
                    continue
                elif len(current) == 1 and head in GROUP_HEADS and word != "on" and _name_follows(run, position + 1):
                    chained = True  # "Americans for Prosperity": a group's name, its first word read as a name's
                    current = [current[0]._replace(capital=True), token]
                    continue
                pieces.append((current, relation))
                current, relation = [], word
                continue
            if word == "the" and not current:
                continue
            current.append(token)
        if current:
            pieces.append((current, relation))
        for piece, rel in pieces:
            piece = [t for t in piece if t.text != "the" or t is not piece[0]]
            piece = _trim(piece)
            if len(piece) > 2 and piece[-1].text in POSTNOMINALS and piece[-2].text[:1].isupper():
                piece = piece[:-1]  # "Tariq Abu-Hamdan KC", "Jane Morton MP": the letters are no part of the name
            if not piece:
                continue
            named = _beside_speech(sentence, piece) or _beside_a_job(document, sentence, piece)
            segment = _classify(piece, piece[0].sentence, piece[0].index, rel, named)
            if segment.kind == "org" and _known_organization_and_noun([t.text for t in segment.tokens]) \
                    and _job_in_apposition(document, sentence, segment):
                segment.kind = "person"  # "Puma Field, a student": a person's name after all
            if segment.kind == "org" and len(segment.tokens) > 1 and segment.tokens[0].possessive \
                    and segment.tokens[0].text in PLACE_WORDS:
                segment.first_index += 1  # "Chile's Senate": the Senate, of Chile
                segment.tokens = segment.tokens[1:]
            owner = next((i for i, t in enumerate(segment.tokens[:-1]) if t.possessive and t.text in ORG_HEADS), None)
            if segment.kind == "org" and owner:
                segment.tokens = segment.tokens[:owner + 1]  # "Tsinghua University's School of …": the university
            if segment.kind == "person" and " & " in document.masked[piece[0].start:piece[-1].end]:
                segment.kind, segment.strong = "org", True  # "Marks & Spencer": a firm, never a person's name
            whole = segment.kind in ("person", "alias") and segment.role or segment.kind == "org" and _bank_named_first(
                [t.text for t in segment.tokens])
            cut = 0 if whole else _person_tail(document, sentence, piece)
            if cut:
                head = _trim(piece[:cut])
                parts = [_classify(head, head[0].sentence, head[0].index, rel)] if head else []
                tail = _classify(piece[cut:], piece[0].sentence, piece[cut].index, "")
                tail.kind, tail.strong = "person", True
                lead = run[:next(i for i, t in enumerate(run) if t is piece[cut])]
                if lead and (lead[0].text in TITLE_WORDS or is_role_noun(lead[0].text.lower())):
                    tail.role = lead
                parts.append(tail)
            else:
                parts = [segment]
            body = _body_before_job_acronym(segment)
            if body is not None:
                parts.insert(0, body)
            for segment in parts:
                if segment.kind == "person" and (player and segment.tokens[0] is run[0] or short_surname(
                        document, [t.text for t in segment.tokens]) and _introduced(document, sentence, segment)):
                    segment.strong = True
                if not sentence.quoted:
                    _read_speaker_slot(document, sentence, segment)
                if segment.kind == "person" and not segment.strong:
                    segment.strong = _appositive(document, sentence, segment, by_role=True) == "person" \
                        or _presented(sentence, segment)
                found.append(segment)
    return found


def _surname_like_title(words: list[str], at: int) -> bool:
    """Whether the title word at `at` is part of a name: its surname ("Stephen King", "Anna Judge", "Martin Luther
    King III"), after a name that opens or ends with a given name, with at most a generation's suffix after it; or
    "Emir" as a given name before a South Slavic surname ("Emir Spahić")."""
    after, before = words[at + 1:], words[:at]
    if words[at] == "Emir" and not before and len(after) == 1 and after[0].endswith(("ić", "vic")):
        return True  # "Emir Hadžiselimović", "Emir Kusturica": a Bosnian given name, not the emir
    return bool(before) and (before[0] in GIVEN_NAMES or before[-1] in GIVEN_NAMES) and words[at] not in HONORIFICS \
        and not any(word in TITLE_WORDS or word in HONORIFICS for word in before) \
        and (not after or len(after) == 1 and after[0] in GENERATION_SUFFIXES)


INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
"""Given names written as initials with no space between them ("S.K.", "J.R.R.")."""
PLACE_INITIALS = frozenset("U.S. U.K. U.N. E.U. D.C. L.A. N.Y. U.A.E. N.Z.".split())
"""Initials that name a place or a body, never a person."""
SAINTS = frozenset("San Santa Santo São Sao St St. Saint Sainte Los Las".split())
"""Words before a given name in a place's name ("San Francisco Bulletin"), not in a person's."""
PATRONYMIC_PARTICLES = frozenset("bin ibn bint ben ould".split())
"""Particles of a chain of fathers' names, which make a person's name longer than most."""
BUSINESS_RELATIONS = frozenset("partner partners owner owners client clients customer customers rival rivals".split())
"""Words for what a firm is to another as well as for a person ("Danish partner Maersk Line")."""
STORM_WORDS = frozenset("Typhoon Hurricane Cyclone Storm".split())
"""Words that open a storm's name."""
CLUB_PREFIXES = frozenset("Racing Sporting Real Atlético Atletico Deportivo Dinamo Dynamo Olympique".split())
"""Words that open a sports club's name before its city ("Racing de Santander", "Real Madrid"), none a given
name ("Vitória de Souza" is a person)."""
NAME_PARTICLES_OF_PLACE = frozenset("de da do del".split())
"""Words between a club's first word and its city ("Racing de Santander")."""
ORG_TAILS = frozenset("District Limited Incorporated".split())
"""Words that end an organization's name after its head word ("… School District", "… Company Limited")."""
HEADS_BEFORE_OF = frozenset("Chamber Chambers Guild Syndicate".split())
"""Words that head a body's name only before "of" and its field ("Chamber of Commerce", "Guild of Brewers"), not
alone ("the House Chamber")."""
SURNAME_PARTICLES = frozenset("Mac Mc Nic Ní Ó Ua Van Von De Da Di Du Del Della Dos Das Ter Ten Bin Ibn Abu".split())
"""Capitalized words that open a surname of two words ("Ciarán Mac Cárthaigh", "Jan Van Dyck"): the word before
them is the person's given name, not the end of a title or an organization."""
PARTICLES_AFTER_GIVEN = SURNAME_PARTICLES | frozenset("Le La".split())
"""Capitalized particles that open a surname ("Le Roux", "Van Dyck")."""
JOBS_ALSO_GIVEN = frozenset("Marine".split())
"""Words of a job that are also given names: before a surname's particle, the given name ("Marine Le Garrec"), not
a title as other jobs are there ("Chef Le Roux")."""
GENERATION_SUFFIXES = frozenset("II III IV Jr Jr. Sr Sr.".split())
"""What may end a person's name after its surname ("Martin Luther King III")."""


PUBLIC_BODY_HEADS = frozenset(
    "Authority Administration Service Services Commission Department Agency Bureau Office Board Council Ministry "
    "Institute Directorate Inspectorate Tribunal Court Committee".split()
)
"""What ends the name of a public body whose first words are joined by "and" ("Fish and Wildlife Service")."""
JOINED_BODY_HEADS = PUBLIC_BODY_HEADS | frozenset("Association Federation Union Society Foundation Alliance".split())
"""What ends any name joined so: a body's, or an association's ("the Coffee and Cocoa Association")."""


def _one_body(before: list[Token], after: list[Token]) -> bool:
    """Whether "and" joins two halves of one body's name: a word or two that name nothing alone (not a person,
    place or organization: "Competition", "Food") before a short name ending in a public body's word."""
    words = [token.text for token in before]
    while len(words) > 1 and (words[0] in COUNTRIES or words[0] in NATIONALITIES):
        words = words[1:]  # "Kenya Pharmacy and Poisons Board", "Vietnam Coffee and Cocoa Association"
    named = list(takewhile(lambda token: token.capital, after))
    rest = [token.text for token in named]
    if not 1 <= len(words) <= 2 or not rest or any(word in ORG_HEADS or word in GIVEN_NAMES for word in words):
        return False
    if is_place(words) or any(word in CONNECTORS for word in rest):
        return False
    if rest[-1] == "Bank" and all(word.lower() in common_words() for word in words):
        return len(named) <= 3  # "the Industrial and Commercial Bank of China", not "Barclays and Lloyds Bank"
    return rest[-1] in JOINED_BODY_HEADS and len(named) <= 3


def _second_body(after: list[Token]) -> bool:
    """Whether the words after "and" in a body's "of" name are another body's whole name, named for a place ("the
    Institute of Technology and Colorado State University"), not the rest of the first ("Department of Mental
    Health and Substance Abuse Services")."""
    named = [token.text for token in takewhile(lambda token: token.capital, after)]
    if len(named) < 3 or named[-1] not in ORG_HEADS or any(word in ORG_HEADS for word in named[:-1]):
        return False
    return is_place(named[:1])  # "Colorado State University", not "Substance Abuse Services"


EVERYONE_WORDS = frozenset("All Everyone Everybody".split())
"""Words for everyone that end a cause's name after "for" ("Schools for All", "Water for Everyone")."""


def _for_everyone(run: list[Token], position: int) -> bool:
    """Whether the "for" at `position` ends a run in a word for everyone: one name, a cause's ("Schools for All")."""
    return run[position].text == "for" and position + 2 == len(run) and run[-1].text in EVERYONE_WORDS


def _name_follows(run: list[Token], position: int) -> bool:
    """Whether a name-like word comes at this position of a run, or just after a "the" there."""
    if position < len(run) and run[position].text == "the":
        position += 1
    return position < len(run) and run[position].capital


def _titled_name(piece: list[Token], after: list[Token]) -> bool:
    """Whether a piece is a title "of" its portfolio and a person's name ("Secretary of Commerce Ann Ruiz") and the
    "of" after it leads to an organization ("of the Department of Commerce"): that "of" starts what the person is
    of, rather than continuing the title. The last two words are taken for a name when the first is a given name or
    the organization repeats the portfolio ("Director of Policy Planning Staff of the Department of State" names
    nobody)."""
    words = [token.text for token in piece]
    following = [token.text for token in after if token.text != "the"]
    if len(words) < 5 or words[0] not in TITLE_HEADS or words[1] != "of" or not following \
            or following[0] not in ORG_HEADS:
        return False
    name = words[-2:]
    if not _name_words(name) or any(word in ORG_HEADS for word in name):
        return False
    return name[0] in GIVEN_NAMES or bool(set(words[2:-2]) & set(following))


def _person_tail(document: Document, sentence: Sentence, piece: list[Token]) -> int:
    """Where a person's name starts at the end of a run that opens with an organization, country or title
    ("Harbor Council Jane Roe said", "United States Amir Khan"); 0 when the run does not end in one."""
    if len(piece) < 3 or piece[-1].possessive and len(piece) < 4:
        return 0
    after = piece[-1].index + 1
    if piece[-1].text in UNION_BRANCHES and after < len(sentence.tokens) and sentence.tokens[after].text.isdigit():
        return 0  # "Amalgamated Transit Workers Local 417": a union's branch
    said = after < len(sentence.tokens) and sentence.tokens[after].text in SPEECH_VERBS and \
        not gap(document.masked, piece[-1], sentence.tokens[after])
    for size in (3, 2):
        cut = len(piece) - size
        if cut < 1:
            continue
        words = [t.text for t in piece[cut:]]
        head = [t.text for t in piece[:cut]]
        previous = head[-1]
        if not all(_tail_word(document, t) for t in piece[cut:]) or any(t.possessive for t in piece[cut:-1]):
            continue
        if previous in GIVEN_NAMES or previous in NAME_PARTICLES or not piece[cut - 1].capital:
            continue
        given = words[0].split("-")[0] in GIVEN_NAMES or size == 3 and words[1] in SURNAME_PARTICLES
        if size == 3 and not given or size == 2 and words[0] in SURNAME_PARTICLES:
            continue
        marked = _marks_head(document, head, words[0], piece[0].sentence_start)
        if given and marked and (said or len(head) > 1 or _head_end(head) or previous in PLACE_WORDS):
            return cut
        if marked and (said or _head_end(head)) and words[-1] not in ORG_HEADS and \
                not any(w.lower() in document.lowercase_words for w in words):
            return cut
    return 0


def _tail_word(document: Document, token: Token) -> bool:
    """Whether a word can stand in a person's name cut from the end of a longer run."""
    word = token.text
    return token.capital and len(word) > 1 and word[0].isupper() and not is_acronym(word) \
        and _name_words([word]) and word not in PLACE_WORDS and word not in PLACE_THING_HEADS \
        and word not in MONTHS_AND_DAYS and word.lower() not in ROLE_NOUNS and not DIGIT.search(word)


def _marks_head(document: Document, head: list[str], name_start: str, opens_sentence: bool) -> bool:
    """Whether words before a name hold a word no name holds: an organization or title word, a place, or a
    common word."""
    for number, word in enumerate(head):
        if word in ORG_HEADS or word in TITLE_WORDS or word in NON_NAME_WORDS or word in PLACE_WORDS:
            return True
        if not word[:1].isupper() or word.lower() in document.lowercase_words or _role_word(
                word, name_start, opens_sentence and number == 0):
            return True
    return False


def _role_word(word: str, name_start: str, opens_sentence: bool) -> bool:
    """Whether a capitalized word names a job: a listed one, or an agent noun that is no surname's shape (a name
    in -man, "Abdelrahman", "Kaufman", is not a chairman's)."""
    lower = word.lower()
    return lower in ROLE_NOUNS or _title_shaped(word, name_start, opens_sentence) and not lower.endswith("man") \
        and word not in GIVEN_NAMES


def _head_end(head: list[str]) -> bool:
    """Whether the words before a name end in an organization word, a title or a country."""
    last = head[-1]
    if last in ORG_HEADS or last in TITLE_HEADS:
        return True
    return any(" ".join(head[start:]) in COUNTRIES for start in range(max(0, len(head) - 4), len(head)))


def _read_speaker_slot(document: Document, sentence: Sentence, segment: Segment) -> None:
    """A name where a quote's speaker stands is a person, whatever its script or custom ("…,” said 王小明")."""
    if segment.kind not in ("single", "other", "person", "alias") or not in_speaker_slot(document, sentence, segment):
        return
    words = [t.text for t in segment.tokens]
    if " ".join(words) in WELL_KNOWN_ORGANIZATIONS or _cause_group(words):
        segment.kind = "org"
        segment.strong = True
        return
    if not name_shaped(words) and not given_and_surname(words):
        return
    if len(words) == 1:
        described = _appositive(document, sentence, segment)
        if described == "org":
            return
        segment.speaker_slot = True
        segment.kind = "alias"
    else:
        segment.speaker_slot = True
        segment.kind = "person"
        segment.strong = segment.strong or _appositive(document, sentence, segment) == "person"


def _presented(sentence: Sentence, segment: Segment) -> bool:
    """Whether a name stands after a lowercase job or a country's possessive, as news copy presents a person
    ("left-arm spinner Shadab Mulla", "India's Harika Krishnamurthy"; not "Kazakhstan's Air Astana")."""
    first = segment.tokens[0].index
    if first == 0:
        return False
    previous = sentence.tokens[first - 1]
    if previous.possessive:
        common = common_words()
        return previous.text in COUNTRIES and not any(t.text.lower() in common for t in segment.tokens)
    word = previous.text
    if word in ("after", "as", "when", "while", "before", "because", "but") and _acts(sentence, segment):
        return True  # "… after Vasek Pospisil edged Reilly Opelka": a clause's subject
    job = word in ROLE_NOUNS or len(word) > 5 and is_role_noun(word)
    return job and word.islower() and word not in ORG_CLASS_NOUNS and word not in BUSINESS_RELATIONS


def _acts(sentence: Sentence, segment: Segment) -> bool:
    """Whether a name of two or three uncommon words is followed by a verb in the past ("edged", "beat"): what a
    person does, where a place or thing is rarely the subject."""
    after = segment.tokens[-1].index + 1
    if not 2 <= len(segment.tokens) <= 3 or after >= len(sentence.tokens):
        return False
    common = common_words()
    if any(t.text.lower() in common or t.text in PLACE_WORDS for t in segment.tokens):
        return False
    verb = sentence.tokens[after].text
    return verb.islower() and (verb.endswith("ed") or verb in SPEECH_VERBS)


def _appositive(document: Document, sentence: Sentence, segment: Segment, by_role: bool = False) -> str:
    """What the phrase after the name's comma describes: "person" (", a union official", ", a fisherman"),
    "org" (", the medical charity") or "" when no such phrase follows; `by_role`, "person" only for an age or a
    job ("Zhao Jun, 45,", "Zhao Jun, a professor at …"), not for any phrase naming no organization."""
    words = sentence.tokens
    index = segment.tokens[-1].index + 1
    masked = document.masked
    if index + 1 >= len(words) or masked[segment.end:words[index].start].strip() != ",":
        return ""
    if words[index].text.isdigit() and masked[words[index].end:words[index + 1].start].strip() in (
            (",",) if by_role else (",", "")):
        return "person"
    if words[index].text in ("who", "whose"):
        return "" if by_role else "person"
    if words[index].text not in ("a", "an", "the"):
        first = segment.tokens[0].text
        named = first in GIVEN_NAMES or first in CHINESE_FAMILY_NAMES or first in VIETNAMESE_FAMILY_NAMES or \
            any(t.text.lower() in NAME_PARTICLES for t in segment.tokens[1:-1])
        return "person" if named and _bare_office(words, index) else ""  # not "Aston Martin, leader of the market,"
    kind = "" if by_role else "person"
    for position in range(index + 1, min(len(words), index + APPOSITIVE_WORDS)):
        token = words[position]
        if by_role and token.text in PHRASE_ENDS:
            break
        if is_role_noun(token.text):
            return "person"
        if token.text.endswith("-based"):
            continue  # "a Mombasa-based organisation"
        if not token.text.islower():
            return ""
        if token.text in ORG_CLASS_NOUNS and ends_noun_phrase(document, words, position):
            kind = "org"
        if document.masked[token.end:token.end + 1] == "," or token.text in ROLE_BREAKS:
            break
    return kind


BARE_OFFICE_WORDS = 3
"""Lowercase words of an office set off after a name without an article, at most ("deputy chief executive")."""


def _bare_office(words: list[Token], index: int) -> bool:
    """Whether the words from `index` are an office held "of", "at" or "for" a body, set off without an article
    (", leader of the National Rally,", ", chief executive of Acme,"): a person's job, unlike a company's
    ("maker of the iPhone", "member of the BMW group")."""
    office = False
    for position in range(index, min(len(words) - 1, index + BARE_OFFICE_WORDS)):
        word = words[position].text
        if not word.islower() or word in ORG_CLASS_NOUNS:
            return False
        office = office or word in PERSONAL_OFFICES
        if office and words[position + 1].text in ("of", "at", "for"):
            return True
    return False


PERSONAL_OFFICES = frozenset("""
    leader president chairman chairwoman chairperson director head secretary minister governor mayor spokesman
    spokeswoman spokesperson editor commissioner ambassador executive officer founder co-founder economist
    professor coach
""".split())
"""Offices only a person holds, which a name set off before them without an article names a person (", leader of
the X,"), unlike what a company may also be (", member of the Y group,", ", counsel for the buyer,")."""


PHRASE_ENDS = frozenset("in of for at on from run owned based founded backed led".split())
"""Words after a noun that end the phrase it heads ("a charity run by …", "a bank in …")."""


def ends_noun_phrase(document: Document, tokens: list[Token], position: int) -> bool:
    """Whether the word at `position` heads its phrase rather than modifying the next noun: "a bank" and "a bank
    in Ohio" name a bank, "a retired bank clerk" and "a union official" do not."""
    if position + 1 >= len(tokens):
        return True
    following = tokens[position + 1]
    between = document.masked[tokens[position].end:following.start]
    return between.strip() != "" or not following.text.islower() or following.text in ROLE_BREAKS \
        or following.text in PHRASE_ENDS


def _after_speech_verb(sentence: Sentence, segment: Segment) -> bool:
    """Whether the name comes right after the speech verb ("…,” said X"), not before it."""
    first = segment.tokens[0].index
    return first >= 1 and sentence.tokens[first - 1].text in SPEECH_VERBS


def name_shaped(words: list[str]) -> bool:
    """Whether words are written as a person's name in any script: capitalized or caseless words and particles."""
    if not 1 <= len(words) <= MAX_SLOT_NAME or words[0] in NAME_PARTICLES or words[-1] in NAME_PARTICLES:
        return False
    inner = [w for w in words[1:] if len(w) > 2 or w not in SENTENCE_STARTERS or w in CONNECTORS_TITLED]
    if not _name_words(words[:1] + inner) or any(is_acronym(w) for w in words):
        return False
    name = " ".join(words)
    if name in NEWS_ORGANIZATIONS or name in INSTITUTION_NAMES or name in PLACE_WORDS or \
            name in WELL_KNOWN_ORGANIZATIONS:
        return False
    return words[0] in GIVEN_NAMES or not is_place(words)


def in_speaker_slot(document: Document, sentence: Sentence, segment: Segment) -> bool:
    """Whether the segment stands where a quote's speaker is named: "…,” said X", "…,” X said", "X said: “…”"."""
    words = sentence.tokens
    first = segment.tokens[0].index
    after = segment.tokens[-1].index + 1
    masked = document.masked
    if first >= 1 and words[first - 1].text in SPEECH_VERBS:
        return _follows_quote(document, sentence, first - 1)
    if first >= 2 and words[first - 2].text == "according" and words[first - 1].text == "to":
        return _follows_quote(document, sentence, first - 2)
    verb = _verb_after(document, words, after)
    if verb < 0:
        return False
    if _follows_quote(document, sentence, first):
        return True
    if first > 0 and not all(t.text in SENTENCE_STARTERS and not t.capital for t in words[:first]):
        return False
    rest = masked[words[verb].end:sentence.end]
    return any(opening in rest for opening in (": “", ', “', ': "', ', "'))


def _verb_after(document: Document, words: list[Token], index: int) -> int:
    """The index of a speech verb right after a name, or after its appositive between commas; -1 when none."""
    if index >= len(words):
        return -1
    masked = document.masked
    if words[index].text in SPEECH_VERBS and not masked[words[index - 1].end:words[index].start].strip():
        return index
    if masked[words[index - 1].end:words[index].start].strip() != ",":
        return -1
    for position in range(index + 1, min(len(words), index + APPOSITIVE_WORDS)):
        between = gap(masked, words[position - 1], words[position])
        if between == ",":
            return position if words[position].text in SPEECH_VERBS else -1
        if between:
            return -1
    return -1


def _follows_quote(document: Document, sentence: Sentence, index: int) -> bool:
    """Whether only a closing quote mark (and a comma or dash) stands before the token at index."""
    words = sentence.tokens
    start = words[index - 1].end if index > 0 else sentence.start
    before = document.masked[start:words[index].start].rstrip().rstrip(",—–-").rstrip()
    return before[-1:] in CLOSING_QUOTE_MARKS and (len(before) >= 2 and before[-2] in ",.?!\x00—–-")


def _defined_acronym(document: Document, sentence: Sentence, run: list[Token]) -> bool:
    """Whether "(ACRONYM)" right after the run spells its initials ("Food and Drug Administration (FDA)"), or,
    for capitalized words alone, an acronym of three letters or more after a body's name ("Transport
    Infrastructure Ireland (TII)", not "Gross Domestic Product (GDP)")."""
    if len(run) < 2:
        return False
    acronym = _acronym_after_run(document, sentence, run)
    if not acronym or acronym != _initials(run):
        return False
    if any(t.text in ("and", "of", "for", "&") for t in run):
        return len(run) >= 3
    return len(acronym) >= 3 and _body_before_acronym([t.text for t in run])


def _party_joined_by_and(document: Document, run: list[Token]) -> bool:
    """Whether a name with "and" inside is one party's, the article writing it before "party" ("the opposition
    Order and Progress party") where it opens its phrase, not two names ("Smith and Jones") nor a festive party's
    ("the office Christmas and New Year party")."""
    inside = [t.text for t in run[1:-1]]
    if "and" not in inside or any(w in CONNECTORS and w != "and" for w in inside) or run[0].text in GIVEN_NAMES:
        return False
    if document.party_names is None:
        document.party_names = _party_names(document.masked)
    return document.masked[run[0].start:run[-1].end] in document.party_names


PARTY_REACH = 80
"""How far before " party" a party's name may start."""
PARTY_OPENERS = frozenset("the a an his her their its our my your".split())
PARTY_MODIFIERS = frozenset(
    "opposition ruling governing rival junior senior main small smaller minor new tiny fringe coalition centrist "
    "conservative liberal radical moderate progressive green far right left hard".split()
)
"""Words that stand between "the" and a party's name ("the opposition Order and Progress party")."""
NOT_PARTY_WORDS = frozenset("Christmas Easter Halloween Thanksgiving Year Years Eid Diwali Hanukkah".split())
"""Words of a festive party's name, never a political one's ("Christmas and New Year party")."""
NAME_START = re.compile(r"(?<![\w'’])[^\W\d_]")
LAST_WORD = re.compile(r"([\w'’-]+)\W*$")


def _party_names(masked: str) -> frozenset[str]:
    """Every name written right before " party" that opens its phrase: after "the" or a possessive, a party's
    word ("the opposition", "far-right"), or punctuation ("the opposition Order and Progress party"), not after a
    lowercase noun ("the office Christmas and New Year party"), found in one pass over the text."""
    found: set[str] = set()
    for party in re.finditer(" party", masked):
        end = party.start()
        reach = max(0, end - PARTY_REACH)
        for start in NAME_START.finditer(masked, reach, end):
            name = masked[start.start():end]
            if start.start() == reach and reach > 0 or any(word in NOT_PARTY_WORDS for word in name.split()):
                continue
            if _opens_phrase(masked[max(0, start.start() - 40):start.start()]):
                found.add(name)
    return frozenset(found)


def _opens_phrase(before: str) -> bool:
    """Whether a name after these characters opens its phrase: at a sentence's start or after punctuation, "the",
    a possessive, a capitalized word or a word a party's name follows, not after a lowercase noun."""
    last = LAST_WORD.search(before)
    if last is None or before.rstrip()[-1:] and not before.rstrip()[-1].isalnum():
        return True
    word = last.group(1)
    return word.lower() in PARTY_OPENERS or word.endswith(("'s", "’s", "s'", "s’", "ist")) or word[0].isupper() \
        or word in PARTY_MODIFIERS or "-" in word


def _initials(run: list[Token]) -> str:
    """The capital initials of a name's words, its connectors and particles left out ("CGT", "FDA")."""
    kept = [t.text for t in run if t.text[0].isalpha() and t.text not in FOREIGN_PARTICLES and t.text not in CONNECTORS]
    return "".join(word[0].upper() for word in kept)


def _body_before_acronym(words: list[str]) -> bool:
    """Whether capitalized words before an acronym name a body rather than a term ("Gross Domestic Product"): no
    given name first, no place alone, no last word naming a condition, a measure or an area ("Post Traumatic Stress
    Disorder", "Greater Toronto Area"), and a body's word or a place's among them."""
    if words[0] in GIVEN_NAMES or is_place(words) or words[-1] in TERM_ENDS:
        return False
    return any(word in ORG_HEADS or word in PLACE_WORDS for word in words) or is_place(words[-2:])


TERM_ENDS = frozenset(
    "Disorder Disorders Syndrome Disease Diseases Infection Virus Condition Deficiency Injury Cancer Fever Area Areas "
    "Region Zone Zones Corridor Index Rate Rates Ratio Product Price Prices Time Level Score "
    "Value Standard Test Scale".split()
)
"""Last words of a term's name rather than a body's: a condition, a measure or an area ("Greater Toronto Area")."""


def _acronym_after_run(document: Document, sentence: Sentence, run: list[Token]) -> str:
    """The acronym in brackets right after the run, without its periods, or ""."""
    source = document.text if sentence.quoted else document.masked
    match = ACRONYM_AFTER.match(source, run[-1].end, run[-1].end + 14)
    return match.group(1).replace(".", "") if match else ""


FOREIGN_PARTICLES = frozenset("de du des del della di da do dos das la le les el y e et und für van von der".split())
"""Short words inside a name in another language that its acronym skips ("Confédération générale du travail")."""
MAX_FOREIGN_WORDS = 5
FOREIGN_REACH = 60


def _run_to_acronym(document: Document, sentence: Sentence, run: list[Token]) -> list[Token]:
    """The run carried on over the lowercase words of a name in another language when the acronym in brackets
    after them spells the initials of all ("Confédération générale du travail (CGT)"); else the run unchanged."""
    source = document.text if sentence.quoted else document.masked
    if "(" not in source[run[-1].end:run[-1].end + FOREIGN_REACH]:
        return run
    tokens = sentence.tokens
    after = run[-1].index + 1
    more: list[Token] = []
    for token in tokens[after:after + MAX_FOREIGN_WORDS]:
        if not token.text.isalpha() or not token.text.islower() or source[token.start - 1] != " ":
            break
        more.append(token)
        if more[-1].text in FOREIGN_PARTICLES:
            continue
        extended = run + more
        acronym = _acronym_after_run(document, sentence, extended)
        if acronym:
            return extended if acronym == _initials(extended) and len(acronym) >= 3 else run
    return run


def _classify_defined(run: list[Token], first_index: int) -> Segment:
    """A run whose acronym follows it names one organization."""
    return Segment(run, "org", run[0].sentence, first_index, strong=True)


def _drop_openers(document: Document, sentence: Sentence, run: list[Token]) -> list[Token]:
    """Drop words that open a run of `sentence` without belonging to the name: a sentence's first word, a month, a
    playing position ("G Marcus Doyle")."""
    while run and run[0].sentence_start and (
        run[0].text in SENTENCE_STARTERS or run[0].text.lower() in document.lowercase_words
        or is_plural_role(run[0].text)
    ) and not (len(run) == 1 and run[0].possessive and run[0].text not in SENTENCE_STARTERS) \
            and not _title_opener(run) and not club_short_name(document, run) \
            and not _bank_named_first([t.text for t in run]) and not (len(run) > 2 and run[1].text in WITHOUT_WORDS):
        run = run[1:]
        run = _trim(run)
    while run and run[0].text in MONTHS_AND_DAYS and not month_naming_person(sentence, run, 0):
        run = _trim(run[1:])
    if len(run) >= 3 and (run[0].text in POSITION_LETTERS and _player(run) or
                          run[0].sentence_start and _adverb_opener(run)):
        run = run[1:]
    return run


def club_short_name(document: Document, run: list[Token]) -> bool:
    """Whether a run is one club's word opening a sentence before a sport's job and a name ("Rovers captain X",
    "United captain Y"): a club's short name, though shaped like a plural job or a common word."""
    return len(run) == 1 and _club_before_job(document, run[0])


def _club_before_job(document: Document, token: Token) -> bool:
    """Whether one word opening a sentence before a sport's job and a name ("Rovers captain X") is a club's short
    name: the article writes it capitalized inside its sentences too, and never in lowercase (a "City manager" of
    an article about a city council is a city's officer); no office or common noun ("Marketing manager X",
    "Police captain Y"); a country's captain leads a national side, no club."""
    if not 0 <= token.sentence < len(document.sentences):
        return False  # a word inside a quote, read apart from the article's sentences
    tokens = document.sentences[token.sentence].tokens
    following = token.index + 1
    if not token.sentence_start or token.possessive or following >= len(tokens) \
            or tokens[following].text not in SPORT_ROLES:
        return False
    word, lower = token.text, token.text.lower()
    if lower in document.lowercase_words or word in GIVEN_NAMES or is_role_noun(lower) or word in COUNTRIES \
            or _office_or_common(word):
        return False
    return written_inside(document, token) and job_and_name_after(tokens, following)


def _office_or_common(word: str) -> bool:
    """Whether a capitalized word names an office or a department ("Marketing", "Station") or is a common word of
    English, not a club's short name, unless clubs are named by it ("United")."""
    return word in OFFICE_WORDS or word.lower() in common_words() and word not in CLUB_WORDS


def written_inside(document: Document, token: Token) -> bool:
    """Whether the article writes this token's word alone, capitalized, inside a sentence elsewhere."""
    for sentence in document.sentences:
        if token.text not in sentence.words:
            continue
        capitals = sentence.capitals
        for index, other in enumerate(sentence.tokens):
            alone = not (index and capitals[index - 1]) and not (index + 1 < len(capitals) and capitals[index + 1])
            if other.text == token.text and not other.sentence_start and other is not token and alone:
                return True
    return False


def job_and_name_after(tokens: list[Token], index: int) -> bool:
    """Whether up to three lowercase jobs and a person's name of two capitalized words stand from `index` on."""
    jobs = 0
    while index < len(tokens) and jobs < 3 and tokens[index].text.islower() and is_role_noun(tokens[index].text):
        index += 1
        jobs += 1
    if not jobs or index + 1 >= len(tokens):
        return False
    name = tokens[index:index + 2]
    return all(token.capital and token.text[:1].isupper() and token.text not in ORG_HEADS for token in name) \
        and name[0].text not in TITLE_WORDS


def month_naming_person(sentence: Sentence, run: list[Token], position: int) -> bool:
    """Whether the month at this position of a run is part of a person's name: after a word of the name
    ("Theresa May", "Mrs May"), or before one, or alone before a speech verb ("May said"), where no word before
    the run makes it a date ("said June Carter", not "in August Biden signed")."""
    if run[position].text not in MONTHS_NAMING_PEOPLE:
        return False
    if position > 0 and (_name_word_by_month(run[position - 1].text) or run[position - 1].text in HONORIFICS):
        return True
    if position > 0 and run[position - 1].text in TITLE_WORDS and position + 1 < len(run) \
            and _name_word_by_month(run[position + 1].text):
        return True  # "Prime Minister Jan Olbracht"
    if position == 1 and len(run) == 2 and not run[0].possessive and _beside_speech(sentence, run):
        return given_and_surname([run[0].text, run[1].text])  # "said Virginia May"
    if position > 0:
        return False
    before, after = run[0].index - 1, run[-1].index + 1
    if before >= 0 and sentence.tokens[before].text.lower() in BEFORE_DATES:
        return False
    if len(run) == 1:
        return after < len(sentence.tokens) and sentence.tokens[after].text in SPEECH_VERBS
    return _name_word_by_month(run[1].text)


def _name_word_by_month(word: str) -> bool:
    """Whether a word beside a month could be another word of a person's name."""
    return word[:1].isupper() and word.isalpha() and len(word) > 1 and not is_acronym(word) \
        and word not in NON_NAME_WORDS and word not in MONTHS_AND_DAYS and word not in ORG_HEADS \
        and word not in TITLE_WORDS and word not in PLACE_WORDS and word not in HONORIFICS


def _adverb_opener(run: list[Token]) -> bool:
    """Whether a sentence opens with an adverb before a name ("Thankfully Rosa Diaz", "Besides Jane Porter"), not
    with a name's first word that is no given name ("Abdelrahman Mohamed Osman")."""
    if len(run) < 3 or not run[0].sentence_start or run[0].possessive or not run[1].capital:
        return False
    word = run[0].text
    if len(word) <= 2 or is_acronym(word) or word in GIVEN_NAMES or word in TITLE_WORDS or word in HONORIFICS \
            or is_role_noun(word.lower()):
        return False
    if word.endswith("ly") and len(word) > 4:
        return True
    return run[1].text in GIVEN_NAMES and (word in OPENING_ADVERBS or word.lower() in common_words())


def common_words() -> frozenset[str]:
    """Words the training texts write in lowercase (the shipped model's vocabulary): a capitalized one of them
    opening a sentence before a given name is no part of the name ("Children Jérôme Richard")."""
    from store.extraction.entity_types import shipped_model

    model = shipped_model()
    return model.vocabulary if model is not None else frozenset()


OPENING_ADVERBS = frozenset(
    "Besides Meanwhile Today Yesterday Tomorrow However Also Still Instead Then Now Here There Afterwards Later "
    "Earlier Separately Similarly Finally Indeed Moreover Furthermore Nevertheless Nonetheless Overall Ultimately "
    "Recently Previously Last Next Once Twice Again Even Yet Soon Thus Hence Otherwise Elsewhere Nearby".split()
)
"""Words that open a sentence before a name without belonging to it ("Meanwhile Rosa Diaz said")."""


def _player(run: list[Token]) -> bool:
    """Whether a run opens with a playing position before a name ("G Marcus Doyle", "QB Ty Reed")."""
    return len(run) >= 3 and run[0].text in POSITION_LETTERS and not run[0].possessive and \
        all(t.capital and len(t.text) > 1 and not is_acronym(t.text) and t.text not in CONNECTORS
            for t in run[1:3])


def _title_opener(run: list[Token]) -> bool:
    """Whether a sentence opens with a job before a name of two or more words ("Economist Kim Soo-jin said",
    "Defense Minister Sofia Nytis met")."""
    word = run[0].text
    if len(run) >= 4 and run[1].text in ("of", "for") and word in TITLE_HEADS:
        return run[-1].capital and run[-2].capital and not run[0].possessive
    if len(run) >= 4 and run[1].text in TITLE_HEADS and run[2].capital and run[3].capital and not run[0].possessive:
        return True  # "Defense Minister Sofia Nytis met …": the portfolio opens the title, though "defense" is a word
    return len(run) >= 3 and word not in SENTENCE_STARTERS and is_role_noun(word.lower()) and run[1].capital \
        and not run[0].possessive


def _beside_speech(sentence: Sentence, piece: list[Token]) -> bool:
    """Whether a speech verb stands right before or right after these words ("said Paris Hilton", "Paris Hilton
    said"): the speaker's place, where a name is a person's."""
    tokens = sentence.tokens
    before, after = piece[0].index - 1, piece[-1].index + 1
    return (before >= 0 and tokens[before].text in SPEECH_VERBS) or (
        after < len(tokens) and tokens[after].text in SPEECH_VERBS
    )


def _classify(
    piece: list[Token], sentence: int, first_index: int, relation: str, speaking: bool = False
) -> Segment:
    """Decide what a segment most likely names from its own words."""
    words = [t.text for t in piece]
    segment = Segment(piece, "other", sentence, first_index, relation=relation)
    if len(words) > 1 and (words[0] in SHIP_PREFIXES or any(w in CRAFT_WORDS for w in words)) and \
            not any(w in ORG_HEADS for w in words):
        segment.kind = "thing"
        return segment
    if len(words) > 1 and words[0] in STORM_WORDS:
        segment.kind = "thing"  # "Typhoon Kalayaan", "Hurricane Maria"
        return segment
    if len(words) > 2 and words[-1] in LAW_WORDS and ORG_HEADS.isdisjoint(words[:-1]):
        segment.kind = "thing"  # "the General Data Protection Regulation", "the Harlan Voss Aquifer Protection Act"
        return segment
    if _club_of_city(words):
        segment.kind = "org"  # "Racing de Santander", "Real Madrid"
        segment.strong = True
        return segment
    if _bank_named_first(words):
        segment.kind = "org"  # "Bank Indonesia", "Banco Santander", "Bank Negara Malaysia"
        segment.strong = True
        return segment
    if len(words) > 1 and _national_branch(words):
        segment.kind = "org"  # "Philippine Red Cross", "Kenya Red Cross"
        segment.strong = True
        return segment
    if len(words) == 1 and WEB_ADDRESS.fullmatch(words[0]):
        segment.kind = "org"
        segment.strong = True
        return segment
    title_end = _title_before_of(words)
    if title_end:
        rest = piece[title_end + 1:]
        if rest and rest[0].text == "the":
            rest = rest[1:]
        org = _organization_part([t.text for t in rest])
        if org is not None:
            segment.tokens = rest[org[0]:org[1]]
            segment.first_index = first_index + (len(piece) - len(rest)) + org[0]
            segment.kind = "org"
            segment.strong = True
            segment.role = piece[:len(piece) - len(rest)]
            return segment
    if len(words) > 2 and words[0] in GROUP_HEADS and words[1] in ("for", "of") and piece[-1].capital:
        segment.kind = "org"  # "Americans for Prosperity", "Friends of the Earth"
        segment.strong = True
        return segment
    if len(words) > 2 and words[-2] in WITHOUT_WORDS and words[0].endswith("s"):
        segment.kind = "org"  # "Doctors Without Borders", "Reporters Sans Frontières"
        segment.strong = True
        return segment
    if len(words) > 1 and words[0] in CLUB_ABBREVIATIONS and words[1][:1].isupper():
        segment.kind = "org"  # "SC Veldhoven", "VfB Stuttgart", "SV Werder Bremen": a club before its town
        segment.strong = True
        return segment
    if len(words) > 1 and words[0] in CUP_WORDS:
        segment.kind = "thing"  # "Copa del Rey", "Coupe de France": a competition
        return segment
    if len(words) > 1 and (" ".join(words) in PLACE_WORDS or _city_named_city(words)):
        segment.kind = "place"
        return segment
    title_at = max((i for i, w in enumerate(words) if (
        w in TITLE_WORDS or w in HONORIFICS or _title_second(words, i) or (
        i < len(words) - 2 and w[0].isupper() and w not in PLACE_WORDS and w.split("-")[0] not in GIVEN_NAMES
        and not (i > 0 and words[i - 1] in GIVEN_NAMES) and _title_shaped(w, words[i + 1], piece[i].sentence_start)
        and not (w in JOBS_ALSO_GIVEN and words[i + 1] in PARTICLES_AFTER_GIVEN)))
        and not _surname_like_title(words, i)), default=-1)
    org = _organization_part(words)
    if org is not None and not _portfolio(words, org, title_at):
        start, end = org
        if end == len(words) - 1 and words[end - 1] in CAMPUS_HEADS and words[end] in CITIES:
            end += 1  # "Trinity College Dublin", "University College Cork": the city is its name's
            org = (start, end)
        if end == len(words) or title_at < end:
            segment.tokens = piece[start:end]
            segment.first_index = first_index + start
            segment.kind = "org"
            segment.strong = True
            return segment
    if title_at >= 0:
        titled = _person_with_title(segment, piece, title_at, first_index)
        if titled.kind != "title" or words[title_at] in TITLE_WORDS or words[title_at] in HONORIFICS:
            return titled
        segment.kind = "other"  # a word only shaped like a job before words naming no one: "Brightwater Advisors"
    if is_place(words) and len(words) > 1 and (words[0] not in GIVEN_NAMES or words[-1] in PLACE_ONLY_HEADS):
        segment.kind = "place"
        return segment
    return _person_or_other(segment, piece, first_index, speaking)


WITHOUT_WORDS = frozenset("Without Sans".split())
"""The word before the last of a body named for its people's cause ("Doctors Without Borders")."""
CLUB_ABBREVIATIONS = frozenset("SC SV AC AFC CF FK NK SK VfB VfL TSV KV CD UD SSC BSC RKC PSV".split())
"""Letters that open a sports club's name before its town or its name ("SC Veldhoven", "VfB Stuttgart")."""
CUP_WORDS = frozenset("Copa Coppa Coupe Taça Taca Pokal".split())
"""Words that open a competition's name ("Copa del Rey", "Coppa Italia")."""
CAMPUS_HEADS = frozenset("College University".split())
"""Words a university's name may end in before its city ("Trinity College Dublin")."""


def _club_of_city(words: list[str]) -> bool:
    """Whether words are a sports club's name of a club word and its city: "Racing de Santander", "Sporting de
    Gijón", or a city known as one ("Real Madrid"), not "Sporting Director" or "Real ID"."""
    if len(words) < 2 or words[0] not in CLUB_PREFIXES:
        return False
    if words[1] in NAME_PARTICLES_OF_PLACE:
        return len(words) > 2 and words[2][:1].isupper()
    return len(words) == 2 and words[1] in CITIES


LAW_WORDS = frozenset(
    "Act Law Bill Regulation Directive Ordinance Amendment Treaty Convention Charter Protocol".split()
)
"""Last words of a law's or a treaty's name, which may open with a title or a person's name ("General Data
Protection Regulation", "the Harlan Voss Aquifer Protection Act"): a thing, no one's name."""
POSSESSIVE_FIRM_WORDS = frozenset(["Analytics"])
"""Words after a founder's possessive that go on a firm's name ("Moody's Analytics"), though alone they name no
body."""
BANK_WORDS = frozenset("Bank Banco Banca Banque Bankhaus Banka Bankia".split())
"""Words a bank's name may open with before its own name ("Bank Indonesia", "Banco Sabadell")."""
NOT_BANK_NAMES = frozenset("""
    Holiday Holidays Street Station Junction Account Accounts Card Cards Manager Robbery Rate Rates Balance Loan Loans
    Statement Transfer Transfers Run Notes Note Vault Branch Branches
""".split())
"""Words after "Bank" that make no bank's name ("Bank Holiday", "Bank Street", "Bank Rate")."""


def _bank_named_first(words: list[str]) -> bool:
    """Whether words are a bank's name opened by the word for a bank and its own capitalized name, as banks in many
    countries are named ("Bank Indonesia", "Banco Santander"), not a street, a station, a holiday, or a job before a
    person's name ("Bank Governor Andrew Bailey", "Bank Robber Tom Hale")."""
    return 2 <= len(words) <= 4 and words[0] in BANK_WORDS and all(w[:1].isupper() for w in words[1:]) \
        and NOT_BANK_NAMES.isdisjoint(words) and PLACE_THING_HEADS.isdisjoint(words[1:]) \
        and not any(w in TITLE_WORDS or w in HONORIFICS or w.lower() in ROLE_NOUNS or w in GIVEN_NAMES
                    for w in words[1:])


def _city_named_city(words: list[str]) -> bool:
    """Whether words name a city whose name ends in "City" ("New York City", "Ho Chi Minh City", "Mexico City"),
    not a club of one town's name ("Manchester City"): a name of several words or a country's before it."""
    return words[-1] == "City" and (len(words) > 2 or words[0] in COUNTRIES) and "of" not in words


def _national_branch(words: list[str]) -> bool:
    """Whether words are a well-known organization of two words or more after a country or nationality: its
    branch there ("Philippine Red Cross")."""
    for start in range(1, len(words) - 1):
        if " ".join(words[start:]) in WELL_KNOWN_ORGANIZATIONS:
            before = " ".join(words[:start])
            return before in NATIONALITIES or before in COUNTRIES
    return False


def _title_before_of(words: list[str]) -> int:
    """Where "of" follows a title that opens the words ("Minister of …", "Chief Executive Officer of …"), else 0."""
    if len(words) < 3 or (words[0] not in TITLE_HEADS and words[0] not in TITLE_WORDS):
        return 0
    end = words.index("of") if "of" in words else 0
    if not 0 < end < len(words) - 1 or words[end - 1] not in TITLE_HEADS:
        return 0
    titled = all(w[0].isupper() and (w in TITLE_WORDS or w in TITLE_HEADS or w not in ORG_HEADS) for w in words[:end])
    return end if titled else 0


def _title_shaped(word: str, following: str, opens_sentence: bool) -> bool:
    """Whether a capitalized word before a name (`following` its next word) reads as a job: a listed one, a long
    agent noun ("Curator", "Investigator"), or a short one before a given name or opening a sentence ("Opener
    Karthik …"); a short one in -or or -er capitalized inside a sentence, before words that are no given name, is
    as often a given name itself ("coach Vítor Baía Carvalho")."""
    lower = word.lower()
    return lower in ROLE_NOUNS or (len(word) > 6 or following in GIVEN_NAMES or opens_sentence) and is_role_noun(lower)


UNION_BRANCHES = frozenset("Local Lodge".split())
"""Last words of a union's branch, numbered after them ("Amalgamated Transit Workers Local 417", "Machinists Lodge
751"): part of the body's name that a word of a body's kind opened."""


def _organization_part(words: list[str]) -> tuple[int, int] | None:
    """The (start, end) of an organization name inside words, if an organization word heads it."""
    for index, word in enumerate(words):
        follows_of = index + 1 < len(words) and words[index + 1] in ("of", "for", "on")
        if word not in ORG_HEADS and not (word in HEADS_BEFORE_OF and follows_of and index + 2 < len(words)):
            continue
        if word == "Forum" and index > 0 and words[index - 1] in NATIONALITIES:
            continue  # "the Roman Forum": a place
        if index == 0 and not follows_of and len(words) > 1:
            continue
        if index == 0 and len(words) == 1:
            return None
        end = index + 1
        if follows_of:
            end = len(words)
        while end < len(words) and (words[end] in ORG_HEADS or words[end] in ORG_TAILS):
            end += 1
        for later in range(len(words) - 1, end, -1):
            head = words[later] in ORG_HEADS or later == len(words) - 1 and words[later] in UNION_BRANCHES
            if head and all(w not in TITLE_WORDS and w not in HONORIFICS and w[0].isupper()
                            for w in words[end:later]):
                end = later + 1
                break
        start = 0
        while start < index and words[start] in ("Former", "former"):
            start += 1
        return start, end
    return None


def _portfolio(words: list[str], org: tuple[int, int], title_at: int) -> bool:
    """Whether an organization word is really a minister's portfolio ("Financial Services Minister")."""
    head_end = org[1]
    return (title_at == head_end and words[head_end - 1] in PORTFOLIO_WORDS
            and words[head_end - 1] not in COMPANY_SUFFIXES)


def _person_with_title(segment: Segment, piece: list[Token], title_at: int, first_index: int) -> Segment:
    """A name after a title: "U.S. Secretary of Labor Ann Ruiz", "Lt. Col. Omar Pike"."""
    rest = piece[title_at + 1:]
    role_end = title_at + 1
    if rest and rest[0].text == "of":
        tail = [t for t in rest[1:] if t.text != "the"]
        keep = 2 if len(tail) >= 3 else (1 if len(tail) == 2 else 0)
        rest = tail[len(tail) - keep:] if keep else []
        role_end = len(piece) - len(rest)
        if rest and rest[0].text not in GIVEN_NAMES and any(t.text in NON_NAME_WORDS for t in tail):
            rest = []
    gender = ""
    for token in piece[:role_end]:
        gender = HONORIFICS.get(token.text, gender) or gender
    while len(rest) > 1 and (rest[0].text in NON_NAME_WORDS and rest[0].text not in MONTHS_NAMING_PEOPLE
                             and not given_and_surname([t.text for t in rest])
                             or _place_before_name([t.text for t in rest])):
        rest = rest[1:]
    surname_month = len(rest) == 1 and rest[0].text in MONTHS_NAMING_PEOPLE and piece[title_at].text in HONORIFICS
    named = [t.text for t in rest]
    if not rest or not (_name_words(named) or surname_month or given_and_surname(named)):
        segment.kind = "title"
        return segment
    segment.role = piece[:role_end]
    segment.first_index = first_index + (len(piece) - len(rest))
    segment.tokens = rest
    segment.gender = gender
    segment.strong = True
    segment.kind = "person" if len(rest) > 1 else "alias"
    return segment


def _place_before_name(words: list[str]) -> bool:
    """Whether the first of these words after a title is a place ahead of a name: a place that is no given name,
    before two more words, or a country ("Mayor Florence Okafor" and "President Sofia Marek" are named so, and
    "Mayor London Breed"; "President Ukraine Zelensky" is not)."""
    place = words[0]
    return place in PLACE_WORDS and place not in GIVEN_NAMES and (len(words) > 2 or place in COUNTRIES)


def _name_words(words: list[str]) -> bool:
    """Whether every word can stand in a person's name (a word such as "Green" only last, after a given name)."""
    surname_at = len(words) - 1 if len(words) > 1 and words[0] in GIVEN_NAMES else -1
    if surname_at < 0 and _plural_job(words[-1]):
        return False  # "Municipal Advisors", "Harbor Partners": a firm's name, unlike "Peter Sellers"
    for number, word in enumerate(words):
        if word in NAME_PARTICLES or word in MONTHS_NAMING_PEOPLE and len(words) > 1:
            continue
        if 0 < number < len(words) - 1 and len(word) == 1 and word.isupper():
            continue  # a middle initial, even one that is a word: "Lewis A. Kaplan", "Mary I. Olsen"
        if number == surname_at and word in SURNAMES_ALSO_WORDS or number == len(words) - 1 > 0 \
                and word in GENERATION_SUFFIXES or word in TITLE_WORDS and _surname_like_title(words, number):
            continue
        if number == 1 == len(words) - 1 and word == "He" and words[0] in CHINESE_FAMILY_NAMES:
            continue  # "Liu He": a given name, no pronoun after a family name
        if word in NON_NAME_WORDS or word in ORG_HEADS or word in TITLE_WORDS or word in HONORIFICS:
            return False
        if number == 0 and len(words) > 1 and INITIALS.fullmatch(word) and word not in PLACE_INITIALS:
            continue  # "S.K. Raghunathan"
        if DIGIT.search(word) or (is_acronym(word) and len(word) > 1):
            return False
        if not word[0].isupper() and not has_joined_prefix(word) and word[1:2] not in "’'" \
                and not is_caseless(word):
            return False
    return True


def _plural_job(word: str) -> bool:
    """Whether a capitalized word is the plural of a job the lexicon holds ("Advisors", "Partners", "Analysts"), not
    a surname shaped like one ("Kuipers")."""
    return len(word) > 4 and word.endswith("s") and word[:-1].lower() in ROLE_NOUNS and word != "Masters"


def _person_or_other(segment: Segment, piece: list[Token], first_index: int, speaking: bool = False) -> Segment:
    """A bare capitalized segment: a person when it reads like a name, a single word, or something else. A place
    opening it is dropped ("Brussels Nato allies"), but not from two words in the speaker's place ("said Paris
    Hilton", "Jordan Peterson said") or before a surname's ending ("Milan Petrović"): these name people."""
    if _team(piece):
        segment.kind = "org"
        segment.strong = True
        return segment
    named_speaker = speaking and len(piece) == 2 and (_name_words([piece[1].text]) or given_and_surname(
        [t.text for t in piece]))
    surnamed = len(piece) == 2 and piece[1].text.endswith(SURNAME_ENDINGS) and piece[1].text not in PLACE_WORDS
    while len(piece) > 1 and not named_speaker and not surnamed and (
            piece[0].text in PLACE_WORDS and piece[0].text not in GIVEN_NAMES
            or piece[0].text.startswith(STANCE_PREFIXES)):
        piece = piece[1:]
        first_index += 1
    segment.tokens = piece
    segment.first_index = first_index
    words = [t.text for t in piece]
    if len(piece) == 1:
        segment.kind = "single"
        return segment
    core = [w for w in words if w not in NAME_PARTICLES]
    second_given = len(words) >= 3 and words[1] in GIVEN_NAMES and words[0] not in PLACE_WORDS | SAINTS
    given = words[0].split("-")[0] in GIVEN_NAMES or words[0] in MONTHS_NAMING_PEOPLE or second_given
    longest = 6 if any(word in PATRONYMIC_PARTICLES for word in words) else 4  # "Badr bin Hamad bin Hamood …"
    if 2 <= len(core) <= longest and _name_words(words) and (given or not is_place(words)):
        segment.kind = "person"
        segment.strong = given or family_name_first(words) and (speaking or hyphenated_given(words))
    elif speaking and given_and_surname(words):
        segment.kind = "person"  # "said Christian Weber", "Frank Lake said": the speaker's place makes a name
    if segment.kind == "person" and not segment.strong and _known_organization_and_noun(words):
        segment.kind, segment.strong = "org", True
    return segment


def _known_organization_and_noun(words: list[str]) -> bool:
    """Whether two words are a well-known organization's name and a common noun, as its businesses and channels
    are named ("Nimbus Platforms", "Nimbus Sports"), not a given name and a surname."""
    first, last = words[0], words[-1]
    return len(words) == 2 and first in WELL_KNOWN_ORGANIZATIONS and first not in GIVEN_NAMES \
        and last.lower() in common_words()


def _body_before_job_acronym(segment: Segment) -> Segment | None:
    """The body named before a job written in capitals in a person's title ("Tesla CEO Elon Musk"): a name of its
    own, which the model reads, as it does one before a job in lowercase ("Tesla chief executive Elon Musk"); the
    title keeps only the job."""
    role = segment.role
    if segment.kind not in ("person", "alias") or len(role) < 2 or not role[-1].text.isupper() or \
            role[-1].text.lower() not in JOB_ACRONYMS:
        return None
    head = role[:-1]
    if any(t.text in TITLE_WORDS or t.text in HONORIFICS or t.text in SENTENCE_STARTERS or t.text in NATIONALITIES
           or t.text in COUNTRIES or not t.text[:1].isupper() or t.possessive for t in head):
        return None
    segment.role = role[-1:]
    return Segment(head, "org", head[0].sentence, head[0].index)


def _beside_a_job(document: Document, sentence: Sentence, piece: list[Token]) -> bool:
    """Whether a person's job stands in apposition right after these words or right before them ("Sydney Smith,
    the mayor,", "finance minister, Christian Lindner,"): a person's place, like the speaker's, where a given name
    that is also a place or a faith opens the name."""
    tokens = sentence.tokens
    before = piece[0].index - 1
    if before > 0 and document.masked[tokens[before].end:piece[0].start].strip() == "," and \
            tokens[before].text.islower() and is_role_noun(tokens[before].text):
        return True
    return _job_follows(document, tokens, piece[-1])


def _job_in_apposition(document: Document, sentence: Sentence, segment: Segment) -> bool:
    """Whether a person's job follows a name in apposition (", a student", ", the head teacher"), a job no
    organization's kind is ("a broadcaster", "a rival")."""
    return _job_follows(document, sentence.tokens, segment.tokens[-1])


def _job_follows(document: Document, tokens: list[Token], last: Token) -> bool:
    """Whether a job no organization's kind is follows the words ending with `last` in apposition (", a student")."""
    index = last.index + 1
    if index + 1 >= len(tokens) or document.masked[last.end:tokens[index].start].strip() != "," \
            or tokens[index].text not in ("a", "an", "the"):
        return False
    for token in tokens[index + 1:index + 4]:
        if not token.text.islower() or token.text in ORG_CLASS_NOUNS:
            return False
        if is_role_noun(token.text):
            return True
    return False


def given_and_surname(words: list[str]) -> bool:
    """Whether two words read as a given name and a surname though either is also a word, a place or a faith
    ("Christian Weber", "Frank Lake", "Virginia May"): a given name or a place before a surname, which may be a
    common noun only after a given name that is no word itself; where a speaker stands, no other reading is left."""
    if len(words) != 2 or " ".join(words) in PLACE_WORDS or not all(_bare_name_word(word) for word in words):
        return False
    first, last = words
    if first in GIVEN_NAMES and first not in NON_NAME_WORDS and first not in PLACE_WORDS:
        return last in MONTHS_NAMING_PEOPLE or last not in MONTHS_AND_DAYS and not (
            last in NON_NAME_WORDS and last.endswith("s"))  # "Frank Lake", not "Frank Islands"
    if first not in GIVEN_NAMES and first not in PLACE_WORDS:
        return False
    return last in MONTHS_NAMING_PEOPLE or last in SURNAMES_ALSO_WORDS or _name_words([last]) \
        and last not in PLACE_WORDS and not _group_noun(last)  # "Christian Weber", not "Christian Democrats"


def _cause_group(words: list[str]) -> bool:
    """Whether two words are a faith's or a place's word and a cause's ("Christian Aid", "Islamic Relief"): a
    group's name, even where a speaker stands."""
    first = words[0]
    return len(words) == 2 and words[1] in CAUSE_WORDS and (
        first in NON_NAME_WORDS or first in PLACE_WORDS and first not in GIVEN_NAMES)  # not "Virginia Justice"


def _group_noun(word: str) -> bool:
    """Whether a word after a faith or a place names what a group does or is ("Christian Aid", "Christian Voice",
    "Christian Brothers"): a common noun of English or a cause's word, no surname."""
    return word in CAUSE_WORDS or word.lower() in common_words()


def _bare_name_word(word: str) -> bool:
    """Whether a word could be a given name or surname: a capitalized word of letters that is no function word,
    title, organization's word or acronym."""
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    return len(word) > 1 and word[0].isupper() and letters.isalpha() and not is_acronym(word) \
        and word not in SENTENCE_STARTERS and word not in ORG_HEADS and word not in TITLE_WORDS \
        and word not in HONORIFICS


def _introduced(document: Document, sentence: Sentence, segment: Segment) -> bool:
    """Whether a name stands where news copy introduces a person: after an owner's or a job's word, before a
    speech verb, or before a comma or "of"."""
    words = sentence.tokens
    first, after = segment.tokens[0].index, segment.tokens[-1].index + 1
    if first > 0 and (words[first - 1].possessive or is_role_noun(words[first - 1].text.lower())):
        return True
    if after >= len(words):
        return False
    between = gap(document.masked, words[after - 1], words[after])
    return between == "," or not between and words[after].text in SPEECH_VERBS | {"of"}


WORD_FAMILY_NAMES = frozenset("Man Son".split())
"""Cantonese and Korean family names that are also English words ("Kitty Man", "Minho Son"): a person's after a
given name that is no common word (not "Iron Man")."""


def short_surname(document: Document, words: list[str]) -> bool:
    """Whether words read as a given name and a surname of two or three letters, as Cantonese surnames are
    written ("Ada Ng", "Raymond Ho"), not a common word ("Lumora Pay") unless a Chinese family name ("Alan Fan")."""
    return len(words) == 2 and words[1].lower() not in document.lowercase_words \
        and bool(SHORT_SURNAME.fullmatch(words[1])) and words[1] not in NON_NAME_WORDS \
        and (words[1].lower() not in common_words() or words[1] in CHINESE_FAMILY_NAMES or
             words[1] in WORD_FAMILY_NAMES and words[0].lower() not in common_words()) \
        and bool(FAMILY_NAME.fullmatch(words[0])) and len(words[0]) > 3 and words[0] not in NON_NAME_WORDS \
        and words[0] not in PLACE_WORDS and words[1] not in PLACE_WORDS


def hyphenated_given(words: list[str]) -> bool:
    """Whether the second of two words is a hyphenated given name, as Chinese and Korean ones are written
    ("Tai-man", "Ji-sung")."""
    return len(words) == 2 and bool(HYPHENATED_GIVEN.fullmatch(words[1]))


def family_name_first(words: list[str]) -> bool:
    """Whether words read as a family name before a hyphenated given name, as in Chinese and Korean names
    ("Chan Tai-man", "Park Ji-sung"), or a common Chinese family name before a given name of one or two pinyin
    syllables ("Zhang Weiming", "Wang Yi")."""
    if len(words) != 2 or words[0] in NON_NAME_WORDS or words[0] in PLACE_WORDS:
        return False
    if FAMILY_NAME.fullmatch(words[0]) and hyphenated_given(words):
        return True
    return words[0] in CHINESE_FAMILY_NAMES and bool(PINYIN_GIVEN.fullmatch(words[1])) \
        and words[1] not in NON_NAME_WORDS and words[1] not in PLACE_WORDS and " ".join(words) not in PLACE_WORDS


TITLE_SECONDS = {
    "Seri": frozenset({"Datuk", "Dato'", "Dato’", "Datin"}),
    "Sri": frozenset({"Tan", "Datuk", "Dato'", "Dato’"}),
}
"""Second words of Malaysian titles of two ("Datuk Seri", "Tan Sri"), titles only after their first."""


def _title_second(words: list[str], index: int) -> bool:
    """Whether the word at `index` ends a title of two words before a name ("Datuk Seri Anwar", "Tan Sri Lim"), or is
    a title only before a given name ("Hon Jane Smith", not "Hon Hai")."""
    if words[index] in TITLES_BEFORE_GIVEN:
        return index < len(words) - 2 and words[index + 1] in GIVEN_NAMES
    firsts = TITLE_SECONDS.get(words[index])
    return firsts is not None and 0 < index < len(words) - 1 and words[index - 1] in firsts


def _team(piece: list[Token]) -> bool:
    """Whether a place is followed by a plural nickname, as sports teams are named ("Dallas Mavericks")."""
    words = [t.text for t in piece]
    last = words[-1]
    if not last.endswith("s") or last.endswith("ss") or last in PLACE_THING_HEADS or last in NON_NAME_WORDS \
            or last in PLACE_WORDS or not last[0].isupper():
        return False
    for size in range(min(3, len(words) - 1), 0, -1):
        place = " ".join(words[:size])
        if (place in CITIES or place in REGIONS) and place not in NON_NAME_WORDS:
            return all(w[0].isupper() and w not in PLACE_WORDS for w in words[size:])
    return False
