"""The compound splitter's vocabulary, read from the index itself.

The splitter needs every exact form in the library. The index already
keeps them (the ``forms`` lexicon records, added at every commit), so the
vocabulary is a look-up in the index's term dictionary: nothing is
gathered from the documents, at start or for a query, and it grows with
each incremental update. While indexing, the forms of the documents of the
batch being written (not yet committed) are consulted as well.
"""

from __future__ import annotations

from typing import Any

from briefing_reader.core.search.text import CompoundSplitter


class IndexVocabulary:
    """Set-like: ``word in vocabulary`` asks the index's ``forms`` lexicon.

    Args:
        reader: a Whoosh reader of the index (None: only ``pending``); it
            may be replaced by a newer one (the answers kept stay true: the
            lexicon only grows).
        pending: forms of documents being indexed, not committed yet.
        stop_words: never known words.
        index: the index, to ask again once ``reader`` is closed (a result's
            snippets are made lazily, possibly after its searcher was
            replaced by a newer one).
    """

    def __init__(
        self,
        reader: Any,
        pending: set[str],
        stop_words: frozenset[str] = frozenset(),
        index: Any = None,
    ) -> None:
        self.reader = reader
        self._pending = pending
        self._stop_words = stop_words
        self._index = index
        self._known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or len(word) < 3 or word.isdigit():
            return False
        if word in self._stop_words:
            return False
        if word in self._pending:
            return True
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = self._look_up(word)
        return known

    def _look_up(self, word: str) -> bool:
        if self.reader is None:
            return False
        from whoosh.reading import ReaderClosed

        from briefing_reader.core.search import _whoosh  # noqa: F401 (Whoosh, quietly)

        try:
            return ("forms", word) in self.reader
        except ReaderClosed:
            if self._index is None:
                return False
            with self._index.reader() as reader:
                return ("forms", word) in reader


class IndexSplitter(CompoundSplitter):
    """A :class:`CompoundSplitter` whose vocabulary is an :class:`IndexVocabulary`."""

    def __init__(self, vocabulary: IndexVocabulary, min_length: int = 8) -> None:
        self.vocabulary = vocabulary
        self.min_length = min_length
        self._cache: dict[str, tuple[str, ...]] = {}
