"""Print preview, PDF export and copy-with-citation for the window.

The window wires these to its menus and shortcuts (Ctrl+P, "Exporteren als
PDF", Ctrl+Shift+C); they only need a parent widget, the library, the notes
store (or None) and a :class:`~briefing_reader.printing.request.PrintRequest`.
Composing and painting take well under a second even for the full pack
(see ``benchmarks/printing.py``), so they run on the GUI thread behind a
wait cursor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from briefing_reader.core.content import Document, Library
from briefing_reader.core.notes import NotesError, NotesStore
from briefing_reader.printing.citecopy import copy_with_citation
from briefing_reader.printing.composing import Composition, compose
from briefing_reader.printing.layout import page_layout
from briefing_reader.printing.painting import render, write_pdf
from briefing_reader.printing.request import PrintError, PrintRequest
from briefing_reader.ui import file_dialogs
from briefing_reader.ui.messages import located_text

T = TypeVar("T")


@contextmanager
def _busy() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def _attempt(parent: QWidget | None, work: Callable[[], T]) -> T | None:
    """Run ``work``; on a print or notes error tell the user and return None."""
    try:
        with _busy():
            return work()
    except (PrintError, NotesError) as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Printing", "Cannot print"), located_text(exc)
        )
        return None


def _done(write: Callable[[Composition, Path], None], composition: Composition, path: Path) -> bool:
    """Write, and say so: _attempt's None means it failed."""
    write(composition, path)
    return True


def _compose(
    parent: QWidget | None, library: Library, store: NotesStore | None, request: PrintRequest
) -> Composition | None:
    from dataclasses import replace

    from briefing_reader.ui.i18n import current_language

    request = replace(request, language=current_language())
    return _attempt(parent, lambda: compose(library, store, request))


def print_preview(
    parent: QWidget | None, library: Library, store: NotesStore | None, request: PrintRequest
) -> bool:
    """Show the print preview of ``request`` (A4 or the locale's paper); True
    when the user printed it."""
    composition = _compose(parent, library, store, request)
    if composition is None:
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    printer.setDocName(composition.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print preview"))

    def paint(device: QPrinter) -> None:
        _attempt(parent, lambda: render(composition, device))

    dialog.paintRequested.connect(paint)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def export_pdf(
    parent: QWidget | None,
    library: Library,
    store: NotesStore | None,
    request: PrintRequest,
    directory: str | Path | None = None,
) -> Path | None:
    """Ask for a file name and write ``request`` as a PDF; the file, or None
    when cancelled or failed (the user was told why)."""
    composition = _compose(parent, library, store, request)
    if composition is None:
        return None
    name, _filter = file_dialogs.save_name(
        parent,
        QCoreApplication.translate("Printing", "Export as PDF"),
        f"{request.file_stem(library)}.pdf",
        QCoreApplication.translate("Printing", "PDF files (*.pdf)"),
        Path(directory) if directory else None,
    )
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")
    written = _attempt(parent, lambda: write_pdf(composition, path))
    return None if written is None else path


def copy_to_clipboard(doc: Document, start: int, end: int) -> str:
    """Put ``plain_text[start:end]`` with its citation on the clipboard (text
    and HTML); returns the text. For Ctrl+Shift+C."""
    text, html = copy_with_citation(doc, start, end)
    data = QMimeData()
    data.setText(text)
    data.setHtml(html)
    QGuiApplication.clipboard().setMimeData(data)
    return text


def export_card(
    parent: QWidget | None,
    library: Library,
    store: NotesStore | None,
    directory: str | Path | None = None,
) -> Path | None:
    """Ask for a file name and write the debate card (one page, two at most) as
    a PDF; the file, or None when cancelled or failed (the user was told why)."""
    import datetime as dt

    from briefing_reader.printing.card import card_documents
    from briefing_reader.printing.card_pdf import write_card
    from briefing_reader.printing.request import human_name
    from briefing_reader.ui.i18n import current_language

    docs = _attempt(parent, lambda: card_documents(library, store))
    if docs is None:
        return None
    topic = next((d.meta.dossier_title for d in docs if d.meta.dossier_title), "")
    stem = human_name(f"Debatkaart {topic} {dt.date.today().isoformat()}")
    word = QCoreApplication.translate("Printing", "Word documents (*.docx)")
    name, chosen = file_dialogs.save_name(
        parent,
        QCoreApplication.translate("Printing", "Debate card"),
        f"{stem}.pdf",
        QCoreApplication.translate("Printing", "PDF files (*.pdf)") + ";;" + word,
        Path(directory) if directory else None,
    )
    if not name:
        return None
    suffix = ".docx" if chosen == word or name.lower().endswith(".docx") else ".pdf"
    path = Path(name if name.lower().endswith(suffix) else f"{name}{suffix}")
    if suffix == ".docx":
        from briefing_reader.printing.card import compose_card
        from briefing_reader.printing.word import write_docx

        done = _attempt(
            parent,
            lambda: _done(
                write_docx, compose_card(library, store, docs, language=current_language()), path
            ),
        )
        return path if done else None
    written = _attempt(
        parent, lambda: write_card(library, store, docs, path, language=current_language())
    )
    return None if written is None else path


def export_word(
    parent: QWidget | None,
    library: Library,
    store: NotesStore | None,
    request: PrintRequest,
    directory: str | Path | None = None,
) -> Path | None:
    """Ask for a file name and write ``request`` (an excerpt, an action with my
    notes, or the pack) as a Word document; the file, or None."""
    from dataclasses import replace

    from briefing_reader.printing.word import compose_for_word, write_docx
    from briefing_reader.ui.i18n import current_language

    request = replace(request, language=current_language())
    composition = _attempt(
        parent, lambda: compose_for_word(lambda: compose(library, store, request))
    )
    if composition is None:
        return None
    name, _filter = file_dialogs.save_name(
        parent,
        QCoreApplication.translate("Printing", "Export as Word"),
        f"{request.file_stem(library)}.docx",
        QCoreApplication.translate("Printing", "Word documents (*.docx)"),
        Path(directory) if directory else None,
    )
    if not name:
        return None
    path = Path(name if name.lower().endswith(".docx") else f"{name}.docx")
    done = _attempt(parent, lambda: _done(write_docx, composition, path))
    return path if done else None
