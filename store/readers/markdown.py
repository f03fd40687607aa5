"""Markdown read as the text a reader of it sees: emphasis, links, code marks, headings' and lists' marks gone.

`markdown_text` keeps every line of prose where it was (a paragraph wrapped at a fixed width stays wrapped, a quote
runs on to the next line as before) and only takes out markup; a heading, a list item and a block quote become
paragraphs of their own, as a page shows them. Every pass is linear in the text: delimiters are matched on a
stack, and what follows a `]` or a backtick is looked for within a bounded distance.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field

from store.readers.article import TEXT_CONTROL

FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
QUOTE_MARK = re.compile(r" {0,3}>[ \t]?")
BULLET = re.compile(r"[ \t]*[-*+][ \t]+(?=\S)")
NUMBERED = re.compile(r"[ \t]*([0-9]{1,9})[.)][ \t]+(?=\S)")
"""A numbered list item's mark, which starts a list at 1 and goes on one (a year opening a paragraph is no item)."""
SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
DEFINITION = re.compile(
    r" {0,3}\[([^\[\]]{1,999})\]:[ \t]*(?:<[^<>\n]*>|\S+)(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*"
)
INLINE_TOKEN = re.compile(
    r"\\[!-/:-@\[-`{-~\n]|`+|\*+|_+|!\[|[\[\]]|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
INLINE_DESTINATION = re.compile(
    r"\([ \t\n]{0,50}(?:<[^<>\n]{0,2000}>|[^\s()<>]{0,2000}(?:\([^\s()]{0,200}\)[^\s()<>]{0,2000}){0,3})"
    r"(?:[ \t\n]{1,50}(?:\"[^\"]{0,500}\"|'[^']{0,500}'|\([^()]{0,500}\)))?[ \t\n]{0,50}\)"
)
MAX_LABEL = 999
REFERENCE = re.compile(r"\[([^\[\]]{0,999})\]")
BACKTICKS = re.compile(r"`+")
BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
HTML_COMMENT_OPEN, HTML_COMMENT_CLOSE = "<!--", "-->"


def markdown_text(text: str) -> str:
    """The text a Markdown document shows when rendered: markup removed, its prose and line breaks kept."""
    lines = _without_comments(text).split("\n")
    labels = _reference_labels(lines)
    pieces = [_inline(block, labels) if inline else block for block, inline in _blocks(lines, labels)]
    shown = BLANK_RUN.sub("\n\n", "\n".join(pieces)).strip("\n")
    return shown + "\n" if text.endswith("\n") and shown else shown


def markdown_inline(text: str) -> str:
    """A line of Markdown (a title) as it shows: emphasis, links and code marks removed."""
    return _inline(text, frozenset())


def _without_comments(text: str) -> str:
    """The text without its HTML comments (`<!-- … -->`); an unclosed one is left as written."""
    kept: list[str] = []
    cursor = 0
    while (start := text.find(HTML_COMMENT_OPEN, cursor)) >= 0:
        end = text.find(HTML_COMMENT_CLOSE, start + 2)
        if end < 0:
            break
        kept.append(text[cursor:start])
        cursor = end + len(HTML_COMMENT_CLOSE)
    kept.append(text[cursor:])
    return "".join(kept)


def _label(text: str) -> str:
    """A link label as Markdown matches it: case and runs of spaces ignored."""
    return " ".join(text.split()).casefold()


def _reference_labels(lines: list[str]) -> frozenset[str]:
    """The labels that `[label]: url` lines outside code blocks define."""
    labels: set[str] = set()
    fence: str | None = None
    for line in lines:
        fence = _fence_after(line, fence)
        if fence is None and (match := DEFINITION.fullmatch(line)) and match.group(1).strip():
            labels.add(_label(match.group(1)))
    return frozenset(labels)


def _fence_after(line: str, fence: str | None) -> str | None:
    """The code fence open after a line (its backticks or tildes), given the one open before it."""
    match = FENCE.match(line)
    if fence is None:
        if match and not (match.group(1)[0] == "`" and "`" in line[match.end() :]):
            return match.group(1)
        return None
    closes = match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)
    return None if closes and not line[match.end() :].strip() else fence


@dataclass
class _Blocks:
    """Lines gathered into blocks: runs of prose read inline together, code kept as written."""

    blocks: list[tuple[str, bool]] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)
    quoted: bool = False
    numbered: bool = False
    """Whether the lines read last are a numbered list's: an item, its wrapped or indented lines, blank lines."""

    def end_prose(self) -> None:
        """Close the prose block being gathered, a blank line after it."""
        if self.prose:
            self.blocks.append(("\n".join(self.prose), True))
            self.blocks.append(("", False))
            self.prose = []

    def add(self, line: str, *, own: bool = False, quoted: bool = False, numbered: bool = False) -> None:
        """A line of prose; `own`: a block by itself (a heading, a list item starts one), `numbered`: a numbered
        item. A line after a quoted one, not quoted itself, goes on with it, as Markdown reads a quote's paragraph
        wrapped lazily."""
        going_on = not own and (bool(self.prose) or line[:1] in " \t")
        self.numbered = numbered or (self.numbered and going_on)
        if own or (quoted and not self.quoted):
            self.end_prose()
        self.quoted = quoted
        self.prose.append(line)

    def verbatim(self, line: str) -> None:
        """A line kept exactly (code, a blank line)."""
        self.end_prose()
        if line.strip():
            self.numbered = False
        self.blocks.append((line, False))


