"""Search results, snippets and highlighting (pure Python, no Whoosh)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from html import escape
from itertools import compress
from operator import methodcaller, or_
from typing import Any

from briefing_reader.core.search.text import _IRREGULAR as IRREGULAR
from briefing_reader.core.search.text import WORD, fold

Span = tuple[int, int]
_SPAN = methodcaller("span")


class Highlighter:
    """Finds the words of a query in any text, for snippets and the reader.

    Built by :meth:`SearchIndex.highlighter` from a parsed query; it marks
    a word when its key (stem) is one of the query's keys, when it is one of
    the exact forms the query matched (quoted words, fuzzy expansions), when
    it starts with a ``prefix*``, when one of its compound parts has a
    query key, and every word of an occurrence of a quoted phrase.

    Args:
        key: the key function of :class:`~.text.DutchTerms`.
        keys: keys of the query's plain words.
        exact: exact forms to mark as they are.
        prefixes: exact-form prefixes.
        phrases: phrases of two or more exact forms.
        parts: compound parts of an exact form (None: a substring test).
    """

    def __init__(
        self,
        key: Callable[[str], str | None],
        keys: set[str],
        exact: set[str],
        prefixes: tuple[str, ...],
        phrases: list[tuple[str, ...]],
        parts: Callable[[str], tuple[str, ...]] | None = None,
        words: set[str] | None = None,
    ) -> None:
        self._key = key
        self._keys = keys
        self._exact = exact
        self._prefixes = prefixes
        self._phrases = phrases
        self._parts = parts
        self._words = {w for w in (words or set()) if len(w) >= 4}
        self._probes = _probes(keys)
        self._memo: dict[str, bool] = {}
        self._compound_memo: dict[str, bool] = {}

    @property
    def empty(self) -> bool:
        return not (self._keys or self._exact or self._prefixes or self._phrases)

    def _plain_matches(self, form: str) -> bool:
        """The form, its key or a prefix matches (no compound splitting)."""
        return (
            form in self._exact
            or self._key(form) in self._keys
            or (bool(self._prefixes) and form.startswith(self._prefixes))
        )

    def _part_matches(self, parts: tuple[str, ...]) -> bool:
        return any(part in self._keys for part in parts)

    def _compound_matches(self, form: str) -> bool:
        hit = self._compound_memo.get(form)
        if hit is None:
            hit = self._compound_memo[form] = self._split_matches(form)
        return hit

    def _split_matches(self, form: str) -> bool:
        if len(form) < 8 or not self._keys:
            return False
        if self._parts is not None:
            if not any(probe in form for probe in self._probes):
                return False  # no part can have a query key: spare the split
            return any(self._key(p) in self._keys for p in self._parts(form))
        return any(w in form for w in self._words)

    def _marked(
        self, forms: list[str], compounds: Mapping[str, tuple[str, ...]] | None
    ) -> list[bool]:
        """Per word of ``forms``, whether it is marked (phrases aside).

        Each distinct form is judged once per highlighter; a text's words
        are then looked up in C (snippets of 50 hits judged ~3,000 words).
        """
        memo = self._memo
        distinct = set(forms)
        for form in distinct.difference(memo):
            memo[form] = self._plain_matches(form)
        marked = list(map(memo.__getitem__, forms))
        if compounds is None:
            extra = {f for f in distinct if not memo[f] and self._compound_matches(f)}
        else:  # the parts as the index split them
            extra = {
                f
                for f in distinct.intersection(compounds)
                if not memo[f] and self._part_matches(compounds[f])
            }
        if extra:
            marked = list(map(or_, marked, map(extra.__contains__, forms)))
        return marked

    def spans(
        self, text: str, compounds: Mapping[str, tuple[str, ...]] | None = None
    ) -> list[Span]:
        """(start, end) of every matched word in ``text``, in order.

        ``compounds``: the keys of the parts of compound words as the index
        split them (a hit's record keeps them); without it, words are split
        again with the splitter.
        """
        if self.empty:
            return []
        folded = fold(text)
        aligned = len(folded) == len(text)  # letter for letter (no ß, no ĳ)
        words = folded if aligned else text
        forms = WORD.findall(words)
        if not aligned:
            forms = list(map(fold, forms))
        marked = self._marked(forms, compounds)
        for phrase in self._phrases:
            n = len(phrase)
            for i in range(len(forms) - n + 1):
                if forms[i] == phrase[0] and tuple(forms[i : i + n]) == phrase:
                    for j in range(i, i + n):
                        marked[j] = True
        if not any(marked):
            return []
        return list(compress(map(_SPAN, WORD.finditer(words)), marked))

    def words(self, text: str) -> list[str]:
        """The distinct surface forms of the matched words in ``text``."""
        return list(dict.fromkeys(text[s:e] for s, e in self.spans(text)))


def _probes(keys: set[str]) -> tuple[str, ...]:
    """Strings one of which is in every word having a part with one of ``keys``.

    Stemming and :func:`~.text.normalise_stem` change a word only from its
    fourth letter on (Snowball's R1 starts there at the earliest), except the
    irregular plurals, so a part keyed ``k`` starts with ``k[:3]``.
    """
    probes = {key[:3] for key in keys}
    probes.update(plural[:3] for plural, key in IRREGULAR.items() if key in keys)
    return tuple(sorted(probes))


def make_snippet(
    text: str, spans: list[Span], width: int = 220, before: int = 60
) -> tuple[str, tuple[Span, ...]]:
    """A window of ``text`` around the densest run of ``spans``.

    Returns the snippet (whitespace flattened, '…' where cut) and the spans
    moved into it.
    """
    # three replaces, not str.translate: 20x slower once the text holds an accent
    flat = text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    if len(flat) <= width + before // 2:
        return flat, tuple(spans)
    begin = 0
    best = 0
    for first, _ in spans:  # the window holding the most matches wins
        low = first - before
        count = sum(1 for s, e in spans if s >= low and e <= low + width)
        if count > best:
            best, begin = count, max(0, low)
    if begin:
        space = flat.find(" ", begin, begin + 20)
        begin = space + 1 if space != -1 else begin
    end = min(len(flat), begin + width)
    if end < len(flat):
        space = flat.rfind(" ", end - 25, end)
        end = space if space > begin else end
    body = flat[begin:end]
    lead = len(body) - len(body.lstrip())
    begin += lead
    body = body.strip()
    prefix = "…" if begin else ""
    suffix = "…" if end < len(flat) else ""
    shift = len(prefix) - begin
    moved = tuple((s + shift, e + shift) for s, e in spans if s >= begin and e <= begin + len(body))
    return f"{prefix}{body}{suffix}", moved


def mark_html(text: str, spans: tuple[Span, ...] | list[Span], tag: str = "b") -> str:
    """``text`` escaped for HTML with each span wrapped in ``<tag>``."""
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.append(escape(text[pos:start]))
        out.append(f"<{tag}>{escape(text[start:end])}</{tag}>")
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


@dataclass
class Hit:
    """One matching unit.

    The snippet is made when first asked for, so a long result list costs
    only the snippets that are shown.

    Attributes:
        doc: document id.
        doc_title: the document's title.
        anchor: where the reader opens it (see :class:`~.units.Unit`).
        section_path: "Pijler 2 > 2.4 Taaleis in de bijstand"; '' before the
            first heading (the opening).
        kind: paragraph, heading, action, footnote or table.
        score: relevance (higher is better; comparable within one result).
        text: the whole text of the unit.
        missing: in a partial result, the parts of the query this unit
            lacks (as :attr:`SearchResult.missing` names them).
        compounds: the keys of the compound parts of the words of the
            unit's record, as the index split them (None: split them again).
    """

    doc: str
    doc_title: str
    anchor: str
    section_path: str
    kind: str
    score: float
    text: str = ""
    highlighter: Highlighter | None = field(default=None, repr=False, compare=False)
    missing: tuple[str, ...] = ()
    compounds: Mapping[str, tuple[str, ...]] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def spans(self) -> tuple[Span, ...]:
        """(start, end) of the matched words in :attr:`text`."""
        if self.highlighter is None:
            return ()
        return tuple(self.highlighter.spans(self.text, self.compounds))

    @cached_property
    def _snippet(self) -> tuple[str, tuple[Span, ...]]:
        if self.kind == "table" and self.highlighter is not None:
            rows = readable_rows(self.text, self.highlighter, self.compounds)
            return make_snippet(rows, self.highlighter.spans(rows, self.compounds))
        return make_snippet(self.text, list(self.spans))

    @property
    def snippet(self) -> str:
        """Plain text around the matched words ('…' where cut)."""
        return self._snippet[0]

    @property
    def snippet_spans(self) -> tuple[Span, ...]:
        """(start, end) of the matched words in :attr:`snippet`."""
        return self._snippet[1]

    @property
    def snippet_html(self) -> str:
        """The snippet as HTML with the matched words in ``<b>``."""
        return mark_html(self.snippet, self.snippet_spans)

    @property
    def matched_words(self) -> tuple[str, ...]:
        """The distinct surface forms of the matched words in the unit."""
        return tuple(dict.fromkeys(self.text[s:e] for s, e in self.spans))

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "anchor": self.anchor,
            "section_path": self.section_path,
            "kind": self.kind,
            "snippet": self.snippet,
            "score": round(self.score, 4),
            "missing": list(self.missing),
        }


ROW_SEPARATOR = " … "


def readable_rows(
    text: str, highlighter: Highlighter, compounds: Mapping[str, tuple[str, ...]] | None = None
) -> str:
    """A table's rows that hold a match, as "label | column: value | ...".

    A table unit's text is rows of tab-separated cells, the first row the
    header; as a snippet that is a string of numbers. Each matching row
    becomes its label and its non-empty cells named by their column; the
    header row shows only when it matches itself.
    """
    rows = [row.split("\t") for row in text.split("\n")]
    header = rows[0]
    lines = [" | ".join(cell.strip() for cell in header if cell.strip())]
    for cells in rows[1:]:
        named = [
            f"{header[i].strip()}: {cell.strip()}"
            if i < len(header) and header[i].strip()
            else cell.strip()
            for i, cell in enumerate(cells[1:], 1)
            if cell.strip()
        ]
        lines.append(" | ".join([cells[0].strip(), *named]))
    matching = [line for line in lines[1:] if highlighter.spans(line, compounds)]
    if not matching or highlighter.spans(lines[0], compounds):
        matching.insert(0, lines[0])
    return ROW_SEPARATOR.join(matching)


@dataclass
class SearchResult:
    """The answer to one query.

    Attributes:
        query: the query as typed.
        hits: the best hits, best first (at most the limit asked for).
        total: how many passages (units) match in all.
        documents: in how many documents.
        suggestion: a corrected query ("bedoelde u ...?") or None.
        malformed: the query was read as plain words.
        index_ready: False when no index was available yet (no hits then).
        highlighter: marks the query's words in any text.
        partial: no unit holds every part of the query; the hits are the
            units holding the most parts (each names what it lacks).
        missing: the parts of the query found nowhere ("niet gevonden").
    """

    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    documents: int = 0
    suggestion: str | None = None
    malformed: bool = False
    index_ready: bool = True
    highlighter: Highlighter | None = None
    partial: bool = False
    missing: list[str] = field(default_factory=list)

    def spans(self, text: str) -> list[Span]:
        """Every match of the query in ``text`` (e.g. a document's plain text)."""
        return self.highlighter.spans(text) if self.highlighter else []

    def by_document(self) -> dict[str, list[Hit]]:
        """The hits grouped by document, groups in order of their best hit."""
        groups: dict[str, list[Hit]] = {}
        for hit in self.hits:
            groups.setdefault(hit.doc, []).append(hit)
        return groups

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "suggestion": self.suggestion,
            "total": self.total,
            "documents": self.documents,
            "partial": self.partial,
            "missing": list(self.missing),
            "hits": [hit.to_json() for hit in self.hits],
        }
