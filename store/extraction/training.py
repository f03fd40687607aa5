"""Build the entity-type model from GUM's annotated documents, and measure it on documents it did not see.

usage: python -m store.extraction.training [TRAINING_DIR] [--folds N] [--check-only]

TRAINING_DIR defaults to ../shared/training/gum-conllu beside the repository. The command
1. runs the rules over every document and labels each candidate name with the annotated type of the
   smallest mention that holds it (person, organization, or other: places, works, events, groups);
2. cross-validates by document (N folds, fixed): trains on the other folds, extracts each held-out
   document that has a development copy with gold (corpus-gum/, corpus/) and scores it with the
   shared scorer, so the figure is measured on text the model never saw;
3. trains on every document and writes `entity_types.json` and `entity_types.meta.json` (sources,
   licenses, settings, the cross-validated figures) beside this module. The build is deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from store.extraction import analyse, extract
from store.extraction.candidates import INSTITUTION_HEADS, Candidate, collect_candidates, features_of_all
from store.extraction.classifier import EntityTypeModel
from store.extraction.conllu import AnnotatedDocument, read_training_folder
from store.extraction.document import Document
from store.extraction.entity_types import MODEL_PATH, THRESHOLDS

REPOSITORY = Path(__file__).resolve().parents[2]
SHARED = REPOSITORY.parent / "shared"
DEFAULT_TRAINING = SHARED / "training" / "gum-conllu"
DEVELOPMENT_SETS = (SHARED / "corpus-gum", SHARED / "corpus")
META_PATH = MODEL_PATH.with_name("entity_types.meta.json")
KIND_OF_TYPE = {"person": "person", "organization": "org"}
FOLDS = 5
WORD = re.compile(r"[^\W\d_]+")


def label(candidate: Candidate, document: AnnotatedDocument) -> str:
    """The annotated kind of a candidate: the majority over its spans of the smallest mention holding each,
    where the span holds a proper noun (a pronoun or a group's name is not a named person). GUM types museums,
    universities and institutes as places where they are visited; as our gold does, they are organizations."""
    votes: Counter[str] = Counter()
    for start, end, _ in candidate.spans:
        holding = [m for m in document.mentions if m.start <= start and end <= m.end]
        if not holding or not document.has_proper_noun(start, end):
            votes["other"] += 1
            continue
        smallest = min(holding, key=lambda m: (m.end - m.start, m.start))
        kind = KIND_OF_TYPE.get(smallest.kind, "other") if smallest.named else "other"
        if smallest.named and smallest.kind == "place" and INSTITUTION_HEADS.intersection(
                document.text[smallest.start:smallest.end].split()):
            kind = "org"
        votes[kind] += 1
    if not votes:
        return "other"
    return max(("person", "org", "other"), key=lambda kind: votes[kind])


@dataclass
class Prepared:
    """One training document as the rules read it: its candidate names and their annotated kinds."""

    document: Document
    candidates: list[Candidate]
    labels: list[str]
    lowercase_words: Counter[str]


def prepare(document: AnnotatedDocument) -> Prepared:
    """Run the rules over a training document and label each candidate name."""
    analysed, found, attributed = analyse(document.text, None)
    speakers = {a.speaker for a in attributed if a.speaker is not None}
    candidates = [c for c in collect_candidates(analysed, found, speakers) if c.spans]
    words = Counter(word for word in WORD.findall(document.text) if word.islower())
    return Prepared(analysed, candidates, [label(c, document) for c in candidates], words)


def vocabulary_of(prepared: Sequence[Prepared]) -> frozenset[str]:
    """The words written in lowercase at least twice across the documents."""
    counts: Counter[str] = Counter()
    for item in prepared:
        counts.update(item.lowercase_words)
    return frozenset(word for word, count in counts.items() if count >= 2 and len(word) >= 3)


def train(prepared: Sequence[Prepared]) -> EntityTypeModel:
    """The model as shipped: a vocabulary from the documents, trained with fixed settings, pruned and rounded."""
    vocabulary = vocabulary_of(prepared)
    examples = [(features, kind) for item in prepared
                for features, kind in zip(features_of_all(item.document, item.candidates, vocabulary), item.labels,
                                          strict=True)]
    return EntityTypeModel.train(examples, vocabulary=vocabulary).pruned()


def development_copy(name: str) -> tuple[Path, Path] | None:
    """The development text and gold of a training document, where one exists."""
    for folder in DEVELOPMENT_SETS:
        text, gold = folder / f"{name}.txt", folder / f"{name}.gold.json"
        if text.exists() and gold.exists():
            return text, gold
    return None


def score(predictions: list[dict[str, object]], gold_folder: Path) -> str:
    """The shared scorer's SUMMARY line for predictions on documents of one gold folder."""
    scorer = SHARED / "tools" / "score.py"
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as file:
        json.dump({"articles": predictions}, file)
    finished = subprocess.run([sys.executable, str(scorer), str(gold_folder), file.name],
                              capture_output=True, text=True, check=True)
    Path(file.name).unlink()
    return finished.stdout.strip().splitlines()[-1]


def prediction(path: Path, model: EntityTypeModel | None) -> dict[str, object]:
    """One article's extraction in the shape the scorer reads."""
    result = extract(path.read_text(encoding="utf-8"), model)
    return {
        "path": str(path),
        "people": [{"name": p.name, "aliases": list(p.aliases), "role": p.role, "organization": p.organization}
                   for p in result.people],
        "organizations": [{"name": o.name, "aliases": list(o.aliases)} for o in result.organizations],
        "quotes": [{"text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end} for q in result.quotes],
    }


def cross_validate(documents: list[AnnotatedDocument], prepared: list[Prepared], folds: int) -> dict[str, str]:
    """Scores of held-out documents, each extracted with a model trained on the other folds."""
    held_out: dict[Path, list[dict[str, object]]] = {}
    for fold in range(folds):
        model = train([item for number, item in enumerate(prepared) if number % folds != fold])
        for number, document in enumerate(documents):
            copy = development_copy(document.name) if number % folds == fold else None
            if copy is not None:
                held_out.setdefault(copy[1].parent, []).append(prediction(copy[0], model))
    return {folder.name: score(predictions, folder) for folder, predictions in sorted(held_out.items())}


def main(argv: Sequence[str] | None = None) -> int:
    """Build, measure and write the model."""
    parser = argparse.ArgumentParser(prog="python -m store.extraction.training", description=__doc__.split("\n")[0])
    parser.add_argument("training", nargs="?", default=str(DEFAULT_TRAINING), help="folder of .conllu files")
    parser.add_argument("--folds", type=int, default=FOLDS, help=f"cross-validation folds (default {FOLDS})")
    parser.add_argument("--check-only", action="store_true", help="cross-validate, write nothing")
    parser.add_argument("--no-cv", action="store_true", help="write the model without cross-validating")
    parser.add_argument("--output", metavar="DIR", help="write the model files there (default: beside this module)")
    arguments = parser.parse_args(argv)
    folder = Path(arguments.training)
    documents = read_training_folder(folder)
    if not documents:
        print(f"no .conllu documents in {folder}", file=sys.stderr)
        return 2
    prepared = [prepare(document) for document in documents]
    counts = Counter(kind for item in prepared for kind in item.labels)
    print(f"{len(documents)} documents, {sum(counts.values())} candidate names: {dict(sorted(counts.items()))}")
    figures = {} if arguments.no_cv else cross_validate(documents, prepared, arguments.folds)
    for name, summary in figures.items():
        print(f"cross-validated ({arguments.folds} folds by document) {name}: {summary}")
    if arguments.check_only:
        return 0
    model = train(prepared)
    output = Path(arguments.output) if arguments.output else MODEL_PATH.parent
    output.mkdir(parents=True, exist_ok=True)
    model_path, meta_path = output / MODEL_PATH.name, output / META_PATH.name
    model.save(model_path)
    meta = {
        "model": "multinomial logistic regression over string features (store/extraction/candidates.py)",
        "kinds": list(model.kinds),
        "features": len(model.weights),
        "vocabulary": len(model.vocabulary),
        "thresholds": asdict(THRESHOLDS),
        "training": {
            "source": "GUM corpus v11 (Zeldes 2017), 78 documents: news, interview, bio, voyage, academic, court",
            "documents": len(documents),
            "candidates": dict(sorted(counts.items())),
            "licenses": "annotations CC BY 4.0; texts CC BY 2.5 (Wikinews), CC BY-SA 3.0 (Wikipedia, Wikivoyage), "
                        "CC BY 4.0 (academic, court)",
            "attribution": "Zeldes, Amir (2017) The GUM Corpus: Creating Multilayer Resources in the Classroom. "
                           "Language Resources and Evaluation 51(3), 581-612.",
        },
        "cross_validated": {"folds": arguments.folds, **figures},
    }
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {model_path} ({model_path.stat().st_size // 1024} KB, {len(model.weights)} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
