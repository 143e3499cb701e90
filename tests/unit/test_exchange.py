"""Notes exchange: Markdown, CSV and W3C Web Annotation JSON-LD out; JSON-LD in."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import sqlite3
import uuid
from collections.abc import Iterator
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
    merging,
    open_store,
)
from briefing_reader.session import open_library

LETTER = "kst-32824-456"
ACTION = "actie-taaleis-in-de-bijstand"
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MOTIVATIONS = {"commenting", "highlighting", "bookmarking", "tagging", "questioning", "classifying"}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(paths.resolve(tmp_path_factory.mktemp("library")))


def new_store(folder: Path) -> NotesStore:
    return open_store(folder / "notes.sqlite3", folder / "backups")


@pytest.fixture
def store(tmp_path: Path, library: Library) -> Iterator[NotesStore]:
    """My profile: an annotated action, two highlights and a bookmark."""
    doc = library.get(LETTER)
    assert doc is not None
    mine = new_store(tmp_path / "mine")
    mine.set_author("Jan de Vries")
    mine.update_action(
        action_target(doc, ACTION),
        stance="Kritisch",
        priority="hoog",
        note="Hoe **handhaven** gemeenten?\n\nTweede alinea.",
        questions=["Wanneer komt de evaluatie?", "Wat kost dit?"],
        tags=["taal", "bijstand"],
    )
    mine.update_action(action_target(doc, "actie-startbanen"), stance="Steunen")
    mine.add_highlight(
        anchor_quote(doc, "De NCTV stelt het dreigingsniveau"),
        colour="#12abef",
        note="Sinds wanneer?",
        tags=["nctv"],
    )
    mine.add_highlight(anchor_quote(doc, "De onlinewereld speelt een centrale rol"), colour="blauw")
    anchor, name = anchor_place(doc, "s-2-4")
    mine.add_bookmark(anchor, name)
    yield mine
    mine.close()


def items(collection: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in collection.get("first", {}).get("items", [])}


def table_rows(store: NotesStore) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(store.path)
    try:
        return {
            table: sorted(tuple(row) for row in conn.execute(f"SELECT * FROM {table}"))
            for table in ("action_notes", "highlights", "bookmarks")
        }
    finally:
        conn.close()


# --- JSON-LD ------------------------------------------------------------------


def test_jsonld_follows_the_web_annotation_model(store: NotesStore) -> None:
    collection = exchange.export_jsonld(store)
    assert collection["@context"] == CONTEXT and collection["type"] == "AnnotationCollection"
    assert collection["total"] == 5 and collection["first"]["type"] == "AnnotationPage"
    assert uuid.UUID(collection["id"].removeprefix("urn:uuid:"))
    for item in collection["first"]["items"]:
        assert item["@context"] == CONTEXT and item["type"] == "Annotation"
        assert str(uuid.UUID(item["id"].removeprefix("urn:uuid:"))) in item["id"]
        assert item["creator"] == {
            "id": store.creator_id(),
            "type": "Person",
            "name": "Jan de Vries",
        }
        assert store.creator_id().startswith("urn:uuid:")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", item["created"])
        assert (
            set(
                item["motivation"] if isinstance(item["motivation"], list) else [item["motivation"]]
            )
            <= MOTIVATIONS
        )
        bodies = item.get("body", [])
        for body in bodies if isinstance(bodies, list) else [bodies]:
            assert body["purpose"] in MOTIVATIONS | {"describing"}
            if body["type"] == "TextualBody":
                assert body["format"] in ("text/markdown", "text/plain")
                assert body["language"] == "nl"
        target = item["target"]
        assert target["type"] == "SpecificResource"
        assert target["source"] == {
            "id": f"urn:briefing-reader:doc:{LETTER}:v2",
            "type": "Text",
            "canonical": f"urn:briefing-reader:doc:{LETTER}",
        }
        states = target["state"] if isinstance(target["state"], list) else [target["state"]]
        for state in states:
            assert state["type"] == "TimeState" and state["sourceDate"] == item["modified"]
            assert re.fullmatch(
                r"ni:///sha-256;[A-Za-z0-9_-]{43}\?ct=text/(plain|markdown)", state["cached"]
            )

    by_motivation = {json.dumps(i["motivation"]): i for i in collection["first"]["items"]}
    action = by_motivation[json.dumps(["classifying", "commenting", "questioning", "tagging"])]
    assert action["target"]["selector"][0] == {
        "type": "FragmentSelector",
        "conformsTo": "http://tools.ietf.org/rfc/rfc3986",
        "value": ACTION,
    }
    purposes = [(b["purpose"], b.get("value", b.get("source"))) for b in action["body"]]
    assert purposes == [
        ("classifying", "Kritisch"),
        ("classifying", "urn:briefing-reader:priority:hoog"),
        ("commenting", "Hoe **handhaven** gemeenten?\n\nTweede alinea."),
        ("questioning", "Wanneer komt de evaluatie?"),
        ("questioning", "Wat kost dit?"),
        ("tagging", "taal"),
        ("tagging", "bijstand"),
    ]
    comment = by_motivation[json.dumps(["highlighting", "commenting"])]
    selectors = comment["target"]["selector"]
    assert [s["type"] for s in selectors] == ["TextQuoteSelector", "TextPositionSelector"]
    assert selectors[0]["exact"] == "De NCTV stelt het dreigingsniveau"
    assert comment["target"]["styleClass"] == "kleur-12abef"
    assert "#12abef" in comment["stylesheet"]["value"]
    assert by_motivation['"highlighting"']["target"]["styleClass"] == "blauw"
    bookmark = by_motivation['"bookmarking"']
    assert bookmark["body"]["value"] == "2.4 Taaleis in de bijstand"


def test_jsonld_round_trips_through_an_empty_profile(
    store: NotesStore, tmp_path: Path, library: Library
) -> None:
    first = tmp_path / "mine.jsonld"
    assert exchange.export_file(store, library, first, "jsonld") == 5
    colleague = new_store(tmp_path / "colleague")
    try:
        report = exchange.import_jsonld(colleague, first, library)
        assert (report.added, report.updated, report.unchanged) == (5, 0, 0)
        again = exchange.export_jsonld(colleague)
        assert items(again) == items(json.loads(first.read_text(encoding="utf-8")))
        action = colleague.action_annotations()
        assert [a.imported_from for a in action] == ["mine.jsonld"] * 2
        assert all(a.author == "Jan de Vries" and not a.is_mine for a in action)
        assert action[0].action_title in ("Taaleis in de bijstand", "Startbanen")
        highlight = next(h for h in colleague.highlights() if h.note)
        original = next(h for h in store.highlights() if h.note)
        assert highlight.anchor == original.anchor  # place and hashes restored too
        assert highlight.colour == "#12abef" and highlight.tags == ("nctv",)
    finally:
        colleague.close()


def test_reimport_changes_nothing_and_mine_is_never_overwritten(
    store: NotesStore, tmp_path: Path, library: Library
) -> None:
    path = tmp_path / "mine.jsonld"
    exchange.export_file(store, library, path, "jsonld")
    colleague = new_store(tmp_path / "colleague")
    try:
        exchange.import_jsonld(colleague, path, library)
        before = table_rows(colleague)
        second = exchange.import_jsonld(colleague, path, library)
        assert (second.added, second.updated, second.unchanged) == (0, 0, 5)
        assert table_rows(colleague) == before
    finally:
        colleague.close()
    before = table_rows(store)
    into_mine = exchange.import_jsonld(store, path, library)
    assert (into_mine.added, into_mine.kept_mine) == (0, 5)
    assert table_rows(store) == before


def test_a_colleagues_note_sits_beside_mine_and_newer_versions_update_it(
    store: NotesStore, tmp_path: Path, library: Library
) -> None:
    data = exchange.export_jsonld(store)
    theirs = copy.deepcopy(data)
    for item in theirs["first"]["items"]:
        item["id"] = f"urn:uuid:{uuid.uuid4()}"
        item["creator"]["name"] = "Piet"
    path = tmp_path / "piet.jsonld"
    path.write_text(json.dumps(theirs), encoding="utf-8")
    assert exchange.import_jsonld(store, path, library).added == 5
    annotations = store.action_annotations(LETTER)
    mine = [a for a in annotations if a.is_mine]
    piet = [a for a in annotations if not a.is_mine]
    assert len(mine) == len(piet) == 2 and {a.author for a in piet} == {"Piet"}
    assert store.action_annotation(LETTER, ACTION).author == "Jan de Vries"

    newer = copy.deepcopy(theirs)
    action = next(i for i in newer["first"]["items"] if isinstance(i["motivation"], list))
    action["modified"] = "2099-01-01T00:00:00.000Z"
    action["body"][0]["value"] = "Steunen"
    path.write_text(json.dumps(newer), encoding="utf-8")
    report = exchange.import_jsonld(store, path, library)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 4)
    assert {a.stance for a in store.action_annotations(LETTER) if a.author == "Piet"} == {"Steunen"}
    assert store.action_annotation(LETTER, ACTION).stance == "Kritisch"


def _break(mutate: Any) -> Any:
    def apply(data: dict[str, Any]) -> Any:
        mutate(data)
        return data

    return apply


BROKEN = {
    "not-json": (lambda data: "{ not json", "is not valid JSON (line 1"),
    "no-context": (_break(lambda d: d.pop("@context")), "not a W3C Web Annotation file"),
    "not-a-collection": (_break(lambda d: d.update(type="Thing")), "AnnotationCollection"),
    "bad-uuid": (
        _break(lambda d: d["first"]["items"][-1].update(id="urn:uuid:nope")),
        "not a valid UUID",
    ),
    "no-target": (_break(lambda d: d["first"]["items"][-1].pop("target")), "it has no target"),
    "foreign-source": (
        _break(
            lambda d: d["first"]["items"][-1]["target"].update(source="https://example.org/brief")
        ),
        "not a document Briefing Reader knows",
    ),
    "bad-position": (
        _break(lambda d: d["first"]["items"][-1]["target"]["selector"][1].update(start=9, end=2)),
        "0 <= start <= end",
    ),
    "bad-priority": (
        _break(
            lambda d: next(i for i in d["first"]["items"] if isinstance(i["motivation"], list))[
                "body"
            ][1].update(source="urn:briefing-reader:priority:dringend")
        ),
        "unknown priority 'dringend'",
    ),
    "bad-date": (
        _break(lambda d: d["first"]["items"][-1].update(created="gisteren")),
        "'created' is not an ISO 8601 date-time",
    ),
    "duplicate-id": (
        _break(lambda d: d["first"]["items"].append(d["first"]["items"][0])),
        "the id occurs twice",
    ),
    "page-by-reference": (
        _break(lambda d: d.update(first="https://example.org/page1")),
        "only self-contained collections",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_invalid_files_are_refused_whole(
    case: str, store: NotesStore, tmp_path: Path, library: Library
) -> None:
    mutate, reason = BROKEN[case]
    data = mutate(exchange.export_jsonld(store))
    path = tmp_path / f"{case}.jsonld"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    empty = new_store(tmp_path / "empty")
    try:
        with pytest.raises(exchange.ExchangeError) as caught:
            exchange.import_jsonld(empty, path, library)
        assert str(path) in str(caught.value) and reason in str(caught.value)
        assert empty.action_annotations() == [] and empty.highlights() == []
        assert empty.bookmarks() == []
    finally:
        empty.close()


def test_a_failing_write_rolls_back_everything(
    store: NotesStore, tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mine.jsonld"
    exchange.export_file(store, library, path, "jsonld")
    empty = new_store(tmp_path / "empty")
    original = merging.columns
    calls = []

    def failing(incoming: Any, **kwargs: Any) -> dict[str, Any]:
        calls.append(incoming)
        if len(calls) == 4:
            raise sqlite3.OperationalError("disk I/O error")
        return original(incoming, **kwargs)

    monkeypatch.setattr(merging, "columns", failing)
    try:
        with pytest.raises(exchange.NotesError):
            exchange.import_jsonld(empty, path, library)
        assert table_rows(empty) == {"action_notes": [], "highlights": [], "bookmarks": []}
    finally:
        empty.close()


# --- Markdown and CSV ------------------------------------------------------------


def test_markdown_groups_by_document_and_section_and_links_resolve(
    store: NotesStore, library: Library
) -> None:
    text = exchange.export_markdown(store, library)
    assert "## Kamerstukken II 2024/25, 32 824, nr. 456, Voortgang Actieagenda" in text
    assert "### Pijler 1 > 1.3 Preventie radicalisering en extremisme" in text
    assert "### Pijler 2 > 2.4 Taaleis in de bijstand" in text
    assert text.index("1.3 Preventie") < text.index("2.2 Startbanen") < text.index("2.4 Taaleis")
    assert "> De NCTV stelt het dreigingsniveau" in text and "Sinds wanneer?" in text
    assert "- Standpunt: Kritisch" in text and "1. Wanneer komt de evaluatie?" in text
    links = re.findall(r"\]\(doc:([^)#\s]+)#([^)\s]+)\)", text)
    assert len(links) == 5
    for doc_id, anchor in links:
        doc = library.get(doc_id)
        assert doc is not None and anchor in doc.anchors(), (doc_id, anchor)


def test_csv_has_one_row_per_note_with_fixed_columns(
    store: NotesStore, tmp_path: Path, library: Library
) -> None:
    path = tmp_path / "notes.csv"
    assert exchange.export_file(store, library, path, "csv") == 5
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, so spreadsheets read the accents
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == exchange.CSV_COLUMNS
    assert sorted(r["kind"] for r in rows) == [
        "action",
        "action",
        "bookmark",
        "highlight",
        "highlight",
    ]
    action = next(r for r in rows if r["anchor"] == ACTION)
    assert action["questions"] == "Wanneer komt de evaluatie?\nWat kost dit?"
    assert action["citation"] == "Kamerstukken II 2024/25, 32 824, nr. 456"
    assert action["link"] == f"doc:{LETTER}#{ACTION}" and action["tags"] == "taal; bijstand"


def test_export_to_a_missing_folder_says_so(store: NotesStore, tmp_path: Path) -> None:
    with pytest.raises(exchange.ExchangeError, match="does not exist"):
        exchange.export_file(store, None, tmp_path / "nope" / "x.md", "md")
    assert not (tmp_path / "nope").exists()
