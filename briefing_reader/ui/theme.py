"""Light, dark or the system's look, and the text size, from the settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from briefing_reader.ui import settings as ui_settings

DISABLED_TEXT = "#999999"
LIGHT_HIGHLIGHT = "#2b6cb0"
LIGHT_DISABLED_TEXT = "#666666"

_system_look: tuple[QPalette, QFont] | None = None  # before any theme was applied


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#181a1b",
        QPalette.ColorRole.AlternateBase: "#24272a",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#2b2e31",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2b2e31",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    _readable_when_disabled(palette, DISABLED_TEXT)
    return palette


def light_palette(app: QApplication) -> QPalette:
    """Fusion's light palette, with a selection dark enough for white text
    (its own blue gives 3.7:1; AA asks 4.5:1)."""
    palette = app.style().standardPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(LIGHT_HIGHLIGHT))
    _readable_when_disabled(palette, LIGHT_DISABLED_TEXT)
    return palette


def _readable_when_disabled(palette: QPalette, colour: str) -> None:
    """Disabled text stays readable (4.5:1): the annotation panel without an
    action still shows its title."""
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))


def apply(settings: QSettings) -> None:
    """Set the application's palette and font as the settings say."""
    global _system_look
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _system_look is None:
        _system_look = (QPalette(QGuiApplication.palette()), QFont(QGuiApplication.font()))
    system_palette, system_font = _system_look
    choice = ui_settings.THEME.read(settings)
    if choice == "dark":
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    elif choice == "light":
        app.setStyle("Fusion")
        app.setPalette(light_palette(app))
    else:
        app.setPalette(system_palette)
    size = ui_settings.FONT_SIZE.read(settings)
    font = QFont(system_font)
    if size > 0:
        font.setPointSize(size)
    app.setFont(font)
