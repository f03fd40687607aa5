"""The code a benchmark measures: this checkout, and an earlier commit beside it for as long as the measure runs."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
THIS_CHECKOUT = "this checkout"


@contextmanager
def checkouts(against: str | None, work: Path) -> Iterator[dict[str, Path]]:
    """This checkout's folder by label, with commit `against` (if given) checked out in a worktree under `work`,
    removed again when the measure ends."""
    codes = {THIS_CHECKOUT: REPO}
    if against:
        other = work / "against"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(other), against],
                       check=True, capture_output=True)
        codes[against] = other
    try:
        yield codes
    finally:
        if against:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(other)], capture_output=True)
