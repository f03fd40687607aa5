"""Keyword search queries: parsing them, and where they match a text (for highlighting).

A query is words and "quoted phrases". Every word and phrase must match; matching ignores case
and accents; the last word (or an unclosed phrase) matches as a prefix while the user is typing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.keys import fold as fold_text

_QUERY_PART = re.compile(r'"([^"]*)("?)|([^\s"]+)')
WORD = re.compile(r"\w+")
"""What counts as a word, alike for the quote index and for queries, so that they always agree."""


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Folded `text` and, for each folded character, the index of the character it came from."""
    folded: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        piece = char.lower() if char.isascii() else fold_text(char)
        folded.append(piece)
        origins.extend([index] * len(piece))
    return "".join(folded), origins


@dataclass(frozen=True)
class Term:
    """One required part of a query: a run of tokens, the last possibly matched as a prefix."""

    tokens: tuple[str, ...]
    last_is_prefix: bool

    def pattern(self) -> re.Pattern[str]:
        """Regex finding this term in folded text, whole words only (a prefix runs to its word's end)."""
        body = r"\W+".join(re.escape(token) for token in self.tokens)
        return re.compile(r"(?<!\w)" + body + (r"\w*" if self.last_is_prefix else r"(?!\w)"))


@dataclass(frozen=True)
class ParsedQuery:
    """The terms of a query, all of which must match."""

    terms: tuple[Term, ...]

    @property
    def is_empty(self) -> bool:
        """True when the query asks for nothing (blank or only punctuation)."""
        return not self.terms


def parse_query(query: str) -> ParsedQuery:
    """Split a query into terms: words, "phrases", the last part open as a prefix while typing."""
    parts: list[tuple[tuple[str, ...], bool, int]] = []
    for match in _QUERY_PART.finditer(query):
        phrase, closing_mark, word = match.groups()
        tokens = tuple(WORD.findall(fold_text(phrase if word is None else word)))
        if tokens:
            closed = word is None and closing_mark == '"'
            parts.append((tokens, closed, match.end()))
    if not parts:
        return ParsedQuery(())
    ends_open = not query[-1:].isspace()
    terms = [
        Term(tokens, last_is_prefix=(i == len(parts) - 1 and ends_open and not closed and end == len(query)))
        for i, (tokens, closed, end) in enumerate(parts)
    ]
    return ParsedQuery(tuple(terms))


def match_spans(text: str, query: ParsedQuery | str) -> list[tuple[int, int]]:
    """Where the query's terms occur in `text`, as sorted (start, end) offsets into `text`."""
    parsed = parse_query(query) if isinstance(query, str) else query
    if parsed.is_empty or not text:
        return []
    folded, origins = fold_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for term in parsed.terms:
        for found in term.pattern().finditer(folded):
            if found.end() > found.start():
                spans.append((origins[found.start()], origins[found.end() - 1] + 1))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
