"""A big store's quote texts held compressed read back exactly as stored."""

from __future__ import annotations

import random

import pytest

from store import packed_texts
from store.packed_texts import PackedTexts


def sample_texts(count: int) -> list[str]:
    """Texts of every kind a quote can be: empty, accented, emoji, other scripts, long, repeated."""
    rng = random.Random(3)
    pieces = ["", "we will rebuild", "Núñez", "数据", "🚀 launch", "\u201cquoted\u201d", "x" * 5000, "tab\there"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))) for _ in range(count)]


@pytest.mark.parametrize("count", [0, 1, 63, 64, 65, 1000])
def test_packed_texts_read_back_as_they_were_added(count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packed_texts, "BLOCKS_KEPT", 2)
    texts = sample_texts(count)
    packed = PackedTexts(texts)
    assert len(packed) == count
    assert list(packed) == texts
    order = list(range(count))
    random.Random(5).shuffle(order)
    assert [packed[position] for position in order] == [texts[position] for position in order]
    assert packed[10:20] == texts[10:20]
    assert packed.many(order + order[:5]) == [texts[position] for position in order + order[:5]]
    if count:
        assert packed[-1] == texts[-1]


def test_a_position_past_the_end_is_an_index_error() -> None:
    packed = PackedTexts(["a", "b"])
    with pytest.raises(IndexError):
        packed[2]


def test_packed_texts_take_less_memory_than_the_texts() -> None:
    texts = [f"the council will vote on the harbor budget {n} before the winter storms" for n in range(10_000)]
    packed = PackedTexts(texts)
    assert sum(map(len, packed._blocks)) < sum(map(len, texts)) / 3


@pytest.mark.parametrize("first", ["", "a first block's words, later text"])
def test_texts_after_the_first_block_read_back_through_its_dictionary(first: str) -> None:
    block = packed_texts.BLOCK_TEXTS
    texts = [first for _ in range(block)] + [f"later text {n} \u00e9\ud800" for n in range(3 * block)]
    packed = PackedTexts(texts)
    assert list(packed) == texts
    assert [packed[index] for index in reversed(range(len(texts)))] == texts[::-1]


@pytest.mark.parametrize("count", [0, 1, 17, 500])
def test_documents_sorted_by_name_read_back_as_parsed_ones_sorted(count: int) -> None:
    from store.keys import fold
    from store.packed import PackedDocuments

    rng = random.Random(count)
    names = ["Núñez", "nunez", "Zhang Wei", "数据", "Ada", "ada", "🚀 Corp", "Émile"]
    documents = [
        {"key": f"{rng.choice(names)}-{number}", "name": rng.choice(names) + text, "appearances": [{"x": text}]}
        for number, text in enumerate(sample_texts(count))
    ]
    expected = sorted(documents, key=lambda document: fold(document["name"]))
    packed = PackedDocuments.sorted_by(iter(documents), key=lambda document: fold(document["name"]))
    for _ in range(2):
        assert list(packed) == expected
        assert [packed[position] for position in range(count)] == expected
        assert list(packed.keys) == [document["key"] for document in expected]
        assert [packed.keys[position] for position in range(count)] == [document["key"] for document in expected]
        assert list(packed.names) == [document["name"] for document in expected]
        if count:
            assert packed[-1] == expected[-1] and packed.keys[-1] == expected[-1]["key"]
        for past_the_end in (count, -count - 1):
            with pytest.raises(IndexError):
                packed.keys[past_the_end]
            with pytest.raises(IndexError):
                packed[past_the_end]
        packed.compress()
