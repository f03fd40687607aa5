"""Keyword search: what matches a query and where the matches are highlighted."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from store import Store, match_spans, parse_query
from store.quote_index import QuoteIndex
from tui.cli import main

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


STROKES_ARTICLE = (
    "Shipyard wins order\n\n"
    "\u201cThis is the biggest order in a decade,\u201d said \u0141ukasz Wa\u0142\u0119sa, chief executive of "
    "Stocznia Gda\u0144ska.\n\n"
    "\u201cThe crews in \u0141\u00f3d\u017a are ready,\u201d said S\u00f8ren Berg, a union leader.\n"
)
STROKES_QUERIES = {
    "walesa": "biggest",
    "wa\u0142\u0119sa": "biggest",
    "WALESA": "biggest",
    '"lukasz walesa"': "biggest",
    "speaker:walesa": "biggest",
    "speaker:\u0142ukasz": "biggest",
    "soren": "crews",
    "s\u00f8ren": "crews",
    "lodz": "crews",
    "\u0142\u00f3d\u017a": "crews",
    '"crews in lodz are"': "crews",
}


def searched_texts(store_path: Path, query: str) -> list[str]:
    """The texts of the quotes `whosaid search QUERY --jsonl` prints."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["search", query, "--jsonl", "--db", str(store_path)])
    return [json.loads(line)["text"] for line in out.getvalue().splitlines()]


@pytest.mark.parametrize("query", STROKES_QUERIES)
def test_letters_with_strokes_match_their_plain_letters_as_accents_do(tmp_path: Path, query: str) -> None:
    """"walesa" found no Wałęsa, "soren" no Søren: no accent makes ł or ø, so folding accents kept them."""
    store_path = tmp_path / "store.json"
    Store(store_path).ingest([("yard.txt", STROKES_ARTICLE)])
    found = searched_texts(store_path, query)
    assert len(found) == 1 and STROKES_QUERIES[query] in found[0], found
    snapshot = Store(store_path).snapshot
    assert [snapshot.stored_quotes[position].text for position in snapshot.search_quotes(query).positions] == [
        text for text in (quote.text for quote in snapshot.quotes) if STROKES_QUERIES[query] in text
    ]


@pytest.mark.parametrize("query", [query for query in STROKES_QUERIES if not query.isascii()])
def test_a_store_whose_index_an_earlier_whosaid_wrote_still_finds_names_as_written(
    tmp_path: Path, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its index holds "wałesa" (accents dropped, strokes kept): the word as written must still find it."""
    from store import quote_index
    from store.keys import accent_fold

    store_path = tmp_path / "store.json"
    with monkeypatch.context() as earlier:
        earlier.setattr(quote_index, "fold", accent_fold)
        Store(store_path).ingest([("yard.txt", STROKES_ARTICLE)])
    found = searched_texts(store_path, query)
    assert len(found) == 1 and STROKES_QUERIES[query] in found[0], found


def test_a_match_on_plain_letters_is_marked_on_the_name_as_written() -> None:
    text = "said \u0141ukasz Wa\u0142\u0119sa in \u0141\u00f3d\u017a"
    marked = [text[start:end] for start, end in match_spans(text, "walesa lodz")]
    assert marked == ["Wa\u0142\u0119sa", "\u0141\u00f3d\u017a"]
