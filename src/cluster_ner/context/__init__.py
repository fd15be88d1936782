"""What each metric is about: subject, period, status and change (``cluster_ner_context``).

* :mod:`.date`: the document date a text states;
* :mod:`.holders`: who may hold a quantity in a document (:class:`~.holders.DocumentHolders`),
  with :mod:`.holder_base` (a holder and its kinds), :mod:`.holder_places` (places, zones,
  towns, regions, scope words) and :mod:`.holder_companies_events` (companies, events);
* :mod:`.subjects`: which holder a number belongs to, and the paragraph's topic;
* :mod:`.periods` and :mod:`.sentences`: where a number's sentence, clause and table
  start, and which time applies;
* :mod:`.cues`: target or actual, up or down;
* :mod:`.component`: the spaCy component that puts them together.
"""
