"""Never a traceback (issue 16): any JSON at all, imported, gives either notes
or an ExchangeError naming the file (and the annotation and reason), and a
refused file changes nothing. Property-based, over arbitrary JSON: deep
nesting, lone surrogates, wrong types everywhere, motivation as an object."""

from __future__ import annotations

import copy
import json
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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

LETTER = "kst-32824-456"
# Text that includes lone surrogates (category Cs), which json.dumps writes as \\udXXX.
TEXT = st.text(st.characters(categories=["L", "N", "P", "Zs", "Cs"]), max_size=12)
SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(paths.resolve(tmp_path_factory.mktemp("library")))


@pytest.fixture(scope="module")
def exported(library: Library, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("source")
    doc = library.get(LETTER)
    assert doc is not None
    store = open_store(folder / "notes.sqlite3", folder / "backups")
    store.update_action(
        action_target(doc, "actie-taaleis-in-de-bijstand"),
        stance="Kritisch",
        priority="hoog",
        note="n",
        questions=["q"],
        tags=["t"],
    )
    store.add_highlight(anchor_quote(doc, "De NCTV stelt het dreigingsniveau"), note="x")
    store.add_bookmark(*anchor_place(doc, "actie-startbanen"))
    data = exchange.export_jsonld(store)
    store.close()
    return data


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NotesStore]:
    folder = tmp_path_factory.mktemp("fuzz")
    opened = open_store(folder / "notes.sqlite3", folder / "backups")
    yield opened
    opened.close()


def snapshot(store: NotesStore) -> list[Any]:
    conn = sqlite3.connect(store.path)
    try:
        return [
            sorted(conn.execute(f"SELECT * FROM {table}").fetchall())
            for table in ("action_notes", "highlights", "bookmarks", "anchor_events")
        ]
    finally:
        conn.close()


def check(store: NotesStore, library: Library, raw: bytes) -> None:
    """Import ``raw``: it works, or it is refused by name and changes nothing."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.jsonld"
        path.write_bytes(raw)
        before = snapshot(store)
        try:
            exchange.import_jsonld(store, path, library)
        except exchange.ExchangeError as error:
            assert str(path) in str(error) and error.reason
            assert snapshot(store) == before


def paths_in(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths_in(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += paths_in(inner, (*prefix, index))
    return found


def replaced(data: Any, where: tuple[Any, ...], value: Any) -> Any:
    if not where:
        return value
    data = copy.deepcopy(data)
    parent = data
    for step in where[:-1]:
        parent = parent[step]
    parent[where[-1]] = value
    return data


FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(data=JSON)
def test_arbitrary_json_never_raises_anything_else(
    store: NotesStore, library: Library, data: Any
) -> None:
    check(store, library, json.dumps(data).encode())


@FUZZ
@given(choice=st.data(), value=JSON)
def test_a_real_export_with_any_value_anywhere(
    store: NotesStore, library: Library, exported: dict[str, Any], choice: st.DataObject, value: Any
) -> None:
    where = choice.draw(st.sampled_from(paths_in(exported)))
    check(store, library, json.dumps(replaced(exported, where, value)).encode())


@FUZZ
@given(choice=st.data(), value=JSON, depth=st.integers(1, 6000))
def test_deep_nesting_anywhere(
    store: NotesStore,
    library: Library,
    exported: dict[str, Any],
    choice: st.DataObject,
    value: Any,
    depth: int,
) -> None:
    where = choice.draw(st.sampled_from(paths_in(exported)))
    text = json.dumps(replaced(exported, where, "@@"))
    nested = "[" * depth + json.dumps(value) + "]" * depth
    check(store, library, text.replace('"@@"', nested, 1).encode())


@pytest.mark.parametrize(
    "mutate",
    [
        lambda a: a.update(motivation={"oops": ["highlighting"]}),
        lambda a: a.update(motivation=[{"a": 1}, "commenting"]),
        lambda a: a.update(id={"id": "urn:uuid:x"}),
        lambda a: a.update(body=[["nested"]]),
        lambda a: a.update(target={"source": {"id": ["x"]}}),
        lambda a: a.update(created=12),
        lambda a: a.update(creator=[{"name": {"first": "x"}}]),
    ],
)
def test_named_odd_values_are_refused_or_read(
    store: NotesStore, library: Library, exported: dict[str, Any], mutate: Any
) -> None:
    data = copy.deepcopy(exported)
    for item in data["first"]["items"]:
        mutate(item)
    check(store, library, json.dumps(data).encode())
