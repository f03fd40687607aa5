"""Extraction in worker processes: articles go out in order and come back in order, a bounded number at a time."""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from store.model import Extraction

Item = TypeVar("Item", bound=tuple)
PR_SET_PDEATHSIG = 1
"""Linux's prctl option: the signal a process gets when its parent dies."""
HANDOVER_SECONDS = 0.0005
"""How long the writing thread may hold the interpreter before the pool's threads sending the workers their texts
and taking their results get a turn (Python's default, 5 ms, starves them while a batch is written, leaving the
workers idle)."""
CHUNK_SIZE = 8
"""Articles a worker takes at a time: enough to make the hand-over cheap, few enough to keep every worker busy."""
WARM_UP_TEXT = "Loaded.\n\nThe extractor reads this line once before the workers start."
"""What the extractor reads before the workers fork, so that everything it loads on first use is loaded once."""
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


_END = object()
"""What `extracted_in_workers` takes from its items once there are none left."""


def extracted_each(work: Callable[[str], Extraction], texts: list[str]) -> list[Extraction]:
    """In a worker: what `work` makes of each of a chunk's texts."""
    return [work(text) for text in texts]


class _Chunk:
    """Texts going to one worker together, and once sent, what it will make of them."""

    __slots__ = ("texts", "result")

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.result: multiprocessing.pool.AsyncResult[list[Extraction]] | None = None


def extracted_in_workers(
    items: Iterable[Item],
    jobs: int,
    ahead: int,
    work: Callable[[str], Extraction] = extract_text,
    pool: multiprocessing.pool.Pool | None = None,
    skip: Callable[[Item], bool] | None = None,
) -> Iterator[tuple[Item, Extraction | None]]:
    """Each (source, text, ...) item with its text's extraction, in input order, extracted by `jobs` worker
    processes. Only the text goes to a worker and only the extraction comes back: the items wait here, in order.
    An item `skip` says needs no extraction (its text stored already) never goes to a worker: its item comes back with
    None as soon as those before it have, so a folder read again costs no round trip to a worker per file.

    The items are read here, as the caller takes extractions: each one comes back as soon as it is made, and at
    most `ahead` items (at least a few chunks per worker) are read beyond what the caller has taken, so a big
    folder is streamed and the workers go on while the caller writes a batch. Closing the iterator early stops
    the workers. Meanwhile the cycle collector runs here as rarely as in the workers: the texts read and the
    extractions taken back make no cycles. A `pool` forked earlier (see `workers_forked_first`) is used, and
    stopped in the end, instead of forking one here.
    """
    ahead = max(ahead, 4 * jobs * CHUNK_SIZE)
    pool = worker_pool(jobs) if pool is None else pool
    waiting: deque[tuple[Item, _Chunk | None, int]] = deque()
    """The items read and not yet given back, in order: each with the chunk its text went to (None when skipped)
    and its place in that chunk."""
    filling = _Chunk()

    def send() -> None:
        """Send the chunk being filled to a worker, and start another."""
        nonlocal filling
        if filling.texts:
            filling.result = pool.apply_async(extracted_each, (work, filling.texts))
            filling = _Chunk()

    def given_back() -> tuple[Item, Extraction | None]:
        """The first waiting item and its extraction, waiting for it if need be."""
        item, chunk, place = waiting.popleft()
        if chunk is None:
            return item, None
        if chunk.result is None:
            send()
        assert chunk.result is not None
        return item, chunk.result.get()[place]

    def ready() -> bool:
        """Whether the first waiting item can be given back without waiting."""
        chunk = waiting[0][1]
        return chunk is None or (chunk.result is not None and chunk.result.ready())

    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(HANDOVER_SECONDS)
    thresholds = gc.get_threshold()
    gc.set_threshold(WORKER_COLLECTION_THRESHOLD, *thresholds[1:])
    try:
        source = iter(items)
        while True:
            try:
                item = next(source, _END)
                skipped = item is not _END and skip is not None and skip(item)
            except Exception:
                send()
                while waiting:  # those read before the error are given back first
                    yield given_back()
                raise
            if item is _END:
                break
            if skipped:
                waiting.append((item, None, 0))
            else:
                waiting.append((item, filling, len(filling.texts)))
                filling.texts.append(item[1])
                if len(filling.texts) == CHUNK_SIZE:
                    send()
            while waiting and (len(waiting) >= ahead or ready()):
                yield given_back()
        send()
        while waiting:
            yield given_back()
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
    """Stop a pool's workers, whatever they were doing."""
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
