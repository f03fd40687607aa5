"""The articles whosaid ships with, ingested into an empty store so the first launch shows something real."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIRECTORY = Path(__file__).resolve().parent
SEED_DIRECTORIES = (_PACKAGE_DIRECTORY / "seeds", _PACKAGE_DIRECTORY.parent / "seeds")


def seed_paths() -> list[Path]:
    """The seed article files: inside the installed package, else beside it in a source checkout."""
    for directory in SEED_DIRECTORIES:
        found = sorted(directory.glob("*.txt"))
        if found:
            return found
    return []
