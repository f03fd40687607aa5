"""Measure whole-process `whosaid ingest DIR` with extraction in the main process (--jobs 1) and in worker
processes (--jobs N, default 2), in the same run.

usage: python benchmarks/ingest_jobs.py [--articles N] [--rounds R] [--jobs J] [--dir DIR]

Generates N articles (default 3000) with ../shared/tools/gen_articles.py (deterministic), or uses the .txt
files in DIR, then ingests them R times (default 3) into a new store each time, alternating --jobs 1 and
--jobs J so that a busy machine slows both alike, and prints each run, the best time of each and the ratio.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO.parent / "shared" / "tools" / "gen_articles.py"


def ingest_seconds(articles: Path, store: Path, jobs: int) -> float:
    """Wall-clock seconds of one `whosaid ingest` process into a new store."""
    command = [sys.executable, "-m", "tui", "ingest", str(articles), "--db", str(store), "--jobs", str(jobs)]
    started = time.perf_counter()
    subprocess.run(command, cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def article_folder(arguments: argparse.Namespace, scratch: Path) -> Path:
    """The folder of articles to ingest: the one given, or one generated."""
    if arguments.dir is not None:
        return Path(arguments.dir)
    if not GENERATOR.exists():
        sys.exit(f"no article generator at {GENERATOR}; pass --dir DIR")
    folder = scratch / "articles"
    subprocess.run(
        [sys.executable, str(GENERATOR), str(folder), str(arguments.articles)], check=True, stdout=subprocess.DEVNULL
    )
    return folder


def main() -> None:
    """Run the alternating rounds and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dir")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        folder = article_folder(arguments, scratch)
        count = sum(1 for _ in folder.rglob("*.txt"))
        times: dict[int, list[float]] = {1: [], arguments.jobs: []}
        for round_number in range(arguments.rounds):
            order = (1, arguments.jobs) if round_number % 2 == 0 else (arguments.jobs, 1)
            for jobs in order:
                store = scratch / f"store-{round_number}-{jobs}.json"
                seconds = ingest_seconds(folder, store, jobs)
                times[jobs].append(seconds)
                print(
                    f"round {round_number + 1}: --jobs {jobs}: {seconds:.2f} s ({count / seconds:.0f} articles/s)",
                    flush=True,
                )
    one, many = min(times[1]), min(times[arguments.jobs])
    print(
        f"{count} articles, best of {arguments.rounds}: --jobs 1 {one:.2f} s ({count / one:.0f}/s), "
        f"--jobs {arguments.jobs} {many:.2f} s ({count / many:.0f}/s); ratio {one / many:.2f}x"
    )


if __name__ == "__main__":
    main()
