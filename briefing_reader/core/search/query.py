"""The query language, parsed into a small tree (no Whoosh here).

Grammar, by example:

=====================  ==================================================
``taaleis gemeenten``  every word must occur (stemmed: ``gemeente`` too)
``"open en vrij"``     exact phrase: unstemmed, accents folded, stop
                       words kept
``taal OR werk``       either; binds tighter than the implied AND
``NOT asiel``          must not occur; ``-asiel`` is the same
``inburger*``          prefix of an unstemmed word
``statushoudres~``     fuzzy: one edit away, two for words of 8+ letters
                       (``~1``, ``~2``: say how many)
``doc:kst-32824-456``  only this document
``in:acties``          only text inside actions and sub-actions
=====================  ==================================================

A word with inner punctuation (``Staten-Generaal``) is a phrase of its
parts. A malformed query (an unclosed quote, a dangling ``OR`` or ``NOT``,
a bare ``*`` or ``~``, an empty filter) is never an error: it is searched as
its plain words, and :attr:`Query.malformed` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_reader.core.search.text import WORD, fold

_TOKEN = re.compile(r'"[^"]*"|\S+')
_FUZZY = re.compile(r"^(.*?)~(\d?)$")
_ACTIONS = {"acties", "actie", "actions", "action", "deelacties"}


@dataclass(frozen=True)
class Word:
    """A word to match by key (stemmed), in body, title or compound parts."""

    text: str


@dataclass(frozen=True)
class Phrase:
    """Consecutive exact forms (a single form: that exact word)."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class Prefix:
    """Exact forms starting with ``text``."""

    text: str


@dataclass(frozen=True)
class Fuzzy:
    """Exact forms within ``distance`` edits (insert, delete, replace) of ``text``."""

    text: str
    distance: int = 1


Term = Word | Phrase | Prefix | Fuzzy


@dataclass
class Query:
    """A parsed query.

    Attributes:
        text: the query as typed.
        required: groups that must all match; a group matches when any of
            its terms does (``a OR b`` is one group of two).
        excluded: terms that must not match.
        doc: the ``doc:`` filter, or None.
        actions_only: ``in:acties`` was given.
        malformed: the query was not well formed and was read as plain words.
    """

    text: str
    required: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    doc: str | None = None
    actions_only: bool = False
    malformed: bool = False

    @property
    def empty(self) -> bool:
        return not self.required and not self.excluded

    def positive_terms(self) -> list[Term]:
        return [term for group in self.required for term in group]


class _Malformed(Exception):
    pass


def parse(text: str) -> Query:
    """Parse ``text``; never raises (a malformed query becomes plain words)."""
    try:
        return _parse(text)
    except _Malformed:
        query = Query(text, malformed=True)
        for word in WORD.findall(fold(text)):
            if word not in ("or", "not", "and"):
                query.required.append([Word(word)])
        return query


def _parse(text: str) -> Query:
    if text.count('"') % 2:
        raise _Malformed
    query = Query(text)
    pending_or = False
    negate = False
    for raw in _TOKEN.findall(text):
        if raw in ("OR", "|"):
            if pending_or or negate or not query.required:
                raise _Malformed
            pending_or = True
            continue
        if raw in ("AND", "&"):
            continue
        if raw == "NOT":
            if negate:
                raise _Malformed
            negate = True
            continue
        if raw.startswith("-") and len(raw) > 1 and not raw.startswith("--") and not negate:
            negate, raw = True, raw[1:]
        if _filter(raw, query):
            if pending_or or negate:
                raise _Malformed
            continue
        term = _term(raw)
        if term is None:
            if negate or pending_or:
                raise _Malformed
            continue  # punctuation only: nothing to search
        if negate:
            if pending_or:
                raise _Malformed
            query.excluded.append(term)
            negate = False
        elif pending_or:
            query.required[-1].append(term)
            pending_or = False
        else:
            query.required.append([term])
    if pending_or or negate:
        raise _Malformed
    return query


def _filter(raw: str, query: Query) -> bool:
    name, sep, value = raw.partition(":")
    if not sep or name.lower() not in ("doc", "in"):
        return False
    if not value:
        raise _Malformed
    if name.lower() == "doc":
        query.doc = value
        return True
    if value.lower() in _ACTIONS:
        query.actions_only = True
        return True
    raise _Malformed


def _term(raw: str) -> Term | None:
    if raw.startswith('"'):
        quoted = tuple(WORD.findall(fold(raw[1:-1])))
        return Phrase(quoted) if quoted else None
    fuzzy = _FUZZY.match(raw)
    if fuzzy:
        words = WORD.findall(fold(fuzzy.group(1)))
        if len(words) != 1:
            raise _Malformed
        default = 2 if len(words[0]) >= 8 else 1
        distance = min(int(fuzzy.group(2) or default), 2)
        return Fuzzy(words[0], max(distance, 1))
    if raw.endswith("*"):
        words = WORD.findall(fold(raw.rstrip("*")))
        if len(words) != 1 or raw.count("*") != len(raw) - len(raw.rstrip("*")):
            raise _Malformed
        return Prefix(words[0])
    words = WORD.findall(fold(raw))
    if not words:
        return None
    if len(words) == 1:
        return Word(words[0])
    return Phrase(tuple(words))
