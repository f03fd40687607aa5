"""GUM's annotated documents (CoNLL-U with an entity layer) read into text and typed name spans, to learn from."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

ENTITY_FIELD = re.compile(r"(?:^|\|)Entity=([^|]*)")
OPENING = re.compile(r"\((\d+)-([a-z]+)[^()]*(\)?)")
CLOSING = re.compile(r"(?<![(\w-])(\d+)\)")


@dataclass(frozen=True)
class Mention:
    """One annotated mention: its character span in the rebuilt text, its entity and the entity's type."""

    start: int
    end: int
    entity: str
    kind: str
    named: bool
    """Whether the entity is called by a singular proper name somewhere in the document (a group is not)."""


@dataclass(frozen=True)
class AnnotatedDocument:
    """A document rebuilt as the extractor reads articles (title first, a blank line between paragraphs)."""

    name: str
    genre: str
    text: str
    mentions: tuple[Mention, ...]
    proper_starts: tuple[int, ...]
    """Where each singular proper noun (NNP) starts."""

    def has_proper_noun(self, start: int, end: int) -> bool:
        """Whether a singular proper noun starts within [start, end)."""
        index = bisect_left(self.proper_starts, start)
        return index < len(self.proper_starts) and self.proper_starts[index] < end


def read_conllu(path: Path) -> AnnotatedDocument:
    """Rebuild one GUM document's text from its sentences and collect every entity mention with its span."""
    pieces: list[str] = []
    length = 0
    spans: list[tuple[int, int, str, str]] = []
    open_mentions: dict[str, list[tuple[int, str]]] = {}
    proper_starts: list[int] = []
    genre = title = ""
    paragraph_pending = False
    sentence_text = ""
    sentence_offset = 0
    cursor = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# meta::genre = "):
            genre = line.split("=", 1)[1].strip()
        if line.startswith("# meta::title = "):
            title = line.split("=", 1)[1].strip()
        if line.startswith("# newpar"):
            paragraph_pending = True
            continue
        if line.startswith("# text = "):
            sentence_text = line[len("# text = "):]
            if not length and title and title != sentence_text:
                pieces.append(title)
                length = len(title)
                paragraph_pending = True
            if length:
                separator = "\n\n" if paragraph_pending else " "
                pieces.append(separator)
                length += len(separator)
            paragraph_pending = False
            pieces.append(sentence_text)
            sentence_offset, cursor = length, 0
            length += len(sentence_text)
            continue
        if not line or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) < 10 or not columns[0].isdigit():
            continue
        found_at = sentence_text.find(columns[1], cursor)
        if found_at < 0:
            continue
        start = sentence_offset + found_at
        cursor = found_at + len(columns[1])
        last_end = sentence_offset + cursor
        if columns[4] == "NNP":
            proper_starts.append(start)
        found = ENTITY_FIELD.search(columns[9])
        if not found:
            continue
        annotation = found.group(1)
        for opening in OPENING.finditer(annotation):
            identifier, kind, closed = opening.groups()
            if closed:
                spans.append((start, last_end, identifier, kind))
            else:
                open_mentions.setdefault(identifier, []).append((start, kind))
        without_openings = OPENING.sub("", annotation)
        for closing in CLOSING.finditer(without_openings):
            stack = open_mentions.get(closing.group(1))
            if stack:
                begin, kind = stack.pop()
                spans.append((begin, last_end, closing.group(1), kind))
    text = "".join(pieces)
    named = {identifier for begin, end, identifier, _ in spans
             if any(begin <= start < end for start in proper_starts)}
    mentions = sorted((Mention(begin, end, identifier, kind, identifier in named)
                       for begin, end, identifier, kind in spans), key=lambda m: (m.start, -m.end))
    return AnnotatedDocument(path.stem, genre, text, tuple(mentions), tuple(proper_starts))


def read_training_folder(folder: Path) -> list[AnnotatedDocument]:
    """Every annotated document of a folder, in name order (the build must not depend on the file system)."""
    return [read_conllu(path) for path in sorted(folder.glob("*.conllu"))]
