"""Measure the extractor: its score on the shared development corpus, and articles per second of `whosaid extract`.

usage: python benchmarks/extraction.py [--articles N] [--rounds R] [--against REV]

(a) When ../shared/corpus exists beside the repository, extract every article, score the result with
    ../shared/tools/score.py and print its SUMMARY line; otherwise say so and go on.
(b) Write N synthetic articles (../shared/tools/gen_articles.py, seed 1, the generator the performance targets
    are measured with; a built-in generator of ~600-word articles when it is missing) and time whole processes
    over them, by processor time (user + system) of the child process, the best of R rounds taken in turns,
    after one untimed run of each that compiles its modules into a bytecode cache:
    - `whosaid extract --jsonl DIR > /dev/null` as the user runs it, with this checkout's code;
    - with `--against REV`: the same command with REV's code (checked out in a temporary git worktree), so the
      ratio says how much faster or slower this checkout extracts;
    - a naive baseline: a Python process that reads every file and splits it into words, the floor any
      extraction pays, so the ratio says what extraction costs over merely reading the texts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
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
WHOSAID = "import sys; from tui.launcher import main; sys.argv[0] = 'whosaid'; sys.exit(main())"
NAIVE = ("import sys, pathlib\n"
         "words = sum(len(p.read_text(encoding='utf-8').split()) for p in sorted(pathlib.Path(sys.argv[1]).iterdir()))")


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


def write_articles(folder: Path, count: int) -> str:
    """Write `count` synthetic articles into folder; say which generator wrote them."""
    generator = SHARED / "tools" / "gen_articles.py"
    if generator.is_file():
        subprocess.run([sys.executable, str(generator), str(folder), str(count), "1"], check=True,
                       capture_output=True)
        return "gen_articles.py, seed 1"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"article-{number:05d}.txt").write_text(synthetic_article(number), encoding="utf-8")
    return "the built-in generator"


def bytecode_cached(folder: Path) -> dict[str, str]:
    """The environment for timed processes: compiled modules cached in folder (outside the checkouts), as a
    user's installed whosaid has them, so that no process pays for compiling its modules."""
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    environment["PYTHONPYCACHEPREFIX"] = str(folder)
    return environment


def write_sample(folder: Path) -> Path:
    """A folder of one short article, for the untimed run that compiles each checkout's modules."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sample.txt").write_text(synthetic_article(0), encoding="utf-8")
    return folder


def child_seconds(command: list[str], code: Path, environment: dict[str, str]) -> float:
    """Processor seconds (user + system) a child process spends running command from the checkout at code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=code, env=environment, stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def throughput(count: int, rounds: int, against: str | None) -> int:
    """Print articles/s of whole `whosaid extract` processes, beside the baselines measured in the same run."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "articles"
        source = write_articles(folder, count)
        runs: dict[str, tuple[list[str], Path]] = {
            "this checkout": ([sys.executable, "-c", WHOSAID, "extract", "--jsonl", str(folder)], REPO),
            "naive read and split": ([sys.executable, "-c", NAIVE, str(folder)], REPO),
        }
        if against:
            tree = Path(scratch) / "baseline"
            added = subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(tree), against],
                                   capture_output=True, text=True, check=False)
            if added.returncode:
                print(f"cannot check out {against}: {added.stderr.strip()}", file=sys.stderr)
                return 2
            runs[against] = ([sys.executable, "-c", WHOSAID, "extract", "--jsonl", str(folder)], tree)
        environment = bytecode_cached(Path(scratch) / "bytecode")
        try:
            for command, code in runs.values():
                child_seconds([*command[:-1], str(write_sample(Path(scratch) / "warm-up"))], code, environment)
            best = {name: float("inf") for name in runs}
            for _ in range(rounds):
                for name, (command, code) in runs.items():
                    best[name] = min(best[name], child_seconds(command, code, environment))
        finally:
            if against:
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)],
                               capture_output=True, check=False)
    mine = best["this checkout"]
    print(f"throughput: {count} articles from {source}, whole processes, processor time, best of {rounds}")
    for name, seconds in best.items():
        if name == "this checkout":
            ratio = ""
        elif name == "naive read and split":
            ratio = f"  (extraction costs {mine / seconds:.0f}x this)"
        else:
            ratio = f"  (this checkout is {seconds / mine:.2f}x as fast)"
        print(f"  {name:>24}: {seconds:6.2f} s  {count / seconds:7.0f} articles/s{ratio}")
    return 0


def main() -> int:
    """Run both measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles to time (default 1000)")
    parser.add_argument("--rounds", type=int, default=3, help="timed runs of each process, best kept (default 3)")
    parser.add_argument("--against", metavar="REV", help="also time the extractor of this git revision")
    args = parser.parse_args()
    if args.articles < 1 or args.rounds < 1:
        parser.error("--articles and --rounds must be at least 1")
    score_corpus()
    return throughput(args.articles, args.rounds, args.against)


if __name__ == "__main__":
    sys.exit(main())
