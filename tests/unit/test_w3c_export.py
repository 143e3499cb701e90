"""Every exported annotation passes every MUST assertion of the W3C Web
Annotation test suite (issue 16), applied by our runner as its own runner does
(tests/unit/w3c_suite.py). The suite is a copy of w3c/web-annotation-tests at
../shared/w3c-annotation-tests beside the repository (CI always has it; see its
SOURCE) or where W3C_ANNOTATION_TESTS points."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from briefing_reader import paths
from briefing_reader.core.content import Library
from briefing_reader.core.notes import (
    NotesStore,
    action_target,
    anchor_place,
    anchor_quote,
    exchange,
    open_store,
)
from briefing_reader.session import open_library

REPO = Path(__file__).resolve().parents[2]
SUITE = Path(
    os.environ.get("W3C_ANNOTATION_TESTS", REPO.parent / "shared" / "w3c-annotation-tests")
)
pytestmark = pytest.mark.skipif(
    not (SUITE / "annotations" / "annotationMusts.test").is_file(),
    reason=f"the W3C annotation test suite is not at {SUITE} (CI has it at "
    "../shared/w3c-annotation-tests; set W3C_ANNOTATION_TESTS to run this here)",
)
LETTER = "kst-32824-456"


@pytest.fixture(scope="module")
def suite() -> Any:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from w3c_suite import Suite

    return Suite(SUITE)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(paths.resolve(tmp_path_factory.mktemp("library")))


def profile(folder: Path, library: Library) -> NotesStore:
    """Every kind of note there is, mine and a colleague's from another tool."""
    doc = library.get(LETTER)
    assert doc is not None
    store = open_store(folder / "notes.sqlite3", folder / "backups")
    store.set_author("Jan de Vries")
    store.update_action(
        action_target(doc, "actie-taaleis-in-de-bijstand"),
        stance="Kritisch",
        priority="hoog",
        note="Hoe **handhaven** gemeenten?",
        questions=["Wanneer?", "Wat kost het?"],
        tags=["taal"],
    )
    store.update_action(action_target(doc, "actie-startbanen"), priority="laag")
    store.add_highlight(
        anchor_quote(doc, "De NCTV stelt het dreigingsniveau"),
        colour="#12abef",
        note="Sinds wanneer?",
        tags=["nctv"],
    )
    store.add_highlight(anchor_quote(doc, "De onlinewereld speelt een centrale rol"))
    store.add_bookmark(*anchor_place(doc, "actie-startbanen"))
    theirs = folder / "hypothesis.json"
    theirs.write_text(
        json.dumps(
            {
                "rows": [
                    {
                        "id": "Xy7_aBc",
                        "uri": f"https://zoek.officielebekendmakingen.nl/{LETTER}.html",
                        "text": "Zie **ook**",
                        "user": "acct:piet@hypothes.is",
                        "created": "2025-07-20T10:00:00+00:00",
                        "updated": "2025-07-21T10:00:00+00:00",
                        "target": [
                            {
                                "source": f"https://zoek.officielebekendmakingen.nl/{LETTER}.html",
                                "selector": [
                                    {"type": "TextQuoteSelector", "exact": "De onlinewereld speelt"}
                                ],
                            }
                        ],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    waiting = folder / "elders.jsonld"
    waiting.write_text(
        json.dumps(
            [
                {
                    "@context": exchange.CONTEXT,
                    "id": "http://example.org/anno/7",
                    "type": "Annotation",
                    "body": {"type": "TextualBody", "value": "Later", "language": "en"},
                    "target": {
                        "source": "urn:briefing-reader:doc:kst-99999-1",
                        "selector": {
                            "type": "TextQuoteSelector",
                            "exact": "een zin",
                            "prefix": "Hier ",
                            "suffix": " komt",
                        },
                    },
                }
            ]
        ),
        encoding="utf-8",
    )
    for path in (theirs, waiting):
        exchange.import_jsonld(store, path, library)
    return store


def failures(suite: Any, test: str, instance: Any) -> list[str]:
    results = suite.run(test, instance)
    assert results and all(r.kind in ("must", "should", "may") for r in results)
    return [
        f"{r.assertion}: {r.message}" for r in results if r.kind == "must" and r.status != "pass"
    ]


def test_every_exported_annotation_passes_every_must(
    suite: Any, library: Library, tmp_path: Path
) -> None:
    store = profile(tmp_path, library)
    try:
        collection = exchange.export_jsonld(store)
    finally:
        store.close()
    items = collection["first"]["items"]
    assert len(items) == 7
    for item in items:
        assert failures(suite, "annotations/annotationMusts.test", item) == [], item
    assert failures(suite, "collections/collectionMusts.test", collection) == []
    assert failures(suite, "collections/pages/pageMusts.test", collection["first"]) == []
    musts = suite.assertions("annotations/annotationMusts.test")
    assert len(musts) == 54  # the whole list ran, for every annotation


def test_bodies_creator_and_motivations(library: Library, tmp_path: Path) -> None:
    store = profile(tmp_path, library)
    try:
        items = exchange.export_jsonld(store)["first"]["items"]
        mine_id = store.creator_id()
        assert store.creator_id() == mine_id  # stable
    finally:
        store.close()
    for item in items:
        creator = item["creator"]
        assert creator["id"].startswith(("urn:uuid:", "acct:")) and creator["name"]
        bodies = item.get("body", [])
        for body in bodies if isinstance(bodies, list) else [bodies]:
            if body["type"] == "TextualBody":
                assert body["language"] in ("nl", "en")
    mine = [i for i in items if i["creator"]["name"] == "Jan de Vries"]
    assert len(mine) == 5 and {i["creator"]["id"] for i in mine} == {mine_id}
    noted = [i for i in mine if i["motivation"] == ["highlighting", "commenting"]]
    assert len(noted) == 1
    piet = next(i for i in items if i["creator"]["name"] == "piet")
    assert piet["via"] == "https://hypothes.is/a/Xy7_aBc"
    assert piet["creator"]["id"] == "acct:piet@hypothes.is"
    assert piet["body"]["value"] == "Zie **ook**"


def test_the_runner_catches_what_the_suite_forbids(suite: Any) -> None:
    """The runner is not a rubber stamp: the defects of issue 16 fail."""
    annotation = {
        "@context": exchange.CONTEXT,
        "id": "urn:uuid:1",
        "type": "Annotation",
        "target": {
            "source": "urn:x",
            "state": {"type": "TimeState", "cached": ["ni:///a", "ni:///b"]},
        },
    }
    assert any(
        "4.3.1-timeStateValid" in f
        for f in failures(suite, "annotations/annotationMusts.test", annotation)
    )
    both = {
        **annotation,
        "target": "urn:x",
        "body": {"type": "TextualBody", "value": "x"},
        "bodyValue": "y",
    }
    assert any(
        "notBodyBodyValue" in f for f in failures(suite, "annotations/annotationMusts.test", both)
    )
    assert any(
        "annotationCreatedValidated" in f
        for f in failures(
            suite, "annotations/annotationMusts.test", {**both, "created": "gisteren"}
        )
    )
