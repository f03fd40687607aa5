"""Keyword search queries: parsing them, and where they match a text (for highlighting).

A query is words and "quoted phrases". Every word and phrase must match, in a quote's text, in
the name of who said it or in the name of the organization they spoke for; matching ignores case
and accents and takes whole words; the last word (or an unclosed phrase) matches as a prefix while
the user is typing, and a word ending in `*` is a prefix anywhere. A word holding symbols (`C++`,
`AT&T`) matches literally, symbols included; symbols alone, with no letter or digit, cannot be
searched for and are set aside (`ignored`). `speaker:NAME`, `org:NAME` and `article:TEXT` (NAME a
word or a "quoted phrase") keep the quotes of a speaker, of an organization or its people, or of
the articles whose title or path matches; `source:NAME` those of the articles whose outlet (or
link's host) matches, and `date:2024-06` those of the articles published on a date that starts so.
"""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

from store.keys import accent_fold
from store.keys import fold as fold_text

_QUERY_PART = re.compile(r'"([^"]*)("?)|([^\s"]+)')
FIELDS = ("speaker", "org", "article", "source", "date")
_FIELD_PREFIX = re.compile(r"(speaker|org|article|source|date):", re.IGNORECASE)
SENTENCE_PUNCTUATION = ".,;:!?'\"()[]{}<>-\u2010\u2011\u2012\u2013\u2014\u2026\u2018\u2019\u201c\u201d\u00ab\u00bb/*"
"""Marks around or inside a word that a search passes over; any other mark makes the word match literally."""
WORD = re.compile(r"\w+")
"""What counts as a word, alike for the quote index and for queries, so that they always agree."""
DATE_ORDERS = ("date", "newest")
"""Orders by each found quote's article's day (published, else ingested): oldest first, newest first."""
SORT_ORDERS = ("article", "speaker", *DATE_ORDERS)
"""The orders found quotes can be listed in: as stored (article), by speaker's name, or by their article's date,
oldest first (date) or newest first (newest)."""


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Folded `text` and, for each folded character, the index of the character it came from."""
    folded: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        piece = char.lower() if char.isascii() else fold_text(char)
        folded.append(piece)
        origins.extend([index] * len(piece))
    return "".join(folded), origins


class Term(NamedTuple):
    """One required part of a query: a run of tokens, the last possibly matched as a prefix.

    A term made from a word holding symbols carries it folded as `literal`, which must occur as it is.
    """

    tokens: tuple[str, ...]
    last_is_prefix: bool
    literal: str | None = None
    stored: tuple[str, ...] | None = None
    """The tokens as an earlier whosaid wrote them in the index, when they differ: folded without reading letters
    with strokes as plain ones ("wałesa" for "walesa"). Index parts it wrote hold its words so, and a search looks
    both up, so that what it found before it still finds."""

    def forms(self) -> tuple[tuple[str, ...], ...]:
        """The tokens, and their `stored` form when there is one: the keys to look up in the index."""
        return (self.tokens,) if self.stored is None else (self.tokens, self.stored)

    def token_forms(self, number: int) -> list[str]:
        """The forms of one token (see `forms`), each once."""
        return list(dict.fromkeys(form[number] for form in self.forms()))

    def pattern(self, anchored: bool = True) -> re.Pattern[str]:
        """Regex finding this term in folded text, whole words only (a prefix runs to its word's end).

        Not `anchored`, it leaves out the check that a match starts a word, which makes a search of a long
        text many times faster; the caller then checks the character before each match (`starts_word`).
        """
        if self.literal is not None:
            before = r"(?<!\w)" if anchored and WORD.match(self.literal[0]) else ""
            after = r"(?!\w)" if WORD.match(self.literal[-1]) else ""
            return re.compile(before + re.escape(self.literal) + after)
        body = r"\W+".join(re.escape(token) for token in self.tokens)
        return re.compile((r"(?<!\w)" if anchored else "") + body + (r"\w*" if self.last_is_prefix else r"(?!\w)"))

    def starts_word(self, text: str, start: int) -> bool:
        """Whether a match of the unanchored pattern at `start` begins where the anchored one may."""
        if self.literal is not None and not WORD.match(self.literal[0]):
            return True
        return start == 0 or WORD.match(text, start - 1) is None


def date_prefix(term: Term) -> str:
    """The start of an ISO date a `date:` term asks for: `2024-6` and `2024/06` are both `2024-06`."""
    parts = [term.tokens[0], *(token.zfill(2) for token in term.tokens[1:])]
    return "-".join(parts)


class Filter(NamedTuple):
    """A `speaker:`, `org:` or `article:` part of a query: the quotes it keeps are those whose speaker,
    organization or article has a name or title matching its term."""

    field: str
    term: Term


class ParsedQuery(NamedTuple):
    """The terms of a query, all of which must match; its filters; the parts with nothing to search for; words that
    look like a filter mistyped ("speakr:lee"), each with the filter it is likely meant to be."""

    terms: tuple[Term, ...]
    filters: tuple[Filter, ...] = ()
    ignored: tuple[str, ...] = ()
    mistyped: tuple[tuple[str, str], ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when the query asks for nothing (blank or only punctuation)."""
        return not self.terms and not self.filters

    def with_filter(self, field: str, text: str) -> ParsedQuery:
        """This query keeping only quotes whose `field` matches every word of `text` (a closed phrase)."""
        tokens = tuple(WORD.findall(fold_text(text)))
        if not tokens:
            return self._replace(ignored=(*self.ignored, text))
        term = Term(tokens, False, None, stored_tokens(text, tokens))
        return self._replace(filters=(*self.filters, Filter(field, term)))


def stored_tokens(text: str, tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """The tokens of `text` as an earlier whosaid's index holds them (see `Term.stored`), when they differ."""
    if text.isascii():
        return None
    stored = tuple(WORD.findall(accent_fold(text)))
    return stored if stored != tokens and len(stored) == len(tokens) else None


def word_term(word: str, open_at_end: bool) -> Term | None:
    """The term of one unquoted word: literal when it holds symbols; None when it has no letter or digit."""
    stripped = word.strip(SENTENCE_PUNCTUATION)
    folded = fold_text(stripped)
    tokens = tuple(WORD.findall(folded))
    if not tokens:
        return None
    if any(not (WORD.match(char) or char in SENTENCE_PUNCTUATION) for char in stripped):
        return Term(tokens, False, folded, stored_tokens(stripped, tokens))
    return Term(tokens, open_at_end or word.endswith("*"), None, stored_tokens(stripped, tokens))


def parse_query(query: str) -> ParsedQuery:
    """Split a query into terms and filters: words, "phrases", the last part open as a prefix while typing; a term
    or filter given twice is kept once (a pasted text repeats its words, and each costs a lookup)."""
    terms: list[Term] = []
    filters: list[Filter] = []
    ignored: list[str] = []
    mistyped: list[tuple[str, str]] = []
    field: str | None = None
    field_end = -1
    ends_open = not query[-1:].isspace()
    for match in _QUERY_PART.finditer(query):
        phrase, closing_mark, word = match.groups()
        if field is not None and (word is not None or match.start() != field_end):
            field = None
        if word is not None:
            prefix = _FIELD_PREFIX.match(word)
            meant = mistyped_field(word) if prefix is None else None
            if meant is not None:
                mistyped.append((word[: word.index(":") + 1], meant))
            if prefix is not None:
                field, field_end = prefix.group(1).lower(), match.end()
                word = word[prefix.end() :]
                if not word:
                    continue
        open_at_end = ends_open and match.end() == len(query)
        if word is None:
            tokens = tuple(WORD.findall(fold_text(phrase)))
            stored = stored_tokens(phrase, tokens)
            term = Term(tokens, open_at_end and closing_mark != '"', None, stored) if tokens else None
        else:
            term = word_term(word, open_at_end)
        if term is None:
            ignored.append(match.group().strip())
        elif field is not None:
            filters.append(Filter(field, term))
        else:
            terms.append(term)
        field = None
    return ParsedQuery(tuple(dict.fromkeys(terms)), tuple(dict.fromkeys(filters)), tuple(ignored), tuple(mistyped))


_FIELD_LIKE = re.compile(r"([a-z]{3,9}):", re.IGNORECASE)
"""A word's start that looks like a filter's name and colon before its value ("speakr:lee")."""


def mistyped_field(word: str) -> str | None:
    """The filter a word starting like one is likely meant to be ("speakr:" for speaker:, "orgs:" for org:), or
    None: a word such as "10:30" or "re:" is no filter."""
    import difflib

    found = _FIELD_LIKE.match(word)
    if found is None:
        return None
    close = difflib.get_close_matches(found.group(1).lower(), FIELDS, n=1, cutoff=0.7)
    return close[0] if close else None


DATE_START = re.compile(r"\d{4}(?:[^\w]+\d{1,2}(?:[^\w]+\d{1,2})?)?")
"""What `date:` (and --date) takes: a year, a year and month, or a whole date, their parts apart by any marks or
spaces (2024-06, 2024/6, 2024.06)."""
NOT_A_DATE = "is not a date (2024, 2024-06 or 2024-06-12)"


def is_date_start(text: str) -> bool:
    """Whether `text` is a year, a year and month, or a whole date that exists (see DATE_START)."""
    parts = [int(part) for part in re.findall(r"\d+", text)] if DATE_START.fullmatch(text.strip()) else []
    try:
        if not parts or parts[0] < 1 or (len(parts) > 1 and not 1 <= parts[1] <= 12):
            return False
        if len(parts) == 3:
            datetime.date(*parts)
    except ValueError:
        return False
    return True


def query_problem(parsed: ParsedQuery) -> str | None:
    """Why a query can match nothing whatever the store holds, in one line, or None: a `date:` that is not a
    date, or nothing but symbols to search for."""
    if parsed.mistyped:
        given, meant = parsed.mistyped[0]
        return f"{given} is no filter: did you mean {meant}:? (speaker:, org:, article:, source:, date:)"
    for query_filter in parsed.filters:
        written = "-".join(query_filter.term.tokens)
        if query_filter.field == "date" and not is_date_start(written):
            return f"date:{written}: {NOT_A_DATE}"
    if parsed.is_empty and parsed.ignored:
        given = " ".join(parsed.ignored)
        return f"nothing to search for in \u201c{given}\u201d: search matches words of letters or digits"
    if parsed.is_empty:
        return "nothing to search for: give a word, or a word after speaker:, org:, article:, source: or date:"
    return None


def match_spans(text: str, query: ParsedQuery | str) -> list[tuple[int, int]]:
    """Where the query's terms occur in `text`, as sorted (start, end) offsets into `text`."""
    parsed = parse_query(query) if isinstance(query, str) else query
    if not parsed.terms or not text:
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
