"""Dutch full-text search over the library (Whoosh), without Qt.

Importing this package is cheap: Whoosh (~70 ms) is imported on the first
build or search, so the window can import it at start-up.

Typical use by the window::

    index = SearchIndex(paths.search_index)
    # in a worker thread (QThread), with a progress bar:
    index.update(library, progress=lambda done, total: ...)
    if index.warning:            # in memory only: tell the user once
        show(index.warning)
    # on the GUI thread, as the user types:
    result = index.search("taaleis gemeenten", doc=None, actions_only=False, limit=50)
    result.suggestion            # "bedoelde u ...?" or None
    for doc_id, hits in result.by_document().items():
        for hit in hits:         # Hit: doc, doc_title, anchor, section_path, kind,
            hit.snippet_html     #      snippet, snippet_spans, score, matched_words
    # opening a hit: highlight every match in the document's plain text
    # (QTextDocument positions equal plain-text offsets)
    for start, end in result.spans(document_plain_text): ...

:class:`SearchIndex` (``index.py``)
    ``SearchIndex(directory | None, *, lock_timeout=3.0)``;
    ``update(library, progress=None) -> UpdateReport`` (added, changed,
    removed, rebuilt, seconds) builds or updates incrementally (only added,
    changed or removed documents), rebuilding a missing, stale or corrupt
    index silently and falling back to memory (with ``warning``) when the
    directory cannot be written or another process holds the write lock;
    ``is_current(library)``; ``search(query, *, doc=None,
    actions_only=False, limit=50) -> SearchResult``; ``highlighter(query)
    -> Highlighter``; ``ready``; ``in_memory``; ``warning``; ``close()``.
    One writer at a time; searches may run on another thread meanwhile.
:func:`fingerprint` (``storage.py``)
    Digest of schema version plus document ids and source hashes.
:class:`SearchResult`, :class:`Hit`, :class:`Highlighter` (``results.py``)
    ``SearchResult``: ``query``, ``hits``, ``total``, ``suggestion``,
    ``malformed``, ``index_ready``, ``partial`` (no unit holds every part
    of the query: the hits hold the most), ``missing`` (parts found
    nowhere), ``spans(text)``, ``by_document()``, ``to_json()``. ``Hit``:
    ``doc``, ``doc_title``, ``anchor``, ``section_path`` ('' before the
    first heading), ``kind`` (paragraph, heading, action, footnote,
    table), ``score``, ``text``, ``missing`` (parts this unit lacks, in a
    partial result); made on first use: ``snippet`` (a table's matching
    rows as "label | column: value"),
    ``snippet_spans``, ``snippet_html`` (``<b>`` marks), ``spans`` (in
    ``text``), ``matched_words`` (surface forms). ``Highlighter.spans(text)``
    and ``.words(text)`` mark the query in any text.
:func:`parse` (``query.py``)
    The query language: words (all must occur), ``"exact phrase"``,
    ``OR``, ``NOT`` / ``-word``, ``prefix*``, ``fuzzy~``, ``doc:ID``,
    ``in:acties``; a malformed query is searched as plain words.
:class:`SearchError` (``errors.py``)
    The one exception of the package: the index itself failed. A search
    raises it once for a damaged index; later searches answer
    ``index_ready=False`` until :meth:`SearchIndex.update` has rebuilt it.

Units (``units.py``): paragraphs and list items (``p-N``), headings (their
id), tables (``tabel-N``), footnotes (``fn-LABEL``), sub-action titles (the
sub-action id); everything inside an action or sub-action has kind
``action``.

Index (``schema.py``): a record per document (per 64 units of a long one);
each term's posting holds the bitmap of the record's units holding it, so a
query is set algebra on records and bitmaps (``collect.py``), never a walk
over every passage.

Ranking (``ranking.py``): passages holding more parts of the query, then
more parts as whole words (not compound parts), then the letters before
our companion documents; within that, records by their BM25 score for
the query, a record's passages together (headings first, then in reading
order). ``total`` counts passages, ``documents`` documents.

Dutch analysis (``text.py``): tokens are runs of letters and digits, lower
cased with accents folded; Snowball's Dutch stemmer plus a small
normalisation step (:func:`~.text.normalise_stem`: ``moties`` = ``motie``);
a query word found nowhere is joined to the forms of its verb the library
holds (:func:`~.text.verb_forms`: ``handhaaft`` finds ``handhaven``);
stop words are left out of queries that have other words; compound parts,
split against the library's vocabulary, are indexed with a tiny weight so
they rank below whole words. Phrases use an index of word pairs, so they
cost no more than a word (``schema.py`` explains the fields).
"""

from briefing_reader.core.search.errors import SearchError
from briefing_reader.core.search.index import SearchIndex, UpdateReport
from briefing_reader.core.search.query import Query, parse
from briefing_reader.core.search.results import Highlighter, Hit, SearchResult
from briefing_reader.core.search.storage import fingerprint

__all__ = [
    "Highlighter",
    "Hit",
    "Query",
    "SearchError",
    "SearchIndex",
    "SearchResult",
    "UpdateReport",
    "fingerprint",
    "parse",
]
