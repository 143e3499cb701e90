"""References between letters in the window: links, the reference card, "Cited in".

Every reference to a Kamerstuk or an Aanhangsel in the shown document (text
and footnotes) becomes a link (``ref:<n>``). A link to a document in the
library opens it; any other shows a small card with the normalised
citation, a copy button and how to import the letter. View > Document
information shows the document's own citation and the documents that cite
it ("Cited in"), each one a click (or Enter) away.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_reader.core.content import Document, Library
from briefing_reader.core.content.citation import citation, dutch_date
from briefing_reader.core.content.citing import (
    Found,
    Resolver,
    document_references,
    library_resolver,
)
from briefing_reader.paths import Paths
from briefing_reader.ui import style
from briefing_reader.ui.reader import ReaderView

SCHEME = "ref"


class ReferenceFeature(QObject):
    """Links the references of the shown document; answers clicks on them.

    Signals:
        navigate_requested(doc_id, anchor): go to this place ("": the start).
    """

    navigate_requested = Signal(str, str)

    def __init__(
        self, window: QMainWindow, library: Library, reader: ReaderView, paths: Paths | None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.reader = reader
        self.paths = paths
        self.found: list[Found] = []
        self.resolver = Resolver()
        reader.decorators.append(self.link_references)
        if reader.document_shown is not None:  # painted before the features were there
            self.link_references(reader.document_shown)

    def build_menu(self, menu: QMenu) -> None:
        action = menu.addAction(self.tr("Document in&formation…"))
        action.setShortcut(QKeySequence("Ctrl+I"))
        action.triggered.connect(lambda _checked=False: self.show_information())
        self.window.addAction(action)

    # -- links ---------------------------------------------------------------------

    def link_references(self, doc: Document) -> None:
        """Turn every reference in the shown document into a ``ref:`` link."""
        self.resolver = library_resolver(self.library)
        self.found = document_references(doc)
        qdoc = self.reader.document()
        colour = QColor(style.colours(style.is_dark())["link"])  # as the text's own links
        for number, found in enumerate(self.found):
            start = self.reader.qt_position(found.offset)
            end = self.reader.qt_position(found.offset + len(found.ref.text))
            if end <= start:
                continue
            cursor = QTextCursor(qdoc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            link = QTextCharFormat()
            link.setAnchor(True)
            link.setAnchorHref(f"{SCHEME}:{number}")
            link.setFontUnderline(True)
            link.setForeground(colour)
            link.setToolTip(self._tooltip(found))
            cursor.mergeCharFormat(link)

    def _tooltip(self, found: Found) -> str:
        target = self.resolver.target(found.ref)
        cited = self.resolver.citation(found.ref)
        if target is not None:
            return self.tr("%s — in your library: %s") % (cited, target.title)
        return self.tr("%s — not in your library") % cited

    def open_reference(self, url: QUrl) -> None:
        """A click on a ``ref:`` link: open the document, or show the card."""
        try:
            found = self.found[int(url.path())]
        except (ValueError, IndexError):
            return
        target = self.resolver.target(found.ref)
        if target is not None:
            self.navigate_requested.emit(target.id, "")
            return
        ReferenceCard(self.resolver.citation(found.ref), found.ref.text, self.window).exec()

    # -- document information ------------------------------------------------------

    def show_information(self) -> None:
        doc = self.reader.document_shown
        if doc is None:
            return
        rows = [(d, a or "") for d, a, _t, _o in self.library.cited_by(doc.meta)]
        cited = len({found.ref.key for found in self.found})
        dialog = DocumentInformation(doc, self.library, rows, cited, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen:
            doc_id, anchor = dialog.chosen
            self.navigate_requested.emit(doc_id, anchor)


class ReferenceCard(QDialog):
    """A reference to a letter that is not in the library."""

    def __init__(self, cited: str, written: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reference"))
        layout = QVBoxLayout(self)
        self.citation_label = QLabel(cited, self)
        selectable = Qt.TextInteractionFlag
        self.citation_label.setTextInteractionFlags(
            selectable.TextSelectableByMouse | selectable.TextSelectableByKeyboard
        )
        font = self.citation_label.font()
        font.setBold(True)
        self.citation_label.setFont(font)
        layout.addWidget(self.citation_label)
        if written != cited:
            layout.addWidget(QLabel(self.tr("Written in the text as: %s") % written, self))
        help_text = QLabel(
            self.tr(
                "This document is not in your library. Save it from officielebekendmakingen.nl "
                "or tweedekamer.nl (PDF, Word or XML) and import it with File > Import letters "
                "(Ctrl+O); from then on this reference opens it."
            ),
            self,
        )
        help_text.setWordWrap(True)
        layout.addWidget(help_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy citation"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(lambda: self.copy(cited))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.copy_button.setDefault(True)
        self.copy_button.setFocus()
        self.setMinimumWidth(420)

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copy_button.setText(self.tr("Copied"))


class DocumentInformation(QDialog):
    """The document's citation and details, and where it is cited ("Cited in")."""

    def __init__(
        self,
        doc: Document,
        library: Library,
        cited_in: list[tuple[str, str]],
        references: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Document information"))
        self.chosen: tuple[str, str] | None = None
        layout = QVBoxLayout(self)
        lines = [f"<b>{_html(doc.title)}</b>"]
        cited = citation(doc.meta)
        if cited:
            lines.append(_html(cited))
        if doc.meta.date:
            lines.append(self.tr("Date: %s") % dutch_date(doc.meta.date))
        if doc.meta.version:
            lines.append(self.tr("Version: %s") % doc.meta.version)
        if not doc.meta.official:
            lines.append(
                self.tr("Compiled by Briefing Reader, not official text")
                if doc.meta.kind == "companion"
                else self.tr("Not a parliamentary document (no Kamerstuk number)")
            )
        lines.append(self.tr("Cites %n document(s)", "", references))
        info = QLabel("<br>".join(lines), self)
        info.setTextFormat(Qt.TextFormat.RichText)
        info.setWordWrap(True)
        layout.addWidget(info)
        heading = QLabel(self.tr("Cited in"), self)
        layout.addWidget(heading)
        self.list = QListWidget(self)
        heading.setBuddy(self.list)
        self.list.setAccessibleName(self.tr("Cited in"))
        seen: dict[str, int] = {}
        for doc_id, anchor in cited_in:
            seen[doc_id] = seen.get(doc_id, 0) + 1
            if seen[doc_id] > 1:
                continue
            other = library.entry(doc_id)  # the catalogue: citing letters are not parsed
            title = other.title if other is not None else doc_id
            outline = library.outline(doc_id) if anchor else None
            node = next((n for n in outline.walk() if n.id == anchor), None) if outline else None
            where = f" — {node.title}" if node is not None else ""
            item = QListWidgetItem(f"{title}{where}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, (doc_id, anchor))
        if not cited_in:
            item = QListWidgetItem(
                self.tr("No document in your library cites this one."), self.list
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.itemActivated.connect(self._go)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)
        self.list.setFocus()
        self.resize(520, 360)

    def _go(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.chosen = (str(data[0]), str(data[1]))
            self.accept()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
