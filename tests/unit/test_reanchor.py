"""Re-anchoring notes on a new version of the letter: honest outcomes, nothing lost."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_reader.core.content import Document, Library
from briefing_reader.core.content.parse import document_from_bytes
from briefing_reader.core.notes import (
    SCHEMA_VERSION,
    NotesConflictError,
    NotesNotFoundError,
    NotesStore,
    anchor_quote,
    anchor_range,
    list_backups,
    open_store,
    reanchor_library,
)
from briefing_reader.core.notes import schema as schema_mod
from briefing_reader.core.notes.db import Database
from briefing_reader.core.notes.matching import Reanchorer, reanchor_action
from briefing_reader.paths import bundled_content_dir

LETTER = "kst-32824-456"
ACTION = "actie-taaleis-in-de-bijstand"
SOURCE = (bundled_content_dir() / f"{LETTER}.md").read_text("utf-8")
TAAL = "Taal is de basis van een goede integratie in Nederland."
HANDHAVEN = "Het is noodzakelijk dat gemeenten de taaleis beter gaan handhaven."
ROUTE = "De snelste route naar financiële zelfbeschikking is werk."


def edited(*replacements: tuple[str, str], version: int = 3) -> Document:
    """The letter with each (old, new) replaced once, as a new version."""
    text = SOURCE.replace("version: 2\n", f"version: {version}\n", 1)
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return document_from_bytes(
        text.encode("utf-8"), Path(f"/v{version}/{LETTER}.md"), bundled=False
    )


@pytest.fixture(scope="module")
def letter() -> Document:
    return edited(version=2)


def reanchorer(new: Document, old: Document) -> Reanchorer:
    return Reanchorer(new, lambda h: old.plain_text if h == old.source_hash else None)


# --- the algorithm -----------------------------------------------------------


def test_unchanged_text_is_exact(letter: Document) -> None:
    anchor = anchor_quote(letter, TAAL)
    same_text = edited(("title: Voortgang", "title: Voortgang"), version=3)  # front matter only
    match = Reanchorer(same_text).text_anchor(anchor)
    assert match.outcome == "exact" and match.anchor is not None
    assert match.anchor.position == anchor.position and match.anchor.doc_version == 3


def test_paragraph_inserted_before_moves_with_exact_boundaries(letter: Document) -> None:
    anchor = anchor_quote(letter, TAAL)
    new = edited(("## 1.1 Recht", "Een nieuwe alinea vooraan in de brief.\n\n## 1.1 Recht"))
    match = Reanchorer(new).text_anchor(anchor)  # no old text needed
    assert match.outcome == "moved" and match.anchor is not None
    start = new.plain_text.index(TAAL)
    assert (match.anchor.position.start, match.anchor.position.end) == (start, start + len(TAAL))
    assert match.anchor.doc_hash == new.source_hash and match.anchor.place


def test_sentence_reworded_inside_quote_is_fuzzy_on_the_new_wording(letter: Document) -> None:
    quote = (
        "Ik ben met gemeenten in gesprek over de knelpunten die zij zien bij de "
        "uitvoering van de taaleis. " + HANDHAVEN
    )
    anchor = anchor_quote(letter, quote)
    reworded = "Het is nodig dat gemeenten de taaleis strenger gaan handhaven."
    new = edited((HANDHAVEN, reworded))
    match = reanchorer(new, letter).text_anchor(anchor)
    assert match.outcome == "fuzzy" and match.anchor is not None
    expected = quote.replace(HANDHAVEN, reworded)
    assert match.anchor.quote.exact == expected
    assert match.score >= 0.75 and match.score - match.runner_up >= 0.1


def test_deleted_quote_is_orphaned(letter: Document) -> None:
    anchor = anchor_quote(letter, ROUTE)
    new = edited((ROUTE, ""))
    match = reanchorer(new, letter).text_anchor(anchor)
    assert match.outcome == "orphaned" and match.anchor is None


def test_word_changed_where_it_also_occurs_earlier_never_jumps_there(letter: Document) -> None:
    """The Hypothesis "Robin/Elisa" case: a one-word highlight whose word is renamed."""
    text = letter.plain_text
    word = "Schiphol"
    later = text.index(word, text.index(word) + 1)
    anchor = anchor_range(letter, later, later + len(word))
    context = text[later - 60 : later], text[later + len(word) : later + len(word) + 60]
    assert word in SOURCE
    sentence_start = SOURCE.index(context[0][-25:])
    cut = SOURCE.index(word, sentence_start)
    source = SOURCE[:cut] + "Lelystad" + SOURCE[cut + len(word) :]
    new = document_from_bytes(
        source.replace("version: 2\n", "version: 3\n").encode(), Path("/v3/x.md"), bundled=False
    )
    match = reanchorer(new, letter).text_anchor(anchor)
    assert match.outcome == "fuzzy" and match.anchor is not None
    assert match.anchor.quote.exact == "Lelystad"  # never the earlier "Schiphol"


def test_identical_copies_are_told_apart_by_the_diff_or_orphaned(letter: Document) -> None:
    quote = "Dat vergroot de kans op duurzaam resultaat."  # the letter has it twice
    anchor = anchor_quote(letter, quote, occurrence=2)
    new = edited(("## 1.1 Recht", "Nieuw.\n\n## 1.1 Recht"))
    with_diff = reanchorer(new, letter).text_anchor(anchor)
    assert with_diff.outcome == "moved" and with_diff.anchor is not None
    assert with_diff.anchor.position.start == anchor.position.start + len("Nieuw.\n")
    without = Reanchorer(new).text_anchor(anchor)
    assert without.outcome == "orphaned" and "none clearly wins" in without.reason


def test_short_quote_needs_its_context(letter: Document) -> None:
    """A short quote whose context was rewritten is not put on another copy of it."""
    text = letter.plain_text
    at = text.index("Daarom", 20000)
    anchor = anchor_range(letter, at, at + len("Daarom"))
    before = text[at - 70 : at]
    assert text.count("Daarom") > 5 and before in SOURCE
    new = edited((before + "Daarom", "Een geheel andere aanloop van deze zin. Daarom"))
    match = reanchorer(new, letter).text_anchor(anchor)
    assert match.outcome == "orphaned", match


def _with_block_text(doc: Document, index: int, text: str) -> Document:
    blocks = [dataclasses.replace(b) for b in doc.blocks]
    blocks[index].text = text
    at = 0
    for block in blocks:
        if block.text:
            block.start = at
            at += len(block.text) + 1
    return dataclasses.replace(doc, blocks=blocks, source_hash="f" * 64)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_edits_elsewhere_keep_exact_boundaries(letter: Document, data: st.DataObject) -> None:
    texts = [i for i, b in enumerate(letter.blocks) if len(b.text) > 120]
    quoted = data.draw(st.sampled_from(texts))
    block = letter.blocks[quoted]
    start = block.start + data.draw(st.integers(0, len(block.text) - 60))
    end = start + data.draw(st.integers(20, 60))
    anchor = anchor_range(letter, start, end)
    other = data.draw(st.sampled_from([i for i in texts if abs(i - quoted) > 2]))
    insert = data.draw(st.text(alphabet="abcdefghij klmnop.", min_size=1, max_size=80))
    new = _with_block_text(letter, other, insert + letter.blocks[other].text)
    match = reanchorer(new, letter).text_anchor(anchor)
    assert match.anchor is not None and match.outcome in ("exact", "moved")
    shift = len(insert) if other < quoted else 0
    assert (match.anchor.position.start, match.anchor.position.end) == (start + shift, end + shift)


def test_action_follows_its_id_else_title_else_orphaned(letter: Document) -> None:
    node = letter.node(ACTION)
    assert node is not None
    title, body = node.title, letter.text(node)
    same = reanchor_action(letter, ACTION, title, body)
    assert (same.outcome, same.action_id) == ("exact", ACTION)
    renamed = edited(("{#actie-taaleis-in-de-bijstand}", "{#actie-taaleis}"))
    moved = reanchor_action(renamed, ACTION, title, body)
    assert (moved.outcome, moved.action_id) == ("moved", "actie-taaleis")
    retitled = edited(
        ("{#actie-taaleis-in-de-bijstand}", "{#actie-taal}"),
        ("## 2.4 Taaleis in de bijstand", "## 2.4 De taaleis"),
    )
    fuzzy = reanchor_action(retitled, ACTION, title, body)
    assert fuzzy.action_id == "actie-taal" and fuzzy.outcome in ("moved", "fuzzy")
    start = SOURCE.index("{#actie-taaleis-in-de-bijstand}")
    stop = SOURCE.index("{#s-2-5}")
    gone = edited((SOURCE[start:stop], ""))
    orphan = reanchor_action(gone, ACTION, title, body)
    assert orphan.outcome == "orphaned" and orphan.action_id is None


# --- with the store ------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[NotesStore]:
    with open_store(tmp_path / "notes.sqlite3", tmp_path / "backups") as opened:
        yield opened


def library_of(*docs: Document) -> Library:
    return Library(documents={d.id: d for d in docs})


def test_reanchor_library_stores_outcomes_and_never_deletes(
    store: NotesStore, letter: Document, tmp_path: Path
) -> None:
    versions = tmp_path / "versions"
    taal = store.add_highlight(anchor_quote(letter, TAAL))
    handhaven = store.add_highlight(anchor_quote(letter, HANDHAVEN), note="vraag")
    route = store.add_highlight(anchor_quote(letter, ROUTE))
    from briefing_reader.core.notes import action_target, anchor_place

    store.update_action(action_target(letter, ACTION), stance="Kritisch")
    mark, name = anchor_place(letter, "s-2-5")
    store.add_bookmark(mark, name)
    first = reanchor_library(store, library_of(letter), versions)
    assert first.documents == [] and len(first.versions_kept) == 1
    new = edited(
        ("## 1.1 Recht", "Nieuw.\n\n## 1.1 Recht"),
        (HANDHAVEN, "Het is nodig dat gemeenten de taaleis strenger gaan handhaven."),
        (ROUTE, ""),
    )
    report = reanchor_library(store, library_of(new), versions)
    assert report.documents == [LETTER]
    assert report.outcomes == {"moved": 2, "exact": 1, "fuzzy": 1, "orphaned": 1}
    status = {h.id: h.anchor_status for h in store.highlights()}
    assert status == {taal.id: "moved", handhaven.id: "fuzzy", route.id: "orphaned"}
    orphan = store.highlight(route.id)
    assert orphan is not None and orphan.anchor == route.anchor  # quote and context kept
    assert len(store.highlights()) == 3 and len(store.bookmarks()) == 1
    assert store.reviews.stale_documents({LETTER: new.source_hash}) == []
    again = reanchor_library(store, library_of(new), versions)
    assert again.documents == [] and not again.outcomes and not again.versions_kept
    items = {i.item_id: i for i in store.reviews.open_items()}
    assert set(items) == {handhaven.id, route.id}
    assert items[handhaven.id].event.before.anchor == handhaven.anchor
    assert items[handhaven.id].label == "vraag"

    store.reviews.accept(handhaven.id)
    accepted = store.highlight(handhaven.id)
    assert accepted is not None and accepted.anchor_status == "exact"
    assert "strenger" in accepted.anchor.quote.exact and accepted.modified == handhaven.modified
    with pytest.raises(NotesConflictError):
        store.reviews.accept(route.id)  # an orphan has no candidate
    with pytest.raises(NotesNotFoundError):
        store.reviews.accept(taal.id)  # nothing to review
    store.reviews.dismiss(route.id)
    assert store.reviews.open_items() == []
    dismissed = store.highlight(route.id)
    assert dismissed is not None and dismissed.anchor_status == "orphaned"
    store.reviews.reattach(route.id, anchor_quote(new, TAAL))
    reattached = store.highlight(route.id)
    assert reattached is not None and reattached.anchor_status == "exact"
    assert [e.review for e in store.reviews.history(route.id)] == ["dismissed", "reattached"]


def test_dismissing_a_fuzzy_match_restores_the_original(
    store: NotesStore, letter: Document, tmp_path: Path
) -> None:
    item = store.add_highlight(anchor_quote(letter, HANDHAVEN))
    reanchor_library(store, library_of(letter), tmp_path / "v")
    new = edited((HANDHAVEN, "Het is nodig dat gemeenten de taaleis strenger gaan handhaven."))
    reanchor_library(store, library_of(new), tmp_path / "v")
    store.reviews.dismiss(item.id)
    back = store.highlight(item.id)
    assert back is not None and back.anchor == item.anchor and back.anchor_status == "orphaned"
    newer = edited(
        (HANDHAVEN, "Het is nodig dat gemeenten de taaleis strenger gaan handhaven."),
        ("## 1.1 Recht", "Nieuw.\n\n## 1.1 Recht"),
        version=4,
    )
    report = reanchor_library(store, library_of(newer), tmp_path / "v")
    assert report.outcomes == {"fuzzy": 1}  # a new version: a new candidate to check
    assert [i.item_id for i in store.reviews.open_items()] == [item.id]


def test_unconfirmed_candidate_stays_fuzzy_in_the_next_version(
    store: NotesStore, letter: Document, tmp_path: Path
) -> None:
    item = store.add_highlight(anchor_quote(letter, HANDHAVEN))
    reanchor_library(store, library_of(letter), tmp_path / "v")
    reworded = (HANDHAVEN, "Het is nodig dat gemeenten de taaleis strenger gaan handhaven.")
    reanchor_library(store, library_of(edited(reworded)), tmp_path / "v")
    v4 = edited(reworded, ("## 1.1 Recht", "Nieuw.\n\n## 1.1 Recht"), version=4)
    reanchor_library(store, library_of(v4), tmp_path / "v")
    [open_item] = store.reviews.open_items()
    assert open_item.outcome == "fuzzy" and open_item.event.before.anchor == item.anchor
    assert [e.review for e in store.reviews.history(item.id)] == ["superseded", "open"]


def test_read_only_store_waits(tmp_path: Path, letter: Document) -> None:
    db = tmp_path / "notes.sqlite3"
    with open_store(db, tmp_path / "b") as store:
        item = store.add_highlight(anchor_quote(letter, TAAL))
    with NotesStore(Database(db, read_only=True), tmp_path / "b") as store:
        report = reanchor_library(store, library_of(edited((TAAL, "Taal."))), tmp_path / "v")
        assert report.documents == [] and "read-only" in str(report.problems[-1])
        kept = store.highlight(item.id)
        assert kept is not None and kept.anchor == item.anchor


def test_v2_database_migrates_to_v3_with_a_backup(tmp_path: Path, letter: Document) -> None:
    db = tmp_path / "notes.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        for version in (1, 2):
            schema_mod.MIGRATIONS[version](conn)
        conn.execute("PRAGMA user_version = 2")
        anchor = anchor_quote(letter, TAAL)
        conn.execute(
            "INSERT INTO highlights (id, doc_id, selectors, colour, doc_hash, "
            "author, created, modified) VALUES ('h1', ?, ?, 'geel', 'old', 'ik', "
            "'2025-07-15T00:00:00.000Z', '2025-07-15T00:00:00.000Z')",
            (LETTER, json.dumps(anchor.selectors())),
        )
    finally:
        conn.close()
    with open_store(db, tmp_path / "backups") as store:
        assert SCHEMA_VERSION >= 3 and "migrated" in store.report.kinds()
        assert [h.id for h in store.highlights()] == ["h1"]
        report = reanchor_library(store, library_of(letter), tmp_path / "v")
        assert report.outcomes == {"exact": 1}
    assert any(b.before_version == 2 for b in list_backups(tmp_path / "backups"))


# --- end to end: the command line ----------------------------------------------------


def test_reanchoring_at_start_reads_the_entries_of_noted_documents_alone(
    store: NotesStore, letter: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # At start every document's hash was read to find the few with notes
    # (0.09 s at 10,000 letters); a library answering one entry at a time
    # must do, and a new version of the noted letter is still found.
    store.add_highlight(anchor_quote(letter, TAAL))
    reanchor_library(store, library_of(letter), tmp_path / "v")
    new = edited((TAAL, "Taal is de basis van een goede inburgering in Nederland."))
    library = library_of(new)

    def every_entry() -> None:
        raise AssertionError("read every entry")

    monkeypatch.setattr(library, "entries", every_entry)
    monkeypatch.setattr(library, "hashes", every_entry)
    report = reanchor_library(store, library, tmp_path / "v")
    assert report.documents == [LETTER]
