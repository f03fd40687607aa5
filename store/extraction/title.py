"""The article's title: front matter, a first line set apart by a blank line, or the first sentence shortened."""

from __future__ import annotations

from store.extraction.document import DATELINE, Document

TITLE_LENGTH = 90


def find_title(document: Document) -> str:
    """The title the article gives itself, or one made from its first sentence."""
    if document.front_matter.get("title"):
        return document.front_matter["title"]
    if document.title_paragraph >= 0:
        start, end = document.paragraphs[document.title_paragraph]
        line = " ".join(document.text[start:end].split())
        dateline = DATELINE.match(line)
        story = line[dateline.end():] if dateline else ""
        return shorten(story) if any(char.islower() for char in story) else line  # a story's opening, not a title
    if not document.sentences:
        first = next((p for i, p in enumerate(document.paragraphs) if i not in document.quiet_paragraphs), None)
        if first is None:
            return ""
        return shorten(document.text[first[0]:first[1]])
    sentence = document.sentences[0]
    return shorten(document.text[sentence.start:sentence.end])


def shorten(sentence: str) -> str:
    """A sentence without its final period, cut at a word boundary when long."""
    text = " ".join(sentence.split()).rstrip(".")
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
