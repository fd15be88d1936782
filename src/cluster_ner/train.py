"""Training the statistical NER of cluster_ner from gold JSONL.

    cluster-ner train TRAIN.jsonl [--dev DEV.jsonl] -o OUT_DIR [--config CFG] [--set KEY=VALUE] [--seed 0] [--max-steps N]

The trained pipeline is the project pipeline (:func:`cluster_ner.pipeline.build`:
cleaning tokenizer, rule recognizers, user patterns) with ``cluster_ner_model``
(spaCy's ``ner`` with a scope, :mod:`cluster_ner.model`) inserted after the
rules, before ``cluster_ner_resolve``; its model and scope, the resolver's
span filter and the training settings come from a spaCy config file (default:
the packaged ``cluster_ner/models/config.cfg``). The model's entities reach
the resolver as the third source: user patterns beat rules, rules beat the model.

Gold offsets are into the raw text; the model sees the cleaned working text, one
token per character. :func:`working_span` maps a raw span onto the working
characters whose raw extent lies inside it — the inverse of
:meth:`cluster_ner.cleaning.Alignment.to_raw` for spans that follow the noise
rule of the specification (noise inside a span is covered, noise after it is not).

Training is a plain ``nlp.update`` loop: fixed seed, shuffled epochs,
compounding batch sizes, only the model updated, on whole documents (the rule components have no
weights). The same seed, data and config give the same weights.
"""

from __future__ import annotations

import bisect
import json
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry
from thinc.api import Config

from .cleaning import Alignment
from .corpus import LABELS, GoldDoc
from .errors import ClusterNerError, Messages
from .evaluate import Scores, evaluate, format_scores
from .pipeline import MODEL_PIPE, PATTERNS_PIPE, RESOLVE_PIPE, RULE_PIPES, build, library_meta, packaged_models_dir
from .span_filter import make_span_filter
from .tokenizer import alignment

CONFIG_FILE = "config.cfg"


def default_config_path() -> Path:
    """The packaged training config, ``cluster_ner/models/config.cfg``."""
    return packaged_models_dir() / CONFIG_FILE


# --- raw offsets → working-text offsets -----------------------------------------------


class RawToWorking:
    """Maps raw-text spans onto working-text characters (the inverse of the alignment).

    Working character ``i`` stands for the raw characters
    ``[raw_start(i), raw_end(i))``; both are non-decreasing in ``i``, so the
    working characters inside a raw span are found by bisection.
    """

    def __init__(self, align: Alignment, n_working: int) -> None:
        self.starts = [align.raw_start(i) for i in range(n_working)]
        self.ends = [align.raw_end(i) for i in range(n_working)]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """Working ``[s, e)`` of raw ``[start, end)``: the working characters
        whose raw extent lies inside it; None when there is none (all noise)."""
        s = bisect.bisect_left(self.starts, start)
        e = bisect.bisect_right(self.ends, end)
        return (s, e) if s < e else None


def working_span(align: Alignment, n_working: int, start: int, end: int) -> tuple[int, int] | None:
    """Working ``[s, e)`` of the raw span ``[start, end)`` (see :class:`RawToWorking`)."""
    return RawToWorking(align, n_working).span(start, end)


@dataclass
class Conversion:
    """Counts of a gold → Example conversion (spans that did not map exactly)."""

    spans: int = 0
    dropped: list[tuple[str, int, int, str]] = field(default_factory=list)  # all noise: no working char
    inexact: list[tuple[str, int, int, str]] = field(default_factory=list)  # do not map back to the same raw span


def reference_doc(nlp: Language, gold: GoldDoc, stats: Conversion | None = None) -> Doc:
    """The gold document as a Doc of the working text with its entities set."""
    doc = nlp.make_doc(gold.text)
    align = alignment(doc)
    mapper = RawToWorking(align, len(doc.text))
    ents = []
    for s in gold.spans:
        if stats is not None:
            stats.spans += 1
        w = mapper.span(s.start, s.end)
        if w is None:
            if stats is not None:
                stats.dropped.append((gold.id, s.start, s.end, s.label))
            continue
        if stats is not None and align.to_raw(*w) != (s.start, s.end):
            stats.inexact.append((gold.id, s.start, s.end, s.label))
        span = doc.char_span(w[0], w[1], label=s.label)  # one token per character: never None
        if span is not None:
            ents.append(span)
    doc.ents = ents
    return doc


def make_example(nlp: Language, gold: GoldDoc, stats: Conversion | None = None) -> Example:
    """A spaCy Example: predicted = the cleaned tokens, reference = the same with gold entities."""
    ref = reference_doc(nlp, gold, stats)
    return Example(nlp.make_doc(gold.text), ref)


