"""What a write costs the writer for one person quoted again and again (`store.quote_digest`): telling their new
quotes apart from the digest of their earlier ones, and adding them to it, after N earlier writes.

usage: python benchmarks/digest_growth.py [--writes 10,100,1000] [--quotes 2] [--rounds 200]

A person of a newsroom's archive (a minister, a team's coach) is quoted in most days' writes. Each write here
gives them `--quotes` quotes of 8 to 24 words drawn from a 2,000-word vocabulary. The baseline, measured in the
same run, is a digest of one filter a write (as whosaid kept it before filters grew): its cost grows with the
writes, the growing filters' with their logarithm. Prints microseconds a write (median of `--rounds` timed
writes after N), the filters and the characters the document holds.
"""

from __future__ import annotations

import argparse
import base64
import random
import statistics
import struct
import sys
import time
from itertools import repeat
from operator import mod
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.quote_digest import (  # noqa: E402
    WRITE_DIGEST_FORMAT,
    QuoteHashes,
    _bit_set,
    _bit_size,
    _lead,
    apart_from,
    digest_with,
    quote_hashes,
)

VOCABULARY = [f"word{number}" for number in range(2_000)]


def writes_of(count: int, quotes: int, seed: int) -> list[list[QuoteHashes]]:
    """`count` writes of `quotes` random quotes each, as the writer hashes them."""
    chooser = random.Random(seed)
    return [
        [quote_hashes(" ".join(chooser.choices(VOCABULARY, k=chooser.randrange(8, 25)))) for _ in range(quotes)]
        for _ in range(count)
    ]


def one_filter_a_write(digest: list[str], said: list[QuoteHashes]) -> list[str]:
    """The baseline: each write's quotes in a filter of their own, as whosaid wrote it before filters grew."""
    leads = [_lead(quote.words) for quote in said if quote.words]
    pairs = [pair for quote in said for pair in quote.pairs]
    size = _bit_size(len(pairs))
    packed = struct.pack(f"<I{len(leads)}I", len(leads), *leads) + _bit_set(map(mod, pairs, repeat(size)), size)
    return [*digest, WRITE_DIGEST_FORMAT + base64.b64encode(packed).decode("ascii")]


def cost(writes: int, quotes: int, rounds: int, add) -> tuple[float, int, int]:  # type: ignore[no-untyped-def]
    """Median microseconds of a write after `writes` earlier ones (told apart, then added), the filters and the
    characters of the digest then."""
    digest: list[str] = []
    for said in writes_of(writes, quotes, seed=1):
        digest = add(digest, said) if apart_from(digest, said) or not digest else digest
    times = []
    for said in writes_of(rounds, quotes, seed=2):
        start = time.perf_counter()
        if apart_from(digest, said):
            add(digest, said)
        times.append(time.perf_counter() - start)
    return 1e6 * statistics.median(times), len(digest), sum(map(len, digest))


def main() -> int:
    """Print the cost of a write at each number of earlier writes, both ways."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", default="10,100,1000")
    parser.add_argument("--quotes", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=200)
    arguments = parser.parse_args()
    for writes in (int(value) for value in arguments.writes.split(",")):
        base, base_filters, base_chars = cost(writes, arguments.quotes, arguments.rounds, one_filter_a_write)
        grown, filters, chars = cost(writes, arguments.quotes, arguments.rounds, digest_with)
        print(
            f"after {writes} writes: {grown:.0f} us a write, {filters} filters, {chars} characters; "
            f"one filter a write (baseline): {base:.0f} us, {base_filters} filters, {base_chars} characters; "
            f"ratio {grown / base:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
