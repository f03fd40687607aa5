"""A digest of a person's quotes, kept in their document by the writer, so that a later write can tell their new
quotes are apart from the earlier ones without reading them: a person quoted in many writes keeps the mark that lets
a listing take their quotes as they are (see `store.quote_groups.QUOTES_APART`).

A digest holds, for each write that gave the person quotes, a hash of each quote's first MIN_EXCERPT_WORDS words
(all its words when it has fewer) and a bit set of the hashes of every pair of words one after the other. It is
sound: a new quote that is a copy or an excerpt of an earlier one has each of its pairs of words in that quote's bit
set, and one that holds an earlier quote as an excerpt (or is its copy) has a run of words hashed as that quote's
first; either is never found apart. A removed quote stays in the digest, and only makes the next quotes less likely
to be found apart. It is lossy the other way: a quote whose pairs all fall on set bits by chance costs the person
the mark, never a wrong listing. About 40 bytes a quote in the people's files, and a few microseconds of the
writer's."""

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
"""The field of a marked person's document that holds the digest of their quotes: a list of `digest_of` texts."""
BITS_PER_PAIR = 4
"""Bits of a write's bit set for each pair of words it holds: a pair not said falls on a set bit about one time in
five, so a new quote of n words is taken for an excerpt by chance about one time in 5**(n-1)."""
DIGEST_FORMAT = "d1."
"""What starts each write's digest text (base64 holds no dot): a digest made another way, or before the tag, is not
one, and only costs its person the mark."""
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
class WriteDigest:
    """What one write's quotes by a person were: their first runs' hashes and the bit set of all their pairs (bit
    n is bit n % 8 of byte n // 8)."""

    leads: frozenset[int]
    bits: bytes

    def holds_all(self, pairs: Sequence[int]) -> bool:
        """Whether every one of these pairs' hashes falls on a set bit (the pairs may all be in one quote). A bit
        is read where it stands, and the first one unset answers: most new quotes miss on their first pair."""
        bits = self.bits
        size = 8 * len(bits)
        return all(bits[position >> 3] >> (position & 7) & 1 for position in map(mod, pairs, repeat(size)))


def _bit_set(positions: Iterable[int], size: int) -> bytes:
    """`size` bits (a multiple of 8) with these positions set, as `WriteDigest.bits` holds them."""
    bits = bytearray(size // 8)
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


def digest_of(said: Sequence[QuoteHashes]) -> str:
    """The digest of one write's quotes by a person (each as its `quote_hashes`), as the document holds it."""
    leads = [_lead(quote.words) for quote in said if quote.words]
    pairs = [pair for quote in said for pair in quote.pairs]
    size = max(8, -(-BITS_PER_PAIR * len(pairs) // 8) * 8)
    bits = _bit_set(map(mod, pairs, repeat(size)), size)
    packed = struct.pack(f"<I{len(leads)}I", len(leads), *leads) + bits
    return DIGEST_FORMAT + base64.b64encode(packed).decode("ascii")


def read_digest(text: str) -> WriteDigest:
    """One write's digest from the text `digest_of` made; ValueError when it is not one."""
    if not text.startswith(DIGEST_FORMAT):
        raise ValueError("not a quotes digest")
    try:
        packed = base64.b64decode(text[len(DIGEST_FORMAT) :].encode("ascii"), validate=True)
        (count,) = struct.unpack_from("<I", packed)
    except (ValueError, UnicodeEncodeError, struct.error) as error:
        raise ValueError("not a quotes digest") from error
    end = 4 + 4 * count
    if len(packed) < end + 1:
        raise ValueError("not a quotes digest")
    leads, bits = frozenset(struct.unpack_from(f"<{count}I", packed, 4)), packed[end:]
    return WriteDigest(leads, bits)


def apart_from(digest: object, said: Sequence[QuoteHashes]) -> bool:
    """Whether these new quotes by a person (each as its `quote_hashes`) are surely apart from the earlier ones
    `digest` (their document's QUOTES_DIGEST) stands for: none a copy or an excerpt of one, none holding one as an
    excerpt. False when the digest is missing or not one."""
    if not isinstance(digest, list) or not all(isinstance(text, str) for text in digest):
        return False
    try:
        writes = [read_digest(text) for text in digest]
    except ValueError:
        return False
    leads = frozenset().union(*(write.leads for write in writes))
    for quote in said:
        if quote.words and not leads.isdisjoint(_run_hashes(quote.words)):
            return False
        if quote.pairs and any(write.holds_all(quote.pairs) for write in writes):
            return False
    return True
