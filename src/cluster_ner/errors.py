"""Every message the library shows a user, in one place.

Each error class carries its message templates so that the wording lives here
and nowhere else; call sites format them with keyword arguments.
"""

from __future__ import annotations

from typing import Any


class ClusterNerError(Exception):
    """Base class of the errors raised by cluster_ner."""


class GoldFormatError(ClusterNerError, ValueError):
    """A gold / training file does not follow the documented format."""


class PatternsFileError(ClusterNerError, ValueError):
    """A user patterns file has a bad line."""


class ModelLoadError(ClusterNerError, OSError):
    """A pipeline directory is missing or cannot be loaded."""


class InputDecodeError(ClusterNerError, ValueError):
    """Bytes given as text could not be decoded with any supported encoding."""


class WorkerCrashError(ClusterNerError, RuntimeError):
    """A worker process died while it held a batch of documents (killed, out of memory, a native crash)."""


class OffsetMapMissingError(ClusterNerError, ValueError):
    """A Doc with entities has lost its user data (the offset map into the original text)."""


def check_offset_map(doc: Any) -> None:
    """Refuse a Doc whose entities can no longer be mapped to the original text.

    The cleaning tokenizer keeps the raw text and the offset map in
    ``doc.user_data``, and the attribute component keeps every entity's
    values there. A Doc with entities and no user data at all was saved
    without it — ``DocBin(store_user_data=False)``, spaCy's default — so its
    offsets would silently be offsets into the cleaned text.

    Raises:
        OffsetMapMissingError: saying how to keep the user data.
    """
    if len(doc.ents) and not doc.user_data:
        raise OffsetMapMissingError(Messages.OFFSET_MAP_MISSING)


