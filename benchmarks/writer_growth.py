"""Instructions the writer runs to store the same articles into stores of different sizes (callgrind): how its cost
grows with the store, measured so that a busy machine does not move it.

usage: python benchmarks/writer_growth.py --store STORE [--store ...] [--articles 1000] [--seed 77] [--against REV]

Generates N articles with ../shared/tools/gen_articles.py (pick a seed the stores were not made from, so that they
are new to them) and extracts them once (`whosaid extract --jsonl`). Then, for a new store and for a copy of each
STORE (a store file, its table folder beside it; the original is never written), runs the whole
`whosaid ingest --extracted LINES --db COPY` under valgrind's callgrind and prints its instructions and the growth:
instructions into that store less instructions into a new store, per article. With --against REV the same is
measured for that commit's code (a temporary git worktree), and the ratio of the growths. Skips when valgrind or
the generator is missing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.callgrind import counted_instructions  # noqa: E402
from benchmarks.checkouts import THIS_CHECKOUT, checkouts  # noqa: E402

GENERATOR = REPO.parent / "shared" / "tools" / "gen_articles.py"
NEW_STORE = "new"
INGEST = """
import sys
sys.path.insert(0, sys.argv[1])
sys.argv = ["whosaid", "ingest", "--extracted", sys.argv[2], "--db", sys.argv[3]]
from tui.launcher import main
sys.exit(main())
"""


def copied_store(store: Path, into: Path) -> Path:
    """A copy of a store (its manifest and table folder) in `into`, to write to; the path of its manifest."""
    into.mkdir(parents=True)
    shutil.copy2(store, into / store.name)
    shutil.copytree(store.with_name(store.name + ".d"), into / (store.name + ".d"))
    return into / store.name


def instructions(code: Path, lines: Path, store: str, work: Path) -> int:
    """Instructions callgrind counts for one whole `whosaid ingest --extracted` of `lines` into a copy of `store`
    (or a new store), run with `code`."""
    place = work / "store"
    shutil.rmtree(place, ignore_errors=True)
    target = place / "store.json" if store == NEW_STORE else copied_store(Path(store), place)
    script = work / "ingest.py"
    script.write_text(INGEST, encoding="utf-8")
    command = [sys.executable, str(script), str(code), str(lines), str(target)]
    counted = counted_instructions(command, work / "callgrind.out")
    shutil.rmtree(place, ignore_errors=True)
    return counted


def extracted_lines(count: int, seed: int, work: Path) -> Path:
    """The `whosaid extract --jsonl` lines of `count` generated articles."""
    articles = work / "articles"
    subprocess.run([sys.executable, str(GENERATOR), str(articles), str(count), str(seed)], check=True,
                   capture_output=True)
    lines = work / "articles.jsonl"
    with lines.open("wb") as out:
        subprocess.run([sys.executable, "-m", "tui", "extract", str(articles), "--jsonl"], stdout=out, cwd=REPO,
                       check=True)
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", action="append", default=[], help="a store to ingest into (a copy of it)")
    parser.add_argument("--articles", type=int, default=1000, help="generated articles to ingest")
    parser.add_argument("--seed", type=int, default=77, help="seed of the generated articles")
    parser.add_argument("--against", help="a commit whose writer to measure the same way")
    arguments = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed; nothing measured")
        return 0
    if not GENERATOR.exists():
        print(f"no article generator at ../shared/tools/{GENERATOR.name}; nothing measured")
        return 0
    missing = [store for store in arguments.store if not Path(store).is_file()]
    if missing:
        print(f"no store at {missing[0]}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        lines = extracted_lines(arguments.articles, arguments.seed, work)
        with checkouts(arguments.against, work) as codes:
            growth: dict[str, dict[str, float]] = {label: {} for label in codes}
            for label, code in codes.items():
                baseline = instructions(code, lines, NEW_STORE, work)
                print(f"{label}: {arguments.articles} articles into a new store: {baseline / 1e9:.3f}G instructions")
                for store in arguments.store:
                    into = instructions(code, lines, store, work)
                    growth[label][store] = (into - baseline) / arguments.articles
                    print(f"{label}: into {store}: {into / 1e9:.3f}G instructions, growth "
                          f"{(into - baseline) / 1e9:.3f}G ({growth[label][store] / 1e6:.2f}M an article)")
            if arguments.against:
                for store in arguments.store:
                    ours, theirs = growth[THIS_CHECKOUT][store], growth[arguments.against][store]
                    ratio = f"{ours / theirs:.3f}x" if theirs else "n/a"
                    print(f"growth into {store}: {ours / 1e6:.2f}M against {theirs / 1e6:.2f}M an article ({ratio})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
