"""Running a parsed query on a Whoosh searcher: matches, hits, suggestion.

Imports Whoosh (see :mod:`._whoosh`); import it lazily.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from briefing_reader.core.search import collect, ranking
from briefing_reader.core.search._whoosh import wq
from briefing_reader.core.search.query import Phrase, Prefix, Query, Term, Word
from briefing_reader.core.search.results import Highlighter, SearchResult
from briefing_reader.core.search.text import (
    WORD,
    CompoundSplitter,
    DutchTerms,
    fold,
    verb_forms,
)

_MIN_PREFIX = 2
MAX_EXPANSIONS = 256
"""A ``prefix*`` matches at most this many words (the most frequent)."""
TIER_FIRST = 200
"""The best records of a big ranking tier are picked without sorting it all."""


class TermSet(wq.Query):
    """Passages containing any of ``texts`` in ``fieldname``, all with one score.

    Evaluated by :mod:`.collect` as one union of bitmaps; Whoosh's own
    ``Or`` of many terms builds a tree of union matchers that costs far more
    (a ``prefix*`` matching a common word took 400 ms at 2,000 documents).
    """

    def __init__(self, fieldname: str, texts: list[str], score: float = 1.0) -> None:
        self.fieldname = fieldname
        self.texts = sorted(set(texts))
        self.score = score
        self.boost = 1.0

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, TermSet)
            and other.fieldname == self.fieldname
            and other.texts == self.texts
            and other.score == self.score
        )

    def __hash__(self) -> int:
        return hash((self.fieldname, tuple(self.texts), self.score))

    def __repr__(self) -> str:
        return f"TermSet({self.fieldname!r}, {self.texts[:5]!r}..., {len(self.texts)})"

    def is_leaf(self) -> bool:
        return True

    def field(self) -> str:
        return self.fieldname

    def estimate_size(self, ixreader: Any) -> int:
        return sum(ixreader.doc_frequency(self.fieldname, t) for t in self.texts)

    def estimate_min_size(self, ixreader: Any) -> int:
        return 0


@dataclass
class Compiled:
    """A query ready for Whoosh, with what highlighting and checking need.

    Attributes:
        query: the Whoosh query (filters apart).
        forms: exact forms that fuzzy terms expanded to (for highlighting).
        verify: phrases of three or more words that every hit must contain.
    """

    query: Any
    forms: set[str] = field(default_factory=set)
    verify: list[tuple[str, ...]] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)


@dataclass
class Group:
    """One required part of a query (a word, a phrase, ``a OR b``).

    Attributes:
        label: the part as the user may read it ("taaleis", "a OR b").
        query: its Whoosh query, excluded terms applied.
        keys: the body keys of a plain word (its own and those of verb
            forms joined to it), for telling whole words from compound
            parts; None for other parts.
    """

    label: str
    query: Any
    keys: set[str] | None = None


def compile_term(term: Term, terms: DutchTerms, reader: Any, out: Compiled) -> Any:
    """The Whoosh query for one term of the query language."""
    if isinstance(term, Word):
        keys = word_keys(term, terms, reader, out)
        if len(keys) == 1:
            return wq.Term("body", keys[0])
        return wq.Or([wq.Term("body", key) for key in keys])
    if isinstance(term, Phrase):
        words = term.words
        if len(words) == 1:
            return wq.Term("body", terms.key(words[0]) or words[0])
        pairs = [wq.Term("pairs", f"{a} {b}") for a, b in pairwise(words)]
        return pairs[0] if len(pairs) == 1 else wq.And(pairs)
    forms: list[str] = []
    if isinstance(term, Prefix):
        if len(term.text) >= _MIN_PREFIX:
            forms = _prefixed(reader, term.text)
    else:
        forms = sorted(_within(reader, term.text, term.distance))
        out.forms.update(forms)
    body_keys = {terms.key(form) or form for form in [term.text, *forms]}
    return TermSet("body", sorted(body_keys))


def word_keys(term: Word, terms: DutchTerms, reader: Any, out: Compiled) -> list[str]:
    """The body keys a plain word matches: its own, or forms of its verb.

    A verb form that occurs nowhere in the library (``handhaaft``) is
    joined to the forms of the same verb that do (``handhaven``,
    ``gehandhaafd``): Snowball leaves them apart. A form the library holds
    is searched as it is, so nouns never drift to look-alike verbs. The
    joined forms are added to ``out.forms`` for highlighting.
    """
    own = terms.key(term.text)
    if own is None or ("body", own) in reader:  # stops at the first segment holding it
        return [own or term.text]
    forms = sorted(f for f in verb_forms(term.text) if ("forms", f) in reader)
    keys = {own} | {terms.key(f) or f for f in forms}
    out.forms.update(forms)
    return sorted(keys)


def compile_query(parsed: Query, terms: DutchTerms, reader: Any) -> Compiled:
    """The Whoosh query for a parsed query (without its filters).

    Stop words among other words are left out (they would match almost
    every unit); a query of stop words only searches them.
    """
    out = Compiled(None)
    content = any(
        not (isinstance(t, Word) and terms.key(t.text) is None) for t in parsed.positive_terms()
    )
    groups = []
    for group in parsed.required:
        kept = [
            t for t in group if not (content and isinstance(t, Word) and terms.key(t.text) is None)
        ]
        if not kept:
            continue
        compiled = [compile_term(t, terms, reader, out) for t in kept]
        groups.append(compiled[0] if len(compiled) == 1 else wq.Or(compiled))
        keys = None
        words = [t for t in kept if isinstance(t, Word)]
        if len(words) == len(kept):
            keys = {k for t in words for k in word_keys(t, terms, reader, out)}
        out.groups.append(Group(" OR ".join(_label(t) for t in kept), groups[-1], keys))
        if len(kept) == 1 and isinstance(kept[0], Phrase) and len(kept[0].words) != 2:
            out.verify.append(kept[0].words)
    positive = (groups[0] if len(groups) == 1 else wq.And(groups)) if groups else None
    if positive is None:
        positive = TermSet("scope", ["all"])  # only excluded words: every passage
    if parsed.excluded:
        negative = wq.Or([compile_term(t, terms, reader, out) for t in parsed.excluded])
        positive = wq.AndNot(positive, negative)
        for part in out.groups:
            part.query = wq.AndNot(part.query, negative)
    out.query = positive
    return out


def _label(term: Term) -> str:
    """A term as the user may read it back."""
    if isinstance(term, Word):
        return term.text
    if isinstance(term, Phrase):
        return f'"{" ".join(term.words)}"' if len(term.words) > 1 else term.words[0]
    if isinstance(term, Prefix):
        return f"{term.text}*"
    return f"{term.text}~"


def _prefixed(reader: Any, prefix: str) -> list[str]:
    found = [_text(t) for t in reader.expand_prefix("forms", prefix)]
    if len(found) > MAX_EXPANSIONS:  # keep the shortest: the likeliest stems
        found = sorted(found, key=lambda t: (len(t), t))[:MAX_EXPANSIONS]
    return found


def _within(reader: Any, text: str, distance: int) -> set[str]:
    forms: set[str] = set()
    for leaf, _offset in reader.leaf_readers():
        forms.update(
            _text(t)
            for t in leaf.terms_within("forms", text, distance, prefix=1 if len(text) > 3 else 0)
        )
    return forms


def _text(term: str | bytes) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


def make_filter(parsed: Query, doc: str | None, actions_only: bool) -> Any:
    """The Whoosh filter for the ``doc:``/``in:acties`` filters and options."""
    filters = []
    if doc or parsed.doc:
        filters.append(wq.Term("doc", doc or parsed.doc))
    if actions_only or parsed.actions_only:
        filters.append(wq.Term("scope", "action"))
    if not filters:
        return None
    return filters[0] if len(filters) == 1 else wq.And(filters)


def highlighter(
    parsed: Query, terms: DutchTerms, forms: set[str], splitter: CompoundSplitter | None
) -> Highlighter:
    """A highlighter for the query's positive terms.

    ``forms`` are the exact forms fuzzy terms matched in the index, so that
    exactly the words the search found are marked.
    """
    keys: set[str] = set()
    exact: set[str] = set(forms)
    words: set[str] = set()
    prefixes: list[str] = []
    phrases: list[tuple[str, ...]] = []
    positive = parsed.positive_terms()
    content = any(not (isinstance(t, Word) and terms.key(t.text) is None) for t in positive)
    for term in positive:
        if isinstance(term, Word):
            key = terms.key(term.text)
            if key is None:
                if not content:
                    exact.add(term.text)
            else:
                keys.add(key)
                words.add(term.text)
        elif isinstance(term, Phrase):
            if len(term.words) == 1:
                exact.add(term.words[0])
            else:
                phrases.append(term.words)
        elif isinstance(term, Prefix):
            prefixes.append(term.text)
        else:
            exact.add(term.text)
    return Highlighter(
        terms.key,
        keys,
        exact,
        tuple(prefixes),
        phrases,
        splitter.parts if splitter is not None else None,
        words,
    )


def run(
    searcher: Any,
    parsed: Query,
    terms: DutchTerms,
    splitter: CompoundSplitter | None,
    *,
    doc: str | None,
    actions_only: bool,
    limit: int,
) -> SearchResult:
    """Search and build the result: top hits (snippets made lazily), totals, suggestion.

    A hit is a passage (unit) holding every part of the query, in the
    order of :mod:`.ranking`; records (a document, or 64 passages of a long
    one) are scored by BM25, so the passages of the best document come
    together.

    When no passage holds every part of a query of several parts, the
    result is partial: the passages holding the most parts, each hit saying
    which it lacks, and ``missing`` naming the parts found nowhere at all.
    """
    result = SearchResult(parsed.text, malformed=parsed.malformed)
    if parsed.empty:
        return result
    compiled = compile_query(parsed, terms, searcher.reader())
    result.highlighter = marker = highlighter(parsed, terms, compiled.forms, splitter)
    postings = _postings_of(searcher)
    matches, held = _matches(postings, compiled, make_filter(parsed, doc, actions_only), result)
    lacking: Mapping[tuple[int, int], tuple[str, ...]] = (
        ranking.Lacking([g.label for g in compiled.groups], held) if held else {}
    )
    keyed = [group.keys for group in compiled.groups]
    tiers = ranking.tiers(postings, keyed, matches, held)
    page = ranking.Page(postings, compiled.verify, marker, max(1, limit), lacking)
    ranked = ranking.ranked(postings, matches, tiers, TIER_FIRST)
    result.hits, result.total, result.documents = page.fill(ranked, matches)
    result.suggestion = suggest(searcher, parsed, terms)
    return result


def _matches(
    postings: collect.Postings, compiled: Compiled, filter_: Any, result: SearchResult
) -> tuple[collect.Matches, list[collect.Bits]]:
    """The passages to show, and (in a partial result) those holding each part.

    Sets ``result.partial`` and ``result.missing``.
    """
    matches = collect.evaluate(postings, compiled.query)
    allowed = None
    if filter_ is not None:
        allowed = collect.evaluate(postings, filter_, score=False).units
        matches.units = collect.intersection([matches.units, allowed])
    if matches.units or not compiled.groups:
        return matches, []
    parts = [collect.evaluate(postings, group.query) for group in compiled.groups]
    if allowed is not None:
        for part in parts:
            part.units = collect.intersection([part.units, allowed])
    result.missing = [
        g.label for g, part in zip(compiled.groups, parts, strict=True) if not part.units
    ]
    held = [part.units for part in parts]
    matches = collect.Matches(collect.union(held), [leaf for part in parts for leaf in part.leaves])
    result.partial = bool(matches.units) and len(compiled.groups) > 1
    return matches, held


def _postings_of(searcher: Any) -> collect.Postings:
    """The postings kept with ``searcher`` (they go with it)."""
    kept = getattr(searcher, "_briefing_postings", None)
    if kept is None:
        kept = collect.Postings(searcher)
        searcher._briefing_postings = kept
    return kept


def suggest(searcher: Any, parsed: Query, terms: DutchTerms) -> str | None:
    """The query with unknown words replaced by the likeliest known word.

    A word is unknown when its key is not in the index; the replacement is
    the indexed word at most two edits away (one for words of up to five
    letters), sharing the first letter, whose key occurs in most units.
    None when nothing changed.
    """
    reader = searcher.reader()
    replace: dict[str, str] = {}
    for term in parsed.positive_terms():
        if not isinstance(term, Word) or len(term.text) < 3 or term.text.isdigit():
            continue
        key = terms.key(term.text) or term.text
        if ("body", key) in reader:
            continue
        options = _within(reader, term.text, 1 if len(term.text) <= 5 else 2)
        options.discard(term.text)
        if options:
            word = term.text
            replace[word] = max(
                sorted(options),
                key=lambda form: (
                    reader.doc_frequency("body", terms.key(form) or form),
                    -abs(len(form) - len(word)),
                ),
            )
    if not replace:
        return None

    def swap(match: re.Match[str]) -> str:
        return replace.get(fold(match.group()), match.group())

    suggestion = re.sub(WORD.pattern, swap, parsed.text)
    return suggestion if suggestion != parsed.text else None
