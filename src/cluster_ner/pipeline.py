"""Building and loading the cluster_ner pipeline.

The default pipeline is ``spacy.blank("zh")`` with the cleaning tokenizer and
the project's components; when the package ships a trained pipeline
(``cluster_ner/models/pipeline``) that directory is loaded instead. A user
pipeline directory (from ``nlp.to_disk`` or ``cluster-ner train``) loads with
``load(path)`` or plain ``spacy.load(path)``.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
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
from .context import component as _context  # noqa: F401  (registers cluster_ner_context)
from .errors import ClusterNerError, ModelLoadError, Messages
from .extensions import register_extensions

RULE_PIPES = ("cluster_ner_gov", "cluster_ner_cluster", "cluster_ner_metric")
PATTERNS_PIPE = "cluster_ner_patterns"
RESOLVE_PIPE = "cluster_ner_resolve"
MODEL_PIPE = "cluster_ner_model"
ATTRIBUTES_PIPE = "cluster_ner_attributes"
CONTEXT_PIPE = "cluster_ner_context"
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "cluster_ner.CleaningTokenizer.v1"}}}
PACKAGED_PIPELINE = "pipeline"
DESCRIPTION = (
    "Industrial clusters (CLUSTER), government bodies (GOV) and metrics (METRIC) in Chinese "
    "news and policy text: rules, a scoped statistical NER and user patterns, with offsets "
    "into the raw text."
)


def library_meta() -> dict[str, Any]:
    """What ``nlp.meta`` says of every cluster_ner pipeline: name, version, description, licence."""
    from . import __version__

    return {
        "name": "cluster_ner",
        "version": __version__,
        "description": DESCRIPTION,
        "license": "MIT",
        "author": "cluster_ner developers",
        "requirements": [f"cluster_ner>={__version__}"],
    }


def packaged_models_dir() -> Path:
    """The ``models`` directory inside the installed package."""
    return Path(str(resources.files("cluster_ner").joinpath("models")))


def build(*, base: str | None = None) -> Language:
    """A fresh pipeline from code: cleaning tokenizer, rules, patterns, resolver, attributes.

    There is no sentence splitter: the ``sentence`` column comes from the
    sentence ends of the text (see :func:`cluster_ner.frame.sentence_span`).
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
    nlp.add_pipe(ATTRIBUTES_PIPE)
    nlp.add_pipe(CONTEXT_PIPE)
    nlp.meta.update(library_meta())
    return nlp


def _load_base(base: str) -> Language:
    from .tokenizer import CleaningTokenizer

    try:
        nlp = spacy.load(base)
    except OSError:
        raise ModelLoadError(Messages.BASE_MISSING.format(name=base)) from None
    nlp.tokenizer = CleaningTokenizer(nlp.vocab)
    return nlp


def load(
    path: str | Path | None = None,
    *,
    base: str | None = None,
    rules_only: bool = False,
    patterns: str | Path | list[dict[str, Any]] | None = None,
) -> Language:
    """Load the cluster_ner pipeline.

    Args:
        path: a pipeline directory written by ``nlp.to_disk`` or
            ``cluster-ner train``. Default: the pipeline shipped in the
            package (``cluster_ner/models/pipeline``: rules, patterns and
            the trained model scoped to open quantities), or the rules and
            patterns alone if it is missing.
        base: start from an installed spaCy pipeline such as
            ``"zh_core_web_sm"`` (its components run beside the project's; the
            cleaning tokenizer replaces its tokenizer). Raises a
            :class:`ModelLoadError` saying how to install it when it is missing.
        rules_only: ignore the shipped trained model and use the rules only.
        patterns: more patterns for this pipeline (:mod:`cluster_ner.patterns`):
            the path of a JSONL file, or a list of ``{"label", "pattern", "id"}``
            dicts. They are added to the pipeline's own patterns (those saved in
            ``path``; none for the shipped pipeline) and saved by ``nlp.to_disk``.

    Returns:
        A ``spacy.Language`` whose ``doc.ents`` are the CLUSTER, GOV and METRIC
        entities; :func:`cluster_ner.to_frame` turns a Doc into a DataFrame.

    Nothing outside the package and ``path`` is read: the same call gives the
    same pipeline on every machine. (Versions up to 0.1.0 also read
    ``~/.config/cluster_ner/patterns.jsonl``; when that file exists a warning
    says how to use it explicitly.)

    Raises:
        ModelLoadError: the directory is missing or not a loadable pipeline, or
            ``base`` is not installed.
        PatternsFileError: a patterns file has a bad line (names file and line).
    """
    register_extensions()
    if patterns is None:
        _warn_legacy_patterns()
    nlp = _load(path, base=base, rules_only=rules_only)
    if patterns is not None:
        nlp.get_pipe(PATTERNS_PIPE).add_patterns(patterns)
    return nlp


_legacy_warned = False


def _warn_legacy_patterns() -> None:
    """Once per process: the per-user patterns file of 0.1.0 exists but is not read."""
    global _legacy_warned
    if _legacy_warned:
        return
    from .patterns import legacy_user_file

    found = legacy_user_file()
    if found is not None:
        _legacy_warned = True
        warnings.warn(Messages.PATTERNS_LEGACY_IGNORED.format(path=found, path_str=str(found)), UserWarning, stacklevel=3)


def _load(path: str | Path | None, *, base: str | None, rules_only: bool) -> Language:
    if base is not None:
        return build(base=base)
    shipped = packaged_models_dir() / PACKAGED_PIPELINE
    if path is None:
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
    if CONTEXT_PIPE not in nlp.pipe_names and ATTRIBUTES_PIPE in nlp.pipe_names:
        nlp.add_pipe(CONTEXT_PIPE, after=ATTRIBUTES_PIPE)  # a directory saved before metric context existed
    if p.resolve() == shipped.resolve():
        nlp.meta.update(library_meta())  # the library's version, whatever meta.json was written with
    if rules_only:
        for name in (MODEL_PIPE, "ner"):  # the project's model, or a plain spaCy ner
            if name in nlp.pipe_names:
                nlp.disable_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """The pipeline ``extract`` uses when none is given (loaded once per process)."""
    return load()


def pipeline_info(nlp: Language) -> dict[str, Any]:
    """A short description of a loaded pipeline (for logs and the CLI)."""
    return {"pipes": list(nlp.pipe_names), "lang": nlp.lang, "meta": nlp.meta.get("name")}
