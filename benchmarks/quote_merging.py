"""One quote, many outlets: planted copies of quotes found as one entry each, near misses kept apart, and what the
merging costs whole-process against the same commands with merging switched off, in the same run.

usage: python benchmarks/quote_merging.py [--articles N] [--groups G] [--rounds R] [--seed S]

Builds N synthetic articles (benchmarks/synthetic.py; default 1,000) and plants G quotes (default 60), each said
by one speaker in one article and copied into 2 to 6 others with its quote marks, case, spacing and punctuation
varied, some copies cut to an excerpt. Beside them it plants near misses that must stay apart: the same words
said by another speaker, and a quote by the same speaker that differs by one word. It ingests the folder with
`whosaid ingest` into a temporary store, reads every entry with its sources from `whosaid export --format jsonl`,
and reports the planted groups found whole (must be all) and the wrong merges (must be 0): entries whose sources
hold different quotes. Then it times `whosaid ingest`, `whosaid search` and `whosaid export` against the same
commands with merging switched off (every stored quote its own entry), alternating them, best of R.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

try:
    from benchmarks.synthetic import FIRST_NAMES, ORGANIZATION_KINDS, ORGANIZATION_STEMS, ROLES, synthetic_article
    from benchmarks.synthetic import _quote as synthetic_quote
except ImportError:
    synthetic_article = None  # type: ignore[assignment]

PLANTED_SURNAMES = (
    "Abernathy Whitcombe Ravensworth Pemberton Thistlewood Ashcombe Fairweather Blackmore Hollingsworth Kingsley "
    "Merriweather Drummond Calloway Winterbourne Hargreaves"
).split()
"""Surnames the synthetic corpus never uses, joined in pairs so that each planted speaker has a surname of their
own: no planted speaker is a corpus speaker, or shares a surname the extractor could confuse."""

RUN = """
import sys
from store.quote_groups import QuoteGroups
def all_apart(groups, speakers):
    for speaker in speakers:
        if speaker:
            groups._grouped.setdefault(speaker, None)
if sys.argv.pop(1) == "off":
    QuoteGroups.group_speakers = all_apart
from tui.cli import main
sys.exit(main(sys.argv[1:]))
"""
"""One whosaid command, with merging on, or off: every quote its own entry (each speaker's quotes taken as all
apart, without comparing them)."""


@dataclass(frozen=True)
class Planted:
    """A quote paragraph put into an article: which quote it is (copies of one quote share it), its words and who
    said it."""

    identity: str
    text: str
    speaker: str


VARIANTS: tuple[Callable[[str, random.Random], str], ...] = (
    lambda quote, rng: f"\u201c{quote},\u201d",
    lambda quote, rng: f'"{quote.lower()},"',
    lambda quote, rng: f"\u00ab{quote.replace(' ', '  ').replace(',', '')}\u00bb,",
    lambda quote, rng: f"\u201c{quote.upper().replace('. ', ' -- ')},\u201d",
    lambda quote, rng: f"\u2018{quote.replace('. ', '; ').replace(' ', '   ', 3)} \u2026\u2019",
)
"""How papers print one quote: quote marks, case, spacing and punctuation of their own."""


def excerpt_span(quote: str, rng: random.Random) -> tuple[int, int]:
    """Where a paper shortening the quote cuts it: a run of at least eight of its words, short of both ends."""
    words = quote.split()
    start = rng.randint(1, max(1, len(words) - 10))
    return start, rng.randint(min(len(words) - 1, start + 8), len(words) - 1)


def one_word_changed(quote: str, rng: random.Random, span: tuple[int, int]) -> str:
    """The quote with one of its words in `span` replaced by a word it does not hold (in the excerpt's words, so
    that the excerpt is of one quote only: an excerpt of two quotes rightly joins neither)."""
    words = quote.split()
    index = rng.randrange(*span)
    words[index] = "never" if words[index].lower() != "never" else "always"
    return " ".join(words)


def paragraph(printed: str, name: str, role: str, organization: str) -> str:
    """A quote printed as a paper prints it, attributed in the same paragraph."""
    return f"{printed} {name}, {role} of {organization}, said."


def plant(articles: list[list[str]], groups: int, rng: random.Random) -> dict[tuple[int, str], Planted]:
    """Put the planted quotes and near misses into the articles' paragraphs; where each went, by (article, text)."""
    planted: dict[tuple[int, str], Planted] = {}
    surnames = [f"{first}-{second}" for first in PLANTED_SURNAMES for second in PLANTED_SURNAMES if first != second]
    rng.shuffle(surnames)
    names = [f"{rng.choice(FIRST_NAMES)} {surname}" for surname in surnames]

    def put(article: int, printed: str, name: str, role: str, organization: str, identity: str, words: str) -> None:
        paragraphs = articles[article]
        paragraphs.insert(rng.randint(2, len(paragraphs)), paragraph(printed, name, role, organization))
        planted[(article, words)] = Planted(identity, words, name)

    for group in range(groups):
        name, other = names[2 * group], names[2 * group + 1]
        role = rng.choice(ROLES)
        organization = f"{rng.choice(ORGANIZATION_STEMS)} {rng.choice(ORGANIZATION_KINDS)}"
        quote = synthetic_quote(rng, 2)[:-1]
        chosen = rng.sample(range(len(articles)), 1 + rng.randint(2, 6) + 2)
        first, copies, near = chosen[0], chosen[1:-2], chosen[-2:]
        span = excerpt_span(quote, rng)
        put(first, f"\u201c{quote},\u201d", name, role, organization, f"g{group}", quote)
        for number, article in enumerate(copies):
            if number == 1 and group % 2 == 0:
                cut = " ".join(quote.split()[span[0] : span[1]]).strip(".,")
                put(article, f"\u201c{cut},\u201d", name, role, organization, f"g{group}", cut)
            else:
                put(article, rng.choice(VARIANTS)(quote, rng), name, role, organization, f"g{group}", quote)
        put(near[0], f"\u201c{quote},\u201d", other, role, organization, f"g{group}-other-speaker", quote)
        changed = one_word_changed(quote, rng, span)
        put(near[1], f"\u201c{changed},\u201d", name, role, organization, f"g{group}-one-word", changed)
    return planted


