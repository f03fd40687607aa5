"""Quotes that are one quote: the same words by the same speaker in several articles (wire copy run by many
outlets), found once per snapshot in near-linear time.

Texts are compared normalised: case, accents, quote marks, punctuation and spacing are ignored, only the words
count. Only quotes of one speaker record (a person's or an organization's key) are ever compared: the same words
by two speakers stay two quotes, and so do unattributed quotes. A quote whose words are a contiguous run of a
longer quote by the same speaker (an excerpt) joins that quote's entry when it has at least MIN_EXCERPT_WORDS
words and every longer quote holding it belongs to one entry; an excerpt of two different quotes joins neither.

The writer marks a person none of whose quotes are related (`runs_apart`), and keeps the mark while the quotes it
adds stay unrelated to them (see `store.quote_digest`): a listing takes a marked person's quotes as they are,
grouping none of them.
"""

from __future__ import annotations

import re
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from itertools import compress
from typing import NamedTuple, TypeVar

from store.keys import accent_fold
from store.stopping import check_stop

STOP_CHECK_EVERY = 4096
"""Copied quotes `copied_groups` goes through between two checks whether its search was made stale."""
QUOTES_APART = "quotes_apart"
"""The field of a person's document the writer sets (to true) while no two of their quotes are related (see
`runs_apart`); a person without it may have copies, and is grouped."""
MIN_EXCERPT_WORDS = 6
"""The fewest words an excerpt needs to join a longer quote: shorter runs ("we will not") recur in many quotes."""

_NOT_WORD = re.compile(r"\W+")
_ASCII_WORDS = bytes(
    (ord(chr(code).lower()) if chr(code).isalnum() or chr(code) == "_" else 32) if code < 128 else code
    for code in range(256)
)
"""A byte table lower-casing ASCII letters and making every other ASCII character that is not a word character (as
`\\w` sees them) a space: one pass over an ASCII quote in C."""
_ASCII_LOWER = bytes(ord(chr(code).lower()) if code < 128 else code for code in range(256))
_ASCII_NOT_WORDS = bytes(code for code in range(128) if _ASCII_WORDS[code] == 32)
"""ASCII lower-casing, and the ASCII characters that are not word characters: deleted, they squeeze words together."""
_COMMON_MARKS = str.maketrans(dict.fromkeys("\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2026", " "))
"""Quote marks, dashes, ellipses and no-break spaces that English wire copy uses: spaces, as any other mark."""
_NOT_SET = bytes([1, 0]) + bytes(254)
"""A byte table turning 0 into 1 and 1 into 0 (for a flag a position at a time)."""
_SEPARATOR = "\x80"
"""Between texts joined for `padded_words`: not ASCII, so no ASCII text holds it, and the byte table keeps it."""


Copy = TypeVar("Copy")


def first_in_each_article(copies: Iterable[Copy], article_of: Callable[[Copy], str]) -> list[Copy]:
    """Of a quote's copies (positions, records or sources), the first in each article that printed it, in their
    order: a quote said twice in one article is printed by that article once."""
    firsts: dict[str, Copy] = {}
    for copy in copies:
        firsts.setdefault(article_of(copy), copy)
    return list(firsts.values())


def normalised(text: str) -> str:
    """The words of a quote, folded (case and accents ignored) and joined by single spaces: what two copies of the
    same quote share however each outlet set its quote marks, punctuation and spacing."""
    if not text.isascii():
        text = text.translate(_COMMON_MARKS)
    if text.isascii():
        return b" ".join(text.encode("ascii").translate(_ASCII_WORDS).split()).decode("ascii")
    return _NOT_WORD.sub(" ", accent_fold(text)).strip()


