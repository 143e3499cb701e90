"""PDF import: the bundled letter rendered to Word and PDF comes back with its structure.

The PDF (tests/unit/data/kst-32824-456.pdf) was made by
tests/unit/data/make_letter_fixtures.py (python-docx, then LibreOffice);
the Word file is made here by the same script, without LibreOffice.
"""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pypdf
import pytest

from briefing_reader.core.content.model import Document
from briefing_reader.core.content.parse import load_document, parse_document
from briefing_reader.core.importing import ImportFailed, convert_file
from briefing_reader.core.importing.mdwriter import front_matter
from briefing_reader.core.importing.pdfblocks import join_lines
from briefing_reader.core.importing.pdflayout import lay_out
from briefing_reader.core.importing.pdfread import PdfPage, Piece, read_pages

DATA = Path(__file__).parent / "data"
PDF = DATA / "kst-32824-456.pdf"
LETTER = Path(__file__).parents[2] / "content" / "kst-32824-456.md"


@cache
def bundled() -> Document:
    return load_document(LETTER)


def imported(path: Path) -> Document:
    converted = convert_file(path)
    text = front_matter({**converted.meta, "id": "x"}) + "\n" + converted.body
    return parse_document(text, path.with_suffix(".md"), bundled=False)


@cache
def pdf_document() -> Document:
    return imported(PDF)


@pytest.fixture(scope="module")
def word_document(tmp_path_factory: pytest.TempPathFactory) -> Document:
    import sys

    sys.path.insert(0, str(DATA))
    try:
        from make_letter_fixtures import letter_docx
    finally:
        sys.path.remove(str(DATA))
    path = tmp_path_factory.mktemp("word") / "kst-32824-456.docx"
    path.write_bytes(letter_docx())
    return imported(path)


def sentences(doc: Document) -> list[str]:
    body = [b.text for b in doc.blocks if b.kind not in ("footnote",) and b.text]
    out: list[str] = []
    for text in body:
        out += [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if len(s) > 3]
    return out


def verbatim_share(doc: Document) -> float:
    theirs = " ".join(" ".join(b.text.split()) for b in doc.blocks if b.text)
    ours = sentences(bundled())
    return sum(1 for s in ours if s in theirs) / len(ours)


def test_pdf_sentences_come_back_verbatim() -> None:
    assert verbatim_share(pdf_document()) >= 0.98


def test_word_sentences_come_back_verbatim(word_document: Document) -> None:
    assert verbatim_share(word_document) >= 0.98


@pytest.mark.parametrize("which", ["pdf", "word"])
def test_footnotes_are_footnotes(which: str, word_document: Document) -> None:
    doc = pdf_document() if which == "pdf" else word_document
    ours = bundled().footnotes
    assert len(doc.footnotes) == len(ours) == 22
    same = [
        label
        for label in ours
        if " ".join(doc.footnotes.get(label, "").split()) == " ".join(ours[label].split())
    ]
    assert len(same) >= 21, set(ours) - set(same)
    markers = sum(len(b.markers) for b in doc.blocks if b.kind != "footnote")
    assert markers == 22


@pytest.mark.parametrize("which", ["pdf", "word"])
def test_section_headings_are_headings(which: str, word_document: Document) -> None:
    doc = pdf_document() if which == "pdf" else word_document
    headings = {" ".join(b.text.split()) for b in doc.blocks if b.kind == "heading"}
    wanted = [n.title for n in bundled().outline.walk() if n.kind in ("pillar", "section")]
    assert len(wanted) >= 16
    assert [t for t in wanted if t not in headings] == []


def test_action_boxes_and_the_table_come_back() -> None:
    doc = pdf_document()
    actions = [n for n in doc.outline.walk() if n.kind == "action"]
    assert len(actions) == 20
    tables = [b for b in doc.blocks if b.kind == "table"]
    ours = [b for b in bundled().blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].text == ours[0].text  # the row split by the
    # page break ("Actieagenda" / "Integratie") is one row again


def test_page_furniture_never_leaks() -> None:
    text = "\n".join(b.text for b in pdf_document().blocks)
    assert "vergaderjaar" not in text and "ISSN" not in text and "kst-32824" not in text
    assert not [b.text for b in pdf_document().blocks if re.fullmatch(r"\s*\d{1,3}\s*", b.text)]


def test_letterhead_goes_to_the_front_matter() -> None:
    meta = convert_file(PDF).meta
    assert meta["id"] == "kst-32824-456" and meta["volgnummer"] == 456
    assert meta["dossier"] == {"number": "32 824", "title": "Integratiebeleid"}
    assert str(meta["date"]) == "2025-07-04" and meta["parliamentary_year"] == "2024/25"
    assert meta["signatory"] == {
        "name": "J.N.J. Nobel",
        "role": "staatssecretaris van Sociale Zaken en Werkgelegenheid",
    }
    assert meta["title"] == bundled().title


def test_recognised_by_content_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "brief"
    path.write_bytes(PDF.read_bytes())
    assert convert_file(path).format == "pdf"


def test_encrypted_pdf_is_refused_naming_the_file(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(PDF))
    writer.encrypt("geheim")
    path = tmp_path / "beveiligd.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ImportFailed) as info:
        convert_file(path)
    assert info.value.code == "encrypted" and "beveiligd.pdf" in str(info.value)


def _image_only_pdf() -> bytes:
    content = b"q 100 0 0 100 50 50 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def test_scan_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_image_only_pdf())
    with pytest.raises(ImportFailed) as info:
        convert_file(path)
    assert info.value.code == "no-text-layer" and "scan.pdf" in str(info.value)
    assert "scan" in info.value.reason


