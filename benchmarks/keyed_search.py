"""`whosaid search` read by key on a big store, as whole processes: processor and wall time, median of several runs.

    python benchmarks/keyed_search.py --store STORE.json [--before SOURCE_DIR] [--fts DB PRINTER] [--runs 5]

Each case is run `--runs` times, the programs in turn within a round (so a busy machine weighs on them alike):
`whosaid` as installed beside the Python running this (this checkout, installed editable); with `--before
SOURCE_DIR` the same command running another checkout of the sources (e.g. `git archive REV | tar -x -C DIR`), the
baseline of a change; with `--fts` a Python process printing every match of an SQLite FTS5 table of the quote texts
as JSON lines (`store_benchmark.py` writes both), the baseline of the rare phrase. Processor time is user plus system
of the process (read from `wait4`), the figure to trust on a shared machine; wall time is given beside it. Each
command runs once first, so that its bytecode is compiled and its files are in the page cache.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

CASES: dict[str, list[str]] = {
    "rare phrase, --json": ['"hospital hospital prices supply"', "--json"],
    "rare phrase, plain": ['"hospital hospital prices supply"'],
    "a name, two words": ["ahmed", "berdaber"],
    "no match": ["zzzq"],
    "common word, --limit 10": ["talks", "--limit", "10"],
    "a surname, --sort date": ["berdaber", "--sort", "date", "--jsonl"],
    "a surname, --sort speaker": ["berdaber", "--sort", "speaker", "--jsonl"],
    "a surname, article: filter": ["berdaber", "article:patients", "--jsonl"],
    "a surname, source: filter": ["berdaber", "source:reuters", "--jsonl"],
}
"""What each case passes to `whosaid search`: words, names and titles of the synthetic corpus (`synthetic.py`)."""


def run_once(command: list[str], environment: dict[str, str]) -> tuple[float, float, int]:
    """(processor seconds, wall seconds, exit status) of one whole process, its output thrown away."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    return usage.ru_utime + usage.ru_stime, wall, os.waitstatus_to_exitcode(status)


def programs(arguments: argparse.Namespace) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Each program measured: its command line up to the search's arguments, and its environment."""
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    command = [str(Path(sys.executable).parent / "whosaid"), "search", "--db", str(arguments.store)]
    found: dict[str, tuple[list[str], dict[str, str]]] = {"now": (command, environment)}
    if arguments.before is not None:
        found["before"] = (command, {**environment, "PYTHONPATH": str(arguments.before)})
    return found


def median_figures(samples: list[tuple[float, float, int]]) -> tuple[float, float, set[int]]:
    """The median processor and wall seconds of some runs, and the exit statuses seen."""
    return (
        statistics.median(sample[0] for sample in samples),
        statistics.median(sample[1] for sample in samples),
        {sample[2] for sample in samples},
    )


def main() -> int:
    """Measure every case with every program; print one line a case and program, and ratios to the baselines."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, required=True, help="the store to search (only read)")
    parser.add_argument("--before", type=Path, help="a checkout of the sources to compare with")
    parser.add_argument("--fts", nargs=2, metavar=("DB", "PRINTER"), help="an FTS5 table and the script printing it")
    parser.add_argument("--runs", type=int, default=5, help="runs of each command (default: 5)")
    parser.add_argument("--only", nargs="*", default=None, help="the cases to run, by name (default: all)")
    arguments = parser.parse_args()
    chosen = {name: words for name, words in CASES.items() if arguments.only is None or name in arguments.only}
    measured = programs(arguments)
    for name, words in chosen.items():
        commands = {label: ([*command, *words], environment) for label, (command, environment) in measured.items()}
        if arguments.fts is not None and name.startswith("rare phrase"):
            database, printer = arguments.fts
            phrase = '"hospital hospital prices supply"'
            commands["fts5"] = ([sys.executable, printer, database, phrase], os.environ.copy())
        samples: dict[str, list[tuple[float, float, int]]] = {label: [] for label in commands}
        for command, environment in commands.values():
            run_once(command, environment)
        for _round in range(arguments.runs):
            for label, (command, environment) in commands.items():
                samples[label].append(run_once(command, environment))
        figures = {label: median_figures(runs) for label, runs in samples.items()}
        for label, (processor, wall, statuses) in figures.items():
            bases = [base for base in ("before", "fts5") if base in figures]
            ratios = [f"{processor / figures[base][0]:.2f}x {base} processor" for base in bases]
            print(
                f"{name:<36} {label:<7} processor {processor:7.3f} s  wall {wall:7.3f} s  exit {sorted(statuses)}"
                + (f"  ({', '.join(ratios)})" if label == "now" and ratios else ""),
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
