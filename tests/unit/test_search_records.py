"""The index records made for speed say what a plain reading of the units says.

``schema.records`` counts with ``Counter.update`` on lists and sets bits per
distinct key; the reference here walks every word of every unit the slow,
obvious way. Both must agree on every term, frequency, weight and bitmap.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from briefing_reader import paths
from briefing_reader.core.content import Document
from briefing_reader.core.search import schema
from briefing_reader.core.search.text import WORD, CompoundSplitter, DutchTerms, fold
from briefing_reader.core.search.units import units_of
from briefing_reader.session import open_library


def reference(doc: Document, terms: DutchTerms, splitter: CompoundSplitter) -> list[dict[str, Any]]:
    """body (its upper 64 bits: units holding a key only in a compound), pairs
    and scope of each chunk, word by word (weights as
    BM25's term-frequency part of the words' counts, titles counting double)."""
    out = []
    units = units_of(doc)
    for start in range(0, len(units), schema.CHUNK):
        body: dict[str, list[Any]] = {}
        pairs: dict[str, list[Any]] = {}
        whole: dict[str, int] = {}
        part: dict[str, int] = {}
        chunk = units[start : start + schema.CHUNK]
        for i, unit in enumerate(chunk):
            boost = schema.HEADING_BOOST if unit.title else 1.0
            words = WORD.findall(fold(unit.text))
            for word in words:
                key = terms.key(word) or word
                entry = body.setdefault(key, [0, 0.0, 0])
                entry[0] += 1
                entry[1] += boost
                entry[2] |= 1 << i
                whole[key] = whole.get(key, 0) | 1 << i
                for p in dict.fromkeys(terms.key(x) for x in splitter.parts(word)):
                    if p is None or p == terms.key(word):
                        continue
                    entry = body.setdefault(p, [0, 0.0, 0])
                    entry[1] += schema.PART_WEIGHT * boost
                    entry[2] |= 1 << i
                    part[p] = part.get(p, 0) | 1 << i
            for a, b in pairwise(words):
                entry = pairs.setdefault(f"{a} {b}", [0, 0.0, 0])
                entry[0] += 1
                entry[1] += boost
                entry[2] |= 1 << i
        length = sum(len(WORD.findall(fold(u.text))) for u in chunk)
        for entry in [*body.values(), *pairs.values()]:
            entry[0] = entry[0] or entry[2].bit_count()
            entry[1] = schema.bm25_weight(entry[1], length)
        for k, b in part.items():  # the upper 64 bits: units holding k only in a compound
            body[k][2] |= (b & ~whole.get(k, 0)) << 64
        actions = sum(1 << i for i, u in enumerate(chunk) if u.kind == "action")
        scope = {"all": (1 << len(chunk)) - 1} | ({"action": actions} if actions else {})
        out.append({"body": body, "pairs": pairs, "scope": scope})
    return out


@pytest.mark.parametrize("doc_id", ["kst-32824-456", "begrippen", "moties", "dossier-32824"])
def test_records_agree_with_a_plain_reading(tmp_path: Path, doc_id: str) -> None:
    library = open_library(paths.resolve(tmp_path / "data"))
    doc = library.load(doc_id)
    assert doc is not None
    terms = DutchTerms()
    vocabulary = {w for u in units_of(doc) for w in WORD.findall(fold(u.text))}
    splitter = CompoundSplitter(vocabulary, terms.stop_words)
    made = [r for r in schema.records(doc, terms, splitter, set()) if r["kind"] == "_text"]
    expected = reference(doc, terms, splitter)
    assert len(made) == len(expected) >= 1
    for record, plain in zip(made, expected, strict=True):
        for field in ("body", "pairs"):
            assert record[field].keys() == plain[field].keys()
            for term, (freq, weight, bits) in record[field].items():
                want = plain[field][term]
                assert (freq, bits) == (want[0], want[2]), (field, term)
                assert weight == pytest.approx(want[1]), (field, term)
        scope = {k: b for k, (_f, _w, b) in record["scope"].items() if k != "more"}
        assert scope == plain["scope"]
