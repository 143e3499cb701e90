"""References between letters: parsing every spelling, resolving, "cited by", the CLI."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_reader import paths
from briefing_reader.cli import main
from briefing_reader.core.content.catalogue import SCHEMA
from briefing_reader.core.content.catalogued import CataloguedLibrary
from briefing_reader.core.content.citing import Resolver, document_references, library_resolver
from briefing_reader.core.content.library import Library
from briefing_reader.core.content.references import find_references
from briefing_reader.session import open_library

# (as written in letters, dossier, number, normalised citation)
SPELLINGS = [
    ("Kamerstuk 32 824, nr. 450", "32 824", 450, "Kamerstuk 32 824, nr. 450"),
    (
        "Kamerstuk 2023 – 2024 36 272, nr. 17",
        "36 272",
        17,
        "Kamerstukken II 2023/24, 36 272, nr. 17",
    ),
    (
        "Kamerstuk II, 2023 -2024, 32 824, nr. 418",
        "32 824",
        418,
        "Kamerstukken II 2023/24, 32 824, nr. 418",
    ),
    (
        "Kamerstukken II 2024-2025, 32 824, nr. 454",
        "32 824",
        454,
        "Kamerstukken II 2024/25, 32 824, nr. 454",
    ),
    ("Kamerstuk 36 600 XV, nr. 82", "36 600 XV", 82, "Kamerstuk 36 600 XV, nr. 82"),
    ("35 228, nr.45", "35 228", 45, "Kamerstuk 35 228, nr. 45"),
    (
        "Kamerstukken II 2024/25, 32824, nrs. 12",
        "32 824",
        12,
        "Kamerstukken II 2024/25, 32 824, nr. 12",
    ),
    (
        "Aanhangsel Handelingen II 2024/25, nr. 753",
        None,
        753,
        "Aanhangsel Handelingen II 2024/25, nr. 753",
    ),
]


@pytest.mark.parametrize("text, dossier, number, cited", SPELLINGS)
def test_every_spelling(text: str, dossier: str | None, number: int, cited: str) -> None:
    refs = find_references(f"Zie ook ({text}). Verder niets.")
    assert len(refs) == 1
    ref = refs[0]
    assert (ref.text, ref.dossier, ref.volgnummer, ref.citation) == (text, dossier, number, cited)


@pytest.mark.parametrize(
    "text",
    [
        "op 4 (substantieel) en 91 %",
        "na 18 maanden, nr. 3 van de lijst",
        "€22 mln per jaar",
        "Den Haag, 4 juli 2025",
        "in 2023 – 2024 kwamen 36 272 mensen",
        "nr. 5",
    ],
)
def test_no_false_references(text: str) -> None:
    assert find_references(text) == []


_FORMS = [
    "Kamerstuk {d}, nr. {n}",
    "Kamerstukken II {y1}/{y2s}, {d}, nr. {n}",
    "Kamerstuk {y1} – {y2}, {d}, nr. {n}",
    "Kamerstuk II, {y1} -{y2}, {d}, nr. {n}",
    "Kamerstukken II {y1}-{y2} {d}, nr.{n}",
    "{d}, nr. {n}",
]
_WORDS = st.lists(
    st.sampled_from(
        [
            "de",
            "brief",
            "van",
            "motie",
            "Kamer",
            "gemeenten",
            "(",
            ")",
            "en",
            "maart",
            "over",
            "taal",
        ]
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(
    digits=st.integers(10_000, 99_999),
    suffix=st.sampled_from(["", "XV", "VII", "A"]),
    number=st.integers(1, 9_999),
    year=st.integers(1995, 2030),
    form=st.sampled_from(_FORMS),
    before=_WORDS,
    after=_WORDS,
)
def test_written_any_way_the_citation_is_the_same(
    digits: int, suffix: str, number: int, year: int, form: str, before: str, after: str
) -> None:
    dossier = f"{str(digits)[:2]} {str(digits)[2:]}" + (f" {suffix}" if suffix else "")
    written = form.format(d=dossier, n=number, y1=year, y2=year + 1, y2s=f"{(year + 1) % 100:02d}")
    refs = find_references(f"{before} {written} {after}".strip())
    assert [r.text for r in refs] == [written]
    ref = refs[0]
    assert ref.dossier == dossier and ref.volgnummer == number
    assert ref.year == (f"{year}/{(year + 1) % 100:02d}" if "{y1}" in form else None)
    again = find_references(ref.citation)
    assert [r.key for r in again] == [ref.key] and again[0].citation == ref.citation


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_parses_without_error_and_spans_are_exact(text: str) -> None:
    for ref in find_references(text):
        assert text[ref.start : ref.end] == ref.text
        assert "nr" in ref.text


CITING = """---
id: notitie-taal
kind: imported
title: Notitie taal
---

