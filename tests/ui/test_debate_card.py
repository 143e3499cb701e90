"""The debate card (issue 17): one A4 page (two at most, said on it) with the
letters, stances and questions by priority, key figures, open commitments
and motions; read back from the PDF with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest

from briefing_reader import paths
from briefing_reader.core.content import Library
from briefing_reader.core.notes import NotesStore, action_target, anchor_quote, open_store
from briefing_reader.printing.card import card_documents, motions
from briefing_reader.printing.card_pdf import fitted_card
from briefing_reader.printing.request import PrintError
from briefing_reader.session import open_library

LETTER = "kst-32824-456"
TODAY = dt.date(2026, 12, 6)
FIGURE = "In 2014 ontving na twee jaar 91 %"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(paths.resolve(tmp_path_factory.mktemp("library")))


@pytest.fixture
def store(tmp_path: Path, library: Library) -> Iterator[NotesStore]:
    doc = library.get(LETTER)
    assert doc is not None
    notes = open_store(tmp_path / "notes.sqlite3", tmp_path / "backups")
    notes.add_highlight(anchor_quote(doc, FIGURE), note="Bijstand na twee jaar", key_figure=True)
    notes.add_highlight(anchor_quote(doc, "De onlinewereld speelt"))  # not a key figure
    for action, priority in (
        ("actie-imamopleiding", "laag"),
        ("actie-startbanen", "hoog"),
        ("actie-taaleis-in-de-bijstand", "middel"),
    ):
        notes.update_action(
            action_target(doc, action),
            stance="Kritisch",
            priority=priority,
            questions=[f"Wat kost {action} in 2027?"],
        )
    yield notes
    notes.close()


def _texts(data: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_card_is_one_page_with_everything_in_order(
    qapp: Any, library: Library, store: NotesStore
) -> None:
    docs = card_documents(library, store)
    assert [doc.id for doc in docs] == [LETTER]
    # On 1 December 2025 some promises are overdue and some due within a month.
    _composition, data, pages = fitted_card(library, store, docs, today=dt.date(2025, 12, 1))
    [text] = _texts(data)
    assert pages == 1
    for part in (
        "Debatkaart",
        "Kamerstukken II 2024/25, 32 824, nr. 456",
        "Startbanen — Kritisch · hoog",
        "Wat kost actie-startbanen in 2027?",
        "Kerncijfers",
        FIGURE,
        "Bijstand na twee jaar",
        "Pijler 2 > 2.2 Startbanen",
        "Openstaande toezeggingen",
        "te laat · uiterlijk",
        "binnenkort · uiterlijk",
        "Moties waarop de brieven antwoorden",
        "Motie-Van Dijk",
    ):
        assert squash(part) in text, part
    assert squash("De onlinewereld speelt") not in text
    order = [
        text.index(squash(t)) for t in ("Startbanen—", "Taaleis in de bijstand—", "Imamopleiding—")
    ]
    assert order == sorted(order)
    assert "pagina's" not in text


def test_a_full_card_fits_two_pages_at_most_and_says_so(
    qapp: Any, library: Library, store: NotesStore
) -> None:
    doc = library.get(LETTER)
    assert doc is not None
    for action in doc.actions():
        store.update_action(
            action_target(doc, action.id),
            stance="Steunen",
            priority="hoog",
            questions=[
                f"Een lange vraag over {action.title} " * 3 + "?",
                "Tweede vraag?",
                "Derde vraag?",
            ],
        )
    _composition, data, pages = fitted_card(library, store, [doc], today=TODAY)
    texts = _texts(data)
    assert pages == len(texts) <= 2
    if pages == 2:
        assert squash("Debatkaart: 2 pagina's") in texts[0]
    everything = "".join(texts)
    assert squash("Moties waarop de brieven antwoorden") in everything  # nothing cut off
    assert squash("acties (Debatvoorbereiding)") in everything  # the rest is in the pack


def test_card_in_english_keeps_citations_dutch(
    qapp: Any, library: Library, store: NotesStore
) -> None:
    _c, data, _pages = fitted_card(
        library, store, card_documents(library, store), today=TODAY, language="en"
    )
    text = "".join(_texts(data))
    assert squash("Debate card") in text and squash("Key figures") in text
    assert squash("Kamerstukken II 2024/25, 32 824, nr. 456") in text


def test_motions_are_the_parts_headed_motie(library: Library) -> None:
    doc = library.get(LETTER)
    assert doc is not None
    titles = [node.title for _doc, node in motions([doc])]
    assert titles[:3] == [
        "Motie-Van Dijk, Kamerstuk 36 651, nr. 26",
        "Motie-Becker, Kamerstuk 35 228, nr.45",
        "Motie Ceder Kamerstuk 36 600 XV, nr. 82",
    ]


def test_unknown_document_is_named(library: Library) -> None:
    with pytest.raises(PrintError, match="no document 'kst-bestaat-niet'"):
        card_documents(library, None, ["kst-bestaat-niet"])


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing_reader", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=180,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_cli_card_writes_one_page(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert (
        run(data, "notes", "highlight", LETTER, "--quote", FIGURE, "--key-figure").returncode == 0
    )
    out = tmp_path / "kaart.pdf"
    done = run(data, "card", LETTER, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "(1 page)" in done.stdout
    [text] = _texts(out.read_bytes())
    assert squash(FIGURE) in text
    failed = run(data, "card", "kst-bestaat-niet", "-o", str(out))
    assert failed.returncode == 1 and "kst-bestaat-niet" in failed.stderr


# -- in the window ------------------------------------------------------------------


def test_key_figure_checkbox_in_the_highlight_dialog(window: Any, qtbot: Any) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from briefing_reader.ui.note_dialog import NoteDialog

    found = window.reader.document().find(FIGURE)
    assert not found.isNull()
    window.reader.setTextCursor(found)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NoteDialog) and dialog.key_figure is not None
        assert not dialog.key_figure.isChecked()
        qtbot.keyClick(dialog.key_figure, Qt.Key.Key_Space)  # by keyboard
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    window.annotations.highlight_with_note()
    [highlight] = window.store.highlights(LETTER)
    assert highlight.key_figure and highlight.anchor.quote.exact == FIGURE


def test_file_menu_writes_the_debate_card(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    offered: list[str] = []

    def fake_dialog(*args: Any) -> tuple[str, str]:
        offered.append(args[2])
        return str(tmp_path / "kaart"), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    file_menu = window.menuBar().actions()[0].menu()
    [entry] = [a for a in file_menu.actions() if a.text().replace("&", "") == "Debate card…"]
    entry.trigger()
    assert Path(offered[0]).name.startswith("Debatkaart Integratiebeleid ")
    [text] = _texts((tmp_path / "kaart.pdf").read_bytes())
    assert squash("Debatkaart") in text and squash("Openstaande toezeggingen") in text


def test_window_exports_word_next_to_pdf(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx
    from PySide6.QtWidgets import QFileDialog

    offered: list[tuple[str, str]] = []
    answers = iter([str(tmp_path / "actie"), str(tmp_path / "kaart.docx")])

    def fake_dialog(*args: Any) -> tuple[str, str]:
        offered.append((args[2], args[3]))
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    doc = window.library.get(LETTER)
    window.store.update_action(
        action_target(doc, "actie-startbanen"), stance="Kritisch", questions=["Hoeveel startbanen?"]
    )
    file_menu = window.menuBar().actions()[0].menu()
    labels = [a.text().replace("&", "") for a in file_menu.actions()]
    assert labels.index("Export as Word…") == labels.index("Export as PDF…") + 1
    window.printing.export_current_word()
    assert offered[0][0].endswith(".docx") and "docx" in offered[0][1]
    texts = [p.text for p in docx.Document(str(tmp_path / "actie.docx")).paragraphs]
    assert "Kamerstukken II 2024/25, 32 824, nr. 456" in texts
    window.printing.export_card()
    assert "docx" in offered[1][1]  # the card offers Word next to PDF
    card = [p.text for p in docx.Document(str(tmp_path / "kaart.docx")).paragraphs]
    assert any("Hoeveel startbanen?" in text for text in card)
