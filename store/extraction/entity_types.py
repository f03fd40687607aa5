"""The learned step of extraction: a model trained on annotated documents settles what each name names.

The rules propose people and organizations; the model, which sees each name's words, lexicons, contexts and
what the rules made of it, re-types them (a person that is an organization), drops those that name places,
works or things ("Montmartre Cemetery", "Best Actor"), and adds the names the rules left unclaimed when it is
sure. A quote's speaker keeps the kind the rules gave it (being quoted is the strongest evidence there is), and
so does a name the rules typed from a sure cue ("Mr.", "Inc.", an acronym defined after the name).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from store.extraction.candidates import Candidate, collect_candidates, features_of_all, is_known_organization
from store.extraction.classifier import EntityTypeModel
from store.extraction.document import Document
from store.extraction.entities import Entity, Found, about_a_match, normalize
from store.extraction.lexicon import ROLE_NOUNS, SPORT_ROLES, TITLE_WORDS
from store.extraction.names import CONNECTORS, common_words, is_place

MODEL_PATH = Path(__file__).with_name("entity_types.json")
DROPPED = "dropped"


@dataclass(frozen=True)
class Thresholds:
    """How sure the model must be to overrule the rules or to add a name they missed."""

    drop_person: float = 0.6
    drop_organization: float = 0.8
    retype: float = 0.75
    add: float = 0.7


THRESHOLDS = Thresholds()


@cache
def shipped_model() -> EntityTypeModel | None:
    """The model that ships with the package, read once; None when the file is missing."""
    if not MODEL_PATH.exists():
        return None
    return EntityTypeModel.load(MODEL_PATH)


def settle_entity_types(
    document: Document,
    found: Found,
    speakers: set[int],
    model: EntityTypeModel | None,
    thresholds: Thresholds = THRESHOLDS,
) -> None:
    """Re-type, drop and add entities of `found` as the model says (in place)."""
    if model is None:
        return
    registry = found.registry
    additions: list[tuple[Candidate, str]] = []
    open_questions = []
    for candidate in collect_candidates(document, found, speakers):
        if is_known_organization(candidate.name):
            if candidate.entity is None and not _headline_word(document, candidate):
                additions.append((candidate, "org"))
            elif not (candidate.speaker and candidate.rule_kind == "person"):
                registry.entities[candidate.entity].kind = "org"
        else:
            if candidate.spans and (candidate.entity is None or not _settled_by_rules(candidate)):
                open_questions.append(candidate)
            named_person = candidate.rule_kind == "person" and _named_person(registry.entities[candidate.entity])
            leading = _leading_known_organization(candidate) if candidate.rule_kind != "org" and not named_person \
                else None
            if leading is not None and not _headline_word(document, leading):
                additions.append((leading, "org"))
    asked = features_of_all(document, open_questions, model.vocabulary)
    for candidate, features in zip(open_questions, asked, strict=True):
        probabilities = model.probabilities(features)
        best = max(probabilities, key=probabilities.__getitem__)
        if candidate.entity is None:
            if best != "other" and probabilities[best] >= thresholds.add:
                additions.append((candidate, best))
            continue
        entity = registry.entities[candidate.entity]
        drop = thresholds.drop_person if entity.kind == "person" else thresholds.drop_organization
        if best == "other" and probabilities[best] >= drop:
            entity.kind = DROPPED
        elif best not in ("other", entity.kind) and probabilities[best] >= thresholds.retype:
            entity.kind = best
    for candidate, kind in additions:
        _add(document, found, candidate, kind)


def _only_where(document: Document, candidate: Candidate) -> bool:
    """Whether a place's name stands only where a place does, after "in", "to", "from" and the like ("a trip to
    Boston", "in Helsinki"), and never in a sentence about a match (a city's club: "a win in Porto" may be Porto's)."""
    masked = document.masked
    for start, end, _sentence in candidate.spans:
        before = masked[max(0, start - 16):start].split()
        if not before or before[-1] not in PLACE_PREPOSITIONS:
            return False
        after = masked[end:end + 16]
        following = after.split()[0] if after.strip() else ""
        if after[:1] == " " and following[:1].isalpha() and following not in AFTER_PLACES:
            return False  # "at Amazon warehouses": a body's name before a noun
    return not _plays(document, candidate)


