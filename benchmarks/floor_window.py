"""The floor of the start-up benchmark: the first paint's window with no app code.

    python benchmarks/floor_window.py PAGE.json

A QMainWindow with menus (six, of six actions with shortcuts each), a
toolbar with a search field, a status bar with the citation, a contents tree
of every bundled outline and the letter in a QTextBrowser; shown, and closed
once the letter has been painted. ``PAGE.json`` holds the letter's HTML and
style sheet, its citation and the outlines; ``benchmarks/startup.py`` writes
it with the app's code, so this process imports nothing of the app: no
implementation of the app's first paint can start faster with Qt.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TypedDict

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
)

MENUS = ("Bestand", "Beeld", "Ga", "Zoeken", "Notities", "Help")

Outline = list[Any]  # [title, [outline, ...]]


class Page(TypedDict):
    html: str
    css: str
    citation: str
    outlines: list[Outline]


class QuitAfterPaint(QObject):
    """Leave the event loop once the watched widget was painted."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def add_outline(parent: QTreeWidget | QTreeWidgetItem, node: Outline) -> None:
    item = QTreeWidgetItem(parent, [node[0]])
    item.setData(0, Qt.ItemDataRole.UserRole, node[0])
    for child in node[1]:
        add_outline(item, child)


def build(window: QMainWindow, page: Page) -> QTextBrowser:
    splitter = QSplitter(Qt.Orientation.Horizontal, window)
    tabs = QTabWidget(splitter)
    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    tabs.addTab(tree, "Inhoud")
    browser = QTextBrowser(splitter)
    window.setCentralWidget(splitter)
    window.statusBar().addPermanentWidget(QLabel(page["citation"]))
    for outline in page["outlines"]:
        add_outline(tree, outline)
    for title in MENUS:
        menu = window.menuBar().addMenu(title)
        for number in range(6):
            action = QAction(f"{title} {number}", window)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            menu.addAction(action)
    bar = window.addToolBar("Navigatie")
    bar.addAction(QAction("Terug", window))
    bar.addWidget(QLineEdit(bar))
    document = QTextDocument(browser)
    document.setDefaultStyleSheet(page["css"])
    document.setHtml(page["html"])
    browser.setDocument(document)
    return browser


def main(page_file: str) -> int:
    with open(page_file, encoding="utf-8") as handle:
        page: Page = json.load(handle)
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 820)
    browser = build(window, page)
    quitter = QuitAfterPaint()
    browser.viewport().installEventFilter(quitter)
    window.show()
    app.exec()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
