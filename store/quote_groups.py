"""Quotes that are one quote: the same words by the same speaker in several articles (wire copy run by many
outlets), found once per snapshot in near-linear time.

Texts are compared normalised: case, accents, quote marks, punctuation and spacing are ignored, only the words
count. Only quotes of one speaker record (a person's or an organization's key) are ever compared: the same words
by two speakers stay two quotes, and so do unattributed quotes. A quote whose words are a contiguous run of a
longer quote by the same speaker (an excerpt) joins that quote's entry when it has at least MIN_EXCERPT_WORDS
words and every longer quote holding it belongs to one entry; an excerpt of two different quotes joins neither.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from store.keys import fold

MIN_EXCERPT_WORDS = 6
"""The fewest words an excerpt needs to join a longer quote: shorter runs ("we will not") recur in many quotes."""

_NOT_WORD = re.compile(r"\W+")
_ASCII_MARKS = str.maketrans({chr(code): " " for code in range(128) if not (chr(code).isalnum() or chr(code) == "_")})
"""ASCII characters that are not word characters (as `\\w` sees them), each made a space."""
_COMMON_MARKS = str.maketrans(dict.fromkeys("\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2026", " "))
"""Quote marks, dashes, ellipses and no-break spaces that English wire copy uses: spaces, as any other mark."""


def normalised(text: str) -> str:
    """The words of a quote, folded (case and accents ignored) and joined by single spaces: what two copies of the
    same quote share however each outlet set its quote marks, punctuation and spacing."""
    if not text.isascii():
        text = text.translate(_COMMON_MARKS)
    if text.isascii():
        return " ".join(text.lower().translate(_ASCII_MARKS).split())
    return _NOT_WORD.sub(" ", fold(text)).strip()


@dataclass(frozen=True)
class QuoteGroups:
    """Which stored quotes are one entry, by stored position: each group's members and the one that leads it."""

    group_of: array
    """For each stored position, the number of its group (groups numbered by their first member's position)."""
    members: array
    """Every stored position, grouped: group n's members, ascending, are members[offsets[n]:offsets[n + 1]]."""
    offsets: array
    leads: array
    """For each group, the member that stands for it: the most words, the first such in stored order."""

    def __len__(self) -> int:
        return len(self.leads)

    def members_of(self, position: int) -> Sequence[int]:
        """The stored positions of the quotes in the same group as `position`, ascending (itself included)."""
        group = self.group_of[position]
        return self.members[self.offsets[group] : self.offsets[group + 1]]

    def size_of(self, position: int) -> int:
        """How many stored quotes are in the group of `position`."""
        group = self.group_of[position]
        return self.offsets[group + 1] - self.offsets[group]

    @property
    def entries(self) -> list[int]:
        """One position per group (its lead), ascending: the quotes as listed, each once."""
        return sorted(self.leads)

    def entries_among(self, positions: Sequence[int]) -> list[int]:
        """One position per group any of `positions` belongs to, ascending: its lead when the lead is among them
        (a search's results show the fullest copy), else the first of them in stored order."""
        chosen: dict[int, int] = {}
        wanted = set(positions) if not isinstance(positions, set) else positions
        leads = self.leads
        group_of = self.group_of
        for position in sorted(wanted):
            group = group_of[position]
            lead = leads[group]
            if group not in chosen or position == lead:
                chosen[group] = position
        return sorted(chosen.values())


def group_quotes(texts: Sequence[str], speakers: Sequence[str | None]) -> QuoteGroups:
    """Group stored quotes (their texts and speaker ids, by position) into entries; see the module's docstring."""
    count = len(texts)
    repeated = Counter(speaker for speaker in speakers if speaker)
    distinct: dict[tuple[str, str], int] = {}
    distinct_of = array("q", [-1]) * count
    sizes = array("I", bytes(4 * count))
    for position, speaker in enumerate(speakers):
        if speaker and repeated[speaker] > 1:
            words = normalised(texts[position])
            if words:
                distinct_of[position] = distinct.setdefault((speaker, words), len(distinct))
                sizes[position] = len(words)
    root = _excerpt_roots(list(distinct))
    group_by_root: dict[int, int] = {}
    group_of = array("I", bytes(4 * count))
    groups = 0
    for position in range(count):
        text_id = distinct_of[position]
        if text_id < 0:
            group_of[position] = groups
            groups += 1
            continue
        found = group_by_root.get(root[text_id])
        if found is None:
            found = group_by_root[root[text_id]] = groups
            groups += 1
        group_of[position] = found
    return _grouped(group_of, groups, sizes)