def test_broken_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"rommel " * 50)
    with pytest.raises(ImportFailed) as info:
        convert_file(path)
    assert "kapot.pdf" in str(info.value)


def test_page_budget() -> None:
    with pytest.raises(ImportFailed) as info:
        read_pages(PDF.read_bytes(), PDF, max_pages=5)
    assert info.value.code == "too-large" and "pages" in info.value.reason


@pytest.mark.parametrize(
    "lines, joined",
    [
        (["de integratie-", "en participatiebeleid"], "de integratie- en participatiebeleid"),
        (["veel mkb-", "bedrijven doen mee"], "veel mkb-bedrijven doen mee"),
        (["het participatie-", "beleid"], "het participatiebeleid"),
        (["de Noord-", "Hollandse kust"], "de Noord-Hollandse kust"),
        (["een zacht\u00ad", "afgebroken woord"], "een zachtafgebroken woord"),
        (["gewoon", "door"], "gewoon door"),
    ],
)
def test_line_end_hyphens(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_hyphen_judged_by_the_rest_of_the_document() -> None:
    assert join_lines(["de eer-", "gerelateerd"], {"eer-gerelateerd"}) == "de eer-gerelateerd"
    assert join_lines(["de arbeids-", "markt"], {"arbeidsmarkt"}) == "de arbeidsmarkt"


def _piece(text: str, top: float, size: float = 10.0, x0: float = 72.0) -> Piece:
    return Piece(text, x0, top, x0 + 5 * len(text), top + size, size, False, top + size * 0.8)


def test_running_heads_and_a_footnote_over_two_pages() -> None:
    pages = []
    for number in (1, 2, 3):
        pieces = [
            _piece("Tweede Kamer, vergaderjaar 2024–2025, 36 000, nr. 5", 30),
            _piece(str(number), 45, x0=300),
            _piece(f"Tekst van bladzijde {number}.", 100),
        ]
        if number == 1:
            pieces += [
                _piece("Meer tekst", 115),
                _piece("7", 113, 6.0, x0=130),
                _piece("7 ", 700, 8.0),
                _piece("Een voetnoot die", 700, 8.0, x0=80),
            ]
        if number == 2:
            pieces += [_piece("verder loopt.", 700, 8.0)]
        pieces.append(_piece(f"- {number} -", 760, x0=300))
        pages.append(PdfPage(number, 600, 800, pieces))
    laid = lay_out(pages)
    texts = [line.text for line in laid.body]
    assert texts == [
        "Tekst van bladzijde 1.",
        "Meer tekst",
        "Tekst van bladzijde 2.",
        "Tekst van bladzijde 3.",
    ]
    assert ("note", "7") in laid.body[1].parts
    assert laid.notes == {"7": ["Een voetnoot die", "verder loopt."]}


def test_paragraphs_start_where_the_letters_do() -> None:
    ours = [b.text for b in bundled().blocks if b.kind == "paragraph"]
    starts = {b.text[:40] for b in pdf_document().blocks if b.kind == "paragraph"}
    kept = [text for text in ours if text[:40] in starts]
    assert len(kept) >= 0.95 * len(ours)


def _page(*rows: list[tuple[str, float]], number: int = 1) -> PdfPage:
    """A page of body lines: each row is [(text, x0), ...], 14 pt apart."""
    pieces = []
    for index, row in enumerate(rows):
        for text, x0 in row:
            pieces.append(_piece(text, 100 + 14 * index, x0=x0))
    return PdfPage(number, 600, 800, pieces)


def _blocks(page: PdfPage) -> tuple[str, list[str]]:
    from briefing_reader.core.importing.mdwriter import render
    from briefing_reader.core.importing.pdfblocks import BlockBuilder

    laid = lay_out([page])
    builder = BlockBuilder(laid.body, laid.body_size)
    return render(builder.build(), []), builder.warnings


def test_numbered_and_bulleted_lists() -> None:
    body, _ = _blocks(
        _page(
            [("Dit zijn de stappen:", 72)],
            [("1.", 72), ("Eerst de taal.", 100)],
            [("2.", 72), ("Dan het werk.", 100)],
            [("12.", 72), ("Tot slot de rest.", 100)],
        )
    )
    assert "1. Eerst de taal.\n2. Dan het werk.\n3. Tot slot de rest." in body
    body, _ = _blocks(_page([("•", 72), ("taal", 100)], [("•", 72), ("werk", 100)]))
    assert "- taal\n- werk" in body


def test_a_table_without_rules_stays_text_with_a_warning() -> None:
    body, warnings = _blocks(
        _page(
            [("Regeling", 72), ("2025", 300), ("2026", 400)],
            [("Taaleis", 72), ("3,7", 300), ("10,6", 400)],
            [("Startbanen", 72), ("1,3", 300), ("0", 400)],
        )
    )
    assert "Regeling 2025 2026\\\nTaaleis 3,7 10,6\\\nStartbanen 1,3 0" in body
    assert [str(w) for w in warnings] == [
        "page 1: a table without ruling lines was kept as text, line by line"
    ]


def test_bold_headings_in_the_body_size_take_their_level_from_the_numbering() -> None:
    bold = [
        Piece("1 Inleiding", 72, 100, 200, 110, 10.0, True, 108),
        Piece("Tekst van de inleiding.", 72, 114, 300, 124, 10.0, False, 122),
        Piece("1.1 Aanleiding", 72, 140, 200, 150, 10.0, True, 148),
        Piece("Meer tekst hier.", 72, 154, 300, 164, 10.0, False, 162),
    ]
    body, _ = _blocks(PdfPage(1, 600, 800, bold))
    assert "{#s-1}\n# 1 Inleiding" in body and "{#s-1-1}\n## 1.1 Aanleiding" in body
