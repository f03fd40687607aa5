"""How extraction reads words, sentences and quote words: the fast paths find exactly what the plain rules say."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extraction.attribution import OUTLINE_WORDS, quote_words
from store.extraction.document import read
from store.extraction.lexicon import ABBREVIATIONS
from store.extraction.quotes import find_quotes
from store.extraction.text import MARKS, paragraphs, sentences, tokens

PLAIN_WORD = re.compile(rf"(?:[^\W\d_]\.){{2,}}|[^\W\d_](?:[\w’'`\-&{MARKS}]*[\w{MARKS}])?(?:\.[a-z]{{2,}}(?!\w))*"
                        rf"|\d[\w,.\-]*\w|\d")
"""A word as the rules define it, without the search shortcuts of the word pattern extraction uses."""
PLAIN_SENTENCE_END = re.compile(r"(?<![.?!])[.?!]+[\"”’')\]]*(?=\s+(?:[\"“‘(\[]|[^\W\d_a-z]|\d)|\s*$)")
PLAIN_QUOTE_WORD = re.compile(r"[^\s—]*[^\W_][^\s—]*")
PIECES = st.lists(
    st.sampled_from([
        "a", "Z", "word", "Smith", "’s", "'s", "s’", ".", "?", "!", " ", "  ", "\n", ",", ";", "-", "&", "—", "“", "”",
        '"', "(", ")", "U.S.", "Mr.", "Dr", "example.com", "3.5", "1,200", "9", "_", "é", "e\u0301", "Жук", "王小明",
        "\u00a0", "\x00", "al-Assad", "d’Arc", "’", "'", "`", "Inc.", "St", "said", "—", "/",
    ]),
    max_size=40,
).map("".join)


def plain_tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where each word of text[start:end] starts and ends by the plain definition, a possessive 's cut off and
    an abbreviation's period kept, as `tokens` reports them."""
    spans = []
    for match in PLAIN_WORD.finditer(text, start, end):
        word_end = match.end()
        if match.group()[-1] in "sS" and len(match.group()) > 2 and match.group()[-2] in "’'`":
            word_end -= 2
        if word_end < end and text[word_end] == "." and text[match.start():word_end] in ABBREVIATIONS:
            word_end += 1
        spans.append((match.start(), word_end))
    return spans


def test_words_possessives_abbreviations_and_addresses_are_read_as_written() -> None:
    """A reader sees the same words whatever shortcut found them: a possessive, a title, an address, a number."""
    text = "Mr. Smith’s firm, example.com, paid $1,200 to U.S. officials and Zoë d’Arc on Monday."
    found = tokens(text, 0, len(text), 0, 0)
    assert [t.text for t in found] == ["Mr.", "Smith", "firm", "example.com", "paid", "1,200", "to", "U.S.",
                                       "officials", "and", "Zoë", "d’Arc", "on", "Monday"]
    smith = found[1]
    assert smith.possessive and text[smith.start:smith.end] == "Smith"
    assert found[0].sentence_start and not any(t.sentence_start for t in found[1:])
    assert [t.capital for t in found] == [True, True, False, False, False, False, False, True, False, False, True,
                                          True, False, True]


def test_sentences_end_at_stops_but_not_after_titles_or_initials() -> None:
    """ "Dr. Ruiz" and "U.S. officials" stay in one sentence; "?" and "!" end one."""
    text = "Dr. Ruiz met U.S. officials in Kyiv. Did they agree? Yes! They did."
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        "Dr. Ruiz met U.S. officials in Kyiv.", "Did they agree?", "Yes!", "They did.",
    ]


def test_a_long_quote_gives_its_first_words_and_its_last() -> None:
    """Attribution reads a long quote's opening words and its last word; a short quote gives every word."""
    long_quote = "We will build the plant here — and we will hire two hundred people by spring, ” she"
    words = PLAIN_QUOTE_WORD.findall(long_quote)
    assert quote_words(long_quote) == [*words[:OUTLINE_WORDS - 1], words[-1]]
    assert quote_words("Not yet, — no.") == ["Not", "yet,", "no."]


@settings(max_examples=400, deadline=None)
@given(PIECES, st.integers(0, 40), st.integers(0, 40))
def test_word_shortcuts_find_the_plain_words(text: str, left: int, right: int) -> None:
    """Every word and its offsets are those of the plain word rule, in any stretch of any text."""
    start, end = sorted((min(left, len(text)), min(right, len(text))))
    assert [(t.start, t.end) for t in tokens(text, start, end, 0, 0)] == plain_tokens(text, start, end)


@settings(max_examples=400, deadline=None)
@given(PIECES, st.integers(0, 40), st.integers(0, 40))
def test_sentence_stops_found_by_search_are_those_of_the_plain_rule(text: str, left: int, right: int) -> None:
    """Sentences end exactly where the plain sentence-end rule says, outside abbreviations."""
    start, end = sorted((min(left, len(text)), min(right, len(text))))
    ends = {m.end() for m in PLAIN_SENTENCE_END.finditer(text, start, end)}
    for _, stop in sentences(text, start, end)[:-1]:
        assert stop in ends


@settings(max_examples=400, deadline=None)
@given(PIECES)
def test_quote_words_outline_the_plain_words(text: str) -> None:
    """A quote's words are the plain stretches holding a letter or digit: all of them, or the first and last."""
    words = PLAIN_QUOTE_WORD.findall(text)
    expected = words if len(words) < OUTLINE_WORDS else [*words[:OUTLINE_WORDS - 1], words[-1]]
    assert quote_words(text) == expected


@settings(max_examples=300, deadline=None)
@given(PIECES)
def test_quote_marks_found_by_search_pair_as_the_plain_marks_do(text: str) -> None:
    """Every quoted span lies between marks of the same paragraph, whatever finds the marks."""
    spans = paragraphs(text)
    for quote in find_quotes(text, spans):
        start, end = spans[quote.paragraph]
        assert start <= quote.start - 1 and text[quote.start - 1] in "“”\"„«»‘'"
        assert quote.end <= end
        if quote.closed:
            assert text[quote.end] in "“”\"„«»’'"


def test_masked_quotes_hide_every_letter_and_digit_of_any_script() -> None:
    """The reporter's text never shows a quoted word, in any script, so no quoted name is taken for a speaker."""
    document = read("The mayor said: “Ана and 王小明 paid 30 euros, naïvely.” Then she left.\n")
    quote = document.quotes[0]
    hidden = document.masked[quote.start:quote.end]
    assert not any(character.isalnum() for character in hidden)
    assert len(document.masked) == len(document.text)
    assert hidden.replace("\x00", "") == "     , ."
