"""Small things a member notices: the stance list, bookmark names, the register's
columns, file dialogs, links in a note."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from briefing_reader.ui import file_dialogs
from briefing_reader.ui import settings as ui_settings
from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.register_model import COL_ID, COL_PRIORITY, COL_STANCE, COL_TITLE
from tests.conftest import LETTER_ID

ACTION = "actie-taaleis-in-de-bijstand"


def test_the_stance_list_says_no_stance_once(language_window: MainWindow) -> None:
    window = language_window
    window.navigate(LETTER_ID, ACTION)
    combo = window.annotations.panel.stance
    labels = [combo.itemText(i).strip("()").casefold() for i in range(combo.count())]
    assert len(labels) == len(set(labels))
    assert sum("standpunt" in label or "stance" in label for label in labels) <= 1, labels
    assert combo.itemData(0) == ""  # "not chosen" stays the way back to no stance


def test_a_bookmark_is_named_after_the_action_it_was_made_in(
    window: MainWindow, qtbot: QtBot
) -> None:
    doc = window.library.get(LETTER_ID)
    assert doc is not None
    node = doc.node(ACTION)
    assert node is not None
    start = next(block.start for block in doc.blocks[node.first : node.stop] if block.text)
    window.navigate_to_offset(LETTER_ID, start - 300)  # the theme's text above the action
    window.annotations.panel.show_action(doc, ACTION)  # the member works in the action
    window.annotations.bookmark_here()
    bookmarks = window.store.bookmarks(LETTER_ID)  # type: ignore[union-attr]
    assert [b.name for b in bookmarks] == [node.title]
    window.navigate(LETTER_ID, "s-1-1")
    marks = window.annotations.marks
    page = marks.bookmark_list.parentWidget()
    marks.setCurrentWidget(page)  # the Bookmarks tab
    marks.bookmark_list.setCurrentRow(0)
    [go] = [b for b in page.findChildren(QPushButton) if b.text() == "Go to"]
    qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    assert window.reader.is_visible(window.reader.qt_position(start))


def test_the_register_shows_title_stance_and_priority_first(window: MainWindow) -> None:
    view = window.overviews.show_register()
    header = view.table.horizontalHeader()
    shown = [header.logicalIndex(visual) for visual in range(header.count())]
    assert shown[:3] == [COL_TITLE, COL_STANCE, COL_PRIORITY]
    assert shown[-1] == COL_ID
    frame = window.overviews.register_window
    assert frame is not None
    right = header.sectionViewportPosition(COL_PRIORITY) + header.sectionSize(COL_PRIORITY)
    assert right <= view.table.viewport().width()  # in view without scrolling


def test_file_dialogs_are_qts_own_and_start_in_the_last_folder(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Any, ...]] = []
    chosen = tmp_path / "stukken" / "brief.docx"
    chosen.parent.mkdir()

    def fake(*args: Any) -> tuple[list[str], str]:
        calls.append(args)
        return [str(chosen)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", fake)
    monkeypatch.setattr(window.importing, "import_paths", lambda files: None)
    window.importing.choose_files()
    window.importing.choose_files()
    first, second = calls
    assert first[5] & QFileDialog.Option.DontUseNativeDialog
    assert Path(first[2]) in (file_dialogs.start_folder(None), Path.home())
    assert Path(second[2]) == chosen.parent  # remembered in the settings
    assert window.settings.value(ui_settings.LAST_FOLDER.key) == str(chosen.parent)


def test_qts_file_dialog_speaks_dutch(language_window: MainWindow) -> None:
    dialog = QFileDialog(language_window)
    dialog.setOption(file_dialogs.OPTIONS)
    labels = [
        dialog.labelText(label)
        for label in (
            QFileDialog.DialogLabel.LookIn,
            QFileDialog.DialogLabel.FileType,
            QFileDialog.DialogLabel.FileName,
            QFileDialog.DialogLabel.Accept,
        )
    ]
    english = ["&Look in:", "Files of &type:", "File &name:", "&Open"]
    if language_window.file_menu.title() == "&Bestand":
        assert not set(labels) & set(english), labels
    else:
        assert labels == english


def test_links_in_the_note_preview_open(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.navigate(LETTER_ID, ACTION)
    preview = window.annotations.panel.preview
    preview.anchorClicked.emit(QUrl("#s-2-2"))  # a link to a place in this letter
    assert window.reader.current_node_id() == "s-2-2"
    asked: list[str] = []
    opened: list[QUrl] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text: asked.append(text) or QMessageBox.StandardButton.No,
    )
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    preview.anchorClicked.emit(QUrl("https://www.tweedekamer.nl/"))
    assert asked and "tweedekamer.nl" in asked[0] and opened == []
    preview.anchorClicked.emit(QUrl("doc:moties#motie-ceder"))
    assert window.reader.document_shown is not None
    assert window.reader.document_shown.id == "moties"
