"""The quote index and the names' words read by key from the stored index parts, for a browser kept open on a big
store: the same answers as `QuoteIndex` and `NameLines`, without holding the parts parsed (hundreds of MB at a
million quotes). Each word typed costs a binary search in each part's bytes (see `store.keyed_index`); a search
stopped from outside (`store.stopping`) ends before its next part."""

from __future__ import annotations

import re
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence

from store.keyed_index import (
    FileBytes,
    IndexPart,
    Posted,
    decoded_positions,
    knows_spoken_for,
    named_speakers,
    speakers_postings,
)
from store.keys import fold
from store.quote_index import GONE_MARK, IndexSearch
from store.search import Term
from store.stopping import check_stop

ENTRY = re.compile(rb'"([^"]*)":"([^"]*)"')
"""One entry of a keyed section: a key and its base64 value (no key or value holds a quote mark)."""
SCAN_BYTES = 65_536
"""Bytes of a section read at a time while listing the keys that start with a prefix."""
POSTINGS_KEPT = 64
"""Decoded posting lists kept for the next search: a user types on from the words they typed."""
POSITIONS_KEPT = 2_000_000
"""At most this many positions in the lists kept (8 MB): a common word's list holds half the store."""
SCAN_KEPT_BYTES = 4_000_000
"""A prefix's entries in every part (keys and values) are kept while they are this small: the next letter typed
narrows them without reading the parts again."""


def lower_bound(data: FileBytes, start: int, end: int, key: bytes) -> int:
    """Where, in the JSON object at data[start:end] (sorted keys), an entry starts at or before the first one whose
    key is `key` or after it: found by halving the bytes between entries, as `section_value` does."""
    low, high = start + 1, end - 1
    while high - low > SCAN_BYTES // 16:
        middle = (low + high) // 2
        comma = data.find(b',"', middle, high + 1)
        if comma < 0:
            high = middle
            continue
        key_end = data.find(b'":"', comma + 2, end)
        if key_end < 0:
            break
        if data[comma + 2 : key_end] < key:
            low = comma + 1
        else:
            high = comma
    return low


def entries_with_prefix(data: FileBytes, start: int, end: int, prefix: bytes) -> Iterator[tuple[bytes, bytes]]:
    """The (key, value) entries of the section at data[start:end] whose keys start with `prefix`, in key order."""
    position, size = lower_bound(data, start, end, prefix), SCAN_BYTES
    while position < end:
        block = data[position : min(end, position + size)]
        last = 0
        for entry in ENTRY.finditer(block):
            key = entry.group(1)
            if key.startswith(prefix):
                yield key, entry.group(2)
            elif key > prefix:
                return
            last = entry.end()
        if position + len(block) >= end or not block:
            return
        if last:
            position, size = position + last, SCAN_BYTES
        else:
            size *= 2  # one entry longer than the block: a word most quotes of the part hold


