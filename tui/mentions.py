"""Where an article names its people and organizations: whole-word matches of their names and aliases."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from store import Snapshot
from tui.detail import Subject

MIN_NAME_LENGTH = 3


class Mention(NamedTuple):
    """A stretch of article text that names a person or organization."""

    start: int
    end: int
    subject: Subject


def find_mentions(text: str, names: Iterable[tuple[str, Subject]]) -> list[Mention]:
    """Non-overlapping whole-word occurrences of the names in `text`, longer names winning, in text order."""
    by_name: dict[str, Subject] = {}
    for name, subject in names:
        name = name.strip()
        if len(name) >= MIN_NAME_LENGTH:
            by_name.setdefault(name, subject)
    if not by_name:
        return []
    alternatives = "|".join(re.escape(name) for name in sorted(by_name, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return [Mention(m.start(), m.end(), by_name[m.group()]) for m in pattern.finditer(text)]


def article_mentions(snapshot: Snapshot, article_key: str, text: str) -> list[Mention]:
    """Mentions of the article's people and organizations in its text."""
    names: list[tuple[str, Subject]] = []
    for person in snapshot.people_in_article(article_key):
        names += [(name, Subject("person", person.key)) for name in (person.name, *person.aliases)]
    for organization in snapshot.organizations_in_article(article_key):
        names += [
            (name, Subject("organization", organization.key)) for name in (organization.name, *organization.aliases)
        ]
    return find_mentions(text, names)
