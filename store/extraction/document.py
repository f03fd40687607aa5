"""One article read once: paragraphs, quote spans, reporter's text with quotes masked, sentences and tokens."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from operator import attrgetter

from store.bylines import byline_names
from store.extraction.lexicon import CLOSING_QUOTE_MARKS
from store.extraction.quotes import QuoteSpan, find_quotes
from store.extraction.text import Token, joined_lines, paragraphs, sentences, tokens

DATELINE = re.compile(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:, [A-Z][\w.'’-]*(?: [A-Z0-9][\w.'’-]*)*){0,2}"
                      r"(?: \([^)]{1,20}\))? *(?:—|–|--|-) *")
"""A dateline: a place in capitals, a country or a date after commas ("KYIV, Ukraine, Nov. 3"), an agency."""
MASK = "\x00"
ASCII_MASKING = str.maketrans({chr(point): MASK for point in range(128) if chr(point).isalnum()})
"""Replaces every ASCII letter and digit with the mask in one pass of str.translate."""
NON_ASCII_ALPHANUMERIC = re.compile(r"[^\W_\x00-\x7f]")
FRONT_MATTER = re.compile(r"(title|source|date|url|author|byline|published|link)\s*:\s*(.*)", re.IGNORECASE)
TOKEN_TEXT = attrgetter("text")
TOKEN_CAPITAL = attrgetter("capital")
DATE_LINE = re.compile(r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?[A-Z][a-z]+\.? \d{1,2},? \d{4}\s*$"
                       r"|\d{1,2} [A-Z][a-z]+ \d{4}\s*$|\d{4}-\d\d-\d\d\s*$")
"""A line that is only a date; every form ends in a digit, which `read` checks first."""


@dataclass
class Sentence:
    """A sentence of reporter's text, with its tokens."""

    start: int
    end: int
    paragraph: int
    tokens: list[Token]
    quoted: bool = False
    capitals: list[bool] = field(init=False)
    """Whether each token reads as part of a name, in token order (read by several steps)."""
    words: set[str] = field(init=False)
    """The texts of its tokens, gathered once for the steps that ask whether the sentence holds a word."""

    def __post_init__(self) -> None:
        self.capitals = list(map(TOKEN_CAPITAL, self.tokens))
        self.words = set(map(TOKEN_TEXT, self.tokens))