def word_bytes(text: str) -> list[bytes]:
    """The `normalised` words of a quote, each as UTF-8 (an ASCII quote's in one pass of a byte table)."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_WORDS).split()
    return normalised(text).encode("utf-8", "surrogatepass").split()


def padded_words(texts: Sequence[str]) -> list[str]:
    """Each text's `normalised` words with a space either side (a lone space when it has none), so that one is a
    run of another's words exactly when it is a substring of it. ASCII texts are done all at once, in a few passes
    over their joined bytes, which costs a fraction of a call per text."""
    if all(map(str.isascii, texts)):
        return _ascii_padded_words(texts)
    padded = [""] * len(texts)
    ascii_at: list[int] = []
    for index, text in enumerate(texts):
        if text.isascii():
            ascii_at.append(index)
        else:
            words = normalised(text)
            padded[index] = f" {words} " if words else " "
    for index, words in zip(ascii_at, _ascii_padded_words([texts[index] for index in ascii_at]), strict=True):
        padded[index] = words
    return padded


def _ascii_padded_words(texts: Sequence[str]) -> list[str]:
    """`padded_words` of ASCII texts: joined, their bytes mapped by a table, runs of spaces made one, split."""
    if not texts:
        return []
    joined = f" {_SEPARATOR} ".join(texts)
    spaced = f" {_SEPARATOR} {joined} {_SEPARATOR} ".encode("latin-1").translate(_ASCII_WORDS)
    while b"  " in spaced:
        spaced = spaced.replace(b"  ", b" ")
    return spaced.decode("latin-1").split(_SEPARATOR)[1:-1]


def squeezed_words(texts: Sequence[str]) -> list[str]:
    """Each text's `normalised` words run together, without spaces: cheaper to make (ASCII texts all at once, in
    one pass over their joined bytes), and one quote can be another's copy or excerpt only if its squeezed words
    are the other's or in them, so quotes whose squeezed words are all apart are apart."""
    if all(map(str.isascii, texts)):
        joined = _SEPARATOR.join(texts).encode("latin-1")
        return joined.translate(_ASCII_LOWER, _ASCII_NOT_WORDS).decode("latin-1").split(_SEPARATOR)
    return [normalised(text).replace(" ", "") for text in texts]


