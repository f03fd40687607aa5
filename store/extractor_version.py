"""Which extractor read each stored article, and which one is installed, known without loading the extractor."""

from __future__ import annotations

import ast
import importlib.util
import sys
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

ARTICLE_FIELD = "extractor"
"""The article document's field holding the version of the extractor that read it."""
UNRECORDED_VERSION = 1
"""The version of an article stored before articles recorded one."""
VERSION_NAME = "EXTRACTOR_VERSION"


def article_version(document: Mapping[str, Any]) -> int:
    """The version of the extractor that read a stored article."""
    version = document.get(ARTICLE_FIELD, UNRECORDED_VERSION)
    return version if isinstance(version, int) else UNRECORDED_VERSION


def version_counts(documents: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """How many articles each extractor version read, keyed by the version as text (as JSON keeps it)."""
    counts: dict[str, int] = {}
    for document in documents:
        version = str(article_version(document))
        counts[version] = counts.get(version, 0) + 1
    return counts


def older_than(counts: Mapping[str, int], version: int) -> int:
    """How many of the counted articles an extractor older than `version` read."""
    return sum(count for key, count in counts.items() if key.isdigit() and int(key) < version)


@lru_cache(maxsize=1)
def installed_extractor_version() -> int:
    """The installed extractor's version, read from its source rather than imported: browsing a store never
    loads the extractor, yet the app says when the store was read by an older one."""
    loaded = sys.modules.get("store.extraction")
    if loaded is not None:
        return int(loaded.EXTRACTOR_VERSION)
    spec = importlib.util.find_spec("store.extraction")
    if spec is not None and spec.origin is not None:
        found = _assigned_integer(Path(spec.origin).read_text(encoding="utf-8"), VERSION_NAME)
        if found is not None:
            return found
    from store.extraction import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def _assigned_integer(source: str, name: str) -> int | None:
    """The integer a module's source assigns to `name` at its top level, if it does so literally."""
    for node in ast.parse(source).body:
        named = isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
        if named and isinstance(node.value, ast.Constant) and isinstance(node.value.value, int):
            return node.value.value
    return None
