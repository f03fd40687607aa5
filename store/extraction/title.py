"""The article's title: front matter, a first line set apart by a blank line, or the first sentence shortened."""

from __future__ import annotations

import re

from store.extraction.document import Document

TITLE_LENGTH = 90
DATELINE = re.compile(
    r"[A-Z]{2}[A-Z.'\- ]{1,40}(?:,\s*[A-Z][\w.' ]{1,30}?)?\s*(?:\([^()]{1,40}\))?"
    r"\s*(?:-{1,2}|\u2014|\u2013)\s+(?=\S)"
)
"""A dateline opening a story's first sentence ("FRANKFURT (Reuters) - ", "LISBON — "): no part of a title made
from it."""


def find_title(document: Document) -> str:
    """The title the article gives itself, or one made from its first sentence."""
    if document.front_matter.get("title"):
        return document.front_matter["title"]
    if document.title_paragraph >= 0:
        start, end = document.paragraphs[document.title_paragraph]
        line = " ".join(document.text[start:end].split())
        return shorten(line) if DATELINE.match(line) else line  # a story's opening line, set apart, not a title
    if not document.sentences:
        first = next((p for i, p in enumerate(document.paragraphs) if i not in document.quiet_paragraphs), None)
        if first is None:
            return ""
        return shorten(document.text[first[0]:first[1]])
    sentence = document.sentences[0]
    return shorten(document.text[sentence.start:sentence.end])


def shorten(sentence: str) -> str:
    """A sentence without its dateline and its final period, cut at a word boundary when long."""
    text = " ".join(sentence.split()).rstrip(".")
    dateline = DATELINE.match(text)
    if dateline is not None:
        text = text[dateline.end():]
    if len(text) <= TITLE_LENGTH:
        return text
    cut = text[:TITLE_LENGTH]
    for mark in (", ", " — ", " – ", "; "):
        at = cut.rfind(mark)
        if at > TITLE_LENGTH // 2:
            return cut[:at] + "…"
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    words = cut.split()
    while len(words) > 1 and words[-1].lower() in ("a", "an", "the", "of", "to", "and", "or", "in", "on", "at",
                                                     "for", "with", "by", "from", "as", "that"):
        words.pop()
    return " ".join(words) + "…"
