"""Word import: fixtures made here with python-docx, footnotes added by editing the zip."""

from __future__ import annotations

import io
import socket
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefing_reader import paths
from briefing_reader.core.content import Document, parse_document
from briefing_reader.core.importing import IMPORTED, ImportFailed, convert_file, import_files
from briefing_reader.core.importing.mdwriter import front_matter

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>
</w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>
<w:r><w:t xml:space="preserve"> Kamerstuk 32 824, nr. 450</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>
<w:r><w:t xml:space="preserve"> Zie www.example.org [1] *niet* vet</w:t></w:r></w:p>
<w:p><w:r><w:t>Tweede regel.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""
FOOTNOTE_REL = (
    '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
)
FOOTNOTE_TYPE = (
    '<Override PartName="/word/footnotes.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
)


def _ref(note_id: int) -> str:
    return (
        f'</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r><w:r><w:t xml:space="preserve">'
    )


def with_footnotes(data: bytes, extra: dict[str, bytes] | None = None, document_edit=None) -> bytes:
    """Add word/footnotes.xml and turn [[FN n]] in the text into footnote references."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "word/document.xml":
                text = body.decode("utf-8")
                for n in range(1, 4):
                    text = text.replace(f"[[FN{n}]]", _ref(n))
                if document_edit:
                    text = document_edit(text)
                body = text.encode("utf-8")
            elif item.filename == "word/_rels/document.xml.rels":
                body = body.replace(
                    b"</Relationships>", FOOTNOTE_REL.encode() + b"</Relationships>"
                )
            elif item.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", FOOTNOTE_TYPE.encode() + b"</Types>")
            dst.writestr(item, body)
        dst.writestr("word/footnotes.xml", FOOTNOTES_XML)
        for name, content in (extra or {}).items():
            dst.writestr(name, content)
    return out.getvalue()


def add_hyperlink(paragraph, url: str, text: str) -> None:
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def letter_docx() -> bytes:
    d = docx.Document()
    d.core_properties.title = "Voortgang Wet inburgering"
    d.add_paragraph("36 123 Wet inburgering")
    d.add_paragraph("Nr. 7 Brief van de minister van Sociale Zaken en Werkgelegenheid")
    d.add_paragraph("Den Haag, 3 oktober 2025")
    d.add_heading("1. Inleiding", level=1)
    d.add_paragraph(
        "De taaleis blijft.[[FN1]] Zie ook de brief.[[FN2]] En 1. geen lijst | "
        "*geen* nadruk & <geen> html."
    )
    d.add_heading("1.1 Taal en werk", level=2)
    d.add_paragraph("Eerste punt", style="List Bullet")
    d.add_paragraph("Tweede punt", style="List Bullet")
    d.add_paragraph("Stap een", style="List Number")
    d.add_paragraph("Stap twee", style="List Number")
    d.add_heading("Gemeenten", level=3)
    box = d.add_table(rows=1, cols=1)
    cell = box.rows[0].cells[0]
    cell.text = "Acties"
    cell.add_paragraph("Ik maak afspraken met gemeenten.[[FN3]]")
    table = d.add_table(rows=3, cols=3)
    values = [["", "2025", "2026"], ["Taaleis", "3,7", "10,6"], ["Totaal", "5", ""]]
    for row, cells in zip(table.rows, values, strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    link = d.add_paragraph("Meer op ")
    add_hyperlink(link, "https://www.tweedekamer.nl/kamerstukken", "de site")
    d.add_paragraph("De minister van Sociale Zaken en Werkgelegenheid,")
    buf = io.BytesIO()
    d.save(buf)
    return with_footnotes(buf.getvalue())


def _load(path: Path) -> tuple[Document, list[str]]:
    converted = convert_file(path)
    text = front_matter(converted.meta) + "\n" + converted.body
    return parse_document(text, path, bundled=False), [str(w) for w in converted.warnings]


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "brief.docx"
    path.write_bytes(letter_docx())
    return path


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the importer tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_headings_from_styles(letter: Path) -> None:
    doc, _ = _load(letter)
    nodes = [(n.kind, n.id, n.title, n.level) for n in doc.outline.walk()][1:]
    assert nodes[:4] == [
        ("section", "s-1", "1. Inleiding", 1),
        ("section", "s-1-1", "1.1 Taal en werk", 2),
        ("theme", "t-gemeenten", "Gemeenten", 3),
        ("action", "actie-gemeenten", "Gemeenten", 99),
    ]


def test_paragraph_text_is_kept_exactly(letter: Path) -> None:
    doc, _ = _load(letter)
    texts = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert (
        "De taaleis blijft.1 Zie ook de brief.2 En 1. geen lijst | *geen* nadruk & "
        "<geen> html." in texts
    )
    assert "De minister van Sociale Zaken en Werkgelegenheid," in texts


def test_lists_bulleted_and_numbered(letter: Path) -> None:
    doc, _ = _load(letter)
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items[:4] == ["Eerste punt", "Tweede punt", "Stap een", "Stap twee"]
    opens = [b.html for b in doc.blocks if b.kind == "list_open"]
    assert opens[:2] == ["<ul>", '<ol start="1">']


def test_table_cell_by_cell(letter: Path) -> None:
    doc, _ = _load(letter)
    [table] = [b for b in doc.blocks if b.kind == "table"]
    assert table.text.split("\n") == ["\t2025\t2026", "Taaleis\t3,7\t10,6", "Totaal\t5\t"]


def test_footnotes_from_footnotes_xml(letter: Path) -> None:
    doc, warnings = _load(letter)
    assert doc.footnotes["1"] == "Kamerstuk 32 824, nr. 450"
    assert doc.footnotes["2"] == "Zie www.example.org [1] *niet* vet\nTweede regel."
    marked = [b for b in doc.blocks if b.markers]
    assert marked[0].text[marked[0].markers[0][0] : marked[0].markers[0][1]] == "1"
    # the third reference points at a footnote the file does not have
    assert doc.footnotes["3"] == "Tekst ontbreekt in de bron."
    assert doc.meta.missing_footnotes == ("3",)
    assert any("no text for note(s) 3" in w for w in warnings)


def test_acties_table_is_an_action_box(letter: Path) -> None:
    doc, _ = _load(letter)
    action = doc.node("actie-gemeenten")
    assert action is not None and action.kind == "action"
    assert doc.text(action) == "Ik maak afspraken met gemeenten.3"


def test_web_link_is_a_link_and_is_not_fetched(letter: Path) -> None:
    doc, _ = _load(letter)
    [block] = [b for b in doc.blocks if b.text == "Meer op de site"]
    assert 'href="https://www.tweedekamer.nl/kamerstukken"' in block.html


def test_letterhead_gives_the_kamerstuk_identity(letter: Path) -> None:
    doc, _ = _load(letter)
    assert doc.id == "kst-36123-7"
    assert doc.meta.kind == "kamerbrief"
    assert doc.title == "Voortgang Wet inburgering"
    assert doc.meta.dossier_number == "36 123" and doc.meta.volgnummer == 7
    assert doc.meta.date is not None and doc.meta.date.isoformat() == "2025-10-03"
    assert doc.meta.parliamentary_year == "2025/26"


def test_import_stores_the_document(letter: Path) -> None:
    run = paths.resolve()
    report = import_files(run, [letter], roots=[letter.parent])
    [result] = report.results
    assert result.status == IMPORTED, result.message()
    assert result.format == "docx" and result.doc_id == "kst-36123-7"
    assert result.stored == run.imported_documents / "kst-36123-7.md"
    assert report.document_to_open == "kst-36123-7"
    again = import_files(run, [letter]).results[0]
    assert again.status == "unchanged"


def test_plain_document_without_letterhead(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Notitie over de wijk", level=0)
    d.add_paragraph("Tekst zonder meer.")
    nested = d.add_paragraph("Onderdeel", style="List Bullet")
    del nested
    d.add_paragraph("Dieper", style="List Bullet 2")
    path = tmp_path / "notitie.docx"
    d.save(path)
    doc, warnings = _load(path)
    assert doc.id == "notitie-over-de-wijk" and doc.meta.kind == "imported"
    assert doc.title == "Notitie over de wijk"
    assert [b.text for b in doc.blocks if b.kind == "list_item"] == ["Onderdeel", "Dieper"]
    assert warnings == []


def test_macros_and_outside_files_are_ignored(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Brief met een macro.")
    d.part.relate_to("http://example.org/plaatje.png", RT.IMAGE, is_external=True)
    buf = io.BytesIO()
    d.save(buf)
    data = with_footnotes(buf.getvalue(), extra={"word/vbaProject.bin": b"\x00macro\x00"})
    path = tmp_path / "macro.docx"
    path.write_bytes(data)
    doc, warnings = _load(path)
    assert [b.text for b in doc.blocks if b.kind == "paragraph"] == ["Brief met een macro."]
    assert any("macros" in w and "never run" in w for w in warnings)
    assert any("not fetched" in w for w in warnings)


def test_xml_with_a_dtd_is_refused(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("&lol;")
    buf = io.BytesIO()
    d.save(buf)

    def add_dtd(text: str) -> str:
        decl, rest = text.split("?>", 1)
        return decl + '?><!DOCTYPE w:document [<!ENTITY lol "lol">]>' + rest

    path = tmp_path / "dtd.docx"
    path.write_bytes(with_footnotes(buf.getvalue(), document_edit=add_dtd))
    with pytest.raises(ImportFailed) as info:
        convert_file(path)
    assert info.value.code == "bad-docx" and "DTD" in info.value.reason


def test_zip_without_a_word_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "leeg.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("hello.txt", "hallo")
    path.write_bytes(buf.getvalue())
    with pytest.raises(ImportFailed) as info:
        convert_file(path)
    assert info.value.code == "bad-docx"
