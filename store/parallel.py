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
IN_FLIGHT_PER_WORKER = 32
"""Chunks each worker is given ahead of what is taken back: about half a second of work, so that the workers stay
busy while the writer stores a batch; the rest wait, for a worker or for this process to extract them."""
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
    """Texts extracted together, by a worker or by this process, and what was made of them once known."""

    __slots__ = ("texts", "result", "extracted")

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.result: multiprocessing.pool.AsyncResult[list[Extraction]] | None = None
        """A worker's answer, once the chunk was sent to one."""
        self.extracted: list[Extraction] | None = None
        """What was made of the texts, once taken back from the worker or extracted here."""


def extracted_in_workers(
    items: Iterable[Item],
    jobs: int,
    ahead: int,
    work: Callable[[str], Extraction] = extract_text,
    pool: multiprocessing.pool.Pool | None = None,
    skip: Callable[[Item], bool] | None = None,
) -> Iterator[tuple[Item, Extraction | None]]:
    """Each (source, text, ...) item with its text's extraction, in input order, extracted by `jobs` processes: this
    one and `jobs - 1` forked workers. Only the text goes to a worker and only the extraction comes back: the items
    wait here, in order. An item `skip` says needs no extraction (its text stored already) is extracted nowhere:
    its item comes back with None as soon as those before it have, so a folder read again costs no round trip to a
    worker per file.

    The workers are kept a bounded number of chunks ahead (`IN_FLIGHT_PER_WORKER`, enough to keep them busy while
    the caller writes a batch); whenever this process would wait for a worker, it extracts the next chunk no worker
    has yet itself, so no core waits while another works. The items are read here, as the caller takes
    extractions: at most `ahead` items (at least a few chunks per process) are read beyond what the caller has
    taken, so a big folder is streamed. Closing the iterator early stops the workers. Meanwhile the cycle collector
    runs here as rarely as in the workers: the texts read and the extractions taken back make no cycles. A `pool`
    forked earlier (see `workers_forked_first`) is used, and stopped in the end, instead of forking one here.
    """
    workers = max(1, jobs - 1)
    ahead = max(ahead, 4 * (workers + 1) * CHUNK_SIZE)
    pool = worker_pool(workers) if pool is None else pool
    waiting: deque[tuple[Item, _Chunk | None, int]] = deque()
    """The items read and not yet given back, in order: each with the chunk its text went to (None when skipped)
    and its place in that chunk."""
    unsent: deque[_Chunk] = deque()
    """Chunks filled that no worker has been given yet, in order: the workers' next, or this process's."""
    in_flight: deque[_Chunk] = deque()
    """Chunks sent to the workers whose extractions are not yet taken back, in the order they were sent."""
    filling = _Chunk()
    most_in_flight = IN_FLIGHT_PER_WORKER * workers

    def close_chunk() -> None:
        """Queue the chunk being filled, and start another."""
        nonlocal filling
        if filling.texts:
            unsent.append(filling)
            filling = _Chunk()
        send()

    def send() -> None:
        """Give the workers queued chunks, up to `most_in_flight` of them at a time."""
        while in_flight and in_flight[0].result is not None and in_flight[0].result.ready():
            collect(in_flight.popleft())
        while unsent and len(in_flight) < most_in_flight:
            chunk = unsent.popleft()
            chunk.result = pool.apply_async(extracted_each, (work, chunk.texts))
            in_flight.append(chunk)

    def collect(chunk: _Chunk) -> None:
        """Take back a worker's extractions of a chunk, waiting for them if need be."""
        if chunk.extracted is None:
            assert chunk.result is not None
            chunk.extracted = chunk.result.get()

    def extract_one_here() -> bool:
        """Extract the next chunk no worker has, in this process; False when there is none."""
        if not unsent:
            return False
        chunk = unsent.popleft()
        chunk.extracted = extracted_each(work, chunk.texts)
        return True

    def given_back() -> tuple[Item, Extraction | None]:
        """The first waiting item and its extraction: extracting others' chunks here while a worker makes it."""
        item, chunk, place = waiting.popleft()
        if chunk is None:
            return item, None
        if chunk is filling:
            close_chunk()
        if chunk.extracted is None and chunk.result is None:
            extract_one_here()  # the first chunk no worker was given, unsent's first: nothing comes before it
        while chunk.extracted is None and not chunk.result.ready() and extract_one_here():  # type: ignore[union-attr]
            send()
        if chunk.extracted is None:
            collect(chunk)
            in_flight.remove(chunk)
            send()
        return item, chunk.extracted[place]  # type: ignore[index]

    def ready() -> bool:
        """Whether the first waiting item can be given back without waiting."""
        chunk = waiting[0][1]
        return chunk is None or chunk.extracted is not None or (chunk.result is not None and chunk.result.ready())

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
                close_chunk()
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
                    close_chunk()
            while waiting and (len(waiting) >= ahead or ready()):
                yield given_back()
        close_chunk()
        while waiting:
            yield given_back()
    finally:
        gc.set_threshold(*thresholds)
        sys.setswitchinterval(switch_interval)
        stopped(pool)


@contextmanager
def workers_forked_first(jobs: int) -> Iterator[multiprocessing.pool.Pool | None]:
    """The `jobs - 1` workers that extract beside this process (see `extracted_in_workers`), forked now, before
    the caller lists folders, opens the store or reads articles (None for one job): each worker's memory counts
    every page it shares with the process it was forked from, so forked later they would count that process's other
    imports, lists and lookups too. Stopped when the block ends."""
    if jobs <= 1:
        yield None
        return
    pool = worker_pool(jobs - 1)
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
