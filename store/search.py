"""Keyword search over quotes: parsing a query, an inverted index, and match spans for highlighting.

A query is words and "quoted phrases". Every word and phrase must match; matching ignores case
and accents; the last word (or an unclosed phrase) matches as a prefix while the user is typing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from store.keys import fold as fold_text

_QUERY_PART = re.compile(r'"([^"]*)("?)|([^\s"]+)')
_TOKEN = re.compile(r"\w+")


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
        tokens = tuple(_TOKEN.findall(fold_text(phrase if word is None else word)))
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


def add_postings(postings: dict[str, list[int]], texts: Sequence[str], first_position: int) -> None:
    """Record, for each folded token of each text, the text's position (ascending within each list)."""
    for offset, text in enumerate(texts):
        position = first_position + offset
        for token in set(_TOKEN.findall(fold_text(text))):
            found = postings.get(token)
            if found is None:
                postings[token] = [position]
            else:
                found.append(position)


class SearchIndex:
    """Inverted index from folded tokens to the positions of the texts that hold them."""

    def __init__(self, texts: Sequence[str], postings: dict[str, list[int]] | None = None) -> None:
        """Index `texts`, or adopt `postings` already built for exactly these texts."""
        self._texts = texts
        self._folded: dict[int, str] = {}
        if postings is None:
            postings = {}
            add_postings(postings, texts, 0)
        self._postings = postings
        self._vocabulary = sorted(postings)

    def __len__(self) -> int:
        return len(self._texts)

    def _folded_text(self, position: int) -> str:
        """The folded form of one text, computed when a phrase first needs it."""
        folded = self._folded.get(position)
        if folded is None:
            folded = self._folded[position] = fold_text(self._texts[position])
        return folded

    def _positions_for_token(self, token: str, as_prefix: bool) -> Sequence[int] | set[int]:
        """Positions holding `token` (or, as a prefix, any token that starts with it)."""
        if not as_prefix:
            return self._postings.get(token, ())
        index = bisect_left(self._vocabulary, token)
        end = index
        while end < len(self._vocabulary) and self._vocabulary[end].startswith(token):
            end += 1
        if end - index == 1:
            return self._postings[self._vocabulary[index]]
        found: set[int] = set()
        for word in self._vocabulary[index:end]:
            found.update(self._postings[word])
        return found

    def search(self, query: ParsedQuery | str) -> list[int]:
        """Positions of the texts matching every term of the query, in ascending order."""
        parsed = parse_query(query) if isinstance(query, str) else query
        if parsed.is_empty:
            return []
        required = []
        for term in parsed.terms:
            for number, token in enumerate(term.tokens):
                as_prefix = term.last_is_prefix and number == len(term.tokens) - 1
                required.append(self._positions_for_token(token, as_prefix))
        required.sort(key=len)
        candidates = set(required[0])
        for positions in required[1:]:
            if not candidates:
                return []
            candidates.intersection_update(positions)
        phrases = [term.pattern() for term in parsed.terms if len(term.tokens) > 1]
        if phrases:
            candidates = {
                position
                for position in candidates
                if all(pattern.search(self._folded_text(position)) for pattern in phrases)
            }
        return sorted(candidates)
