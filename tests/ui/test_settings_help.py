"""Settings round-trip, theme, help pages and the first-run welcome."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette
from pytestqt.qtbot import QtBot

from briefing_reader.ui import help, style, theme
from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.settings_dialog import SettingsDialog


def dialog_for(window: MainWindow, qtbot: QtBot) -> SettingsDialog:
    assert window.paths is not None
    dialog = SettingsDialog(window.settings, window.store, window.paths, window)
    qtbot.addWidget(dialog)
    return dialog


def test_settings_round_trip(window: MainWindow, qtbot: QtBot) -> None:
    dialog = dialog_for(window, qtbot)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.font_size.setValue(13)
    dialog.author.setText("M. de Vries (SP)")
    dialog.stances.setPlainText("Steunen\nTegen\nNader onderzoek")
    dialog.apply()
    again = dialog_for(window, qtbot)
    assert again.language.currentData() == "en"
    assert again.theme.currentData() == "dark"
    assert again.font_size.value() == 13
    assert again.author.text() == "M. de Vries (SP)"
    assert again.stances.toPlainText().splitlines() == ["Steunen", "Tegen", "Nader onderzoek"]
    assert window.store.author() == "M. de Vries (SP)"  # type: ignore[union-attr]
    window.settings.setValue("ui/theme", "system")
    window.settings.setValue("ui/font_size", 0)
    theme.apply(window.settings)


def test_dark_theme_darkens_the_window_and_the_document(window: MainWindow) -> None:
    window.settings.setValue("ui/theme", "dark")
    try:
        window.apply_appearance()
        assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
        assert style.is_dark()
        assert window.reader.document().defaultStyleSheet() == style.document_css(True)
    finally:
        window.settings.setValue("ui/theme", "system")
        window.apply_appearance()
    assert not style.is_dark()


def test_shortcuts_overview_lists_the_main_functions(window: MainWindow) -> None:
    html = help.shortcuts_html(window)
    for name in ("Search all documents", "Bookmark this place", "Print", "Back"):
        assert name in html
    assert "Ctrl+Shift+F" in html and "Ctrl+D" in html


def test_about_names_version_data_dir_and_licences(window: MainWindow) -> None:
    html = help.about_html(window.paths)
    assert str(window.paths.data) in html  # type: ignore[union-attr]
    assert "Whoosh" in html and "BSD" in html
    assert "PySide6-Essentials" in html and "LGPL" in html


def test_welcome_shows_once(window: MainWindow, qtbot: QtBot) -> None:
    first = help.welcome_if_first_run(window, window.settings)
    assert first is not None
    qtbot.addWidget(first)
    assert help.welcome_if_first_run(window, window.settings) is None
