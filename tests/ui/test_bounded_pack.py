"""The debate pack and the debate card over a library of hundreds of letters load
only the letters they print (see tests/unit/test_bounded_features.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing_reader import paths
from briefing_reader.core.notes import action_target, open_store
from briefing_reader.printing import PrintRequest, compose
from briefing_reader.printing.card import card_documents
from briefing_reader.session import open_library

LETTERS = 200
LETTER_ID = "kst-32824-456"
ACTION = "actie-startbanen"


@pytest.fixture
def run() -> paths.Paths:
    run = paths.resolve()
    run.imported_documents.mkdir(parents=True, exist_ok=True)
    for n in range(LETTERS):
        (run.imported_documents / f"gen-{n:03d}.md").write_text(
            f"---\nid: gen-{n:03d}\nkind: imported\ntitle: Brief {n}\n---\n\n# Brief {n}\n\n"
            f"Tekst {n}.\n",
            encoding="utf-8",
        )
    assert len(open_library(run)) == LETTERS + 4
    return run


def test_the_pack_and_the_card_load_only_the_noted_letter(
    run: paths.Paths, loads: list[str]
) -> None:
    library = open_library(run)
    letter = library.get(LETTER_ID)
    assert letter is not None
    with open_store(run.notes_db, run.backups) as store:
        store.update_action(action_target(letter, ACTION), stance="Kritisch", note="Navragen")
        loads.clear()
        today = dt.date(2026, 1, 1)
        chosen = compose(
            library, store, PrintRequest.debate_pack([(LETTER_ID, ACTION)]), today=today
        )
        noted = compose(library, store, PrintRequest.debate_pack(), today=today)
        card = card_documents(library, store, [])
    assert "Navragen" in chosen.html and "Navragen" in noted.html
    assert [doc.id for doc in card] == [LETTER_ID]
    assert not {stem for stem in loads if stem.startswith("gen-")}
