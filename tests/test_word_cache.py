"""The extractor's word cache stays within its bound however many new names articles bring, and never changes
what extraction finds."""

from __future__ import annotations

import tracemalloc
from itertools import product
from pathlib import Path

import pytest

import store.extraction.text as text_module
from store.extraction import extract
from store.extraction.text import WORD_CACHE_LIMIT, tokens

SEED = Path(__file__).resolve().parents[1] / "seeds" / "us-ukraine-joint-weapons-production.txt"
CACHE_MEMORY_BOUND = 5_000_000
"""Bytes the word cache may hold in each extraction worker, against the whole ingest's bound of 300 MB."""
SYLLABLES = "ka ri mo ten sa lu vin dor el an ber go mar tis fel ron da ny co pal vek lis tor mi ha".split()


def made_up_names(count: int) -> list[str]:
    """`count` distinct capitalized words no dictionary holds, like the new surnames of a stream of articles."""
    words = ("".join(parts).capitalize() for parts in product(SYLLABLES, repeat=4))
    return [next(words) for _ in range(count)]


def many_names_article(names: list[str]) -> str:
    """A short article in which each of the given surnames is someone who speaks."""
    paragraphs = ["Officials met on Monday to discuss the new budget"]
    for number, surname in enumerate(names):
        paragraphs.append(f"“The schedule will hold,” said Maria {surname}, a director of the council.")
        if number % 2:
            paragraphs.append(f"{surname} added that the factory would reopen in spring.")
    return "\n\n".join(paragraphs) + "\n"


def test_word_cache_holds_a_few_megabytes_after_fifty_thousand_new_names() -> None:
    names = made_up_names(50_000)
    sentences = [" ".join(names[first:first + 1_000]) + "." for first in range(0, len(names), 1_000)]
    text_module._READINGS.clear()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for number, sentence in enumerate(sentences):
            read = tokens(sentence, 0, len(sentence), 0, 0)
            assert [token.text for token in read] == names[number * 1_000:(number + 1) * 1_000]
            assert all(token.capital for token in read)
            del read
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert 0 < len(text_module._READINGS) <= WORD_CACHE_LIMIT
    assert peak < CACHE_MEMORY_BOUND


@pytest.mark.parametrize("limit", [1, 7, 64])
def test_extraction_is_the_same_when_the_cache_forgets_words_mid_article(
    monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    seed = SEED.read_text(encoding="utf-8")
    crowded = many_names_article(made_up_names(40))
    expected = [extract(seed), extract(crowded)]
    assert expected[1].quotes and expected[1].people
    monkeypatch.setattr(text_module, "WORD_CACHE_LIMIT", limit)
    text_module._READINGS.clear()
    assert [extract(seed), extract(crowded)] == expected
    assert len(text_module._READINGS) <= limit