# Inleiding

Zoals gemeld (Kamerstukken II 2024/25, 32 824, nr. 456) gaat de taaleis door.[^1]

[^1]: Zie ook Kamerstuk 32 824, nr. 450.
"""


@pytest.fixture
def run(tmp_path: Path) -> paths.Paths:
    run = paths.resolve()
    run.imported_documents.mkdir(parents=True, exist_ok=True)
    (run.imported_documents / "notitie-taal.md").write_text(CITING, encoding="utf-8")
    return run


def test_references_in_text_and_footnotes_resolve_to_the_library(run: paths.Paths) -> None:
    library = open_library(run)
    doc = library.get("notitie-taal")
    assert doc is not None
    found = document_references(doc)
    assert [(f.ref.text, f.anchor) for f in found] == [
        ("Kamerstukken II 2024/25, 32 824, nr. 456", "inleiding"),
        ("Kamerstuk 32 824, nr. 450", "fn-1"),
    ]
    resolver = Resolver(d.meta for d in library)
    target = resolver.target(found[0].ref)
    assert target is not None and target.id == "kst-32824-456"
    assert resolver.target(found[1].ref) is None


def test_cited_by_comes_from_the_catalogue_and_follows_the_files(
    run: paths.Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = open_library(run)
    letter_meta = library.meta("kst-32824-456")
    assert letter_meta is not None
    in_memory = Library()
    for doc_id in library.documents:
        doc = library.get(doc_id)
        assert doc is not None
        in_memory.documents[doc_id] = doc
    expected = in_memory.cited_by(letter_meta)
    assert {row[0] for row in expected} == {"notitie-taal", "begrippen", "dossier-32824", "moties"}
    assert ("notitie-taal", "inleiding") in [row[:2] for row in expected]

    reopened = open_library(run)
    monkeypatch.setattr(reopened, "_load", _no_parsing)
    assert reopened.cited_by(letter_meta) == expected  # nothing parsed

    citing = run.imported_documents / "notitie-taal.md"
    citing.write_text(CITING.replace("32 824, nr. 456", "32 824, nr. 999"), encoding="utf-8")
    assert "notitie-taal" not in {row[0] for row in open_library(run).cited_by(letter_meta)}
    citing.write_text(CITING, encoding="utf-8")
    assert "notitie-taal" in {row[0] for row in open_library(run).cited_by(letter_meta)}
    citing.unlink()
    assert "notitie-taal" not in {row[0] for row in open_library(run).cited_by(letter_meta)}


def _no_parsing(path: Path, bundled: bool) -> None:
    raise AssertionError(f"parsed {path}")


def test_cli_refs_and_citedby(run: paths.Paths, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["refs", "notitie-taal", "--json"]) == 0
    refs = json.loads(capsys.readouterr().out)["refs"]
    assert refs[0] | {"offset": 0} == {
        "text": "Kamerstukken II 2024/25, 32 824, nr. 456",
        "dossier": "32 824",
        "volgnummer": 456,
        "citation": "Kamerstukken II 2024/25, 32 824, nr. 456",
        "target": "kst-32824-456",
        "in_library": True,
        "anchor": "inleiding",
        "offset": 0,
    }
    assert refs[1]["target"] is None and refs[1]["in_library"] is False
    assert main(["refs", "kst-32824-456", "--json"]) == 0
    letter_refs = json.loads(capsys.readouterr().out)["refs"]
    citations = {r["citation"] for r in letter_refs}
    assert "Kamerstukken II 2024/25, 32 824, nr. 454" in citations
    assert "Aanhangsel Handelingen II 2024/25, nr. 753" in citations
    assert "Kamerstuk 36 600 XV, nr. 82" in citations
    assert len(letter_refs) >= 11
    assert main(["citedby", "kst-32824-456", "--json"]) == 0
    cited = json.loads(capsys.readouterr().out)
    assert cited["citation"] == "Kamerstukken II 2024/25, 32 824, nr. 456"
    notitie = next(c for c in cited["cited_by"] if c["doc"] == "notitie-taal")
    assert notitie["title"] == "Notitie taal" and notitie["places"][0]["anchor"] == "inleiding"
    assert main(["citedby", "nergens"]) == 1


def _every_reference(library: Library) -> list[tuple[str, ...]]:
    keys = {f.ref.key for doc in library for f in document_references(doc)}
    keys |= {("kst", "32824", "999"), ("ah", "II", "2024/25", "1")}  # in no library
    return sorted(keys)


def test_a_reference_finds_its_letter_through_the_catalogue_alone(
    run: paths.Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same answers as a resolver over every document's front matter,
    # without reading every entry (a document opened at 10,000 letters
    # read them all to link its references) and without parsing.
    library = open_library(run)
    keys = _every_reference(library)
    eager = Resolver(m for e in library.entries() if (m := library.meta(e.id)) is not None)
    expected = {key: eager.by_key.get(key) for key in keys}
    assert expected[("kst", "32824", "456")] is not None

    reopened = _catalogued(run)

    def every_entry() -> None:
        raise AssertionError("read every entry")

    monkeypatch.setattr(reopened, "entries", every_entry)
    monkeypatch.setattr(reopened.catalogue, "entries", every_entry)
    monkeypatch.setattr(reopened, "_load", _no_parsing)
    found = {key: reopened.identified(key) for key in keys}
    assert {k: m.id if m else None for k, m in found.items()} == {
        k: m.id if m else None for k, m in expected.items()
    }
    (ref,) = find_references("Kamerstuk 32 824, nr. 456")
    target = library_resolver(reopened).target(ref)
    assert target is not None and target.id == "kst-32824-456"


def test_identities_follow_the_files(run: paths.Paths) -> None:
    citing = run.imported_documents / "notitie-taal.md"
    numbered = CITING.replace(
        "kind: imported\n", 'kind: imported\ndossier:\n  number: "32 824"\nvolgnummer: 998\n'
    )
    citing.write_text(numbered, encoding="utf-8")
    key = ("kst", "32824", "998")
    assert open_library(run).identified(key) is not None
    citing.write_text(numbered.replace("998", "997"), encoding="utf-8")
    library = open_library(run)
    assert library.identified(key) is None
    moved = library.identified(("kst", "32824", "997"))
    assert moved is not None and moved.id == "notitie-taal"
    citing.unlink()
    assert open_library(run).identified(("kst", "32824", "997")) is None


def test_a_version_2_catalogue_gets_its_identities_from_the_rows_it_holds(
    run: paths.Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    _catalogued(run).catalogue.close()
    with sqlite3.connect(run.catalogue) as conn:  # as the previous version left it
        conn.execute("DROP TABLE identities")
        conn.execute("PRAGMA user_version = 2")
    conn.close()
    monkeypatch.setattr(CataloguedLibrary, "_load", _no_parsing)  # no file read again
    library = _catalogued(run)
    found = library.identified(("kst", "32824", "456"))
    assert found is not None and found.id == "kst-32824-456"
    version = library.catalogue.conn.execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA == 3


@pytest.mark.parametrize("damage", ["{not json", "[]", '{"id": 1}'])
def test_a_version_2_catalogue_with_damaged_front_matter_still_opens(
    run: paths.Paths, damage: str
) -> None:
    # The rows' front matter is read to fill the identities: a row that
    # cannot be read must not stop the catalogue opening; its file is read
    # again and the letter is found.
    _catalogued(run).catalogue.close()
    with sqlite3.connect(run.catalogue) as conn:
        conn.execute("DROP TABLE identities")
        conn.execute("UPDATE files SET meta = ? WHERE doc_id = 'kst-32824-456'", (damage,))
        conn.execute("PRAGMA user_version = 2")
    conn.close()
    library = _catalogued(run)
    found = library.identified(("kst", "32824", "456"))
    assert found is not None and found.id == "kst-32824-456"


def _catalogued(run: paths.Paths) -> CataloguedLibrary:
    library = open_library(run)
    assert isinstance(library, CataloguedLibrary)
    return library
