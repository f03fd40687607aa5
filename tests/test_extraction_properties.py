"""Extraction never fails and always returns consistent offsets, whatever the text."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extraction import extract

NEWSY = st.lists(
    st.sampled_from([
        "“", "”", '"', "‘", "’", "'", " said ", " told ", " he ", " she ", " Smith", " Anna Berg", ",", ".", "\n",
        "\n\n", " of the ", " Ministry", " Inc.", " (AP) — ", "WASHINGTON", " the agency", " Reuters", " ", "x",
        " according to ", ":", "—", "(", ")", "Dr.", " Zelensky", " al-", " van de ", "’s", "s’",
    ]),
    max_size=60,
).map("".join)


def check(text: str) -> None:
    """Extract and verify the promises every result keeps."""
    result = extract(text)
    names = {p.name for p in result.people} | {o.name for o in result.organizations}
    paragraphs = sum(1 for line in text.split("\n") if line.strip())
    for quote in result.quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start:quote.end] == quote.text
        assert quote.speaker is None or quote.speaker in names
        assert 0 <= quote.paragraph < max(paragraphs, 1)
    assert isinstance(result.title, str)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text(text):
    check(text)


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_text_made_of_news_pieces(text):
    check(text)


def test_degenerate_inputs_are_handled_quickly():
    started = time.perf_counter()
    for text in ("", "\n\n\n", '"' * 10_000, "“" * 10_000, "x" * 1_000_000, "Smith said “a” " * 5_000,
                 "President " * 20_000, "\x00\x01\ud7ff" * 1000):
        check(text)
    assert time.perf_counter() - started < 15
