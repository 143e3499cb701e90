"""Write ``notes-schema3.sqlite3``: a notes store as an earlier version of the app left it.

It holds every stored word list in use: a highlight re-anchored to each
outcome (moved, fuzzy, orphaned; one orphan dismissed), an action note with
a stance and a priority, a bookmark, and a commitment status. The committed
file was made with the code before the status words became enums (commit
f348eca), so ``test_notes_fixture.py`` shows that a store from then still
opens and works:

    python tests/unit/data/make_notes_fixture.py
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from briefing_reader.core.content import Document, Library
from briefing_reader.core.content.parse import document_from_bytes
from briefing_reader.core.notes import (
    action_target,
    anchor_place,
    anchor_quote,
    open_store,
    reanchor_library,
)
from briefing_reader.paths import bundled_content_dir

HERE = Path(__file__).parent
FIXTURE = HERE / "notes-schema3.sqlite3"
LETTER = "kst-32824-456"
ACTION = "actie-taaleis-in-de-bijstand"
TAAL = "Taal is de basis van een goede integratie in Nederland."
HANDHAVEN = "Het is noodzakelijk dat gemeenten de taaleis beter gaan handhaven."
REWORDED = "Het is nodig dat gemeenten de taaleis strenger gaan handhaven."
ROUTE = "De snelste route naar financiële zelfbeschikking is werk."
NEW_PARAGRAPH = ("## 1.1 Recht", "Nieuw.\n\n## 1.1 Recht")


def letter(*replacements: tuple[str, str], version: int = 2) -> Document:
    """The bundled letter with each (old, new) replaced once, as ``version``."""
    text = (bundled_content_dir() / f"{LETTER}.md").read_text("utf-8")
    text = text.replace("version: 2\n", f"version: {version}\n", 1)
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = Path(f"/v{version}/{LETTER}.md")
    return document_from_bytes(text.encode("utf-8"), path, bundled=False)


def make(target: Path) -> None:
    old = letter()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        with open_store(folder / "notes.sqlite3", folder / "backups") as store:
            store.set_author("Fixture")
            store.add_highlight(anchor_quote(old, TAAL), colour="groen")
            store.add_highlight(anchor_quote(old, HANDHAVEN), note="vraag")
            route = store.add_highlight(anchor_quote(old, ROUTE))
            store.update_action(action_target(old, ACTION), stance="Kritisch", priority="hoog")
            mark, name = anchor_place(old, "s-2-5")
            store.add_bookmark(mark, name)
            store.set_commitment_status("toezegging-1", "Deels voldaan", "half")
            reanchor_library(store, Library(documents={LETTER: old}), folder / "versions")
            new = letter(NEW_PARAGRAPH, (HANDHAVEN, REWORDED), (ROUTE, ""), version=3)
            reanchor_library(store, Library(documents={LETTER: new}), folder / "versions")
            store.reviews.dismiss(route.id)
            target.unlink(missing_ok=True)
            with sqlite3.connect(folder / "notes.sqlite3") as conn:
                conn.execute("VACUUM INTO ?", (str(target),))


if __name__ == "__main__":
    make(FIXTURE)
    print(FIXTURE, FIXTURE.stat().st_size, "bytes")
