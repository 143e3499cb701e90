"""After a new version of a letter: the notes to check, and what changed.

:class:`ReviewPanel` lists the items re-anchoring could not place with
certainty ("Te controleren"): fuzzy matches, shown with a "controleer" mark
until accepted, and orphans. Each shows its original quote with context and
the new candidate; the user accepts, re-attaches to the current selection,
or dismisses. :class:`ChangesDialog` ("Wat is gewijzigd") shows the
paragraph-level differences between two kept versions of a document, with
the notes each change touched.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing_reader.core.content import Library
from briefing_reader.core.content.model import ACTION_KINDS
from briefing_reader.core.content.versions import Change, diff_versions, list_versions, word_diff
from briefing_reader.core.notes import (
    AnchorStatus,
    NoteKind,
    NotesError,
    NotesStore,
    ReviewItem,
    TextAnchor,
)
from briefing_reader.core.notes.anchors import action_target, block_index_at
from briefing_reader.core.notes.merging import MISSING_DOCUMENT
from briefing_reader.ui import keyboard
from briefing_reader.ui.messages import message_text

ID_ROLE = Qt.ItemDataRole.UserRole

#: Backgrounds and text colours of removed and added text, light and dark.
_LIGHT: dict[str, tuple[str, str] | str] = {
    "removed": ("#fde2e1", "#7a1212"),
    "added": ("#dcf5e0", "#0f5323"),
    "muted": "#5a5a5a",
    "text": "#1b1b1b",
}
_DARK: dict[str, tuple[str, str] | str] = {
    "removed": ("#5a1f1f", "#ffd7d5"),
    "added": ("#1d4a2a", "#c9f5d3"),
    "muted": "#a8a8a8",
    "text": "#e6e6e6",
}


def _colours() -> dict[str, tuple[str, str] | str]:
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return _DARK if window.lightness() < 128 else _LIGHT


def _span(text: str, colours: tuple[str, str], struck: bool = False) -> str:
    style = f"background-color:{colours[0]}; color:{colours[1]};"
    if struck:
        style += " text-decoration: line-through;"
    return f'<span style="{style}">{escape(text)}</span>'


class ReviewPanel(QWidget):
    """The "Te controleren" list: fuzzy matches and orphaned notes.

    Args:
        library: the documents as loaded now.
        store: the notes store (None: the list stays empty).
        selection_anchor: returns the reader's current selection as a
            TextAnchor, or None when nothing is selected (for re-attaching).

    Signals:
        jump_requested(str, int): show this document at this plain-text offset.
        changed(): an item was accepted, re-attached or dismissed; repaint marks.
        failed(str): a store operation failed; the text says why.
    """

    jump_requested = Signal(str, int)
    changed = Signal()
    failed = Signal(str)

    def __init__(
        self,
        library: Library,
        store: NotesStore | None,
        selection_anchor: Callable[[], TextAnchor | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.store = store
        self.selection_anchor = selection_anchor
        self._items: dict[str, ReviewItem] = {}
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Notes to check"))
        self.list.setWordWrap(True)
        self.detail = QTextBrowser(self)
        self.detail.setAccessibleName(self.tr("Original and new place"))
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setToolTip(self.tr("The new place is right: keep the note there"))
        self.reattach_button = QPushButton(self.tr("Re-attach"), self)
        self.reattach_button.setToolTip(self.tr("Attach the note to the selected text"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.setToolTip(self.tr("Take it off the list without its new place"))
        self.go_button = QPushButton(self.tr("Go to"), self)
        buttons = QHBoxLayout()
        for button in (
            self.accept_button,
            self.reattach_button,
            self.dismiss_button,
            self.go_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.detail, 3)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(self._show_current)
        self.list.itemActivated.connect(lambda _item: self.go_to_current())
        self.accept_button.clicked.connect(self.accept_current)
        self.reattach_button.clicked.connect(self.reattach_current)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.go_button.clicked.connect(self.go_to_current)
        self.refresh()

    # --- the list -----------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list from the store, keeping the current item if it is still there."""
        current = self.current()
        self.list.clear()
        self._items = {}
        items = self.store.reviews.open_items() if self.store is not None else []
        for item in items:
            self._items[item.item_id] = item
            mark = self.tr("check") if item.outcome == AnchorStatus.FUZZY else self.tr("no place")
            if item.event.reason == MISSING_DOCUMENT:
                mark = self.tr("document not in the library")
            row = QListWidgetItem(f"[{mark}] {self._kind(item.kind)}: {item.label[:90]}", self.list)
            row.setData(ID_ROLE, item.item_id)
            doc = self.library.get(item.doc_id)
            row.setToolTip(doc.title if doc else item.doc_id)
            if current is not None and item.item_id == current.item_id:
                self.list.setCurrentItem(row)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        fuzzy = sum(1 for i in items if i.outcome == AnchorStatus.FUZZY)
        self.summary.setText(
            self.tr("Nothing to check.")
            if not items
            else self.tr("%n note(s) to check after a new version: ", "", len(items))
            + self.tr("%n with a suggested place, ", "", fuzzy)
            + self.tr("%n without a place.", "", len(items) - fuzzy)
        )
        self._show_current()

    def current(self) -> ReviewItem | None:
        row = self.list.currentItem()
        return None if row is None else self._items.get(row.data(ID_ROLE))

    def _kind(self, kind: str) -> str:
        names: dict[str, str] = {
            NoteKind.HIGHLIGHT: self.tr("highlight"),
            NoteKind.BOOKMARK: self.tr("bookmark"),
            NoteKind.ACTION: self.tr("action note"),
        }
        return names.get(kind, kind)

    def _show_current(self, *_args: object) -> None:
        item = self.current()
        self.accept_button.setEnabled(item is not None and item.outcome == AnchorStatus.FUZZY)
        for button in (self.reattach_button, self.dismiss_button, self.go_button):
            button.setEnabled(item is not None)
        self.detail.setHtml("" if item is None else self._detail_html(item))

    def _detail_html(self, item: ReviewItem) -> str:
        c = _colours()
        event = item.event
        muted = c["muted"]
        parts = [f"<p><b>{escape(item.label)}</b></p>"]
        before, after = event.before, event.after
        if event.reason != MISSING_DOCUMENT:
            parts.append(
                f'<p style="color:{muted}">'
                + escape(
                    self.tr("Version %1 → version %2")
                    .replace("%1", str(event.from_version or "?"))
                    .replace("%2", str(event.to_version or "?"))
                )
                + "</p>"
            )
        parts.append(
            f"<p><b>{escape(self.tr('Original'))}</b><br>"
            + self._quote_html(before.anchor, before.action, "removed")
            + "</p>"
        )
        if after is not None:
            parts.append(
                f"<p><b>{escape(self.tr('Suggested new place'))}</b> "
                f'<span style="color:{muted}">({escape(self.tr("similarity"))} '
                f"{event.score:.0%})</span><br>"
                + self._quote_html(after.anchor, after.action, "added")
                + "</p>"
            )
        elif event.reason == MISSING_DOCUMENT:
            hint = self.tr(
                "The document is not in the library; the note is placed when it is imported."
            )
            parts.append(f"<p>{escape(hint)}</p>")
        else:
            hint = self.tr("No place in the new version is clearly the same.")
            parts.append(f"<p>{escape(hint)}</p>")
        return "".join(parts)

    @staticmethod
    def _quote_html(anchor: TextAnchor | None, action: object, which: str) -> str:
        c = _colours()
        colours = c[which]
        assert isinstance(colours, tuple)
        if anchor is not None:
            q = anchor.quote
            return (
                f'<span style="color:{c["muted"]}">…{escape(q.prefix)}</span>'
                + _span(q.exact, colours)
                + f'<span style="color:{c["muted"]}">{escape(q.suffix)}…</span>'
            )
        title = getattr(action, "title", "") or getattr(action, "action_id", "")
        text = getattr(action, "text", "")
        return _span(title, colours) + "<br>" + escape(text[:400])

    # --- decisions ----------------------------------------------------------

    def _decide(self, work: Callable[[NotesStore, ReviewItem], None]) -> None:
        item = self.current()
        if item is None or self.store is None:
            return
        try:
            work(self.store, item)
        except NotesError as error:
            self.failed.emit(message_text(error))
            return
        self.refresh()
        self.changed.emit()

    def accept_current(self) -> None:
        """Keep the current fuzzy match at its suggested place."""
        self._decide(lambda store, item: store.reviews.accept(item.item_id))

    def dismiss_current(self) -> None:
        """Take the current item off the list (a suggested place is not used)."""
        self._decide(lambda store, item: store.reviews.dismiss(item.item_id))

    def reattach_current(self) -> None:
        """Attach the current item to the reader's selection (an action note: its action)."""
        anchor = self.selection_anchor()
        if anchor is None:
            self.failed.emit(self.tr("First select the text the note belongs to."))
            return

        def work(store: NotesStore, item: ReviewItem) -> None:
            if item.kind != NoteKind.ACTION:
                store.reviews.reattach(item.item_id, anchor)
                return
            doc = self.library.get(anchor.doc_id)
            node = doc.node_at_block(block_index_at(doc, anchor.position.start)) if doc else None
            while node is not None and node.kind not in ACTION_KINDS:
                node = node.parent
            if doc is None or node is None:
                raise NotesError(self.tr("The selection is not inside an action."))
            store.reviews.reattach_action(item.item_id, action_target(doc, node.id))

        self._decide(work)

    def go_to_current(self) -> None:
        """Ask the window to show the suggested place (or where the note used to be)."""
        item = self.current()
        if item is None:
            return
        placed = item.event.after or item.event.before
        if placed.anchor is not None:
            self.jump_requested.emit(placed.anchor.doc_id, placed.anchor.position.start)
            return
        doc = self.library.get(item.doc_id)
        node = doc.node(placed.action.action_id) if doc and placed.action else None
        if doc is not None and node is not None:
            start = next((b.start for b in doc.blocks[node.first : node.stop] if b.text), 0)
            self.jump_requested.emit(doc.id, start)


