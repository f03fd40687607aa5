"""A small multinomial logistic regression over string features: what kind of thing a name names.

Pure Python, so that it ships as a JSON file of weights and needs no numeric library: `train` learns,
`probabilities` answers, `explain` says which features pushed a decision, `save`/`load` keep it.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable, Sequence
from pathlib import Path

KINDS = ("person", "org", "other")


class EntityTypeModel:
    """Weights per feature and kind; a name's kind is the softmax of the summed weights of its features."""

    def __init__(self, weights: dict[str, list[float]] | None = None, kinds: Sequence[str] = KINDS,
                 vocabulary: Iterable[str] = ()) -> None:
        self.kinds = tuple(kinds)
        self.weights: dict[str, list[float]] = weights or {}
        self.vocabulary = frozenset(vocabulary)
        """Words the training texts write in lowercase, which its features consult."""

    def scores(self, features: Sequence[str]) -> list[float]:
        """The summed weight of the features for each kind."""
        totals = [0.0] * len(self.kinds)
        for feature in features:
            row = self.weights.get(feature)
            if row is not None:
                for kind, weight in enumerate(row):
                    totals[kind] += weight
        return totals

    def probabilities(self, features: Sequence[str]) -> dict[str, float]:
        """How likely each kind is for a candidate with these features."""
        totals = self.scores(features)
        top = max(totals)
        exponentials = [math.exp(score - top) for score in totals]
        whole = sum(exponentials)
        return {kind: value / whole for kind, value in zip(self.kinds, exponentials, strict=True)}

    def explain(self, features: Sequence[str], kind: str, count: int = 8) -> list[tuple[str, float]]:
        """The features that pushed most toward (positive) or away from (negative) a kind."""
        column = self.kinds.index(kind)
        pushes = [(f, self.weights[f][column]) for f in features if f in self.weights]
        return sorted(pushes, key=lambda item: -abs(item[1]))[:count]

    @classmethod
    def train(
        cls,
        examples: Sequence[tuple[Sequence[str], str]],
        *,
        epochs: int = 30,
        learning_rate: float = 0.2,
        regularization: float = 1e-4,
        seed: int = 13,
        vocabulary: Iterable[str] = (),
    ) -> EntityTypeModel:
        """Fit by stochastic gradient descent on the log loss, in a fixed order for a given seed (deterministic)."""
        model = cls(vocabulary=vocabulary)
        order = list(range(len(examples)))
        shuffler = random.Random(seed)
        width = len(model.kinds)
        for epoch in range(epochs):
            shuffler.shuffle(order)
            rate = learning_rate / (1 + epoch * 0.2)
            for position in order:
                features, label = examples[position]
                probabilities = model.probabilities(features)
                target = model.kinds.index(label)
                gradient = [probabilities[kind] - (1.0 if index == target else 0.0)
                            for index, kind in enumerate(model.kinds)]
                for feature in features:
                    row = model.weights.setdefault(feature, [0.0] * width)
                    for index in range(width):
                        row[index] -= rate * (gradient[index] + regularization * row[index])
        return model

    def pruned(self, smallest: float = 1e-3, digits: int = 4) -> EntityTypeModel:
        """The same model with negligible weights dropped and the rest rounded (a smaller file, same answers)."""
        kept = {}
        for feature in sorted(self.weights):
            row = [round(weight, digits) for weight in self.weights[feature]]
            if max(abs(weight) for weight in row) >= smallest:
                kept[feature] = row
        return EntityTypeModel(kept, self.kinds, self.vocabulary)

    def save(self, path: Path) -> None:
        """Write the weights as JSON, sorted, so that the same training gives the same bytes."""
        payload = {"kinds": list(self.kinds), "vocabulary": sorted(self.vocabulary), "weights": self.weights}
        path.write_text(json.dumps(payload, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> EntityTypeModel:
        """Read weights written by `save`."""
        payload = json.loads(path.read_text(encoding="utf-8"))
        weights = {feature: list(row) for feature, row in payload["weights"].items()}
        return cls(weights, payload["kinds"], payload.get("vocabulary", ()))
