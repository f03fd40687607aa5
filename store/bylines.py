"""A byline's names: what the readers take for an article's author and the extractor passes over as no one the
story is about."""

from __future__ import annotations

import re

FILED_FROM = r"\s+in\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2}"
"""Where a writer filed from, after their name in a byline (" in Narva", " in Ho Chi Minh City")."""
BYLINE_NAMES = re.compile(
    r"By\s+((?:[A-Z][\w'\u2019.-]*)(?:\s+(?:[A-Z][\w'\u2019.-]*|and|de|da|del|van|von|der|al|bin|le|la)){1,7}"
    rf"(?:{FILED_FROM}(?:,?\s+and\s+|,\s+)(?:[A-Z][\w'\u2019.-]*)(?:\s+(?:[A-Z][\w'\u2019.-]*|de|van|von|al|bin)){{1,5}})*)"
    r"(?:(?:,\s+[A-Za-z][\w'\u2019&-]*(?:\s+[A-Za-z][\w'\u2019&-]*){0,5}){1,3}"
    rf"|\s+\|\s+[A-Za-z][\w'\u2019&-]*(?:\s+[A-Za-z][\w'\u2019&-]*){{0,3}}|{FILED_FROM})?"
)
"""A byline of names, maybe with the writer's job, outlet or where they filed from ("By Maria Gonzalez and Tom Lee",
"By Ann Lee, Staff Writer", "By Ann Lee, BBC News, Narva", "By Ann Lee | Staff Writer", "By Ann Lee in Narva and Tom
Roe in Tartu"): unlike "By the end of the day" or "By Monday, officials said", the first words of a story."""
NOT_NAMES = frozenset(
    "the a an of for in on at to by with then now far way order christmas easter "
    "monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december "
    "morning afternoon evening night noon midnight today tonight tomorrow yesterday".split()
)
"""Words (casefolded) a byline's names hold none of: "By The Numbers", "By Order Of The Council", "By Tuesday
Night", "By March"."""


def byline_names(line: str, start: int = 0, end: int | None = None) -> str | None:
    """The names a byline standing alone gives (`line[start:end]`, the whole of it a byline), else None."""
    named = BYLINE_NAMES.fullmatch(line, start, len(line) if end is None else end)
    if named is None:
        return None
    names = re.sub(FILED_FROM, "", named.group(1))
    if any(word.casefold() in NOT_NAMES for word in names.split()):
        return None
    return re.sub(r",?\s+and\s+", " and ", names)
