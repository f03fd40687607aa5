"""Instruction counts of whole processes, which a machine's load does not change (valgrind's callgrind)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path


def counted_instructions(command: list[str], out: Path) -> int:
    """The instructions callgrind counts for one run of `command` (hash seed fixed); a run that fails or prints no
    count ends the benchmark with callgrind's last words."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
        capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"}, check=False,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if result.returncode != 0 or found is None:
        raise SystemExit(f"the run failed under callgrind:\n{result.stderr[-2000:]}")
    return int(found.group(1))
