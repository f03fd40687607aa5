"""Measure whole-process `whosaid ingest DIR --jobs 1` on saved HTML pages against trafilatura alone, same run.

usage: python benchmarks/html_ingest_whole.py [--pages N] [--rounds R] [--dir DIR]

Writes N deterministic ~50 KB news pages (`html_ingest.page`: an article among navigation, a cookie banner,
related links, comments, scripts and a footer) to a folder, or uses the .html files in DIR, then times in
alternating rounds, each a new process as a user runs it:

- `whosaid ingest DIR --jobs 1 --db NEW`: reading each page, extraction of people and quotes, the store written;
- the baseline: a Python process that imports trafilatura and runs `trafilatura.extract` (its defaults, text
  only) on every file of the same folder.

Prints pages/s for each (best round, start-up included), and whosaid's rate as a fraction of trafilatura's.
The target is 40 pages/s where trafilatura alone reads 96, a ratio of 0.42.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from html_ingest import page  # noqa: E402

TARGET_RATIO = 40 / 96
BASELINE = """
import sys
from pathlib import Path
import trafilatura
for path in sorted(Path(sys.argv[1]).rglob("*.htm*")):
    trafilatura.extract(path.read_bytes())
"""


def whosaid_command() -> list[str]:
    """The installed whosaid beside this Python, else the checkout's module."""
    script = Path(sys.executable).with_name("whosaid")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui"]


def seconds(command: list[str]) -> float:
    """Wall-clock seconds of one process; the benchmark stops with its last error line if it fails."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        last = (result.stderr.decode(errors="replace").strip().splitlines() or ["no message"])[-1]
        sys.exit(f"{Path(command[0]).name} failed (exit {result.returncode}): {last}")
    return elapsed


def page_folder(arguments: argparse.Namespace, scratch: Path) -> Path:
    """The folder of pages: the one given, or one written with the generated pages."""
    if arguments.dir is not None:
        return Path(arguments.dir)
    folder = scratch / "pages"
    folder.mkdir()
    for number in range(arguments.pages):
        (folder / f"page-{number:04d}.html").write_text(page(number), encoding="utf-8")
    return folder


def main() -> None:
    """Write or find the pages, run the alternating rounds, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200, help="pages to generate (default 200)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    parser.add_argument("--dir", type=Path, help="ingest the .html files of this folder instead")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        folder = page_folder(arguments, scratch)
        files = sorted(folder.rglob("*.htm*"))
        if not files:
            sys.exit(f"no .html files in {folder}")
        mean_kb = sum(path.stat().st_size for path in files) / len(files) / 1024
        times: dict[str, list[float]] = {"whosaid": [], "trafilatura": []}
        for round_number in range(arguments.rounds):
            store = scratch / f"store-{round_number}" / "store.json"
            runs = {
                "whosaid": [*whosaid_command(), "ingest", str(folder), "--jobs", "1", "--db", str(store)],
                "trafilatura": [sys.executable, "-c", BASELINE, str(folder)],
            }
            order = list(runs) if round_number % 2 == 0 else list(reversed(runs))
            for name in order:
                times[name].append(seconds(runs[name]))
                print(f"  round {round_number + 1} {name:<12} {times[name][-1]:6.2f} s", flush=True)
            shutil.rmtree(store.parent, ignore_errors=True)
        rates = {name: len(files) / min(values) for name, values in times.items()}
        ratio = rates["whosaid"] / rates["trafilatura"]
        print(f"{len(files)} pages, {mean_kb:.1f} KB on average, best of {arguments.rounds} rounds, whole processes")
        print(f"  whosaid ingest --jobs 1 (extraction, store)  {rates['whosaid']:6.1f} pages/s")
        print(f"  trafilatura.extract alone                    {rates['trafilatura']:6.1f} pages/s")
        print(f"  whosaid / trafilatura: {ratio:.2f} (target >= {TARGET_RATIO:.2f}: 40 pages/s against 96)")


if __name__ == "__main__":
    main()
