"""The timeline over a library of many letters reads a bounded set and says so."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from briefing_reader import paths
from briefing_reader.core.commitments.scope import RECENT_LETTERS
from briefing_reader.session import open_library
from briefing_reader.ui.timeline import CommitmentsTimelineView

LETTERS = 40


def letter(n: int) -> str:
    return f"""---
id: gen-{n:03d}
kind: imported
title: Brief {n}
date: {dt.date(2025, 8, 1) + dt.timedelta(days=n)}
---

# Brief {n}

Ik informeer uw Kamer voor 1 juli 2027 over onderwerp {n}.
"""


def test_the_timeline_reads_the_letters_that_concern_it_and_says_so(qtbot: QtBot) -> None:
    run = paths.resolve()
    run.imported_documents.mkdir(parents=True, exist_ok=True)
    for n in range(LETTERS):
        (run.imported_documents / f"gen-{n:03d}.md").write_text(letter(n), encoding="utf-8")
    view = CommitmentsTimelineView(open_library(run), None, dt.date(2026, 1, 1))
    qtbot.addWidget(view)
    newest = {f"gen-{n:03d}" for n in range(LETTERS - RECENT_LETTERS, LETTERS)}
    assert set(view.scope.documents) == {"kst-32824-456"} | newest
    assert not view.scope_label.isHidden()
    assert f"{RECENT_LETTERS + 1} of {LETTERS + 1} letters" in view.scope_label.text()
    filtered = {view.document_filter.itemData(i) for i in range(view.document_filter.count())}
    assert filtered == {None, "kst-32824-456"} | newest


def test_a_small_library_is_read_whole_without_a_word(qtbot: QtBot) -> None:
    view = CommitmentsTimelineView(open_library(paths.resolve()), None, dt.date(2026, 1, 1))
    qtbot.addWidget(view)
    assert view.scope.complete and view.scope_label.isHidden()
