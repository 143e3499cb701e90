"""Running a parsed query on a Whoosh searcher: hits, snippets, suggestion.

Imports Whoosh (see :mod:`._whoosh`); import it lazily.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import compress, pairwise
from typing import Any

from briefing_reader.core.search import collect
from briefing_reader.core.search import schema as _schema
from briefing_reader.core.search._whoosh import ListMatcher, NullMatcher, TermNotFound, wq
from briefing_reader.core.search.query import Phrase, Prefix, Query, Term, Word
from briefing_reader.core.search.results import Highlighter, Hit, SearchResult
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
"""The best units of a big ranking tier are picked without sorting it all."""
VERIFY_ALL = 300
"""Phrases of 3+ words are checked word by word on every candidate up to
this many candidates, above it on the hits returned only."""


class TermSet(wq.Query):
    """Units containing any of ``texts`` in ``fieldname``, all with one score.

    The union is built from plain posting lists in one pass; Whoosh's own
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

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        ids: set[int] = set()
        for text in self.texts:
            try:
                ids.update(reader.postings(self.fieldname, text).all_ids())
            except TermNotFound:
                continue
        if not ids:
            return NullMatcher()
        return ListMatcher(sorted(ids), all_weights=self.score)


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
    if own is None or reader.doc_frequency("body", own):
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
        positive = wq.Not(
            wq.Or([wq.Term("kind", _schema.MANIFEST_KIND), wq.Term("kind", _schema.LEXICON_KIND)])
        )
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
        filters.append(wq.Term("kind", "action"))
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


