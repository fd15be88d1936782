"""Building and loading the cluster_ner pipeline.

The default pipeline is ``spacy.blank("zh")`` with the cleaning tokenizer and
the project's components; when the package ships a trained pipeline
(``cluster_ner/models/pipeline``) that directory is loaded instead. A user
pipeline directory (from ``nlp.to_disk`` or ``cluster-ner train``) loads with
``load(path)`` or plain ``spacy.load(path)``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from . import model as _model  # noqa: F401  (registers cluster_ner_model)
from . import patterns as _patterns  # noqa: F401  (registers cluster_ner_patterns)
from . import recognizers as _recognizers  # noqa: F401  (registers the factories)
from . import span_filter as _span_filter  # noqa: F401
from . import tokenizer as _tokenizer  # noqa: F401
from .attributes import component as _attributes  # noqa: F401
from .errors import ClusterNerError, ModelLoadError, Messages
from .extensions import register_extensions

RULE_PIPES = ("cluster_ner_gov", "cluster_ner_cluster", "cluster_ner_metric")
PATTERNS_PIPE = "cluster_ner_patterns"
RESOLVE_PIPE = "cluster_ner_resolve"
MODEL_PIPE = "cluster_ner_model"
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "cluster_ner.CleaningTokenizer.v1"}}}
PACKAGED_PIPELINE = "pipeline"


def packaged_models_dir() -> Path:
    """The ``models`` directory inside the installed package."""
    return Path(str(resources.files("cluster_ner").joinpath("models")))


def build(*, base: str | None = None) -> Language:
    """A fresh pipeline from code: cleaning tokenizer, rules, user patterns, resolver, attributes.

    There is no sentence splitter: the ``sentence`` column comes from the
    sentence ends of the text (see :func:`cluster_ner.frame.sentence_bounds`).
    A pipeline built from code has no trained model.

    Args:
        base: name or path of an installed spaCy pipeline to start from
            (e.g. ``"zh_core_web_sm"``) instead of ``spacy.blank("zh")``.
    """
    register_extensions()
    if base is None:
        nlp = spacy.blank("zh", config=TOKENIZER_CONFIG)
    else:
        nlp = _load_base(base)
    for name in RULE_PIPES:
        nlp.add_pipe(name)
    nlp.add_pipe(PATTERNS_PIPE)
    nlp.add_pipe(RESOLVE_PIPE)
    nlp.add_pipe("cluster_ner_attributes")
    return nlp


def _load_base(base: str) -> Language:
    from .tokenizer import CleaningTokenizer

    try:
        nlp = spacy.load(base)
    except OSError:
        raise ModelLoadError(Messages.BASE_MISSING.format(name=base)) from None
    nlp.tokenizer = CleaningTokenizer(nlp.vocab)
    return nlp


def load(path: str | Path | None = None, *, base: str | None = None, rules_only: bool = False) -> Language:
    """Load the cluster_ner pipeline.

    Args:
        path: a pipeline directory written by ``nlp.to_disk`` or
            ``cluster-ner train``. Default: the pipeline shipped in the
            package (``cluster_ner/models/pipeline``: rules, user patterns and
            the trained model scoped to open quantities), or the rules and
            user patterns alone if it is missing.
        base: start from an installed spaCy pipeline such as
            ``"zh_core_web_sm"`` (its components run beside the project's; the
            cleaning tokenizer replaces its tokenizer). Raises a
            :class:`ModelLoadError` saying how to install it when it is missing.
        rules_only: ignore the shipped trained model and use the rules only.

    Returns:
        A ``spacy.Language`` whose ``doc.ents`` are the CLUSTER, GOV and METRIC
        entities; :func:`cluster_ner.to_frame` turns a Doc into a DataFrame.

    The user patterns (:mod:`cluster_ner.patterns`) are read from their files
    at every call, so an edited patterns file takes effect at the next load.

    Raises:
        ModelLoadError: the directory is missing or not a loadable pipeline, or
            ``base`` is not installed.
        PatternsFileError: a patterns file has a bad line (names file and line).
    """
    register_extensions()
    if base is not None:
        return build(base=base)
    if path is None:
        shipped = packaged_models_dir() / PACKAGED_PIPELINE
        if rules_only or not (shipped / "config.cfg").exists():
            return build()
        path = shipped
    p = Path(path)
    if not p.is_dir():
        raise ModelLoadError(Messages.MODEL_MISSING.format(path=p))
    try:
        nlp = spacy.load(p)
    except ClusterNerError:  # e.g. a bad patterns file: already a precise message
        raise
    except Exception as exc:  # spaCy raises many types for a broken directory
        raise ModelLoadError(Messages.MODEL_CORRUPT.format(path=p, detail=f"{type(exc).__name__}: {exc}")) from None
    if PATTERNS_PIPE not in nlp.pipe_names and RESOLVE_PIPE in nlp.pipe_names:
        nlp.add_pipe(PATTERNS_PIPE, before=RESOLVE_PIPE)  # a directory saved before user patterns existed
    if rules_only:
        for name in (MODEL_PIPE, "ner"):  # the project's model, or a plain spaCy ner
            if name in nlp.pipe_names:
                nlp.disable_pipe(name)
    return nlp


def pipeline_info(nlp: Language) -> dict[str, Any]:
    """A short description of a loaded pipeline (for logs and the CLI)."""
    return {"pipes": list(nlp.pipe_names), "lang": nlp.lang, "meta": nlp.meta.get("name")}
