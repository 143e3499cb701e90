"""The side panel where the member annotates one action: stance, priority,
note, debate questions, tags. Edits save as they are typed (debounced);
"saved" shows only after the store's commit returned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
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

from briefing_reader.core.content import Document, OutlineNode
from briefing_reader.core.content.model import ACTION_KINDS
from briefing_reader.core.notes import (
    PRIORITIES,
    ActionAnnotation,
    NotesChangedElsewhereError,
    NotesError,
    NotesStore,
    action_target,
)
from briefing_reader.ui import keyboard, sizing
from briefing_reader.ui.messages import message_text
from briefing_reader.ui.reader import OfflineBrowser

SAVE_DELAY_MS = 600
FIELDS = ("stance", "priority", "note", "questions", "tags")
_EDITED = object()  # a field holding my edit: differs from anything stored
EDITING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Backspace, Qt.Key.Key_Delete)


def stored_values(annotation: ActionAnnotation | None) -> dict[str, object]:
    """An annotation's fields as the panel holds them ('' and () for nothing)."""
    if annotation is None:
        return {"stance": "", "priority": "", "note": "", "questions": (), "tags": ()}
    return {
        "stance": annotation.stance or "",
        "priority": annotation.priority or "",
        "note": annotation.note,
        "questions": tuple(annotation.questions),
        "tags": tuple(annotation.tags),
    }


def _texts(value: object) -> tuple[str, ...]:
    """A list field's texts (questions, tags) as :func:`stored_values` holds them."""
    return tuple(str(item) for item in value) if isinstance(value, (tuple, list)) else ()


def _update_fields(changes: dict[str, object]) -> dict[str, Any]:
    """Changed fields as ``NotesStore.update_action``'s keywords: an empty
    stance or priority is None (not chosen); the values come from the panel's
    own widgets, in the types :func:`stored_values` gives."""
    return {
        name: (value or None) if name in ("stance", "priority") else value
        for name, value in changes.items()
    }


class NotePreview(OfflineBrowser):
    """The note as shown; typing here goes to the note (``typed`` hands the key on)."""

    typed = Signal(QKeyEvent)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        command = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        text = event.text()
        typing = (bool(text) and text.isprintable()) or event.key() in EDITING_KEYS
        if typing and not command:
            self.typed.emit(event)
            return
        super().keyPressEvent(event)


