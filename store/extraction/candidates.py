"""Names of one article as the entity-type model sees them: every distinct name, its mentions and its features.

A candidate is a person or organization the rules found, or a capitalized run they left unclaimed. Its
features are plain strings, a pure function of the candidate and its document, so that the model that
weighs them can say which ones pushed a decision.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from store.extraction.document import Document
from store.extraction.entities import Found, normalize
from store.extraction.given_names import GIVEN_NAMES
from store.extraction.lexicon import (
    COMPANY_SUFFIXES,
    HONORIFICS,
    INSTITUTION_NAMES,
    NEWS_ORGANIZATIONS,
    ORG_CLASS_NOUNS,
    ORG_HEADS,
    ORG_OF_HEADS,
    PLACE_THING_HEADS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    THING_NOUNS,
    TITLE_WORDS,
)
from store.extraction.names import is_acronym, is_place
from store.extraction.organizations import WELL_KNOWN_ORGANIZATIONS
from store.extraction.places import COUNTRIES, NATIONALITIES
from store.extraction.text import Token

CONTEXT_WORDS = 2
PERSONAL_WORDS = frozenset("he she his her him himself herself born died married wife husband son daughter".split())
MAX_MENTIONS_READ = 50
WORK_NOUNS = frozenset(
    "film films movie movies series show shows sitcom drama miniseries documentary novel novels book books album "
    "albums song songs single play plays opera musical poem painting paintings game video episode role roles "
    "starred stars appeared title titled award awards prize nominated nomination festival".split()
)
INSTITUTION_HEADS = frozenset(
    "Museum Museo Musée University Universidad Université Universität College Institute Institut Centre Center "
    "Gallery Library Planetarium Academy Conservatory Conservatoire Theatre Theater Théâtre Zoo Aquarium "
    "Observatory Laboratory Laboratories Foundation Society Association Council Committee Commission".split()
)
YEAR_AFTER = re.compile(r"\s*\(\s*(?:\d{4}|[^)]*\d{4}\s*)\)")
WORD_SHAPE = re.compile(r"[A-Z]+|[a-z]+|\d+|.")


@dataclass
class Candidate:
    """A distinct name of the article: how it is written, where, and what the rules made of it."""

    name: str
    words: list[str]
    spans: list[tuple[int, int, int]] = field(default_factory=list)
    """(start, end, sentence) of every mention in reporter's text."""
    entity: int | None = None
    """The rules' entity for this name, if they found one."""
    rule_kind: str = "none"
    segment_kinds: set[str] = field(default_factory=set)
    speaker: bool = False


def collect_candidates(document: Document, found: Found, speakers: set[int]) -> list[Candidate]:
    """The rules' people and organizations, then the capitalized runs no rule claimed, each once per name."""
    entities = found.registry.entities
    candidates: list[Candidate] = []
    for index, entity in enumerate(entities):
        if entity.kind not in ("person", "org"):
            continue
        candidates.append(Candidate(entity.name, entity.name.split(), entity=index, rule_kind=entity.kind,
                                    speaker=index in speakers))
    by_entity = {c.entity: c for c in candidates}
    for mention in found.mentions:
        owner = by_entity.get(mention.entity)
        if owner is not None:
            owner.spans.append((mention.start, mention.end, mention.sentence))
    for number, entity_index in found.segment_entity.items():
        owner = by_entity.get(entity_index)
        if owner is not None:
            segment = found.segments[number]
            owner.segment_kinds.add(segment.kind + ("+" if segment.strong else ""))
            if segment.speaker_slot:
                owner.segment_kinds.add("speaker_slot")
    known = found.registry.keys
    unclaimed: dict[str, Candidate] = {}
    for number, segment in enumerate(found.segments):
        if number in found.segment_entity or segment.kind in ("title", "thing"):
            continue
        run = _without_opener(document, segment.tokens)
        if not run:
            continue
        name = document.text[run[0].start:run[-1].end]
        key = normalize(name)
        if key in known or not key:
            continue
        candidate = unclaimed.get(key)
        if candidate is None:
            candidate = unclaimed[key] = Candidate(name, [t.text for t in run])
            candidate.segment_kinds.add(segment.kind)
            candidates.append(candidate)
        candidate.spans.append((run[0].start, run[-1].end, segment.sentence))
    return candidates


