"""A progress bar for long ingests that appears only once the work has taken over a second."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console

if TYPE_CHECKING:
    from rich.progress import Progress

SHOW_AFTER_SECONDS = 1.0


class IngestProgress:
    """Counts articles done; draws a bar on stderr (a terminal) after a second; output still prints above it."""

    def __init__(self, total: int, label: str = "ingesting") -> None:
        self.total = total
        self.label = label
        self.done = 0
        self._started = time.monotonic()
        self._console = Console(stderr=True, highlight=False)
        self._progress: Progress | None = None  # created only for a long ingest
        self._task = None

    def __enter__(self) -> IngestProgress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self, count: int) -> None:
        """Record `count` more articles done, showing the bar once the work has gone on for a while."""
        self.done += count
        if self._progress is None and self._should_show():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn(self.label),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=self._console,
                transient=True,
                redirect_stdout=sys.stdout.isatty(),
            )
            self._task = self._progress.add_task("ingest", total=self.total)
            self._progress.start()
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=self.done)

    def _should_show(self) -> bool:
        """True for a long ingest on an interactive terminal."""
        long_running = time.monotonic() - self._started > SHOW_AFTER_SECONDS
        return long_running and self.done < self.total and sys.stderr.isatty()
