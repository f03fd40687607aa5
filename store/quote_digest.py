"""A digest of a person's quotes, kept in their document by the writer, so that a later write can tell their new
quotes are apart from the earlier ones without reading them: a person quoted in many writes keeps the mark that lets
a listing take their quotes as they are (see `store.quote_groups.QUOTES_APART`).

A digest holds, for each write that gave the person quotes, the hash of each quote's first MIN_EXCERPT_WORDS words
(all its words when it has fewer) and a bit set of the hashes of every run of MIN_EXCERPT_WORDS words. It is sound:
a new quote that is a copy or an excerpt of an earlier one, or has one as its excerpt, shares a first run with it or
has every run in the earlier quote's bit set, and so is never found apart; a removed quote stays in the digest, and
only makes the next quotes less likely to be found apart. It is lossy the other way: a quote whose runs all fall on
set bits by chance costs the person the mark, never a wrong listing. About 30 bytes a quote."""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from store.quote_groups import MIN_EXCERPT_WORDS, normalised

QUOTES_DIGEST = "quotes_digest"
"""The field of a marked person's document that holds the digest of their quotes: a list of `digest_of` texts."""
BITS_PER_RUN = 4
"""Bits of a write's bit set for each run of words it holds: a run not said falls on a set bit about one time in
five, so a new quote of n runs is taken for an excerpt by chance about one time in 5**n."""


@dataclass(frozen=True)
class WriteDigest:
    """What one write's quotes by a person were: their first runs' hashes and the bit set of all their runs."""

    leads: frozenset[int]
    bits: bytes

    def holds_all(self, hashes: Sequence[int]) -> bool:
        """Whether every one of these runs' hashes falls on a set bit (the runs may all be in one quote)."""
        size = 8 * len(self.bits)
        bits = self.bits
        return all(bits[bit >> 3] & (1 << (bit & 7)) for bit in (value % size for value in hashes))


def quote_words(text: str) -> list[str]:
    """A quote's words as grouping compares them (`normalised`)."""
    return normalised(text).split()


def run_hashes(words: Sequence[str]) -> list[int]:
    """The hash of each run of MIN_EXCERPT_WORDS words, in order (one of all the words when there are fewer)."""
    if len(words) < MIN_EXCERPT_WORDS:
        return [_hash(" ".join(words))]
    starts = range(len(words) - MIN_EXCERPT_WORDS + 1)
    return [_hash(" ".join(words[start : start + MIN_EXCERPT_WORDS])) for start in starts]


def _hash(run: str) -> int:
    """A run's hash, the same in every process (unlike `hash`)."""
    return zlib.crc32(run.encode("utf-8"))


def digest_of(texts: Sequence[str]) -> str:
    """The digest of one write's quotes by a person, as the document holds it (base64 text)."""
    leads: list[int] = []
    runs: list[int] = []
    for text in texts:
        words = quote_words(text)
        if words:
            hashes = run_hashes(words)
            leads.append(hashes[0])
            if len(words) >= MIN_EXCERPT_WORDS:
                runs.extend(hashes)
    size = max(8, -(-BITS_PER_RUN * len(runs) // 8) * 8)
    bits = bytearray(size // 8)
    for value in runs:
        bit = value % size
        bits[bit >> 3] |= 1 << (bit & 7)
    packed = struct.pack(f"<I{len(leads)}I", len(leads), *leads) + bytes(bits)
    return base64.b64encode(packed).decode("ascii")


def read_digest(text: str) -> WriteDigest:
    """One write's digest from the text `digest_of` made; ValueError when it is not one."""
    try:
        packed = base64.b64decode(text.encode("ascii"), validate=True)
        (count,) = struct.unpack_from("<I", packed)
    except (ValueError, UnicodeEncodeError, struct.error) as error:
        raise ValueError("not a quotes digest") from error
    end = 4 + 4 * count
    if len(packed) < end + 1:
        raise ValueError("not a quotes digest")
    return WriteDigest(frozenset(struct.unpack_from(f"<{count}I", packed, 4)), packed[end:])


def apart_from(digest: object, texts: Sequence[str]) -> bool:
    """Whether these new quotes by a person are surely apart from the earlier ones `digest` (their document's
    QUOTES_DIGEST) stands for: none a copy or an excerpt of one, none holding one as an excerpt. False when the
    digest is missing or not one."""
    if not isinstance(digest, list) or not all(isinstance(text, str) for text in digest):
        return False
    try:
        writes = [read_digest(text) for text in digest]
    except ValueError:
        return False
    leads = frozenset().union(*(write.leads for write in writes))
    for text in texts:
        words = quote_words(text)
        if not words:
            continue
        hashes = run_hashes(words)
        if not leads.isdisjoint(hashes):
            return False
        if len(words) >= MIN_EXCERPT_WORDS and any(write.holds_all(hashes) for write in writes):
            return False
    return True
