"""Printing: PDFs read back with pypdf, the layout checked block by block, the CLI."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QLocale, QSizeF, QUrl
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPageSize,
    QPdfWriter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.core.content import Library
from briefing_reader.core.notes import NotesStore, action_target, anchor_quote, open_store
from briefing_reader.printing import (
    Composition,
    PrintRequest,
    compose,
    copy_with_citation,
    default_page_size,
    pdf_bytes,
)
from briefing_reader.printing.layout import PrintDocument, build_document
from briefing_reader.session import open_library
from briefing_reader.ui import printing as ui_printing

LETTER = "kst-32824-456"
CITATION = "Kamerstukken II 2024/25, 32 824, nr. 456"
FOOTNOTE_4 = "Dreigingsbeeld Terrorisme Nederland Juni 2025"
FOOTNOTE_1 = "Adviesraad Migratie, 2025, Talenten benutten"
QUOTE = "De NCTV stelt het dreigingsniveau voor een terroristische aanslag"
PACKED = ("actie-taaleis-in-de-bijstand", "actie-startbanen", "actie-imamopleiding")


def squash(text: str) -> str:
    """Text without whitespace: pypdf splits words and lines where Qt kerned."""
    return re.sub(r"\s+", "", text)


def pages_text(data: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(paths.resolve(tmp_path_factory.mktemp("library")))


@pytest.fixture
def store(tmp_path: Path, library: Library) -> Iterator[NotesStore]:
    doc = library.get(LETTER)
    assert doc is not None
    notes = open_store(tmp_path / "notes.sqlite3", tmp_path / "backups")
    notes.add_highlight(anchor_quote(doc, QUOTE), colour="geel", note="Sinds wanneer?")
    stances = ("Kritisch", "Steunen", "Vragen stellen")
    for number, action in enumerate(PACKED):
        notes.update_action(
            action_target(doc, action),
            stance=stances[number],
            note=f"Notitie {number + 1} met **nadruk**.",
            questions=[f"Vraag {number + 1}a over {action}?", f"Vraag {number + 1}b?"],
        )
    yield notes
    notes.close()


def test_excerpt_pdf_has_citation_text_its_footnotes_and_page_numbers(
    qapp: Any, library: Library, store: NotesStore
) -> None:
    composition = compose(
        library, store, PrintRequest.node(LETTER, "s-1-3"), today=dt.date(2025, 9, 2)
    )
    data, pages = pdf_bytes(composition)
    texts = pages_text(data)
    everything = "".join(texts)
    assert len(texts) == pages >= 2
    assert squash(CITATION) in texts[0]
    assert squash("Voortgang Actieagenda Integratie en de Open en Vrije Samenleving") in texts[0]
    assert squash("4 juli 2025") in texts[0]
    assert squash("Pijler 1 > 1.3 Preventie radicalisering en extremisme") in texts[0]
    assert squash("Radicalisering en extremisme vormen een bedreiging") in texts[0]
    assert squash(FOOTNOTE_4) in everything  # footnote 4 is referenced in 1.3 ...
    assert squash(FOOTNOTE_1) not in everything  # ... footnote 1 is not
    for number, text in enumerate(texts, start=1):
        assert f"Pagina{number}/{pages}" in text
        assert squash("Afgedrukt op 2 september 2025 uit Briefing Reader") in text
    for text in texts[1:]:  # running header from page 2 on
        assert squash(CITATION) in text
    assert "Mijnstandpunt" not in everything  # notes only when asked for


def test_notes_and_highlight_notes_are_printed_on_request(
    qapp: Any, library: Library, store: NotesStore
) -> None:
    request = PrintRequest.node(LETTER, "actie-taaleis-in-de-bijstand", with_notes=True)
    everything = "".join(pages_text(pdf_bytes(compose(library, store, request))[0]))
    for part in (
        "MIJN STANDPUNT EN NOTITIE",
        "Standpunt: Kritisch",
        "Notitie 1 met nadruk",
        "Vraag 1a over actie-taaleis-in-de-bijstand?",
        "Pijler 2 > 2.4 Taaleis",
    ):
        assert squash(part) in everything


def char_format(qdoc: Any, position: int) -> QTextCharFormat:
    """The format of the character at ``position``."""
    cursor = QTextCursor(qdoc)
    cursor.setPosition(position + 1)
    return cursor.charFormat()


def test_highlights_have_colour_and_underline_for_grey_scale(
    qapp: Any, library: Library, store: NotesStore, tmp_path: Path
) -> None:
    composition = compose(library, store, PrintRequest.node(LETTER, "s-1-3"))
    writer = QPdfWriter(str(tmp_path / "layout-only.pdf"))
    qdoc = build_document(composition, writer, QSizeF(4000, 6000))
    start = qdoc.toPlainText().index(QUOTE)
    for position in (start, start + len(QUOTE) // 2, start + len(QUOTE) - 1):
        fmt = char_format(qdoc, position)
        assert fmt.background().color().name() == "#fff176"
        assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    for position in (start - 2, start + len(QUOTE) + 1):
        assert (
            char_format(qdoc, position).underlineStyle()
            == QTextCharFormat.UnderlineStyle.NoUnderline
        )


def test_every_block_is_laid_out(
    qapp: Any, library: Library, store: NotesStore, tmp_path: Path
) -> None:
    composition = compose(
        library,
        store,
        PrintRequest.debate_pack(
            [(LETTER, a.id) for a in library.get(LETTER).actions() if a.kind == "action"]
        ),
    )
    writer = QPdfWriter(str(tmp_path / "layout-only.pdf"))
    qdoc = build_document(composition, writer, QSizeF(4000, 5200))
    assert qdoc.pageCount() > 10
    block = qdoc.begin()
    while block.isValid():
        if block.text().strip():
            assert block.layout().lineCount() > 0, block.text()
        block = block.next()


def test_selection_is_trimmed_with_only_its_footnotes(
    qapp: Any, library: Library, store: NotesStore
) -> None:
    doc = library.get(LETTER)
    start = doc.plain_text.index("Dit komt onder meer")
    end = doc.plain_text.index("De onlinewereld speelt")
    data, pages = pdf_bytes(compose(library, None, PrintRequest.selection(LETTER, start, end)))
    [text] = pages_text(data)
    assert pages == 1 and squash("… Dit komt onder meer") in text
    assert squash("Radicalisering en extremisme vormen") not in text
    assert squash("De onlinewereld speelt") not in text
    assert squash("Een web van haat") in text and squash(FOOTNOTE_4) not in text


def test_pack_has_stances_notes_and_all_questions_numbered(
    qapp: Any, library: Library, store: NotesStore
) -> None:
    composition = compose(
        library, store, PrintRequest.debate_pack(order="letter"), today=dt.date(2025, 9, 2)
    )
    texts = pages_text(pdf_bytes(composition)[0])
    everything = "".join(texts)
    assert squash("Debatvoorbereiding") in texts[0] and "3acties·6vragen" in texts[0]
    for part in (
        "Pijler 2 Nieuwkomers aan het werk",
        "Pijler 1 De normen en waarden",
        "Standpunt: Kritisch",
        "Standpunt: Steunen",
        "Standpunt: Vragen stellen",
        "Notitie 2 met nadruk",
        CITATION + " · Pijler 2 > 2.4 Taaleis in de bijstand",
    ):
        assert squash(part) in everything
    final = everything[everything.rindex("Allevragen") :]
    questions = [
        "Vraag 3a over actie-imamopleiding?",
        "Vraag 3b?",  # 1.5 comes first
        "Vraag 2a over actie-startbanen?",
        "Vraag 2b?",
        "Vraag 1a over actie-taaleis-in-de-bijstand?",
        "Vraag 1b?",
    ]
    at = 0
    for number, question in enumerate(questions, start=1):
        found = final.index(f"{number}.{squash(question)}", at)
        assert found >= at
        at = found


LIGATURES = re.compile("[\ufb00-\ufb06]")


def test_printed_text_is_plain_letters_without_ligature_code_points(
    qapp: Any, library: Library, store: NotesStore
) -> None:
    """Quotes copied out of a PDF read "Briefing", never U+FB01 (with DejaVu or
    Noto installed Qt would otherwise write ligatures into the text layer)."""
    excerpt = compose(library, store, PrintRequest.node(LETTER, "s-1-3", with_notes=True))
    pack = compose(library, store, PrintRequest.debate_pack())
    styled = Composition(
        "<p>officieel afflux fijn</p><p><b>fluïde</b> <i>effect</i> <code>fiets</code></p>"
        "<p style=\"font-family: 'DejaVu Serif'\">office staff</p>",
        "ligaturen",
        [],
        [],
        dt.date(2025, 9, 2),
    )
    for composition in (excerpt, pack, styled):
        raw = "".join(
            page.extract_text()
            for page in pypdf.PdfReader(io.BytesIO(pdf_bytes(composition)[0])).pages
        )
        assert "Briefing" in raw
        assert not LIGATURES.search(raw), LIGATURES.findall(raw)
    assert "officieelafflux" in squash(raw) and "officestaff" in squash(raw)


def image_count(data: bytes) -> int:
    """Image XObjects on all pages of a PDF."""
    count = 0
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        count += sum(1 for ref in xobjects.values() if ref.get_object().get("/Subtype") == "/Image")
    return count


@pytest.fixture
def photo(tmp_path: Path, qapp: Any) -> Path:
    """A real PNG on disk, the kind a note might name."""
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#c03030"))
    path = tmp_path / "photo.png"
    assert image.save(str(path))
    return path


def test_note_images_print_as_alt_text_and_no_file_is_read(
    qapp: Any, library: Library, store: NotesStore, photo: Path
) -> None:
    doc = library.get(LETTER)
    assert doc is not None
    store.update_action(
        action_target(doc, "actie-startbanen"),
        stance="Steunen",
        note=f"Zie ![grafiek](/dev/zero) en ![foto]({photo}) en ![](x.png).",
    )
    for request in (
        PrintRequest.node(LETTER, "actie-startbanen", with_notes=True),
        PrintRequest.debate_pack(),
    ):
        composition = compose(library, store, request)
        assert "<img" not in composition.html  # the note's images are text from the start
        data, _pages = pdf_bytes(composition)
        assert image_count(data) == 0
        assert "Zie[grafiek]en[foto]en[afbeelding]." in "".join(pages_text(data))


def test_the_print_document_loads_nothing_its_html_names(qapp: Any, photo: Path) -> None:
    """Images, backgrounds and style sheets named in the HTML itself (not only
    in notes) load nothing: Qt would otherwise open an image's src by name."""
    html = (
        f'<p>Een <img src="{photo}" alt="foto"/> en <img src="file://{photo}"/>.</p>'
        f'<p style="background-image: url({photo})">achtergrond</p>'
        f'<table background="{photo}"><tr><td><img src="/dev/zero" alt="nul"/></td></tr>'
        "</table>"
    )
    composition = Composition(html, "hostile", [], [], dt.date(2025, 9, 2))
    data, _pages = pdf_bytes(composition)
    assert image_count(data) == 0
    text = "".join(pages_text(data))
    assert "Een[foto]en[afbeelding]." in text and "[nul]" in text
    qdoc = PrintDocument()
    for kind in (
        QTextDocument.ResourceType.StyleSheetResource,
        QTextDocument.ResourceType.HtmlResource,
    ):
        assert qdoc.loadResource(kind.value, QUrl.fromLocalFile(str(photo))) is None
    blank = qdoc.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl.fromLocalFile(str(photo))
    )
    assert (blank.width(), blank.height()) == (1, 1)


