"""The side panel where the member annotates one action: stance, priority,
note, debate questions, tags. Edits save as they are typed (debounced);
"saved" shows only after the store's commit returned."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefing_reader.core.content import Document
from briefing_reader.core.notes import (
    PRIORITIES,
    ActionAnnotation,
    NotesError,
    NotesStore,
    action_target,
)
from briefing_reader.ui import keyboard, sizing
from briefing_reader.ui.reader import OfflineBrowser

SAVE_DELAY_MS = 600


class ActionNotesPanel(QWidget):
    """Annotation editor for the action under the cursor or chosen in the TOC.

    Signals:
        annotation_saved(str, str): an annotation was committed (doc id,
            action id); badges may need updating.
        save_failed(str): a save failed; the text says why. The edit stays
            in the panel and "Retry" saves it again.
        link_requested(QUrl): a link in the note preview was clicked.
    """

    annotation_saved = Signal(str, str)
    save_failed = Signal(str)
    link_requested = Signal(QUrl)

    def __init__(self, store: NotesStore | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.doc: Document | None = None
        self.action_id = ""
        self._loading = False
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self.setAccessibleName(self.tr("Annotation"))
        self._build()
        self.show_action(None, "")

    # -- layout -------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.path = QLabel(self)
        self.path.setWordWrap(True)
        self.stance = QComboBox(self)
        self.stance.setAccessibleName(self.tr("Stance"))
        self.priority = QComboBox(self)
        self.priority.setAccessibleName(self.tr("Priority"))
        self.priority.addItem(self.tr("(none)"), "")
        for value in PRIORITIES:
            self.priority.addItem(value, value)
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(self.tr("Note (markdown)"))
        self.note.setPlaceholderText(self.tr("Your note; markdown allowed"))
        keyboard.tab_leaves(self.note)  # Tab moves on; Ctrl+Tab types a tab
        sizing.keep_lines(self.note, 4)
        self.preview = OfflineBrowser(self)
        self.preview.setAccessibleName(self.tr("Note as shown"))
        self.preview.anchorClicked.connect(self.link_requested)
        note_tabs = QTabWidget(self)
        note_tabs.setAccessibleName(self.tr("Note"))
        note_tabs.tabBar().setAccessibleName(self.tr("Edit or show the note"))
        note_tabs.addTab(self.note, self.tr("Edit"))
        note_tabs.addTab(self.preview, self.tr("Show"))
        self.questions = QListWidget(self)
        self.questions.setAccessibleName(self.tr("Debate questions"))
        self.questions.setWordWrap(True)
        self.question_input = QLineEdit(self)
        self.question_input.setPlaceholderText(self.tr("New question, then Enter"))
        self.question_input.setAccessibleName(self.tr("New question"))
        self.question_input.returnPressed.connect(self._add_question)
        question_buttons = QHBoxLayout()
        for text, slot in ((self.tr("Up"), lambda: self._move_question(-1)),
                           (self.tr("Down"), lambda: self._move_question(+1)),
                           (self.tr("Remove"), self._remove_question)):
            button = QPushButton(text, self)
            button.setAccessibleName(self.tr("%s (selected question)") % text)
            button.clicked.connect(slot)
            question_buttons.addWidget(button)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("tags, separated by commas"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.status = QLabel(self)
        self.retry = QPushButton(self.tr("Retry"), self)
        self.retry.setAccessibleName(self.tr("Retry saving"))
        self.retry.clicked.connect(self.save_now)
        self.retry.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Stance"), self.stance)
        form.addRow(self.tr("&Priority"), self.priority)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.path)
        layout.addLayout(form)
        layout.addWidget(self._label(self.tr("N&ote"), self.note))
        layout.addWidget(note_tabs, 2)
        layout.addWidget(self._label(self.tr("&Questions for the debate"), self.question_input))
        layout.addWidget(self.questions, 1)
        layout.addWidget(self.question_input)
        layout.addLayout(question_buttons)
        layout.addWidget(self._label(self.tr("&Tags"), self.tags))
        layout.addWidget(self.tags)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.retry)
        layout.addLayout(status_row)

        self.stance.currentIndexChanged.connect(self._changed)
        self.priority.currentIndexChanged.connect(self._changed)
        self.note.textChanged.connect(self._changed)
        self.tags.textEdited.connect(self._changed)
        self.questions.itemChanged.connect(self._changed)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        """A label whose underlined letter (Alt+letter) puts focus in ``buddy``."""
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    # -- showing -------------------------------------------------------------

    def show_action(self, doc: Document | None, action_id: str) -> None:
        """Show the annotation of ``action_id`` in ``doc`` (saving a pending edit)."""
        if self._timer.isActive():
            self.save_now()
        if self.retry.isVisible() and doc is not None and action_id != self.action_id:
            return  # an unsaved edit stays until it is saved or the user gives up
        node = doc.node(action_id) if doc is not None and action_id else None
        self.doc, self.action_id = (doc, action_id) if node is not None else (None, "")
        self._loading = True
        try:
            self._fill(node.title if node else "", doc.section_path(node) if node and doc else "")
        finally:
            self._loading = False
        self.setEnabled(node is not None and self.store is not None)

    def _fill(self, title: str, path: str) -> None:
        self.title.setText(title or self.tr("Choose an action in the table of contents "
                                            "or place the cursor in one."))
        self.path.setText(path)
        annotation = self._stored()
        self.stance.clear()
        # "Not chosen", not "no stance": the list may hold "Geen standpunt" itself.
        self.stance.addItem(self.tr("(not chosen)"), "")
        for value in self.store.stances() if self.store else ():
            self.stance.addItem(value, value)
        self._select(self.stance, annotation.stance if annotation else "")
        self._select(self.priority, annotation.priority if annotation else "")
        self.note.setPlainText(annotation.note if annotation else "")
        self.preview.setMarkdown(annotation.note if annotation else "")
        self.questions.clear()
        for question in annotation.questions if annotation else ():
            self._append_question(question)
        self.tags.setText(", ".join(annotation.tags) if annotation else "")
        self.status.setText(self._saved_text(annotation) if annotation else "")

    def _stored(self) -> ActionAnnotation | None:
        if self.store is None or self.doc is None or not self.action_id:
            return None
        return self.store.action_annotation(self.doc.id, self.action_id)

    @staticmethod
    def _select(combo: QComboBox, value: str | None) -> None:
        index = combo.findData(value or "")
        if index < 0 and value:
            combo.addItem(value, value)  # a stance no longer in the list stays visible
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    def _saved_text(self, annotation: ActionAnnotation) -> str:
        moment = dt.datetime.fromisoformat(annotation.modified.replace("Z", "+00:00"))
        return self.tr("Saved %s") % moment.astimezone().strftime("%H:%M:%S")

    # -- editing --------------------------------------------------------------

    def _append_question(self, text: str) -> None:
        item = QListWidgetItem(text, self.questions)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)

    def _add_question(self) -> None:
        text = self.question_input.text().strip()
        if text:
            self._append_question(text)
            self.question_input.clear()
            self._changed()

    def _remove_question(self) -> None:
        row = self.questions.currentRow()
        if row >= 0:
            self.questions.takeItem(row)
            self._changed()

    def _move_question(self, step: int) -> None:
        row = self.questions.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.questions.count():
            return
        item = self.questions.takeItem(row)
        self.questions.insertItem(target, item)
        self.questions.setCurrentRow(target)
        self._changed()

    def _changed(self) -> None:
        if self._loading or self.doc is None:
            return
        self.preview.setMarkdown(self.note.toPlainText())
        self.status.setText(self.tr("Saving…"))
        self._timer.start()

    def question_texts(self) -> tuple[str, ...]:
        texts = (self.questions.item(i).text().strip() for i in range(self.questions.count()))
        return tuple(text for text in texts if text)

    def save_now(self) -> bool:
        """Save the panel's fields; True once the commit returned."""
        self._timer.stop()
        if self.store is None or self.doc is None or not self.action_id:
            return False
        tags = tuple(tag.strip() for tag in self.tags.text().split(",") if tag.strip())
        try:
            saved = self.store.update_action(
                action_target(self.doc, self.action_id),
                stance=self.stance.currentData() or None,
                priority=self.priority.currentData() or None,
                note=self.note.toPlainText(), questions=self.question_texts(), tags=tags)
        except NotesError as error:
            self.status.setText(self.tr("Not saved: %s") % error.reason)
            self.retry.show()
            self.save_failed.emit(error.reason)
            return False
        self.retry.hide()
        self.status.setText(self._saved_text(saved))
        self.annotation_saved.emit(self.doc.id, self.action_id)
        return True
