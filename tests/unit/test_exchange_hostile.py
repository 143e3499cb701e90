"""Hostile notes files and exports (issue 13, defects 7 and 11): CSV cells that a
spreadsheet would run, JSON nested too deep, lone surrogates, odd values."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from briefing_reader import paths
from briefing_reader.core.content import Library
from briefing_reader.core.notes import anchor_quote, exchange, open_store
from briefing_reader.core.notes.csv_export import FORMULA_STARTS
from briefing_reader.core.notes.json_bounds import MAX_DEPTH, json_depth
from briefing_reader.session import open_library

LETTER = "kst-32824-456"
FORMULAS = [
    '=HYPERLINK("http://x","klik")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\tverborgen",
    "\rterug",
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(paths.resolve(tmp_path_factory.mktemp("library")))


def test_csv_cells_that_start_a_formula_get_an_apostrophe(tmp_path: Path, library: Library) -> None:
    doc = library.get(LETTER)
    assert doc is not None
    theirs = open_store(tmp_path / "theirs" / "notes.sqlite3", tmp_path / "theirs" / "b")
    theirs.set_author("=Piet")
    for formula in FORMULAS:
        theirs.add_highlight(
            anchor_quote(doc, "De NCTV stelt het dreigingsniveau"),
            note=formula,
            tags=[formula.strip() or "x"],
        )
    shared = tmp_path / "piet.jsonld"
    exchange.export_file(theirs, library, shared, "jsonld")
    theirs.close()
    mine = open_store(tmp_path / "mine" / "notes.sqlite3", tmp_path / "mine" / "b")
    try:
        assert exchange.import_jsonld(mine, shared, library).added == len(FORMULAS)
        rows = list(csv.DictReader(io.StringIO(exchange.export_csv(mine, library))))
    finally:
        mine.close()
    assert sorted(row["note"] for row in rows) == sorted("'" + f for f in FORMULAS)
    assert {row["author"] for row in rows} == {"'=Piet"}
    for row in rows:
        for column, value in row.items():
            assert not value.startswith(FORMULA_STARTS), (column, value)
    assert exchange.csv_cell("Gewoon") == "Gewoon" and exchange.csv_cell("") == ""


def refused(tmp_path: Path, raw: bytes) -> str:
    path = tmp_path / "hostile.jsonld"
    path.write_bytes(raw)
    store = open_store(tmp_path / "p" / "notes.sqlite3", tmp_path / "p" / "b")
    try:
        with pytest.raises(exchange.ExchangeError) as caught:
            exchange.import_jsonld(store, path)
        assert store.highlights() == [] and store.bookmarks() == []
    finally:
        store.close()
    assert str(path) in str(caught.value)
    return caught.value.reason


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 5000, 100_000])
def test_deep_json_is_refused_before_parsing(tmp_path: Path, depth: int) -> None:
    raw = b"[" * depth + b"]" * depth
    assert json_depth(raw) == depth
    assert f"nested {depth} levels deep" in refused(tmp_path, raw)
    objects = (b'{"a":' * depth) + b"1" + b"}" * depth
    assert f"nested {depth} levels deep" in refused(tmp_path, objects)


def test_brackets_inside_strings_do_not_count(tmp_path: Path) -> None:
    raw = json.dumps({"x": "[[[[{{{{" * 100, "y": ['\\"[[']}).encode()
    assert json_depth(raw) == 2


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "x\\ud83d", "\\ude00y"])
def test_lone_surrogates_are_refused_by_line(tmp_path: Path, escape: str) -> None:
    raw = (
        '{"@context": "http://www.w3.org/ns/anno.jsonld",\n "type": "Annotation",\n'
        f' "bodyValue": "{escape}"}}'
    ).encode()
    assert "lone surrogate" in refused(tmp_path, raw) and "line 3" in refused(tmp_path, raw)


def test_a_surrogate_pair_and_an_escaped_backslash_are_text(tmp_path: Path) -> None:
    from briefing_reader.core.notes.json_bounds import load_json

    raw = b'{"a": "\\ud83d\\ude00", "b": "\\\\ud800"}'
    assert load_json(tmp_path / "x", raw) == {"a": "\U0001f600", "b": "\\ud800"}


def test_an_export_over_the_import_limit_is_split_into_importable_files(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_reader.core.notes import json_bounds

    doc = library.get(LETTER)
    assert doc is not None
    mine = open_store(tmp_path / "mine" / "notes.sqlite3", tmp_path / "mine" / "b")
    for number in range(40):
        mine.add_highlight(
            anchor_quote(doc, "De NCTV stelt het dreigingsniveau"),
            note=f"Notitie {number} " + "x" * 300,
        )
    whole = tmp_path / "alles.jsonld"
    exchange.export_file(mine, library, whole, "jsonld")
    limit = whole.stat().st_size // 3
    monkeypatch.setattr(json_bounds, "MAX_IMPORT_BYTES", limit)
    written: list[Path] = []
    assert (
        exchange.export_file(mine, library, tmp_path / "notities.jsonld", "jsonld", written=written)
        == 40
    )
    mine.close()
    assert [p.name for p in written][:2] == ["notities-1.jsonld", "notities-2.jsonld"]
    assert len(written) in (3, 4) and not (tmp_path / "notities.jsonld").exists()
    other = open_store(tmp_path / "other" / "notes.sqlite3", tmp_path / "other" / "b")
    try:
        for part in written:
            assert part.stat().st_size <= limit
            assert "deel" in json.loads(part.read_text(encoding="utf-8"))["label"]
            exchange.import_jsonld(other, part, library)
        assert len(other.highlights()) == 40
        with pytest.raises(exchange.ExchangeError, match="larger than"):
            exchange.import_jsonld(other, whole, library)
    finally:
        other.close()
