"""Keyword search: what matches a query and where the matches are highlighted."""

from __future__ import annotations

import pytest

from store import match_spans, parse_query
from store.quote_index import QuoteIndex

QUOTES = [
    "We will increase production of munitions next year.",
    "The Président said nothing about Production.",
    "Joint production and exchange of technical data matter.",
    "Air defense systems come first, then repairs.",
    "Prices rose [bold] sharply (again)?",
    "On the joint, production was joint work; the production line stopped.",
]


@pytest.fixture(scope="module")
def index() -> QuoteIndex:
    return QuoteIndex(QUOTES)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("production ", [0, 1, 2, 5]),
        ("PRODUCTION ", [0, 1, 2, 5]),
        ("president ", [1]),
        ("produc", [0, 1, 2, 5]),
        ("joint production ", [2, 5]),
        ("production joint ", [2, 5]),
        ('"production joint" ', []),
        ('"joint production" ', [2, 5]),
        ('"joint prod', [2, 5]),
        ('"joint production and exchange" ', [2]),
        ('"joint production and change" ', []),
        ('"the production line" ', [5]),
        ('"the production l', [5]),
        ('"joint, production" ', [2, 5]),
        ("joint, ", [2, 5]),
        ("defense repairs ", [3]),
        ("defens ", []),
        ("nothing-here ", []),
        ("", []),
        ("   ", []),
        ("!!! ??? ", []),
        ("[bold] ", [4]),
        ("(again)? ", [4]),
        ('"unbalanced', []),
        ("(", []),
        ("[", []),
        ("\\", []),
        (".* a|b", []),
        ("[/", []),
        ('"', []),
        ('""', []),
        ("x" * 10_000, []),
    ],
)
def test_search_finds_quotes_holding_every_term(index: QuoteIndex, query: str, expected: list[int]) -> None:
    assert list(index.search(query)) == expected


def test_last_word_is_a_prefix_only_while_typing() -> None:
    assert parse_query("joint produc").terms[-1].last_is_prefix
    assert not parse_query("joint produc ").terms[-1].last_is_prefix


def test_match_spans_point_at_the_original_characters() -> None:
    text = "The Président praised PRODUCTION, and production grew."
    spans = match_spans(text, "président produc")
    assert [text[start:end] for start, end in spans] == ["Président", "PRODUCTION", "production"]


def test_match_spans_cover_a_phrase_across_punctuation() -> None:
    text = "Repair and maintenance, and production."
    [(start, end)] = match_spans(text, '"maintenance and production"')
    assert text[start:end] == "maintenance, and production"


def test_a_term_or_filter_given_twice_is_searched_once() -> None:
    """A pasted text repeats its words: 3,000 copies of one word took 36 s at 10,000 articles."""
    parsed = parse_query(" ".join(["munitions"] * 3000) + " speaker:lee speaker:lee \"a b\" \"a b\" munitions")
    assert parsed == parse_query('munitions speaker:lee "a b" munitions')
    assert len(parsed.terms) == 3 and len(parsed.filters) == 1
