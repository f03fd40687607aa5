"""Measure whole-process `whosaid ingest --extracted FILE` against `whosaid ingest DIR --jobs 1` on the same articles,
in the same run, and what a store of that size costs: its size on disk, peak memory, and search time.

usage: python benchmarks/extracted_load.py [--articles N] [--rounds R] [--dir DIR] [--batch-size B]

Generates N articles (default 1000) with ../shared/tools/gen_articles.py (deterministic; without it,
benchmarks/synthetic.py), or uses the .txt files in DIR. FILE is made first by `whosaid extract --jsonl DIR`
(timed too: that is the step that can run elsewhere, in parallel). Then, R times (default 2), alternating which
goes first so a busy machine slows both alike, the texts are ingested into a new store and FILE is loaded into
another. Last, `whosaid search` runs a few queries on the loaded store and on a store of one article (the
baseline). Every figure is a whole `whosaid` process as a user runs it: wall-clock seconds, and for the ingests
also processor seconds (user and system), which a busy machine inflates less; memory is each process's peak RSS.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO.parent / "shared" / "tools" / "gen_articles.py"
QUERIES = (("production",), ("defense", "budget"), ('"supply agreement"',), ("drone*",))
"""Words of the generated articles: common ones, two words, a phrase, a prefix."""
SEARCH_REPEATS = 3
FIRST_QUOTES = 20
"""What `--limit` a user reading the first screen asks for."""


@dataclass(frozen=True)
class Run:
    """One finished process: its wall-clock seconds, processor seconds (user and system) and peak memory."""

    seconds: float
    cpu_seconds: float
    peak_mb: float


def whosaid_command() -> list[str]:
    """The installed `whosaid` beside this interpreter, else the package run as a module."""
    installed = Path(sys.executable).parent / "whosaid"
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "tui"]


def run(arguments: list[str], stdout: Path | None = None) -> Run:
    """Run one `whosaid` process to its end; its time and peak memory (exit with a message if it failed)."""
    with open(stdout or os.devnull, "wb") as output, tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen([*whosaid_command(), *arguments], stdout=output, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()[-500:]
            sys.exit(f"whosaid {' '.join(arguments)} failed ({process.returncode}): {message}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def article_folder(arguments: argparse.Namespace, scratch: Path) -> Path:
    """The folder of articles: the one given, or one generated."""
    if arguments.dir is not None:
        return Path(arguments.dir)
    folder = scratch / "articles"
    if GENERATOR.exists():
        subprocess.run(
            [sys.executable, str(GENERATOR), str(folder), str(arguments.articles)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return folder
    sys.path.insert(0, str(REPO))
    from benchmarks.synthetic import synthetic_corpus

    folder.mkdir()
    for number, text in enumerate(synthetic_corpus(arguments.articles)):
        (folder / f"art{number:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def store_megabytes(store: Path) -> tuple[float, float]:
    """The size of a store (its manifest and the table files it names) and of everything on disk beside it
    (a writer keeps the previous version's files for readers still on it), in MB."""
    tables = json.loads(store.read_bytes())["whosaid"]["tables"]
    folder = store.parent / f"{store.name}.d"
    named = [store, *(folder / name for files in tables.values() for name, _ in files)]
    on_disk = [store, *folder.glob("*")]
    return megabytes(named), megabytes(on_disk)


def megabytes(paths: list[Path]) -> float:
    """The total size of files, in MB."""
    return sum(path.stat().st_size for path in paths) / 1e6


def search_seconds(store: Path, words: tuple[str, ...], limit: int | None) -> float:
    """Median wall-clock seconds of `whosaid search WORDS` on a store (the first `limit` quotes, else all), its
    output written to /dev/null."""
    command = ["search", *words, "--db", str(store), *(["--limit", str(limit)] if limit else [])]
    return statistics.median(run(command).seconds for _ in range(SEARCH_REPEATS))


def main() -> None:
    """Make the lines, run the alternating rounds, then the searches, and print every figure."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--dir")
    parser.add_argument("--batch-size", type=int, help="passed to both ingests (default: whosaid's own)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        folder = article_folder(arguments, scratch)
        count = sum(1 for _ in folder.rglob("*.txt"))
        lines = scratch / "extracted.jsonl"
        extract = run(["extract", str(folder), "--jsonl"], stdout=lines)
        print(
            f"{count} articles; extract --jsonl: {extract.seconds:.2f} s ({count / extract.seconds:.0f}/s; "
            f"{extract.cpu_seconds:.2f} s of processor), "
            f"{lines.stat().st_size / 1e6:.1f} MB of lines, peak {extract.peak_mb:.0f} MB",
            flush=True,
        )
        runs: dict[str, list[Run]] = {"texts": [], "extracted": []}
        loaded = scratch / "extracted" / "store.json"
        for round_number in range(arguments.rounds):
            order = ("texts", "extracted") if round_number % 2 == 0 else ("extracted", "texts")
            for kind in order:
                store = scratch / kind / "store.json"
                shutil.rmtree(store.parent, ignore_errors=True)
                store.parent.mkdir()
                command = (
                    ["ingest", str(folder), "--jobs", "1"] if kind == "texts" else ["ingest", "--extracted", str(lines)]
                )
                batch = ["--batch-size", str(arguments.batch_size)] if arguments.batch_size else []
                result = run([*command, *batch, "--db", str(store)])
                runs[kind].append(result)
                print(
                    f"round {round_number + 1}: {' '.join(command[:2]) if kind == 'extracted' else 'ingest DIR'}: "
                    f"{result.seconds:.2f} s ({count / result.seconds:.0f}/s; "
                    f"{result.cpu_seconds:.2f} s of processor), "
                    f"peak {result.peak_mb:.0f} MB",
                    flush=True,
                )
        texts = min(runs["texts"], key=lambda r: r.seconds)
        extracted = min(runs["extracted"], key=lambda r: r.seconds)
        ingested = scratch / "texts" / "store.json"
        same = all(search_answer(ingested, words) == search_answer(loaded, words) for words in QUERIES)
        tiny = scratch / "tiny" / "store.json"
        run(["ingest", str(next(iter(sorted(folder.rglob("*.txt"))))), "--db", str(tiny)])
        size, on_disk = store_megabytes(loaded)
        print(
            f"store: {size:.1f} MB ({on_disk:.1f} MB on disk with the previous version's files); "
            f"both stores answer the queries alike: {'yes' if same else 'NO'}"
        )
        print(
            f"best of {arguments.rounds}, batch size {arguments.batch_size or 'default'}: "
            f"ingest DIR --jobs 1 {texts.seconds:.2f} s ({count / texts.seconds:.0f}/s), "
            f"ingest --extracted {extracted.seconds:.2f} s ({count / extracted.seconds:.0f}/s); "
            f"ratio {texts.seconds / extracted.seconds:.2f}x (target >= 3x); processor seconds "
            f"{texts.cpu_seconds:.2f} against {extracted.cpu_seconds:.2f}: "
            f"{texts.cpu_seconds / extracted.cpu_seconds:.2f}x"
        )
        for words in QUERIES:
            _, found = search_answer(loaded, words)
            for limit in (FIRST_QUOTES, None):
                big, small = search_seconds(loaded, words, limit), search_seconds(tiny, words, limit)
                shown = f"first {limit}" if limit else f"all {found}"
                print(
                    f"search {' '.join(words)}, {shown} quotes: {big * 1000:.0f} ms at {count} articles, "
                    f"{small * 1000:.0f} ms at one article; ratio {big / small:.2f}x",
                    flush=True,
                )
        peak = run(["search", "production", "--db", str(loaded)]).peak_mb
        base = run(["search", "production", "--db", str(tiny)]).peak_mb
        print(
            f"search peak memory: {peak:.0f} MB at {count} articles, {base:.0f} MB at one article; "
            f"ratio {peak / base:.2f}x"
        )


def search_answer(store: Path, words: tuple[str, ...]) -> tuple[str, int]:
    """A digest of what `whosaid search WORDS --jsonl` prints from a store, and how many quotes, read as it
    streams: this process stays small, as the peak memory of the processes it starts counts what it holds."""
    command = [*whosaid_command(), "search", *words, "--jsonl", "--db", str(store)]
    digest, lines = hashlib.sha256(), 0
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as process:
        output = process.stdout
        assert output is not None
        for chunk in iter(lambda: output.read(1 << 16), b""):
            digest.update(chunk)
            lines += chunk.count(b"\n")
    return digest.hexdigest(), lines


if __name__ == "__main__":
    main()
