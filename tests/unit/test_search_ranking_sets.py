"""The set-based ranking (core/search/collect.py) answers exactly as Whoosh's
own collector does: same hits in the same order, scores, totals and partial
matches (issue 14: query speed at 10,000 letters)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing_reader import paths
from briefing_reader.core.search import SearchIndex, collect, searching
from briefing_reader.session import open_library

QUERIES = [
    "gemeenten",
    "taaleis bijstand",
    "uitkering",
    "huwelijksdwang",
    "inburger*",
    '"open en vrije samenleving"',
    '"in de bijstand"',
    "taal OR werk",
    "gemeenten -asiel",
    "statushoudres~",
    "handhaaft taaleis",
    "taaleis xyzzyqq",
    "doc:kst-32824-456 gemeenten",
    "in:acties gemeenten",
    "de het",
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    base: Path = tmp_path_factory.mktemp("search-sets")
    ix = SearchIndex(base / "index")
    ix.update(open_library(paths.resolve(base / "data")))
    yield ix
    ix.close()


def answer(index: SearchIndex, query: str) -> dict[str, Any]:
    result = index.search(query, limit=400)
    return {
        "total": result.total,
        "partial": result.partial,
        "missing": result.missing,
        "hits": [(h.doc, h.anchor, h.missing) for h in result.hits],
        "scores": [h.score for h in result.hits],
    }


@pytest.mark.parametrize("query", QUERIES)
def test_the_set_ranking_gives_what_the_whoosh_collector_gives(
    index: SearchIndex, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = answer(index, query)

    def unsupported(*args: Any) -> Any:
        raise collect.Unsupported("forced")

    monkeypatch.setattr(searching, "_fast", unsupported)
    slow = answer(index, query)
    assert fast["total"] == slow["total"] and fast["hits"] == slow["hits"]
    assert (fast["partial"], fast["missing"]) == (slow["partial"], slow["missing"])
    assert fast["scores"] == pytest.approx(slow["scores"])


def test_a_big_tier_is_ranked_from_its_best_combinations_alone(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Force the shortcut for tiers of any size: the order must not change.
    everything = answer(index, "gemeenten")
    monkeypatch.setattr(searching, "TIER_FIRST", 3)
    assert answer(index, "gemeenten") == everything