class QuoteGroups:
    """Which stored quotes are one quote, by stored position. A speaker's quotes are grouped when one of them is
    first asked about, so that a search finding a few speakers' quotes groups theirs only; `entries` groups all."""

    def __init__(
        self,
        texts: Sequence[str] | Mapping[int, str],
        speakers: Sequence[str | None] | Mapping[int, str | None],
        positions: Mapping[str, Sequence[int]] | Callable[[], Mapping[str, Sequence[int]]] | None = None,
        apart: Callable[[str], bool] | None = None,
        not_apart: Callable[[Iterable[str]], set[str]] | None = None,
    ) -> None:
        """Every stored quote's text and speaker, by position; or, given each speaker's `positions` (or how to make
        them, when first needed), only those of the quotes of these speakers (and the speakers of any quote asked
        about): a search that read a few speakers' quotes from a big store groups theirs alone. The speakers
        `apart` tells are marked as having their quotes all apart are never grouped (see `runs_apart`); `not_apart`
        tells those of many speakers that are not, at once."""
        self._texts = texts
        self._speakers = speakers
        self._made_positions: Mapping[str, Sequence[int]] | None = None
        self._make_positions: Callable[[], Mapping[str, Sequence[int]]]
        if positions is None:
            self._make_positions = self._positions_of_every_speaker
        elif callable(positions):
            self._make_positions = positions
        else:
            self._made_positions = positions
        self._positions_lock = threading.Lock()
        self._positions_made_here = positions is None
        self._unmarked_positions: Mapping[str, Sequence[int]] | None = None
        """Each speaker not marked apart's positions, when the positions were left to make here and some speakers
        are marked (see `_grouped_positions`)."""
        self._apart = apart
        self._not_apart = not_apart
        self._unmarked: set[str] | None = None
        """Every stored quote's speaker not marked apart, once `_positions_of_unmarked` has told them."""
        self._grouped: dict[str, SpeakerGroups | None] = {}
        """Each grouped speaker's groups; None for one whose quotes are all apart (most speakers), until every
        speaker is grouped (`entries`): then only the speakers with copies."""
        self._entries: Sequence[int] | None = None
        self._copied: bytearray | None = None
        """Once every speaker's quotes are grouped: 1 at each position whose group has other members."""
        self._leads: dict[int, int] = {}
        """Once every speaker's quotes are grouped: the lead of each position whose group has other members."""
        self._alone = bytearray()
        """Once every speaker's quotes are grouped: 1 at each position whose group is itself alone."""
        self._entry_batch = PACKED_ENTRY_BATCH if hasattr(texts, "many") else LAST_BATCH
        """Quotes whose speakers `entries` groups at once: more when the texts are read a block at a time."""

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def _positions(self) -> Mapping[str, Sequence[int]]:
        """Each speaker's quote positions, made when first needed: a listing whose speakers are all marked apart
        never needs them."""
        return self._made_once("_made_positions", lambda: self._make_positions())

    @property
    def _grouped_positions(self) -> Mapping[str, Sequence[int]]:
        """The positions of the speakers grouping reads (all but those marked apart): each speaker's, when they were
        given or made already; else only theirs, found in one pass of the speakers in C, so that a listing whose
        speakers are nearly all marked does not number every quote (0.46 s at 100,000 articles)."""
        if self._made_positions is not None or self._apart is None or not self._positions_made_here:
            return self._positions
        return self._made_once("_unmarked_positions", self._positions_of_unmarked)

    def _made_once(
        self, name: str, make: Callable[[], Mapping[str, Sequence[int]]]
    ) -> Mapping[str, Sequence[int]]:
        """The positions held in attribute `name`, made by `make` the first time, once whichever thread asks."""
        made = getattr(self, name)
        if made is None:
            with self._positions_lock:
                made = getattr(self, name)
                if made is None:
                    made = make()
                    setattr(self, name, made)
        return made

    def _positions_of_unmarked(self) -> Mapping[str, Sequence[int]]:
        """Each speaker not marked apart's quote positions, from every stored quote's speaker."""
        speakers, apart = self._speakers, self._apart
        assert apart is not None
        present = set(speakers)
        present.discard(None)  # type: ignore[arg-type]
        present.discard("")  # type: ignore[arg-type]
        if self._not_apart is not None:
            unmarked = self._not_apart(present)  # type: ignore[arg-type]
        else:
            unmarked = {speaker for speaker in present if not apart(speaker)}  # type: ignore[arg-type]
        self._unmarked = unmarked
        said = compress(range(len(speakers)), map(unmarked.__contains__, speakers))  # type: ignore[arg-type]
        return positions_by_speaker((position, speakers[position]) for position in said)

    def _positions_of_every_speaker(self) -> Mapping[str, Sequence[int]]:
        """Each speaker's quote positions, from every stored quote's speaker."""
        by_speaker = positions_by_speaker(enumerate(self._speakers))  # type: ignore[arg-type]
        by_speaker.pop(None, None)  # type: ignore[call-overload]
        by_speaker.pop("", None)
        return by_speaker

    @property
    def speaker_positions(self) -> Mapping[str, Sequence[int]]:
        """The stored positions of each speaker's quotes ("person:KEY", "organization:KEY"), ascending."""
        return self._positions

    @property
    def complete(self) -> bool:
        """Whether every speaker's quotes have been grouped (`entries` is ready)."""
        return self._entries is not None

    def members_of(self, position: int) -> Sequence[int]:
        """The stored positions of the quotes in the same group as `position`, ascending (itself included)."""
        speaker = self._speakers[position]
        if not speaker:
            return (position,)
        groups = self._grouped.get(speaker, _UNGROUPED)
        if groups is _UNGROUPED:
            groups = self._of_speaker(speaker)
        if groups is None or not groups.copies:
            return (position,)
        return groups.copies.get(groups.group_of[bisect_left(groups.positions, position)]) or (position,)

    def with_copies(self, positions: Sequence[int]) -> Iterable[int]:
        """Those of `positions` whose group has other members (once every quote is grouped, a byte looked at each)."""
        copied = self._copied
        if copied is None:
            return [position for position in positions if len(self.members_of(position)) > 1]
        return compress(positions, map(copied.__getitem__, positions))

    def copied_groups(self, positions: Sequence[int]) -> Iterator[Sequence[int]]:
        """The members of each group with copies that any of `positions` belongs to, each group once (a search
        that found every copy of a quote asks for its group once); stops when asked to (see `store.stopping`)."""
        seen: set[int] = set()
        complete = self._copied is not None
        for number, position in enumerate(self.with_copies(positions)):
            if not number % STOP_CHECK_EVERY:
                check_stop()
            lead = self._leads[position] if complete else self.lead_of(position)
            if lead not in seen:
                seen.add(lead)
                yield self.members_of(position)

    def size_of(self, position: int) -> int:
        """How many stored quotes are in the group of `position`."""
        return len(self.members_of(position))

    def lead_of(self, position: int) -> int:
        """The position that stands for the group of `position`: its copy with the most words, the first such."""
        speaker = self._speakers[position]
        if not speaker:
            return position
        groups = self._of_speaker(speaker)
        if groups is None:
            return position
        return groups.leads[groups.group_of[bisect_left(groups.positions, position)]]

    def group_speakers(self, speakers: Iterable[str | None], keep_apart: bool = True) -> None:
        """Group these speakers' quotes now, normalising all their texts at once (many times cheaper than one
        speaker at a time when a search finds the quotes of thousands of speakers); unless `keep_apart`, a speaker
        whose quotes are all apart is not recorded (`entries` groups every speaker once, and keeps only copies)."""
        grouped, marked_apart = self._grouped, self._apart
        several: dict[str, Sequence[int]] = {}
        """Each speaker with more than one quote, and their quotes' positions (looked up once)."""
        apart: list[str] = []
        for speaker in dict.fromkeys(speakers):
            if speaker and speaker not in grouped:
                unmarked = self._unmarked
                if marked_apart is not None and (
                    speaker not in unmarked if unmarked is not None else marked_apart(speaker)
                ):
                    apart.append(speaker)
                    continue
                said = self._grouped_positions[speaker]
                if len(said) == 1:
                    apart.append(speaker)
                else:
                    several[speaker] = said
        texts = self._texts
        few = [(speaker, said) for speaker, said in several.items() if len(said) <= SURELY_APART_AT_MOST]
        counts = [len(said) for _, said in few]
        squeezed = squeezed_words(texts_at(texts, [position for _, said in few for position in said]))
        alone = _surely_apart(squeezed, counts)
        surely_apart = [speaker for (speaker, _), is_apart in zip(few, alone, strict=True) if is_apart]
        for speaker in surely_apart:
            del several[speaker]
        if keep_apart:
            grouped.update(dict.fromkeys(apart))
            grouped.update(dict.fromkeys(surely_apart))
        padded = padded_words(texts_at(texts, [position for said in several.values() for position in said]))
        start = 0
        for speaker, positions in several.items():
            groups = speaker_groups(positions, padded[start : start + len(positions)])
            if keep_apart or groups.copies:
                grouped[speaker] = groups
            start += len(positions)

    @property
    def entries(self) -> Sequence[int]:
        """One position per group (its lead), ascending: the quotes as listed, each once (grouping every speaker's)."""
        if self._entries is None:
            batch: list[str] = []
            quotes_in_batch = 0
            marked_apart = self._apart
            for speaker, positions in self._grouped_positions.items():
                if marked_apart is not None and marked_apart(speaker):
                    continue
                batch.append(speaker)
                quotes_in_batch += len(positions)
                if quotes_in_batch >= self._entry_batch:
                    self.group_speakers(batch, keep_apart=False)
                    batch, quotes_in_batch = [], 0
            self.group_speakers(batch, keep_apart=False)
            listed = bytearray(b"\x01") * len(self._speakers)
            copied = bytearray(len(self._speakers))
            leads: dict[int, int] = {}
            grouped = list(self._grouped.items())  # in one step: a search may group a speaker meanwhile
            for speaker, groups in grouped:
                if groups is None:
                    continue
                for position in self._grouped_positions[speaker]:
                    listed[position] = 0
                for position in groups.leads:
                    listed[position] = 1
                for group, members in groups.copies.items():
                    for member in members:
                        copied[member] = 1
                        leads[member] = groups.leads[group]
            self._alone = copied.translate(_NOT_SET)
            self._leads = leads
            self._copied = copied
            self._grouped = {speaker: groups for speaker, groups in grouped if groups and groups.copies}
            self._entries = array("I", compress(range(len(listed)), listed))
        return self._entries

    def copies_by_speaker(self) -> dict[str, int]:
        """How many of each speaker's quotes are copies of another of theirs (each group's members but one), for the
        speakers with copies, every speaker grouped first (see `entries`): a speaker's quotes less these are what
        `entries_among` lists of them."""
        self.entries  # noqa: B018 - groups every speaker, keeping those with copies
        return {
            speaker: sum(len(members) - 1 for members in groups.copies.values())
            for speaker, groups in list(self._grouped.items())
            if groups is not None and groups.copies
        }

    def entries_among(self, positions: Sequence[int]) -> array:
        """One position per group any of `positions` (ascending) belongs to, ascending: its lead when the lead is
        among them (a search's results show the fullest copy), else the first of them in stored order. Once every
        quote is grouped, a quote with no copies costs one look at a byte: a search as you type stays quick."""
        copied = self._copied
        if copied is None:
            return array("I", self.entries_in_order(positions))
        alone = array("I", compress(positions, map(self._alone.__getitem__, positions)))
        if len(alone) == len(positions):
            return alone
        chosen: dict[int, int] = {}
        for position in positions:
            if copied[position]:
                lead = self._leads[position]
                if lead not in chosen or position == lead:
                    chosen[lead] = position
        return _merged(alone, sorted(chosen.values()))

    def entries_in_order(self, positions: Sequence[int]) -> Iterator[int]:
        """The positions `entries_among` lists, one at a time: the speakers of a few positions are grouped at a
        time, so that the first entries come long before the last speaker is grouped (`| head` answers at once)."""
        matched = cache(lambda: set(positions))
        start, size = 0, FIRST_BATCH
        while start < len(positions):
            batch = positions[start : start + size]
            start, size = start + size, min(2 * size, LAST_BATCH)
            if self._copied is None:
                self.group_speakers([self._speakers[position] for position in batch])
            grouped, speakers = self._grouped, self._speakers
            yield from (
                position
                for position in batch
                if grouped.get(speakers[position] or "") is None or self.listed_among(position, matched)
            )

    def listed_among(self, position: int, matched: Callable[[], set[int]]) -> bool:
        """Whether a found quote is the one its group lists among the found positions (`matched()`, asked for only
        when the group has other members): the group's lead when it was found, else its first found member."""
        members = self.members_of(position)
        if len(members) == 1:
            return True
        found = matched()
        lead = self.lead_of(position)
        if lead not in found:
            lead = next(member for member in members if member in found)
        return lead == position

    def _of_speaker(self, speaker: str) -> SpeakerGroups | None:
        """The groups of one speaker's quotes, made when first needed (None: all apart; once every speaker is
        grouped, only those with groups are kept)."""
        if self._entries is not None:
            return self._grouped.get(speaker)
        try:
            return self._grouped[speaker]
        except KeyError:
            self.group_speakers((speaker,))
            return self._grouped.get(speaker)  # None if every speaker's grouping, done meanwhile, found it apart


