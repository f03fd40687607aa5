"""Each person's role and organization, in the article's own words, from the words around their name."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from store.extraction.document import Document
from store.extraction.entities import SPEAKING_FOR, Entity, Found, Mention, appositive_kind, normalize
from store.extraction.given_names import GIVEN_NAMES
from store.extraction.lexicon import (
    CLUB_WORDS,
    DETERMINERS,
    HONORIFICS,
    MONTHS_AND_DAYS,
    ORG_ANAPHORS,
    ORG_CLASS_NOUNS,
    OWNER_ANAPHORS,
    RELATION_WORDS,
    ROLE_BREAKS,
    SHORT_FORMS,
    SPEECH_VERBS,
    SPORT_ROLES,
    STANDING_NOUNS,
    STYLES,
    TITLE_HEADS,
    TITLE_WORDS,
)
from store.extraction.names import JOB_ACRONYMS, Segment, common_words, is_role_noun
from store.extraction.places import COUNTRIES, PLACE_WORDS
from store.extraction.text import SEAT_SUFFIXES, Token, gap

PREPOSITIONS = frozenset({"of", "for", "at", "in", "to", "on"})
BUSINESS_ANAPHORS = frozenset({"company", "firm", "group", "carrier", "airline", "maker", "startup", "business"})
PERSONAL_OWNERS = frozenset({"his", "her", "my", "our", "your"})
OPENING_WORDS = frozenset({"the", "a", "an", "another", "one", "its", "their", "whose"}) | PERSONAL_OWNERS
MAX_ROLE_WORDS = 12
FORWARD_BREAKS = (ROLE_BREAKS - PREPOSITIONS - {"and"}) | SPEECH_VERBS


def assign_roles(document: Document, found: Found) -> None:
    """Set role and organization on every person from the first mention that gives either."""
    roled: set[int] = set()
    """People given a role (and maybe no organization) by an earlier mention; one with an organization is settled."""
    org_at = {m.start: m.entity for m in found.mentions if found.registry.entities[m.entity].kind == "org"}
    person_at = {m.start for m in found.mentions if found.registry.entities[m.entity].kind == "person"}
    person_ends = {m.end for m in found.mentions if found.registry.entities[m.entity].kind == "person"}
    for number, segment in enumerate(found.segments):
        index = found.segment_entity.get(number)
        if index is None or found.registry.entities[index].kind != "person" \
                or found.registry.entities[index].organization is not None:
            continue
        if segment.kind not in ("person", "alias", "single"):
            continue
        role, org = _role_of(document, found, segment, org_at, person_at, person_ends)
        following = found.segments[number + 1] if number + 1 < len(found.segments) else None
        if org is None and following is not None and following.relation in ("of", "for") and \
                following.sentence == segment.sentence:
            target = found.segment_entity.get(number + 1)
            if target is not None and found.registry.entities[target].kind == "org" and \
                    document.masked[segment.end:following.start].strip() in ("of", "of the", "for", "for the"):
                org = target
                if role is None:
                    role = _next_sentence_role(document, following)
        if role is None and org is None:
            continue
        person = found.registry.entities[index]
        if index not in roled:
            person.role = role
            roled.add(index)
        if org is not None:  # from the first mention, or a later one naming the employer the first left out
            person.organization = found.registry.entities[org].name


def _role_of(document: Document, found: Found, segment: Segment, org_at: dict[int, int],
             person_at: set[int], person_ends: set[int]) -> tuple[str | None, int | None]:
    """The role words around one mention of a person and the organization they name."""
    tokens = document.sentences[segment.sentence].tokens
    parts: list[str] = []
    org: int | None = None
    start_index = segment.first_index - len(segment.role)
    if segment.role:
        words = list(segment.role)
        lead_org, words = _leading_organization(found, words)
        while lead_org is None and words and (words[0].text in PLACE_WORDS) and len(words) > 1:
            words = words[1:]
        if lead_org is None:
            lead_org, words = _leading_organization(found, words)
        org = lead_org
        while len(words) > 1 and (words[-1].text in CLOSING_HONORIFICS or words[-1].text in STYLES):
            words = words[:-1]  # "Superintendent Dr. X", "Justice Datin X": no part of the office ("Pantomime Dame" is)
        if words and not _honorifics_only(words):
            parts.append(_text(document, words))
    before = _walk_back(document, tokens, start_index, person_ends)
    if before:
        role, owner = _phrase(document, found, before, org_at, segment.start)
        if role:
            parts.insert(0, role)
            org = org if org is not None else owner
    elif start_index > 0 and document.masked[tokens[start_index - 1].end:tokens[start_index].start].strip() == ",":
        origin = _origin(document, tokens, start_index - 1, org_at)
        phrase = _walk_back(document, tokens, origin, person_ends, allow_all=True) if origin else \
            _walk_back(document, tokens, start_index - 1, person_ends, allow_all=True) + [tokens[start_index - 1]]
        names_other = any(t.start in person_at for t in phrase) and not any(t.possessive for t in phrase)
        if _is_role_phrase(phrase) and not names_other:
            role, owner = _phrase(document, found, phrase, org_at, segment.start)
            if role:
                parts.insert(0, role)
                org = org if org is not None else owner
    end_index = segment.first_index + len(segment.tokens)
    if end_index < len(tokens) and document.masked[segment.end:tokens[end_index].start].strip() == ",":
        phrase = _walk_forward(document, tokens, end_index)
        if len(phrase) == 1 and phrase[0].text.isdigit() and end_index + 1 < len(tokens) and \
                document.masked[phrase[0].end:tokens[end_index + 1].start].strip() == ",":
            end_index += 1
            phrase = _walk_forward(document, tokens, end_index)
        ahead_at = end_index + len(phrase)
        stop = phrase[-1].end if phrase else 0
        ahead = tokens[ahead_at:ahead_at + 1]
        introduces_next = bool(ahead) and ahead[0].start in person_at and \
            document.masked[stop:ahead[0].start].strip() == ","
        if any(t.start in person_at for t in phrase) or introduces_next or (phrase and phrase[0].text == "and"):
            phrase = []
        if parts and _past_job(phrase):
            phrase = []
        if parts and _employer_phrase(phrase):
            if not _only_employer(phrase, org_at):
                parts.append(_text(document, phrase))
            org = org if org is not None else _organization_in(found, phrase, org_at)
            phrase = []
        if not phrase and tokens[end_index].text == "from":
            phrase = [tokens[end_index], *_walk_forward(document, tokens, end_index + 1)]
            phrase = phrase if _affiliation(phrase, org_at) and not SCHOLARLY_WORDS.isdisjoint(
                token.text for token in phrase) else []  # not "Cole Palmer, from Manchester City," a club left
        if org is None and _affiliation(phrase, org_at):
            org = _organization_in(found, phrase, org_at)  # "Dr X, of the Pasteur Institute in Hanoi,"
            phrase = []
        if org is None and end_index < len(tokens) and tokens[end_index].text == "who":
            org = _employer_in_clause(document, tokens, end_index + 1, org_at, found)
        if phrase and (_is_role_phrase(phrase) or (segment.speaker_slot and _described(phrase))):
            role, owner = _phrase(document, found, phrase, org_at, segment.start)
            if role:
                parts.append(role)
                org = org if org is not None else owner
                more = _second_role(document, tokens, ahead_at, person_at)
                if more:
                    parts.append(_text(document, more))
                if org is None and ahead_at < len(tokens) and tokens[ahead_at].text == "who":
                    org = _employer_in_clause(document, tokens, ahead_at + 1, org_at, found)  # "who teaches at X"
                if org is None and ahead_at < len(tokens) and tokens[ahead_at].text == "from":
                    org = _scholarly_origin(document, found, tokens, ahead_at, org_at)
                if org is None:
                    org = _kind_named_after(document, found, tokens, ahead_at, segment.start)
                if org is None and _holds_job(phrase[-1]):
                    org = _described_organization(document, tokens, ahead_at, org_at,
                                                  phrase[-1].text in SPEAKING_FOR)
    if not parts and end_index < len(tokens) and tokens[end_index].text == "who":
        role = _clause_role(document, tokens, end_index + 1, org_at)
        if role:
            parts.append(role)
        held = _job_held_at(tokens, end_index + 1)
        clause = (held, False) if held is not None else _appointed_at(tokens, end_index + 1)
        if not role and clause is not None:
            phrase = _until_date(_walk_forward(document, tokens, clause[0]))  # "X, who has been CFO since"
            if _is_role_phrase(phrase) and _job_first(phrase) and not any(t.start in person_at for t in phrase):
                role, owner = _phrase(document, found, phrase, org_at, segment.start)
                if role:
                    parts.append(f"former {role}" if clause[1] and not role.startswith("former ") else role)
                    org = org if org is not None else owner
    if not parts and end_index + 2 < len(tokens) and tokens[end_index].text in ("is", "was") and \
            tokens[end_index + 1].text in ("a", "an") and not gap(document.masked, tokens[end_index - 1],
                                                                  tokens[end_index]):
        phrase = _walk_forward(document, tokens, end_index + 1)  # "X is a glaciologist at the University of Y"
        if _is_role_phrase(phrase) and not any(t.start in person_at for t in phrase):
            role, owner = _phrase(document, found, phrase, org_at, segment.start)
            if role:
                parts.append(role)
                org = org if org is not None else owner
    appointed = _appointed_at(tokens, end_index) if not parts and end_index < len(tokens) and not gap(
        document.masked, tokens[end_index - 1], tokens[end_index]) else None
    if appointed is not None:
        start, left = appointed
        phrase = _until_date(_walk_forward(document, tokens, start))  # "X was named chief executive of Y"
        if _is_role_phrase(phrase) and _job_first(phrase) and not any(t.start in person_at for t in phrase):
            role, owner = _phrase(document, found, phrase, org_at, segment.start)
            if role:
                parts.append(f"former {role}" if left and not role.startswith("former ") else role)
                org = org if org is not None else owner
    if org is None and end_index < len(tokens) and not gap(document.masked, tokens[end_index - 1], tokens[end_index]):
        org = _described_organization(document, tokens, end_index, org_at, found=found)  # "of the publisher X"
    role = _without_dangling_words(", ".join(parts))
    return role or None, org


APPOINTING_VERBS = frozenset("""
    named appointed elected re-elected reelected hired promoted installed chosen picked confirmed reappointed
