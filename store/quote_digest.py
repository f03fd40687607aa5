"""A digest of a person's quotes, kept in their document by the writer, so that a later write can tell their new
quotes are apart from the earlier ones without reading them: a person quoted in many writes keeps the mark that lets
a listing take their quotes as they are (see `store.quote_groups.QUOTES_APART`).

A digest is a list of filters. Each holds a hash of each of its quotes' first MIN_EXCERPT_WORDS words (all their
words when they have fewer) and a bit set of the hashes of every pair of words one after the other, sized for the
pairs it may hold. A write adds its quotes to the last filter while it has room, or else starts a filter with room
for at least twice the last one's pairs: the filters grow with the logarithm of a person's quotes (writes of like
size: about log2(n) filters after n writes), not with their writes. Telling a write's
quotes apart still decodes every filter, so its cost grows with the person's quotes, but the objects it makes and
the checks it runs for each new quote go with the filters, not with the earlier writes. It is sound: a new
quote that is a copy or an excerpt of an earlier one has each of its pairs of words in the bit set of the filter
that holds that quote, and one that holds an earlier quote as an excerpt (or is its copy) has a run of words hashed
as that quote's first; either is never found apart. A removed quote stays in the digest, and only makes the next
quotes less likely to be found apart. It is lossy the other way: a quote whose pairs all fall on set bits by chance
costs the person the mark, never a wrong listing. About 40 bytes a quote in the people's files, and a few
microseconds of the writer's."""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import lshift, mod, xor
from typing import NamedTuple

from store.quote_groups import MIN_EXCERPT_WORDS, word_bytes

QUOTES_DIGEST = "quotes_digest"
"""The field of a marked person's document that holds the digest of their quotes: a list of filter texts (see
`digest_with`)."""
BITS_PER_PAIR = 4
"""Bits of a filter's bit set for each pair of words it has room for (so at least this many for each it holds): a
pair not said falls on a set bit at most about one time in five, so a new quote of n words is taken for an excerpt
by chance about one time in 5**(n-1)."""
DIGEST_FORMAT = "d2."
"""What starts each filter's text (base64 holds no dot): a digest made another way, or before the tag, is not one,
and only costs its person the mark."""
WRITE_DIGEST_FORMAT = "d1."
"""What starts a filter of one write's quotes, as earlier whosaid versions wrote them: read, never added to."""
GROWTH = 2
"""How many times the last filter's room in pairs a new filter has, at least."""
WORD_HASHES_KEPT = 200_000
_FOLD = (1 << 32) - 1
_BASE = 0x01000193
"""The multiplier of the hashes of runs of words, modulo 2**32 (FNV's prime: odd, its bits spread)."""
_SPAN_POWER = pow(_BASE, MIN_EXCERPT_WORDS - 1, 1 << 32)
"""_BASE to the power of one less than a run's words: what a run's first word counts for in its hash."""


class _WordHashes(dict[bytes, int]):
    """Each word's hash (CRC-32 of its UTF-8, the same in every process, unlike `hash`), made once a word."""

    def __missing__(self, word: bytes) -> int:
        if len(self) >= WORD_HASHES_KEPT:
            self.clear()
        value = self[word] = zlib.crc32(word)
        return value


_WORD_HASHES = _WordHashes()


@dataclass(frozen=True)
class Filter:
    """Some of a person's quotes: their first runs' hashes, the bit set of all their pairs (bit n is bit n % 8 of
    byte n // 8), and how many pairs it holds."""

    leads: tuple[int, ...]
    bits: bytes
    held: int
    """The pairs added to it; a filter of one write as earlier versions wrote it counts as full."""

    @property
    def room(self) -> int:
        """How many pairs its bit set is sized for."""
        return 8 * len(self.bits) // BITS_PER_PAIR

    def holds_all(self, pairs: Sequence[int]) -> bool:
        """Whether every one of these pairs' hashes falls on a set bit (the pairs may all be in one quote). A bit
        is read where it stands, and the first one unset answers: most new quotes miss on their first pair."""
        bits = self.bits
        size = 8 * len(bits)
        return all(bits[position >> 3] >> (position & 7) & 1 for position in map(mod, pairs, repeat(size)))