def _merged(ascending: array, few: list[int]) -> array:
    """Two ascending runs of positions as one, `few` put in place by binary search: no list of a million int
    objects is made to sort them together (a search that matches most of a big store)."""
    merged = array("I")
    start = 0
    for position in few:
        cut = bisect_left(ascending, position, start)
        merged.extend(ascending[start:cut])
        merged.append(position)
        start = cut
    merged.extend(ascending[start:])
    return merged


FIRST_BATCH = 256
LAST_BATCH = 16384
"""How many found positions `QuoteGroups.entries_in_order` groups the speakers of at once: few at first, so that
the first lines come at once, then more, so that the texts of many speakers are normalised together."""


class SpeakerGroups(NamedTuple):
    """One speaker's quotes in groups: for each of their positions (ascending) its group, each group's lead (the
    most words, the first such) and, for a group of more than one quote, its members (ascending)."""

    positions: Sequence[int]
    group_of: Sequence[int]
    copies: dict[int, Sequence[int]]
    leads: Sequence[int]


_UNGROUPED = SpeakerGroups((), (), {}, ())
"""What `QuoteGroups.members_of` finds for a speaker not grouped yet (None stands for one whose quotes are apart)."""

PACKED_ENTRY_BATCH = 32_768
"""Quotes `QuoteGroups.entries` groups the speakers of at once when the texts are compressed (`PackedTexts`): a
speaker's quotes lie anywhere in the store, so each batch decompresses the blocks it needs once; twice the
default batch, and a quarter of the memory a batch of four times as many quotes holds while it is grouped."""