""".split())
"""Verbs of a job given, after "was", "is", "has been" or "had been" and before it ("X was named chief executive of
Y"): the person holds it."""
LEAVING_VERBS = frozenset("sacked fired dismissed ousted removed resigned quit".split())
"""Verbs of a job left, before "as" and it ("X was sacked as head coach", "X resigned as chair"): a former job."""
BEGINNING_VERBS = frozenset("became becomes".split())
"""Verbs that make the person what follows ("X became chief executive in 2019")."""


DATE_OPENERS = frozenset("on in at since from until last this next".split())
"""Words that open a time after a job ("mayor of Dunmore on Thursday", "chair since 2019")."""


def _until_date(phrase: list[Token]) -> list[Token]:
    """A job after a verb of appointment without a time or an aim after it ("elected mayor of X on Thursday",
    "resigned as an MP to run Y", "the youngest player to score for Z")."""
    for number, token in enumerate(phrase[1:], 1):
        after = phrase[number + 1].text if number + 1 < len(phrase) else ""
        if token.text == "to" and after[:1].islower() and after not in ("the", "a", "an"):
            return phrase[:number]
        if token.text in DATE_OPENERS and (after in MONTHS_AND_DAYS or after[:1].isdigit() or
                                           token.text in ("last", "this", "next")):
            return phrase[:number]
    return phrase


def _appointed_at(tokens: list[Token], index: int) -> tuple[int, bool] | None:
    """Where a job starts after a name that a verb of appointment, of leaving or of becoming says the person got or
    left ("X was appointed finance director of Y", "X was sacked as head coach", "X took over as chair"), and
    whether it was left; None where the words after the name say no such thing."""
    words = [token.text for token in tokens[index:index + 4]]
    if words[:2] in (["took", "over"], ["takes", "over"], ["stepped", "down"], ["steps", "down"]):
        return (index + 3, words[0].startswith("step")) if words[2:3] == ["as"] else None
    after = _after_auxiliary(tokens, index, (("was",), ("is",), ("has", "been"), ("had", "been")))
    if after is not None:
        words, index = words[after - index:], after
    if not words:
        return None
    verb = words[0]
    if verb in APPOINTING_VERBS or verb in BEGINNING_VERBS:
        start = index + 2 if words[1:2] == ["as"] else index + 1
        return (start, False) if start < len(tokens) else None
    if verb in LEAVING_VERBS and words[1:2] == ["as"]:
        return index + 2, True
    return None


DANGLING_WORDS = frozenset("at of for in on to with from by the a an and or".split())
"""Words a role cannot end with: what followed them was no name a role keeps ("an economist at @Bank")."""


MAX_ANAPHOR_MODIFIERS = 2
"""Words at most between "the" and the kind of body it points back to ("for the regional fire department")."""


def _kind_named_after(
    document: Document, found: Found, tokens: list[Token], index: int, position: int
) -> int | None:
    """The organization that "of", "for" or "at" the body of a kind points back to, after a job ("a spokesman for
    the department"): one named before whose name holds the kind and each lowercase word before it ("for the fire
    department", "of the finance ministry"), a seat aside ("the Hsinchu-based company"); None for other words."""
    words = [t.text for t in tokens[index:index + 3 + MAX_ANAPHOR_MODIFIERS]]
    if len(words) < 3 or words[0] not in ("of", "for", "at") or words[1] != "the":
        return None
    for end in range(2, len(words)):
        kind = words[end]
        if kind in ORG_ANAPHORS and not tokens[index + end].possessive:
            break
        if not (kind.islower() or kind.endswith(SEAT_SUFFIXES)) or kind in DANGLING_WORDS:
            return None
    else:
        return None
    if kind in ("centre", "center") and index + end + 1 < len(tokens) and tokens[index + end + 1].text == "of":
        return None  # "a trader at the centre of the scandal", "at the center of the dispute"
    modifiers = [word.lower() for word in words[2:end] if not word.endswith(SEAT_SUFFIXES)]
    if any(gap(document.masked, tokens[index + number], tokens[index + number + 1]) for number in range(end)):
        return None
    if not modifiers:
        return _named_by(document, found, kind, position)
    entities = found.registry.entities
    bodies = {m.entity for m in found.mentions if m.start < position and entities[m.entity].kind == "org"
              and all(word in entities[m.entity].name.lower().split() for word in [*modifiers, kind])}
    return bodies.pop() if len(bodies) == 1 else None  # not one of two fire departments


def _without_dangling_words(role: str) -> str:
    """A role without the function words left at its end when what they led to was cut off."""
    words = role.split(" ")
    while words and words[-1].lower() in DANGLING_WORDS:
        words.pop()
    return " ".join(words).rstrip(",")


MAX_ORIGIN_WORDS = 3
"""Words of a place a job comes from before a name, at most ("a farmer from Côtes d'Armor, X")."""


def _origin(document: Document, tokens: list[Token], last: int, org_at: dict[int, int]) -> int | None:
    """Where "from"/"near" a place ending at tokens[last] starts, after a job ("a farmer from Brittany, X")."""
    first = last
    while first > 0 and last - first < MAX_ORIGIN_WORDS and tokens[first].text[0].isupper() and \
            tokens[first].start not in org_at and not gap(document.masked, tokens[first - 1], tokens[first]):
        if tokens[first - 1].text in ORIGIN_TAILS:
            return first - 1 if first > 1 and is_role_noun(tokens[first - 2].text) else None
        first -= 1
    return None


def _holds_job(token: Token) -> bool:
    """Whether the word before "at the" or "of the" a body is a job held there ("an analyst at the bank X"), not a
    standing toward it ("a critic of the bank X", "a customer of the bank X")."""
    word = token.text.lower()
    return is_role_noun(word) and word not in STANDING_NOUNS


MAX_DESCRIPTION_WORDS = 5
"""Words describing a body between "the" and its name, at most ("the London-based investment bank")."""


CLOSING_HONORIFICS = frozenset("Dr Dr. Mr Mr. Mrs Mrs. Ms Ms. Miss".split())
"""Honorifics that may close a title before a name ("Superintendent Dr. X") and are no part of the office."""
PARTY_STANDINGS = frozenset("opposition ruling governing".split())
"""Words before a party's name that tell its standing ("of the opposition X Party"), as a kind of body would."""
PARTY_WORDS = frozenset("Party Alliance Front Movement Coalition Congress".split())
"""Last words of a party's name."""


def _described_organization(document: Document, tokens: list[Token], index: int,
                            org_at: dict[int, int], speaking_for: bool = False,
                            found: Found | None = None) -> int | None:
    """The organization named right after "at the" or "of the" (or "for the" after a spokesperson's job) and a
    description that ends in the kind of body it is ("…, an analyst at the investment bank X", "Ann Lee of the
    London publisher X", "a spokeswoman for the retailer X"), or, given what was `found`, a party's after its
    standing ("X of the opposition Y Party"): where they work."""
    prepositions = ("at", "of", "for") if speaking_for else ("at", "of")
    if index + 3 >= len(tokens) or tokens[index].text not in prepositions or tokens[index + 1].text != "the":
        return None
    described = False
    standing = False
    for position in range(index + 2, min(len(tokens), index + 3 + MAX_DESCRIPTION_WORDS)):
        token = tokens[position]
        if gap(document.masked, tokens[position - 1], token):
            return None
        if token.start in org_at:
            if standing and found is not None and \
                    found.registry.entities[org_at[token.start]].name.split()[-1] in PARTY_WORDS:
                return org_at[token.start]  # "X of the opposition Republican Future Party"
            return org_at[token.start] if described else None
        word = token.text
        if token.possessive or not (word.islower() or word in PLACE_WORDS or word.endswith(SEAT_SUFFIXES)):
            return None
        described = word in ORG_CLASS_NOUNS
        standing = word in PARTY_STANDINGS
    return None


AGE = re.compile(r"\d+-year-old")
LOCATIVE_TAILS = frozenset("in near outside from".split())
"""Words that open where a person lives or works, after their job ("a farmer in the highlands")."""
SPATIAL_TAILS = frozenset("near outside".split())
"""Locative words that only say where someone is, never whom they work for ("a grocer near the Acme depot")."""
ORIGIN_TAILS = frozenset("from near outside".split())
"""Locative words between a job and a place that a walk back from a name stops at ("a farmer from Brittany, X")."""
DATELINE_DASHES = ("\u2014", "\u2013")
"""What ends a dateline ("GDAŃSK, Poland — Former president …"): the word after it opens the story's sentence."""
EMPLOYING_VERBS = frozenset(
    "heads leads chairs runs directs manages founded co-founded joined teaches works represents".split()
)
"""Verbs of a relative clause after a name that say who employs the person ("…, who heads the Harbor Council,")."""
OBJECT_EMPLOYING_VERBS = frozenset("headed chaired directed managed coached coaches oversees oversaw".split())
"""Verbs that say who employs (or employed) the person only when that organization is their object ("who
headed the Harbor Council"), not elsewhere in the clause ("who oversees a lawsuit against the agency")."""
STUDYING_VERBS = frozenset("studies researches lectures specialises specializes".split())
"""Verbs of a relative clause whose body named after "at" is where the person works or studies ("who studies labour
markets at the University of Salford"), not the subject before it ("who studies the Federal Reserve")."""
PLACE_EMPLOYING_VERBS = frozenset("worked taught".split())
"""Verbs that name an employer after "at" or "for" right after them ("who worked at Acme", "who taught at X")."""


PRACTISING_VERBS = {"farms": "farmer", "teaches": "teacher", "coaches": "coach"}
"""Verbs of a relative clause after a name that say the person's job whatever follows ("…, who farms rice,")."""
OFFICE_VERBS = {
    "leads": "leader", "heads": "head", "chairs": "chair", "manages": "manager", "directs": "director",
    "edits": "editor", "represents": "representative", "founded": "founder", "co-founded": "co-founder",
}
"""Verbs of a relative clause after a name that make the person the holder of an office only when a body follows
("…, who chairs the committee,"), not an event or a task ("…, who leads the polls,", "…, who manages her
finances,")."""
OWNING_VERBS = frozenset("runs owns".split())
"""Verbs of a relative clause after a name that make the person the owner of the business that follows."""
PREMISES = frozenset("""
    shop store café cafe restaurant bar pub bakery farm hotel guesthouse hostel inn diner salon clinic pharmacy
    business company firm stall kiosk garage workshop boutique factory brewery winery vineyard ranch dairy
    nursery gallery studio bistro canteen deli butchery laundry laundrette launderette surgery practice
    tavern taverna motel lodge campsite orchard plantation mill bookshop bookstore
""".split())
"""Businesses a person runs or owns ("who runs a guesthouse"), unlike what else one runs ("a marathon")."""
PREMISES_ENDINGS = ("shop", "store", "house")
"""Endings of compound names of premises ("barbershop", "teahouse")."""


NO_JOBS = frozenset("victim victims suspect witness defendant smoker fantasist winner youngest oldest".split())
"""Nouns of a standing, not a job, after a verb of appointment or leaving ("named as a suspect", "quit as a
smoker")."""


JOB_OPENERS = frozenset("acting interim managing executive general joint head deputy chief senior both".split())
"""Words a job may open with before its noun ("acting head of", "managing director")."""


def _job_first(phrase: list[Token]) -> bool:
    """Whether a phrase after "who is", "has been" or a verb of appointment opens with a job held: no verb's form
    first ("meeting the president") but a job's word ("managing director"), and a job's noun before any
    preposition ("chief financial officer of X"), not a job to come or left, a relative or a deed ("expected to
    become chair", "the former chair", "the grandson of the founder", "accused of assaulting an officer")."""
    head = [token for token in phrase if token.text not in ("the", "a", "an")]
    end = next((number for number, token in enumerate(head) if token.text in PREPOSITIONS | {"with", "by"}), None)
    head = head[:end]
    if not head:
        return False
    first = head[0].text
    if first in PAST_MARKS or first.startswith("ex-") or first in RELATION_WORDS or first == "victim":
        return False
    if any(token.text in NO_JOBS for token in head):
        return False  # "was named as chief suspect", "quit as a smoker", "was dismissed as a fantasist"
    opener = first[0].isupper() or first in JOB_OPENERS or is_role_noun(first) or not first.endswith(("ing", "ed"))
    return opener and any(is_role_noun(t.text) or t.text in TITLE_HEADS or t.text.capitalize() in TITLE_WORDS
                          for t in head)


STILL_HELD = frozenset("also now currently still".split())
"""Adverbs between "who is" and a job that leave it held now."""


def _after_auxiliary(tokens: list[Token], index: int, auxiliaries: tuple[tuple[str, ...], ...]) -> int | None:
    """Where the words after one of these auxiliaries ("is", "has been") standing at `index` start; None where
    none stands there."""
    for auxiliary in auxiliaries:
        if tuple(token.text for token in tokens[index:index + len(auxiliary)]) == auxiliary:
            return index + len(auxiliary)
    return None


def _job_held_at(tokens: list[Token], index: int) -> int | None:
    """Where the job starts in a relative clause that says the person holds it now: "who is the chief executive of
    X", "who has been finance director since 2019" (not "who was", a job left)."""
    start = _after_auxiliary(tokens, index, (("is",), ("has", "been"), ("have", "been")))
    if start is None:
        return None
    if start < len(tokens) and tokens[start].text in STILL_HELD:
        start += 1  # "who is also chairman of X"
    if start < len(tokens) and tokens[start].text in ("a", "an"):
        return None  # "who is a farmer", a kind of person: what the appositive reading of "is a" takes
    return start if start < len(tokens) else None


PERFECT_FORMS = {
    "headed": "heads", "led": "leads", "chaired": "chairs", "run": "runs", "directed": "directs",
    "managed": "manages", "edited": "edits", "owned": "owns", "worked": "works", "coached": "coaches",
    "farmed": "farms", "taught": "teaches",
}
"""Past participles of the verbs of employment after "has" ("who has headed the office since 2017"): the person
holds the job still, as "who heads" says."""


def _clause_verb(tokens: list[Token], index: int) -> tuple[str, int]:
    """A relative clause's verb, in the present ("who has led X" as "who leads X"), and where it stands."""
    if index + 1 < len(tokens) and tokens[index].text in ("has", "have") and tokens[index + 1].text in PERFECT_FORMS:
        return PERFECT_FORMS[tokens[index + 1].text], index + 1
    return (tokens[index].text if index < len(tokens) else ""), index


def _clause_role(document: Document, tokens: list[Token], index: int, org_at: dict[int, int]) -> str | None:
    """The job a relative clause after a name states by its verb: "who farms rice" a farmer, "who chairs the
    committee" its chair, "who runs a bakery" a bakery's owner; "who has chaired" as "who chairs"."""
    if index >= len(tokens):
        return None
    verb, index = _clause_verb(tokens, index)
    following = tokens[index + 1].text.lower() if index + 1 < len(tokens) else ""
    if verb in PRACTISING_VERBS:
        if verb == "teaches" and following in ("her", "his", "their", "my", "our"):
            return None  # "who has taught her three children at home"
        return PRACTISING_VERBS[verb] if following not in NOT_A_TRADE else None
    phrase = _object_phrase(document, tokens, index + 1)
    if verb in OWNING_VERBS:
        return _premises_owner(phrase)
    if verb in OFFICE_VERBS and phrase and _names_body(document, tokens, phrase, org_at) and \
            not _leads_in_a_tally(tokens, phrase[-1].index + 1):
        return OFFICE_VERBS[verb]
    return None


NOT_A_TRADE = frozenset("out off up away over himself herself themselves itself myself yourself me us him them".split())
"""Words after "farms", "teaches" or "coaches" that make it no trade ("who farms out the work", "who teaches
himself Spanish")."""
TALLIES = frozenset("""
    scoring rebounds assists points goals tackles wickets runs yards touchdowns steals blocks saves votes polls
    sales downloads
""".split())
"""What a person "leads the team in" that is a tally, not the team ("who leads the league in scoring")."""


def _leads_in_a_tally(tokens: list[Token], after: int) -> bool:
    """Whether "in" and a tally follow a clause's object ("… the team in scoring"): a lead in it, no office."""
    return after + 1 < len(tokens) and tokens[after].text == "in" and tokens[after + 1].text in TALLIES


def _object_phrase(document: Document, tokens: list[Token], index: int) -> list[Token]:
    """The noun phrase right after a clause's verb: its words up to a comma, a preposition or a break."""
    taken: list[Token] = []
    for token in tokens[index:index + MAX_ROLE_WORDS]:
        if taken and gap(document.masked, taken[-1], token):
            break
        if token.text.islower() and (token.text in ROLE_BREAKS or token.text in PREPOSITIONS
                                     or token.text in LOCATIVE_TAILS):
            break
        taken.append(token)
    return taken


def _premises_owner(phrase: list[Token]) -> str | None:
    """"guesthouse owner" for "a guesthouse" (or "a small guesthouse"): a business one owns, else nothing."""
    if len(phrase) < 2 or phrase[0].text not in ("a", "an") or not all(t.text.islower() for t in phrase):
        return None
    noun = phrase[-1].text
    compound = noun.endswith(PREMISES_ENDINGS) and noun not in PREMISES_ENDINGS
    return f"{noun} owner" if noun in PREMISES or compound else None


BODY_PARTS = frozenset("""
    unit division department office branch team board committee wing arm section desk bureau programme program
    lab laboratory group practice faculty school service
""".split())
"""Parts of a body an owner's possessive may stand before as the person's charge ("who heads Acme's research
unit")."""
PEOPLE_OF_BODIES = frozenset("members staff employees workers residents families patients people".split())
"""People of a body a clause may say the person speaks for "for" it ("who represents staff for the X"), unlike a deed
("who leads calls for the X"); anything done "at" a body is done there ("who heads research at X")."""


def _people_of_a_body(word: str) -> bool:
    """Whether a plural names people, as "nurses" or "members" do, not a deed ("calls", "efforts")."""
    return word in PEOPLE_OF_BODIES or word.endswith("s") and is_role_noun(word[:-1])


def _works_for(word: str) -> bool:
    """Whether "for" a body after this word says whom the person works for: after a verb of employment, a job or
    people ("works for", "spokesman for", "nurses for"), not a deed ("calls for")."""
    return word in EMPLOYING_VERBS or word in PLACE_EMPLOYING_VERBS or is_role_noun(word) or _people_of_a_body(word)


def _names_body(document: Document, tokens: list[Token], phrase: list[Token], org_at: dict[int, int]) -> bool:
    """Whether a clause's object is a body: a named organization, "the committee", or people "at" or "for" one
    ("who represents nurses at the X Union")."""
    owner = next((number for number, t in enumerate(phrase) if t.possessive), None)
    if owner is not None and owner + 1 < len(phrase) and phrase[-1].text.islower() and \
            phrase[-1].text not in ORG_ANAPHORS | ORG_CLASS_NOUNS | BODY_PARTS:
        return False  # "who leads Acme's critics", "who led the council's bid": no body of the owner's
    if any(t.start in org_at for t in phrase):
        return True
    if phrase[0].text in OPENING_WORDS and phrase[-1].text in ORG_ANAPHORS | ORG_CLASS_NOUNS:
        return True
    after = phrase[-1].index + 1
    if after + 1 >= len(tokens) or tokens[after].text not in ("at", "for") or \
            gap(document.masked, phrase[-1], tokens[after]):
        return False
    if tokens[after].text == "for" and not _people_of_a_body(phrase[-1].text):
        return False  # "who leads calls for the X Council", not "who represents nurses for the X"
    named = tokens[after + 2] if tokens[after + 1].text == "the" and after + 2 < len(tokens) else tokens[after + 1]
    return named.start in org_at


def _employer_in_clause(
    document: Document, tokens: list[Token], index: int, org_at: dict[int, int], found: Found | None = None
) -> int | None:
    """The organization a relative clause after a name says the person works for: one named after a verb of
    employment or after "of", "at" or "for" a job ("who took over as head of the X", "who teaches at Y"), or the
    one a kind of body's possessive points back to there ("who heads the centre's research unit"), within the
    clause (up to its comma)."""
    direct = _object_employer(document, tokens, index, org_at)
    if direct is not None:
        return direct
    verb_at = _clause_verb(tokens, index)[1]
    if verb_at != index:
        direct = _object_employer(document, tokens, verb_at, org_at, perfect=True)  # "who has headed the X"
        if direct is not None:
            return direct
    employed = studying = False
    for position in range(index, min(len(tokens), index + MAX_ROLE_WORDS)):
        token = tokens[position]
        if position > index and gap(document.masked, tokens[position - 1], token):
            return None
        if token.start in org_at and employed:
            return org_at[token.start]
        word = token.text
        if employed and found is not None and token.possessive and word.lower() in OWNER_ANAPHORS and \
                tokens[position - 1].text == "the":
            return _named_by(document, found, word.lower(), tokens[index].start, token.start)
        if word in EMPLOYING_VERBS:
            employed = True
        elif word in STUDYING_VERBS:
            studying = True
        elif word == "at" and studying:
            scholarly = _scholarly_after(tokens, position + 1, org_at, found)
            if scholarly is not None:
                return scholarly  # "who studies transport labour markets at the University of Salford"
            studying = False  # not "who studies governance at FIFA"
        elif word in ("from", "after", "before", "until") and employed:
            return None  # "who joined from Belgian club X", "who joined after 14 years at X": the club left behind
        elif word in RELATION_WORDS:
            return None  # "who is the grandson of the founder of X": a relative's body
        elif word == "for" and position > index and not _works_for(tokens[position - 1].text):
            employed = False  # "who leads calls for the X Council to act", not "who works for X"
        elif word in ("of", "at", "for") and position > index:
            before = tokens[position - 1].text
            employed = employed or is_role_noun(before) or before in EMPLOYING_VERBS
    return None


def _object_employer(
    document: Document, tokens: list[Token], index: int, org_at: dict[int, int], perfect: bool = False
) -> int | None:
    """The organization right after a clause's first verb that says who employs the person by its object ("who
    headed the Harbor Council", "who worked at Acme"; `perfect`: any verb of employment after "has", "who has led
    the X"), if there is one."""
    if index >= len(tokens):
        return None
    verb = tokens[index].text
    position = index + 1
    if verb in PLACE_EMPLOYING_VERBS and position < len(tokens) and tokens[position].text in ("at", "for"):
        position += 1
    elif verb not in OBJECT_EMPLOYING_VERBS and not perfect:
        return None
    if position < len(tokens) and tokens[position].text == "the":
        position += 1
    if position >= len(tokens) or gap(document.masked, tokens[position - 1], tokens[position]):
        return None
    named = org_at.get(tokens[position].start)
    while named is not None and position < len(tokens) and tokens[position].text[:1].isupper():
        named_on = position + 1 < len(tokens) and tokens[position + 1].text[:1].isupper()
        if tokens[position].possessive and not named_on:  # not "the Kanto Care Workers' Union"
            head = next((t.text for t in tokens[position + 1:position + 4] if t.text.islower()), "")
            return named if head in BODY_PARTS else None  # not "who has led Acme Holdings' critics"
        position += 1
    return named


def _second_role(document: Document, tokens: list[Token], index: int, person_at: set[int]) -> list[Token]:
    """A second job joined to an appositive by ", and" ("…, director of the study, and chair of the board,")."""
    if index + 1 >= len(tokens) or tokens[index].text != "and" or \
            document.masked[tokens[index - 1].end:tokens[index].start].strip() != ",":
        return []
    phrase = _walk_forward(document, tokens, index + 1)
    end = index + 1 + len(phrase)
    closed = end < len(tokens) and document.masked[phrase[-1].end:tokens[end].start].strip() == "," if phrase \
        else False
    if not closed or any(t.start in person_at for t in phrase) or not _is_role_phrase(phrase):
        return []
    return [tokens[index], *phrase]


def _employer_phrase(words: list[Token]) -> bool:
    """Whether an appositive after a titled name only says where they work ("…, of the city's university,")."""
    return len(words) >= 3 and words[0].text in ("of", "at") and any(t.text[0].isupper() for t in words[1:])


PAST_MARKS = frozenset("former retired onetime one-time erstwhile".split())
"""Words that make an appositive a job held before ("…, a former Davis Cup player,")."""


def _past_job(words: list[Token]) -> bool:
    """Whether an appositive after a name names a job the person no longer holds ("a former minister"): no part of
    the role a title before the name gave ("MMK leader X, a former minister,")."""
    return len(words) > 2 and words[0].text in ("a", "an", "the") and words[1].text in PAST_MARKS


def _only_employer(words: list[Token], org_at: dict[int, int]) -> bool:
    """Whether an employer phrase ends in the organization it names, so says nothing of the job ("…, of the
    pro-business Liberal Party,"), unlike a unit of it ("…, of the Eastfield University's school of nursing,")."""
    first = next((i for i, t in enumerate(words) if t.start in org_at), None)
    return first is not None and all(t.text[0].isupper() or not t.text[0].isalpha() for t in words[first:])


def _scholarly_origin(
    document: Document, found: Found, tokens: list[Token], from_at: int, org_at: dict[int, int]
) -> int | None:
    """The institute or university an expert's job is "from" right after it ("a co-author from the Ethiopian
    Institute of Agricultural Research"), not a club a player left ("a striker from Manchester City")."""
    job = tokens[from_at - 1].text if from_at else ""
    if job not in EXPERT_JOBS and not job.endswith(("ist", "ists")):
        return None  # not "a midfielder from the Bayern Academy", "a defector from the Academy of Sciences"
    phrase = [tokens[from_at], *_walk_forward(document, tokens, from_at + 1)]
    if not _affiliation(phrase, org_at) or SCHOLARLY_WORDS.isdisjoint(token.text for token in phrase):
        return None
    return _organization_in(found, phrase, org_at)


EXPERT_JOBS = frozenset(
    "researcher researchers co-author co-authors author authors professor lecturer fellow expert experts engineer "
    "engineers analyst analysts doctor physician surgeon veterinarian director".split()
)
"""Jobs an expert is introduced by before the institute they are "from" (beside those in -ist: "an economist")."""


def _scholarly_after(tokens: list[Token], index: int, org_at: dict[int, int], found: Found | None) -> int | None:
    """The university, institute or school named right at `index` (after "the"), where "who studies … at" it says
    the person works or studies; None for any other body."""
    if index < len(tokens) and tokens[index].text == "the":
        index += 1
    if found is None or index >= len(tokens) or tokens[index].start not in org_at:
        return None
    entity = org_at[tokens[index].start]
    return entity if not TAUGHT_AT_WORDS.isdisjoint(found.registry.entities[entity].name.split()) else None


SCHOLARLY_WORDS = frozenset("University Institute Laboratory Laboratories Observatory Academy".split())
"""Words of the bodies an expert is introduced as "from" ("Prof X, from the University of Leeds,"), where a player
or a fan is "from" a club they left or follow, and a pupil from a school."""
TAUGHT_AT_WORDS = SCHOLARLY_WORDS | frozenset("College School Université Universidad Universität Polytechnic".split())
"""Words of the bodies one studies or teaches at (see `_scholarly_after`)."""
CARED_IN_WORDS = frozenset("Hospital Clinic Hospice Prison School".split())
"""Words of the bodies a patient, an inmate or a pupil is "of" ("X, of the Western General Hospital, where she is
being treated,")."""


def _affiliation(words: list[Token], org_at: dict[int, int]) -> bool:
    """Whether an appositive after a name says only which body the person is "of" or "from", perhaps with its town
    ("…, of the Pasteur Institute in Hanoi,", "…, from the University of Leeds,"): not a hospital, a clinic, a
    prison or a school, whose patients, inmates and pupils are of it too."""
    if len(words) < 2 or words[0].text not in ("of", "from"):
        return False
    first = 2 if words[1].text == "the" else 1
    if first >= len(words) or words[first].start not in org_at:
        return False
    town = next((i for i, token in enumerate(words) if i > first and token.text == "in"), len(words))
    if not CARED_IN_WORDS.isdisjoint(token.text for token in words[first:town]):
        return False
    return all(token.text[0].isupper() or token.text in NAME_JOINERS for token in words[first:town]) and \
        all(token.text[0].isupper() for token in words[town + 1:])


def _honorifics_only(words: list[Token]) -> bool:
    """Whether role words are only honorifics or titles of honour ("Dr.", "Datuk Seri"): no job."""
    return all(token.text in HONORIFICS or token.text in STYLES for token in words)


def _text(document: Document, words: list[Token]) -> str:
    """The original characters spanned by words; the first in lowercase when it is capitalized only because it opens
    its sentence or follows a dateline's dash, before lowercase words ("Former president Lech Wałęsa" is a former
    president)."""
    text = document.text[words[0].start:words[-1].end]
    first = words[0]
    before = document.masked[max(0, first.start - 3):first.start].strip()[-1:]
    opens = first.sentence_start or before in DATELINE_DASHES
    if opens and len(words) > 1 and first.text[:1].isupper() and first.text.lower() in common_words() \
            and first.text not in TITLE_WORDS and first.text not in TITLE_HEADS \
            and all(word.text.islower() for word in words[1:] if word.text[:1].isalpha()):
        return text[:1].lower() + text[1:]
    return text


def _leading_organization(found: Found, words: list[Token]) -> tuple[int | None, list[Token]]:
    """Split a known organization off the front of a title run ("Northwind Chairman")."""
    registry = found.registry
    for size in range(len(words) - 1, 0, -1):
        key = normalize(" ".join(t.text for t in words[:size]))
        index = registry.keys.get(key)
        if index is None and size == 1:
            index = registry.prefixes.get(words[0].text)
        if index is not None and registry.entities[index].kind == "org":
            if size == 1 and _short_form_without_office(words[0].text, words[-1].text):
                return None, words
            return index, words[size:]
    return None, words


def _heads_of(token: Token | None) -> bool:
    """Whether a word before "of" belongs to a role ("head of", "Secretary of"), unlike "the work of"."""
    return token is not None and (token.text[0].isupper() or is_role_noun(token.text))


LEADING_LINKS = frozenset("through via by from with about into".split())
"""Words that may open the words walked back from a name without being part of a job (see `_walk_back`)."""


def _walk_back(document: Document, tokens: list[Token], index: int, person_ends: set[int],
               allow_all: bool = False) -> list[Token]:
    """Role words right before tokens[index]: lowercase nouns, capitalized modifiers, possessives."""
    taken: list[Token] = []
    position = index - 1
    while position >= 0:
        token = tokens[position]
        if gap(document.masked, token, tokens[position + 1]):
            break
        word = token.text
        joined_jobs = word == "and" and bool(taken) and position > 0 and is_role_noun(tokens[position - 1].text) \
            and is_role_noun(tokens[index].text if index < len(tokens) else taken[-1].text)
        if word.islower() and word in ROLE_BREAKS and word not in PREPOSITIONS and not joined_jobs:
            break  # but "the company's president and chief operating officer, X" is one job's phrase
        if token.end in person_ends and not token.possessive:
            break
        if word == "of" and not _heads_of(tokens[position - 1] if position else None):
            break
        if word == "to" and position and tokens[position - 1].text.lower() == "according":
            break  # "According to economist X": the source's job, not "according to economist"
        if word == "to" and taken and taken[0].text.islower() and not is_role_noun(taken[0].text):
            taken = taken[1:]
            break
        if len(taken) >= MAX_ROLE_WORDS:
            break
        if word in ("the", "a", "an") and not allow_all:
            if taken and taken[0].possessive:
                taken.insert(0, token)
            break
        if word == "its":
            taken.insert(0, token)  # "said its chair, X": the job is the organization's just named
            break
        if word.islower() and word in DETERMINERS and word not in ("the", "a", "an"):
            break
        taken.insert(0, token)
        position -= 1
    while taken and (taken[0].text in PREPOSITIONS or taken[0].text in LEADING_LINKS):
        taken = taken[1:]  # "declined to comment through a spokesman, X": the job is "spokesman"
    if allow_all:
        return taken
    if not taken or not (is_role_noun(taken[-1].text) or taken[-1].text in PLACE_WORDS or _has_role_noun(taken)):
        return []
    if not any(is_role_noun(t.text) for t in taken):
        return []
    while taken and not (is_role_noun(taken[-1].text)):
        taken = taken[:-1]
    return taken


def _described(words: list[Token]) -> bool:
    """Whether an appositive is a short noun phrase describing someone ("a shop owner", "the company's founder")."""
    return words[0].text in ("a", "an", "the") and len(words) <= MAX_ROLE_WORDS and words[-1].text.islower()


def _has_role_noun(words: list[Token]) -> bool:
    """Whether any of the words is a role noun."""
    return any(is_role_noun(t.text) for t in words)


def _walk_forward(document: Document, tokens: list[Token], index: int) -> list[Token]:
    """An appositive after a name: words up to the next comma, verb or "for the <noun>"."""
    taken: list[Token] = []
    position = index
    while position < len(tokens):
        token = tokens[position]
        if taken and gap(document.masked, taken[-1], token):
            break
        word = token.text
        if word.islower() and word in FORWARD_BREAKS:
            break
        if word in PREPOSITIONS and position + 2 < len(tokens):
            nxt, after = tokens[position + 1], tokens[position + 2]
            if nxt.text in ("the", "a", "an") and (after.text.islower() or _seat_before_kind(tokens, position + 2)) \
                    and not after.possessive and taken:
                break
        taken.append(token)
        position += 1
    return taken


def _seat_before_kind(tokens: list[Token], index: int) -> bool:
    """Whether a seat and a kind of body alone stand at `index` ("the Hsinchu-based company said"), no name after
    them ("the Nairobi-based think tank X")."""
    kind = tokens[index + 1] if index + 1 < len(tokens) else None
    after = tokens[index + 2] if index + 2 < len(tokens) else None
    return tokens[index].text.endswith(SEAT_SUFFIXES) and kind is not None and kind.text in ORG_ANAPHORS and (
        after is None or not after.text[0].isupper())


def _is_role_phrase(words: list[Token]) -> bool:
    """Whether words describe a job: a title word first, or a role noun among the first few."""
    if not words:
        return False
    lead = [t for t in words if t.text.lower() not in ("the", "a", "an")]
    owner_end = next((i for i, t in enumerate(lead) if t.possessive or not t.text[0].isupper()), len(lead))
    if 0 < owner_end < len(lead) - 1 and lead[owner_end].possessive:
        lead = words = lead[owner_end + 1:]  # "Northwind Bank's chief executive": the owner is no part of the job
    if not lead:
        return False
    if lead[0].text in TITLE_HEADS or lead[0].text in TITLE_WORDS:
        return True
    if lead[0].text.isupper() and lead[0].text.lower() in JOB_ACRONYMS:
        return True  # "CEO of Volvo Cars", as "chief executive of Volvo Cars"
    if lead[0].text[0].isupper() and not lead[0].possessive and len(lead) > 2 and lead[1].text.islower() \
            and lead[0].text not in GIVEN_NAMES and any(is_role_noun(t.text) and t.text not in STANDING_NOUNS
                                                         for t in lead[1:3]):
        return True  # "Mekong programme director at …", "Europe editor": a field's or a place's job
    if lead[0].text[0].isupper() and not lead[0].possessive and len(words) > 1 and \
            words[0].text.lower() not in OPENING_WORDS and not _capital_role(words):
        return False
    return any(is_role_noun(t.text.lower() if t.text in TITLE_HEADS else t.text) for t in words[:8])


def _capital_role(words: list[Token]) -> bool:
    """Whether capitalized words end in a role word ("Transport Ministry Spokeswoman")."""
    return any(t.text in TITLE_HEADS for t in words)


def _phrase(document: Document, found: Found, words: list[Token], org_at: dict[int, int],
            position: int) -> tuple[str | None, int | None]:
    """Role text and organization of a role phrase: an owner ("the ministry's"), "of/at ORG", or a named one."""
    org: int | None = None
    words = _before_spatial_tail(words)
    while len(words) > 1 and words[0].sentence_start and words[0].text in JOB_OPENERS:
        words = words[1:]  # "Then Veldhoven coach X", "And the head of NATO, X": no part of the job
    words = _from_owner(words)
    owned = any(t.possessive for t in words) or words[0].text.lower() in PERSONAL_OWNERS | {"its", "their", "whose"}
    owner_end = -1
    for i, token in enumerate(words):
        if token.possessive:
            owner_end = i
            break
        if token.text.lower() not in ("the", "a", "an") and not token.text[0].isupper() \
                and not _joins_name(words, i):
            break
    if owner_end >= 0:
        owner = words[:owner_end + 1]
        owner_words = [t for t in owner if t.text.lower() not in ("the", "a", "an")]
        org = _organization_in(found, owner_words, org_at)
        if org is None and len(owner_words) == 1 and owner_words[0].text in OWNER_ANAPHORS:
            org = _named_by(document, found, owner_words[0].text, position, owner_words[0].start)
            if org is None and owner_words[0].text in SIDE_ANAPHORS:
                org = _recent_side(document, found, position)  # "the club's president"
        words = words[owner_end + 1:]
    elif words[0].text.lower() in ("its", "their", "whose"):
        org = _its_owner(document, found, words[0], position)
        words = words[1:]
    elif words[0].text.lower() in PERSONAL_OWNERS:
        words = words[1:]
    else:
        org = _organization_in(found, words, org_at)
        lead = 1 if words[0].text.lower() == "the" else 0
        if org is not None and _short_form_without_office(words[lead].text, words[-1].text):
            org = None
        if org is not None and words[lead].start in org_at and len(words) > lead + 1:
            org_end = found.registry.entities[org_at[words[lead].start]]
            cut = lead
            while cut < len(words) and (words[cut].text[0].isupper() or words[cut].text.isdigit()) and \
                    not is_role_noun(words[cut].text.lower()):
                cut += 1  # "Local 417 president": the number is the body's
            if 0 < cut < len(words) and org_end is not None:
                words = words[cut:]
        standing = _standing_toward(words, org_at)  # "a customer of Comcast": a standing toward the body, no job
        tail = None if standing else _trailing_organization(found, words, org_at)
        formal = [t for t in words if t.text not in ("the", "a", "an")][:2]
        titled = bool(formal) and formal[0].text[0].isupper() and formal[0].text.lower() not in JOB_ACRONYMS and not (
            len(formal) > 1 and formal[1].text.islower() and formal[0].text not in TITLE_WORDS
            and formal[0].text not in ("A", "An", "The")
        )  # "Director of X" whole, not "Mekong programme director at X"
        if tail is not None and titled:
            org = tail[0]
        elif tail is not None:
            org, cut = tail
            words = words[:cut]
        elif standing:
            org = None
    while words and (words[0].text.lower() in ("the", "a", "an", "another", "one") or AGE.fullmatch(words[0].text)):
        words = words[1:]  # "a 58-year-old dockworker": the age is no part of the job
    place = next((i for i, t in enumerate(words) if t.text in LOCATIVE_TAILS and t.start not in org_at), None)
    if place is not None and place > 0 and not any(t.start in org_at for t in words[place:]):
        words = words[:place]  # "a farmer in the Gayo highlands", "a grocer near the station"
    if not words or _honorifics_only(words):
        return None, org
    if owned and _relation(words):
        return None, None  # "the victim's brother": a tie to someone, not a job
    if org is None and len(words) > 1 and words[0].text in JOB_BODY_KINDS and is_role_noun(words[1].text):
        org = _named_by(document, found, words[0].text, position)  # "company spokesman", "airport spokeswoman"
    owner = _owner_of_unit(words) if org is None else None
    if owner is not None:
        org = _named_by(document, found, owner.text, position)
    return _text(document, words), org


JOB_OPENERS = frozenset(
    "Then Meanwhile Later Earlier Separately Also However Still Instead Finally Indeed Moreover And But Or So Yet"
    .split()
)
"""Words opening a sentence before a job and a name that are no part of the job ("Then Veldhoven coach X"), none a
brand's or a programme's first word as "Now", "Next" or "Today" may be ("Now TV director X")."""


def _from_owner(words: list[Token]) -> list[Token]:
    """Role words from the owner whose job they end in, when they open with words of no job ("the departure in
    January of Lantern's chief product officer"): the owner's capitalized name and its possessive, then the job."""
    last = max((i for i, token in enumerate(words[:-1]) if token.possessive), default=None)
    if last is None or not any(is_role_noun(token.text) for token in words[last + 1:]):
        return words
    if any(token.text.islower() and is_role_noun(token.text) for token in words[:last]):
        return words
    start = last
    while start > 0 and words[start - 1].text[:1].isupper():
        start -= 1
    before = words[start - 2].text if start >= 2 else ""
    if not before or words[start - 1].text not in ("of", "by", "from", "with") or (
        before[:1].isupper() and before not in MONTHS_AND_DAYS
    ):
        return words  # "The Bank of Northland's governor": "of" inside the owner's name
    return words[start:]


def _standing_toward(words: list[Token], org_at: dict[int, int]) -> bool:
    """Whether role words name a standing toward the organization they name, "of" or "at" it ("a customer of X",
    "a rival of Y"), not a job there."""
    return any(word.text.lower() in STANDING_NOUNS and following.text in ("of", "at")
               for word, following in zip(words, words[1:], strict=False)) and \
        any(token.start in org_at for token in words)


def _owner_of_unit(words: list[Token]) -> Token | None:
    """The body owning the unit a job is held in ("head of the company's memory division"): "the company", when
    the word before "of" is a job, not a standing toward it ("a critic of the company's plan")."""
    for index in range(3, len(words)):
        token = words[index]
        if token.possessive and token.text in ORG_ANAPHORS and words[index - 1].text == "the" and \
                words[index - 2].text == "of" and _holds_job(words[index - 3]):
            return token
    return None


def _before_spatial_tail(words: list[Token]) -> list[Token]:
    """The words of a job before a tail saying only where the person is ("a grocer near the Acme depot")."""
    cut = next((i for i, t in enumerate(words) if t.text in SPATIAL_TAILS), None)
    return words[:cut] if cut and _has_role_noun(words[:cut]) else words


def _relation(words: list[Token]) -> bool:
    """Whether role words, their owner cut off, name a family tie ("brother"), not a job."""
    head = next((i for i, t in enumerate(words) if t.text in PREPOSITIONS), len(words))
    return words[head - 1].text.lower() in RELATION_WORDS if head else False


NAME_JOINERS = frozenset("of for and &".split())
"""Lowercase words inside an owner's name ("the Bank of Northland's governor")."""


def _joins_name(words: list[Token], index: int) -> bool:
    """Whether the lowercase word at `index` joins two capitalized words of one name ("Bank of Northland")."""
    return words[index].text in NAME_JOINERS and 0 < index < len(words) - 1 \
        and words[index - 1].text[0].isupper() and words[index + 1].text[0].isupper()


def owners_settled(document: Document, found: Found) -> None:
    """Once the model has settled what each name names: a person given a job and no organization, whose job a name
    owned right before or after theirs ("Goldman Sachs's chief economist, Jan Hatzius", "Jan Hatzius, Goldman
    Sachs's chief economist,"), works for that name when the model found it an organization (roles are read before,
    when it was not known as one); else for the body their office, their words, their side or their sentence ties
    them to; a person called a member of a party ("X, a Green,") belongs to it."""
    entities = found.registry.entities
    organizations = {
        normalize(name): entity.name
        for entity in entities if entity.kind == "org" for name in (entity.name, *entity.aliases)
    }
    starts: dict[int, list[int]] = {}
    """Each sentence's tokens' starts, made once: a sentence of thousands of words names many people."""
    for mention in found.mentions:
        person = entities[mention.entity]
        if person.kind != "person" or person.organization is not None:
            continue
        tokens = document.sentences[mention.sentence].tokens
        token_starts = starts.get(mention.sentence)
        if token_starts is None:
            token_starts = starts[mention.sentence] = [token.start for token in tokens]
        at = bisect_left(token_starts, mention.start)
        if at == len(tokens) or tokens[at].start != mention.start:
            continue
        after_name = bisect_left(token_starts, mention.end)
        for rule in (_party_of_member, _party_in_brackets, _body_after):
            if person.organization is None:
                person.organization = rule(document, tokens, after_name, mention.end, organizations)
        if person.organization is None and at > 0 and tokens[at - 1].possessive and \
                _between(document, tokens[at - 1], tokens[at]) == "":
            owner = _owner_name(document, tokens, at - 1)
            if not _names_a_person(found, owner):  # "Trump's Steve Bannon", Trump also a company's alias
                person.organization = organizations.get(normalize(owner))
        if person.role and person.organization is None:
            _settle_owner(document, found, person, mention, tokens, tokens[at].index, after_name, organizations)


def _names_a_person(found: Found, owner: str) -> bool:
    """Whether an owner's name (its possessive mark left on or off) is a person's of the article, or their surname."""
    name = re.sub(r"['\u2019]s?$", "", owner)
    index = found.registry.keys.get(normalize(name))
    return name in found.registry.surnames or (index is not None and found.registry.entities[index].kind == "person")


def _settle_owner(document: Document, found: Found, person: Entity, mention: Mention, tokens: list[Token], at: int,
                  after_name: int, organizations: dict[str, str]) -> None:
    """Set the organization of a person with a job and none yet (their name from token `at` to before `after_name`),
    from the first rule that finds one."""
    owner = _owner_before(document, tokens, at)
    if owner is None:
        owner = _owner_after(document, tokens, mention.end)
    if owner is not None:
        person.organization = organizations.get(normalize(_owner_name(document, tokens, owner)))
    if person.organization is None:
        person.role, person.organization = _role_and_organization(person.role, organizations)
    if person.organization is None and person.role:
        person.role, person.organization = _body_opening_role(person.role, organizations)
    if person.organization is None and person.role:
        person.organization = _body_with(document, tokens, after_name, mention.end, person.role, organizations)
    if person.organization is None and person.role:
        person.organization = _body_before_title(document, tokens, at, person.role, organizations)
    rules = (_body_of_office, _ministry_of, _body_spoken_for, _side_played_for, _workplace_opening, _body_whose,
             _body_kind_in_title, _central_bank_governed)
    for rule in rules:
        if person.organization is not None:
            return
        person.organization = rule(document, found, person.role, mention)


def _set_off(document: Document, tokens: list[Token], first: int, end: int, mark: str) -> bool:
    """Whether `mark` alone stands between a name ending at `end` and the token `first` after it (", a …", "(…")."""
    return first < len(tokens) and document.masked[end:tokens[first].start].strip() == mark


BODY_LEADS = (("of",), ("from",), ("with",), ("speaking", "for"), ("speaking", "on", "behalf", "of"))
"""Words that open an appositive naming only the body a person is of or speaks for ("X, of the Red Cross,")."""


def _body_after(document: Document, tokens: list[Token], first: int, end: int,
                organizations: dict[str, str]) -> str | None:
    """The organization an appositive after a name (ending at `end`, `first` the first token after it) names alone
    after one of BODY_LEADS, "the" allowed before it ("…, from the Red Cross,"): where "…, from Texas," names a
    place, or "…, of the city's university," more than a body."""
    if not _set_off(document, tokens, first, end, ","):
        return None
    texts = [t.text for t in tokens[first:first + 4]]
    lead = next((len(lead) for lead in BODY_LEADS if tuple(texts[:len(lead)]) == lead), 0)
    return _body_named_at(document, tokens, first + lead, organizations) if lead else None


def _body_with(document: Document, tokens: list[Token], first: int, end: int, role: str,
               organizations: dict[str, str]) -> str | None:
    """The organization a job in apposition after a name is held "with" ("…, a researcher with the Clarion
    Institute,"): one the article names, ending the appositive; none for a job dealing with another side ("a
    negotiator with the Taliban") or with more after the name ("a scientist with NASA funding")."""
    if not _set_off(document, tokens, first, end, ","):
        return None
    job = role.split()[-1]
    for position in range(first, min(len(tokens) - 1, first + MAX_ROLE_WORDS)):
        if position > first and gap(document.masked, tokens[position - 1], tokens[position]):
            return None
        if tokens[position].text == "with":
            if position == first or tokens[position - 1].text != job or job in COUNTERPART_JOBS:
                return None
            return _body_named_at(document, tokens, position + 1, organizations)
    return None


def _body_before_title(document: Document, tokens: list[Token], at: int, role: str,
                       organizations: dict[str, str]) -> str | None:
    """The organization named right before a person's title ("Tesla CEO Elon Musk", "Labour MP Jane Doe"), the
    title being the words right before their name (at `at`)."""
    words = role.split()
    start = at - len(words)
    if start <= 0 or [t.text for t in tokens[start:at]] != words:
        return None
    for size in range(min(MAX_OWNER_WORDS, start), 0, -1):
        run = tokens[start - size:start]
        joined = zip(run, tokens[start - size + 1:start + 1], strict=True)
        if all(t.text[:1].isupper() and not t.possessive for t in run) and \
                not any(gap(document.masked, a, b) for a, b in joined):
            written = document.text[run[0].start:run[-1].end]
            body = organizations.get(normalize(written))
            if body is not None and not _short_form_without_office(written, words[-1]):
                return body  # "Tesla CEO X", "Fed Governor Y", not "Fed reporter Z"
    return None


COUNTERPART_JOBS = frozenset("negotiator negotiators mediator envoy liaison interlocutor counterpart".split())
"""Jobs held "with" another side rather than for it ("the US negotiator with the Taliban")."""
APPOSITIVE_GOES_ON = frozenset("a an the who whose which as for".split())
"""Words after a body's name and a comma that carry on describing the person ("…, from Liverpool, a fan for 50
years", "…, from Google, as its new finance chief"), so that the body need be no employer (a home town, a former
employer)."""


def _body_named_at(document: Document, tokens: list[Token], at: int, organizations: dict[str, str]) -> str | None:
    """The organization whose name (after "the", if it comes first) ends an appositive at `at`: a known one, with
    no word run on after it ("…, of the Red Cross appeal team") nor the appositive going on (APPOSITIVE_GOES_ON)."""
    if at < len(tokens) and tokens[at].text == "the":
        at += 1
    stop = at
    while stop < len(tokens) and stop - at < MAX_BODY_WORDS and (tokens[stop].text[:1].isupper() or (
            tokens[stop].text in NAME_JOINERS and stop > at)) and (stop == at or not gap(document.masked,
                                                                                       tokens[stop - 1], tokens[stop])):
        stop += 1
    if stop == at or tokens[stop - 1].possessive or \
            (stop < len(tokens) and not gap(document.masked, tokens[stop - 1], tokens[stop])):
        return None
    if stop < len(tokens) and document.masked[tokens[stop - 1].end:tokens[stop].start].strip() == "," and \
            tokens[stop].text in APPOSITIVE_GOES_ON:
        return None
    return organizations.get(normalize(document.text[tokens[at].start:tokens[stop - 1].end]))


MAX_BODY_WORDS = 8
"""Words of a body's name in an appositive after a person, at most."""


PARTY_FORMS = ("{}s", "the {}s", "{} Party", "{}ic Party")
"""Names of the party a member is called by ("a Green" of the Greens, "a Democrat" of the Democratic Party)."""


def _party_of_member(document: Document, tokens: list[Token], first: int, end: int,
                     organizations: dict[str, str]) -> str | None:
    """The party a person is a member of by an appositive of its member's name ("X, a Green, said"), when the
    article names that party; none for any other appositive ("X, a Briton,"). `first` is the first token after the
    name, which ends at `end`."""
    if first + 1 >= len(tokens) or not _set_off(document, tokens, first, end, ",") or \
            tokens[first].text not in ("a", "an"):
        return None
    run = tokens[first + 1:first + 3]
    for size in (2, 1):
        words = run[:size]
        if len(words) < size or not all(t.text[:1].isupper() and not t.possessive for t in words):
            continue
        after = document.masked[words[-1].end:words[-1].end + 1]
        if after not in (",", ".") or any(gap(document.masked, a, b) for a, b in zip(words, words[1:], strict=False)):
            continue
        member = " ".join(t.text for t in words)
        party = next((organizations[normalize(form.format(member))] for form in PARTY_FORMS
                      if normalize(form.format(member)) in organizations), None)
        if party is not None:
            return party
    return None


PARTY_LETTERS = {"D": "Democrat", "R": "Republican"}
"""The letters a US politician's party is given by in brackets after their name ("(D-Calif.)")."""


def _party_in_brackets(document: Document, tokens: list[Token], first: int, end: int,
                       organizations: dict[str, str]) -> str | None:
    """The party a politician's name is followed by in brackets ("X (Labour)", "X (Conservative)", "X (D-Calif.)"),
    when the article names that party; none for a place or anything else in brackets ("X (Leeds)"). `first` is the
    first token after the name, which ends at `end`."""
    if not _set_off(document, tokens, first, end, "("):
        return None
    words = tokens[first:first + 2]
    for size in (2, 1):
        run = words[:size]
        closing = document.masked[run[-1].end:run[-1].end + 2]
        if len(run) < size or not (closing.startswith(")") or closing == ".)") or \
                any(gap(document.masked, a, b) for a, b in zip(run, run[1:], strict=False)):
            continue
        member = " ".join(t.text for t in run)
        letter, dash, _state = member.partition("-")
        member = PARTY_LETTERS.get(letter, member) if dash or member in PARTY_LETTERS else member
        if not member[:1].isupper():
            return None
        for form in ("{}", *PARTY_FORMS):
            party = organizations.get(normalize(form.format(member)))
            if party is not None:
                return party
    return None


ROLE_ENDING_IN_BODY = re.compile(r"(?P<job>.+?),? (?:of|at) (?:the )?(?P<body>[A-Z].*)")
"""A job "of" or "at" a body that the role ends with ("chairman of the Istanbul Chamber of Industry")."""


def _role_and_organization(role: str, organizations: dict[str, str]) -> tuple[str, str | None]:
    """A role split from the organization its words end with, once the model has found that name to be one (roles
    are read before, when it was not known as one): the job, and the organization it is held at; a formal title
    keeps its body ("Director of the Harbour Tenants Association"), as when the rules know the body."""
    ending = ROLE_ENDING_IN_BODY.fullmatch(role)
    if ending is None or not is_role_noun(ending["job"].split()[-1].lower()) or \
            ending["job"].split()[-1].lower() in STANDING_NOUNS:
        return role, None  # not "rival of Microsoft": a standing toward the body
    organization = organizations.get(normalize(ending["body"]))
    if organization is None:
        return role, None
    formal = role[:1].isupper() and role.split()[0].lower() not in JOB_ACRONYMS  # "Director of X", not "CEO of X"
    return (role if formal else ending["job"]), organization


HELD_OFFICES = frozenset("""
    chair chairman chairwoman chairperson president secretary director executive officer governor head chief
    founder co-founder manager coach captain player striker goalkeeper economist strategist creator
    commissioner minister treasurer spokesman spokeswoman spokesperson ceo cfo coo cto
    engineer scientist researcher designer producer lawyer counsel general superintendent
""".split())
"""Last words of an office held at the body a role opens with ("Fed Chair", "Barcelona soccer player"), unlike a
standing toward it ("Starbucks customer", "Labour voter", "Liverpool supporter")."""
OFFICE_QUALIFIER_WORDS = frozenset("""
    deputy vice assistant acting interim senior chief managing executive general head soccer football rugby
    club first
""".split())
"""Words that may open such an office before its last word ("Fed Vice Chair", "Crusaders head coach")."""


def _short_form_without_office(opening: str, last_word: str) -> bool:
    """Whether a role opens with a body's short form before a word of no office held there ("Fed reporter X", "Fed
    watcher Y"): a body the role covers, not one the person works for."""
    return opening in SHORT_FORMS and last_word.lower() not in HELD_OFFICES


def _body_opening_role(role: str, organizations: dict[str, str]) -> tuple[str, str | None]:
    """A role opened by an organization's name or short form, once the model has found it one ("Fed Chair",
    "Acme CEO"): the job, and that organization."""
    words = role.split()
    for size in range(min(MAX_OWNER_WORDS, len(words) - 1), 0, -1):
        opening = " ".join(words[:size])
        organization = organizations.get(normalize(SHORT_FORMS.get(opening, opening)))  # "Fed Chair X"
        rest = words[size:]
        if organization is not None and len(rest) <= MAX_OFFICE_WORDS and rest[-1].lower() in HELD_OFFICES and \
                (rest[0].lower() in HELD_OFFICES or rest[0].lower() in OFFICE_QUALIFIER_WORDS or len(rest) == 1):
            return " ".join(rest), organization
    return role, None


OFFICE_BODIES = {
    "councillor": ("Council",), "councilor": ("Council",), "councilman": ("Council",), "councilwoman": ("Council",),
    "judge": ("Court", "Tribunal"), "justice": ("Court", "Tribunal"), "superintendent": ("District",),
    "cllr": ("Council",), "cllr.": ("Council",), "coun.": ("Council",),
}
"""Offices held only in one kind of body, by the last word of that body's name: a councillor sits on a council, a
judge on a court or tribunal, a superintendent heads a school district."""
MAX_OFFICE_WORDS = 3
"""Words of a bare office at most ("deputy presiding judge")."""
LOCAL_COUNCIL_WORDS = frozenset(
    "City Town County District Borough Parish Municipal Village Shire Metropolitan Township Regional Rural Urban"
    .split()
)
"""Words before "Council" that name a local council, where councillors sit ("Dunmore County Council"), unlike an
international or a state's body of that name ("the Security Council", "the European Council")."""
BENCH_WORDS = frozenset("presiding trial district circuit federal magistrate appeals appellate".split())
"""Lowercase words that make "judge" a court's office ("presiding judge X"), not a contest's ("said judge X")."""
OFFICE_QUALIFIERS = PREPOSITIONS | {"from"}
"""Words after an office or its holder's name that tie it to a place of its own ("a councillor in Amberley")."""


OFFICE_RANKS = frozenset("deputy lord lady former acting interim vice assistant executive".split())
"""Capitalized words before an office that are no place of its own ("Deputy Mayor", "Lord Mayor")."""


def _body_of_office(document: Document, found: Found, role: str, mention: Mention) -> str | None:
    """The body a bare office is held in ("Councillor X", "presiding judge X"): the only organization of its kind
    the article names, named before the person; none when it names several or none before, or the office is
    tied to a place of its own."""
    words = role.split()
    kinds = OFFICE_BODIES.get(words[-1].lower())
    if kinds is None or len(words) > MAX_OFFICE_WORDS or not PREPOSITIONS.isdisjoint(words):
        return None  # not "Minister of Justice"
    if "Council" not in kinds and not (words[-1][0].isupper() or BENCH_WORDS.intersection(words)):
        return None  # "said judge X" of a contest
    if _office_elsewhere(document, mention, words[-1]):
        return None
    entities = found.registry.entities
    bodies = {m.entity for m in found.mentions if entities[m.entity].kind == "org"
              and _body_of_kind(document, entities[m.entity].name, kinds, m)}
    if len(bodies) != 1:
        return None
    body = bodies.pop()
    named = entities[body].name
    places = [word for word in words[:-1] if word[:1].isupper() and word.lower() not in OFFICE_RANKS
              and word not in TITLE_WORDS and word not in TITLE_HEADS and word not in HONORIFICS]
    if any(word not in named.split() for word in places):
        return None  # "Eastfield Mayor X" holds no office on Westbury City Council
    return named if entities[body].first < mention.start and named.split()[-1] in kinds else None


def _mentions_between(found: Found, start: int, end: int) -> list[Mention]:
    """The mentions starting within [start, end), found by halving (the mentions are in text order)."""
    low = bisect_left(found.mentions, start, key=lambda m: m.start)
    return found.mentions[low:bisect_left(found.mentions, end, lo=low, key=lambda m: m.start)]


def _sentence_organizations(document: Document, found: Found, number: int) -> list[Mention]:
    """The mentions of organizations in sentence `number`."""
    sentence = document.sentences[number]
    entities = found.registry.entities
    return [m for m in _mentions_between(found, sentence.start, sentence.end) if entities[m.entity].kind == "org"]


PLAYER_ROLES = SPORT_ROLES | frozenset("""
    substitute guard opener spinner seamer centre-back center-back full-back wing-back fly-half scrum-half
""".split())
"""Last words of a role that plays for a side ("fast bowler", "substitute")."""


def _side_played_for(document: Document, found: Found, role: str, mention: Mention) -> str | None:
    """The side a player plays for when their sentence says so after the name ("Fast bowler X took five for 61
    for Northshire"): the organization right after "for"."""
    if role.split()[-1].lower() not in PLAYER_ROLES:
        return None
    tokens = document.sentences[mention.sentence].tokens
    entities = found.registry.entities
    org_at = {m.start: m.entity for m in _sentence_organizations(document, found, mention.sentence)
              if m.start > mention.end}
    for index in range(1, len(tokens)):
        token = tokens[index]
        if token.start in org_at:
            at_for = index - 1 if tokens[index - 1].text == "for" else index - 2
            named_for = at_for > 0 and tokens[at_for].text == "for" and (at_for == index - 1 or
                                                                       tokens[index - 1].text == "the")
            return entities[org_at[token.start]].name if named_for and _playing_for(tokens, at_for) else None
    return None


PLAYING_WORDS = frozenset("""
    plays playing play scored scores scoring starts started starting captains captained bowled bowling batted
    batting took takes struck netted kicked pitched pitches
""".split())
"""Words before "for" a side that say the player plays for it now ("scored twice for X", "took five for 61 for Y"),
unlike "felt sorry for X" or "had played for X"."""
PAST_WORDS = frozenset("had formerly previously once before".split())
"""Words that make the side played for one of the past ("had played for X")."""


def _playing_for(tokens: list[Token], at_for: int) -> bool:
    """Whether the "for" at `at_for` follows a word of playing (within four words, a past one not among them)."""
    before = {token.text.lower() for token in tokens[max(0, at_for - 4):at_for]}
    return bool(before & PLAYING_WORDS) and not before & PAST_WORDS


MAX_OPENING_WORDS = 4
"""Words of an organization's name opening a sentence, at most."""


def _workplace_opening(document: Document, found: Found, role: str, mention: Mention) -> str | None:
    """The organization a sentence opens "At" before a job and a name ("At Acme, chief executive X said"): where
    the person works, when the sentence names no other organization."""
    tokens = document.sentences[mention.sentence].tokens
    if len(tokens) < 3 or tokens[0].text != "At" or not _company_office(role):
        return None
    opening = _opening_organization(document, found, tokens[1:])
    if opening is None or document.masked[opening[1]:opening[1] + 1] != "," or opening[1] > mention.start:
        return None
    others = {m.entity for m in _sentence_organizations(document, found, mention.sentence)}
    return found.registry.entities[opening[0]].name if others <= {opening[0]} else None


def _body_whose(document: Document, found: Found, role: str, mention: Mention) -> str | None:
    """The organization whose officer the person is, named right before ", whose" and their job ("X, whose vice
    president, Y, said"): Y works for X."""
    tokens = document.sentences[mention.sentence].tokens
    at = bisect_left(tokens, mention.start, key=lambda t: t.start)
    whose = next((i for i in range(at - 1, max(-1, at - 2 - MAX_OFFICE_WORDS), -1) if tokens[i].text == "whose"),
                 None)
    if whose is None or whose == 0 or not all(t.text.islower() for t in tokens[whose + 1:at]):
        return None
    if document.masked[tokens[whose - 1].end:tokens[whose].start].strip() != ",":
        return None
    before = tokens[whose - 1].end
    entities = found.registry.entities
    named = next((m for m in _sentence_organizations(document, found, mention.sentence)
                  if m.end == before and not m.possessive), None)
    return entities[named.entity].name if named is not None else None


def _titled_here(document: Document, mention: Mention, title: list[str]) -> bool:
    """Whether the title's words stand right before this mention, not a later mention of its holder (whose own
    sentence may be about another body)."""
    tokens = document.sentences[mention.sentence].tokens
    at = bisect_left(tokens, mention.start, key=lambda t: t.start)
    return [t.text for t in tokens[max(0, at - len(title)):at]] == title


def _body_kind_in_title(document: Document, found: Found, role: str, mention: Mention) -> str | None:
    """The local council a title opening with "Council" belongs to ("Council leader X" opening a sentence): the
    latest council named, when it is a town's, a city's or a county's ("Sandmouth Borough Council"), not the UN's
    Security Council or "Arts Council England"."""
    words = role.split()
    if len(words) != 2 or words[0] != "Council" or not is_role_noun(words[1].lower()):
        return None
    if not _titled_here(document, mention, words):
        return None
    body = _named_by(document, found, "council", mention.start)
    if body is None:
        return None
    name = found.registry.entities[body].name.split()
    return " ".join(name) if len(name) > 1 and name[-1] == "Council" and name[-2] in LOCAL_COUNCIL_WORDS else None


CENTRAL_BANK_WORDS = frozenset("Bundesbank Riksbank Nationalbank Reichsbank".split())
"""Central banks named in one word."""
COMMERCIAL_BANK_COUNTRIES = frozenset("America China Cyprus Ireland Georgia".split())
"""Countries whose "Bank of …" is a commercial bank, not the central bank."""


def _central_bank_governed(document: Document, found: Found, role: str, mention: Mention) -> str | None:
    """The central bank a governor heads ("Governor X", "Deputy Governor Y"): the one central bank the article
    names before them ("Bank Indonesia", "the Central Bank of Nigeria", "Bank of Japan"); none where it names
    several, or none."""
    words = role.split()
    if not 1 <= len(words) <= 2 or words[-1] != "Governor" or len(words) == 2 and words[0] not in RANK_WORDS:
        return None
    if not _titled_here(document, mention, words):
        return None
    tokens = document.sentences[mention.sentence].tokens
    if any(t.text in PLACE_WORDS and (t.index == 0 or tokens[t.index - 1].text != "in") for t in tokens) or \
            any(t.text.lower().startswith(OTHER_GOVERNED_STEMS) for t in tokens):
        return None  # "In California, Governor X", "… Nairobi County traders", "… the state budget", "statewide"
    said = {t.text.lower() for t in tokens}
    placed = any(t.text in PLACE_WORDS for t in tokens)
    if "bank" not in said and (placed or not said & MONETARY_WORDS):
        return None  # a central bank's governor speaks of the bank or its policy; where a place is named, of the bank
    after = bisect_left(tokens, mention.end, key=lambda t: t.start)
    if after < len(tokens) and tokens[after].text in ("of", "in") and document.masked[mention.end] == " ":
        return None  # "Governor X of Texas"
    entities = found.registry.entities
    banks = {m.entity for m in found.mentions if m.start < mention.start and entities[m.entity].kind == "org"
             and _central_bank(entities[m.entity].name)}
    return entities[banks.pop()].name if len(banks) == 1 else None


MONETARY_WORDS = frozenset("monetary easing tightening reserves liquidity".split())
"""Words of a central bank's policy in its governor's sentence ("after a meeting of the Monetary Policy Committee",
"space for further easing"), unlike prices or interest rates, which a state's governor speaks of too."""
OTHER_GOVERNED_STEMS = ("state", "province", "county", "territor", "prison", "jail", "colony", "island")
"""Beginnings of words in a governor's sentence that make them another body's governor ("the state's Governor X",
"statewide prices", "Nairobi County traders")."""


def _central_bank(name: str) -> bool:
    """Whether a body's name is a central bank's: "Central" or "Reserve" with "Bank", or "Bank" with a country."""
    words = name.split()
    if CENTRAL_BANK_WORDS.intersection(words):
        return True
    if "Bank" not in words:
        return False
    country = " ".join(words[words.index("Bank") + 1:]).removeprefix("of ").removeprefix("the ")
    if country in COMMERCIAL_BANK_COUNTRIES:
        return False
    return "Central" in words or "Reserve" in words or country in COUNTRIES or words[0] in COUNTRIES


def _company_office(role: str) -> bool:
    """Whether a role is a bare office inside a company, in lowercase ("chief executive", "finance director"),
    unlike a title of state ("Foreign Minister", "Governor", "Chairman" of a committee)."""
    words = role.split()
    return words[-1].lower() in EXECUTIVE_HEADS and len(words) <= MAX_OFFICE_WORDS and \
        all(w.islower() for w in words) and words[0] not in PUBLIC_OFFICE_WORDS


PUBLIC_OFFICE_WORDS = frozenset("state city county federal national police government public party union".split())
"""First words of an office held in a public body or a party ("state treasurer", "police spokesman"), not in the
company a holder's words may be about."""


def _opening_organization(document: Document, found: Found, tokens: list[Token]) -> tuple[int, int] | None:
    """The organization whose name opens a sentence, its subject ("Northshire, who had …, were furious"), and where
    its name ends: none when a lowercase word or a possessive comes first ("In Lisbon", "Northshire's coach")."""
    registry = found.registry
    for size in range(min(MAX_OPENING_WORDS, len(tokens)), 0, -1):
        run = tokens[:size]
        if any(not t.text[:1].isupper() or t.possessive for t in run) or \
                any(gap(document.masked, a, b) for a, b in zip(run, run[1:], strict=False)):
            continue
        index = registry.keys.get(normalize(" ".join(t.text for t in run)))
        if index is not None and registry.entities[index].kind == "org":
            return index, run[-1].end
    return None


EXECUTIVE_HEADS = frozenset("""
    executive director officer chairman chairwoman chairperson chair governor spokesman spokeswoman spokesperson
    manager superintendent founder co-founder head ceo cfo coo cto
""".split())
"""Last words of an office held inside a body, whose holder speaks for it ("finance director"), unlike an
analyst's, a union leader's or a president's, who may speak of a body they are no part of."""


def _body_spoken_for(document: Document, found: Found, role: str, mention: Mention) -> str | None:
    """The body a bare executive office speaks for when its holder's words are about "the company" or "the bank"
    ("Finance director X said the company would …"): the one that anaphor points back to; none for an office tied
    to a body of its own ("Police spokesman X") or a title of state ("Governor X said the company must pay")."""
    if not _company_office(role):
        return None
    tokens = document.sentences[mention.sentence].tokens
    after = tokens[bisect_left(tokens, mention.end, key=lambda t: t.start):]
    if not after or after[0].text not in SPEECH_VERBS:
        return None
    for index in range(1, len(after) - 1):
        if after[index].text == "the" and after[index + 1].text in ORG_ANAPHORS and \
                after[index - 1].text in ("that", after[0].text):
            body = _named_by(document, found, after[index + 1].text, mention.start)
            return found.registry.entities[body].name if body is not None else None
    return None


PORTFOLIO_BODIES = {"minister": "Ministry", "commissioner": "Commission"}
"""Offices whose holder heads a body named for the office and its portfolio ("Finance Minister" of the "Ministry of
Finance")."""
RANK_WORDS = frozenset("Deputy Vice Junior State Assistant Acting Interim deputy vice junior assistant acting interim"
                       .split())
"""Words of an office's rank that no body's name repeats ("Deputy Finance Minister")."""
PORTFOLIO_REACH = 3
"""Sentences before a minister's name within which the ministry must be named for it to be theirs."""


def _ministry_of(document: Document, found: Found, role: str, mention: Mention) -> str | None:
    """The body a minister heads, by its portfolio ("Finance Minister X" of the "Ministry of Finance"): the one
    body of that kind named just before or with them whose name holds every other word of the office ("Prime
    Minister" heads none); a bare "Minister" only when one such body is named."""
    words = role.split()
    kind = PORTFOLIO_BODIES.get(words[-1].lower())
    if kind is None or len(words) > MAX_OFFICE_WORDS or not all(w[:1].isupper() for w in words):
        return None
    portfolio = {w.lower() for w in words[:-1] if w not in RANK_WORDS}
    entities = found.registry.entities
    since = document.sentences[max(0, mention.sentence - PORTFOLIO_REACH)].start
    named = [m for m in _mentions_between(found, since, mention.start) if entities[m.entity].kind == "org"
             and kind in entities[m.entity].name.split()
             and portfolio <= {w.lower() for w in entities[m.entity].name.split()}]
    if len({m.entity for m in named}) != 1 or any(_owned(document, m) for m in named):
        return None
    return entities[named[0].entity].name


def _owned(document: Document, mention: Mention) -> bool:
    """Whether a body is named as some place's or someone's ("Russia's Ministry of Defence"): a minister named
    after it may be another country's."""
    before = document.masked[max(0, mention.start - 40):mention.start].rstrip().rsplit(" ", 1)[-1]
    return before.endswith(("'s", "\u2019s"))


def _body_of_kind(document: Document, name: str, kinds: tuple[str, ...], mention: Mention) -> bool:
    """Whether a named body is one the office sits in: a local council, or a court not named as where a case
    goes next ("will appeal to the Supreme Court")."""
    words = name.split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]  # "Court of Appeal" counts, held by none
    if head not in kinds:
        return False
    if head == "Council":
        return len(words) > 1 and words[-2] in LOCAL_COUNCIL_WORDS
    before = document.masked[max(0, mention.start - 8):mention.start].split()
    return not (before and (before[-1] == "to" or before[-2:] == ["to", "the"]))


