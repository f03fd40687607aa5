"""Search on arbitrary queries: never an error, and only quotes that hold every term."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from store import match_spans, parse_query
from store.keys import fold
from store.quote_index import QuoteIndex

QUOTES = [
    "We will increase production of munitions next year.",
    "The Président said nothing about Production.",
    "Joint production and exchange of technical data matter.",
    "Prices rose [bold] sharply (again)? \\ * .* a|b",
    "Ça coûte cher, dit-elle: «\u00a0trop cher\u00a0».",
    "Über 10.000 Menschen, sagte Schröder.",
    "",
]
INDEX = QuoteIndex(QUOTES)
WORDS = st.sampled_from(["production", "produc", "joint", "président", "PRESIDENT", "cher", "schroder", "10", "a"])
QUERY_TEXT = st.one_of(
    st.text(max_size=60),
    st.lists(WORDS, min_size=1, max_size=3).map(" ".join),
    st.lists(WORDS, min_size=1, max_size=3).map(lambda words: '"' + " ".join(words) + '"'),
)


@settings(max_examples=300, deadline=None)
@given(QUERY_TEXT)
def test_arbitrary_queries_return_only_quotes_holding_every_term(query: str) -> None:
    positions = INDEX.search(query)
    parsed = parse_query(query)
    if parsed.is_empty:
        assert list(positions) == []
    for position in positions:
        folded = fold(QUOTES[position])
        assert all(term.pattern().search(folded) for term in parsed.terms), (query, QUOTES[position])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), QUERY_TEXT)
def test_match_spans_are_valid_offsets_in_any_text(text: str, query: str) -> None:
    spans = match_spans(text, query)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        previous_end = end


def test_every_quote_the_index_finds_is_found_by_a_full_scan() -> None:
    for query in ("production", "produc", "joint production", '"joint production"', "cher", "schroder", "10"):
        parsed = parse_query(query)
        scanned = [p for p, q in enumerate(QUOTES) if all(t.pattern().search(fold(q)) for t in parsed.terms)]
        assert list(INDEX.search(query)) == scanned, query


NAMES = st.lists(st.text(alphabet="ab c-+\u00e9\n", max_size=12), max_size=8)


@settings(max_examples=300, deadline=None)
@given(NAMES, st.text(alphabet="ab c-+\u00e9\"*", max_size=10))
@example(["xa a a"], '"a a"')
@example(["\u00e9", "\u00e9-\u00e9"], "\u00e9-\u00e9")
def test_names_a_query_matches_are_those_a_line_by_line_scan_finds(names: list[str], query: str) -> None:
    from store.snapshot import NameLines

    lines = NameLines.build((owner, (name,)) for owner, name in enumerate(names))
    for term in parse_query(query).terms:
        pattern = term.pattern()
        scanned = {owner for owner, name in enumerate(names) if pattern.search(fold(name.replace("\n", " ")))}
        assert lines.owners_matching(term) == scanned, (names, query)
