"""`whosaid search` read by key starts lean: what a rare query costs at 100,000 articles is mostly Python's start and
the imports, so a search imports neither the store's writer, its snapshot, the extractor nor the article readers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT
from tests.test_keyed_search import store_path  # noqa: F401 - the store written in batches, as a fixture

LISTED_MODULES = """
import json, sys
from tui.cli import main
code = main(["search", "--db", sys.argv[1], *sys.argv[2:]])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""
"""A search in a fresh interpreter, printing its lines, then its exit code and every module it imported."""
NOT_FOR_A_SEARCH = (
    "store.snapshot",
    "store.database",
    "store.writer_lookups",
    "store.extraction",
    "store.readers",
)


def modules_of_search(path: Path, *arguments: str) -> tuple[int, list[str]]:
    """The exit code of `whosaid search ARGUMENTS` in a new process, and the modules it imported."""
    done = subprocess.run(
        [sys.executable, "-c", LISTED_MODULES, str(path), *arguments],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=False,
    )
    report = json.loads(done.stdout.splitlines()[-1])
    return report["code"], report["modules"]


def test_a_search_read_by_key_imports_neither_the_writer_the_snapshot_nor_the_extractor(
    store_path: Path,  # noqa: F811 - the fixture imported above
) -> None:
    for arguments in (["harbor", "--jsonl"], ['"we will rebuild"'], ["zzzq"], ["harbor", "--limit", "1"]):
        code, modules = modules_of_search(store_path, *arguments)
        assert code in (0, 1) and "store.keyed_index" in modules, arguments
        assert not set(NOT_FOR_A_SEARCH) & set(modules), (arguments, set(NOT_FOR_A_SEARCH) & set(modules))


def test_a_search_the_index_cannot_answer_reads_the_store_whole(store_path: Path) -> None:  # noqa: F811
    code, modules = modules_of_search(store_path, "harb*", "--jsonl")
    assert code == 0 and "store.snapshot" in modules
