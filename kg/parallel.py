"""Entity extraction on every core: forked workers that inherit the parent's pipeline,
each given chunks of papers and returning only their mentions (small to send back)."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol, Self

from kg.graph import chunks
from kg.model import Paper

CHUNK = 500  # papers per task: large enough to amortise pickling, small enough to balance


class Extractor(Protocol):
    """What finds the mentions of papers: kg's entity extractor."""

    def pipe(self, papers: Iterable[Paper]) -> Iterable[list[Any]]: ...


_worker_extractor: Extractor | None = None  # set in each worker (inherited through fork)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def die_with_parent() -> None:
    """A worker ends when the process that forked it ends, however it ends (Linux): killed
    `kg ingest`s left their workers waiting for work forever."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _extract_chunk(papers: Sequence[Paper]) -> list[list[Any]]:
    assert _worker_extractor is not None  # set before the fork
    return list(_worker_extractor.pipe(papers))


class ParallelExtractor:
    """`submit(papers)` returns a future of the mentions of each paper, in order. With one
    job, or few papers, the work runs in this process."""

    def __init__(self, extractor: Extractor, jobs: int | None = None):
        self.extractor = extractor
        self.jobs = max(1, jobs or default_jobs())
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, papers: Sequence[Paper]) -> Future[list[list[Any]]]:
        if self.jobs == 1 or len(papers) < CHUNK:
            done: Future[list[list[Any]]] = Future()
            done.set_result(list(self.extractor.pipe(papers)))
            return done
        pool = self._ensure_pool()
        parts = [pool.submit(_extract_chunk, part) for part in chunks(papers, CHUNK)]
        return _Joined(parts)

    def start(self) -> None:
        """Fork the workers now (once), while this process holds little besides the pipeline:
        a page it frees or rewrites after the fork (the papers of a group, a store write)
        stays in the workers' memory for as long as they live."""
        if self.jobs > 1 and self._pool is None:
            self._ensure_pool().submit(int)

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            global _worker_extractor
            _worker_extractor = self.extractor  # the forked workers inherit it, built once
            # Objects made so far (the pipeline, its lexicons) leave the garbage collector's
            # lists: a collection in a worker would otherwise write to every one of them and
            # copy the pages it shares with this process.
            gc.freeze()
            self._pool = ProcessPoolExecutor(
                self.jobs, mp_context=multiprocessing.get_context("fork"), initializer=die_with_parent
            )
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Joined(Future[list[list[Any]]]):
    """The futures of a paper list's chunks seen as one future of the whole list."""

    def __init__(self, parts: list[Future[list[list[Any]]]]):
        super().__init__()
        self._parts = parts

    def result(self, timeout: float | None = None) -> list[list[Any]]:
        return [mentions for part in self._parts for mentions in part.result(timeout)]