def test_an_empty_pack_is_refused(qapp: Any, library: Library, tmp_path: Path) -> None:
    empty = open_store(tmp_path / "empty.sqlite3", tmp_path / "b")
    try:
        with pytest.raises(Exception, match="no action has a stance or a note"):
            compose(library, empty, PrintRequest.debate_pack())
    finally:
        empty.close()


def test_paper_follows_the_locale(qapp: Any) -> None:
    assert default_page_size(QLocale("nl_NL")).id() == QPageSize.PageSizeId.A4
    assert default_page_size(QLocale("en_GB")).id() == QPageSize.PageSizeId.A4
    assert default_page_size(QLocale("en_US")).id() == QPageSize.PageSizeId.Letter
    assert default_page_size(QLocale("fr_CA")).id() == QPageSize.PageSizeId.Letter


def test_copy_with_citation(library: Library) -> None:
    doc = library.get(LETTER)
    start = doc.plain_text.index("De NCTV stelt")
    end = doc.plain_text.index(" Tegelijkertijd zijn")
    text, html = copy_with_citation(doc, start, end)
    assert text.startswith("“De NCTV stelt") and "(substantieel).[4] Dit komt" in text
    assert (
        f"({CITATION}, Voortgang Actieagenda Integratie en de Open en Vrije Samenleving, "
        "4 juli 2025, Pijler 1 > 1.3 Preventie radicalisering en extremisme)"
    ) in text
    assert f"[4] {FOOTNOTE_4}" in text
    assert "<blockquote>" in html and CITATION in html