def _bit_set(positions: Iterable[int], size: int, earlier: bytes = b"") -> bytes:
    """`size` bits (a multiple of 8) with these positions set, as `Filter.bits` holds them, and those `earlier` (of
    the same size) had."""
    bits = bytearray(earlier or size // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return bytes(bits)


class QuoteHashes(NamedTuple):
    """What a digest holds of one quote, made once a quote for `apart_from` and `digest_of` both."""

    words: list[int]
    """Each of its words' hash (see `_WordHashes`), in order; none for a quote without words."""
    pairs: list[int]
    """Each pair of words' hash, in order; none when its words are too few to be an excerpt."""


def quote_hashes(text: str) -> QuoteHashes:
    """The hashes of a quote's words as grouping compares them (`normalised`), and of its pairs of words."""
    words = list(map(_WORD_HASHES.__getitem__, word_bytes(text)))
    if len(words) < MIN_EXCERPT_WORDS:
        return QuoteHashes(words, [])
    return QuoteHashes(words, list(map(xor, map(lshift, words, repeat(1)), words[1:])))


def _lead(hashes: Sequence[int]) -> int:
    """The hash of a quote's first MIN_EXCERPT_WORDS words (of all its words, and how many, when it has fewer)."""
    value = len(hashes) if len(hashes) < MIN_EXCERPT_WORDS else 0
    for word in hashes[:MIN_EXCERPT_WORDS]:
        value = (value * _BASE + word) & _FOLD
    return value


def _run_hashes(hashes: Sequence[int]) -> list[int]:
    """`_lead` of every run of MIN_EXCERPT_WORDS words (of all the words when there are fewer), rolled along."""
    if len(hashes) < MIN_EXCERPT_WORDS:
        return [_lead(hashes)]
    value = _lead(hashes)
    runs = [value]
    for gone, word in zip(hashes, hashes[MIN_EXCERPT_WORDS:], strict=False):
        value = ((value - gone * _SPAN_POWER) * _BASE + word) & _FOLD
        runs.append(value)
    return runs


def _bit_size(pairs: int) -> int:
    """The bits of a filter with room for this many pairs: a multiple of 8, at least 8."""
    return max(8, -(-BITS_PER_PAIR * pairs // 8) * 8)


def _filter_text(leads: Sequence[int], held: int, bits: bytes) -> str:
    """A filter as the document holds it."""
    packed = struct.pack(f"<II{len(leads)}I", len(leads), held, *leads) + bits
    return DIGEST_FORMAT + base64.b64encode(packed).decode("ascii")


def digest_of(said: Sequence[QuoteHashes]) -> str:
    """The filter of one write's quotes by a person (each as its `quote_hashes`), sized for their pairs."""
    return digest_with([], said)[0]


def digest_with(digest: Sequence[str], said: Sequence[QuoteHashes]) -> list[str]:
    """A person's digest (a list of filters, as `apart_from` took it) with these new quotes added: to its last
    filter while that has room for their pairs, else in a new filter with room for them and for at least GROWTH
    times the last one's pairs."""
    leads = [_lead(quote.words) for quote in said if quote.words]
    pairs = [pair for quote in said for pair in quote.pairs]
    last = read_digest(digest[-1]) if digest else None
    if last is not None and digest[-1].startswith(DIGEST_FORMAT) and last.held + len(pairs) <= last.room:
        size = 8 * len(last.bits)
        bits = _bit_set(map(mod, pairs, repeat(size)), size, last.bits)
        return [*digest[:-1], _filter_text([*last.leads, *leads], last.held + len(pairs), bits)]
    size = _bit_size(max(len(pairs), GROWTH * last.room) if last is not None else len(pairs))
    return [*digest, _filter_text(leads, len(pairs), _bit_set(map(mod, pairs, repeat(size)), size))]


def read_digest(text: str) -> Filter:
    """One filter from its text (as `digest_with`, or an earlier version for one write, made it); ValueError when
    it is not one."""
    is_write = text.startswith(WRITE_DIGEST_FORMAT)
    if not is_write and not text.startswith(DIGEST_FORMAT):
        raise ValueError("not a quotes digest")
    try:
        packed = base64.b64decode(text[len(DIGEST_FORMAT) :].encode("ascii"), validate=True)
        count, held = struct.unpack_from("<I", packed) + ((0,) if is_write else struct.unpack_from("<I", packed, 4))
    except (ValueError, UnicodeEncodeError, struct.error) as error:
        raise ValueError("not a quotes digest") from error
    start = 4 if is_write else 8
    end = start + 4 * count
    if len(packed) < end + 1:
        raise ValueError("not a quotes digest")
    leads, bits = struct.unpack_from(f"<{count}I", packed, start), packed[end:]
    return Filter(leads, bits, 8 * len(bits) // BITS_PER_PAIR if is_write else held)


def apart_from(digest: object, said: Sequence[QuoteHashes]) -> bool:
    """Whether these new quotes by a person (each as its `quote_hashes`) are surely apart from the earlier ones
    `digest` (their document's QUOTES_DIGEST) stands for: none a copy or an excerpt of one, none holding one as an
    excerpt. False when the digest is missing or not one."""
    if not isinstance(digest, list) or not all(isinstance(text, str) for text in digest):
        return False
    try:
        filters = [read_digest(text) for text in digest]
    except ValueError:
        return False
    leads = frozenset().union(*(found.leads for found in filters))
    for quote in said:
        if quote.words and not leads.isdisjoint(_run_hashes(quote.words)):
            return False
        if quote.pairs and any(found.holds_all(quote.pairs) for found in filters):
            return False
    return True
