"""The "Te controleren" panel and the "Wat is gewijzigd" dialog, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from pytestqt.qtbot import QtBot

from briefing_reader.core.content import Document, Library
from briefing_reader.core.content.parse import document_from_bytes
from briefing_reader.core.notes import (
    NotesStore,
    TextAnchor,
    action_target,
    anchor_quote,
    open_store,
    reanchor_library,
)
from briefing_reader.paths import bundled_content_dir
from briefing_reader.ui.review import ID_ROLE, ChangesDialog, ReviewPanel

LETTER = "kst-32824-456"
SOURCE = (bundled_content_dir() / f"{LETTER}.md").read_text("utf-8")
TAAL = "Taal is de basis van een goede integratie in Nederland."
HANDHAVEN = "Het is noodzakelijk dat gemeenten de taaleis beter gaan handhaven."
NEW_HANDHAVEN = "Het is nodig dat gemeenten de taaleis strenger gaan handhaven."
ROUTE = "De snelste route naar financiële zelfbeschikking is werk."


def version(number: int, *replacements: tuple[str, str]) -> Document:
    text = SOURCE.replace("version: 2\n", f"version: {number}\n", 1)
    for old, new in replacements:
        text = text.replace(old, new, 1)
    return document_from_bytes(text.encode(), Path(f"/v{number}/{LETTER}.md"), bundled=False)


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[NotesStore, Library, Path, dict[str, str]]]:
    old = version(2)
    new = version(3, (HANDHAVEN, NEW_HANDHAVEN), (ROUTE, ""))
    versions = tmp_path / "versions"
    with open_store(tmp_path / "notes.sqlite3", tmp_path / "backups") as store:
        ids = {
            "handhaven": store.add_highlight(anchor_quote(old, HANDHAVEN), note="vraag").id,
            "route": store.add_highlight(anchor_quote(old, ROUTE)).id,
            "taal": store.add_highlight(anchor_quote(old, TAAL)).id,
        }
        reanchor_library(store, Library(documents={LETTER: old}), versions)
        library = Library(documents={LETTER: new})
        reanchor_library(store, library, versions)
        yield store, library, versions, ids


def select(panel: ReviewPanel, item_id: str) -> None:
    for row in range(panel.list.count()):
        if panel.list.item(row).data(ID_ROLE) == item_id:
            panel.list.setCurrentRow(row)
            return
    raise AssertionError(f"{item_id} is not listed")


def test_panel_lists_fuzzy_and_orphaned_with_original_and_candidate(
    qtbot: QtBot, setup: tuple[NotesStore, Library, Path, dict[str, str]]
) -> None:
    store, library, _versions, ids = setup
    panel = ReviewPanel(library, store, lambda: None)
    qtbot.addWidget(panel)
    assert panel.list.count() == 2
    select(panel, ids["handhaven"])
    shown = panel.detail.toPlainText()
    assert HANDHAVEN in shown and NEW_HANDHAVEN in shown  # original and candidate
    assert panel.accept_button.isEnabled()
    select(panel, ids["route"])
    assert ROUTE in panel.detail.toPlainText() and not panel.accept_button.isEnabled()
    with qtbot.waitSignal(panel.jump_requested) as jumped:
        panel.go_to_current()
    assert jumped.args is not None and jumped.args[0] == LETTER


def test_accept_reattach_and_dismiss_each_tell_the_window(
    qtbot: QtBot, setup: tuple[NotesStore, Library, Path, dict[str, str]]
) -> None:
    store, library, _versions, ids = setup
    selection: list[TextAnchor | None] = [None]
    panel = ReviewPanel(library, store, lambda: selection[0])
    qtbot.addWidget(panel)
    select(panel, ids["handhaven"])
    with qtbot.waitSignal(panel.changed):
        panel.accept_button.click()
    accepted = store.highlight(ids["handhaven"])
    assert accepted is not None and accepted.anchor_status == "exact"
    assert panel.list.count() == 1
    select(panel, ids["route"])
    with qtbot.waitSignal(panel.failed) as failed:  # nothing selected yet
        panel.reattach_button.click()
    assert failed.args is not None and "select" in failed.args[0].lower()
    selection[0] = anchor_quote(library.documents[LETTER], TAAL)
    with qtbot.waitSignal(panel.changed):
        panel.reattach_button.click()
    assert panel.list.count() == 0 and "Nothing to check" in panel.summary.text()
    moved = store.highlight(ids["route"])
    assert moved is not None and moved.anchor.quote.exact == TAAL


def test_dismissing_a_fuzzy_match_orphans_it(
    qtbot: QtBot, setup: tuple[NotesStore, Library, Path, dict[str, str]]
) -> None:
    store, library, _versions, ids = setup
    panel = ReviewPanel(library, store, lambda: None)
    qtbot.addWidget(panel)
    select(panel, ids["handhaven"])
    with qtbot.waitSignal(panel.changed):
        panel.dismiss_button.click()
    item = store.highlight(ids["handhaven"])
    assert item is not None and item.anchor_status == "orphaned"
    assert item.anchor.quote.exact == HANDHAVEN


def test_action_note_is_reattached_to_the_action_around_the_selection(
    qtbot: QtBot, tmp_path: Path
) -> None:
    old = version(2)
    action = "actie-taaleis-in-de-bijstand"
    start = SOURCE.index("{#actie-taaleis-in-de-bijstand}")
    new = version(3, (SOURCE[start : SOURCE.index("{#s-2-5}")], ""))
    with open_store(tmp_path / "n.sqlite3", tmp_path / "b") as store:
        note = store.update_action(action_target(old, action), stance="Kritisch")
        reanchor_library(store, Library(documents={LETTER: old}), tmp_path / "v")
        library = Library(documents={LETTER: new})
        reanchor_library(store, library, tmp_path / "v")
        target = new.actions()[0]
        text = new.text(target)[:40]
        panel = ReviewPanel(library, store, lambda: anchor_quote(new, text))
        qtbot.addWidget(panel)
        select(panel, note.id)
        with qtbot.waitSignal(panel.changed):
            panel.reattach_current()
        moved = store.action_annotations()[0]
        assert moved.action_id == target.id and moved.anchor_status == "exact"


@pytest.mark.parametrize("dark", [False, True])
def test_changes_dialog_shows_paragraph_changes_and_touched_notes(
    qtbot: QtBot, setup: tuple[NotesStore, Library, Path, dict[str, str]], dark: bool
) -> None:
    store, _library, versions, _ids = setup
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    original = app.palette()
    if dark:
        palette = QPalette(original)
        palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
        app.setPalette(palette)
    try:
        dialog = ChangesDialog(versions, LETTER, store)
        qtbot.addWidget(dialog)
        kinds = [c.kind for c in dialog.changes]
        assert kinds == ["changed", "changed"]
        text = dialog.view.toPlainText()
        assert "strenger" in text and "noodzakelijk" in text and "vraag" in text
        html = dialog.changes_html()
        assert ("#5a1f1f" in html) == dark and ("#fde2e1" in html) == (not dark)
        assert "2 paragraph(s) changed" in dialog.summary.text()
    finally:
        app.setPalette(original)


def test_changes_dialog_with_one_version_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ChangesDialog(tmp_path / "none", LETTER)
    qtbot.addWidget(dialog)
    assert dialog.changes == [] and "Only one version" in dialog.summary.text()


def test_a_note_on_a_document_not_in_the_library_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    import json

    from briefing_reader.core.notes import exchange

    path = tmp_path / "elders.jsonld"
    path.write_text(
        json.dumps(
            [
                {
                    "@context": exchange.CONTEXT,
                    "id": "http://example.org/7",
                    "type": "Annotation",
                    "bodyValue": "Later lezen",
                    "target": {
                        "source": "urn:briefing-reader:doc:kst-99999-1",
                        "selector": {"type": "TextQuoteSelector", "exact": "een zin"},
                    },
                }
            ]
        ),
        encoding="utf-8",
    )
    library = Library(documents={LETTER: version(2)})
    with open_store(tmp_path / "notes.sqlite3", tmp_path / "backups") as store:
        exchange.import_jsonld(store, path, library)
        panel = ReviewPanel(library, store, lambda: None)
        qtbot.addWidget(panel)
        assert panel.list.count() == 1
        assert panel.list.item(0).text().startswith("[document not in the library] highlight")
        assert "is not in the library" in panel.detail.toPlainText()
