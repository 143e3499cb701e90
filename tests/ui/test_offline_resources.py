"""The window's text views read no file a text names (issue 13, defect 2).

Qt's image handler opens an image's ``src`` as a file by name when the
resource loader gives nothing; a note previewed with ``![g](/dev/zero)`` then
read gigabytes, and one naming a pipe hung the window.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from briefing_reader.ui.reader import OfflineBrowser


def test_a_note_naming_files_shows_no_image_and_reads_none(qtbot: QtBot, tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#c03030"))
    assert image.save(str(photo))
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)  # opening it for reading would block: nobody writes
    browser = OfflineBrowser()
    qtbot.addWidget(browser)
    browser.resize(600, 400)
    browser.show()
    for target in (photo, Path("/dev/zero"), pipe):
        browser.setMarkdown(f"Zie ![beeld]({target}) hier.")
        height = browser.document().size().height()
        assert height < 100, target  # a 400x300 photo would make it taller
        assert "Zie" in browser.toPlainText()