def texts_at(texts: Sequence[str] | Mapping[int, str], positions: list[int]) -> list[str]:
    """The texts at these positions, in their order: a block at a time for compressed texts (see `PackedTexts.many`)."""
    many = getattr(texts, "many", None)
    return many(positions) if many is not None else [texts[position] for position in positions]


def group_quotes(
    texts: Sequence[str],
    speakers: Sequence[str | None],
    positions: Mapping[str, Sequence[int]] | Callable[[], Mapping[str, Sequence[int]]] | None = None,
    apart: Callable[[str], bool] | None = None,
    not_apart: Callable[[Iterable[str]], set[str]] | None = None,
) -> QuoteGroups:
    """Stored quotes (their texts and speaker ids, by position) in groups of one quote, with each speaker's
    `positions` when they are held already, or how to make them; see the module's docstring."""
    return QuoteGroups(texts, speakers, positions, apart, not_apart)


def positions_by_speaker(said: Iterable[tuple[int, str | None]]) -> dict[str, array]:
    """The positions of the quotes each speaker said, in the order given, from (position, speaker) pairs."""
    by_speaker: dict[str, array] = {}
    for position, speaker in said:
        positions = by_speaker.get(speaker)  # type: ignore[arg-type]
        if positions is None:
            positions = by_speaker[speaker] = array("I")  # type: ignore[index]
        positions.append(position)
    return by_speaker


