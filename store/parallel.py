"""Extraction in worker processes: articles go out in order and come back in order, a bounded number at a time."""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from store.model import Extraction

Item = TypeVar("Item", bound=tuple)
PR_SET_PDEATHSIG = 1
"""Linux's prctl option: the signal a process gets when its parent dies."""
HANDOVER_SECONDS = 0.0005
"""How long the writing thread may hold the interpreter before the threads feeding the workers and taking their
results get a turn (Python's default, 5 ms, starves them while a batch is written, leaving the workers idle)."""
CHUNK_SIZE = 8
"""Articles a worker takes at a time: enough to make the hand-over cheap, few enough to keep every worker busy."""
WARM_UP_TEXT = "Loaded.\n\nThe extractor reads this line once before the workers start."
"""What the extractor reads before the workers fork, so that everything it loads on first use is loaded once."""
FEEDING: weakref.WeakKeyDictionary[multiprocessing.pool.Pool, Callable[[], None]] = weakref.WeakKeyDictionary()
"""How to stop feeding each pool that `extracted_in_workers` feeds (see `stopped`)."""
WORKER_COLLECTION_THRESHOLD = 20_000
"""How many more objects than it freed a worker (or the process taking its extractions) makes before the cycle
collector looks for garbage cycles. Extraction makes none (a collection after hundreds of articles finds nothing)
but makes and frees tens of thousands of objects an article: at Python's default (700) the collector ran about
once an article and took about 3% of a worker's time; at this one it runs about once a thousand articles."""


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity, as containers and taskset limit it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def extract_text(text: str) -> Extraction:
    """In a worker: what the installed extractor finds in one article's text."""
    from store.extraction import extract

    return extract(text)


def extract_texts(texts: list[str]) -> list[Extraction]:
    """In a worker: what the installed extractor finds in each text."""
    from store.extraction import extract

    return [extract(text) for text in texts]


def extracted_unless_skipped(work: Callable[[str], Extraction], text: str | None) -> Extraction | None:
    """In a worker: what `work` makes of a text, or None for a text the feeder passed over (sent as None)."""
    return None if text is None else work(text)


def extracted_in_workers(
    items: Iterable[Item],
    jobs: int,
    ahead: int,
    work: Callable[[str], Extraction] = extract_text,
    pool: multiprocessing.pool.Pool | None = None,
    skip: Callable[[str], bool] | None = None,
) -> Iterator[tuple[Item, Extraction | None]]:
    """Each (source, text, ...) item with its text's extraction, in input order, extracted by `jobs` worker
    processes. Only the text goes to a worker and only the extraction comes back: the items wait here, in order.
    A text `skip` says needs no extraction (one stored already) is not sent: its item comes back with None.

    At most `ahead` items (at least a few chunks per worker) are read beyond what the caller has taken: a big
    folder is streamed, and the workers go on while the caller writes a batch. Closing the iterator early
    stops the workers. Meanwhile the cycle collector runs here as rarely as in the workers: the texts read and
    the extractions taken back make no cycles. A `pool` forked earlier (see `workers_forked_first`) is used, and
    stopped in the end, instead of forking one here.
    """
    ahead = max(ahead, 4 * jobs * CHUNK_SIZE)
    room = threading.Semaphore(ahead)
    stopping = threading.Event()

    waiting: deque[Item] = deque()

    def stop_feeding() -> None:
        stopping.set()
        room.release(ahead + 1)

    def fed() -> Iterator[str]:
        remaining = iter(items)
        while room.acquire() and not stopping.is_set():
            item = next(remaining, None)
            if item is None:
                return
            waiting.append(item)
            yield None if skip is not None and skip(item[1]) else item[1]

    pool = worker_pool(jobs) if pool is None else pool
    FEEDING[pool] = stop_feeding
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(HANDOVER_SECONDS)
    thresholds = gc.get_threshold()
    gc.set_threshold(WORKER_COLLECTION_THRESHOLD, *thresholds[1:])
    try:
        worked = work if skip is None else partial(extracted_unless_skipped, work)
        for extraction in pool.imap(worked, fed(), chunksize=CHUNK_SIZE):
            room.release()
            yield waiting.popleft(), extraction
    finally:
        gc.set_threshold(*thresholds)
        sys.setswitchinterval(switch_interval)
        stopped(pool)


@contextmanager
def workers_forked_first(jobs: int) -> Iterator[multiprocessing.pool.Pool | None]:
    """`jobs` workers forked now, before the caller lists folders, opens the store or reads articles (None for
    one job): each worker's memory counts every page it shares with the process it was forked from, so forked
    later they would count that process's other imports, lists and lookups too. Stopped when the block ends."""
    if jobs <= 1:
        yield None
        return
    pool = worker_pool(jobs)
    try:
        yield pool
    finally:
        stopped(pool)


def stopped(pool: multiprocessing.pool.Pool) -> None:
    """Stop a pool's workers, first letting the thread that feeds them articles end (see `extracted_in_workers`):
    a pool whose feeding thread waits for room never stops. An error or Ctrl+C that leaves the caller keeps the
    generator that feeds them alive in its traceback, so the feeding is stopped here rather than left to it."""
    stop_feeding = FEEDING.pop(pool, None)
    if stop_feeding is not None:
        stop_feeding()
    pool.terminate()
    pool.join()


def worker_pool(jobs: int) -> multiprocessing.pool.Pool:
    """A pool of `jobs` processes, forked where the system can: the extractor is loaded here first, once, and
    the workers share it rather than each importing its modules and reading its model again. Objects that exist
    when the workers fork are frozen out of the garbage collector's reach, so its passes do not copy the shared
    pages into each worker."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context().Pool(jobs, initializer=start_worker, initargs=(os.getpid(),))
    load_extractor()
    gc.freeze()
    try:
        return multiprocessing.get_context("fork").Pool(jobs, initializer=start_worker, initargs=(os.getpid(),))
    finally:
        gc.unfreeze()


def load_extractor() -> None:
    """Import the extractor and read what it loads on first use (its model), by extracting a one-line text."""
    from store.extraction import extract

    extract(WARM_UP_TEXT)


def start_worker(parent: int) -> None:
    """In a new worker: ignore Ctrl+C, which the parent handles by stopping the workers (no traceback from each),
    and end when the parent ends, however it ends (a killed ingest leaves no worker behind). Workers keep the
    writer's priority: the writer needs a small share of a core, and workers below everyone else's priority
    would wait on a shared machine's other processes. The cycle collector runs rarely (see
    `WORKER_COLLECTION_THRESHOLD`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(WORKER_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])
    end_with_parent()
    if os.getppid() != parent:
        os._exit(0)


def end_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (elsewhere, the parent stops its workers itself)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
