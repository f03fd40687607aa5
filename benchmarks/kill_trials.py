"""SIGKILL at random moments into whole `whosaid ingest` processes that add to a big store, then check the store.

usage: python benchmarks/kill_trials.py --store STORE [--trials 50] [--articles 30] [--seed 1]

Each trial writes new synthetic articles to a folder, starts the installed `whosaid ingest FOLDER --db STORE
--batch-size 5`, kills it (SIGKILL) at a random moment within the time an uninterrupted ingest of such a folder
took (measured first, on the same store), and checks, reading the store's manifest and articles table as a
new process would: the store opens, every article the killed process reported ("added PATH: ...", printed
after its batch was committed) is stored with the text it had, and no article is stored twice. After the last
trial the whole store is opened once more with `whosaid search` (exit 0 or 1, never 2). The store grows by
the articles the trials committed. The figure is the count of trials whose store failed any check (target: 0).
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.synthetic import synthetic_article  # noqa: E402
from store.database import read_tables  # noqa: E402
from store.keys import content_hash  # noqa: E402

WHOSAID = Path(sys.executable).parent / "whosaid"
KILL_SEED = 4242
"""Seed of the synthetic articles the trials add: other articles than a generated store's."""


def write_folder(folder: Path, first: int, count: int) -> dict[str, str]:
    """`count` new synthetic articles in `folder`, as {absolute path: text}."""
    folder.mkdir(parents=True)
    texts = {}
    for number in range(first, first + count):
        path = (folder / f"kill-{number:06d}.txt").resolve()
        text = synthetic_article(number, seed=KILL_SEED)
        path.write_text(text, encoding="utf-8")
        texts[str(path)] = text
    return texts


def ingest(store: Path, folder: Path) -> subprocess.Popen[str]:
    """The installed ingest of `folder` into `store`, started."""
    command = [str(WHOSAID), "ingest", str(folder), "--db", str(store), "--batch-size", "5"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)


def reported_sources(output: str) -> set[str]:
    """The paths a killed ingest said it had added."""
    return {line.split(" ", 1)[1].split(": ", 1)[0] for line in output.splitlines() if line.startswith("added ")}


def store_problems(store: Path, texts: dict[str, str], reported: set[str]) -> list[str]:
    """What is wrong with the store after a kill: unreadable, a reported article missing or changed, a double."""
    try:
        tables = read_tables(store)
    except Exception as error:  # noqa: BLE001 - any failure to open is the finding
        return [f"the store does not open: {error}"]
    if tables is None:
        return ["the store is gone"]
    hashes: dict[str, str] = {}
    seen: set[str] = set()
    doubles = 0
    for document in tables.documents("articles"):
        doubles += document["hash"] in seen
        seen.add(document["hash"])
        hashes[document["source"]] = document["hash"]
    problems = [f"{doubles} articles stored twice"] if doubles else []
    for source in reported:
        if hashes.get(source) != content_hash(texts[source]):
            problems.append(f"{source} was reported added but is not stored whole")
    return problems


def main() -> None:
    """Run the trials and print each and the total."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True, type=Path)
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    if not arguments.store.exists():
        sys.exit(f"no store at {arguments.store}")
    rng = random.Random(arguments.seed)
    scratch = Path(tempfile.mkdtemp(prefix="kill-trials-"))
    next_number = rng.randrange(10**6) * 1000
    try:
        texts = write_folder(scratch / "timing", next_number, arguments.articles)
        next_number += arguments.articles
        started = time.perf_counter()
        ingest(arguments.store, scratch / "timing").communicate()
        whole = time.perf_counter() - started
        print(f"an uninterrupted ingest of {arguments.articles} articles into the store: {whole:.2f} s")
        failed = committed = 0
        for trial in range(1, arguments.trials + 1):
            folder = scratch / f"trial-{trial}"
            texts = write_folder(folder, next_number, arguments.articles)
            next_number += arguments.articles
            process = ingest(arguments.store, folder)
            delay = rng.uniform(0.05, whole)
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            output, _ = process.communicate(timeout=60)
            reported = reported_sources(output)
            committed += len(reported)
            problems = store_problems(arguments.store, texts, reported)
            failed += bool(problems)
            verdict = "; ".join(problems) if problems else "store whole"
            print(f"trial {trial}: killed after {delay:.2f} s, {len(reported)} reported added, {verdict}")
        search = subprocess.run(
            [str(WHOSAID), "search", "the", "--limit", "1", "--db", str(arguments.store)],
            capture_output=True,
            text=True,
            check=False,
        )
        opens = search.returncode in (0, 1)
        print(f"the whole store opens afterwards: {'yes' if opens else 'no: ' + search.stderr.strip()}")
        print(f"{arguments.trials} kills, {committed} articles reported added and checked; failed trials: {failed}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
