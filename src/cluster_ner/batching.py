"""What every rule-based component of cluster_ner shares: ``pipe`` in batches.

spaCy's ``nlp.pipe`` hands a component without a ``pipe`` method one Doc at a
time, so each Doc runs through every stage before the next Doc starts. Running
one stage over a batch of Docs keeps that stage's lexicons and compiled
patterns in the CPU caches (measured with ``bench/throughput.py``). Errors go
to the component's error handler, as in spaCy's own ``Pipe.pipe``, so
``nlp.set_error_handler`` works on these components too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.tokens import Doc
from spacy.util import minibatch, raise_error

ErrorHandler = Callable[[str, Any, list[Doc], Exception], None]


class BatchedComponent:
    """Mixin: ``pipe`` applies ``__call__`` to a batch of Docs at a time."""

    name: str

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Process ``stream`` batch by batch; yields the Docs in order."""
        error_handler = self.get_error_handler()
        for batch in minibatch(stream, size=batch_size):
            done: list[Doc] = []
            for doc in batch:
                try:
                    done.append(self(doc))
                except Exception as exc:  # noqa: BLE001 - the handler decides (re-raises by default)
                    error_handler(self.name, self, [doc], exc)
            yield from done

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        """Called by ``nlp.set_error_handler``: what to do with a Doc that fails."""
        self.error_handler = error_handler

    def get_error_handler(self) -> ErrorHandler:
        """The error handler (spaCy's ``raise_error`` unless one was set)."""
        return getattr(self, "error_handler", raise_error)
