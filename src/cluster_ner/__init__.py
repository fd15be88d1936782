"""cluster_ner: industrial clusters, government bodies and metrics in Chinese text.

    >>> import cluster_ner
    >>> df = cluster_ner.extract("工信部公布45个国家先进制造业集群")

Public API: :func:`load`, :func:`extract`, :func:`extract_many`,
:func:`iter_frames`, :func:`to_frame`, :func:`parse_quantity`,
:func:`render`, :func:`displacy_options`, :func:`metric_table`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .attributes.quantity import Quantity, parse_quantity
from .errors import (
    ClusterNerError,
    GoldFormatError,
    InputDecodeError,
    ModelLoadError,
    OffsetMapMissingError,
    PatternsFileError,
    WorkerCrashError,
)
from .extract import extract, extract_many, iter_frames
from .frame import COLUMNS, to_frame
from .pipeline import load
from .render import displacy_options, render
from .tables import metric_table

__all__ = [
    "COLUMNS",
    "ClusterNerError",
    "GoldFormatError",
    "InputDecodeError",
    "ModelLoadError",
    "OffsetMapMissingError",
    "PatternsFileError",
    "Quantity",
    "WorkerCrashError",
    "__version__",
    "displacy_options",
    "extract",
    "extract_many",
    "iter_frames",
    "load",
    "metric_table",
    "parse_quantity",
    "render",
    "to_frame",
]