def write_articles(folder: Path, count: int, groups: int, seed: int) -> dict[tuple[str, str], Planted]:
    """The synthetic articles with the planted quotes, one .txt file each; the planted quotes by (path, words)."""
    from store.quote_groups import normalised

    rng = random.Random(seed)
    articles = [synthetic_article(number).split("\n\n") for number in range(count)]
    planted = plant(articles, groups, rng)
    folder.mkdir(parents=True)
    paths = []
    for number, paragraphs in enumerate(articles):
        path = folder / f"{number:05d}.txt"
        path.write_text("\n\n".join(paragraphs), encoding="utf-8")
        paths.append(str(path.resolve()))
    return {(paths[article], normalised(words)): where for (article, words), where in planted.items()}


def whosaid(merging: str, *arguments: str) -> tuple[float, str]:
    """Seconds one whole `whosaid` process took, with merging "on" or "off", and what it printed."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUN, merging, *arguments], cwd=REPO, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        sys.exit(f"whosaid {arguments[0]} (merging {merging}) failed with exit code {done.returncode}: {last}")
    return seconds, done.stdout


def evaluate(store: Path, exported: str, planted: dict[tuple[str, str], Planted]) -> dict[str, int]:
    """Planted copies the extractor gave to their speaker, planted groups of which it gave two or more copies to
    their speaker (the others cannot merge: unattributed quotes never do), those found whole (every such copy in
    one entry, and nothing else), wrong merges (entries whose sources hold different quotes), entries of several
    sources."""
    from store import Store
    from store.quote_groups import normalised

    snapshot = Store(store).snapshot
    sources_of = {article.source: article.key for article in snapshot.articles}
    attributed: dict[str, set[str]] = {}
    for (path, words), where in planted.items():
        quotes = snapshot.quotes_in_article(sources_of[path])
        if any(normalised(q.text) == words and q.speaker_name == where.speaker for q in quotes):
            attributed.setdefault(where.identity, set()).add(path)
    counts = {
        "copies": sum(len(paths) for paths in attributed.values()),
        "findable": sum(1 for identity, paths in attributed.items() if "-" not in identity and len(paths) > 1),
        "found": 0,
        "wrong": 0,
        "merged": 0,
    }
    for line in exported.splitlines():
        entry = json.loads(line)
        identities = set()
        for source in entry["sources"]:
            words = normalised(snapshot.article(source["article"]).text[source["start"] : source["end"]])
            where = planted.get((source["path"], words))
            identities.add(where.identity if where is not None else f"corpus: {entry['speaker']}: {words}")
        counts["merged"] += len(entry["sources"]) > 1
        if len(identities) > 1:
            counts["wrong"] += 1
            print(f"  wrong merge: {sorted(identities)}")
        elif identities and next(iter(identities)) in attributed and "-" not in next(iter(identities)):
            paths = {source["path"] for source in entry["sources"]}
            counts["found"] += paths == attributed[next(iter(identities))]
    return counts


def main() -> None:
    """Build, ingest, check the entries, and time the commands with merging on and off."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--groups", type=int, default=60, help="planted quotes, at most 105")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    arguments = parser.parse_args()
    if synthetic_article is None:
        print("skipped: benchmarks/synthetic.py, the article generator, is not there")
        return
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        folder = scratch / "articles"
        planted = write_articles(folder, arguments.articles, arguments.groups, arguments.seed)
        store = scratch / "store.json"
        whosaid("on", "ingest", str(folder), "--db", str(store), "--jobs", "1")
        _, exported = whosaid("on", "export", "--db", str(store), "--format", "jsonl")
        counts = evaluate(store, exported, planted)
        print(
            f"{arguments.articles} articles, {arguments.groups} planted quotes copied into 2-6 more articles each "
            f"(one in two groups with an excerpt), near misses beside: {len(planted)} planted paragraphs, "
            f"{counts['copies']} extracted with their speaker"
        )
        print(
            f"planted groups found whole: {counts['found']} of the {counts['findable']} with two or more copies "
            f"extracted with their speaker ({arguments.groups} planted); wrong merges: {counts['wrong']}; "
            f"entries with several sources: {counts['merged']}; entries: {len(exported.splitlines())}"
        )
        commands = {
            "ingest": lambda run: ["ingest", str(folder), "--db", str(scratch / f"timed-{run}.json"), "--jobs", "1"],
            "search": lambda run: ["search", "--db", str(store), "the", "--jsonl"],
            "export": lambda run: ["export", "--db", str(store), "--format", "jsonl"],
        }
        for name, command in commands.items():
            times: dict[str, list[float]] = {"on": [], "off": []}
            for round_number in range(arguments.rounds):
                for merging in ("on", "off") if round_number % 2 == 0 else ("off", "on"):
                    times[merging].append(whosaid(merging, *command(f"{round_number}-{merging}"))[0])
            on, off = min(times["on"]), min(times["off"])
            print(
                f"whosaid {name}: merging on {on:.2f} s, off {off:.2f} s (best of {arguments.rounds}); "
                f"ratio {on / off:.2f}"
            )


if __name__ == "__main__":
    main()