def _office_elsewhere(document: Document, mention: Mention, office: str) -> bool:
    """Whether the office or its holder's name is tied to a place of its own in the sentence ("a councillor in the
    town of Amberley", "Councillor X of Amberley"), so that no body named elsewhere is theirs."""
    tokens = document.sentences[mention.sentence].tokens
    for position, token in enumerate(tokens[:-1]):
        if token.text == office and tokens[position + 1].text in OFFICE_QUALIFIERS:
            return True
        if token.end == mention.end and tokens[position + 1].text in ("of", "for", "from"):
            return True
    return False


def _between(document: Document, token: Token, after: Token) -> str:
    """What stands between two tokens but a possessive's ending: a comma, a dash, nothing."""
    between = document.masked[token.end:after.start].strip()
    if token.possessive:
        between = between.removeprefix("'s").removeprefix("\u2019s").removeprefix("'").removeprefix("\u2019")
    return between


def _owner_name(document: Document, tokens: list[Token], possessive: int) -> str:
    """The capitalized words ending in the possessive at this position: the owner's name ("Goldman Sachs")."""
    start = possessive
    while start > 0 and possessive - start < MAX_OWNER_WORDS - 1 and tokens[start - 1].text[0].isupper() and \
            not _between(document, tokens[start - 1], tokens[start]):
        start -= 1
    return document.text[tokens[start].start:tokens[possessive].end]