AFTER_PLACES = frozenset(
    "and or where which in on for to with last this next since until before after during when while".split()
)
"""Words after a place's name that leave it a place ("a trip to Boston last year")."""


PLACE_PREPOSITIONS = frozenset("in to from at near across around throughout within outside into via".split())
"""Words a place's name stands after as a place ("a trip to Boston")."""


def _plays(document: Document, candidate: Candidate) -> bool:
    """Whether a place's name is named in a sentence about a match or a club, or before a player's job, as a city's
    club is ("Porto beat Benfica 2-1", "Barcelona soccer player X")."""
    for _start, end, number in candidate.spans:
        if about_a_match(document, number):
            return True
        after = document.masked[end:end + 24].split()[:2]
        if any(word.strip(".,;:") in SPORT_ROLES or word.strip(".,;:") == "player" for word in after):
            return True  # "Barcelona soccer player Gerard Pique"
    return False


def _headline_word(document: Document, candidate: Candidate) -> bool:
    """Whether a well-known organization's name is only a headline's word that English has in lowercase too
    ("Hackers Target Election Systems", "Apple Prices Soar"): in a headline whose every word is capitalized, its
    name may be a verb or a noun."""
    if len(candidate.words) != 1 or candidate.words[0].lower() not in common_words() or not candidate.spans:
        return False
    return all(document.sentences[sentence].paragraph == document.title_paragraph for _, _, sentence in
               candidate.spans)


def _named_person(entity: Entity) -> bool:
    """Whether the rules found a person sure enough that a company's name opening theirs is their given name: one
    with a role, or named again by another form ("Coach Dawn Staley … Staley said")."""
    return bool(entity.role or entity.aliases)


def _leading_known_organization(candidate: Candidate) -> Candidate | None:
    """A well-known organization opening a longer name ("UNESCO World Heritage Site"), as a candidate of its own."""
    words = candidate.words
    for size in range(min(len(words) - 1, 4), 0, -1):
        if is_known_organization(" ".join(words[:size])):
            start, _, sentence = candidate.spans[0] if candidate.spans else (0, 0, 0)
            return Candidate(" ".join(words[:size]), words[:size], [(start, start, sentence)])
    return None


def _settled_by_rules(candidate: Candidate) -> bool:
    """Whether the rules' kind stands whatever the model says: a quote's speaker, a name where a speaker stands,
    or a name typed from a sure cue."""
    kinds = candidate.segment_kinds
    return candidate.speaker or "speaker_slot" in kinds or f"{candidate.rule_kind}+" in kinds


def _add(document: Document, found: Found, candidate: Candidate, kind: str) -> None:
    """Register a name the rules missed, unless it is another form of a person already known."""
    registry = found.registry
    words = candidate.words
    if all(word.lower() in ROLE_NOUNS or word in TITLE_WORDS or word.lower() in CONNECTORS for word in words):
        return
    if "and" in words and not is_known_organization(candidate.name):
        return
    position = candidate.spans[0][0] if candidate.spans else 0
    if kind == "person":
        if len(words) == 1 and (words[0] in registry.surnames or is_place(words)):
            return  # "said Washington was …": a capital speaking for its government, no one named so
        registry.add_person(candidate.name, words, position, "")
    elif normalize(candidate.name) in registry.keys or (len(words) == 1 and words[0] in registry.prefixes):
        return
    elif len(words) == 1 and is_place(words) and _only_where(document, candidate):
        return  # "a trip to Boston, where …": a place, not a body ("Delta's chief executive" is one)
    else:
        registry.add_organization(candidate.name, words, position)