def _without_opener(document: Document, run: list[Token]) -> list[Token]:
    """A run without its first word when that word is capitalized only for opening the sentence."""
    if run and run[0].sentence_start and run[0].text.lower() in document.lowercase_words:
        run = run[1:]
        while run and not run[0].capital:
            run = run[1:]
    return run


def is_known_organization(name: str) -> bool:
    """Whether a name is an organization a reader knows on sight (an outlet, a company, an agency...)."""
    bare = name.removeprefix("The ").removeprefix("the ")
    return any(n in WELL_KNOWN_ORGANIZATIONS or n in NEWS_ORGANIZATIONS or n in INSTITUTION_NAMES
               for n in (name, bare))


def shape(word: str) -> str:
    """A word's shape: runs of capitals, lowercase, digits and other characters ("McDonald" → "AaAa")."""
    pieces = []
    for piece in WORD_SHAPE.findall(word):
        kind = "A" if piece[0].isupper() else "a" if piece[0].islower() else "9" if piece[0].isdigit() else piece[0]
        if not pieces or pieces[-1] != kind:
            pieces.append(kind)
    return "".join(pieces)


def features_of_all(document: Document, candidates: list[Candidate],
                    vocabulary: frozenset[str] = frozenset()) -> list[list[str]]:
    """The features of every candidate of one document, sharing one index of where its tokens start."""
    if not candidates:
        return []
    token_starts: dict[int, list[int]] = {}
    alone = names_standing_alone(document)
    return [candidate_features(document, candidate, vocabulary, token_starts, alone) for candidate in candidates]


def names_standing_alone(document: Document) -> frozenset[str]:
    """Capitalized words the article uses on their own, mid-sentence (a surname after its first mention)."""
    alone = set()
    for sentence in document.sentences:
        capital = sentence.capitals
        if True not in capital:
            continue
        words = sentence.tokens
        last = len(words) - 1
        index = -1
        for _ in range(capital.count(True)):
            index = capital.index(True, index + 1)
            if (index == 0 or not capital[index - 1]) and (index == last or not capital[index + 1]) \
                    and not words[index].sentence_start:
                alone.add(words[index].text)
    return frozenset(alone)


def candidate_features(document: Document, candidate: Candidate, vocabulary: frozenset[str] = frozenset(),
                       token_starts: dict[int, list[int]] | None = None,
                       alone: frozenset[str] = frozenset()) -> list[str]:
    """Every feature of a candidate: its words and their shapes, lexicons, what surrounds its mentions, the rules.

    `vocabulary` holds the words that the training texts write in lowercase: a name made of such words
    ("Match Point", "Burning Man") is more often a title or a thing than a person.
    """
    token_starts = {} if token_starts is None else token_starts
    words = candidate.words or candidate.name.split()
    lower = [w.lower() for w in words]
    found = {"bias", f"rule={candidate.rule_kind}", f"length={min(len(words), 5)}"}
    found.update(f"segment={kind}" for kind in candidate.segment_kinds)
    if candidate.speaker:
        found.add(f"speaker={candidate.rule_kind}")
    for word in lower:
        found.add(f"word={word}")
    found.add(f"first={lower[0]}")
    found.add(f"last={lower[-1]}")
    found.add(f"last_suffix={lower[-1][-3:]}")
    found.add(f"shape={'_'.join(shape(w) for w in words[:4])}")
    found.update(f"word_shape={shape(w)}" for w in words)
    if len(words) == 1:
        found.add(f"single={lower[0]}")
        if is_acronym(words[0]):
            found.add("acronym")
    if words[0] in GIVEN_NAMES:
        found.add("given_name_first")
    if any(w in GIVEN_NAMES for w in words[1:]):
        found.add("given_name_inside")
    if words[-1] in ORG_HEADS or words[-1] in COMPANY_SUFFIXES:
        found.add("org_head_last")
    if any(w in ORG_HEADS or w in ORG_OF_HEADS for w in words):
        found.add("org_word_inside")
    if words[-1] in PLACE_THING_HEADS or lower[-1] in THING_NOUNS:
        found.add("thing_head_last")
    if any(w in INSTITUTION_HEADS for w in words):
        found.add("institution_word")
    if is_place(words):
        found.add("place")
    if any(w in COUNTRIES or w in NATIONALITIES for w in words):
        found.add("place_word_inside")
    if is_known_organization(candidate.name):
        found.add("known_organization")
    if words[0] in TITLE_WORDS or words[0] in HONORIFICS:
        found.add("title_first")
    if any(w in ("of", "for", "and", "the", "&") for w in words):
        found.add("connector_inside")
    lower = [w.lower() for w in words if not w.islower()] or lower
    common = sum(1 for w in lower if w in vocabulary)
    found.add(f"common_words={'all' if common == len(lower) else 'some' if common else 'none'}")
    if lower[-1] in vocabulary:
        found.add("last_common")
    if lower[0] in vocabulary:
        found.add("first_common")
    if any(w in document.lowercase_words for w in lower):
        found.add("word_also_lowercase")
    if all(w in document.lowercase_words for w in lower):
        found.add("all_words_also_lowercase")
    if len(words) > 1 and words[-1] in alone:
        found.add("last_word_alone_elsewhere")
    mentions = len(candidate.spans)
    found.add(f"mentions={min(mentions, 4)}")
    in_title = sum(1 for _, _, sentence in candidate.spans if _in_title(document, sentence))
    if in_title:
        found.add("in_title" if in_title < mentions else "only_in_title")
    for start, end, sentence in candidate.spans[:MAX_MENTIONS_READ]:
        _context_features(document, start, end, sentence, found, token_starts)
    return sorted(found)