def _owner_before(document: Document, tokens: list[Token], at: int) -> int | None:
    """Where the possessive owning the job right before the name at `at` stands ("Goldman Sachs's chief economist,
    Jan Hatzius")."""
    for position in range(at - 1, max(-1, at - MAX_ROLE_WORDS - 2), -1):
        between = _between(document, tokens[position], tokens[position + 1])
        if between and not (position == at - 1 and between == ","):
            return None  # only the job's own words, and the comma before the name
        if tokens[position].possessive:
            return position
    return None


def _owner_after(document: Document, tokens: list[Token], end: int) -> int | None:
    """Where the possessive owning the job in apposition right after a name ending at `end` stands ("Benoît
    Lefèvre-Arnaud, Airbus's chief commercial officer,"): among the first words after the comma."""
    first = bisect_left(tokens, end, key=lambda t: t.start)
    if not _set_off(document, tokens, first, end, ","):
        return None
    for position in range(first, min(len(tokens), first + MAX_OWNER_WORDS)):
        if position > first and _between(document, tokens[position - 1], tokens[position]):
            return None
        if tokens[position].possessive:
            return position
        if not tokens[position].text[0].isupper():
            return None
    return None


MAX_OWNER_WORDS = 4
"""Words of an owner's name in apposition after a person, at most."""


