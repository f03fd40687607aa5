"""An article's text cut into screen lines for one width: paragraphs word-wrapped, one blank line between them.

Pure functions on plain strings, so that a long article is laid out in a worker thread, not on the UI thread.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*")
_LINE_BREAK = re.compile("\n")
BLANK = -1
"""The paragraph number of the blank line between two paragraphs."""


def line_starts(text: str) -> list[int]:
    """Where each line of the text (a paragraph, in an article) starts."""
    return [0] + [match.end() for match in _LINE_BREAK.finditer(text)]


def paragraph_at(paragraph_starts: list[int], offset: int) -> int:
    """The number of the paragraph (line) holding a text offset."""
    return max(0, bisect_right(paragraph_starts, offset) - 1)


@dataclass(frozen=True)
class ArticleLayout:
    """Screen lines for one width: each is (paragraph number, start offset, end offset) in the text."""

    width: int
    paragraphs: list[int]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The screen line that shows a text offset (the line after, for an offset between paragraphs)."""
        return max(0, bisect_right(self.starts, offset) - 1) if self.starts else 0


def _split_word(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """A word wider than the line, in pieces that fit."""
    pieces: list[tuple[int, int]] = []
    piece_start, used = start, 0
    for offset in range(start, end):
        cells = cell_len(text[offset])
        if used + cells > width and offset > piece_start:
            pieces.append((piece_start, offset))
            piece_start, used = offset, 0
        used += cells
    pieces.append((piece_start, end))
    return pieces


def lay_out(text: str, width: int, paragraph_starts: list[int] | None = None) -> ArticleLayout:
    """Word-wrap every non-blank line of `text` to `width` cells, with one blank line between paragraphs."""
    width = max(1, width)
    starts_of = paragraph_starts if paragraph_starts is not None else line_starts(text)
    paragraphs: list[int] = []
    starts: list[int] = []
    ends: list[int] = []

    def emit(number: int, start: int, end: int) -> None:
        paragraphs.append(number)
        starts.append(start)
        ends.append(end)

    for number, paragraph_start in enumerate(starts_of):
        paragraph_end = starts_of[number + 1] - 1 if number + 1 < len(starts_of) else len(text)
        paragraph = text[paragraph_start:paragraph_end]
        if not paragraph.strip():
            continue
        if starts:
            emit(BLANK, paragraph_start, paragraph_start)
        line_start, used = paragraph_start + len(paragraph) - len(paragraph.lstrip()), 0
        for match in _WORD.finditer(text, paragraph_start, paragraph_end):
            word = match.group()
            word_cells = len(word) if word.isascii() else cell_len(word)
            visible = word_cells - (len(word) - len(word.rstrip()))
            if used and used + visible > width:
                emit(number, line_start, match.start())
                line_start, used = match.start(), 0
            if visible > width:
                word_end = match.start() + len(word.rstrip())
                *pieces, (last_start, _last_end) = _split_word(text, match.start(), word_end, width)
                for piece_start, piece_end in pieces:
                    emit(number, piece_start, piece_end)
                line_start, used = last_start, cell_len(text[last_start : match.end()])
                continue
            used += word_cells
        emit(number, line_start, paragraph_end)
    return ArticleLayout(width, paragraphs, starts, ends)