# --- config and pipeline --------------------------------------------------------------


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Read a training config (default: the packaged one)."""
    p = Path(path) if path is not None else default_config_path()
    if not p.is_file():
        raise ClusterNerError(f"No training config at {p}.")
    try:
        return spacy.util.load_config(p, overrides=overrides or {}, interpolate=True)
    except Exception as exc:  # config syntax errors come in several types
        raise ClusterNerError(f"Cannot read the training config {p}: {type(exc).__name__}: {exc}") from None


def parse_overrides(items: Iterable[str]) -> dict[str, Any]:
    """``["a.b=1", "c.d=text"]`` → ``{"a.b": 1, "c.d": "text"}`` (values are JSON when they parse)."""
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ClusterNerError(Messages.BAD_OVERRIDE.format(item=item))
        try:
            out[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            out[key.strip()] = value
    return out


def _component_config(config: Config, name: str) -> dict[str, Any]:
    cfg = dict(config.get("components", {}).get(name, {}))
    cfg.pop("factory", None)
    return cfg


def build_trainable(config: Config) -> Language:
    """The project pipeline with the config's model after the rules, before the resolver (untrained)."""
    nlp = build()
    nlp.add_pipe("cluster_ner_model", name=MODEL_PIPE, before=PATTERNS_PIPE, config=_component_config(config, MODEL_PIPE))
    resolver_cfg = _component_config(config, RESOLVE_PIPE)
    if resolver_cfg:
        nlp.replace_pipe(RESOLVE_PIPE, RESOLVE_PIPE, config=resolver_cfg)
    ner = nlp.get_pipe(MODEL_PIPE)
    for label in LABELS:
        ner.add_label(label)
    return nlp


# --- training ---------------------------------------------------------------------------


@dataclass
class TrainResult:
    """What :func:`train` returns."""

    nlp: Language
    seed: int
    steps: int
    seconds: float
    losses: list[float]
    dev_scores: Scores | None = None
    rules_dev_scores: Scores | None = None
    conversion: Conversion = field(default_factory=Conversion)


def _resolve(block: Any) -> Any:
    return registry.resolve({"x": block})["x"]


def train(
    train_docs: Sequence[GoldDoc],
    dev_docs: Sequence[GoldDoc] | None = None,
    *,
    config: Config | str | Path | None = None,
    overrides: dict[str, Any] | None = None,
    seed: int | None = None,
    max_steps: int | None = None,
    patterns: Any = None,
    log: Callable[[str], None] | None = None,
) -> TrainResult:
    """Train the NER on gold documents and return the whole pipeline.

    Args:
        train_docs: gold documents (offsets into their raw text).
        dev_docs: held-out gold documents, scored during and after training
            (they never update the weights and do not pick the checkpoint: the
            weights after ``max_steps`` are returned).
        config: a loaded config, or the path of one (default: the packaged one).
        overrides: dotted config keys and values applied on top of ``config``
            (``{"components.cluster_ner_model.scope": "document"}``).
        seed: overrides ``[training] seed``.
        max_steps: overrides ``[training] max_steps``.
        patterns: patterns for the pipeline (a JSONL file or a list of dicts,
            see :mod:`cluster_ner.patterns`); they are saved with it and
            count in the dev scores.
        log: called with progress lines (default: silent).

    Returns:
        A :class:`TrainResult` whose ``nlp`` is ready for ``nlp.to_disk``.
    """
    say = log or (lambda _m: None)
    if isinstance(config, Config):
        cfg = Config().from_str(config.to_str(), overrides=overrides) if overrides else config
    else:
        cfg = load_config(config, overrides)
    tcfg = cfg["training"]
    seed = int(tcfg.get("seed", 0) if seed is None else seed)
    steps = int(tcfg.get("max_steps", 1000) if max_steps is None else max_steps)
    dropout = float(tcfg.get("dropout", 0.1))
    eval_every = int(tcfg.get("eval_frequency", 0) or 0)
    if not train_docs:
        raise ClusterNerError("No training documents.")
    if steps < 1:
        raise ClusterNerError(f"max_steps must be at least 1, got {steps}.")

    spacy.util.fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = build_trainable(cfg)
    if patterns is not None:
        nlp.get_pipe(PATTERNS_PIPE).add_patterns(patterns)
    stats = Conversion()
    examples = [make_example(nlp, d, stats) for d in train_docs]
    if stats.dropped or stats.inexact:
        say(
            f"note: {len(stats.dropped)} gold span(s) cover only noise and were skipped; "
            f"{len(stats.inexact)} include noise at an edge (trained on their cleaned characters)"
        )
    optimizer = _resolve(tcfg["optimizer"])
    batcher = _resolve(tcfg["batcher"])
    others = [n for n in nlp.pipe_names if n != MODEL_PIPE]
    with nlp.select_pipes(enable=[MODEL_PIPE]):
        nlp.initialize(lambda: examples, sgd=optimizer)

    say(f"training ner on {len(examples)} documents ({sum(len(e) for e in examples):,} characters), seed {seed}, {steps} steps")
    t0 = time.perf_counter()
    losses_log: list[float] = []
    step = 0
    epoch = 0
    while step < steps:
        epoch += 1
        order = list(examples)
        rng.shuffle(order)
        for batch in batcher(order):
            losses: dict[str, float] = {}
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses, exclude=others)
            step += 1
            losses_log.append(losses.get(MODEL_PIPE, 0.0))
            if eval_every and (step % eval_every == 0 or step == steps):
                line = f"step {step:>6}  epoch {epoch:>3}  loss {sum(losses_log[-eval_every:]) / min(eval_every, len(losses_log)):>9.2f}"
                if dev_docs:
                    with optimizer_averages(nlp, optimizer):
                        model_f = evaluate_model_only(nlp, dev_docs).prf()[2]
                        combined_f = evaluate(nlp, dev_docs).prf()[2]
                    line += f"  dev F1 model {model_f:.3f}  rules+model {combined_f:.3f}"
                say(line)
            if step >= steps:
                break
    _keep_averages(nlp, optimizer)
    seconds = time.perf_counter() - t0
    result = TrainResult(nlp, seed, step, seconds, losses_log, conversion=stats)
    if dev_docs:
        result.dev_scores = evaluate(nlp, dev_docs)
        with nlp.select_pipes(disable=[MODEL_PIPE]):
            result.rules_dev_scores = evaluate(nlp, dev_docs)
    return result