def _in_title(document: Document, sentence: int) -> bool:
    """Whether a sentence is the article's title line."""
    sentences = document.sentences
    return 0 <= sentence < len(sentences) and sentences[sentence].paragraph == document.title_paragraph


def _context_features(document: Document, start: int, end: int, sentence: int, found: set[str],
                      token_starts: dict[int, list[int]]) -> None:
    """What stands around one mention: the words either side, a title or preposition before, a verb after."""
    tokens = document.sentences[sentence].tokens if 0 <= sentence < len(document.sentences) else []
    starts = token_starts.get(sentence)
    if starts is None:
        starts = token_starts[sentence] = [t.start for t in tokens]
    first = bisect_left(starts, start)
    while first > 0 and tokens[first - 1].end > start:
        first -= 1
    last = bisect_left(starts, end)
    before = tokens[max(0, first - 4):first]
    after = tokens[last:last + CONTEXT_WORDS]
    nearby = [t.text.lower() for t in before]
    before = before[-CONTEXT_WORDS:]
    if any(word in WORK_NOUNS for word in nearby):
        found.add("work_noun_before")
    if YEAR_AFTER.match(document.text, end, end + 40):
        found.add("year_after")
    if document.text[max(0, start - 1):start] in "\"“" and document.text[end:end + 1] in "\"”" and start > 0:
        found.add("in_quote_marks")
    if before:
        previous = before[-1].text
        found.add(f"previous={previous.lower()}")
        if previous in HONORIFICS:
            found.add("honorific_before")
        if previous.lower() in ROLE_NOUNS or previous in TITLE_WORDS:
            found.add("role_before")
        if previous.lower() in ORG_CLASS_NOUNS:
            found.add("org_class_before")
        if len(before) == 2:
            found.add(f"previous_two={before[0].text.lower()}_{previous.lower()}")
    else:
        found.add("sentence_start")
    later = [t.text for t in tokens[last:last + 6]]
    if any(word in PERSONAL_WORDS for word in later):
        found.add("personal_word_after")
    if any(word in ("it", "its", "which") for word in later[:3]):
        found.add("neuter_word_after")
    if after:
        following = after[0].text
        gap = document.text[end:after[0].start].strip()
        where = "next" if not gap else "next_past_punctuation"
        found.add(f"{where}={following.lower()}")
        if following in SPEECH_VERBS:
            found.add(f"speech_verb_{where}")
        if following.lower() in ROLE_NOUNS:
            found.add("role_after")
        if following.lower() in ORG_CLASS_NOUNS:
            found.add("org_class_after")
    if first < last and tokens[last - 1].possessive:
        found.add("possessive")
    gap_before = document.text[max(0, start - 1):start]
    if gap_before == "(":
        found.add("in_parentheses")
    after_text = document.text[end:end + 2]
    if after_text.startswith(","):
        found.add("comma_after")
    if after_text.startswith(" ("):
        found.add("parenthesis_after")
