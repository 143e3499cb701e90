"""Every text/background pair the app sets meets WCAG AA (4.5:1), in both themes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from briefing_reader.core.notes import COLOURS
from briefing_reader.ui import settings as ui_settings
from briefing_reader.ui import style, theme
from briefing_reader.ui.main_window import MainWindow
from briefing_reader.ui.search_feature import CURRENT_HIT_COLOUR, HIT_COLOUR
from briefing_reader.ui.timeline import DUE_COLOURS
from tests.conftest import LETTER_ID

AA = 4.5
Role, Group = QPalette.ColorRole, QPalette.ColorGroup


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(text: QColor | str, background: QColor | str) -> float:
    light, dark = sorted((luminance(QColor(text)), luminance(QColor(background))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_matches_wcag() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#0000ff", "#000000") < AA  # the dark-blue-on-black snippet


def light_palette() -> QPalette:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    return theme.light_palette(app)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_palette_pairs(dark: bool) -> None:
    palette = theme.dark_palette() if dark else light_palette()
    pairs = [
        (Role.WindowText, Role.Window),
        (Role.Text, Role.Base),
        (Role.Text, Role.AlternateBase),
        (Role.ButtonText, Role.Button),
        (Role.HighlightedText, Role.Highlight),
        (Role.ToolTipText, Role.ToolTipBase),
        (Role.Link, Role.Base),
        (Role.PlaceholderText, Role.Base),
    ]
    low = [
        (fg.name, bg.name, round(contrast(palette.color(fg), palette.color(bg)), 2))
        for fg, bg in pairs
        if contrast(palette.color(fg), palette.color(bg)) < AA
    ]
    assert low == []
    # our own disabled colours: the empty annotation panel must stay legible
    for fg, bg in (
        (Role.WindowText, Role.Window),
        (Role.Text, Role.Base),
        (Role.ButtonText, Role.Button),
    ):
        assert contrast(palette.color(Group.Disabled, fg), palette.color(bg)) >= AA


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_document_and_overview_colours(dark: bool) -> None:
    c = style.colours(dark)
    base = (theme.dark_palette() if dark else light_palette()).color(Role.Base)
    backgrounds = {"base": base.name(), "box": c["box"], "sub": c["sub"], "banner": c["banner"]}
    low = [
        (fg, bg, round(contrast(c[fg], colour), 2))
        for fg in ("text", "muted", "heading", "link", "label", "badge", "action")
        for bg, colour in backgrounds.items()
        if contrast(c[fg], colour) < AA
    ]
    alternate = (theme.dark_palette() if dark else light_palette()).color(Role.AlternateBase)
    low += [
        (due, bg.name(), round(contrast(colour, bg), 2))
        for due, colour in DUE_COLOURS[dark].items()
        for bg in (base, alternate)
        if contrast(colour, bg) < AA
    ]
    assert low == []


def test_marks_keep_dark_text_on_their_light_colours() -> None:
    backgrounds = [
        *COLOURS.values(),
        HIT_COLOUR,
        CURRENT_HIT_COLOUR,
        style.HIT_BACKGROUND,
        "#ffc9c9",
    ]
    assert [bg for bg in backgrounds if contrast(style.MARK_TEXT, bg) < AA] == []


# -- what is on screen: every fragment of the rendered documents -----------------


def effective_background(qdoc: QTextDocument, position: int, brush: QBrush, base: QColor) -> QColor:
    if brush.style() != brush.style().NoBrush:
        return brush.color()
    table = QTextCursor(qdoc)
    table.setPosition(position)
    found = table.currentTable()
    if found is not None:
        cell = found.cellAt(table).format().background()
        if cell.style() != cell.style().NoBrush:
            return cell.color()
        if found.format().background().style() != brush.style().NoBrush:
            return found.format().background().color()
    return base


def low_contrast_fragments(view: QTextBrowser) -> list[tuple[str, str, str, float]]:
    """(text, foreground, background, ratio) of every fragment below AA."""
    qdoc = view.document()
    palette = view.palette()
    low = []
    block = qdoc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if not fragment.text().strip():
                continue
            fmt = fragment.charFormat()
            brush = fmt.foreground()
            plain = brush.style() == brush.style().NoBrush
            fg = palette.color(Role.Text) if plain else brush.color()
            bg = effective_background(
                qdoc, fragment.position(), fmt.background(), palette.color(Role.Base)
            )
            ratio = contrast(fg, bg)
            if ratio < AA:
                low.append((fragment.text()[:30], fg.name(), bg.name(), round(ratio, 2)))
        block = block.next()
    return low


@pytest.fixture
def themed(window: MainWindow) -> Iterator[MainWindow]:
    yield window
    window.settings.setValue(ui_settings.THEME.key, "system")
    window.apply_appearance()


def set_theme(window: MainWindow, choice: str) -> None:
    settings: QSettings = window.settings
    settings.setValue(ui_settings.THEME.key, choice)
    window.apply_appearance()


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_every_rendered_text_meets_aa(themed: MainWindow, qtbot: QtBot, choice: str) -> None:
    window = themed
    window.search.start_indexing()
    qtbot.waitUntil(
        lambda: window.search.index.ready and window.search.progress.isHidden(), timeout=60000
    )
    window.search.panel.field.setText("taaleis")
    window.search.panel.run_search()
    set_theme(window, "light" if choice == "dark" else "dark")
    set_theme(window, choice)  # switched while the results were on screen
    assert style.is_dark() == (choice == "dark")
    base = QGuiApplication.palette().color(Role.Base)
    qtbot.waitUntil(lambda: window.reader.palette().color(Role.Base) == base)
    for doc_id in (LETTER_ID, "begrippen", "dossier-32824", "moties"):
        window.navigate(doc_id)
        assert low_contrast_fragments(window.reader) == [], doc_id
    assert window.search.panel.result is not None and window.search.panel.result.hits
    assert low_contrast_fragments(window.search.panel.results) == []
    palette = QGuiApplication.palette()
    model = window.toc.contents
    action = model.find(LETTER_ID, "actie-startbanen")
    assert action is not None
    brush = model.data(model.index_of_node(action), Qt.ItemDataRole.ForegroundRole)
    assert contrast(brush.color(), palette.color(Role.Base)) >= AA