class optimizer_averages:
    """Context manager: the parameter averages of ``optimizer`` in ``ner`` while inside."""

    def __init__(self, nlp: Language, optimizer: Any) -> None:
        self.ctx = None
        averages = getattr(optimizer, "averages", None)
        if averages:
            self.ctx = nlp.get_pipe(MODEL_PIPE).model.use_params(averages)

    def __enter__(self) -> None:
        if self.ctx is not None:
            self.ctx.__enter__()

    def __exit__(self, *exc: Any) -> None:
        if self.ctx is not None:
            self.ctx.__exit__(*exc)


def _keep_averages(nlp: Language, optimizer: Any) -> None:
    """Set the ``ner`` weights to the optimizer's parameter averages, for good."""
    averages = getattr(optimizer, "averages", None)
    if not averages:
        return
    for node in nlp.get_pipe(MODEL_PIPE).model.walk():
        for name in node.param_names:
            key = (node.id, name)
            if key in averages and node.has_param(name):
                node.set_param(name, averages[key].copy())


def evaluate_model_only(nlp: Language, docs: Iterable[GoldDoc]) -> Scores:
    """Scores of the model's entities alone over whole documents (rules, user
    patterns and the model's scope set aside)."""
    off = [n for n in (*RULE_PIPES, PATTERNS_PIPE) if n in nlp.pipe_names]
    model, resolver = nlp.get_pipe(MODEL_PIPE), nlp.get_pipe(RESOLVE_PIPE)
    scope, span_filter = model.scope, resolver.span_filter
    model.scope, resolver.span_filter = "document", make_span_filter()  # no guards: every model span counts
    try:
        with nlp.select_pipes(disable=off):
            return evaluate(nlp, docs)
    finally:
        model.scope, resolver.span_filter = scope, span_filter


def performance(scores: Scores) -> dict[str, Any]:
    """Scores in the shape of spaCy's ``meta["performance"]`` (fractions, per label)."""
    p, r, f = scores.prf()
    per_type = {}
    for label in LABELS:
        lp, lr, lf = scores.prf(label)
        per_type[label] = {"p": round(lp, 4), "r": round(lr, 4), "f": round(lf, 4)}
    return {"ents_p": round(p, 4), "ents_r": round(r, 4), "ents_f": round(f, 4), "ents_per_type": per_type}


def pipeline_meta(result: TrainResult, *, train: str, train_docs: int, dev: str | None) -> dict[str, Any]:
    """``nlp.meta`` of a trained pipeline: the library's name, version, description and
    licence, the scores on ``dev`` (when given) and how it was trained."""
    meta = library_meta()
    if result.dev_scores is not None:
        meta["performance"] = performance(result.dev_scores)
    meta["cluster_ner"] = {
        "train": train,
        "train_docs": train_docs,
        "dev": dev,
        "seed": result.seed,
        "steps": result.steps,
        "seconds": round(result.seconds, 1),
    }
    return meta


def report(result: TrainResult, dev_name: str = "dev") -> str:
    """The per-label tables printed by ``cluster-ner train``."""
    parts = [f"trained {result.steps} steps in {result.seconds:.1f} s"]
    if result.dev_scores is not None:
        assert result.rules_dev_scores is not None
        parts.append(format_scores(result.rules_dev_scores, title=f"== rules only on {dev_name}"))
        parts.append(format_scores(result.dev_scores, title=f"== rules + model on {dev_name}"))
    return "\n\n".join(parts)
