"""Measure whole-process `whosaid ingest DIR` as the store grows: rate, processor time and peak memory of the
whole process tree at 1,000 and 10,000 articles (50,000 with --big), appending 100 articles to the big store,
reading that store again (`whosaid reextract --all`), and --jobs 1 against --jobs 2.

usage: python benchmarks/ingest_scale.py [--sizes 1000,10000] [--big] [--jobs-articles N] [--rounds R] [--keep DIR]
                                         [--articles SIZE=DIR ...] [--against REV]

Articles come from ../shared/tools/gen_articles.py (deterministic; every article names new people and
organizations), or from the folders --articles names (`1000=DIR`, `append=DIR` for the appended ones). Each figure
is printed with its baseline, measured in the same run on the same machine:
- ingest rate at N articles against the rate at the smallest size (linear: the ratio stays near 1) and against
  `whosaid extract` alone on the same 1,000 files (one process, extraction without a store);
- appending 100 articles to the biggest store against appending the same 100 to a new store;
- `reextract --all` of the biggest store against the rate its ingest had;
- --jobs 2 against --jobs 1 on the same files, in alternating rounds;
- with --against REV, every ingest and append also with that commit's code (a temporary git worktree), the two
  run in turn, and the ratio of their processor times and peaks.
Processor time (user + system, workers included) is printed beside wall-clock time: on a shared machine it
moves less than the wall clock. Peak memory is given as the sum of the resident memory of the process tree (pages
the workers share with the main process counted in each), the proportional set size of the tree (shared pages
counted once, polled every half second) and the largest main process and worker.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.checkouts import THIS_CHECKOUT, checkouts  # noqa: E402

GENERATOR = REPO.parent / "shared" / "tools" / "gen_articles.py"
APPEND_SEED = 99
"""Seed of the 100 appended articles: other articles than those of the store."""
POLL_SECONDS = 0.05
PSS_EVERY = 10
"""Polls between two readings of the tree's proportional set size (it walks every page table: slower)."""


@dataclass(frozen=True)
class Run:
    """One whole `whosaid` process: wall-clock seconds, processor seconds of its tree and of the main process
    alone (the writer, as last seen while it ran), peak RSS of its tree, and the peaks of its tree's proportional
    set size, of its main process and of its largest worker."""

    seconds: float
    cpu_seconds: float
    peak_mb: float
    main_cpu_seconds: float = 0.0
    pss_peak_mb: float = 0.0
    main_peak_mb: float = 0.0
    worker_peak_mb: float = 0.0


def process_cpu_seconds(pid: int) -> float | None:
    """Processor seconds (user + system) one running process has used so far, from /proc (None once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_pids(root: int) -> list[int]:
    """A process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    pids, pending = [], [root]
    while pending:
        pid = pending.pop()
        pids.append(pid)
        pending.extend(children.get(pid, []))
    return pids


