"""Running a parsed query on a Whoosh searcher: hits, snippets, suggestion.

Imports Whoosh (see :mod:`._whoosh`); import it lazily.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from briefing_reader.core.search import collect
from briefing_reader.core.search._whoosh import wq
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
    """Search and build the result: top hits (snippets made lazily), totals, suggestion.

    A hit is a passage (unit) holding every part of the query. Order:
    passages holding more of the query's parts first (in a partial result),
    then those holding more parts as whole words rather than compound
    parts, then the letters before our companion documents; within that,
    records (a document, or 64 passages of a long one) by their BM25F score
    for the query, so the passages of the best document come together, and
    a record's passages headings first, then in reading order.

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
        _Lacking(compiled.groups, held) if held else {}
    )
    ranked = _ranked(postings, matches, _tiers(postings, compiled, matches, held))
    page = _Page(postings, compiled, marker, max(1, limit), lacking)
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


class _Lacking(Mapping[tuple[int, int], tuple[str, ...]]):
    """(record, unit) -> the labels of the parts it lacks, worked out when asked."""

    def __init__(self, groups: list[Group], held: list[collect.Bits]) -> None:
        self._groups = groups
        self._held = held

    def __getitem__(self, place: tuple[int, int]) -> tuple[str, ...]:
        doc, unit = place
        has = [bits.get(doc, 0) >> unit & 1 for bits in self._held]
        if not any(has):
            raise KeyError(place)
        return tuple(g.label for g, h in zip(self._groups, has, strict=True) if not h)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        for doc, bits in collect.union(self._held).items():
            for unit in _unit_numbers(bits):
                yield doc, unit

    def __len__(self) -> int:
        return collect.Matches(collect.union(self._held)).count


def _tiers(
    postings: collect.Postings,
    compiled: Compiled,
    matches: collect.Matches,
    held: list[collect.Bits],
) -> Iterator[tuple[collect.Bits, bool]]:
    """The matching passages in ranking tiers, best first: (passages, ours).

    ``ours`` marks the tier of our companion documents that follows the
    letters of the same level. Made as they are asked for: the page is
    usually filled from the first.
    """
    demoted = [
        (number, _part_only(postings, group.keys))
        for number, group in enumerate(compiled.groups)
        if group.keys is not None
    ]
    ours = _companions(postings)
    for level in _whole_word_levels(matches.units, held, demoted):
        theirs = dict(level)
        for doc in ours:
            theirs.pop(doc, None)
        yield theirs, False
        if ours:
            yield {d: level[d] for d in ours if d in level}, True


def _whole_word_levels(
    units: collect.Bits, held: list[collect.Bits], demoted: list[tuple[int, collect.Bits]]
) -> Iterator[collect.Bits]:
    """``units`` by how many parts they hold, then by how many as whole words."""
    if held:  # a partial result: most parts held first, then most whole words
        whole = [collect.without(held[n], only) for n, only in demoted]
        for has in reversed(_levels(units, held)):
            yield from reversed(_levels(has, whole))
        return
    # Every passage holds every part: those holding none only in compounds first.
    sets = [only for _, only in demoted if only]
    if not sets:
        yield units
        return
    anywhere = collect.union(sets)
    yield collect.without(units, anywhere)
    yield from _levels(collect.intersection([units, anywhere]), sets)[1:]


def _levels(units: collect.Bits, sets: list[collect.Bits]) -> list[collect.Bits]:
    """``units`` split by how many of ``sets`` hold them (index: that count).

    Only the records of each set are visited: the sets of compound-only
    passages are small beside the result.
    """
    levels = [units]
    for members in sets:
        moved = [dict(level) for level in levels] + [{}]
        for doc, held in members.items():
            below = 0  # the record's units one level down, before the move
            for count, level in enumerate(moved):
                bits = levels[count].get(doc, 0) if count < len(levels) else 0
                if now := (bits & ~held) | (below & held):
                    level[doc] = now
                else:
                    level.pop(doc, None)
                below = bits
        levels = moved
    return levels


def _ranked(
    postings: collect.Postings,
    matches: collect.Matches,
    tiers: Iterable[tuple[collect.Bits, bool]],
) -> Iterator[tuple[int, int, float]]:
    """(record, its passages in this tier, score) for ``tiers`` in turn,
    each tier's records by score, best first."""
    for tier, _ours in tiers:
        if not tier:
            continue
        order = list(tier)
        first = postings.best(matches, order, TIER_FIRST) if len(order) > TIER_FIRST else None
        if first:  # usually the page is filled from these
            first.sort(reverse=True)
            for score, doc in first:
                yield -doc, tier[-doc], score
            shown = {-doc for _, doc in first}
            order = [doc for doc in order if doc not in shown]
        scored = postings.scores(matches, order)
        scored.sort(reverse=True)
        for score, doc in scored:
            yield -doc, tier[-doc], score