def _blocks(lines: list[str], labels: frozenset[str]) -> list[tuple[str, bool]]:
    """The document's blocks, (text, whether its inline markup is read), block markup taken off its lines."""
    gathered = _Blocks()
    fence: str | None = None
    for line in lines:
        opened = fence
        fence = _fence_after(line, fence)
        if opened is not None or fence is not None:
            gathered.verbatim(line if opened is not None and fence is not None else "")
            continue
        _add_line(gathered, line, labels)
    gathered.end_prose()
    return gathered.blocks


def _add_line(gathered: _Blocks, line: str, labels: frozenset[str]) -> None:
    """One line outside code added to the blocks, its heading, quote, list or rule marks removed."""
    if not line.strip():
        gathered.verbatim("")
        return
    underline = gathered.prose and not gathered.quoted and SETEXT_UNDERLINE.fullmatch(line)
    if underline or _is_rule(line) or ((match := DEFINITION.fullmatch(line)) and _label(match.group(1)) in labels):
        gathered.verbatim("")
        return
    start = _after_quote_marks(line)
    quoted, line = start > 0, line[start:]
    if not line.strip():
        gathered.verbatim("")
    elif ATX_HEADING.match(line):
        gathered.add(heading_text(line), own=True, quoted=quoted)
        gathered.end_prose()
    elif bullet := BULLET.match(line):
        gathered.add(line[bullet.end() :], own=True, quoted=quoted)
    elif (number := NUMBERED.match(line)) and (gathered.numbered or int(number.group(1)) == 1):
        gathered.add(line[number.end() :], own=True, quoted=quoted, numbered=True)
    else:
        gathered.add(line, quoted=quoted)


def _after_quote_marks(line: str) -> int:
    """Where a line's text starts after its block-quote marks (`>`, `> > `), 0 when it has none."""
    start = 0
    while match := QUOTE_MARK.match(line, start):
        start = match.end()
    return start


def heading_text(line: str) -> str:
    """An ATX heading's text: its opening `#`s and closing ones (after a space: "C#" keeps its `#`) gone."""
    text = line.lstrip(" ").lstrip("#").strip()
    unclosed = text.rstrip("#")
    return unclosed.rstrip() if not unclosed or unclosed[-1] in " \t" else text


def _is_rule(line: str) -> bool:
    """Whether a line is a horizontal rule: three or more `-`, `*` or `_` alone, spaces between them or not."""
    marks = line.replace(" ", "").replace("\t", "")
    indent = len(line) - len(line.lstrip(" "))
    return indent <= 3 and len(marks) >= 3 and marks[0] in "-*_" and marks == marks[0] * len(marks)


@dataclass
class _Delimiter:
    """A run of `*` or `_` that may open or close emphasis, and where its marks stand in the output."""

    char: str
    original: int
    """How many marks the run had: Markdown's rule of three reads it."""
    left: int
    at: int
    opens: bool
    closes: bool


@dataclass
class _Inline:
    """The output of one block's inline pass being built: pieces, emphasis runs, open brackets."""

    text: str
    labels: frozenset[str]
    out: list[str] = field(default_factory=list)
    delimiters: list[_Delimiter] = field(default_factory=list)
    brackets: list[tuple[int, int, int]] = field(default_factory=list)
    """Each open `[` or `![`: its piece of the output, where it stands in the text, and where its text starts."""
    last_bracket: int = -1
    """Where the latest `[`, `![` or `]` stands in the text: a label is the text of brackets with none inside."""
    ticks: dict[int, list[int]] = field(default_factory=dict)


def _inline(text: str, labels: frozenset[str]) -> str:
    """A block of prose with its inline markup removed: emphasis, links, images, code marks, escapes, entities."""
    if not any(mark in text for mark in "\\`*_[]<&"):
        return text
    state = _Inline(text, labels)
    for run in BACKTICKS.finditer(text):
        state.ticks.setdefault(len(run.group()), []).append(run.start())
    cursor = 0
    for token in INLINE_TOKEN.finditer(text):
        if token.start() < cursor:
            continue
        state.out.append(text[cursor : token.start()])
        cursor = _token(state, token)
    state.out.append(text[cursor:])
    _match_emphasis(state.delimiters)
    for delimiter in state.delimiters:
        state.out[delimiter.at] = delimiter.char * delimiter.left
    return "".join(state.out)


