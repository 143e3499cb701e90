"""The OpenTK text-export importer reproduces the hand-curated letter.

``content/sources/kst-32824-456.txt`` is imported into an empty library
and compared, as the reader sees it, with ``content/kst-32824-456.md``:
the same blocks (kind, text, footnote marker spans), the same outline
(kinds, titles, levels), the same section, theme and action ids, the 22
markers with notes 20 and 22 reported missing, the finance table, the
front matter. Only the ids the curator chose by hand for sub-actions and
for "Eerste uitwerking Actieagenda" differ (ours are slugs of the titles).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing_reader import paths
from briefing_reader.core.content import Document, Library, load_document
from briefing_reader.core.importing import IMPORTED, REPLACED, UNCHANGED, import_files
from briefing_reader.core.importing.footnotes import align
from briefing_reader.core.importing.opentk import parliamentary_year

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "content" / "sources" / "kst-32824-456.txt"
CURATED = REPO / "content" / "kst-32824-456.md"
NOW = dt.datetime(2025, 9, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def curated() -> Document:
    return load_document(CURATED)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, list[str]]:
    run = paths.resolve(tmp_path_factory.mktemp("opentk"))
    report = import_files(run, [SOURCE], library=Library(), now=NOW)
    [result] = report.results
    assert result.status == IMPORTED, result.message()
    assert result.stored is not None
    return load_document(result.stored, bundled=False), [str(w) for w in result.warnings]


def _doc(imported: tuple[Document, list[str]]) -> Document:
    return imported[0]


def test_front_matter_is_the_curated_one(imported, curated) -> None:
    raw, want = _doc(imported).meta.raw, curated.meta.raw
    for key in (
        "id",
        "kind",
        "official",
        "title",
        "dossier",
        "volgnummer",
        "document_number",
        "date",
        "parliamentary_year",
        "version",
        "updated",
        "signatory",
        "committee",
        "zaak",
        "missing_footnotes",
    ):
        assert raw[key] == want[key], key
    assert raw["imported"]["format"] == "opentk"
    assert raw["imported"]["encoding"] == "UTF-8"
    assert raw["imported"]["file"] == SOURCE.name


def test_body_words_equal_the_curated_letter(imported, curated) -> None:
    ours, theirs = _doc(imported).plain_text.split(), curated.plain_text.split()
    assert len(ours) == len(theirs)
    assert ours == theirs


def test_blocks_equal_with_markers_at_the_same_places(imported, curated) -> None:
    def blocks(doc: Document) -> list[tuple[str, str, list[tuple[int, int]]]]:
        return [(b.kind, b.text, b.markers) for b in doc.blocks]

    assert blocks(_doc(imported)) == blocks(curated)


def test_outline_equal_in_kinds_titles_and_levels(imported, curated) -> None:
    def outline(doc: Document) -> list[tuple[str, str, int, int]]:
        return [(n.kind, n.title, n.first, n.stop) for n in doc.outline.walk()][1:]

    assert outline(_doc(imported)) == outline(curated)


@pytest.mark.parametrize(
    "node_id",
    [f"s-1-{n}" for n in range(1, 9)]
    + [f"s-2-{n}" for n in range(1, 7)]
    + [
        "s-3",
        "s-4",
        "pijler-1",
        "pijler-2",
        "opening",
        "ondertekening",
        "motie-van-dijk",
        "motie-becker",
        "motie-ceder",
        "t-verandering-van-binnenuit",
        "t-statelijke-inmenging",
        "t-maatschappelijke-spanningen",
        "t-burgerschap",
    ],
)
def test_section_and_theme_ids(imported, curated, node_id) -> None:
    ours, theirs = _doc(imported), curated
    if node_id in ("opening", "ondertekening"):
        assert node_id in ours.anchors()
        return
    node, want = ours.node(node_id), theirs.node(node_id)
    assert node is not None and want is not None
    assert (node.kind, node.title, node.level) == (want.kind, want.title, want.level)


def test_theme_ids_equal(imported, curated) -> None:
    def themes(doc: Document) -> list[str]:
        return [n.id for n in doc.outline.walk() if n.id.startswith("t-")]

    assert themes(_doc(imported)) == themes(curated)


def test_twenty_actions_with_the_curated_ids(imported, curated) -> None:
    def actions(doc: Document) -> list[tuple[str, str, str | None]]:
        return [
            (n.id, n.title, n.parent.id if n.parent else None)
            for n in doc.outline.walk()
            if n.kind == "action"
        ]

    ours = actions(_doc(imported))
    assert len(ours) == 20
    assert ours == actions(curated)


def test_subactions_with_the_curated_titles_and_parents(imported, curated) -> None:
    def subs(doc: Document) -> list[tuple[str, str | None]]:
        return [
            (n.title, n.parent.id if n.parent else None)
            for n in doc.outline.walk()
            if n.kind == "subaction"
        ]

    ours = subs(_doc(imported))
    assert len(ours) == 22  # 18 titled parts of boxes, 4 plans in 1.4
    assert ours == subs(curated)
    ids = [n.id for n in _doc(imported).outline.walk() if n.kind == "subaction"]
    assert all(i.startswith("actie-") for i in ids) and len(set(ids)) == len(ids)


def test_22_footnote_markers_two_texts_missing_and_reported(imported, curated) -> None:
    doc, warnings = imported
    assert list(doc.footnotes) == [str(n) for n in range(1, 23)]
    assert doc.footnotes == curated.footnotes
    assert doc.meta.missing_footnotes == ("20", "22")
    assert doc.footnotes["20"] == doc.footnotes["22"] == "Tekst ontbreekt in de bron."
    assert any(
        "22 footnote markers" in w and "20 footnote texts" in w and "20 and 22" in w
        for w in warnings
    )
    markers = sum(len(b.markers) for b in doc.blocks if b.kind != "footnote")
    assert markers == 22


def test_finance_table_values_as_printed(imported) -> None:
    [table] = [b for b in _doc(imported).blocks if b.kind == "table"]
    rows = [line.split("\t") for line in table.text.split("\n")]
    assert rows == [
        ["", "2025", "2026", "2027", "2028", "2029", "2030", "Struc."],
        ["Actieagenda Integratie", "5,0", "10,6", "11,9", "11,7", "9,2", "0", ""],
        ["Startbanen (2.2)", "1,3", "0", "", "", "", "", ""],
        ["Taaleis (2.4)*", "0", "0", "3,7", "10,6", "17,4", "22", "17,4"],
        ["Totaal", "5", "11,6", "15,6", "22,3", "26,6", "22", "17,4"],
    ]


def test_bare_numbers_that_are_not_markers_stay_text(imported) -> None:
    text = _doc(imported).plain_text
    for phrase in ("op 4 (substantieel).4", "na 18 maanden", "91 %", "(Q2)", "nr.45"):
        assert phrase in text


def test_the_bundled_letter_at_the_same_version_is_unchanged(isolated_dirs) -> None:
    report = import_files(paths.resolve(), [SOURCE])
    [result] = report.results
    assert result.status == UNCHANGED
    assert result.doc_id == "kst-32824-456"
    assert "already in the library at this version" in result.reason
    assert not report.changed
    assert not paths.resolve().imported_documents.exists() or not any(
        paths.resolve().imported_documents.iterdir()
    )


def test_a_newer_version_of_the_export_replaces_the_bundled_letter(tmp_path) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    newer = tmp_path / "kst-32824-456-v3.txt"
    newer.write_text(text.replace("versie: 2 (versie 1)", "versie: 3 (versie 2)"), encoding="utf-8")
    run = paths.resolve()
    report = import_files(run, [newer])
    [result] = report.results
    assert (result.status, result.doc_id) == (REPLACED, "kst-32824-456")
    assert (result.old_version, result.new_version) == (2, 3)
    assert result.stored == run.imported_documents / "kst-32824-456.md"
    assert report.changed_ids == ["kst-32824-456"]


def test_alignment_leaves_the_unmatched_markers_without_text() -> None:
    contexts = [{"taal"}, {"aivd", "dreiging"}, {"kamerstuk"}, {"adviesraad", "migratie"}]
    notes = ["Taalrapport over taal", "Kamerstuk 1", "Adviesraad Migratie, 2025"]
    assert align(notes, contexts) == [0, None, 1, 2]
    assert align(["a", "b"], [set(), set(), set()]) == [0, 1, None]  # no evidence: last missing


@pytest.mark.parametrize(
    "day, year",
    [
        (dt.date(2025, 7, 4), "2024/25"),
        (dt.date(2025, 9, 15), "2024/25"),
        (dt.date(2025, 9, 16), "2025/26"),
        (dt.date(1999, 12, 31), "1999/00"),
    ],
)
def test_parliamentary_year_starts_on_prinsjesdag(day, year) -> None:
    assert parliamentary_year(day) == year