def _unit_numbers(bits: int) -> Iterator[int]:
    """The numbers of the set bits of ``bits``, lowest first."""
    while bits:
        low = bits & -bits
        yield low.bit_length() - 1
        bits ^= low


def _part_only(postings: collect.Postings, keys: set[str]) -> collect.Bits:
    """Passages holding ``keys`` only as compound parts, never as a whole word."""
    only = collect.union([postings.bits("parts", key) for key in keys])
    if len(keys) > 1 and only:  # a whole word of one key outranks a part of another
        whole = collect.union(
            [collect.without(postings.bits("body", k), postings.bits("parts", k)) for k in keys]
        )
        only = collect.without(only, whole)
    return only


def _documents(postings: collect.Postings, records: Iterable[int]) -> int:
    """How many documents ``records`` belong to (a long one has several)."""
    held = records if isinstance(records, (set, dict)) else set(records)
    more = postings.weights("scope", "more")  # a later record -> its number in its document
    later = [r for r in more if r in held]
    firsts = {r - int(more[r]) for r in later}  # the documents' first records
    return len(held) - len(later) + sum(1 for r in firsts if r not in held)


def _companions(postings: collect.Postings) -> set[int]:
    return set(postings.weights("dockind", "companion"))


def _postings_of(searcher: Any) -> collect.Postings:
    """The postings kept with ``searcher`` (they go with it)."""
    kept = getattr(searcher, "_briefing_postings", None)
    if kept is None:
        kept = collect.Postings(searcher)
        searcher._briefing_postings = kept
    return kept


class _Page:
    """The hits of one result page, made from the ranked passages."""

    def __init__(
        self,
        postings: collect.Postings,
        compiled: Compiled,
        marker: Highlighter,
        limit: int,
        lacking: Mapping[tuple[int, int], tuple[str, ...]],
    ) -> None:
        self._postings = postings
        self._searcher = postings.searcher
        self._verify = compiled.verify
        self._marker = marker
        self._limit = limit
        self._lacking = lacking
        self._stored: dict[int, Any] = {}

    def fill(
        self, ranked: Iterable[tuple[int, int, float]], matches: collect.Matches
    ) -> tuple[list[Hit], int, int]:
        """(the first hits, passages in all, documents in all).

        Phrases of three or more words are checked in each passage's text:
        every candidate when there are at most :data:`VERIFY_ALL`, else the
        hits shown only (the totals then count the candidates).
        """
        total, documents = matches.count, _documents(self._postings, matches.units)
        check_all = bool(self._verify) and total <= VERIFY_ALL
        hits: list[Hit] = []
        held: set[int] = set()
        for doc, bits, score in ranked:
            if len(hits) == self._limit and not check_all:
                break
            for unit in self._in_order(doc, bits):
                passage = self._passage(doc, unit)
                if self._verify and not all(contains_phrase(passage[3], p) for p in self._verify):
                    total -= 1
                    continue
                held.add(doc)
                if len(hits) < self._limit:
                    hits.append(self._hit(doc, unit, score, passage))
                elif not check_all:
                    break
        if check_all:
            documents = _documents(self._postings, held)
        return hits, total, documents

    def _stored_of(self, doc: int) -> Any:
        stored = self._stored.get(doc)
        if stored is None:
            stored = self._stored[doc] = self._searcher.stored_fields(doc)
        return stored

    def _in_order(self, doc: int, bits: int) -> Iterator[int]:
        """A record's passages among ``bits``: headings and sub-action
        titles first (the section is about the words), then reading order."""
        titles = self._stored_of(doc)["passages"][2]
        yield from _unit_numbers(bits & titles)
        yield from _unit_numbers(bits & ~titles)

    def _passage(self, doc: int, unit: int) -> tuple[str, str, str, str]:
        sections, units, _titles, _compounds = self._stored_of(doc)["passages"]
        anchor, kind, section, text = units[unit]
        return anchor, kind, sections[section], text

    def _hit(self, doc: int, unit: int, score: float, passage: tuple[str, str, str, str]) -> Hit:
        stored = self._stored[doc]
        anchor, kind, section, text = passage
        return Hit(
            doc=stored["doc"],
            doc_title=stored.get("doctitle", ""),
            anchor=anchor,
            section_path=section,
            kind=kind,
            score=float(score or 0.0),
            text=text,
            highlighter=self._marker,
            missing=self._lacking.get((doc, unit), ()),
            compounds=stored["passages"][3],
        )


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
