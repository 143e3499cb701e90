"""Anchor matching: finding a note's place again in a new version of its document.

Highlights and bookmarks (a :class:`TextAnchor`, :class:`Reanchorer`):

1. the plain text is unchanged (same text hash): the note stays (``exact``);
2. the quote still stands at its old offsets (a short quote also needs its
   context there): ``exact``;
3. exact occurrences of the quote, scored on their context (and, when the
   old version's text is kept, on where the paragraph diff says the quote
   went): the one that clearly wins is ``moved``;
4. approximate candidates: the quote found with errors (Myers' bit-parallel
   edit distance, by edlib), the gap between the quote's old prefix and
   suffix, and the mapped old place. Each is scored on the edit distance of
   prefix + quote + suffix together; the best is accepted as ``fuzzy`` only
   above :data:`THRESHOLD`, with its context matching, and with
   :data:`MARGIN` over the runner-up;
5. anything else is ``orphaned``: it keeps its quote and context and waits
   in the "Te controleren" list.

Action notes (:func:`reanchor_action`) follow their action id, else the one
action with the same title (``moved``), else an action with an alike title
and text (``fuzzy``), else they are ``orphaned``.

Nothing here reads or writes the store:
:func:`briefing_reader.core.notes.reanchoring.reanchor_library` runs this
for the documents that changed and stores the outcomes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing_reader.core.content.model import ACTION_KINDS
from briefing_reader.core.content.versions import OffsetMap
from briefing_reader.core.notes import fuzzy
from briefing_reader.core.notes.anchors import (
    SHORT_QUOTE,
    find_quote,
    place_at,
    quote_selector,
    text_hash,
)
from briefing_reader.core.notes.model import AnchorStatus, TextAnchor, TextPositionSelector

if TYPE_CHECKING:
    from briefing_reader.core.content import Document

#: Minimum similarity of prefix + quote + suffix (by edit distance) for a fuzzy match.
THRESHOLD = 0.75
#: The best candidate must beat the runner-up by this much.
MARGIN = 0.1
#: Minimum similarity of the quote itself, unless the context is near perfect.
MIN_QUOTE = 0.5
#: Minimum similarity of the context (prefix and suffix) for a fuzzy match.
MIN_CONTEXT = 0.6
#: Context a short quote (< 20 characters) needs, found exactly or approximately.
SHORT_CONTEXT_MIN = 0.8
#: Context that lets a heavily edited quote be found between its old neighbours.
STRONG_CONTEXT = 0.9
#: Exact occurrences scored at most (a very common short quote).
MAX_OCCURRENCES = 40
#: Characters of context used to find the gap between old prefix and suffix.
BRACKET = 20
#: Approximate candidates whose boundaries are refined by aligning the context.
REFINED = 4


@dataclass(frozen=True)
class Match:
    """The outcome of re-anchoring one text anchor.

    Attributes:
        outcome: exact, moved, fuzzy or orphaned.
        anchor: the anchor in the new version (None when orphaned).
        score: similarity of the chosen (or best) candidate, 0..1.
        runner_up: similarity of the best other candidate, 0..1.
        reason: why, in a few English words (for logs and the CLI).
    """

    outcome: AnchorStatus
    anchor: TextAnchor | None
    score: float = 0.0
    runner_up: float = 0.0
    reason: str = ""


@dataclass
class _Candidate:
    start: int
    end: int
    quote: float
    prefix: float
    suffix: float
    combined: float
    exact: bool

    @property
    def context(self) -> float:
        return (self.prefix + self.suffix) / 2

    def overlaps(self, other: _Candidate) -> bool:
        return self.start < max(other.end, other.start + 1) and other.start < max(
            self.end, self.start + 1
        )


class Reanchorer:
    """Re-anchors notes in one document; reuse it for all notes on that document.

    Args:
        doc: the document as it is now.
        old_text: gives the plain text of an earlier version by its source
            hash (from the kept versions), or None when not kept.
    """

    def __init__(self, doc: Document, old_text: Callable[[str], str | None] | None = None) -> None:
        self.doc = doc
        self.text = doc.plain_text
        self.text_hash = text_hash(self.text)
        self._old_text = old_text
        self._maps: dict[str, OffsetMap | None] = {}
        self._old: dict[str, str | None] = {}
        self._encoded: fuzzy.EncodedText | None = None

    # --- helpers ------------------------------------------------------------

    @property
    def encoded(self) -> fuzzy.EncodedText:
        if self._encoded is None:
            self._encoded = fuzzy.EncodedText(self.text)
        return self._encoded

    def _old_version(self, doc_hash: str) -> str | None:
        if doc_hash not in self._old:
            self._old[doc_hash] = self._old_text(doc_hash) if self._old_text else None
        return self._old[doc_hash]

    def _offset_map(self, doc_hash: str) -> OffsetMap | None:
        if doc_hash not in self._maps:
            old = self._old_version(doc_hash)
            self._maps[doc_hash] = None if old is None else OffsetMap.from_texts(old, self.text)
        return self._maps[doc_hash]

    def _score(self, anchor: TextAnchor, start: int, end: int, exact: bool) -> _Candidate:
        quote, text = anchor.quote, self.text
        found = text[start:end]
        d_quote = 0 if exact else fuzzy.distance(quote.exact, found)
        prefix_len, suffix_len = len(quote.prefix), len(quote.suffix)
        d_prefix = fuzzy.distance(quote.prefix, text[max(0, start - prefix_len) : start])
        d_suffix = fuzzy.distance(quote.suffix, text[end : end + suffix_len])
        longest = max(len(quote.exact), len(found), 1)
        total = prefix_len + longest + suffix_len
        return _Candidate(
            start,
            end,
            1 - d_quote / longest,
            1 - d_prefix / prefix_len if prefix_len else (1.0 if start == 0 else 0.5),
            1 - d_suffix / suffix_len if suffix_len else (1.0 if end == len(text) else 0.5),
            1 - (d_prefix + d_quote + d_suffix) / total,
            exact,
        )

    def _match(
        self,
        outcome: AnchorStatus,
        anchor: TextAnchor,
        cand: _Candidate | None,
        runner_up: float,
        reason: str,
    ) -> Match:
        if cand is None:
            return Match(AnchorStatus.ORPHANED, None, 0.0, runner_up, reason)
        doc = self.doc
        new = TextAnchor(
            doc.id,
            doc.meta.version,
            doc.source_hash,
            self.text_hash,
            quote_selector(self.text, cand.start, cand.end),
            TextPositionSelector(cand.start, cand.end),
            place_at(doc, cand.start),
        )
        return Match(outcome, new, round(cand.combined, 4), round(runner_up, 4), reason)

    # --- the algorithm ------------------------------------------------------

    def text_anchor(self, anchor: TextAnchor) -> Match:
        """Where ``anchor`` stands in the document now, with an honest outcome."""
        quote, pos, text = anchor.quote, anchor.position, self.text
        short = len(quote.exact) < SHORT_QUOTE
        if not quote.exact:
            return Match(AnchorStatus.ORPHANED, None, reason="the note has no quote")
        if anchor.text_hash == self.text_hash and text[pos.start : pos.end] == quote.exact:
            return self._match(
                AnchorStatus.EXACT,
                anchor,
                self._score(anchor, pos.start, pos.end, True),
                0.0,
                "text unchanged",
            )
        if text[pos.start : pos.end] == quote.exact:
            here = self._score(anchor, pos.start, pos.end, True)
            if not short or here.context >= SHORT_CONTEXT_MIN:
                return self._match(
                    AnchorStatus.EXACT, anchor, here, 0.0, "quote still at its place"
                )
        mapping = self._offset_map(anchor.doc_hash)
        expected = mapping.map(pos.start) if mapping else None
        copies = self._other_copies(anchor, mapping)
        occurrences = [at for at in find_quote(text, quote.exact) if at not in copies]
        exact = self._exact_candidates(anchor, occurrences)
        if exact:
            decided = self._decide_exact(
                anchor, exact, len(occurrences), expected, short, len(copies)
            )
            if decided is not None:
                return decided
            if len(exact) > 1 and not short:
                best = max(c.combined for c in exact)
                return Match(
                    AnchorStatus.ORPHANED,
                    None,
                    round(best, 4),
                    round(best, 4),
                    f"the quote occurs {len(occurrences)} times; none clearly wins",
                )
        return self._approximate(anchor, exact, expected, short, copies)

    def _other_copies(self, anchor: TextAnchor, mapping: OffsetMap | None) -> set[int]:
        """Where other copies of the quote in the old text stand, unchanged, now.

        When the old text repeats the quote, a copy in an unchanged
        paragraph is that other copy, never the note's.
        """
        old = self._old_version(anchor.doc_hash)
        if mapping is None or old is None:
            return set()
        found = {
            mapping.map_unchanged(at)
            for at in find_quote(old, anchor.quote.exact)
            if at != anchor.position.start
        }
        return {at for at in found if at is not None}

    def _exact_candidates(self, anchor: TextAnchor, found: list[int]) -> list[_Candidate]:
        quote, text = anchor.quote, self.text
        if len(found) > MAX_OCCURRENCES:  # keep those whose nearest context matches
            found = [
                at
                for at in found
                if text.endswith(quote.prefix[-8:], 0, at)
                or text.startswith(quote.suffix[:8], at + len(quote.exact))
            ]
            found = found[:MAX_OCCURRENCES]
        return [self._score(anchor, at, at + len(quote.exact), True) for at in found]

    def _decide_exact(
        self,
        anchor: TextAnchor,
        cands: list[_Candidate],
        count: int,
        expected: int | None,
        short: bool,
        copies: int,
    ) -> Match | None:
        cands = sorted(cands, key=lambda c: -c.combined)
        best = cands[0]
        runner = cands[1].combined if len(cands) > 1 else 0.0
        outcome = (
            AnchorStatus.EXACT
            if (best.start, best.end) == (anchor.position.start, anchor.position.end)
            else AnchorStatus.MOVED
        )
        if short and best.context < SHORT_CONTEXT_MIN:
            return None
        if count == 1:
            old = self._old_version(anchor.doc_hash)
            # unique then, or every other copy of then still stands, unchanged
            accounted = old is not None and len(find_quote(old, anchor.quote.exact)) == copies + 1
            if accounted:
                return self._match(outcome, anchor, best, runner, "the quote occurs once")
            return None  # perhaps a copy of an edited or deleted original: weigh all
        if best.combined - runner >= MARGIN:
            return self._match(outcome, anchor, best, runner, "its context decides")
        tied = [c for c in cands if c.combined > best.combined - MARGIN]
        if expected is not None:
            near = [c for c in tied if abs(c.start - expected) <= 2]
            if len(near) == 1:
                return self._match(
                    self._outcome(anchor, near[0]),
                    anchor,
                    near[0],
                    runner,
                    "the paragraph diff decides between equal copies",
                )
        old = self._old_version(anchor.doc_hash)
        if old is not None and copies == 0:
            then = find_quote(old, anchor.quote.exact)
            now = sorted(c.start for c in cands)
            if len(then) == len(now) == count and anchor.position.start in then:
                chosen = now[then.index(anchor.position.start)]
                pick = next((c for c in tied if c.start == chosen), None)
                if pick is not None:
                    return self._match(
                        self._outcome(anchor, pick),
                        anchor,
                        pick,
                        runner,
                        "equal copies, in the same order as before",
                    )
        return None

    @staticmethod
    def _outcome(anchor: TextAnchor, cand: _Candidate) -> AnchorStatus:
        same = (cand.start, cand.end) == (anchor.position.start, anchor.position.end)
        return AnchorStatus.EXACT if same else AnchorStatus.MOVED

    def _approximate(
        self,
        anchor: TextAnchor,
        exact: list[_Candidate],
        expected: int | None,
        short: bool,
        copies: set[int],
    ) -> Match:
        cands = list(exact)
        gaps = self._bracket_hits(anchor)
        least = _least_length(len(anchor.quote.exact))
        closed = [(start, end) for start, end in gaps if end - start < least]
        gaps = [(start, end) for start, end in gaps if end - start >= least]
        rough = [
            self._score(anchor, start, end, False)
            for start, end in self._quote_hits(anchor, short) + gaps
        ]
        rough.sort(key=lambda c: -c.combined)
        for cand in rough[:REFINED]:  # boundaries from the context, for the likeliest only
            cands.append(self._best_bounds(anchor, cand.start, cand.end, cand))
        cands.extend(rough[REFINED:])
        if expected is not None:
            length = len(anchor.quote.exact)
            cands.append(
                self._best_bounds(anchor, expected, min(len(self.text), expected + length))
            )
        length = len(anchor.quote.exact)
        cands = [
            c
            for c in cands
            if c.end > c.start
            and not self._foreign(anchor, c)
            and not any(c.start < at + length and at < c.end for at in copies)
        ]
        if not cands:
            return Match(AnchorStatus.ORPHANED, None, reason="no candidate resembles the quote")
        cands.sort(key=lambda c: (-c.combined, not c.exact))
        best = cands[0]
        others = [c for c in cands[1:] if not c.overlaps(best)]
        runner = others[0].combined if others else 0.0
        problem = self._problem(anchor, best, runner, short)
        if not problem and any(
            best.end < start - 2 or best.start > end + 2 for start, end in closed
        ):
            problem = "the quote was deleted from between its old neighbours"
        if not problem and expected is not None:
            problem = self._conflict(anchor, best, cands, expected)
        if problem:
            return Match(
                AnchorStatus.ORPHANED, None, round(best.combined, 4), round(runner, 4), problem
            )
        outcome = AnchorStatus.MOVED if best.exact else AnchorStatus.FUZZY
        return self._match(outcome, anchor, best, runner, "one candidate clearly wins")

    def _problem(self, anchor: TextAnchor, best: _Candidate, runner: float, short: bool) -> str:
        length = best.end - best.start
        if best.combined < THRESHOLD:
            return f"best candidate {best.combined:.2f} is below {THRESHOLD}"
        if best.context < (SHORT_CONTEXT_MIN if short else MIN_CONTEXT):
            return f"the context does not match ({best.context:.2f})"
        size = len(anchor.quote.exact)
        if best.quote < MIN_QUOTE and not (
            best.context >= STRONG_CONTEXT
            and _least_length(size) <= length <= 2 * size + 20
            and self._bracketed(anchor, best)
        ):
            return f"the quote changed too much ({best.quote:.2f})"
        if best.combined - runner < MARGIN:
            return f"two candidates are too close ({best.combined:.2f} and {runner:.2f})"
        return ""

    def _bracketed(self, anchor: TextAnchor, cand: _Candidate) -> bool:
        """The old context's nearest characters stand right around the candidate."""
        quote, text = anchor.quote, self.text
        return text.endswith(quote.prefix[-8:], 0, cand.start) and text.startswith(
            quote.suffix[:8], cand.end
        )

    def _foreign(self, anchor: TextAnchor, cand: _Candidate) -> bool:
        """True when a changed-quote candidate holds old text from outside the quote.

        An edited quote stands in edited text; the parts of a candidate that
        the edit left alone must come from the quote's old place.
        """
        if cand.exact:
            return False
        mapping = self._offset_map(anchor.doc_hash)
        if mapping is None:
            return False
        old_start, old_end = anchor.position.start - 2, anchor.position.end + 2
        slack = max(3, len(anchor.quote.exact) // 10)
        outside = sum(
            (hi - lo) - max(0, min(hi, old_end) - max(lo, old_start))
            for lo, hi in mapping.unchanged_parts(cand.start, cand.end)
        )
        return outside > slack

    @staticmethod
    def _conflict(
        anchor: TextAnchor, best: _Candidate, cands: list[_Candidate], expected: int
    ) -> str:
        """A plausible candidate where the diff says the quote went, but the best is elsewhere."""
        reach = max(20, len(anchor.quote.exact))
        if abs(best.start - expected) <= reach:
            return ""
        local = [c for c in cands if abs(c.start - expected) <= reach and not c.overlaps(best)]
        if any(c.combined >= THRESHOLD for c in local):
            return "the text at its old place changed, and a copy elsewhere matches better"
        return ""

    def _quote_hits(self, anchor: TextAnchor, short: bool) -> list[tuple[int, int]]:
        """Distinct places where the quote occurs with few enough errors to matter.

        A short quote is not searched with errors: found by itself it says
        too little; its context finds it (:meth:`_bracket_hits`).
        """
        quote = anchor.quote
        if short:
            return []
        query = self.encoded.encode(quote.exact)
        data = self.encoded.data
        whole = len(quote.exact) + len(quote.prefix) + len(quote.suffix)
        k = int(min(len(quote.exact) * (1 - MIN_QUOTE), whole * (1 - THRESHOLD)))
        hits: list[tuple[int, int]] = []
        for _round in range(2):
            distance, spans = fuzzy.search(query, data, k)
            if distance < 0:
                break
            hits.extend(spans[:MAX_OCCURRENCES])
            masked = bytearray(data)
            for start, end in spans:
                masked[start:end] = b"\xfe" * (end - start)
            data = bytes(masked)
            # A runner-up more than MARGIN of the whole behind cannot matter.
            k = min(k, distance + int(MARGIN * whole) + 1)
        return hits

    def _bracket_hits(self, anchor: TextAnchor) -> list[tuple[int, int]]:
        """Gaps between an occurrence of the old prefix's end and of the old suffix's start.

        A gap much shorter than the quote says the quote was deleted there.
        """
        quote, text = anchor.quote, self.text
        tail, head = quote.prefix[-BRACKET:], quote.suffix[:BRACKET]
        if len(tail) < 8 or len(head) < 8:
            return []
        widest = 2 * len(quote.exact) + 40
        ends = [at + len(tail) for at in find_quote(text, tail)][:MAX_OCCURRENCES]
        hits = []
        for start in ends:
            stop = text.find(head, start, start + widest + len(head))
            if stop >= start:
                hits.append((start, stop))
        return hits

    def _best_bounds(
        self, anchor: TextAnchor, start: int, end: int, first: _Candidate | None = None
    ) -> _Candidate:
        """The candidate near (start, end), with the boundaries that score best."""
        first = first or self._score(anchor, start, end, False)
        bounds = self._align_with_context(anchor, start, end)
        if bounds is None or bounds == (start, end):
            return first
        second = self._score(anchor, *bounds, False)
        return second if second.combined >= first.combined else first

    def _align_with_context(
        self, anchor: TextAnchor, start: int, end: int
    ) -> tuple[int, int] | None:
        """Boundaries from aligning prefix + quote + suffix around (start, end)."""
        quote = anchor.quote
        slack = len(quote.exact) // 2 + 8
        lo = max(0, start - len(quote.prefix) - slack)
        hi = min(len(self.text), end + len(quote.suffix) + slack)
        query = quote.prefix + quote.exact + quote.suffix
        found = fuzzy.align_part(
            query, self.text[lo:hi], len(quote.prefix), len(quote.prefix) + len(quote.exact)
        )
        if found is None:
            return None
        return fuzzy.trim(self.text, quote.exact, lo + found[0], lo + found[1])


def _least_length(quote_length: int) -> int:
    """The shortest text that may replace a quote; anything less means it was deleted."""
    return max(3, quote_length // 4)


@dataclass(frozen=True)
class ActionMatch:
    """The outcome of re-anchoring an action note.

    Attributes:
        outcome: "exact" (the id is there), "moved" (same title under another
            id), "fuzzy" (alike title and text) or "orphaned".
        action_id: the action's id now (None when orphaned).
        title: its title now.
        text: its plain text now.
        score: similarity of the chosen (or best) action.
        runner_up: similarity of the best other action.
        reason: why, in a few English words.
    """

    outcome: AnchorStatus
    action_id: str | None
    title: str = ""
    text: str = ""
    score: float = 0.0
    runner_up: float = 0.0
    reason: str = ""


def reanchor_action(doc: Document, action_id: str, title: str, text: str) -> ActionMatch:
    """Find an annotated action in a new version: by id, else by title and text.

    Args:
        doc: the document now.
        action_id: the id the note hangs on.
        title: the action's title when annotated.
        text: the action's plain text when annotated ('' if not recorded).
    """
    node = doc.node(action_id)
    if node is not None and node.kind in ACTION_KINDS:
        return ActionMatch(
            AnchorStatus.EXACT,
            action_id,
            node.title,
            doc.text(node),
            1.0,
            0.0,
            "the action id is there",
        )
    scored = []
    for action in doc.actions():
        now = doc.text(action)
        title_sim = fuzzy.similarity(title.casefold(), action.title.casefold())
        text_sim = fuzzy.similarity(text, now) if text else title_sim
        scored.append((0.25 * title_sim + 0.75 * text_sim, title_sim, action, now))
    if not scored:
        return ActionMatch(AnchorStatus.ORPHANED, None, reason="the document has no actions")
    scored.sort(key=lambda s: -s[0])
    score, title_sim, best, now = scored[0]
    runner = scored[1][0] if len(scored) > 1 else 0.0
    same_title = [s for s in scored if s[2].title.casefold() == title.casefold()]
    if title and len(same_title) == 1 and same_title[0][2] is best:
        return ActionMatch(
            AnchorStatus.MOVED,
            best.id,
            best.title,
            now,
            round(score, 4),
            round(runner, 4),
            "the same title under another id",
        )
    if score >= THRESHOLD and score - runner >= MARGIN:
        return ActionMatch(
            AnchorStatus.FUZZY,
            best.id,
            best.title,
            now,
            round(score, 4),
            round(runner, 4),
            "an alike title and text",
        )
    return ActionMatch(
        AnchorStatus.ORPHANED,
        None,
        score=round(score, 4),
        runner_up=round(runner, 4),
        reason="no action is clearly the same",
    )
