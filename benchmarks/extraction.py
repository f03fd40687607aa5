"""Measure the extractor: its score on the shared development corpus, and articles per second.

usage: python benchmarks/extraction.py [--articles N]

(a) When ../shared/corpus exists beside the repository, extract every article, score the result with
    ../shared/tools/score.py and print its SUMMARY line; otherwise say so and go on.
(b) Extract N deterministic synthetic ~600-word articles and report articles/s, beside a naive
    quote-mark-pairing pass over the same texts measured in the same run (the ratio shows what the
    full extraction costs over merely finding quotes).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from store.extraction import extract  # noqa: E402

GIVEN = "Amira Bruno Chloe Dmitri Elena Farid Greta Hiro Ines Jonas Kofi Lena Marek Nadia Oscar Priya".split()
FAMILY = "Achebe Brandt Castillo Duarte Eklund Fontaine Gallo Haddad Ivanova Jensen Kowalski Laine Moreau".split()
COMPANIES = "Northwind Harborline Silvergate Redfern Eastmoor Brightwater Oakhaven Stonebridge".split()
KINDS = ("Holdings Inc.", "Logistics", "Energy Corp.", "Systems", "Airlines")
BODIES = ("Ministry of Transport", "Port Authority", "National Audit Office", "Department of Health")
ROLES = ("chief executive", "spokeswoman", "finance director", "senior analyst", "head of operations")
VERBS = ("said", "says", "added", "told reporters")
CLAUSES = (
    "the plan will cost more than expected", "the workers deserve a fair offer", "we cannot wait until spring",
    "the figures speak for themselves", "nobody saw this coming", "the timetable is realistic",
    "our customers will feel the difference", "the region needs the investment", "there is no going back",
)
FILLER = (
    "The talks resumed on Monday after a break of two weeks.",
    "Shares in the group were little changed in early trading.",
    "The proposal must still be approved by regulators later this year.",
    "Residents have complained for months about delays on the line.",
    "A final decision is expected before the end of the quarter.",
    "The figures were published in a report released on Tuesday.",
)
NAIVE_QUOTES = re.compile(r"[“\"]([^”\"]*)[”\"]")


def synthetic_article(number: int) -> str:
    """Article `number`: always the same text, about 600 words, with people, organizations and quotes."""
    rng = random.Random(number)
    paragraphs = []
    while sum(len(p.split()) for p in paragraphs) < 600:
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        org = f"{rng.choice(COMPANIES)} {rng.choice(KINDS)}" if rng.random() < 0.6 else rng.choice(BODIES)
        said = f"“{rng.choice(CLAUSES).capitalize()}, and {rng.choice(CLAUSES)},”"
        style = rng.randrange(3)
        if style == 0:
            paragraphs.append(f"{said} {name}, {rng.choice(ROLES)} of {org}, {rng.choice(VERBS)}.")
        elif style == 1:
            paragraphs.append(f"{name} of {org} said: “{rng.choice(CLAUSES).capitalize()}.”")
        else:
            paragraphs.append(f"{said} {name.split()[1]} said. “{rng.choice(CLAUSES).capitalize()}.”")
        paragraphs.append(" ".join(rng.sample(FILLER, 3)))
    return f"Talks continue, day {number}\n\n" + "\n\n".join(paragraphs) + "\n"


def score_corpus() -> None:
    """Print the scorer's SUMMARY line for the shared corpus, or why it was skipped."""
    corpus, scorer = SHARED / "corpus", SHARED / "tools" / "score.py"
    if not corpus.is_dir() or not scorer.is_file():
        print(f"corpus: skipped ({corpus} not found)")
        return
    articles = []
    for path in sorted(corpus.glob("*.txt")):
        result = extract(path.read_text(encoding="utf-8"))
        articles.append({
            "path": str(path), "title": result.title,
            "people": [{"name": p.name, "aliases": list(p.aliases), "role": p.role, "organization": p.organization}
                       for p in result.people],
            "organizations": [{"name": o.name, "aliases": list(o.aliases)} for o in result.organizations],
            "quotes": [{"text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end} for q in result.quotes],
        })
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump({"articles": articles}, handle, ensure_ascii=False)
    output = subprocess.run([sys.executable, str(scorer), str(corpus), handle.name],
                            capture_output=True, text=True, check=False).stdout.strip().splitlines()
    Path(handle.name).unlink()
    print("corpus:", output[-1] if output else "scorer printed nothing")


def _rate(texts: list[str], work) -> tuple[float, float]:
    """Articles per second for work over texts: by CPU time on this one core, and by the wall clock."""
    cpu, wall = time.process_time(), time.perf_counter()
    for text in texts:
        work(text)
    return len(texts) / max(time.process_time() - cpu, 1e-9), len(texts) / max(time.perf_counter() - wall, 1e-9)


def throughput(count: int) -> None:
    """Print articles/s for extraction and for a naive quote-pairing pass over the same texts."""
    texts = [synthetic_article(n) for n in range(count)]
    words = sum(len(t.split()) for t in texts) / len(texts)
    naive_cpu, naive_wall = _rate(texts, NAIVE_QUOTES.findall)
    full_cpu, full_wall = _rate(texts, extract)
    print(f"throughput: {full_cpu:.0f} articles/s extracted by CPU time ({full_wall:.0f} by wall clock), "
          f"{count} articles of {words:.0f} words; naive quote pairing {naive_cpu:.0f} articles/s "
          f"({naive_wall:.0f} wall); extraction costs {naive_cpu / full_cpu:.0f}x the naive pass")


def main() -> None:
    """Run both measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles to time (default 1000)")
    args = parser.parse_args()
    score_corpus()
    throughput(max(1, args.articles))


if __name__ == "__main__":
    main()