class ChangesDialog(QDialog):
    """ "Wat is gewijzigd": paragraph-level differences between two kept versions.

    Args:
        versions_dir: where old versions are kept (``paths.data / "versions"``).
        doc_id: the document.
        store: for the notes each change touched (None: no notes shown).
    """

    def __init__(
        self,
        versions_dir: Path,
        doc_id: str,
        store: NotesStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What has changed"))
        self.versions = list_versions(versions_dir, doc_id)
        self.store = store
        self.doc_id = doc_id
        self.old_box, self.new_box = QComboBox(self), QComboBox(self)
        for box in (self.old_box, self.new_box):
            for kept in self.versions:
                box.addItem(self._label(kept.version, kept.saved), kept.source_hash)
        self.old_box.setAccessibleName(self.tr("Older version"))
        self.new_box.setAccessibleName(self.tr("Newer version"))
        self.summary = QLabel(self)
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("From"), self))
        choose.addWidget(self.old_box, 1)
        choose.addWidget(QLabel(self.tr("to"), self))
        choose.addWidget(self.new_box, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(close)
        if len(self.versions) >= 2:
            self.old_box.setCurrentIndex(len(self.versions) - 2)
            self.new_box.setCurrentIndex(len(self.versions) - 1)
        self.old_box.currentIndexChanged.connect(self.show_changes)
        self.new_box.currentIndexChanged.connect(self.show_changes)
        self.resize(760, 620)
        keyboard.closable_by_keyboard(self)
        self.changes: list[Change] = []
        self.show_changes()

    def _label(self, version: int | None, saved: str) -> str:
        number = str(version) if version is not None else "–"
        return self.tr("Version %1 (seen %2)").replace("%1", number).replace("%2", saved[:10])

    def show_changes(self) -> None:
        """Show the differences between the two chosen versions."""
        if len(self.versions) < 2:
            self.changes = []
            self.summary.setText(self.tr("Only one version of this document is known."))
            self.view.setHtml("")
            return
        old = self.versions[self.old_box.currentIndex()]
        new = self.versions[self.new_box.currentIndex()]
        notes = self.store.reviews.note_spans(self.doc_id) if self.store is not None else []
        self.changes = diff_versions(old, new, notes)
        counts = {
            kind: sum(1 for c in self.changes if c.kind == kind)
            for kind in ("changed", "added", "removed")
        }
        self.summary.setText(
            self.tr("%n paragraph(s) changed, ", "", counts["changed"])
            + self.tr("%n added, ", "", counts["added"])
            + self.tr("%n removed.", "", counts["removed"])
        )
        self.view.setHtml(self.changes_html())

    def changes_html(self) -> str:
        """The changes as Qt rich text, readable in light and dark."""
        c = _colours()
        removed, added = c["removed"], c["added"]
        assert isinstance(removed, tuple) and isinstance(added, tuple)
        if not self.changes:
            return f"<p>{escape(self.tr('The text of the two versions is the same.'))}</p>"
        titles = {
            "removed": self.tr("Removed"),
            "added": self.tr("Added"),
            "changed": self.tr("Changed"),
        }
        out = []
        for change in self.changes:
            out.append(f'<h4 style="color:{c["text"]}">{escape(titles[change.kind])}</h4>')
            if change.kind == "changed":
                pieces = word_diff(change.old[0].text, change.new[0].text)
                out.append(
                    "<p>"
                    + "".join(
                        escape(text)
                        if op == "="
                        else _span(text, removed, True)
                        if op == "-"
                        else _span(text, added)
                        for op, text in pieces
                    )
                    + "</p>"
                )
            for paragraph in change.old if change.kind == "removed" else ():
                out.append("<p>" + _span(paragraph.text, removed, True) + "</p>")
            for paragraph in change.new if change.kind == "added" else ():
                out.append("<p>" + _span(paragraph.text, added) + "</p>")
            if change.notes:
                labels = ", ".join(f"“{escape(n.label[:80])}”" for n in change.notes)
                out.append(
                    f'<p style="color:{c["muted"]}">{escape(self.tr("Notes here:"))} {labels}</p>'
                )
        return "".join(out)