def process_rss_bytes(pid: int) -> int:
    """Resident memory of one process (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return int(stat.read().rsplit(")", 1)[1].split()[21]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def process_pss_bytes(pid: int) -> int:
    """Proportional set size of one process (pages shared with others counted as their share; 0 once it is
    gone or where the system does not say)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_whosaid(*arguments: str, code: Path = REPO) -> Run:
    """Run `whosaid ARGUMENTS` as the user does (with the code of the checkout `code`), polling its process tree's
    memory until it ends."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", *arguments], cwd=code, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak = pss_peak = main_peak = worker_peak = 0
    main_cpu = 0.0
    done = threading.Event()

    def poll() -> None:
        nonlocal peak, pss_peak, main_peak, worker_peak, main_cpu
        polls = 0
        while not done.is_set():
            pids = tree_pids(process.pid)
            sizes = [process_rss_bytes(pid) for pid in pids]
            peak = max(peak, sum(sizes))
            main_peak = max(main_peak, sizes[0])
            worker_peak = max([worker_peak, *sizes[1:]])
            if polls % PSS_EVERY == 0:
                pss_peak = max(pss_peak, sum(process_pss_bytes(pid) for pid in pids))
            polls += 1
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
    return Run(seconds, cpu, peak / 1e6, main_cpu, pss_peak / 1e6, main_peak / 1e6, worker_peak / 1e6)


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
        f"{1000 * run.cpu_seconds / count:.2f} ms processor per article "
        f"({1000 * run.main_cpu_seconds / count:.2f} in the main process), peak {run.peak_mb:.0f} MB "
        f"(process tree; proportional {run.pss_peak_mb:.0f} MB, main process {run.main_peak_mb:.0f} MB, "
        f"worker {run.worker_peak_mb:.0f} MB)"
    )


def article_folders(entries: list[str]) -> dict[str, Path]:
    """The folders --articles names, by size (or "append")."""
    folders = {}
    for entry in entries:
        size, separator, folder = entry.partition("=")
        if not separator or not (size.isdigit() or size == "append") or not Path(folder).is_dir():
            sys.exit(f"--articles: not SIZE=DIR (or append=DIR) naming a folder: {entry}")
        folders[size] = Path(folder)
    return folders


def compared(label: str, runs: dict[str, Run], count: int, against: str) -> str:
    """This checkout's run against the other commit's, as a line of ratios."""
    ours, theirs = runs[THIS_CHECKOUT], runs[against]
    return (
        f"{label}: processor {1000 * ours.cpu_seconds / count:.2f} against {1000 * theirs.cpu_seconds / count:.2f} ms "
        f"an article ({ours.cpu_seconds / theirs.cpu_seconds:.2f}x), main process "
        f"{1000 * ours.main_cpu_seconds / count:.2f} against {1000 * theirs.main_cpu_seconds / count:.2f} ms, "
        f"wall {ours.seconds:.1f} against {theirs.seconds:.1f} s, peak {ours.peak_mb:.0f} against "
        f"{theirs.peak_mb:.0f} MB (proportional {ours.pss_peak_mb:.0f} against {theirs.pss_peak_mb:.0f} MB)"
    )


def in_turn(codes: dict[str, Path], turn: int) -> list[tuple[str, Path]]:
    """The checkouts to run, this one first on even turns and last on odd ones, so a change in the machine's load
    falls on both alike."""
    ordered = list(codes.items())
    return ordered if turn % 2 == 0 else ordered[::-1]


def main() -> None:
    """Generate the articles, run each measurement and print the figures with their ratios."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="article counts, comma-separated (default 1000,10000)")
    parser.add_argument("--big", action="store_true", help="add 50,000 articles to the sizes")
    parser.add_argument("--jobs-articles", type=int, default=3000, help="articles for --jobs 1 against 2")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of --jobs 1 and 2 (0: none)")
    parser.add_argument("--keep", help="folder to keep generated articles in between runs")
    parser.add_argument("--articles", action="append", default=[], help="SIZE=DIR: ingest DIR's articles for SIZE")
    parser.add_argument("--against", help="a commit whose ingest to measure the same way, in turn with this one")
    arguments = parser.parse_args()
    folders = article_folders(arguments.articles)
    if not GENERATOR.exists() and not folders:
        sys.exit(f"no article generator at {GENERATOR}")
    try:
        sizes = sorted({int(size) for size in arguments.sizes.split(",")} | ({50_000} if arguments.big else set()))
    except ValueError:
        sys.exit(f"--sizes: not a list of whole numbers: {arguments.sizes}")
    with tempfile.TemporaryDirectory() as scratch_name, checkouts(arguments.against, Path(scratch_name)) as codes:
        scratch = Path(scratch_name)
        articles = Path(arguments.keep) if arguments.keep else scratch
        articles.mkdir(parents=True, exist_ok=True)

        def folder_of(size: str, count: int, seed: int | None = None) -> Path:
            return folders.get(size) or generated(articles / f"articles-{size}", count, seed)

        extract_folder = folder_of("1000", 1000)
        extract = run_whosaid("extract", str(extract_folder), "--jsonl")
        extract_rate = 1000 / extract.seconds
        print(describe("extract alone, 1000 articles (baseline)", 1000, extract), flush=True)
        rates: dict[str, dict[int, float]] = {label: {} for label in codes}
        stores = {label: scratch / "store-0" / label.replace(" ", "-") / "store.json" for label in codes}
        for turn, size in enumerate(sizes):
            folder = folder_of(str(size), size)
            runs = {}
            for label, code in in_turn(codes, turn):
                stores[label] = scratch / f"store-{size}" / label.replace(" ", "-") / "store.json"
                run = runs[label] = run_whosaid("ingest", str(folder), "--db", str(stores[label]), code=code)
                rates[label][size] = size / run.seconds
                print(
                    describe(f"{label}: ingest {size} articles", size, run)
                    + f"; rate {rates[label][size] / rates[label][sizes[0]]:.2f}x the rate at {sizes[0]},"
                    f" {rates[label][size] / extract_rate:.2f}x extract alone",
                    flush=True,
                )
            if arguments.against:
                print(compared(f"ingest {size} articles", runs, size, arguments.against), flush=True)
            for label in codes:
                if size != sizes[-1]:
                    shutil.rmtree(stores[label].parent, ignore_errors=True)
        extra = folder_of("append", 100, APPEND_SEED)
        appends = {}
        for label, code in in_turn(codes, len(sizes)):
            new_store = scratch / "store-append-new" / label.replace(" ", "-") / "store.json"
            into_new = run_whosaid("ingest", str(extra), "--db", str(new_store), code=code)
            into_big = appends[label] = run_whosaid("ingest", str(extra), "--db", str(stores[label]), code=code)
            print(
                f"{label}: append 100 articles to the {sizes[-1]}-article store: {into_big.seconds:.2f} s (processor "
                f"{into_big.cpu_seconds:.2f} s, main process {into_big.main_cpu_seconds:.2f} s), peak "
                f"{into_big.peak_mb:.0f} MB; to a new store (baseline): {into_new.seconds:.2f} s (processor "
                f"{into_new.cpu_seconds:.2f} s); ratio {into_big.seconds / into_new.seconds:.2f}x",
                flush=True,
            )
        if arguments.against:
            print(compared("append 100 articles", appends, 100, arguments.against), flush=True)
        stored = sizes[-1] + 100
        for label, code in in_turn(codes, len(sizes) + 1):
            again = run_whosaid("reextract", "--all", "--db", str(stores[label]), code=code)
            print(
                describe(f"{label}: reextract --all, {stored} articles", stored, again)
                + f"; rate {stored / again.seconds / rates[label][sizes[-1]]:.2f}x the ingest rate at {sizes[-1]}",
                flush=True,
            )
        if arguments.rounds < 1:
            return
        jobs_folder = folder_of(str(arguments.jobs_articles), arguments.jobs_articles)
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