def _organization_in(found: Found, words: list[Token], org_at: dict[int, int]) -> int | None:
    """The first organization named among words."""
    for token in words:
        if token.start in org_at:
            return org_at[token.start]
    return None


def _trailing_organization(found: Found, words: list[Token], org_at: dict[int, int]) -> tuple[int, int] | None:
    """An organization closing the phrase after "of"/"at" ("director of Northwind"): (org, cut index)."""
    for i in range(len(words) - 1, 0, -1):
        if words[i].start in org_at:
            cut = _before_description(words, i)
            if cut > 0 and words[cut - 1].text in ("of", "at"):
                return org_at[words[i].start], cut - 1
            if cut > 1 and words[cut - 1].text == "for" and words[cut - 2].text in WORKING_FOR and \
                    words[-1].text[0].isupper():
                return org_at[words[i].start], cut - 1  # "a lawyer for X", not "a candidate for the Senate"
            return None
    return None


WORKING_FOR = frozenset(
    "spokesman spokeswoman spokesperson lawyer lawyers attorney counsel adviser advisor consultant lobbyist "
    "correspondent reporter columnist writer editor analyst economist strategist negotiator member parliament "
    "lawmaker legislator MP MEP".split()
)
"""Jobs done for an organization that employs or retains the person, or seats held for it: "a lawyer for X" or "a
member of parliament for X" names their organization, where "a candidate for X" or "a bidder for X" does not."""


