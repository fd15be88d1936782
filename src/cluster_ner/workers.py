"""Worker processes: chunks of documents run in a pool, come back in input order, none lost.

Each worker holds its own copy of the pipeline and runs whole chunks
(:func:`cluster_ner.chunks.run_chunk`); the rows come back as plain dicts or,
where the caller wants one frame per chunk, as a frame the worker built (the
parent, which shares the cores with the workers, then only concatenates).
spaCy's own ``nlp.pipe(n_process=…)`` is not used: it sends every Doc back
with ``Doc.to_bytes`` (the cleaning alignment makes that ~130 bytes per
character), which costs more than running the pipeline itself.

What can go wrong, and what happens:

* a worker dies (killed, out of memory, a crash in a native library): the
  pool is replaced; each chunk it held runs again alone in a fresh process;
  a chunk that kills that one too gives its documents as errors
  (:class:`~cluster_ner.errors.WorkerCrashError`), and the run goes on;
* the parent dies: each worker notices within a second and exits.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Iterator
from typing import Any

from spacy.language import Language

from .chunks import Chunk, error_record, run_chunk
from .errors import Messages, WorkerCrashError
from .inputs import Item
from .pipeline import default_nlp

# Chunks each worker may have queued or running: the pool reads at most
# n_process * IN_FLIGHT * batch_size documents ahead of what it has delivered.
IN_FLIGHT = 2
# How often a worker checks that its parent is alive (seconds).
PARENT_CHECK_SECONDS = 0.5

_WORKER_PIPELINE: Language | None = None


def start_method() -> str:
    """fork where it is safe (the workers inherit the pipeline as it is), else spawn."""
    import multiprocessing

    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _pipeline_payload(nlp: Language | None, method: str) -> Any:
    """What a new worker needs to get the pipeline: the object itself (fork),
    ``None`` for the default pipeline, or its config and weights (spawn)."""
    if method == "fork":
        return nlp if nlp is not None else default_nlp()
    if nlp is None:
        return None
    return (nlp.config.to_str(), nlp.to_bytes())


def _exit_with_parent(parent: int) -> None:
    """Exit this worker as soon as the process that started it is gone (it is then re-parented)."""
    import time

    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def _pool_init(payload: Any, parent: int) -> None:
    global _WORKER_PIPELINE
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True, name="cluster_ner-parent-watch").start()
    if payload is None:
        _WORKER_PIPELINE = default_nlp()
    elif isinstance(payload, Language):
        _WORKER_PIPELINE = payload
    else:
        from spacy.util import load_model_from_config
        from thinc.api import Config

        from .extensions import register_extensions

        register_extensions()
        config, data = payload
        _WORKER_PIPELINE = load_model_from_config(Config().from_str(config)).from_bytes(data)


def _portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling, else a RuntimeError with its type and message."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _pool_run(chunk: list[Item], batch_size: int, raise_first: bool, framed: bool) -> tuple[Chunk, Any]:
    """One chunk in a worker process (the pipeline comes from :func:`_pool_init`)."""
    assert _WORKER_PIPELINE is not None
    results, exc = run_chunk(_WORKER_PIPELINE, chunk, batch_size, raise_first)
    done = Chunk(results)
    if framed and results:
        done = Chunk([(doc_id, [], error) for doc_id, _, error in results], done.rows_frame())
    return done, None if exc is None else _portable(exc)


class _Pool:
    """A process pool for one run; replaced when a worker dies."""

    def __init__(self, nlp: Language | None, n_process: int) -> None:
        self.method = start_method()
        self.payload = _pipeline_payload(nlp, self.method)
        self.n_process = n_process
        self.executor = self._new(n_process)

    def _new(self, n: int) -> Any:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            max_workers=n,
            mp_context=multiprocessing.get_context(self.method),
            initializer=_pool_init,
            initargs=(self.payload, os.getpid()),
        )

    def renew(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._new(self.n_process)

    def alone(self, chunk: list[Item], args: tuple[Any, ...]) -> tuple[Chunk, Any] | None:
        """Run ``chunk`` in a fresh one-worker pool; ``None`` when that worker dies too."""
        from concurrent.futures.process import BrokenProcessPool

        executor = self._new(1)
        try:
            return executor.submit(_pool_run, chunk, *args).result()
        except BrokenProcessPool:
            return None
        finally:
            executor.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def crashed_chunk(chunk: list[Item]) -> Chunk:
    """Every document of a chunk whose worker died twice, as an error."""
    crash = WorkerCrashError(Messages.WORKER_CRASHED)
    return Chunk([(doc_id, [], error_record(doc_id, crash)) for _, doc_id, _ in chunk])


def pool_chunks(
    nlp: Language | None,
    chunks: Iterator[list[Item]],
    batch_size: int,
    n_process: int,
    raise_first: bool,
    framed: bool,
) -> Iterator[Chunk]:
    """Run ``chunks`` in ``n_process`` worker processes; yield their results in input order."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    args = (batch_size, raise_first, framed)
    pool = _Pool(nlp, n_process)
    pending: deque[tuple[Future, list[Item]]] = deque()

    def deliver(outcome: tuple[Chunk, Any]) -> Iterator[Chunk]:
        done, exc = outcome
        if done.results:
            yield done
        if exc is not None:
            raise exc

    def collect() -> Iterator[Chunk]:
        future, chunk = pending[0]
        try:
            outcome = future.result()
        except BrokenProcessPool:
            # A worker died: every chunk the pool held is lost with it. Each runs
            # again alone; only one that kills its fresh process too is given up.
            held = [c for _, c in pending]
            pending.clear()
            pool.renew()
            for lost in held:
                again = pool.alone(lost, args)
                if again is None:
                    if raise_first:
                        raise WorkerCrashError(Messages.WORKER_CRASHED) from None
                    yield crashed_chunk(lost)
                else:
                    yield from deliver(again)
            return
        pending.popleft()
        yield from deliver(outcome)

    def submit(chunk: list[Item]) -> None:
        try:
            future = pool.executor.submit(_pool_run, chunk, *args)
        except BrokenProcessPool as broken:  # the pool broke before we collected from it
            future = Future()
            future.set_exception(broken)
        pending.append((future, chunk))

    try:
        for chunk in chunks:
            submit(chunk)
            if len(pending) >= n_process * IN_FLIGHT:
                yield from collect()
        while pending:
            yield from collect()
    finally:
        pool.close()
