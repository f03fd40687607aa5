"""An article's paragraphs as a reader sees them: a paragraph wrapped at a fixed width, or a quote run on to the next
line, is one paragraph, not one a line (see `store.extraction.text.joined_lines`)."""

from __future__ import annotations

from store.extraction.text import joined_lines, paragraphs


def flowed_text(text: str) -> str:
    """The text with each line break inside a paragraph made a space, the same length so that every offset still
    holds: what the article view lays out and a quote's context shows, one paragraph where a file wraps it."""
    lines = paragraphs(text)
    joined = joined_lines(text, lines, set())
    if len(joined) == len(lines):
        return text
    pieces: list[str] = []
    cursor = 0
    for start, end in joined:
        if text.find("\n", start, end) >= 0:
            pieces.append(text[cursor:start])
            pieces.append(text[start:end].replace("\r\n", "  ").replace("\n", " "))
            cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
