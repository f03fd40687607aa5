"""Score the text whosaid stores from web pages against ground truth, beside trafilatura's own, in the same run.

usage: python benchmarks/html_text_f1.py DIR [--pages] [--option NAME=VALUE ...]

DIR holds pairs of files: NAME.html (the page as saved from the web, in any encoding it declares) and NAME.txt
(the ground truth, UTF-8: the article's text as a reader reads it: headline, standfirst, subheadings, paragraphs,
list items, quoted passages and table cells, in order, paragraphs a blank line apart; no byline, date, captions,
share buttons, tags, related links, newsletter boxes, adverts, comments or cookie notices). Pages without a .txt
are left out. tests/articles/web/ is such a folder.

Three texts are scored for every page:

- whosaid: the `text` of each line `whosaid extract --jsonl` prints, run on all the pages as one whole process
  as a user runs it (a page whosaid rejects scores 0);
- trafilatura: `trafilatura.extract` on the page's bytes with its defaults (text, comments included);
- trafilatura, whosaid's options: `trafilatura.extract` with the options whosaid's HTML reader passes
  (`store.readers.html.TRAFILATURA_OPTIONS`), without whosaid's own steps after it;
- with `--option favor_precision=true` (repeatable), trafilatura with whosaid's options and that one changed,
  to weigh a different choice of options on the same pages.

The score is the F1 of 4-word shingles: both texts lowercased and cut into words (runs of letters and digits),
each run of four consecutive words a shingle, counted as multisets; precision is the share of the extracted
shingles that the ground truth holds, recall the share of the ground truth's that the extraction holds. Pages
are averaged with equal weight. The target: whosaid's F1 >= 0.93 and >= 0.97 x trafilatura's (defaults).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import orjson

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from store.readers.html import TRAFILATURA_OPTIONS  # noqa: E402

SHINGLE = 4
WORD = re.compile(r"\w+")
TARGET_F1 = 0.93
TARGET_RATIO = 0.97


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one extracted text against its ground truth."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall; 0 when both are."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of runs of SHINGLE consecutive lowercased words (the whole text when it is shorter)."""
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def score(extracted: str, truth: str) -> Score:
    """How well `extracted` matches `truth`, by shingles."""
    found, wanted = shingles(extracted), shingles(truth)
    common = sum((found & wanted).values())
    precision = common / sum(found.values()) if found else 0.0
    recall = common / sum(wanted.values()) if wanted else 0.0
    return Score(precision, recall)


def mean(scores: list[Score]) -> tuple[float, float, float]:
    """Mean precision, recall and F1 over pages."""
    count = len(scores) or 1
    return (
        sum(s.precision for s in scores) / count,
        sum(s.recall for s in scores) / count,
        sum(s.f1 for s in scores) / count,
    )


def whosaid_command() -> list[str]:
    """The installed whosaid beside this Python, else the checkout's module."""
    script = Path(sys.executable).with_name("whosaid")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui"]


def whosaid_texts(pages: list[Path]) -> dict[Path, str]:
    """The text `whosaid extract --jsonl` gives each page, by the page's absolute path (rejected pages missing)."""
    result = subprocess.run(
        [*whosaid_command(), "extract", "--jsonl", *map(str, pages)], cwd=REPO, capture_output=True, check=False
    )
    if result.returncode not in (0, 2):
        sys.exit(f"whosaid extract failed ({result.returncode}): {result.stderr.decode(errors='replace').strip()}")
    for line in result.stderr.decode(errors="replace").splitlines():
        print(f"  {line}", file=sys.stderr)
    texts: dict[Path, str] = {}
    for line in result.stdout.splitlines():
        article = orjson.loads(line)
        texts[Path(article["source"]).resolve()] = article["text"]
    return texts


def trafilatura_text(data: bytes, **options: object) -> str:
    """What trafilatura.extract gives for a page with these options; empty when it finds nothing."""
    import trafilatura

    return trafilatura.extract(data, **options) or ""


def option(text: str) -> tuple[str, object]:
    """A trafilatura option from NAME=VALUE: true and false are booleans, digits a number, else a string."""
    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise argparse.ArgumentTypeError(f"not NAME=VALUE: {text!r}")
    lowered = value.lower()
    if lowered in ("true", "false"):
        return name, lowered == "true"
    return name, int(value) if value.isdigit() else value


def main() -> None:
    """Score every page of the folder with all three extractions and print the means and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a folder of NAME.html and NAME.txt pairs")
    parser.add_argument("--pages", action="store_true", help="print each page's F1 too")
    parser.add_argument(
        "--option",
        type=option,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="also score trafilatura with whosaid's options and this one set",
    )
    arguments = parser.parse_args()
    if not arguments.folder.is_dir():
        sys.exit(f"not a folder: {arguments.folder}")
    pages = sorted(p.resolve() for p in arguments.folder.glob("*.htm*") if p.with_suffix(".txt").is_file())
    if not pages:
        sys.exit(f"no NAME.html with a NAME.txt beside it in {arguments.folder}")
    ours = whosaid_texts(pages)
    variants: dict[str, dict[str, object]] = {
        "trafilatura": {},
        "trafilatura, whosaid's options": dict(TRAFILATURA_OPTIONS),
    }
    for name, value in arguments.option:
        variants[f"whosaid's options, {name}={value}"] = {**TRAFILATURA_OPTIONS, name: value}
    columns = ("whosaid", *variants)
    scores: dict[str, list[Score]] = {name: [] for name in columns}
    if arguments.pages:
        print("F1 of each page: " + " | ".join(columns))
    for page in pages:
        truth = page.with_suffix(".txt").read_text(encoding="utf-8")
        data = page.read_bytes()
        texts = [ours.get(page, ""), *(trafilatura_text(data, **options) for options in variants.values())]
        row = [score(text, truth) for text in texts]
        for name, page_score in zip(columns, row, strict=True):
            scores[name].append(page_score)
        if arguments.pages:
            print(f"  {page.stem:<20} " + "  ".join(f"{s.f1:.3f}" for s in row))
    print(f"{len(pages)} pages, F1 of {SHINGLE}-word shingles against ground truth (mean over pages)")
    for name in columns:
        precision, recall, f1 = mean(scores[name])
        print(f"  {name:<40} F1 {f1:.3f}   precision {precision:.3f}   recall {recall:.3f}")
    ours_f1, theirs_f1 = mean(scores["whosaid"])[2], mean(scores["trafilatura"])[2]
    ratio = ours_f1 / theirs_f1 if theirs_f1 else float("inf")
    met = ours_f1 >= TARGET_F1 and ratio >= TARGET_RATIO
    print(
        f"  whosaid / trafilatura: {ratio:.3f}   target F1 >= {TARGET_F1} and ratio >= {TARGET_RATIO}: "
        f"{'met' if met else 'not met'}"
    )


if __name__ == "__main__":
    main()