class ActionNotesPanel(QWidget):
    """Annotation editor for the action under the cursor or chosen in the TOC.

    Signals:
        annotation_saved(str, str): an annotation was committed (doc id,
            action id); badges may need updating.
        save_failed(str): a save failed; the text says why. The edit stays
            in the panel and "Retry" saves it again.
        action_shown(str, str): the panel now shows this action (doc id,
            action id; both '' when the place has no action).
        changed_elsewhere(str, str): a save found a newer version saved
            elsewhere; the panel keeps both and asks which to keep.
        link_requested(QUrl): a link in the note preview was clicked.

    Only fields the user changed are written, and only over the version the
    panel loaded (``expected_modified``): a newer note saved elsewhere is
    never overwritten unseen.
    """

    annotation_saved = Signal(str, str)
    save_failed = Signal(str)
    action_shown = Signal(str, str)
    changed_elsewhere = Signal(str, str)
    link_requested = Signal(QUrl)

    def __init__(self, store: NotesStore | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.doc: Document | None = None
        self.action_id = ""
        self._base: ActionAnnotation | None = None  # the stored version the fields show
        # What the fields held right after loading: the widgets may normalise
        # text (a no-break space, a line end), so an edit is a difference from
        # this, never from the stored text.
        self._shown: dict[str, object] = {}
        self._theirs: ActionAnnotation | None = None  # a newer version met while saving
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
        self.preview = NotePreview(self)
        self.preview.setAccessibleName(self.tr("Note as shown"))
        self.preview.typed.connect(self._typed_in_preview)
        self.preview.anchorClicked.connect(self.link_requested)
        self.note_tabs = note_tabs = QTabWidget(self)
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
        for text, slot in (
            (self.tr("Up"), lambda: self._move_question(-1)),
            (self.tr("Down"), lambda: self._move_question(+1)),
            (self.tr("Remove"), self._remove_question),
        ):
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
        self._build_conflict_bar()

        form = QFormLayout()
        form.addRow(self.tr("&Stance"), self.stance)
        form.addRow(self.tr("&Priority"), self.priority)
        layout = self._column = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.path)
        layout.addWidget(self.conflict_bar)
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

    def add_below(self, widget: QWidget) -> None:
        """Another part of the panel, under its fields (colleagues' notes)."""
        self._column.addWidget(widget)

    def _build_conflict_bar(self) -> None:
        """'Changed elsewhere': their version beside mine (in the fields), and the choice."""
        self.conflict_bar = QFrame(self)
        self.conflict_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.conflict_bar.setStyleSheet(
            "QFrame { background: #fff3bf; } QLabel { color: #1b1b1b; }"
        )
        heading = QLabel(
            self.tr("This note was changed elsewhere; their version:"), self.conflict_bar
        )
        heading.setToolTip(
            self.tr("Your version is in the fields below. Choose which one to keep.")
        )
        heading.setWordWrap(True)
        self.conflict_text = QPlainTextEdit(self.conflict_bar)  # theirs, to read and copy
        self.conflict_text.setReadOnly(True)
        self.conflict_text.setAccessibleName(self.tr("The version saved elsewhere"))
        lines = self.conflict_text.fontMetrics().lineSpacing()
        self.conflict_text.setMinimumHeight(lines + 12)
        self.conflict_text.setMaximumHeight(5 * lines + 12)
        self.use_theirs = QPushButton(self.tr("Use their version"), self.conflict_bar)
        self.use_theirs.clicked.connect(self.take_theirs)
        self.keep_mine = QPushButton(self.tr("Keep my version"), self.conflict_bar)
        self.keep_mine.clicked.connect(self.keep_my_version)
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_theirs)
        buttons.addWidget(self.keep_mine)
        layout = QVBoxLayout(self.conflict_bar)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        layout.addWidget(heading)
        layout.addWidget(self.conflict_text)
        layout.addLayout(buttons)
        self.conflict_bar.hide()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        """A label whose underlined letter (Alt+letter) puts focus in ``buddy``."""
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    # -- showing -------------------------------------------------------------

    def show_action(self, doc: Document | None, action_id: str) -> None:
        """Show the annotation of ``action_id`` in ``doc`` ('' or None: no action here).

        A pending edit is saved first. An edit that could not be saved (a
        failed save, a version saved elsewhere) keeps the panel on its action
        until it is saved or the user chose.
        """
        if self._timer.isActive():
            self.save_now()
        if self.has_unsaved_edit():
            return
        node = doc.node(action_id) if doc is not None and action_id else None
        if node is None or node.kind not in ACTION_KINDS:
            node, doc, action_id = None, None, ""
        same = (
            doc is not None
            and self.doc is not None
            and doc.id == self.doc.id
            and action_id == self.action_id
        )
        self.doc, self.action_id = doc, action_id
        stored = self._stored()
        if not same or (stored != self._base and not self.dirty_fields()):
            self._loading = True
            try:
                self._fill(node.title if node else "", self._path_above(doc, node), stored)
            finally:
                self._loading = False
        if not same:
            self.note_tabs.setCurrentWidget(self.note)  # typing goes to the note
        self.setEnabled(node is not None and self.store is not None)
        self.action_shown.emit(doc.id if doc else "", action_id)

    @staticmethod
    def _path_above(doc: Document | None, node: OutlineNode | None) -> str:
        """Where the action stands, without its own title (the line above has it)."""
        parent = node.parent if node is not None else None
        if doc is None or parent is None or parent.kind == "document":
            return ""
        return doc.section_path(parent)

    def _fill(self, title: str, path: str, annotation: ActionAnnotation | None) -> None:
        if title:
            self.title.setText(title)
            self.path.setText(path)
        else:
            self.title.setText(self.tr("No action at this place"))
            self.path.setText(
                self.tr("Choose an action in the table of contents or click in one in the text.")
            )
        self.stance.clear()
        # "Not chosen", not "no stance": the list may hold "Geen standpunt" itself.
        self.stance.addItem(self.tr("(not chosen)"), "")
        for value in self.store.stances() if self.store else ():
            self.stance.addItem(value, value)
        self._set_fields(stored_values(annotation), FIELDS)
        self._base, self._shown = annotation, self.field_values()
        self.status.setText(self._saved_text(annotation) if annotation else "")

    def _set_fields(self, values: dict[str, object], names: Iterable[str]) -> None:
        for name in names:
            value = values[name]
            if name == "stance":
                self._select(self.stance, str(value))
            elif name == "priority":
                self._select(self.priority, str(value))
            elif name == "note":
                self.note.setPlainText(str(value))
                self.preview.setMarkdown(str(value))
            elif name == "questions":
                self.questions.clear()
                for question in _texts(value):
                    self._append_question(question)
            else:
                self.tags.setText(", ".join(_texts(value)))

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
        if self._theirs is not None:
            return  # nothing saves until the user chose a version
        if self.dirty_fields():
            self.status.setText(self.tr("Saving…"))
            self._timer.start()
        else:
            self._timer.stop()
            self.status.setText(self._saved_text(self._base) if self._base else "")

    def _typed_in_preview(self, event: QKeyEvent) -> None:
        """The preview does not take text: switch to the note and type there."""
        self.note_tabs.setCurrentWidget(self.note)
        self.note.setFocus()
        QApplication.sendEvent(
            self.note,
            QKeyEvent(
                event.type(),
                event.key(),
                event.modifiers(),
                event.text(),
                event.isAutoRepeat(),
                event.count(),
            ),
        )

    def question_texts(self) -> tuple[str, ...]:
        texts = (self.questions.item(i).text().strip() for i in range(self.questions.count()))
        return tuple(text for text in texts if text)

    def field_values(self) -> dict[str, object]:
        """What the fields hold now, in the form of :func:`stored_values`."""
        tags = tuple(tag.strip() for tag in self.tags.text().split(",") if tag.strip())
        return {
            "stance": self.stance.currentData() or "",
            "priority": self.priority.currentData() or "",
            "note": self.note.toPlainText(),
            "questions": self.question_texts(),
            "tags": tags,
        }

    def dirty_fields(self) -> dict[str, object]:
        """The fields the user changed since they were loaded (only these are saved)."""
        if self.doc is None:
            return {}
        values = self.field_values()
        return {name: values[name] for name in FIELDS if values[name] != self._shown.get(name)}

    def has_unsaved_edit(self) -> bool:
        """An edit that failed to save or waits for the user's choice of version."""
        return self.doc is not None and (self._theirs is not None or not self.retry.isHidden())

    def save_now(self) -> bool:
        """Save the fields the user changed; True once the commit returned
        (or when there was nothing to save)."""
        self._timer.stop()
        if self.store is None or self.doc is None or not self.action_id:
            return False
        if self._theirs is not None:
            return False  # the user chooses first
        changes = self.dirty_fields()
        if not changes:
            return True
        try:
            saved = self.store.update_action(
                action_target(self.doc, self.action_id),
                **_update_fields(changes),
                expected_modified=self._base.modified if self._base else None,
            )
        except NotesChangedElsewhereError as error:
            current = error.current if isinstance(error.current, ActionAnnotation) else None
            return self._changed_meanwhile(current, changes)
        except NotesError as error:
            self.status.setText(self.tr("Not saved: %s") % message_text(error))
            self.retry.show()
            self.save_failed.emit(message_text(error))
            return False
        self.retry.hide()
        self._base, self._shown = saved, self.field_values()
        self.status.setText(self._saved_text(saved))
        self.annotation_saved.emit(self.doc.id, self.action_id)
        return True

    def _changed_meanwhile(self, theirs: ActionAnnotation | None, mine: dict[str, object]) -> bool:
        """A newer version was saved elsewhere. Fields only they changed take
        their value; if they also changed a field I changed, both stay visible
        (mine in the fields, theirs in the bar) until the user chooses."""
        their_values, base_values = stored_values(theirs), stored_values(self._base)
        untouched = [name for name in FIELDS if name not in mine]
        self._loading = True
        try:
            self._set_fields(their_values, untouched)
        finally:
            self._loading = False
        clashes = [
            name
            for name, value in mine.items()
            if their_values[name] != base_values[name] and value != their_values[name]
        ]
        shown = self.field_values()
        self._base = theirs
        self._shown = {name: _EDITED if name in mine else shown[name] for name in FIELDS}
        if not clashes:
            return self.save_now()  # my fields on top of their version: nothing lost
        self._theirs = theirs
        self.conflict_text.setPlainText(self._conflict_text(their_values, clashes))
        self.path.hide()  # room for the bar: the title still names the action
        self.conflict_bar.show()
        self.status.setText(self.tr("Not saved yet: choose a version"))
        assert self.doc is not None
        self.changed_elsewhere.emit(self.doc.id, self.action_id)
        return False

    def _conflict_text(self, theirs: dict[str, object], clashes: list[str]) -> str:
        names = {
            "stance": self.tr("Stance"),
            "priority": self.tr("Priority"),
            "note": self.tr("Note"),
            "questions": self.tr("Questions for the debate"),
            "tags": self.tr("Tags"),
        }
        lines = []
        for name in clashes:
            value = theirs[name]
            shown = "; ".join(value) if isinstance(value, tuple) else str(value)
            lines.append(f"{names[name]}: {shown or self.tr('(empty)')}")
        return "\n".join(lines)

    def has_conflict(self) -> bool:
        return self._theirs is not None

    def take_theirs(self) -> None:
        """Drop my edit: the fields show the version saved elsewhere."""
        self._theirs = None
        self.conflict_bar.hide()
        self.path.show()
        self._loading = True
        try:
            self._set_fields(stored_values(self._base), FIELDS)
        finally:
            self._loading = False
        self._shown = self.field_values()
        self.status.setText(self._saved_text(self._base) if self._base else "")
        if self.doc is not None:
            self.annotation_saved.emit(self.doc.id, self.action_id)  # badges may differ now

    def keep_my_version(self) -> bool:
        """Save my fields over the version saved elsewhere (I saw it and chose)."""
        self._theirs = None
        self.conflict_bar.hide()
        self.path.show()
        return self.save_now()
