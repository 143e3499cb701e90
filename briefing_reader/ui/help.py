"""Help: the shortcuts overview, About (version, data, licences), the welcome."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from briefing_reader import APP_NAME, __version__
from briefing_reader.paths import Paths
from briefing_reader.ui import keyboard
from briefing_reader.ui import settings as ui_settings
from briefing_reader.ui.reader import OfflineBrowser

if TYPE_CHECKING:
    from importlib.metadata import PackageMetadata

    from briefing_reader.ui.main_window import MainWindow

DEPENDENCIES = (
    "PySide6-Essentials",
    "markdown-it-py",
    "mdit-py-plugins",
    "PyYAML",
    "Whoosh",
    "platformdirs",
)


def _licence(dist: str) -> str:
    from importlib import metadata  # only when About is opened: it is slow to import

    try:
        meta = metadata.metadata(dist)
    except metadata.PackageNotFoundError:
        return QCoreApplication.translate("Help", "not installed")
    licence = _field(meta, "License-Expression") or _field(meta, "License")
    if not licence or len(licence) > 60:
        classifiers = [
            c.split(" :: ")[-1]
            for c in meta.get_all("Classifier") or []
            if c.startswith("License ::")
        ]
        licence = ", ".join(classifiers) or licence[:60]
    return f"{_field(meta, 'Version')} — {licence}"


def _field(meta: PackageMetadata, name: str) -> str:
    return str(meta[name]) if name in meta else ""


def shortcuts_html(window: MainWindow) -> str:
    """Moving between panes and fields, then every action of the window
    that has a shortcut, as tables."""
    rows = []
    for action in window.actions():
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        if keys and action.text():
            name = action.text().replace("&", "").rstrip("…")
            rows.append((name, ", ".join(keys)))
    rows.sort()
    title = QCoreApplication.translate("Help", "Keyboard shortcuts")
    moving = QCoreApplication.translate("Help", "Moving around")
    commands = QCoreApplication.translate("Help", "Commands")
    return (
        f"<h2>{escape(title)}</h2><h3>{escape(moving)}</h3>{_table(_moving_rows(window))}"
        f"<h3>{escape(commands)}</h3>{_table(rows)}"
    )


def _table(rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><td>{escape(n)}</td><td><b>{escape(k)}</b></td></tr>" for n, k in rows)
    return f"<table cellpadding='4'>{body}</table>"


def _moving_rows(window: MainWindow) -> list[tuple[str, str]]:
    """Pane and field navigation, which no menu entry shows: Tab, Alt+letter, Esc."""
    translate = QCoreApplication.translate
    rows = [
        (
            translate(
                "Help", "Next / previous pane: contents or search, text, annotation, highlights"
            ),
            "F6, Shift+F6",
        ),
        (
            translate("Help", "Contents: from the list up to its filter / from the filter down"),
            "Shift+Tab / Down, Tab, Enter",
        ),
        (translate("Help", "In the text: on to the next / previous pane"), "Tab, Shift+Tab"),
        (
            translate("Help", "In the text: next / previous link or footnote (Enter opens it)"),
            "Ctrl+Tab, Ctrl+Shift+Tab",
        ),
        (
            translate("Help", "In the note: to the next field / type a tab character"),
            "Tab, Ctrl+Tab",
        ),
        (translate("Help", "Close a window (register, timeline, help)"), "Esc, Ctrl+W"),
    ]
    panel = window.annotation_dock
    for label in panel.findChildren(QLabel):
        letter = keyboard.mnemonic(label.text())
        if letter and label.buddy() is not None:
            field = label.text().replace("&", "")
            rows.append((translate("Help", "Annotation: %s") % field, f"Alt+{letter.upper()}"))
    return rows


def about_html(paths: Paths | None) -> str:
    deps = "".join(
        f"<tr><td>{escape(d)}</td><td>{escape(_licence(d))}</td></tr>" for d in DEPENDENCIES
    )
    data = escape(str(paths.data)) if paths else ""
    what = QCoreApplication.translate("Help", "An offline reader for Tweede Kamer letters.")
    where = QCoreApplication.translate("Help", "Your data")
    ours = QCoreApplication.translate(
        "Help",
        "Companion documents are compiled by Briefing Reader from the letter; "
        "they are not official parliamentary text.",
    )
    used = QCoreApplication.translate("Help", "Software used, and its licences")
    return (
        f"<h2>{APP_NAME} {escape(__version__)}</h2><p>{escape(what)}</p>"
        f"<p><b>{escape(where)}:</b> {data}</p><p>{escape(ours)}</p>"
        f"<h3>{escape(used)}</h3><table cellpadding='3'>{deps}</table>"
    )


def welcome_html() -> str:
    translate = QCoreApplication.translate
    items = [
        translate(
            "Help", "Read the letter with its table of contents; every “Acties” box is an action."
        ),
        translate("Help", "Search every letter with Ctrl+Shift+F: Dutch word forms match."),
        translate(
            "Help",
            "Place the cursor in an action to note your stance, a note and "
            "questions; they are saved as you type.",
        ),
        translate(
            "Help",
            "Select text and press Ctrl+H (or Ctrl+Shift+H) to highlight it; "
            "it asks for a note, which is optional: Enter without one. "
            "Hover a highlight to read its note; change it with a right "
            "click or “Note…” in the highlights list. Ctrl+D keeps a "
            "bookmark.",
        ),
        translate(
            "Help",
            "Ctrl+P prints an excerpt with its citation; the File menu makes "
            "the debate-preparation pack.",
        ),
        translate("Help", "Press F1 for all keyboard shortcuts."),
    ]
    body = "".join(f"<li>{escape(item)}</li>" for item in items)
    title = QCoreApplication.translate("Help", "Welcome to Briefing Reader")
    return f"<h2>{escape(title)}</h2><ul>{body}</ul>"


def show_html(parent: QWidget, title: str, html: str) -> QDialog:
    """A simple, keyboard-closable dialog showing ``html``."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    text = OfflineBrowser(dialog)
    text.setHtml(html)
    text.setAccessibleName(title)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(560, _fitting_height(dialog, text, buttons))
    keyboard.closable_by_keyboard(dialog)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()  # the keyboard goes to it, so Esc closes it
    return dialog


def _fitting_height(dialog: QDialog, text: OfflineBrowser, buttons: QWidget) -> int:
    """Tall enough for the whole text, within the screen: a scroll bar only
    when the text does not fit."""
    layout = dialog.layout()
    assert layout is not None  # show_html gave the dialog its layout
    margins = layout.contentsMargins()
    text.document().setTextWidth(560 - margins.left() - margins.right() - 2 * text.frameWidth())
    needed = (
        text.document().size().height()
        + 2 * text.frameWidth()
        + buttons.sizeHint().height()
        + 3 * layout.spacing()
        + margins.top()
        + margins.bottom()
    )
    screen = dialog.screen().availableGeometry().height()
    return int(min(max(needed, 160), screen * 0.85))


def welcome_if_first_run(parent: QWidget, settings: QSettings) -> QDialog | None:
    if ui_settings.WELCOMED.read(settings):
        return None
    ui_settings.WELCOMED.write(settings, True)
    return show_html(parent, QCoreApplication.translate("Help", "Welcome"), welcome_html())
