"""The learned entity-type step: the shipped model, what it changes in an article, and that its build reproduces it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.extraction import extract
from store.extraction.classifier import EntityTypeModel
from store.extraction.entity_types import MODEL_PATH, shipped_model
from store.extraction.training import DEFAULT_TRAINING, main

ARTICLES = Path(__file__).parent / "articles"


def names(result) -> tuple[set[str], set[str]]:  # type: ignore[no-untyped-def]
    return {p.name for p in result.people}, {o.name for o in result.organizations}


def test_the_model_ships_small_with_its_meta_and_loads_once() -> None:
    assert MODEL_PATH.exists() and MODEL_PATH.stat().st_size <= 5 * 1024 * 1024
    meta = json.loads(MODEL_PATH.with_name("entity_types.meta.json").read_text(encoding="utf-8"))
    assert meta["training"]["documents"] > 0 and "CC BY" in meta["training"]["licenses"]
    assert shipped_model() is shipped_model()


def test_a_classifier_learns_separable_kinds_and_says_which_features_pushed() -> None:
    examples = [(["word=ltd", "bias"], "org"), (["word=mr", "bias"], "person"), (["word=river", "bias"], "other")] * 20
    model = EntityTypeModel.train(examples, epochs=10)
    assert max(model.probabilities(["word=ltd", "bias"]).items(), key=lambda kv: kv[1])[0] == "org"
    assert max(model.probabilities(["word=mr", "bias"]).items(), key=lambda kv: kv[1])[0] == "person"
    assert model.explain(["word=river", "bias"], "other")[0][0] == "word=river"


def test_a_model_round_trips_through_its_file(tmp_path: Path) -> None:
    model = EntityTypeModel({"word=ltd": [0.1, 2.0, -1.0]}, vocabulary={"river"})
    model.save(tmp_path / "m.json")
    loaded = EntityTypeModel.load(tmp_path / "m.json")
    assert loaded.weights == model.weights and loaded.vocabulary == model.vocabulary


def test_works_places_and_prizes_are_not_people() -> None:
    text = (
        "Actor honoured at home\n\n"
        "Marta Velasquez, who starred in Quiet Harbour (2011) and the series Northern Lines, was buried at "
        "Greenfield Cemetery on Friday. She won the Golden Reel Award twice.\n\n"
        "\u201cShe never stopped working,\u201d said Tomas Reyes, her agent.\n"
    )
    people, _ = names(extract(text))
    assert {"Marta Velasquez", "Tomas Reyes"} <= people
    assert not people & {"Quiet Harbour", "Northern Lines", "Greenfield Cemetery", "Golden Reel Award"}


def test_a_well_known_organization_is_one_by_name_alone() -> None:
    text = (
        "Regulators act\n\n"
        "The deal was reviewed by UEFA and criticised on Netflix's own forums, said Dana Holt, a lawyer.\n\n"
        "The site is a UNESCO World Heritage Site.\n"
    )
    _, organizations = names(extract(text))
    assert {"UEFA", "Netflix", "UNESCO"} <= organizations


def test_without_a_model_the_rules_alone_still_extract() -> None:
    text = (ARTICLES / "business.txt").read_text(encoding="utf-8")
    rules_only = extract(text, EntityTypeModel({}))
    assert len(rules_only.people) >= 3 and len(rules_only.quotes) >= 3


@pytest.mark.skipif(not DEFAULT_TRAINING.is_dir(), reason="the training documents are not beside the repository")
def test_the_build_command_reproduces_the_shipped_model(tmp_path: Path) -> None:
    assert main([str(DEFAULT_TRAINING), "--no-cv", "--output", str(tmp_path)]) == 0
    built = EntityTypeModel.load(tmp_path / MODEL_PATH.name)
    shipped = shipped_model()
    assert shipped is not None
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert names(extract(text, built)) == names(extract(text, shipped)), (
            f"{path.name}: the shipped model is stale (rules or features changed): "
            "rebuild it with python -m store.extraction.training")
    sample = ["bias", "rule=person", "word=museum", "last=museum", "previous=the", "common_words=some"]
    for kind, probability in shipped.probabilities(sample).items():
        assert built.probabilities(sample)[kind] == pytest.approx(probability, abs=1e-3)