def _before_description(words: list[Token], index: int) -> int:
    """Where the words describing the organization at `index` start: "the", where it sits and what kind of body it
    is ("the Jakarta research firm", "Lagos-based consultancy", "the Vienna-based start-up")."""
    cut = index
    if cut > 0 and words[cut - 1].text in ORG_CLASS_NOUNS:
        cut -= 1
        while cut > 0 and words[cut - 1].text.islower() and words[cut - 1].text.isalpha() and \
                words[cut - 1].text not in DESCRIPTION_ENDS:
            cut -= 1
        while cut > 0 and words[cut - 1].text[0].isupper() and not words[cut - 1].possessive:
            cut -= 1
    while cut > 0 and (words[cut - 1].text == "the" or words[cut - 1].text.endswith(SEAT_SUFFIXES)):
        cut -= 1
    return cut


DESCRIPTION_ENDS = frozenset("of at for the a an and or in on with by from to".split())
"""Words that end the description of a body before its name, reading back from it."""


def _recent_organization(document: Document, found: Found, position: int, company: bool = False) -> int | None:
    """The organization "its" or "the company's" at position points back to: the latest that was a sentence's
    subject, else the one the article names most among those named before (its main company, not a data
    provider or an investor just cited), the latest of them on a tie; for a `company`, none the article calls
    a body of another kind ("the broadcaster NOS", "X, an association of landlords") or named for one ("the
    Eastfield Neighborhood Association", "the Department of Health", "the World Health Organization")."""
    at = bisect_left(found.mentions, position, key=lambda m: m.start)
    before = found.mentions[max(0, at - 300):at]
    recent = [m for m in before if found.registry.entities[m.entity].kind == "org"]
    if company:
        entities = found.registry.entities
        other_kinds = {m.entity for m in recent if _called(document, found, m) in NOT_COMPANIES
                       or not NOT_COMPANY_NAME_WORDS.isdisjoint(entities[m.entity].name.lower().split())}
        recent = [m for m in recent if m.entity not in other_kinds]
    if not recent:
        return None
    leading: dict[int, int] = {}
    for mention in before:
        leading.setdefault(mention.sentence, mention.start)
    subject = next((m for m in reversed(recent) if leading[m.sentence] == m.start and _subject(document, m)
                    and not _acts_on_company(document, m)), None)
    if subject is not None:
        return subject.entity
    counts = Counter(mention.entity for mention in found.mentions)
    order = {mention.entity: number for number, mention in enumerate(recent)}
    return max(order, key=lambda entity: (counts[entity], order[entity]))