class Messages:
    """Message templates, formatted with ``str.format``."""

    NOT_TEXT = (
        "{arg} must be str (or bytes to be decoded), got {type_name}. "
        "Convert it first, e.g. str(value), or skip missing values."
    )
    UNDECODABLE = (
        "{arg}: could not decode {n_bytes} bytes with any of the encodings "
        "tried ({encodings}). Decode it yourself and pass a str."
    )
    GOLD_BAD_JSON = "{path}, {where}: not valid JSON ({detail})."
    GOLD_MISSING_FIELD = "{path}, {where}: missing field {field!r}."
    GOLD_UNKNOWN_LABEL = (
        "{path}, {where}: unknown label {label!r}; expected one of {labels}."
    )
    GOLD_BAD_OFFSETS = (
        "{path}, {where}: span [{start}, {end}) is outside the text "
        "(length {length}) or empty."
    )
    GOLD_TEXT_MISMATCH = (
        "{path}, {where}: span [{start}, {end}) covers {actual!r}, "
        "but its \"text\" says {expected!r}."
    )
    GOLD_OVERLAP = "{path}, {where}: spans {first} and {second} overlap."
    GOLD_BAD_SHAPE = "{path}, {where}: {detail}."
    GOLD_UNKNOWN_SHAPE = (
        "{path}, {where}: not a document of a known format (gold {{\"text\", \"spans\"}}, "
        "a Label Studio task or JSON-MIN item, a Doccano line); its fields are {fields}."
    )
    GOLD_NOT_UTF8 = "{path}: not UTF-8 text ({detail}); gold and exports are read as UTF-8."
    GOLD_IS_DIR = "{path} is a folder; give a gold file (.jsonl, .json, .spacy or a Doccano .zip)."
    GOLD_BAD_DOCBIN = "{path}: not a spaCy DocBin ({detail})."
    GOLD_NO_DOCS = "{path}: no documents to {purpose}{why}."
    GOLD_SKIPPED = "{path}: skipped {n} of {total} {unit}: {reasons}."
    GOLD_SEVERAL_ANNOTATIONS = (
        "{n} task(s) with several annotations used the ground-truth one, else the most recent: {ids}."
    )
    CONVERT_SUFFIX = "Cannot write {path}: the output of convert is a spaCy DocBin, name it *.spacy."
    MARKUP_UNBALANCED = "markup: unbalanced [[ ]] near character {pos}: {context!r}"
    MARKUP_BAD_LABEL = "markup: unknown label {label!r} near character {pos}; expected one of {labels}."
    PATTERNS_BAD_LINE = "{path}, line {line}: {detail}"
    MODEL_MISSING = (
        "No cluster_ner pipeline at {path}: the directory does not exist. "
        "Pass the directory written by nlp.to_disk() or `cluster-ner train`."
    )
    MODEL_CORRUPT = (
        "The pipeline at {path} could not be loaded ({detail}). "
        "Is it a complete directory written by nlp.to_disk()?"
    )
    BAD_OVERRIDE = "Config override {item!r} is not KEY=VALUE (e.g. components.cluster_ner_model.scope=document)."
    MODEL_SCOPE = "cluster_ner_model: unknown scope {scope!r}; expected one of {scopes}."
    BASE_MISSING = (
        "The base pipeline {name!r} is not installed. Install it with "
        "`python -m spacy download {name}` (or pip install its wheel), or call "
        "load() without base= to use the built-in spacy.blank('zh') base."
    )
    BAD_OUTPUT_SUFFIX = (
        "Cannot write {path}: unknown output format {suffix!r}; "
        "use .csv, .jsonl or .parquet."
    )
    OUTPUT_UNWRITABLE = "Cannot write {path}: {detail}"
    PARQUET_MISSING = (
        "Cannot write {path}: Parquet needs pyarrow, which is not installed. "
        "Install it (pip install pyarrow, or the project's [parquet] extra), or write .csv or .jsonl."
    )
    INPUT_UNREADABLE = "Cannot read {path}: {detail}"
    INPUTS_UNREADABLE = "Cannot read {n} of {total} input file(s), the others were processed: {files}"
    CLI_NOT_INT = "{value!r} is not a whole number"
    CLI_TOO_SMALL = "{value} is too small: give {low} or more{extra}"
    PATTERNS_LIST_BAD = (
        "{detail} ({n} bad line(s); fix the line, or remove it with "
        "`cluster-ner patterns remove --line {line} --model {model}`)"
    )
    PATTERNS_REMOVE_WHAT = "Say what to remove: a pattern ID, or --line N."
    INPUT_LENGTH = "{arg} has {n_items} items but texts has {n_texts}: give exactly one per text."
    INPUT_RAN_OUT = "{arg} ran out after {n} items while texts had more: give exactly one per text."
    INPUT_LEFT_OVER = "{arg} has more items than texts ({n}): give exactly one per text."
    TEXTS_IS_ONE_TEXT = (
        "{arg} must be an iterable of documents (a list, a generator, a pandas Series), got one {type_name}; "
        "wrap it in a list, or use cluster_ner.extract() for one document."
    )
    TEXTS_NOT_ITERABLE = (
        "{arg} must be an iterable of documents (a list, a generator, a pandas Series), got {type_name}."
    )
    NOT_PIPELINE = (
        "nlp must be a spaCy pipeline from cluster_ner.load() (or None for the shipped one), got {type_name}; "
        "to load a saved pipeline use nlp=cluster_ner.load(path)."
    )
    NOT_POSITIVE_INT = "{arg} must be a whole number of 1 or more, got {value!r}."
    BAD_DATE = (
        "{arg} must be a date (YYYY-MM-DD, YYYY-MM, YYYY, a datetime.date or a pandas Timestamp) "
        "or missing, got {value!r}."
    )
    PER_VALUE = "per must be 'document' or 'batch', got {value!r}."
    N_PROCESS_VALUE = "n_process must be a positive number of processes or -1 (one per CPU), got {value!r}."
    WORKER_CRASHED = (
        "A worker process died while processing the batch that held this document (killed, out of "
        "memory, or a crash in a native library); the batch was run again in a fresh process and "
        "died again. Run this document alone with n_process=1 to see what happens."
    )
    OFFSET_MAP_MISSING = (
        "This Doc has entities but no user data: it was saved without it "
        "(DocBin(store_user_data=False) is spaCy's default), so the offsets into "
        "the original text and the entities' attributes are lost. Save Docs with "
        "DocBin(store_user_data=True) or Doc.to_bytes(), or run the pipeline on the text again."
    )
    # --- patterns in the pipeline ---
    PATTERNS_NO_FILE = "No patterns file at {path}."
    PATTERNS_LEGACY_IGNORED = (
        "{path} is no longer read when a pipeline loads (patterns now live in the "
        "pipeline, so that it gives the same entities on every machine). Use it "
        "explicitly: cluster_ner.load(patterns={path_str!r}), or save it into a "
        "pipeline folder: cluster-ner patterns import {path_str} --model DIR."
    )
    PATTERNS_NO_ID = "No pattern with id {pid!r} in {path}."
    PATTERNS_NO_LINE = "{path} has no line {line}."
    PATTERNS_NOT_A_PIPELINE = (
        "{path} is not a cluster_ner pipeline folder with a patterns component "
        "(no config.cfg naming cluster_ner_patterns). Give a folder written by "
        "nlp.to_disk() or `cluster-ner train`, or a new folder name to create one."
    )
    PATTERNS_SHIPPED_READ_ONLY = (
        "The shipped pipeline is not edited: give a pipeline folder with --model DIR "
        "(a new folder is created from the shipped pipeline)."
    )
    PATTERNS_BAD_JSON_ARG = "--json: the pattern is not valid JSON ({detail})."
    ON_ERROR_VALUE = "on_error must be 'report' or 'raise', got {value!r}."
    # --- context gold (CONTEXT.md) and metric tables ---
    CONTEXT_IS_DIR = "{path} is a folder; give context TSV files (e.g. corpus/context/*.tsv)."
    CONTEXT_FIELDS = (
        "{path}, line {line}: expected up to 10 tab-separated fields (doc_id, start, end, text, "
        "subject_kind, subject, period, status, change, measure), got {n}."
    )
    CONTEXT_BAD_OFFSETS = (
        "{path}, line {line}: start and end must be whole numbers with start < end, got {start!r} and {end!r}."
    )
    CONTEXT_BAD_VALUE = (
        "{path}, line {line}: {field} {value!r} is not one of {allowed} "
        "(alternatives separated by |, empty for none)."
    )
    CONTEXT_BAD_DATE = (
        "{path}, line {line}: the date of {doc_id} must be YYYY-MM-DD, YYYY-MM, YYYY or empty, got {value!r}."
    )
    CONTEXT_DATE_CONFLICT = "{path}, line {line}: {doc_id} has the date {second!r} here but {first!r} at {where}."
    CONTEXT_NO_METRICS = (
        "{path}: no metric lines (expected tab-separated doc_id, start, end, text, subject_kind, subject, "
        "period, status, change, measure, as CONTEXT.md says)."
    )
    CONTEXT_NO_DOCS = (
        "None of the {n} metrics of {paths} is in a document of {gold} (their documents are e.g. {examples}); "
        "give the gold JSONL whose documents the context files annotate."
    )
    CLI_NEEDS_CONTEXT = "{option} needs --context CONTEXT.tsv."
    NOT_A_FRAME = (
        "{arg} must be a pandas DataFrame (from cluster_ner.extract or extract_many, or read back from "
        "their CSV or Parquet), got {type_name}."
    )
    FRAME_MISSING_COLUMNS = (
        "{what} needs the column(s) {missing} of cluster_ner's frame, which this frame lacks; give a frame "
        "from cluster_ner.extract or extract_many (or one read back from their CSV or Parquet)."
    )
    FRAME_NOT_NUMBERS = "{what}: the column {column!r} must hold numbers, got {value!r}."
