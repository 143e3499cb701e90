"""The debate-preparation pack, print-ready (issue 17): keep-with-next measured on
the laid-out lines, contents with page numbers, priority order, highlight notes,
open commitments, human file names, labels in the interface language."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPdfWriter, QTextDocument

from briefing_reader import paths
from briefing_reader.core.content import Library
from briefing_reader.core.notes import NotesStore, action_target, anchor_quote, open_store
from briefing_reader.printing import PrintRequest, compose, pdf_bytes
from briefing_reader.printing.layout import KEEP_ANCHOR, build_document
from briefing_reader.session import open_library

LETTER = "kst-32824-456"
TODAY = dt.date(2026, 12, 6)
PRIORITIES = {
    "actie-startbanen": "hoog",
    "actie-imamopleiding": "laag",
    "actie-taaleis-in-de-bijstand": "middel",
    "actie-verandering-van-binnenuit": None,
}
HIGHLIGHTED = "De NCTV stelt het dreigingsniveau voor een terroristische aanslag"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(paths.resolve(tmp_path_factory.mktemp("library")))


@pytest.fixture
def store(tmp_path: Path, library: Library) -> Iterator[NotesStore]:
    doc = library.get(LETTER)
    assert doc is not None
    notes = open_store(tmp_path / "notes.sqlite3", tmp_path / "backups")
    notes.add_highlight(anchor_quote(doc, HIGHLIGHTED), colour="geel", note="Sinds wanneer?")
    for number, action in enumerate(a.id for a in doc.actions() if a.kind == "action"):
        notes.update_action(
            action_target(doc, action),
            stance="Kritisch",
            priority=PRIORITIES.get(action),
            tags=["integratie"],
            note="Notitie. " + "Een langere toelichting. " * (number % 5 * 8),
            questions=[f"Vraag over {action}?", "Nog een vraag?"],
        )
    yield notes
    notes.close()


def _lines(qdoc: QTextDocument) -> list[tuple[int, bool, str]]:
    """Every laid-out line in document order: (page, heads text, block text)."""
    layout, height = qdoc.documentLayout(), qdoc.pageSize().height()
    out: list[tuple[int, bool, str]] = []
    block = qdoc.begin()
    while block.isValid():
        if block.text().strip():
            heads = block.blockFormat().headingLevel() > 0 or _marked(block)
            top = layout.blockBoundingRect(block).top()
            lines = block.layout()
            for index in range(lines.lineCount()):
                out.append(
                    (int((top + lines.lineAt(index).y() + 1) // height), heads, block.text())
                )
        block = block.next()
    return out


def _marked(block: Any) -> bool:
    it = block.begin()
    while not it.atEnd():
        if any(n.startswith(KEEP_ANCHOR) for n in it.fragment().charFormat().anchorNames()):
            return True
        it += 1
    return False


def stranded_headings(qdoc: QTextDocument) -> list[str]:
    """Headings and labels with fewer than two lines of their text after them on their page."""
    lines = _lines(qdoc)
    found = []
    for index, (page, heads, text) in enumerate(lines):
        if heads:
            after = [line for line in lines[index + 1 :] if not line[1]][:2]
            if any(line[0] != page for line in after):
                found.append(f"{text} (page {page + 1})")
    return found


@pytest.mark.parametrize("order", ["priority", "letter"])
@pytest.mark.parametrize("height", [5200, 4700, 6100])
def test_no_heading_or_label_in_the_last_lines_of_a_page(
    qapp: Any, library: Library, store: NotesStore, tmp_path: Path, order: str, height: int
) -> None:
    composition = compose(library, store, PrintRequest.debate_pack(order=order), today=TODAY)
    writer = QPdfWriter(str(tmp_path / "layout-only.pdf"))
    qdoc = build_document(composition, writer, QSizeF(4000, height))
    assert qdoc.pageCount() > 10
    labels = {text for _page, heads, text in _lines(qdoc) if heads}
    assert {"Voetnoten", "Standpunt, notitie en vragen", "Acties"} <= labels
    assert stranded_headings(qdoc) == []


def test_the_check_finds_a_heading_at_the_foot_of_a_page(
    qapp: Any, library: Library, store: NotesStore, tmp_path: Path
) -> None:
    """Without keep-with-next the same pack has stranded headings: the check bites."""
    import briefing_reader.printing.layout as layout

    composition = compose(library, store, PrintRequest.debate_pack(), today=TODAY)
    writer = QPdfWriter(str(tmp_path / "layout-only.pdf"))
    original = layout.keep_headings_with_next
    layout.keep_headings_with_next = lambda qdoc, limit=200: 0  # type: ignore[assignment]
    try:
        heights = [
            h
            for h in (5200, 4700, 6100)
            if stranded_headings(build_document(composition, writer, QSizeF(4000, h)))
        ]
    finally:
        layout.keep_headings_with_next = original  # type: ignore[assignment]
    assert heights


def _pdf_pages(composition: Any) -> list[str]:
    data, _pages = pdf_bytes(composition)
    return [squash(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_contents_has_the_page_each_action_starts_on(
    qapp: Any, library: Library, store: NotesStore
) -> None:
    pages = _pdf_pages(compose(library, store, PrintRequest.debate_pack(), today=TODAY))
    contents = pages[0]
    checked = 0
    for title in (
        "Startbanen",
        "Taaleis in de bijstand",
        "Imamopleiding",
        "Openstaande toezeggingen",
        "Alle vragen",
        "Notities bij markeringen",
    ):
        number = re.search(re.escape(squash(title)) + r"(\d+)", contents)
        assert number, title
        page = pages[int(number.group(1)) - 1]
        assert squash(title) in page, (title, number.group(1))
        checked += 1
    assert checked == 6


def test_actions_by_priority_then_letter_order_or_letter_order(
    qapp: Any, library: Library, store: NotesStore
) -> None:
    doc = library.get(LETTER)
    assert doc is not None
    by_priority = compose(library, store, PrintRequest.debate_pack(), today=TODAY).html
    order = [
        by_priority.index(f"{title}</h3>")
        for title in (
            "Startbanen",
            "Taaleis in de bijstand",
            "Imamopleiding",
            "Verandering van binnenuit",
        )
    ]
    assert order == sorted(order)
    for heading in ("Prioriteit hoog", "Prioriteit middel", "Prioriteit laag", "Zonder prioriteit"):
        assert f"{heading}</h2>" in by_priority
    letter = compose(library, store, PrintRequest.debate_pack(order="letter"), today=TODAY).html
    firsts = [letter.index(f"{node.title}</h3>") for node in doc.actions() if node.kind == "action"]
    assert firsts == sorted(firsts)


def test_pack_has_highlight_notes_open_commitments_and_dutch_labels(
    qapp: Any, library: Library, store: NotesStore
) -> None:
    pages = _pdf_pages(compose(library, store, PrintRequest.debate_pack(), today=TODAY))
    everything, body = "".join(pages), "".join(pages[1:])  # past the contents
    assert squash("Labels: integratie") in everything and "Tags" not in everything
    notes = body[body.index(squash("Notities bij markeringen")) :]
    assert squash("Sinds wanneer?") in notes and squash(HIGHLIGHTED[:30]) in notes
    assert squash("Pijler 1 > 1.3") in notes  # under its section
    commitments = body[body.index(squash("Openstaande toezeggingen")) :]
    assert squash("te laat · uiterlijk 31 december 2025") in commitments
    assert squash("Kamerstukken II 2024/25, 32 824, nr. 456 · Pijler") in commitments


def test_labels_follow_the_interface_language_citations_stay_dutch(
    qapp: Any, library: Library, store: NotesStore
) -> None:
    request = PrintRequest.debate_pack(language="en")
    everything = "".join(_pdf_pages(compose(library, store, request, today=TODAY)))
    for label in (
        "Debate preparation",
        "Stance: Kritisch",
        "Priority: high",
        "Labels: integratie",
        "Open commitments",
        "All questions",
        "Printed on 6 December 2026",
    ):
        assert squash(label) in everything, label
    assert squash("Kamerstukken II 2024/25, 32 824, nr. 456") in everything
    assert squash("Standpunt") not in everything


def test_file_names_are_human(library: Library) -> None:
    assert (
        PrintRequest.debate_pack().file_stem(library, TODAY)
        == "Debatvoorbereiding Integratiebeleid 2026-12-06"
    )
    assert PrintRequest.node(LETTER, "actie-startbanen").file_stem(library) == "Startbanen"
    assert (
        PrintRequest.node(LETTER, None).file_stem(library)
        == "Kamerstukken II 2024-25, 32 824, nr. 456"
    )