SUBJECT_LEAD = 3
"""Lowercase words that may stand before an organization's name in its sentence for it to be the sentence's subject
("In a statement, X said"), unlike one named late ("Analysts surveyed by data provider X had expected")."""


def _subject(document: Document, mention: Mention) -> bool:
    """Whether the first name of a sentence, an organization's, is its subject: ungoverned, after few lowercase
    words."""
    if mention.governed:
        return False
    tokens = document.sentences[mention.sentence].tokens
    return sum(1 for t in tokens if t.start < mention.start and t.text[:1].islower()) <= SUBJECT_LEAD


CLAUSE_OPENERS = PREPOSITIONS | frozenset("that and but or as because while when if whether from by with".split())
"""Words before "the company" that make it no object of the sentence's verb."""


def _acts_on_company(document: Document, mention: Mention) -> bool:
    """Whether a subject's sentence names "the company" after it, another one it acts on ("The Aviation Authority
    fined the company"), so that a later "its" points back to that company, not to the subject."""
    tokens = document.sentences[mention.sentence].tokens
    after = [t.text for t in tokens if t.start >= mention.end]
    return any(word == "the" and following in BUSINESS_ANAPHORS and _verb_before_object(verb)
               for verb, word, following in zip(after, after[1:], after[2:], strict=False))


