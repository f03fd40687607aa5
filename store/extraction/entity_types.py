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
from store.extraction.entities import Found
from store.extraction.lexicon import ROLE_NOUNS, TITLE_WORDS
from store.extraction.names import CONNECTORS

MODEL_PATH = Path(__file__).with_name("entity_types.json")
DROPPED = "dropped"


@dataclass(frozen=True)
class Thresholds:
    """How sure the model must be to overrule the rules or to add a name they missed."""

    drop_person: float = 0.6
    drop_organization: float = 0.8
    retype: float = 0.6
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
    candidates = collect_candidates(document, found, speakers)
    for candidate, features in zip(candidates, features_of_all(document, candidates), strict=True):
        probabilities = model.probabilities(features)
        best = max(probabilities, key=probabilities.__getitem__)
        if is_known_organization(candidate.name) and not (candidate.speaker and candidate.rule_kind == "person"):
            best, probabilities = "org", {"org": 1.0, "person": 0.0, "other": 0.0}
        if candidate.entity is None:
            if best != "other" and probabilities[best] >= thresholds.add:
                additions.append((candidate, best))
            continue
        if candidate.speaker or f"{candidate.rule_kind}+" in candidate.segment_kinds:
            continue
        entity = registry.entities[candidate.entity]
        drop = thresholds.drop_person if entity.kind == "person" else thresholds.drop_organization
        if best == "other" and probabilities[best] >= drop:
            entity.kind = DROPPED
        elif best not in ("other", entity.kind) and probabilities[best] >= thresholds.retype:
            entity.kind = best
    for candidate, kind in additions:
        _add(found, candidate, kind)


def _add(found: Found, candidate: Candidate, kind: str) -> None:
    """Register a name the rules missed, unless it is another form of a person already known."""
    registry = found.registry
    words = candidate.words
    if all(word.lower() in ROLE_NOUNS or word in TITLE_WORDS or word.lower() in CONNECTORS for word in words):
        return
    if "and" in words and not is_known_organization(candidate.name):
        return
    position = candidate.spans[0][0] if candidate.spans else 0
    if kind == "person":
        if len(words) == 1 and words[0] in registry.surnames:
            return
        registry.add_person(candidate.name, words, position, "")
    else:
        registry.add_organization(candidate.name, words, position)