def contains_phrase(text: str, words: tuple[str, ...]) -> bool:
    """True when the exact forms ``words`` occur one after another in ``text``."""
    forms = WORD.findall(fold(text))
    n = len(words)
    return any(
        forms[i : i + n] == list(words) for i in range(len(forms) - n + 1) if forms[i] == words[0]
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
    """Search and build the result: top hits (snippets made lazily), total, suggestion.

    Order: units matching more of the query's parts first (in a partial
    result), then those matching more parts as whole words rather than
    compound parts, then the letters before our companion documents, then
    Whoosh's score. So for equal relevance the official text comes first.

    When no unit holds every part of a query of several parts, the result
    is partial: the units holding the most parts, each hit saying which it
    lacks, and ``missing`` naming the parts found nowhere at all.
    """
    result = SearchResult(parsed.text, malformed=parsed.malformed)
    if parsed.empty:
        return result
    reader = searcher.reader()
    compiled = compile_query(parsed, terms, reader)
    result.highlighter = marker = highlighter(parsed, terms, compiled.forms, splitter)
    limit = max(1, limit)
    filter_ = make_filter(parsed, doc, actions_only)
    try:
        fast = _fast(searcher, compiled, filter_, result)
    except collect.Unsupported:
        fast = None
    ranked: Iterable[tuple[int, float]]
    if fast is not None:
        ranked, total, lacking = fast
    else:
        scored = _scored(searcher, compiled.query, filter_)
        lacking = {}
        if not scored and compiled.groups:
            scored, lacking, result.missing = _partial(searcher, compiled.groups, filter_)
            result.partial = bool(scored) and len(compiled.groups) > 1
        in_order = _rank(searcher, compiled.groups, scored, lacking)
        ranked, total = in_order, len(in_order)
    result.hits, result.total = _hits(searcher, ranked, total, compiled, marker, limit, lacking)
    result.suggestion = suggest(searcher, parsed, terms)
    return result


def _fast(
    searcher: Any, compiled: Compiled, filter_: Any, result: SearchResult
) -> tuple[Iterator[tuple[int, float]], int, Mapping[int, tuple[str, ...]]]:
    """:func:`run`'s ranking with sets, scoring only the tiers that are shown.

    Returns (ranked units, lazily; their number; parts each unit lacks).

    Raises:
        collect.Unsupported: a query :mod:`.collect` cannot evaluate.
    """
    postings = _postings_of(searcher)
    matches = collect.evaluate(postings, compiled.query)
    allowed = None
    if filter_ is not None:
        allowed = collect.evaluate(postings, filter_, score=False).units
        matches.units &= allowed
    held: list[set[int]] = []
    lacking: Mapping[int, tuple[str, ...]] = {}
    if not matches.units and compiled.groups:
        parts = [collect.evaluate(postings, group.query) for group in compiled.groups]
        for part in parts:
            if allowed is not None:
                part.units &= allowed
        result.missing = [
            g.label for g, part in zip(compiled.groups, parts, strict=True) if not part.units
        ]
        matches = collect.Matches(
            set().union(*(part.units for part in parts)),
            [leaf for part in parts for leaf in part.leaves],
        )
        result.partial = bool(matches.units) and len(compiled.groups) > 1
        held = [part.units for part in parts]
        lacking = _Lacking(compiled.groups, held)
    whole = [
        _whole_word_set(postings, group.keys) for group in compiled.groups if group.keys is not None
    ]
    ours = _companions(postings)
    tiers = []
    for has in reversed(_levels(matches.units, held)):  # most parts held first
        for words in reversed(_levels(has, whole)):  # most whole words first
            tiers += [words - ours, words & ours]  # letters before companions
    return _ranked(postings, matches, tiers), len(matches.units), lacking


class _Lacking(Mapping[int, tuple[str, ...]]):
    """unit -> the labels of the parts it lacks, worked out when asked."""

    def __init__(self, groups: list[Group], held: list[set[int]]) -> None:
        self._groups = groups
        self._held = held

    def __getitem__(self, unit: int) -> tuple[str, ...]:
        if not any(unit in units for units in self._held):
            raise KeyError(unit)
        return tuple(
            g.label for g, units in zip(self._groups, self._held, strict=True) if unit not in units
        )

    def get(self, unit: int, default: Any = None) -> Any:
        try:
            return self[unit]
        except KeyError:
            return default

    def __iter__(self) -> Iterator[int]:
        return iter(set().union(*self._held))

    def __len__(self) -> int:
        return len(set().union(*self._held))


def _levels(units: set[int], sets: list[set[int]]) -> list[set[int]]:
    """``units`` split by how many of ``sets`` hold them (index: that count)."""
    if not sets:
        return [units]
    levels = [units]
    for members in sets:
        moved = [level & members for level in levels]
        levels = [level - members for level in levels] + [set()]
        for count, up in enumerate(moved, 1):
            levels[count] |= up
    return levels


def _ranked(
    postings: collect.Postings, matches: collect.Matches, tiers: list[set[int]]
) -> Iterator[tuple[int, float]]:
    """The units of ``tiers`` in turn, each tier by score (best first)."""
    for tier in tiers:
        if not tier:
            continue
        order = list(tier)
        first = postings.best(matches, order, TIER_FIRST) if len(order) > TIER_FIRST else None
        if first is not None:  # usually the page is filled from these
            first.sort(reverse=True)
            for score, unit in first:
                yield -unit, score
            shown = {-unit for _, unit in first}
            order = [unit for unit in order if unit not in shown]
        scored = postings.scores(matches, order)
        scored.sort(reverse=True)
        for score, unit in scored:
            yield -unit, score


def _whole_word_set(postings: collect.Postings, keys: set[str]) -> set[int]:
    """Units where one of ``keys`` is a whole word (see :func:`_whole_word_units`)."""
    units: set[int] = set()
    for key in keys:
        weights = postings.weights("body", key)
        units.update(compress(weights.keys(), map((0.5).__le__, weights.values())))
    return units


def _companions(postings: collect.Postings) -> set[int]:
    return set(postings.weights("dockind", "companion"))


def _postings_of(searcher: Any) -> collect.Postings:
    """The postings kept with ``searcher`` (they go with it)."""
    kept = getattr(searcher, "_briefing_postings", None)
    if kept is None:
        kept = collect.Postings(searcher)
        searcher._briefing_postings = kept
    return kept


def _scored(searcher: Any, query: Any, filter_: Any) -> list[tuple[int, float]]:
    """(unit number, score) of every unit matching ``query``."""
    # One pass that scores every match and counts it: measured faster than
    # Whoosh's block-max skipping, which needs a second pass for the count.
    found = searcher.search(query, limit=None, filter=filter_, terms=False, optimize=False)
    return list(found.items())


def _partial(
    searcher: Any, groups: list[Group], filter_: Any
) -> tuple[list[tuple[int, float]], dict[int, tuple[str, ...]], list[str]]:
    """Units matching some parts: (scored units, parts each lacks, parts found nowhere)."""
    scores: dict[int, float] = {}
    has: dict[int, set[int]] = {}
    missing = []
    for number, group in enumerate(groups):
        found = _scored(searcher, group.query, filter_)
        if not found:
            missing.append(group.label)
        for unit, score in found:
            scores[unit] = scores.get(unit, 0.0) + score
            has.setdefault(unit, set()).add(number)
    lacking = {
        unit: tuple(g.label for n, g in enumerate(groups) if n not in parts)
        for unit, parts in has.items()
    }
    return list(scores.items()), lacking, missing


def _rank(
    searcher: Any,
    groups: list[Group],
    scored: list[tuple[int, float]],
    lacking: dict[int, tuple[str, ...]],
) -> list[tuple[int, float]]:
    """``scored`` in the order of :func:`run`."""
    if len(scored) < 2:
        return scored
    ours = set(searcher.docs_for_query(wq.Term("dockind", "companion")))
    words: Counter[int] = Counter()
    for group in groups:
        if group.keys is not None:
            words.update(_whole_word_units(searcher.reader(), group.keys))
    missing = {unit: len(parts) for unit, parts in lacking.items()}
    keyed = [
        (missing.get(unit, 0), -words[unit], unit in ours, -score, unit) for unit, score in scored
    ]
    keyed.sort()
    return [(unit, -score) for _, _, _, score, unit in keyed]


def _whole_word_units(reader: Any, keys: set[str]) -> set[int]:
    """Units where one of ``keys`` is a whole word, not only a compound part.

    A compound part is indexed with a weight far below 1 (see
    :data:`.schema.PART_WEIGHT`), a whole word with its count.
    """
    units: set[int] = set()
    for key in keys:
        try:
            postings = reader.postings("body", key)
        except TermNotFound:
            continue
        while postings.is_active():
            if postings.weight() >= 0.5:
                units.add(postings.id())
            postings.next()
    return units


def _hits(
    searcher: Any,
    ranked: Iterable[tuple[int, float]],
    total: int,
    compiled: Compiled,
    marker: Highlighter,
    limit: int,
    lacking: Mapping[int, tuple[str, ...]],
) -> tuple[list[Hit], int]:
    """The first ``limit`` hits and the total, phrases of 3+ words checked."""
    check_all = bool(compiled.verify) and total <= VERIFY_ALL
    hits: list[Hit] = []
    for unit, score in ranked:
        if len(hits) == limit and not check_all:
            break
        stored = searcher.stored_fields(unit)
        text = stored.get("text", "")
        if compiled.verify and not all(contains_phrase(text, p) for p in compiled.verify):
            total -= 1
            continue
        if len(hits) < limit:
            hits.append(
                Hit(
                    doc=stored["doc"],
                    doc_title=stored.get("doctitle", ""),
                    anchor=stored.get("anchor", ""),
                    section_path=stored.get("section", ""),
                    kind=stored.get("kind", ""),
                    score=float(score or 0.0),
                    text=text,
                    highlighter=marker,
                    missing=lacking.get(unit, ()),
                )
            )
    return hits, total


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
        if reader.doc_frequency("body", key):
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
