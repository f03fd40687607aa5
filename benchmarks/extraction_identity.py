"""Check that the extractor in this checkout finds exactly what an earlier commit's extractor finds.

usage: python benchmarks/extraction_identity.py [--against REV] [--generated N]

Extracts every article of ../shared/corpus, ../shared/corpus-gum, seeds/ and N synthetic articles from
../shared/tools/gen_articles.py (seed 7) twice: with this checkout's code and with REV's (default HEAD,
checked out in a temporary git worktree). Prints each article whose title, people (names, aliases, roles,
organizations), organizations, quotes (text, offsets, paragraph) or speakers differ, and exits 1 if any do.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

DUMP = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from store.extraction import extract
found = {}
for name in sys.argv[3:]:
    result = extract(Path(name).read_text(encoding="utf-8-sig"))
    found[name] = {
        "title": result.title,
        "people": [[p.name, list(p.aliases), p.role, p.organization] for p in result.people],
        "organizations": [[o.name, list(o.aliases)] for o in result.organizations],
        "quotes": [[q.text, q.speaker, q.start, q.end, q.paragraph] for q in result.quotes],
    }
Path(sys.argv[2]).write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
"""


def article_paths(generated_dir: Path) -> list[str]:
    """Every article the comparison reads: the shared corpora, the seed and the generated articles."""
    paths: list[Path] = []
    for folder in (SHARED / "corpus", SHARED / "corpus-gum", REPO / "seeds", generated_dir):
        if folder.is_dir():
            paths.extend(sorted(folder.glob("*.txt")))
        else:
            print(f"skipped {folder.name}: not found", file=sys.stderr)
    return [str(path) for path in paths]


def extracted_by(code: Path, paths: list[str], work: Path, label: str) -> dict[str, dict]:
    """What the extractor of the checkout at `code` finds in each article, keyed by path."""
    out = work / f"{label}.json"
    subprocess.run([sys.executable, "-c", DUMP, str(code), str(out), *paths], check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def differences(old: dict[str, dict], new: dict[str, dict]) -> list[str]:
    """One line per article and field where the two extractions differ."""
    lines = []
    for path, before in old.items():
        after = new.get(path)
        for field in ("title", "people", "organizations", "quotes"):
            if after is None or before[field] != after[field]:
                lines.append(f"{path}: {field} differs")
    return lines


def main() -> int:
    """Extract with both versions and report every difference."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="HEAD", help="git revision to compare with (default HEAD)")
    parser.add_argument("--generated", type=int, default=300, help="synthetic articles to include (default 300)")
    args = parser.parse_args()
    if args.generated < 0:
        parser.error("--generated must be 0 or more")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        generated = work / "generated"
        generator = SHARED / "tools" / "gen_articles.py"
        if args.generated and generator.is_file():
            subprocess.run([sys.executable, str(generator), str(generated), str(args.generated), "7"],
                           check=True, capture_output=True)
        paths = article_paths(generated)
        tree = work / "baseline"
        added = subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(tree), args.against],
                               capture_output=True, text=True, check=False)
        if added.returncode:
            print(f"cannot check out {args.against}: {added.stderr.strip()}", file=sys.stderr)
            return 2
        try:
            old = extracted_by(tree, paths, work, "baseline")
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)],
                           capture_output=True, check=False)
        new = extracted_by(REPO, paths, work, "current")
    lines = differences(old, new)
    for line in lines:
        print(line)
    print(f"{len(paths)} articles compared with {args.against}: "
          + (f"{len(lines)} differences" if lines else "identical"))
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