def _verb_before_object(word: str) -> bool:
    """Whether a word can be a verb whose object follows ("fined the company"), not speech, a clause's or a
    preposition's opening ("said the company would", "that the company", "at the company")."""
    return word.islower() and word not in SPEECH_VERBS and word not in CLAUSE_OPENERS


HEAD_ONLY_ANAPHORS = frozenset("centre center confederation".split())
"""Kinds of body that point back only to a body whose name they head ("Harbor Arts Centre", "Confederation of
British Industry"), not one they qualify ("the Centre Party", "Centre Court")."""


def _name_head(name: str) -> str:
    """The head word of a body's name, lowercased: its last word, or the word before "of" or "for"."""
    words = name.lower().split()
    cut = next((number for number, word in enumerate(words) if number and word in ("of", "for")), len(words))
    return words[cut - 1]


def _named_by(document: Document, found: Found, anaphor: str, position: int, said_at: int | None = None) -> int | None:
    """The organization "the ministry" points back to: the latest whose name holds the word or that the article
    calls one ("Vastgoed Belang, an association of landlords", "the broadcaster NOS"), or any company. A museum, a
    fund or a school (see OWNER_ANAPHORS), where "the museum's" stands at `said_at`, is the one body so named, and
    none where one left unnamed stands between ("the Science Museum … a small museum in Oslo. The museum's
    chairman")."""
    if anaphor in BUSINESS_ANAPHORS:
        return _recent_organization(document, found, position, company=True)
    at = bisect_left(found.mentions, position, key=lambda m: m.start)
    for mention in reversed(found.mentions[max(0, at - 300):at]):
        entity = found.registry.entities[mention.entity]
        if entity.kind == "org" and (anaphor in entity.name.lower().split() or
                                     _called(document, found, mention) == anaphor):
            if anaphor in HEAD_ONLY_ANAPHORS and _name_head(entity.name) != anaphor:
                continue  # "the centre" is no "Centre Party" nor "Centre Court"
            if said_at is not None and anaphor not in ORG_ANAPHORS and (
                    re.search(rf"\b{anaphor}\b", document.masked[mention.end:said_at]) or
                    sum(e.kind == "org" and anaphor in e.name.lower().split() for e in found.registry.entities) > 1):
                return None
            return mention.entity
    return None


NOT_COMPANIES = ORG_ANAPHORS - BUSINESS_ANAPHORS - frozenset(
    "bank manufacturer network organization organisation club team".split()
)
"""Kinds of body "the company" never points back to (a broadcaster, a ministry, a union, a charity)."""
NOT_COMPANY_NAME_WORDS = NOT_COMPANIES | frozenset("organization organisation".split())
"""Words in the names of bodies "the company" never points back to ("World Health Organization")."""


def _called(document: Document, found: Found, mention: Mention) -> str | None:
    """The kind of body the article calls an organization where it names it: the noun right before its name ("the
    broadcaster NOS", "the growers' association X") or heading an appositive after it (", an association of
    landlords", ", a Kenyan charity", ", the largest union in Britain"); told once a mention."""
    if mention.start not in found.kinds_called:
        found.kinds_called[mention.start] = _kind_called(document, mention)
    return found.kinds_called[mention.start]


def _kind_called(document: Document, mention: Mention) -> str | None:
    """`_called`, told from the words around the mention."""
    tokens = document.sentences[mention.sentence].tokens
    first = bisect_left(tokens, mention.start, key=lambda t: t.start)
    if 0 < first < len(tokens) and tokens[first - 1].text in ORG_ANAPHORS and \
            not gap(document.masked, tokens[first - 1], tokens[first]):
        return tokens[first - 1].text
    after = bisect_left(tokens, mention.end, key=lambda t: t.start)
    if after >= len(tokens) or document.masked[mention.end:tokens[after].start].strip() != ",":
        return None
    return appositive_kind(document, tokens, after, ORG_ANAPHORS)


SIDE_ANAPHORS = frozenset("club team".split())
"""Words for a sports side whose name seldom holds them ("the club's president" of a club called Dunmore Rovers):
as a job's owner with no name holding the word, the side a company's anaphor would point back to."""
SIDE_NAME_WORDS = frozenset(word.lower() for word in CLUB_WORDS) | frozenset("""
    fc afc cf sc rovers rangers wanderers albion hotspur athletico atletico club united city town county dynamo
    sporting racing real olympique juventus
""".split())
"""Words in the names of sports sides (lowercase): what "the club" points back to is named like one."""


BODY_KINDS = ORG_ANAPHORS | frozenset("""
    airport port hospital library museum school college fund trust exchange station refinery plant factory mine
    chain retailer lender insurer publisher broadcaster operator utility
""".split())
"""Nouns for a body or a place run as one, which "The …" opening a sentence may be ("The airport handled …")."""
JOB_BODY_KINDS = ORG_ANAPHORS | frozenset("airport hospital library museum".split())
"""Kinds of body that, before a job, name the body of that kind named before ("airport spokeswoman X"), unlike a
trade ("fund manager", "school teacher", "mine manager")."""


def _its_owner(document: Document, found: Found, owner: Token, position: int) -> int | None:
    """The organization "its" (or "their") points back to. Where its sentence, or the one before when it opens
    one, opens with a body's kind ("The airport handled 17 million passengers. Its chief executive, X"): the
    latest organization named for that kind, or called one, or none; where it opens with another common noun
    ("The branch serves 40,000 visitors. Its director") or a person's name, none; else see
    `_recent_organization`."""
    number = owner.sentence
    opens = number > 0 and owner.index == 0
    if opens:
        number -= 1
    tokens = document.sentences[number].tokens
    if opens and tokens and _person_opens(found, number, tokens[0].start) and \
            _organization_opens(found, number, tokens[-1].end):
        return None  # "X, who joined from Y, scored twice. Their midfielder Z": X's side, not Y
    if opens and tokens:
        described = _described_body(document, found, number)
        if described is not None:
            return described
        if len(tokens) > 2 and tokens[0].text == "The" and tokens[1].text[:1].isupper() and \
                not _organization_opens(found, number, tokens[min(len(tokens), SUBJECT_TOKENS) - 1].end):
            return None  # "The Save Victoria Pier campaign said …. Its chair": a body not found among the names
    if len(tokens) < 3 or tokens[0].text != "The" or not tokens[1].text.islower() or \
            _organization_opens(found, number, tokens[min(len(tokens), SUBJECT_TOKENS) - 1].end):
        return _recent_organization(document, found, position)
    kind = next((t.text for t in tokens[1:4] if t.text in BODY_KINDS), None)
    if kind is None:
        return None
    return _named_by(document, found, kind, position)


DESCRIBED_AFTER = re.compile(r",\s+(?:which|an?)\s")
"""What follows a body's name that the sentence goes on to tell of (", which represents …", ", a small label,")."""


def _described_body(document: Document, found: Found, number: int) -> int | None:
    """The one organization sentence `number` tells of in a clause or an appositive after its name ("… a collision
    course with the X Union, which represents …", "when X Records, a small label, reissued …"), which an "Its"
    opening the next sentence points back to; none when a body's name opens the sentence, its subject, another is
    named after it, or the next sentence names one of them again."""
    tokens = document.sentences[number].tokens
    if _organization_opens(found, number, tokens[min(len(tokens), SUBJECT_TOKENS) - 1].end):
        return None
    named = [m for m in _sentence_organizations(document, found, number) if not m.possessive]
    described = [m for m in named if DESCRIBED_AFTER.match(document.masked, m.end)]
    if len({m.entity for m in described}) != 1 or named[-1].entity != described[-1].entity:
        return None  # "after talks with Apple, which buys its screens, Samsung announced": Samsung's
    in_next = {m.entity for m in _sentence_organizations(document, found, number + 1)}
    if in_next & {m.entity for m in named}:
        return None  # "… ordered Google to pay Acme Ltd, a small developer, …. Its spokesman said Google would …"
    return described[-1].entity


SUBJECT_TOKENS = 6
"""Tokens opening a sentence within which an organization named is its subject ("The main opposition party, Sinn
Féin, said", "The anti-immigration Danish People's Party lost")."""


def _person_opens(found: Found, number: int, start: int) -> bool:
    """Whether sentence `number` opens with a person's name as its subject (not their possessive)."""
    at = bisect_left(found.mentions, start, key=lambda m: m.start)
    return at < len(found.mentions) and found.mentions[at].start == start and found.mentions[at].sentence == number \
        and not found.mentions[at].possessive and found.registry.entities[found.mentions[at].entity].kind == "person"


def _organization_opens(found: Found, number: int, before: int) -> bool:
    """Whether an organization is named in sentence `number` before offset `before`."""
    at = bisect_left(found.mentions, before, key=lambda m: m.start)
    return any(m.sentence == number and found.registry.entities[m.entity].kind == "org"
               for m in found.mentions[max(0, at - SUBJECT_TOKENS):at])


def _recent_side(document: Document, found: Found, position: int) -> int | None:
    """The organization "the club's" or "the team's" points back to, when it is named like a sports side (a
    sponsor named before it is no club)."""
    org = _recent_organization(document, found, position)
    if org is None:
        return None
    words = {word.lower() for word in found.registry.entities[org].name.split()}
    return org if words & SIDE_NAME_WORDS else None


def _next_sentence_role(document: Document, segment: Segment) -> str | None:
    """A role that a stray period cut into the next sentence ("... of the Harbour Board. Director of ...")."""
    number = segment.sentence + 1
    if number >= len(document.sentences) or document.sentences[number].paragraph != \
            document.sentences[segment.sentence].paragraph:
        return None
    tokens = document.sentences[number].tokens
    if len(tokens) < 3 or tokens[0].text not in TITLE_HEADS or tokens[1].text != "of":
        return None
    if segment.end + 3 < document.sentences[segment.sentence].end:
        return None
    phrase = _walk_forward(document, tokens, 0)
    return _text(document, phrase) if phrase else None
