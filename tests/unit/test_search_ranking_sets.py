"""The bitmap search (core/search/collect.py, searching.py) finds exactly the
passages a plain reading of the documents finds, and ranks them as it says.

The reference here reads every unit of every bundled document with the same
term maker and decides each query by hand, unit by unit; the index answers
from its per-document postings and unit bitmaps (issue 14).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing_reader import paths
from briefing_reader.core.content import Library
from briefing_reader.core.search import SearchIndex, searching
from briefing_reader.core.search.schema import CHUNK
from briefing_reader.core.search.text import WORD, CompoundSplitter, DutchTerms, fold
from briefing_reader.core.search.units import units_of
from briefing_reader.session import open_library

LETTER = "kst-32824-456"


@dataclass(frozen=True)
class Passage:
    doc: str
    anchor: str
    kind: str
    number: int
    forms: tuple[str, ...]
    keys: frozenset[str]  # of whole words
    parts: frozenset[str]  # of compound parts
    title: bool


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    base: Path = tmp_path_factory.mktemp("search-sets")
    return open_library(paths.resolve(base / "data"))


@pytest.fixture(scope="module")
def index(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    ix = SearchIndex(tmp_path_factory.mktemp("search-sets-index") / "index")
    ix.update(library)
    yield ix
    ix.close()


@pytest.fixture(scope="module")
def passages(library: Library) -> list[Passage]:
    """Every unit of every document, read as the reference reads it."""
    terms = DutchTerms()
    docs = [library.load(doc_id) for doc_id in library.documents]
    units = [u for doc in docs if doc is not None for u in units_of(doc)]
    vocabulary = {form for u in units for form in WORD.findall(fold(u.text))}
    splitter = CompoundSplitter(vocabulary, terms.stop_words)
    out = []
    for number, unit in enumerate(units):
        forms = tuple(WORD.findall(fold(unit.text)))
        keys = frozenset(terms.key(f) or f for f in forms)
        parts = frozenset(terms.key(p) or p for f in forms for p in splitter.parts(f))
        out.append(
            Passage(unit.doc, unit.anchor, unit.kind, number, forms, keys, parts, bool(unit.title))
        )
    return out


Reading = Callable[[Passage, bool], bool]
"""Does the passage match? The flag says whether compound parts count."""


def word(text: str) -> Reading:
    key = DutchTerms().key(text) or text
    return lambda p, parts: key in p.keys or (parts and key in p.parts)


def phrase(*words: str) -> Reading:
    n = len(words)
    return lambda p, _parts: any(p.forms[i : i + n] == words for i in range(len(p.forms) - n + 1))


# A compound is split against the words the index knew when it first met it
# (documents are indexed one after another), so a part may or may not count:
# every passage that must match is found, and none that cannot.
REFERENCE: dict[str, Callable[[Passage, bool, bool], bool]] = {
    "gemeenten": lambda p, pos, neg: word("gemeenten")(p, pos),
    "taaleis bijstand": lambda p, pos, neg: word("taaleis")(p, pos) and word("bijstand")(p, pos),
    "uitkering": lambda p, pos, neg: word("uitkering")(p, pos),
    "huwelijksdwang": lambda p, pos, neg: word("huwelijksdwang")(p, pos),
    '"open en vrije samenleving"': lambda p, pos, neg: phrase("open", "en", "vrije", "samenleving")(
        p, pos
    ),
    '"in de bijstand"': lambda p, pos, neg: phrase("in", "de", "bijstand")(p, pos),
    '"de taaleis"': lambda p, pos, neg: phrase("de", "taaleis")(p, pos),
    "taal OR werk": lambda p, pos, neg: word("taal")(p, pos) or word("werk")(p, pos),
    "gemeenten -asiel": lambda p, pos, neg: word("gemeenten")(p, pos) and not word("asiel")(p, neg),
    "-gemeenten": lambda p, pos, neg: not word("gemeenten")(p, neg),
    f"doc:{LETTER} gemeenten": lambda p, pos, neg: p.doc == LETTER and word("gemeenten")(p, pos),
    "in:acties gemeenten": lambda p, pos, neg: p.kind == "action" and word("gemeenten")(p, pos),
    "doc:begrippen -de": lambda p, pos, neg: p.doc == "begrippen" and "de" not in p.forms,
}


@pytest.mark.parametrize("query", list(REFERENCE))
def test_the_index_finds_exactly_the_passages_a_reading_finds(
    index: SearchIndex, passages: list[Passage], query: str
) -> None:
    must = Counter((p.doc, p.anchor) for p in passages if REFERENCE[query](p, False, True))
    may = Counter((p.doc, p.anchor) for p in passages if REFERENCE[query](p, True, False))
    assert must, "a reference that finds nothing proves nothing"
    result = index.search(query, limit=10_000)
    found = Counter((h.doc, h.anchor) for h in result.hits)
    assert must <= found <= may
    assert result.total == found.total()
    assert result.documents == len({doc for doc, _ in found})
    assert not result.partial


def test_a_query_no_passage_fully_holds_gives_the_passages_holding_most(
    index: SearchIndex, passages: list[Passage]
) -> None:
    result = index.search("taaleis xyzzyqq", limit=10_000)
    assert result.partial and result.missing == ["xyzzyqq"]
    must = Counter((p.doc, p.anchor) for p in passages if word("taaleis")(p, False))
    may = Counter((p.doc, p.anchor) for p in passages if word("taaleis")(p, True))
    assert must <= Counter((h.doc, h.anchor) for h in result.hits) <= may
    assert all(h.missing == ("xyzzyqq",) for h in result.hits)


def test_a_page_is_the_start_of_the_whole_ranking(index: SearchIndex) -> None:
    everything = [(h.doc, h.anchor) for h in index.search("gemeenten", limit=10_000).hits]
    page = [(h.doc, h.anchor) for h in index.search("gemeenten", limit=7).hits]
    assert page == everything[:7]


def test_a_big_tier_is_ranked_from_its_best_records_alone(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Force the shortcut for tiers of any size: the order must not change.
    def ranking() -> list[tuple[str, str, float]]:
        hits = index.search("taal OR werk", limit=10_000).hits
        return [(h.doc, h.anchor, h.score) for h in hits]

    everything = ranking()
    monkeypatch.setattr(searching, "TIER_FIRST", 1)
    assert ranking() == everything


@pytest.mark.parametrize("query", ["huwelijksdwang", "gemeenten", '"in de bijstand"'])
def test_records_come_by_score_their_passages_together_titles_first(
    index: SearchIndex, passages: list[Passage], query: str
) -> None:
    # A record is a document, or 64 units of a long one (the letter has several).
    first = {}
    for p in passages:
        first.setdefault(p.doc, p.number)
    number = {(p.doc, p.anchor): p for p in passages}
    hits = index.search(query, limit=10_000).hits
    records = [(h.doc, (number[(h.doc, h.anchor)].number - first[h.doc]) // CHUNK) for h in hits]
    order = list(dict.fromkeys(records))
    assert records == sorted(records, key=order.index), "a record's passages come together"
    letters = [r for r in order if r[0].startswith("kst-")]
    assert order[: len(letters)] == letters, "the letter before our companion documents"
    score = {record: h.score for record, h in zip(records, hits, strict=True)}
    for group in (letters, order[len(letters) :]):
        assert [score[r] for r in group] == sorted((score[r] for r in group), reverse=True)
    for record in order:
        mine = [
            number[(h.doc, h.anchor)] for r, h in zip(records, hits, strict=True) if r == record
        ]
        titles = [p for p in mine if p.title]
        assert mine[: len(titles)] == titles, "headings first"
        rest = [p.number for p in mine[len(titles) :]]
        assert rest == sorted(rest), "then in reading order"


def test_a_whole_word_outranks_the_same_word_as_a_compound_part(index: SearchIndex) -> None:
    hits = index.search("uitkering", limit=10_000).hits
    whole = [i for i, h in enumerate(hits) if "uitkering" in WORD.findall(fold(h.text))]
    part_only = [
        i
        for i, h in enumerate(hits)
        if not any(f.startswith("uitkering") for f in WORD.findall(fold(h.text)))
    ]
    assert whole and part_only and max(whole) < min(part_only)


def test_a_word_first_read_for_a_prefix_is_read_whole_when_searched(
    library: Library, tmp_path: Path
) -> None:
    # A prefix reads its expansions' units alone (no weights, no compound
    # parts); searched next as a word in the same searcher, the term must be
    # read again, whole: same hits, same scores as in a searcher never used.
    def ranking(ix: SearchIndex) -> list[tuple[str, str, float]]:
        return [(h.doc, h.anchor, h.score) for h in ix.search("uitkering", limit=10_000).hits]

    with SearchIndex(tmp_path / "used") as used, SearchIndex(tmp_path / "fresh") as fresh:
        used.update(library)
        fresh.update(library)
        assert used.search("uitkering*").total
        after_prefix = ranking(used)
        assert after_prefix == ranking(fresh)
    assert after_prefix and all(score > 0 for _d, _a, score in after_prefix)