@dataclass
class Document:
    """The article's text and what every later step reads from it."""

    text: str
    masked: str
    paragraphs: list[tuple[int, int]]
    quotes: list[QuoteSpan]
    sentences: list[Sentence]
    quiet_paragraphs: set[int] = field(default_factory=set)
    front_matter: dict[str, str] = field(default_factory=dict)
    title_paragraph: int = -1
    lowercase_words: set[str] = field(default_factory=set)
    line_starts: list[int] = field(default_factory=list)
    """Where each non-blank line starts: what a quote's `paragraph` counts (see `line_at`), where a paragraph may be
    several lines of a wrapped text."""
    party_names: frozenset[str] | None = field(default=None, repr=False, compare=False)
    """The names written before " party", gathered once on first use (see `names._party_names`)."""

    def line_at(self, pos: int) -> int:
        """The number of the non-blank line holding pos (counted from 0)."""
        return max(0, bisect_right(self.line_starts, pos) - 1)

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding pos (the nearest one before it if none does)."""
        low, high = 0, len(self.sentences) - 1
        found = 0
        while low <= high:
            mid = (low + high) // 2
            if self.sentences[mid].start <= pos:
                found = mid
                low = mid + 1
            else:
                high = mid - 1
        return found


def read(text: str) -> Document:
    """Read an article: find paragraphs, quotes, sentences and tokens."""
    lines = paragraphs(text)
    front: dict[str, str] = {}
    quiet: set[int] = set()
    index = 0
    while index < len(lines) and index < 8:
        match = FRONT_MATTER.fullmatch(text[lines[index][0]:lines[index][1]])
        line = text[lines[index][0]:lines[index][1]]
        if match:
            front[match.group(1).lower()] = match.group(2).strip()
            quiet.add(index)
        elif line.strip("-") == "" and (index == 0 or front):
            quiet.add(index)
        else:
            break
        index += 1
    if front and index < len(lines) and text[lines[index][0]:lines[index][1]].strip("-") == "":
        quiet.add(index)
    spans = joined_lines(text, lines, quiet | {index} if quiet else set())
    quotes = find_quotes(text, spans)
    pieces = []
    cursor = 0
    for quote in quotes:
        pieces.append(text[cursor:quote.start])
        pieces.append(masked_quote(text[quote.start:quote.end]))
        cursor = quote.end
    pieces.append(text[cursor:])
    masked = "".join(pieces)
    title_paragraph = _title_paragraph(text, spans, quiet, quotes)
    if title_paragraph >= 0:
        quiet.add(title_paragraph)
    quiet.update(_credit_lines(text, spans, title_paragraph))
    found: list[Sentence] = []
    for number, (start, end) in enumerate(spans):
        if number in quiet and number != title_paragraph:
            continue
        if end - start < 80 and masked[start:end].isupper():
            quiet.add(number)
            continue
        if masked[end - 1].isdecimal() and DATE_LINE.fullmatch(masked, start, end):
            quiet.add(number)
            continue
        skip = DATELINE.match(masked, start, min(end, start + 90))
        begin = skip.end() if skip and skip.group().strip()[-1:] in "—–-" and skip.end() < end else start
        for s_start, s_end in sentences(masked, begin, end):
            found.append(Sentence(s_start, s_end, number, tokens(masked, s_start, s_end, number, len(found))))
    written: set[str] = set()
    for sentence in found:
        written.update(sentence.words)
    lowercase = {word for word in written if word[:1].islower()}
    return Document(
        text, masked, spans, quotes, found, quiet, front, title_paragraph, lowercase, [start for start, _ in lines]
    )


def masked_quote(quoted: str) -> str:
    """Quoted text with every letter and digit (of any script) replaced by the mask, so that no later step reads
    a quote's words as the reporter's."""
    hidden = quoted.translate(ASCII_MASKING)
    return hidden if hidden.isascii() else NON_ASCII_ALPHANUMERIC.sub(MASK, hidden)


CREDIT_WORD = r"(?:[A-Z]|(?:al|el|ad|as|bin|ibn|abu)-[A-Z])[\w'’.-]*"
CREDIT_NAME = rf"{CREDIT_WORD}(?: (?:{CREDIT_WORD}|van|von|de|der|da|del|al|bin|le|la)){{0,4}}" \
    rf"(?: in {CREDIT_WORD}){{0,2}}"
CREDIT_NAMES = rf"{CREDIT_NAME}(?:(?:, | and |, and | & ){CREDIT_NAME})*"
CREDIT_LINE = re.compile(
    rf"[(\[]?(?:(?:[Aa]dditional |[Ff]urther )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]esearch|"
    rf"[Gg]raphics|[Pp]hotos?|[Vv]ideo)(?: and [a-z]+)? by {CREDIT_NAMES}[;,.]?\s*)+[)\]]?"
)
"""A wire story's credit line ("(Reporting by Ann Lee in Narva; Editing by Tom Roe)"): who wrote and edited it, not
whom it is about; names alone after each "by", so that "Research by virologist Ann Lee found …" is no credit."""
CREDIT_SENTENCE = re.compile(
    rf"[(\[]?(?:(?:[A-Z][\w.'’-]*\s+){{0,3}}(?:[Ww]riters?|[Rr]eporters?|[Cc]orrespondents?|[Jj]ournalists?)\s+)?"
    rf"{CREDIT_NAMES}\s+contributed(?:\s+reporting)?(?:\s+to\s+this\s+(?:report|story|article))?\.?[)\]]?"
    rf"|(?:Photography|Photographs?|Photos?|Pictures?|Illustrations?|Graphics|Video|Words|Additional reporting|"
    rf"Reporting|Editing)\s*:\s*{CREDIT_NAMES}\.?"
    rf"|(?:To contact [^\n:]{{0,80}}:\s*|(?:Reach|Contact|Email|E-mail|Write to)\s+)?{CREDIT_NAME}\s+at\s+\S+@\S+?"
    rf"(?:[.;]?\s*Follow (?:her|him|them|[A-Z][\w'’-]*) on [^\n]{{0,60}})?\.?"
)
"""A credit written out: "Associated Press writers X in Jakarta and Y contributed to this report.", "Photography:
X", "To contact the reporter: X in Frankfurt at x@example.net", "Reach X at x@example.net. Follow her on X: @x" (a
paragraph of nothing else)."""
BYLINE_BLOCK = re.compile(
    rf"{CREDIT_NAME},\s+(?:[A-Za-z][\w-]*\s+){{0,3}}(?:correspondent|reporter|editor|writer|columnist|journalist)"
)
"""A writer's name and job on a line of their own at a story's head ("Nicola Brandt, Africa correspondent")."""
BYLINE_REACH = 3
"""Paragraphs after the title (or the text's start) within which a byline stands."""


def _credit_lines(text: str, spans: list[tuple[int, int]], title_paragraph: int) -> list[int]:
    """The paragraphs that credit the story's writers, a byline near its start or a credit line anywhere: page
    furniture, whose names are no one the story is about."""
    found = []
    first = max(title_paragraph, 0)
    for number, (start, end) in enumerate(spans):
        head = text[start:start + 12]
        near_head = number <= first + BYLINE_REACH and end - start < 120
        if near_head and head.startswith("By "):
            if byline_names(text, start, end) is not None:
                found.append(number)
        elif _credits(text, start, end) or near_head and _byline_block(text, start, end):
            found.append(number)
    return found


def _byline_block(text: str, start: int, end: int) -> bool:
    """Whether the paragraph at text[start:end] is a writer's name and beat (see BYLINE_BLOCK) naming someone the
    story never names again: "Jane Doe, war reporter", then "Doe said", heads a profile of her."""
    block = BYLINE_BLOCK.fullmatch(text, start, end)
    if block is None:
        return False
    surname = text[start:end].split(",", 1)[0].split()[-1]
    pattern = re.compile(rf"\b{re.escape(surname)}\b")
    return pattern.search(text, 0, start) is None and pattern.search(text, end) is None


def _credits(text: str, start: int, end: int) -> bool:
    """Whether the paragraph at text[start:end] is a credit line or a credit written out (see CREDIT_SENTENCE)."""
    if end - start >= 400:
        return False
    by_line = "by " in text[start:min(end, start + 40)] and CREDIT_LINE.fullmatch(text, start, end) is not None
    if by_line:
        return True
    paragraph = text[start:end]
    credited = "contributed" in paragraph or "@" in paragraph or ":" in paragraph[:40]  # what each credit holds
    return credited and CREDIT_SENTENCE.fullmatch(text, start, end) is not None


LEDE_WORDS = 8
"""Words of a first line ending in a period from which it is the story's first sentence, not a headline."""


def _title_paragraph(text: str, spans: list[tuple[int, int]], quiet: set[int], quotes: list[QuoteSpan]) -> int:
    """Index of the title line: the first line when a blank line follows it, else -1; never a sentence that
    ends in a period and quotes someone or runs to a lede's length, which opens the story itself ("\"We did it,\"
    said Ann Lee.", "Treasury Secretary Janet Yellen wrapped up her visit on Monday.")."""
    first = next((i for i in range(len(spans)) if i not in quiet), -1)
    if first < 0 or first + 1 >= len(spans):
        return -1
    start, end = spans[first]
    between = text[end:spans[first + 1][0]]
    if between.count("\n") < 2:
        return -1
    sentence = text[start:end].rstrip(CLOSING_QUOTE_MARKS + ")]").endswith(".")
    quoting = any(start <= quote.start < end for quote in quotes)
    if sentence and (quoting or len(text[start:end].split()) >= LEDE_WORDS):
        return -1  # the story's first sentence, its headline given apart (front matter, a page's title) or not at all
    return first