class KeyedQuoteIndex(IndexSearch):
    """Answers a parsed query as `QuoteIndex.search` does, reading each posting list from the parts where it is
    stored; and tells which speakers' names hold a word, as the parts' `names` sections say."""

    def __init__(self, parts: Sequence[IndexPart], text_of: Callable[[int], str]) -> None:
        self._parts = parts
        self._text_of = text_of
        self._kept: OrderedDict[tuple[str, str], array] = OrderedDict()
        self._kept_positions = 0
        self._lock = threading.Lock()
        """Guards the kept lists: a stale search may still be reading beside the one that replaced it."""
        self._scanned: dict[str, tuple[bytes, list[list[tuple[bytes, bytes]]]]] = {}
        """By section, the last prefix listed (when small enough to keep) and its entries in each part."""
        self._gone: set[str] | None = None

    def _values(self, section: str, key: str) -> Iterator[bytes]:
        """The stored value of `key` in each part that holds it, in the parts' order."""
        return (value for value, _shift in self._posted(section, key))

    def _posted(self, section: str, key: str) -> Iterator[Posted]:
        """The stored value of `key` in each part that holds it, with the part's shift, in the parts' order."""
        encoded = key.encode("utf-8")
        for part in self._parts:
            check_stop()
            value = part.value(section, encoded)
            if value:
                yield value, part.shift

    def _prefixed_values(self, section: str, prefix: str) -> Iterator[list[Posted]]:
        """For each part, the stored values of every key that starts with `prefix`, each with the part's shift."""
        for part, entries in zip(self._parts, self._prefixed_entries(section, prefix.encode("utf-8")), strict=True):
            yield [(value, part.shift) for _key, value in entries]

    def _prefixed_entries(self, section: str, prefix: bytes) -> list[list[tuple[bytes, bytes]]]:
        """For each part, its entries whose keys start with `prefix`: narrowed from the last prefix listed when this
        one extends it, else listed from the parts' bytes (and kept for the next letter while small enough)."""
        with self._lock:
            last = self._scanned.get(section)
        if last is not None and prefix.startswith(last[0]):
            found = []
            for entries in last[1]:
                check_stop()
                found.append([(key, value) for key, value in entries if key.startswith(prefix)])
        else:
            found = []
            for part in self._parts:
                check_stop()
                start, end = part.sections[section]
                with FileBytes(part.path) as data:
                    found.append(list(entries_with_prefix(data, start, end, prefix)))
        if sum(len(key) + len(value) for entries in found for key, value in entries) <= SCAN_KEPT_BYTES:
            with self._lock:
                self._scanned[section] = (prefix, found)
        return found

    def _postings(self, section: str, key: str) -> array:
        """The positions a word or a pair of words ("a b") is posted at, ascending."""
        found = self._kept_list((section, key))
        if found is None:
            found = decoded_positions(self._posted(section, key))
            self._keep((section, key), found)
        return found

    def _kept_list(self, key: tuple[str, str]) -> array | None:
        """A list kept from an earlier search, now the last to be let go."""
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
            return found

    def _keep(self, key: tuple[str, str], positions: array) -> None:
        """Keep a list for the next searches, letting the oldest go past POSTINGS_KEPT lists or POSITIONS_KEPT."""
        with self._lock:
            if key in self._kept:
                return
            self._kept[key] = positions
            self._kept_positions += len(positions)
            while len(self._kept) > POSTINGS_KEPT or (self._kept_positions > POSITIONS_KEPT and len(self._kept) > 1):
                self._kept_positions -= len(self._kept.popitem(last=False)[1])

    def _positions_with_prefix(self, prefix: str) -> array:
        """Positions of the quotes holding any word that starts with `prefix`, ascending (the parts cover
        consecutive positions, so each part's union follows the one before)."""
        found = self._kept_list(("prefix", prefix))
        if found is not None:
            return found
        found = array("I")
        for values in self._prefixed_values("words", prefix):
            joined = decoded_positions(values)
            found.extend(joined if len(values) == 1 else sorted(set(joined)))
        self._keep(("prefix", prefix), found)
        return found

    def _folded_text(self, position: int) -> str:
        return fold(self._text_of(position))

    def speakers_positions(self, speakers: Sequence[str]) -> dict[str, array]:
        """The positions of each of these speakers' quotes ("person:KEY", "organization:KEY"), ascending, looked up
        together (see `speakers_postings`)."""
        return speakers_postings(self._parts, speakers)

    @property
    def knows_spoken_for(self) -> bool:
        """Whether the index says who spoke for which organization (see `store.keyed_index.knows_spoken_for`)."""
        return knows_spoken_for(self._parts)

    @property
    def gone_speakers(self) -> set[str]:
        """The speakers writes removed since the index was built (see `store.quote_index.GONE_MARK`)."""
        with self._lock:
            gone = self._gone
        if gone is None:
            gone = named_speakers(self._values("names", GONE_MARK))
            with self._lock:
                self._gone = gone
        return gone

    def spoken_for_positions(self, names: Sequence[str]) -> dict[str, array]:
        """By organization name key, the positions of the quotes people said for an organization so named (see
        `store.quote_index`), looked up together (see `speakers_postings`)."""
        return speakers_postings(self._parts, names, section_name="for")

    def speakers_with_word(self, word: str, prefix: bool = False) -> set[str]:
        """The ids of the speakers one of whose names holds this folded word (or, with `prefix`, a word that starts
        with it)."""
        if prefix:
            return named_speakers(value for part in self._prefixed_values("names", word) for value, _shift in part)
        return named_speakers(self._values("names", word))

    def speakers_named(self, term: Term) -> set[str]:
        """The ids of the speakers having, in one of their names, every word of the term (the last, when typed, as a
        prefix): those one of whose names the term may match, to be told by their names when it has more than
        one word or symbols (see `needs_names`)."""
        candidates: set[str] | None = None
        last = len(term.tokens) - 1
        for number in range(len(term.tokens)):
            prefix = term.last_is_prefix and number == last
            with_word = set().union(*(self.speakers_with_word(form, prefix) for form in term.token_forms(number)))
            candidates = with_word if candidates is None else candidates & with_word
            if not candidates:
                return set()
        return candidates or set()


def needs_names(terms: Sequence[Term]) -> bool:
    """Whether the speakers whose names hold each word of these terms must be told by their names too: a term of
    several words or with symbols must match within one name, and several terms within the same one."""
    return len(terms) > 1 or any(term.literal is not None or len(term.tokens) > 1 for term in terms)