# --- the window's helpers ------------------------------------------------------------


def test_print_preview_paints_the_pages(
    qtbot: QtBot,
    library: Library,
    store: NotesStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "preview.pdf"

    def fake_exec(dialog: QPrintPreviewDialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    assert not ui_printing.print_preview(None, library, store, PrintRequest.node(LETTER, "s-2-4"))
    assert squash(CITATION) in pages_text(out.read_bytes())[0]


def test_export_pdf_asks_for_a_file_and_tells_about_failures(
    qtbot: QtBot,
    library: Library,
    store: NotesStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen = {"name": str(tmp_path / "uittreksel")}
    offered: list[str] = []

    def fake_dialog(*args: Any) -> tuple[str, str]:
        offered.append(args[2])
        return chosen["name"], "PDF (*.pdf)"

    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    request = PrintRequest.node(LETTER, "actie-startbanen", with_notes=True)
    written = ui_printing.export_pdf(None, library, store, request, tmp_path)
    assert written == tmp_path / "uittreksel.pdf" and written.exists()
    assert offered == [str(tmp_path / "Startbanen.pdf")]
    chosen["name"] = str(tmp_path / "missing" / "x.pdf")
    assert ui_printing.export_pdf(None, library, store, request, tmp_path) is None
    assert warnings and "does not exist" in warnings[0]
    chosen["name"] = ""
    assert ui_printing.export_pdf(None, library, store, request, tmp_path) is None


def test_copy_to_clipboard(qtbot: QtBot, library: Library) -> None:
    doc = library.get(LETTER)
    start = doc.plain_text.index("De NCTV stelt")
    text = ui_printing.copy_to_clipboard(doc, start, start + 20)
    assert QGuiApplication.clipboard().text() == text and CITATION in text


# --- the command line ------------------------------------------------------------------


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, "-m", "briefing_reader", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def test_cli_print_and_pack_without_a_display(tmp_path: Path) -> None:
    data = tmp_path / "data"
    setting = run(
        data,
        "notes",
        "set-action",
        "actie-startbanen",
        "--stance",
        "Kritisch",
        "--question",
        "Hoeveel startbanen?",
    )
    assert setting.returncode == 0, setting.stderr
    out = tmp_path / "uittreksel.pdf"
    printed = run(
        data, "print", f"{LETTER}#s-1-3", f"{LETTER}#actie-startbanen", "-o", str(out), "--notes"
    )
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.startswith(f"{out} (")
    everything = "".join(pages_text(out.read_bytes()))
    assert squash(FOOTNOTE_4) in everything and squash("Hoeveel startbanen?") in everything
    pack = tmp_path / "pack.pdf"
    packed = run(
        data,
        "pack",
        "-o",
        str(pack),
        "--actions",
        f"actie-imamopleiding,{LETTER}#actie-startbanen",
        "--page-size",
        "Letter",
    )
    assert packed.returncode == 0, packed.stderr
    reader = pypdf.PdfReader(pack)
    assert round(float(reader.pages[0].mediabox.width)) == 612  # Letter, in points
    everything = "".join(squash(p.extract_text()) for p in reader.pages)
    assert "1.Hoeveelstartbanen?" in everything and "Imamopleiding" in everything


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("print", f"{LETTER}#bestaat-niet"), "has no place '#bestaat-niet'"),
        (("print", "geen-document"), "no document 'geen-document'"),
        (("pack", "--actions", "actie-bestaat-niet"), "no document has an action"),
        (("pack",), "no action has a stance or a note yet"),
    ],
)
def test_cli_errors_name_the_problem(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    out = tmp_path / "x.pdf"
    result = run(tmp_path / "data", *args, "-o", str(out))
    assert result.returncode == 1 and message in result.stderr
    assert not out.exists()


def test_cli_refuses_an_output_it_cannot_write(tmp_path: Path) -> None:
    missing = run(tmp_path / "data", "print", LETTER, "-o", str(tmp_path / "nope" / "x.pdf"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    folder = run(tmp_path / "data", "pack", "-o", str(tmp_path))
    assert folder.returncode == 1 and "is a folder" in folder.stderr


def test_cli_notes_export_and_import(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    assert run(mine, "notes", "set-action", "actie-startbanen", "--note", "Goed.").returncode == 0
    for fmt in ("md", "csv", "jsonld"):
        out = tmp_path / f"notes.{fmt}"
        result = run(mine, "notes", "export", "-o", str(out))
        assert result.returncode == 0 and out.exists(), result.stderr
    first = run(theirs, "notes", "import", str(tmp_path / "notes.jsonld"))
    assert first.returncode == 0 and "1 added" in first.stdout
    again = run(theirs, "notes", "import", str(tmp_path / "notes.jsonld"))
    assert again.returncode == 0 and "0 added, 0 updated, 1 already there" in again.stdout
    bad = tmp_path / "bad.jsonld"
    bad.write_text("[]", encoding="utf-8")
    refused = run(theirs, "notes", "import", str(bad))
    assert refused.returncode == 1 and str(bad) in refused.stderr
    unknown = run(mine, "notes", "export", "-o", str(tmp_path / "notes.txt"))
    assert unknown.returncode == 1 and "--format" in unknown.stderr


def test_cli_prints_notes_naming_files_as_alt_text_without_opening_them(
    tmp_path: Path, photo: Path
) -> None:
    """Issue 13: ``![g](/dev/zero)`` made printing read until memory ran out, a
    photo was embedded. A named pipe nobody writes to would hang any reader."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    note = f"Zie ![grafiek](/dev/zero), ![foto]({photo}) en ![pijp]({pipe})."
    colleague, data = tmp_path / "colleague", tmp_path / "data"
    assert (
        run(
            colleague,
            "notes",
            "set-action",
            "actie-startbanen",
            "--stance",
            "Steunen",
            "--note",
            note,
        ).returncode
        == 0
    )
    exported = tmp_path / "collega.jsonld"
    assert run(colleague, "notes", "export", "-o", str(exported)).returncode == 0
    assert run(data, "notes", "import", str(exported)).returncode == 0
    assert (
        run(
            data,
            "notes",
            "set-action",
            "actie-imamopleiding",
            "--stance",
            "Kritisch",
            "--note",
            note,
        ).returncode
        == 0
    )
    printed, packed = tmp_path / "print.pdf", tmp_path / "pack.pdf"
    jobs = [
        (
            "print",
            "--notes",
            f"{LETTER}#actie-startbanen",
            f"{LETTER}#actie-imamopleiding",
            "-o",
            str(printed),
        ),
        ("pack", "-o", str(packed)),
    ]
    for job, pdf, notes in zip(jobs, (printed, packed), (2, 1), strict=True):
        result = run(data, *job)
        assert result.returncode == 0, result.stderr
        data_bytes = pdf.read_bytes()
        assert image_count(data_bytes) == 0
        text = "".join(pages_text(data_bytes))
        assert text.count("Zie[grafiek],[foto]en[pijp].") == notes
