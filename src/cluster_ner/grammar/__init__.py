"""One grammar per label, shared by its recognizer and its attributes.

* :mod:`.gov`: ``[中共] [prefix] [domains] head`` — a government body's name, with
  :mod:`.gov_tables` (its heads, domains and word tries), :mod:`.gov_candidates`
  (where a name starts in running text), :mod:`.gov_congress` (terms, congresses,
  CPPCC committees) and :mod:`.gov_rejections` (mentions that name no body);
* :mod:`.cluster`: ``[places] industry head`` — a cluster's name, with
  :mod:`.cluster_words` (its tables and the words a name is read from) and
  :mod:`.cluster_split` (a found name split into places and industry);
* :mod:`.metric`: ``qualifier number multiplier unit qualifier`` — a stated quantity,
  with :mod:`.numbers` for the number itself, :mod:`.metric_words` for its units
  and qualifiers, :mod:`.metric_ranks` for ranks (位列第4, 50强),
  :mod:`.metric_spans` for ranges, shared units and noise inside numbers,
  :mod:`.metric_ratios` and :mod:`.metric_table_cells` for quantities without a
  unit beside them, and :mod:`.metric_furniture` for where none is read;
* :mod:`.places`: the chains of places the names start with;
* :mod:`.time`: time expressions (2023年, 上半年, 1—6月, “十四五”期间 …) and their
  normalized periods, for a metric's context.

Each reads its word lists from the package's resources (:mod:`cluster_ner.lexicon`)
and derives its regexes from them, so a word added to a data file is both
recognized and parsed.
"""
