"""Progress bars over documents: tqdm (a widget in notebooks), shown only where it helps."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from .chunks import Chunk

# With ``progress=None`` a bar appears on a terminal or in a notebook once a
# run has lasted this many seconds: short runs stay quiet.
PROGRESS_DELAY = 2.0


def _in_notebook() -> bool:
    """Running in a Jupyter kernel (the test tqdm.autonotebook makes)."""
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    try:
        shell = ipython.get_ipython()
        return shell is not None and "IPKernelApp" in shell.config
    except Exception:  # noqa: BLE001
        return False


def _stderr_is_terminal() -> bool:
    try:
        return bool(sys.stderr.isatty())
    except (AttributeError, ValueError):  # replaced or closed stderr
        return False


class _Progress:
    """A tqdm bar (tqdm.auto: a widget in notebooks) over documents, or nothing.

    ``progress=True``: always; ``None``: when stderr is a terminal or in a
    notebook, once the run has lasted :data:`PROGRESS_DELAY` seconds;
    ``False``: never. The bar is created at the first update, after the
    worker processes have started (no fork with tqdm's monitor thread alive).
    """

    def __init__(self, progress: bool | None, total: int | None) -> None:
        if progress is None:
            progress = _stderr_is_terminal() or _in_notebook()
            self.delay = PROGRESS_DELAY
        else:
            self.delay = 0.0
        self.enabled = bool(progress)
        self.total = total
        self.bar: Any = None

    def update(self, n: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=self.total, desc="cluster_ner", unit="doc", delay=self.delay, dynamic_ncols=True)
        self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def counted(chunks: Iterator[Chunk], total: int | None, progress: bool | None) -> Iterator[Chunk]:
    """``chunks``, with the progress bar counting their documents."""
    bar = _Progress(progress, total)
    try:
        for chunk in chunks:
            bar.update(len(chunk.results))
            yield chunk
    finally:
        bar.close()