def _grouped(group_of: array, groups: int, sizes: Sequence[int]) -> QuoteGroups:
    """The members and leads of each group, from each position's group number and its normalised text's length."""
    counts = array("I", bytes(4 * (groups + 1)))
    for group in group_of:
        counts[group + 1] += 1
    offsets = array("I", [0]) * (groups + 1)
    total = 0
    for group in range(groups):
        total += counts[group + 1]
        offsets[group + 1] = total
    filled = array("I", offsets[:-1]) if groups else array("I")
    members = array("I", bytes(4 * len(group_of)))
    leads = array("I", bytes(4 * groups))
    longest = [-1] * groups
    for position, group in enumerate(group_of):
        members[filled[group]] = position
        filled[group] += 1
        length = sizes[position]
        if length > longest[group]:
            longest[group] = length
            leads[group] = position
    return QuoteGroups(group_of, members, offsets, leads)


def _excerpt_roots(distinct: list[tuple[str, str]]) -> list[int]:
    """For each distinct (speaker, normalised text), the distinct text whose entry it joins: itself, or the longest
    quote of the same speaker that holds it as a contiguous run of words (when all such quotes are one entry)."""
    root = list(range(len(distinct)))
    by_speaker: dict[str, list[int]] = {}
    for text_id, (speaker, _) in enumerate(distinct):
        by_speaker.setdefault(speaker, []).append(text_id)
    for text_ids in by_speaker.values():
        if len(text_ids) > 1:
            texts = [distinct[text_id][1] for text_id in text_ids]
            find = _holders_by_search if len(texts) <= FEW_QUOTES else _holders_by_anchor
            for excerpt, holders in sorted(find(texts).items(), key=lambda item: -len(texts[item[0]])):
                roots = {root[text_ids[holder]] for holder in holders}
                if len(roots) == 1:
                    root[text_ids[excerpt]] = roots.pop()
    return root


FEW_QUOTES = 200
"""Up to this many distinct quotes, a speaker's excerpts are found by searching all their quotes at once for each
(one fast string search an excerpt); beyond, by scanning words once (cost growing with the words, not the pairs)."""


def _holders_by_search(texts: list[str]) -> dict[int, set[int]]:
    """For each excerpt among one speaker's distinct normalised texts, the longer texts holding it."""
    joined = "\n".join(f" {text} " for text in texts)
    starts = [0]
    for text in texts[:-1]:
        starts.append(starts[-1] + len(text) + 3)
    holders: dict[int, set[int]] = {}
    for excerpt, text in enumerate(texts):
        if text.count(" ") + 1 < MIN_EXCERPT_WORDS:
            continue
        needle = f" {text} "
        found = joined.find(needle)
        while found != -1:
            holder = bisect_right(starts, found) - 1
            if len(texts[holder]) > len(text):
                holders.setdefault(excerpt, set()).add(holder)
            found = joined.find(needle, found + 1)
    return holders


def _holders_by_anchor(texts: list[str]) -> dict[int, set[int]]:
    """As `_holders_by_search`, for a speaker with many quotes: each excerpt is found through its first
    MIN_EXCERPT_WORDS words, the longer texts scanned once, a word at a time, and only where a word starts some
    excerpt is a run of words compared, so the cost follows the words said, not the pairs of quotes."""
    span = MIN_EXCERPT_WORDS
    words = [text.split(" ") for text in texts]
    anchors: dict[tuple[str, ...], list[int]] = {}
    for index, text_words in enumerate(words):
        if len(text_words) >= span:
            anchors.setdefault(tuple(text_words[:span]), []).append(index)
    holders: dict[int, set[int]] = {}
    if not anchors:
        return holders
    shortest = min(len(words[index]) for indexes in anchors.values() for index in indexes)
    first_words = {anchor[0] for anchor in anchors}
    for holder, text_words in enumerate(words):
        length = len(text_words)
        if length <= shortest:
            continue
        for start in range(length - span + 1):
            if text_words[start] not in first_words:
                continue
            for excerpt in anchors.get(tuple(text_words[start : start + span]), ()):
                size = len(words[excerpt])
                if size < length and text_words[start : start + size] == words[excerpt]:
                    holders.setdefault(excerpt, set()).add(holder)
    return holders
