"""Officiële publicaties: the XML and HTML form of the letter's first sections.

Fixtures written by hand after the published format (tests/unit/data/
kst-32824-456-begin.xml and .html).
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from lxml import etree

from briefing_reader import paths
from briefing_reader.core.content.model import Block, Document
from briefing_reader.core.content.parse import parse_document
from briefing_reader.core.importing import ImportFailed, convert_file, import_files
from briefing_reader.core.importing.mdwriter import front_matter

DATA = Path(__file__).parent / "data"
XML = DATA / "kst-32824-456-begin.xml"
HTML = DATA / "kst-32824-456-begin.html"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def parsed(path: Path) -> Document:
    converted = convert_file(path)
    text = front_matter(converted.meta) + "\n" + converted.body
    return parse_document(text, path.with_suffix(".md"), bundled=False)


@pytest.mark.parametrize("path", [XML, HTML], ids=["xml", "html"])
def test_front_matter_from_meta(path: Path) -> None:
    meta = convert_file(path).meta
    assert meta["id"] == "kst-32824-456" and meta["kind"] == "kamerbrief"
    assert meta["title"] == "Voortgang Actieagenda Integratie en de Open en Vrije Samenleving"
    assert meta["dossier"] == {"number": "32 824", "title": "Integratiebeleid"}
    assert meta["volgnummer"] == 456 and str(meta["date"]) == "2025-07-04"
    assert meta["parliamentary_year"] == "2024/25"
    assert meta["signatory"] == {
        "name": "J.N.J. Nobel",
        "role": "staatssecretaris van Sociale Zaken en Werkgelegenheid",
    }


@pytest.mark.parametrize("path", [XML, HTML], ids=["xml", "html"])
def test_structure(path: Path) -> None:
    doc = parsed(path)
    headings = [(b.anchor, b.text) for b in doc.blocks if b.kind == "heading"]
    assert (
        "pijler-1",
        "Pijler 1 De normen en waarden van onze open en vrije samenleving",
    ) in headings
    assert (
        "s-1-1",
        "1.1 Recht op zelfbeschikking en de preventie van schadelijke praktijken",
    ) in headings
    assert ("s-3", "3. Financiën") in headings
    section = doc.node("s-1-1")
    assert section is not None and section.level > doc.node("pijler-1").level
    actions = [n.id for n in doc.outline.walk() if n.kind == "action"]
    assert actions == ["actie-verandering-van-binnenuit"]
    assert doc.footnotes == {
        "1": "Adviesraad Migratie, 2025, Talenten benutten. Het onbenutte "
        "arbeidspotentieel van migranten",
        "8": "Kamerstuk 32 824, nr. 450",
    }
    items = [b.text for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        "De eerste: De normen en waarden van onze open en vrije samenleving;",
        "De tweede: Nieuwkomers aan het werk.",
    ]
    table = next(b for b in doc.blocks if b.kind == "table")
    assert "Startbanen (2.2)" in table.text and "17,4" in table.text
    assert "Taaleis (2.4)*" in table.text


@pytest.mark.parametrize("path", [XML, HTML], ids=["xml", "html"])
def test_no_text_is_lost(path: Path) -> None:
    text = " ".join(" ".join(_unmarked(b).split()) for b in parsed(path).blocks)
    source = etree.parse(str(XML))
    for element in source.iter("al", "titel", "functie", "naam", "dagtekening", "entry"):
        wanted = " ".join(_without_notes(element).split())
        if wanted != "Acties":  # the box's label: the box itself is the action
            assert wanted in text, wanted


def _unmarked(block: Block) -> str:
    """The block's text without its footnote markers."""
    text = block.text
    for start, end in sorted(block.markers, reverse=True):
        text = text[:start] + text[end:]
    return text


def _without_notes(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag != "noot":
            parts.append(_without_notes(child))
        parts.append(child.tail or "")
    return "".join(parts)


def test_web_page_furniture_is_left_out() -> None:
    text = "\n".join(b.text for b in parsed(HTML).blocks)
    assert "Home" not in text and "Zoeken" not in text and "logo" not in text


@pytest.mark.parametrize(
    "name, data",
    [
        (
            "dtd.xml",
            b'<?xml version="1.0"?>\n<!DOCTYPE officiele-publicatie SYSTEM '
            b'"http://example.org/op.dtd"><officiele-publicatie/>',
        ),
        (
            "entity.xml",
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM '
            b'"file:///etc/passwd">]><officiele-publicatie>&e;</officiele-publicatie>',
        ),
        (
            "lol.html",
            b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">]><html><body><p>&a;</p></body></html>',
        ),
    ],
)
def test_declarations_are_refused(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportFailed) as info:
        convert_file(path)
    assert name in str(info.value) and "DTD" in info.value.reason


def test_other_xml_and_broken_xml_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "rss.xml"
    other.write_bytes(b'<?xml version="1.0"?><rss><channel/></rss>')
    with pytest.raises(ImportFailed) as info:
        convert_file(other)
    assert "not an officiele-publicatie" in info.value.reason
    broken = tmp_path / "kapot.xml"
    broken.write_bytes(b'<?xml version="1.0"?>\n<officiele-publicatie>\n<al>open')
    with pytest.raises(ImportFailed) as info:
        convert_file(broken)
    assert "kapot.xml" in str(info.value) and "well-formed" in info.value.reason


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "diep.xml"
    path.write_bytes(
        b'<?xml version="1.0"?><officiele-publicatie>'
        + b"<divisie>" * 250
        + b"</divisie>" * 250
        + b"</officiele-publicatie>"
    )
    with pytest.raises(ImportFailed) as info:
        convert_file(path)
    assert info.value.code == "too-large"


@pytest.mark.parametrize(
    "source, name, kind",
    [
        (XML, "brief", "xml"),
        (HTML, "pagina", "html"),
        (HTML, "brief.htm", "html"),
        (XML, "brief.html", "xml"),
    ],
)
def test_recognised_by_content(tmp_path: Path, source: Path, name: str, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(source.read_bytes())
    assert convert_file(path).format == kind


def test_import_stores_the_publication(tmp_path: Path) -> None:
    run = paths.resolve()
    other = tmp_path / "kst-32824-999.xml"  # 456 is bundled at a higher version
    other.write_bytes(XML.read_bytes().replace(b'content="456"', b'content="999"'))
    report = import_files(run, [other])
    result = report.results[0]
    assert result.status in ("imported", "replaced"), result.reason
    assert result.format == "xml" and result.doc_id == "kst-32824-999"


def test_a_second_reference_to_a_footnote(tmp_path: Path) -> None:
    path = tmp_path / "nootref.xml"
    path.write_bytes(
        XML.read_bytes().replace(
            b"<al>De waarden van de open en vrije samenleving zijn geen vanzelfsprekendheid.</al>",
            b'<al>De waarden zijn geen vanzelfsprekendheid.<nootref refid="ID-1"/></al>',
        )
    )
    body = convert_file(path).body
    assert "vanzelfsprekendheid.[^1]" in body and body.count("[^1]:") == 1
