"""Measure whole-process `whosaid ingest DIR` with extraction in the main process (--jobs 1) and in worker
processes (--jobs N, default 2), in the same run.

usage: python benchmarks/ingest_jobs.py [--articles N] [--rounds R] [--jobs J] [--dir DIR]

Generates N articles (default 3000) with ../shared/tools/gen_articles.py (deterministic), or uses the .txt
files in DIR, then ingests them R times (default 3) into a new store each time, alternating --jobs 1 and
--jobs J so that a busy machine slows both alike, and prints each run, the best time of each and the ratio.
Beside the wall clock it prints processor time: of the whole process tree (what the workers cost on top of
extracting in one process) and of the main process alone (the writer, which also reads the files and hands
them out); on a shared machine the wall-clock ratio moves with the other load, the processor times much less.

Last, it measures what this machine's cores give any two processes, with no store and no hand-over: extracting
the same files in one process, and in two processes side by side each extracting half of them, in turn. Two
virtual cores that share a physical one, or its caches, run each process slower when both are busy; that ratio is
as far as `--jobs 2` could go here.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ingest_scale import GENERATOR, REPO, Run, generated, run_whosaid

EXTRACT_FILES = """
import sys
from pathlib import Path
from store.extraction import extract
for name in sys.stdin.read().splitlines():
    extract(Path(name).read_text(encoding="utf-8"))
"""
"""A process that extracts the files named on its standard input, one a line, and nothing else."""


def extracted_side_by_side(files: list[Path], processes: int) -> float:
    """Seconds by the clock for `processes` processes started together to extract `files`, each a share."""
    shares = [files[start::processes] for start in range(processes)]
    started = time.perf_counter()
    running = [
        subprocess.Popen([sys.executable, "-c", EXTRACT_FILES], cwd=REPO, stdin=subprocess.PIPE, text=True)
        for _ in shares
    ]
    for process, share in zip(running, shares, strict=True):
        assert process.stdin is not None
        process.stdin.write("\n".join(map(str, share)))
        process.stdin.close()
    for process in running:
        process.wait()
    return time.perf_counter() - started


def machine_ceiling(folder: Path, processes: int, rounds: int) -> str:
    """How much faster `processes` processes extract the folder's files side by side than one does."""
    files = sorted(folder.rglob("*.txt"))
    alone: list[float] = []
    together: list[float] = []
    for round_number in range(rounds):
        order = (1, processes) if round_number % 2 == 0 else (processes, 1)
        for count in order:
            (alone if count == 1 else together).append(extracted_side_by_side(files, count))
    return (
        f"extraction alone, no store: one process {min(alone):.2f} s, {processes} side by side {min(together):.2f} s "
        f"(best of {rounds}); this machine gives {processes} processes {min(alone) / min(together):.2f}x one's rate"
    )


def article_folder(arguments: argparse.Namespace, scratch: Path) -> Path:
    """The folder of articles to ingest: the one given, or one generated."""
    if arguments.dir is not None:
        return Path(arguments.dir)
    if not GENERATOR.exists():
        sys.exit(f"no article generator at {GENERATOR}; pass --dir DIR")
    return generated(scratch / "articles", arguments.articles)


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
        runs: dict[int, list[Run]] = {1: [], arguments.jobs: []}
        for round_number in range(arguments.rounds):
            order = (1, arguments.jobs) if round_number % 2 == 0 else (arguments.jobs, 1)
            for jobs in order:
                store = scratch / f"store-{round_number}-{jobs}.json"
                run = run_whosaid("ingest", str(folder), "--db", str(store), "--jobs", str(jobs))
                runs[jobs].append(run)
                print(
                    f"round {round_number + 1}: --jobs {jobs}: {run.seconds:.2f} s ({count / run.seconds:.0f} "
                    f"articles/s), processor {run.cpu_seconds:.2f} s (main process {run.main_cpu_seconds:.2f} s), "
                    f"peak {run.peak_mb:.0f} MB",
                    flush=True,
                )
        ceiling = machine_ceiling(folder, arguments.jobs, arguments.rounds)
    one = min(runs[1], key=lambda run: run.seconds)
    many = min(runs[arguments.jobs], key=lambda run: run.seconds)
    print(
        f"{count} articles, best of {arguments.rounds}: --jobs 1 {one.seconds:.2f} s ({count / one.seconds:.0f}/s), "
        f"--jobs {arguments.jobs} {many.seconds:.2f} s ({count / many.seconds:.0f}/s); "
        f"ratio {one.seconds / many.seconds:.2f}x"
    )
    cpu_one = min(run.cpu_seconds for run in runs[1])
    cpu_many = min(run.cpu_seconds for run in runs[arguments.jobs])
    writer = min(run.main_cpu_seconds for run in runs[arguments.jobs])
    bound = cpu_one / max(cpu_many / arguments.jobs, writer, 1e-9)
    print(
        f"processor time, best of each: --jobs 1 {cpu_one:.2f} s, --jobs {arguments.jobs} {cpu_many:.2f} s "
        f"(main process {writer:.2f} s); on {arguments.jobs} free cores --jobs {arguments.jobs} could be at most "
        f"{bound:.2f}x as fast (the work spread over the cores, or the main process alone, whichever is longer)"
    )
    print(ceiling)


if __name__ == "__main__":
    main()