def _token(state: _Inline, token: re.Match[str]) -> int:
    """Read one markup token into the output; where reading goes on."""
    mark, end = token.group(), token.end()
    first = mark[0]
    if first == "\\":
        state.out.append(mark[1])
    elif first == "`":
        return _code_span(state, token.start(), len(mark))
    elif first in "*_":
        _add_delimiter(state, token.start(), mark)
    elif first in "![":
        state.brackets.append((len(state.out), token.start(), end))
        state.last_bracket = token.start()
        state.out.append(mark)
    elif first == "]":
        return _close_bracket(state, token.start())
    elif first == "<":
        state.out.append(mark[1:-1])
    else:
        character = html.unescape(mark)
        state.out.append("" if TEXT_CONTROL.search(character) else character)
    return end


def _code_span(state: _Inline, start: int, length: int) -> int:
    """A code span's text without its backticks, or the backticks as written when none close it."""
    opened = start + length
    starts = state.ticks.get(length, [])
    place = bisect_left(starts, opened)
    if place == len(starts):
        state.out.append("`" * length)
        return opened
    close = starts[place]
    code = state.text[opened:close]
    if len(code) >= 2 and code[0] in " \n" and code[-1] in " \n" and code.strip():
        code = code[1:-1]
    state.out.append(code)
    return close + length


def _add_delimiter(state: _Inline, start: int, run: str) -> None:
    """A run of `*` or `_`, which opens or closes emphasis by what stands on either side of it."""
    before = state.text[start - 1] if start else " "
    after = state.text[start + len(run)] if start + len(run) < len(state.text) else " "
    left = not after.isspace() and (not _punctuation(after) or before.isspace() or _punctuation(before))
    right = not before.isspace() and (not _punctuation(before) or after.isspace() or _punctuation(after))
    if run[0] == "*":
        opens, closes = left, right
    else:
        opens = left and (not right or _punctuation(before))
        closes = right and (not left or _punctuation(after))
    state.delimiters.append(_Delimiter(run[0], len(run), len(run), len(state.out), opens, closes))
    state.out.append(run)


def _punctuation(char: str) -> bool:
    """Whether a character is punctuation or a symbol, as Markdown's emphasis rules read it."""
    return unicodedata.category(char)[0] in "PS"


def _close_bracket(state: _Inline, at: int) -> int:
    """A `]`: the link or image its `[` opened, its text kept and its address dropped, else a `]` as written."""
    after = at + 1
    inner = state.last_bracket
    state.last_bracket = at
    if not state.brackets:
        state.out.append("]")
        return after
    piece, opened, text_start = state.brackets.pop()
    written = state.text[text_start:at] if inner == opened and at - text_start <= MAX_LABEL else None
    end = _link_end(state, after, written)
    if end is None:
        state.out.append("]")
        return after
    state.out[piece] = ""
    return end


def _link_end(state: _Inline, after: int, written: str | None) -> int | None:
    """Where a link whose text ends before `after` ends: after its `(url)`, its `[label]` or `[]`, or at once when
    its text (`written`, when it could be a label) is a defined label; None when the brackets are no link."""
    text = state.text
    follows = text[after] if after < len(text) else ""
    if follows == "(" and (destination := INLINE_DESTINATION.match(text, after)):
        return destination.end()
    if follows == "[" and (reference := REFERENCE.match(text, after)):
        label = reference.group(1) if reference.group(1).strip() else written
        return reference.end() if label is not None and _label(label) in state.labels else None
    return after if written is not None and _label(written) in state.labels else None


def _match_emphasis(delimiters: list[_Delimiter]) -> None:
    """Pair emphasis openers with closers as CommonMark does, taking the marks they use off both runs.

    Openers wait on a stack; a closer looks down it no further than where a search for its kind last failed, so
    that every run is passed over a bounded number of times."""
    stack: list[_Delimiter] = []
    bottoms: dict[tuple[str, bool, int], int] = {}
    for closer in delimiters:
        while closer.closes and closer.left:
            key = (closer.char, closer.opens, closer.original % 3)
            found = _opener(stack, closer, bottoms.get(key, 0))
            if found is None:
                bottoms[key] = len(stack)
                break
            opener = stack[found]
            used = 2 if opener.left >= 2 and closer.left >= 2 else 1
            opener.left -= used
            closer.left -= used
            del stack[found + (1 if opener.left else 0) :]
            for other, bottom in bottoms.items():
                bottoms[other] = min(bottom, len(stack))
        if closer.opens and closer.left:
            stack.append(closer)


def _opener(stack: list[_Delimiter], closer: _Delimiter, bottom: int) -> int | None:
    """Where on the stack the nearest opener a closer can pair with stands, looking no lower than `bottom`."""
    for place in range(len(stack) - 1, min(bottom, len(stack)) - 1, -1):
        opener = stack[place]
        if opener.char != closer.char or not opener.left:
            continue
        both = opener.closes or closer.opens
        if both and (opener.original + closer.original) % 3 == 0 and not (
            opener.original % 3 == 0 and closer.original % 3 == 0
        ):
            continue
        return place
    return None