def runs_apart(runs: Sequence[Sequence[str]]) -> list[bool]:
    """For each run of one speaker's quote texts, whether no two are related: none the same quote as another, none
    an excerpt of another, not even one that grouping leaves alone for being in two longer quotes. Whichever of them
    are removed, the rest are still apart: what the writer marks (see the module's docstring)."""
    counts = [len(run) for run in runs]
    surely = _surely_apart(squeezed_words([text for run in runs for text in run]), counts)
    return [sure or not _related(padded_words(run)) for run, sure in zip(runs, surely, strict=True)]


def _related(padded: Sequence[str]) -> bool:
    """Whether two of one speaker's quotes (their `padded_words`) have the same words, or one has the other's, of
    at least MIN_EXCERPT_WORDS words, as a run of its own; a quote without words is related to none."""
    worded = [words[1:-1] for words in padded if words != " "]
    if len(set(worded)) < len(worded):
        return True
    find = _holders_by_search if len(worded) <= FEW_QUOTES else _holders_by_anchor
    return len(worded) > 1 and bool(find(worded))


def speaker_groups(positions: list[int], padded: Sequence[str]) -> SpeakerGroups:
    """Group one speaker's quotes (at these stored positions, ascending, with their `padded_words`): the same
    normalised words, or a run of at least MIN_EXCERPT_WORDS words of exactly one longer quote's entry."""
    if len(positions) == 1 or (len(positions) <= FEW_TO_PAIR and _all_apart(padded)):
        return SpeakerGroups(positions, array("I", range(len(positions))), {}, array("I", positions))
    distinct: dict[str, int] = {}
    text_of = [distinct.setdefault(words, len(distinct)) if words != " " else -1 for words in padded]
    words_of = [words[1:-1] for words in distinct]
    root = list(range(len(words_of)))
    if len(words_of) > 1:
        find = _holders_by_search if len(words_of) <= FEW_QUOTES else _holders_by_anchor
        for excerpt, holders in sorted(find(words_of).items(), key=lambda item: -len(words_of[item[0]])):
            roots = {root[holder] for holder in holders}
            if len(roots) == 1:
                root[excerpt] = roots.pop()
    group_by_root: dict[int, int] = {}
    group_of: list[int] = []
    members: list[list[int]] = []
    leads: list[int] = []
    longest: list[int] = []
    for position, text_id in zip(positions, text_of, strict=True):
        group = group_by_root.setdefault(root[text_id], len(members)) if text_id >= 0 else len(members)
        if group == len(members):
            members.append([])
            leads.append(position)
            longest.append(-1)
        members[group].append(position)
        group_of.append(group)
        size = len(words_of[text_id]) if text_id >= 0 else 0
        if size > longest[group]:
            longest[group], leads[group] = size, position
    copies = {group: array("I", copied) for group, copied in enumerate(members) if len(copied) > 1}
    return SpeakerGroups(positions, array("I", group_of), copies, array("I", leads))


FEW_TO_PAIR = 12
"""Up to this many quotes, a speaker whose quotes are all apart (most speakers) is told so by comparing each pair."""
SURELY_APART_AT_MOST = 128
"""Up to this many quotes, a speaker is first checked with `_surely_apart`, all such speakers of a batch at once:
each text is searched for among their longer ones, so the cost grows with the square of their quotes, but stays
below `speaker_groups`' (at 100,000 articles a speaker is quoted in several articles, often more than FEW_TO_PAIR
times)."""


