"""What each metric is about: subject, period, status and change (``cluster_ner_context``).

* :mod:`.date`: the document date a text states;
* :mod:`.holders`: who may hold a quantity in a document;
* :mod:`.cues`: target or actual, up or down;
* :mod:`.component`: the spaCy component that puts them together.
"""
