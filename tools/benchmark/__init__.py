"""``manage.py search_benchmark``: a generated corpus of Serbian documents, the queries and the timing.

The corpus is deterministic: document ``n`` of seed ``s`` is the same text whatever the
corpus size, so the 10,000-document corpus is the first tenth of the 100,000 one and two
runs on two machines measure the same thing. Texts are built from real Serbian: the
sentences of the offices' seed texts and the demo content, civic-administration
templates filled with organisations, people, places, amounts, dates and reference numbers
(nouns in the cases the sentence needs), mostly Cyrillic with Latin passages and
Latin-script twins, as the site's own content is. Lengths follow what the site holds:
titles of 5-15 words, bodies of 100-2,000 words with a long tail.

Entries are stored the way ``search.entries`` stores them (display titles and text, the
normalised ``search_title``/``search_text``), inserted with ``bulk_create`` (no signals)
under keys ``bench:<n>``, and indexed per backend the way ``update_index`` does it.

- ``vocabulary``: the words and sentences the corpus is made of;
- ``slots``: the fillers of one document (people, places, amounts...) and the sentence templates;
- ``titles``: a title per kind of page or registry document;
- ``corpus``: documents and the search entries made from them;
- ``queries``: what the benchmark searches for;
- ``timing``: percentiles and the Markdown tables of the report;
- ``store``, ``measure``, ``report``: what the command does with the database, the backends and the output.

``make bench`` (``python -m tools.benchmark.pages``) is the page benchmark, in the ``pages*`` modules:
``pages`` runs it (scratch database, the Procfile's web process), ``pages_targets`` finds the URLs and
counts their queries (``manage.py page_benchmark_targets``), ``pages_phase`` measures one phase,
``pages_front`` puts Varnish in front and nginx beside, ``pages_load`` is the load generator (wrk or
Python), ``pages_cpu`` reads server CPU from /proc, ``pages_nginx`` runs nginx, ``pages_report``
writes docs/benchmarks/pages.md.
"""
