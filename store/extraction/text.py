"""Paragraphs, sentences and word tokens of an article, with their offsets in the text."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from store.extraction.lexicon import ABBREVIATIONS, SENTENCE_STARTERS


def _mark_class(blocks: tuple[tuple[int, int], ...]) -> str:
    """A regex character class body of the combining marks (vowel signs, accents) in the given code point blocks."""
    ranges: list[str] = []
    start = -1
    for low, high in blocks:
        for point in range(low, high + 2):
            mark = point <= high and unicodedata.category(chr(point))[0] == "M"
            if mark and start < 0:
                start = point
            elif not mark and start >= 0:
                ranges.append(f"\\u{start:04x}-\\u{point - 1:04x}")
                start = -1
    return "".join(ranges)


MARKS = _mark_class(((0x0300, 0x036F), (0x0483, 0x0489), (0x0591, 0x1AFF), (0x1DC0, 0x1DFF), (0x3099, 0x309A)))
LINE = re.compile(r"[^\n]+")
SENTENCE_END = re.compile(r"[.?!](?<![.?!].)[.?!]*[\"”’')\]]*(?=\s+(?:[\"“‘(\[]|[^\W\d_a-z]|\d)|\s*$)")
"""The end of a sentence: a run of stops not preceded by another, closing marks, then space and a new start; the
first stop is matched before the look back, so that the search skips quickly to the next stop."""
WORD = re.compile(rf"[^\x00-/:-@\[-`{{-\x7f](?:(?<=[A-Za-z])[A-Za-z ]*(?=[ ,;:!?)\]\"”“\n\t/(]|$)"
                  rf"|(?<=[^\W\d_])(?:\.(?:[^\W\d_]\.)+|(?:[\w’'`\-&{MARKS}]*[\w{MARKS}])?(?:\.[a-z]{{2,}}(?!\w))*)"
                  rf"|(?<=\d)(?:[\w,.\-]*\w)?)")
"""A word: dotted initials ("U.S."), a word of letters, marks, inner apostrophes and hyphens (a web address's
".com" kept), or a number. Its first character is matched by a plain range that skips ASCII punctuation,
spaces and masked quotes quickly, then checked to be a letter or a digit. Plain ASCII words separated by
spaces, the last followed by a space or punctuation that cannot continue it, are taken in one cheap step as
a run that `tokens` cuts at its spaces: each is the word the rules would find on its own."""
WORD_CACHE_LIMIT = 16_384
"""How many words `tokens` remembers the reading of before it forgets them all: each takes about 200 bytes, and
articles keep bringing new names. A word read again costs about a microsecond, and the words that recur
(common words, the names of one article) fit many times over, so extraction is as fast as with no limit."""
APOSTROPHES = "’'`"
OPENING_MARKS = " \t\"“‘'([—–-"
SEAT_SUFFIXES = ("-based", "-listed", "-headquartered", "-registered")
"""What ends an adjective of where a body sits or trades ("Seoul-based", "Nasdaq-listed")."""
ADJECTIVE_SUFFIXES = ("-based", "-born", "-led", "-backed", "-owned", "-made", "-style", "-bound", "-run", "-funded")
DIGIT = re.compile(r"\d")
UPPER_INITIAL = re.compile(r"[^\W\d_]\.$")
DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
NEXT_WORD = re.compile(r"[\s\"“‘(]*([^\W\d_]+)")


class Token(NamedTuple):
    """One word of the text: where it stands, what it says (possessive 's stripped), whether it reads as a name."""

    start: int
    end: int
    text: str
    possessive: bool
    sentence_start: bool
    paragraph: int
    sentence: int
    index: int
    capital: bool


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every non-blank line, trailing whitespace excluded."""
    spans = []
    for match in LINE.finditer(text):
        line = match.group()
        stripped = line.rstrip()
        if not stripped.strip():
            continue
        lead = len(stripped) - len(stripped.lstrip())
        spans.append((match.start() + lead, match.start() + len(stripped)))
    return spans


WRAPPED_WIDEST = 120
"""The longest line a hard-wrapped paragraph is taken to be cut into (text wrapped at 72 or 80 columns)."""
WRAPPED_NARROWEST = 40
"""The shortest such width: shorter lines together (a title, a byline, a date) are lines of their own."""
WRAPPED_RAGGEDNESS = 25
"""How much shorter than its paragraph's longest line a wrapped line may end (the next word did not fit)."""
DOUBLE_QUOTE_MARKS = "\"“”"


def joined_lines(text: str, lines: list[tuple[int, int]], kept_apart: set[int]) -> list[tuple[int, int]]:
    """The paragraphs of an article from its lines (see `paragraphs`): lines with no blank line between them make
    one paragraph when they are one paragraph wrapped at a fixed width, or when a quote opened on a line closes on
    the next ("We have never seen / anything like this," said …), as a single line break in a paragraph reads as a
    space. Lines in `kept_apart` (front matter) stay lines of their own."""
    joined: list[tuple[int, int]] = []
    block: list[tuple[int, int]] = []
    for number, line in enumerate(lines):
        follows = bool(block) and text.count("\n", block[-1][1], line[0]) == 1 and number not in kept_apart
        if block and not follows:
            joined.extend(_block_paragraphs(text, block))
            block = []
        block.append(line)
    if block:
        joined.extend(_block_paragraphs(text, block))
    return joined


def _block_paragraphs(text: str, block: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs of lines with no blank line between them: one when they are a wrapped paragraph, else a line
    each, joined only where a quote runs on from one to the next."""
    if len(block) == 1:
        return block
    widths = [end - start for start, end in block[:-1]]
    widest = max(widths)
    if WRAPPED_NARROWEST <= widest <= WRAPPED_WIDEST and min(widths) >= widest - WRAPPED_RAGGEDNESS:
        return [(block[0][0], block[-1][1])]
    found = [block[0]]
    number = 1
    while number < len(block):
        closing = _closing_line(text, block, number) if _quote_left_open(text, *found[-1]) else None
        if closing is not None:
            found[-1] = (found[-1][0], block[closing][1])
            number = closing + 1
        else:
            found.append(block[number])
            number += 1
    return found


RUN_ON_LINES = 6
"""Lines at most a quote left open runs on over before the line that closes it ("We have never seen / anything /
like this," said …): past them, the quote is taken to be left open at its paragraph's end."""


def _closing_line(text: str, block: list[tuple[int, int]], number: int) -> int | None:
    """The line, from `number` on, that closes a quote the line before left open, when every line before it holds
    no double quote mark: None when a line opens a quote first or none closes it within RUN_ON_LINES."""
    for at in range(number, min(len(block), number + RUN_ON_LINES)):
        start, end = block[at]
        if _closes_first(text, start, end):
            return at
        if any(mark in text[start:end] for mark in DOUBLE_QUOTE_MARKS):
            return None
    return None


def _quote_left_open(text: str, start: int, end: int) -> bool:
    """Whether a line leaves a double quote open at its end: an odd number of straight marks, or more curly opening
    marks than closing ones."""
    line = text[start:end]
    if not any(mark in line for mark in DOUBLE_QUOTE_MARKS):
        return False
    return line.count('"') % 2 == 1 or line.count("“") > line.count("”")


def _closes_first(text: str, start: int, end: int) -> bool:
    """Whether the first double quote mark of a line closes a quote (a quote run on from the line before), rather
    than opening one (a quote left open at a paragraph's end, continued by a new paragraph that opens it again)."""
    at = next((at for at in range(start, end) if text[at] in DOUBLE_QUOTE_MARKS), -1)
    if at < 0:
        return False
    return text[at] == "”" or text[at] == '"' and at > start and not text[at - 1].isspace()


def sentences(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split masked[start:end] into sentences; quoted text must already be masked."""
    spans = []
    cursor = start
    searched = start
    for stop_at in _stops(masked, start, end):
        if stop_at < searched:
            continue
        match = SENTENCE_END.match(masked, stop_at, end)
        if match is None:
            continue
        stop = searched = match.end()
        if masked[match.start()] == "." and _is_abbreviation(masked, match.start(), cursor):
            continue
        if stop > cursor:
            spans.append((cursor, stop))
        cursor = stop
        while cursor < end and masked[cursor].isspace():
            cursor += 1
    if cursor < end:
        spans.append((cursor, end))
    return spans


def _stops(masked: str, start: int, end: int) -> list[int]:
    """Where a full stop, question mark or exclamation mark stands in masked[start:end], in order: the only
    places a sentence can end (found with str.find, much faster than searching with the pattern)."""
    found: list[int] = []
    for mark in ".?!":
        at = masked.find(mark, start, end)
        while at >= 0:
            found.append(at)
            at = masked.find(mark, at + 1, end)
    found.sort()
    return found


def _is_abbreviation(masked: str, dot: int, floor: int) -> bool:
    """Whether the period at dot closes an abbreviation such as "Mr." or "U.S." rather than a sentence."""
    word = masked[max(floor, masked.rfind(" ", floor, dot) + 1):dot]
    if word.isalpha():
        return word in ABBREVIATIONS or (len(word) == 1 and word.isupper())
    begin = dot
    while begin > floor and not masked[begin - 1].isspace() and masked[begin - 1] not in "(\"“‘":
        begin -= 1
    word = masked[begin:dot]
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True
    if DOTTED_INITIALS.fullmatch(word):
        following = NEXT_WORD.match(masked, dot + 1)
        return bool(following) and following.group(1) not in SENTENCE_STARTERS
    return bool(UPPER_INITIAL.search(word) and "." in word and len(word) <= 6 and word.replace(".", "").isupper())


def tokens(masked: str, start: int, end: int, paragraph: int, sentence: int) -> list[Token]:
    """Word tokens of one sentence of masked text."""
    found: list[Token] = []
    append = found.append
    new = tuple.__new__
    readings = _READINGS
    index = 0
    for match in WORD.finditer(masked, start, end):
        raw = match.group()
        w_start = match.start()
        for raw_word in raw.split(" ") if " " in raw else (raw,):
            if not raw_word:
                w_start += 1
                continue
            word, capital, special, length = readings.get(raw_word) or _reading(raw_word)
            w_end = w_start + length
            if special:
                word, stop, possessive, capital = _special_token(masked, raw_word, w_end, end)
                append(new(Token, (w_start, stop, word, possessive, False, paragraph, sentence, index, capital)))
            else:
                append(new(Token, (w_start, w_end, word, False, False, paragraph, sentence, index, capital)))
            index += 1
            w_start = w_end + 1
    if not found:
        return found
    first = found[0]
    if not masked[start:first.start].strip(OPENING_MARKS):
        found[0] = new(Token, (*first[:4], True, *first[5:]))
    return found


_READINGS: dict[str, tuple[str, bool, bool, int]] = {}
"""What `tokens` reads from a word alone, by the word as matched: the same words recur in every article."""


def _reading(raw: str) -> tuple[str, bool, bool, int]:
    """A word's text, whether it reads as a name, whether its end needs a closer look (a possessive or an
    abbreviation's period), and its length as matched; remembered for the next time the word is met."""
    last = raw[-1]
    stripped = last in "sS" and len(raw) > 2 and raw[-2] in APOSTROPHES
    word = raw[:-2] if stripped else raw
    special = stripped or (last in "sz" and raw[0].isupper()) or word in ABBREVIATIONS
    reading = (word, _reads_as_name(word), special, len(raw))
    if len(_READINGS) >= WORD_CACHE_LIMIT:
        _READINGS.clear()
    _READINGS[raw] = reading
    return reading


def _special_token(masked: str, raw: str, w_end: int, end: int) -> tuple[str, int, bool, bool]:
    """The text, end, possessive flag and name reading of a word ending in 's, s’ or an abbreviation's period."""
    word, possessive = raw, False
    last = raw[-1]
    if last in "sS" and len(raw) > 2 and raw[-2] in APOSTROPHES:
        word, w_end, possessive = raw[:-2], w_end - 2, True
    elif last in "sz" and w_end < end and masked[w_end] in "’'" and raw[0].isupper() and (
        w_end + 1 >= end or masked[w_end + 1] in " \t,"
    ):
        possessive = True
    if w_end < end and masked[w_end] == "." and word in ABBREVIATIONS:
        word, w_end = word + ".", w_end + 1
    return word, w_end, possessive, _reads_as_name(word)


JOINED_PREFIXES = frozenset(("al-", "el-", "ul-", "ud-", "ur-", "ad-", "as-", "ash-", "an-", "az-"))
"""Lowercase prefixes joined to a capitalized part of an Arabic or Urdu name ("al-Sisi", "ul-Haq")."""


def has_joined_prefix(word: str) -> bool:
    """Whether a word is a lowercase prefix joined to a capitalized part of a name ("al-Sisi", "ul-Haq")."""
    hyphen = word.find("-", 1, 4)
    return hyphen > 0 and word[:hyphen + 1] in JOINED_PREFIXES and word[hyphen + 1:hyphen + 2].isupper()


def _reads_as_name(word: str) -> bool:
    """Whether a word is written like part of a name: capitalized (not a number or "-based" adjective), an
    "al-"/"el-"/"d'" particle before a capital, or in a script without capitals."""
    first = word[0]
    if first.isupper():
        return word.isalpha() or not (DIGIT.search(word) or word.endswith(ADJECTIVE_SUFFIXES))
    if first in "aeu":
        return has_joined_prefix(word)
    if first == "d":
        return word[1:2] in APOSTROPHES and len(word) > 2 and word[2].isupper()
    return not first.islower() and is_caseless(word)


def is_caseless(word: str) -> bool:
    """Whether a word is written in a script without capitals (CJK, Hangul, Arabic, Hebrew, Devanagari, Thai)."""
    first = word[0]
    return first.isalpha() and not first.isupper() and not first.islower()


def gap(masked: str, left: Token, right: Token) -> str:
    """The non-space characters between two tokens, a possessive ending excluded."""
    between = masked[left.end:right.start].strip()
    if left.possessive and between[:2] in ("’s", "'s", "`s"):
        between = between[2:].strip()
    elif (left.possessive or left.text[-1:] == "s") and between[:1] in ("’", "'"):
        between = between[1:].strip()
    return between
