"""Matching what is typed in the palette to names and titles word by word, as a reader means it.

Each typed word must be found in a name: at the start of one of its words ("sant" in "Ana Santos"), as initials
then the start of a later word ("jsullivan" for "Jake Sullivan"), or at least inside one of its words ("ntos").
Letters merely scattered through a long title in the typed order find nothing. The names are matched folded (case
and accents ignored) and UTF-8 encoded, as `tui.commands.PaletteNames` holds them: a keystroke finds its matches
among 400,000 names by searches in C.
"""

from __future__ import annotations

import re
from enum import IntEnum

from store import fold

WORD_CHARACTERS = rb"A-Za-z0-9\x80-\xff"
"""Bytes of a word: ASCII letters and digits, and every byte of a letter that is not ASCII. Any other character
(a space, a tab, punctuation) ends a word."""
MAX_INITIALS = 4
"""Initials a typed word may start with before the start of a later word ("jrrtolkien")."""
IN_LINE = rb"[^\n]*?"


class Kind(IntEnum):
    """How well a typed word matched a name: the better, the higher."""

    INSIDE = 1
    INITIALS = 2
    PREFIX = 3
    WHOLE = 4


Span = tuple[int, int]
"""Where a match lies in the folded, encoded name: its start and end byte."""


def started_word(piece: bytes) -> bytes:
    """A pattern that holds right after `piece` (escaped) when the piece started a word."""
    return rb"(?<![" + WORD_CHARACTERS + rb"]" + piece + rb")"


def at_word_start(piece: bytes) -> bytes:
    """A pattern for `piece` (escaped) where a word starts; the piece comes first, so that C finds it fast."""
    return piece + started_word(piece)


def whole_word(piece: bytes) -> bytes:
    """A pattern for `piece` (escaped) as a whole word."""
    return at_word_start(piece) + rb"(?![" + WORD_CHARACTERS + rb"])"


def by_initials(letters: list[bytes], count: int, *, grouped: bool = False) -> bytes:
    """A pattern for a word typed as `count` initials, each the start of a word, then the start of a later word
    (each matched part grouped when `grouped`)."""
    first = at_word_start(letters[0])
    return (b"(" + first + b")" if grouped else first) + after_first_initial(letters, count, grouped=grouped)


def after_first_initial(letters: list[bytes], count: int, *, grouped: bool = False) -> bytes:
    """The part of `by_initials` past its first initial. Each initial is taken at the first word it can start, which
    finds a match if there is one, without trying every way a long title could hold it."""

    def group(piece: bytes) -> bytes:
        return b"(" + piece + b")" if grouped else piece

    pattern = b"".join(rb"(?>" + IN_LINE + group(at_word_start(letter)) + rb")" for letter in letters[1:count])
    return pattern + IN_LINE + group(at_word_start(b"".join(letters[count:])))


def after_initials(letters: list[bytes], count: int) -> bytes:
    """A pattern for the rest of a word typed as initials, past its first `count` initials: the next letter where it
    first starts a word, then the rest of the word there, or the rest of the word where it starts a later word, or
    (up to MAX_INITIALS) the next letter is an initial too. One pattern for every count of initials, which scans a
    line once for each initial rather than once for each way of reading the word."""
    here = rb"(?>" + IN_LINE + at_word_start(letters[count]) + rb")"
    if count == len(letters) - 1:
        return here
    ways = [b"".join(letters[count + 1 :]), IN_LINE + at_word_start(b"".join(letters[count:]))]
    if count < MAX_INITIALS:
        ways.append(after_initials(letters, count + 1))
    return here + b"(?:" + b"|".join(ways) + b")"


def initials_counts(letters: list[bytes]) -> range:
    """How many initials a typed word of these letters may be read as (none for one letter)."""
    return range(1, min(len(letters) - 1, MAX_INITIALS) + 1)


def word_pattern(letters: list[bytes], weakest: Kind) -> bytes:
    """A pattern matching a typed word (its letters escaped) in any way at least as good as `weakest`. It starts with
    the word's first letter whichever way it matches, so that C skips to where that letter is."""
    word = b"".join(letters)
    if weakest > Kind.INITIALS or len(letters) == 1:
        return word if weakest == Kind.INSIDE else at_word_start(word)
    first, rest = letters[0], b"".join(letters[1:])
    whole = rest if weakest == Kind.INSIDE else rest + started_word(word)
    initials = started_word(first) + after_initials(letters, 1)
    return first + rb"(?:" + whole + rb"|" + initials + rb")"


def line_pattern(words: list[list[bytes]], weakest: Kind) -> re.Pattern[bytes]:
    """A pattern matching, within one line, a line that holds every typed word at least as well as `weakest`."""
    if len(words) == 1:
        return re.compile(word_pattern(words[0], weakest))
    holds = (rb"(?=" + IN_LINE + rb"(?:" + word_pattern(letters, weakest) + rb"))" for letters in words)
    return re.compile(rb"(?m)^" + b"".join(holds))


TIERS = (Kind.PREFIX, Kind.INITIALS, Kind.INSIDE)
"""The tiers of names listed, best first: every typed word at a word's start, then some typed as initials, then
some found inside a word."""


class WordQuery:
    """What was typed, as folded words, and the patterns that find the names holding them."""

    def __init__(self, query: str) -> None:
        self.words = [[re.escape(char.encode()) for char in word] for word in fold(query).split()]
        self.tiers = [line_pattern(self.words, tier) for tier in TIERS] if self.words else []
        self._ways = [self._word_ways(letters) for letters in self.words]
        self.searches = [self._search(TIERS[number], line) for number, line in enumerate(self.tiers)]
        """For each tier, a pattern to search the names for, and one its line must match too, if any."""

    def __bool__(self) -> bool:
        return bool(self.words)

    def _search(self, tier: Kind, line: re.Pattern[bytes]) -> tuple[re.Pattern[bytes], re.Pattern[bytes] | None]:
        """The search for the lines of a tier: for more than one typed word, the longest word searched for and then
        the whole line matched, which C does far faster than searching for a line holding them all."""
        if len(self.words) == 1:
            return line, None
        return re.compile(word_pattern(max(self.words, key=len), tier)), line

    @staticmethod
    def _word_ways(letters: list[bytes]) -> list[tuple[Kind, re.Pattern[bytes]]]:
        """The patterns that find one typed word, best first, each grouping what it matched."""
        word = b"".join(letters)
        ways = [(Kind.WHOLE, b"(" + whole_word(word) + b")"), (Kind.PREFIX, b"(" + at_word_start(word) + b")")]
        ways += [(Kind.INITIALS, by_initials(letters, count, grouped=True)) for count in initials_counts(letters)]
        ways.append((Kind.INSIDE, b"(" + word + b")"))
        return [(kind, re.compile(pattern)) for kind, pattern in ways]

    def tier(self, text: bytes, start: int = 0, end: int | None = None) -> int | None:
        """The tier (0 best) of the line text[start:end], or None when it does not hold every typed word."""
        end = len(text) if end is None else end
        return next((number for number, pattern in enumerate(self.tiers) if pattern.search(text, start, end)), None)

    def match(self, folded: bytes) -> tuple[Kind, list[Span]] | None:
        """How well a folded, encoded name holds every typed word (as its worst-matched word), and where each
        matched; None when one is not held."""
        weakest, spans = Kind.WHOLE, []
        for ways in self._ways:
            found = next(((kind, match) for kind, pattern in ways if (match := pattern.search(folded))), None)
            if found is None:
                return None
            weakest = min(weakest, found[0])
            spans += [found[1].span(group) for group in range(1, found[1].re.groups + 1)]
        return weakest, spans
