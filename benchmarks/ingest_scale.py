"""Measure whole-process `whosaid ingest DIR` as the store grows: rate, processor time and peak memory of the
whole process tree at 1,000 and 10,000 articles (50,000 with --big), appending 100 articles to the big store,
and --jobs 1 against --jobs 2.

usage: python benchmarks/ingest_scale.py [--sizes 1000,10000] [--big] [--jobs-articles N] [--rounds R] [--keep DIR]

Articles come from ../shared/tools/gen_articles.py (deterministic; every article names new people and
organizations). Each figure is printed with its baseline, measured in the same run on the same machine:
- ingest rate at N articles against the rate at the smallest size (linear: the ratio stays near 1) and against
  `whosaid extract` alone on the same 1,000 files (one process, extraction without a store);
- appending 100 articles to the biggest store against appending the same 100 to a new store;
- --jobs 2 against --jobs 1 on the same files, in alternating rounds.
Processor time (user + system, workers included) is printed beside wall-clock time: on a shared machine it
moves less than the wall clock.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO.parent / "shared" / "tools" / "gen_articles.py"
APPEND_SEED = 99
"""Seed of the 100 appended articles: other articles than those of the store."""
POLL_SECONDS = 0.05


@dataclass(frozen=True)
class Run:
    """One whole `whosaid` process: wall-clock seconds, processor seconds of its tree and of the main process
    alone (the writer, as last seen while it ran), peak RSS of its tree."""

    seconds: float
    cpu_seconds: float
    peak_mb: float
    main_cpu_seconds: float = 0.0


def process_cpu_seconds(pid: int) -> float | None:
    """Processor seconds (user + system) one running process has used so far, from /proc (None once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_rss_bytes(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * page
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        total += rss.get(pid, 0)
        pending.extend(children.get(pid, []))
    return total


def run_whosaid(*arguments: str) -> Run:
    """Run `whosaid ARGUMENTS` as the user does, polling its process tree's memory until it ends."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", *arguments], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak = 0
    main_cpu = 0.0
    done = threading.Event()

    def poll() -> None:
        nonlocal peak, main_cpu
        while not done.is_set():
            peak = max(peak, tree_rss_bytes(process.pid))
            main_cpu = max(main_cpu, process_cpu_seconds(process.pid) or 0.0)
            done.wait(POLL_SECONDS)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    poller.join()
    if process.returncode != 0:
        sys.exit(f"whosaid {' '.join(arguments)} failed: {errors.decode(errors='replace').strip()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(seconds, cpu, peak / 1e6, main_cpu)


def generated(folder: Path, count: int, seed: int | None = None) -> Path:
    """A folder of `count` generated articles (made once, kept with --keep)."""
    if not (folder.is_dir() and sum(1 for _ in folder.glob("*.txt")) == count):
        seed_argument = [] if seed is None else [str(seed)]
        subprocess.run(
            [sys.executable, str(GENERATOR), str(folder), str(count), *seed_argument],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return folder


def describe(label: str, count: int, run: Run) -> str:
    """One measured run as a line."""
    return (
        f"{label}: {run.seconds:.1f} s, {count / run.seconds:.0f} articles/s, "
        f"{1000 * run.cpu_seconds / count:.2f} ms processor per article, peak {run.peak_mb:.0f} MB (process tree)"
    )


def main() -> None:
    """Generate the articles, run each measurement and print the figures with their ratios."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="article counts, comma-separated (default 1000,10000)")
    parser.add_argument("--big", action="store_true", help="add 50,000 articles to the sizes")
    parser.add_argument("--jobs-articles", type=int, default=3000, help="articles for --jobs 1 against 2")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of --jobs 1 and 2 (0: none)")
    parser.add_argument("--keep", help="folder to keep generated articles in between runs")
    arguments = parser.parse_args()
    if not GENERATOR.exists():
        sys.exit(f"no article generator at {GENERATOR}")
    try:
        sizes = sorted({int(size) for size in arguments.sizes.split(",")} | ({50_000} if arguments.big else set()))
    except ValueError:
        sys.exit(f"--sizes: not a list of whole numbers: {arguments.sizes}")
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        articles = Path(arguments.keep) if arguments.keep else scratch
        articles.mkdir(parents=True, exist_ok=True)
        extract_folder = generated(articles / "articles-1000", 1000)
        extract = run_whosaid("extract", str(extract_folder), "--jsonl")
        extract_rate = 1000 / extract.seconds
        print(describe("extract alone, 1000 articles (baseline)", 1000, extract), flush=True)
        rates: dict[int, float] = {}
        biggest_store = scratch / "store-0.json"
        for size in sizes:
            folder = generated(articles / f"articles-{size}", size)
            biggest_store = scratch / f"store-{size}.json"
            run = run_whosaid("ingest", str(folder), "--db", str(biggest_store))
            rates[size] = size / run.seconds
            print(
                describe(f"ingest {size} articles", size, run)
                + f"; rate {rates[size] / rates[sizes[0]]:.2f}x the rate at {sizes[0]},"
                f" {rates[size] / extract_rate:.2f}x extract alone",
                flush=True,
            )
        extra = generated(articles / "articles-append-100", 100, APPEND_SEED)
        into_new = run_whosaid("ingest", str(extra), "--db", str(scratch / "store-append-new.json"))
        into_big = run_whosaid("ingest", str(extra), "--db", str(biggest_store))
        print(
            f"append 100 articles to the {sizes[-1]}-article store: {into_big.seconds:.2f} s (processor "
            f"{into_big.cpu_seconds:.2f} s), peak {into_big.peak_mb:.0f} MB; to a new store (baseline): "
            f"{into_new.seconds:.2f} s (processor {into_new.cpu_seconds:.2f} s); ratio "
            f"{into_big.seconds / into_new.seconds:.2f}x",
            flush=True,
        )
        if arguments.rounds < 1:
            return
        jobs_folder = generated(articles / f"articles-{arguments.jobs_articles}", arguments.jobs_articles)
        times: dict[int, list[float]] = {1: [], 2: []}
        for round_number in range(arguments.rounds):
            for jobs in (1, 2) if round_number % 2 == 0 else (2, 1):
                store = scratch / f"store-jobs-{round_number}-{jobs}.json"
                run = run_whosaid("ingest", str(jobs_folder), "--db", str(store), "--jobs", str(jobs))
                times[jobs].append(run.seconds)
                print(describe(f"round {round_number + 1}, --jobs {jobs}", arguments.jobs_articles, run), flush=True)
        one, two = min(times[1]), min(times[2])
        print(
            f"--jobs 2 against --jobs 1, {arguments.jobs_articles} articles, best of {arguments.rounds}: "
            f"{one:.1f} s / {two:.1f} s = {one / two:.2f}x",
            flush=True,
        )


if __name__ == "__main__":
    main()
