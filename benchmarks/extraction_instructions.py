"""Instructions the extractor runs per article (callgrind), the measure that a busy machine does not move.

usage: python benchmarks/extraction_instructions.py [--articles 150] [--seed 3] [--against REV]

Runs valgrind's callgrind twice on a process that loads the shipped model and extracts articles: once
extracting none (the baseline: start-up and the model) and once extracting N articles from
../shared/tools/gen_articles.py (and, when ../shared is there, every article of ../shared/corpus and
../shared/corpus-gum); prints (instructions with N - instructions with none) / N for each set. With
--against REV the same is measured for that commit's extractor (a temporary git worktree), and the ratio.
Needs valgrind; skips what ../shared does not provide.
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

SHARED = REPO.parent / "shared"
EXTRACT = """
import gc, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
gc.disable()
from store.extraction import extract
from store.extraction.entity_types import shipped_model
shipped_model()
texts = [Path(name).read_text(encoding="utf-8-sig") for name in sys.argv[3:]][: int(sys.argv[2])]
for text in texts:
    extract(text)
"""


def instructions(code: Path, count: int, files: list[Path], work: Path) -> int:
    """Instructions callgrind counts for a process extracting the first `count` of `files` with `code`'s extractor."""
    script = work / "extract.py"
    script.write_text(EXTRACT, encoding="utf-8")
    command = [sys.executable, str(script), str(code), str(count), *map(str, files)]
    return counted_instructions(command, work / f"callgrind.{count}.out")


def per_article(code: Path, files: list[Path], work: Path) -> float:
    """Instructions an article, start-up and the model's load taken out."""
    return (instructions(code, len(files), files, work) - instructions(code, 0, files, work)) / len(files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150, help="generated articles to extract")
    parser.add_argument("--seed", type=int, default=3, help="seed of the generated articles")
    parser.add_argument("--against", help="a commit whose extractor to measure the same way")
    arguments = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed; nothing measured")
        return 0
    generator = SHARED / "tools" / "gen_articles.py"
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        sets: dict[str, list[Path]] = {}
        if generator.exists():
            subprocess.run([sys.executable, str(generator), str(work / "generated"), str(arguments.articles),
                            str(arguments.seed)], check=True, capture_output=True)
            sets["generated"] = sorted((work / "generated").glob("*.txt"))[: arguments.articles]
        corpus = [*sorted((SHARED / "corpus").glob("*.txt")), *sorted((SHARED / "corpus-gum").glob("*.txt"))]
        if corpus:
            sets["news corpora"] = corpus
        if not sets:
            print("no articles: ../shared is not there; nothing measured")
            return 0
        with checkouts(arguments.against, work) as codes:
            for name, files in sets.items():
                measured = {label: per_article(code, files, work) for label, code in codes.items()}
                line = ", ".join(f"{label}: {value / 1e6:.2f}M" for label, value in measured.items())
                if arguments.against:
                    ratio = measured[THIS_CHECKOUT] / measured[arguments.against]
                    line += f" ({ratio:.3f}x)"
                print(f"{name} ({len(files)} articles), instructions per article: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