def _all_apart(padded: Sequence[str]) -> bool:
    """Whether no two of these quotes (their `padded_words`) are one quote: none without words, no equal words, no
    excerpt of another (found among them all joined, in one string search each)."""
    if " " in padded or len(set(padded)) < len(padded):
        return False
    joined = "\n".join(padded)
    return not any(joined.count(words) > 1 and words.count(" ") > MIN_EXCERPT_WORDS for words in padded)


def _surely_apart(squeezed: list[str], counts: list[int]) -> Iterator[bool]:
    """For runs of `counts` texts (`squeezed_words`), one run a speaker, whether that speaker's quotes are surely
    apart: no text without words, no two equal and none of at least MIN_EXCERPT_WORDS characters in another. False
    may still be quotes apart, which `speaker_groups` tells. All texts are joined in one string, each run longest
    first, and each text is searched for only among the texts before it in its run."""
    runs: list[list[str]] = []
    first = 0
    for count in counts:
        runs.append(sorted(squeezed[first : first + count], key=len, reverse=True))
        first += count
    joined = "\n\n" + "\n\n".join(text for run in runs for text in run) + "\n\n"
    start = 2
    for run in runs:
        low, end = start - 1, start + sum(map(len, run)) + 2 * len(run)
        apart = True
        for words in run:
            if not words or joined.find(words if len(words) >= MIN_EXCERPT_WORDS else f"\n{words}\n", low, start) >= 0:
                apart = False
                break
            start += len(words) + 2
        start = end
        yield apart


FEW_QUOTES = 200
"""Up to this many distinct quotes, a speaker's excerpts are found by searching all their quotes at once for each
(one fast string search an excerpt); beyond, by scanning words once (cost growing with the words, not the pairs)."""


def _holders_by_search(texts: list[str]) -> dict[int, set[int]]:
    """For each excerpt among one speaker's distinct normalised texts, the longer texts holding it: the texts
    are joined longest first, so that each is searched for only among the longer ones."""
    order = sorted(range(len(texts)), key=lambda index: -len(texts[index]))
    joined = "\n".join(f" {texts[index]} " for index in order)
    starts = [0]
    for index in order[:-1]:
        starts.append(starts[-1] + len(texts[index]) + 3)
    holders: dict[int, set[int]] = {}
    for rank, excerpt in enumerate(order):
        text = texts[excerpt]
        if rank == 0 or text.count(" ") + 1 < MIN_EXCERPT_WORDS:
            continue
        needle = f" {text} "
        found = joined.find(needle, 0, starts[rank])
        while found != -1:
            holder = order[bisect_right(starts, found) - 1]
            if len(texts[holder]) > len(text):
                holders.setdefault(excerpt, set()).add(holder)
            found = joined.find(needle, found + 1, starts[rank])
    return holders


def _holders_by_anchor(texts: list[str]) -> dict[int, set[int]]:
    """As `_holders_by_search`, for a speaker with many quotes: each excerpt is found through its first
    MIN_EXCERPT_WORDS words, the longer texts scanned once, a word at a time; where a word starts some excerpt,
    the run of words of each excerpt length that anchor has is looked up whole, so the cost follows the words said,
    not the pairs of quotes."""
    span = MIN_EXCERPT_WORDS
    words = [text.split(" ") for text in texts]
    anchors: dict[tuple[str, ...], dict[int, dict[tuple[str, ...], int]]] = {}
    for index, text_words in enumerate(words):
        if len(text_words) >= span:
            by_length = anchors.setdefault(tuple(text_words[:span]), {})
            by_length.setdefault(len(text_words), {})[tuple(text_words)] = index
    holders: dict[int, set[int]] = {}
    if not anchors:
        return holders
    shortest = min(length for by_length in anchors.values() for length in by_length)
    first_words = {anchor[0] for anchor in anchors}
    for holder, text_words in enumerate(words):
        length = len(text_words)
        if length <= shortest:
            continue
        for start in range(length - span + 1):
            if text_words[start] not in first_words:
                continue
            for size, excerpts in anchors.get(tuple(text_words[start : start + span]), {}).items():
                if size < length and start + size <= length:
                    excerpt = excerpts.get(tuple(text_words[start : start + size]))
                    if excerpt is not None:
                        holders.setdefault(excerpt, set()).add(holder)
    return holders
