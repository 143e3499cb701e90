"""``briefing-reader notes ...`` as a user runs it: a subprocess with its own data dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from briefing_reader.paths import bundled_content_dir
from tests.e2e.program import cli

LETTER = "kst-32824-456"
ACTION = "actie-taaleis-in-de-bijstand"


def run(data: Path, *args: str, content: Path | None = None) -> subprocess.CompletedProcess[str]:
    return cli(data, "notes", *args, content=content, timeout=60)


def saved_id(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    printed = result.stdout.strip()
    assert str(uuid.UUID(printed)) == printed  # the id and nothing else
    return printed


def listing(data: Path) -> dict[str, Any]:
    result = run(data, "list", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_set_action_finds_the_document_and_updates_in_place(tmp_path: Path) -> None:
    first = saved_id(
        run(
            tmp_path,
            "set-action",
            ACTION,
            "--stance",
            "Kritisch",
            "--priority",
            "hoog",
            "--note",
            "Hoe **handhaven** gemeenten?",
            "--question",
            "Eén?",
            "--question",
            "Twee?",
            "--tag",
            "taal",
        )
    )
    second = saved_id(run(tmp_path, "set-action", ACTION, "--note", "Nieuwe notitie"))
    assert second == first
    [action] = listing(tmp_path)["actions"]
    assert action["id"] == first and action["doc_id"] == LETTER
    assert (action["stance"], action["priority"], action["note"]) == (
        "Kritisch",
        "hoog",
        "Nieuwe notitie",
    )
    assert action["questions"] == ["Eén?", "Twee?"] and action["tags"] == ["taal"]
    assert action["action_title"] == "Taaleis in de bijstand"
    assert action["doc_version"] == 2 and len(action["doc_hash"]) == 64


def test_set_action_errors_name_the_problem(tmp_path: Path) -> None:
    unknown = run(tmp_path, "set-action", "actie-bestaat-niet", "--note", "x")
    assert unknown.returncode == 1 and "no document has an action" in unknown.stderr
    stance = run(tmp_path, "set-action", ACTION, "--stance", "Misschien")
    assert stance.returncode == 1 and "unknown stance 'Misschien'" in stance.stderr
    assert "Steunen" in stance.stderr
    wrong_doc = run(tmp_path, "set-action", ACTION, "--doc", "begrippen", "--note", "x")
    assert wrong_doc.returncode == 1 and "has no action" in wrong_doc.stderr
    assert run(tmp_path, "set-action", ACTION, "--priority", "urgent").returncode == 2
    assert listing(tmp_path)["actions"] == []


def test_set_action_in_two_documents_needs_doc(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    source = (bundled_content_dir() / f"{LETTER}.md").read_text(encoding="utf-8")
    copy = source.replace(f"id: {LETTER}", "id: kst-32824-456-kopie", 1)
    (content / "kopie.md").write_text(copy, encoding="utf-8")
    data = tmp_path / "data"
    ambiguous = run(data, "set-action", ACTION, "--note", "x", content=content)
    assert ambiguous.returncode == 1
    assert "kst-32824-456, kst-32824-456-kopie" in ambiguous.stderr
    assert "--doc" in ambiguous.stderr
    chosen = saved_id(
        run(
            data,
            "set-action",
            ACTION,
            "--doc",
            "kst-32824-456-kopie",
            "--note",
            "x",
            content=content,
        )
    )
    assert [a["id"] for a in listing(data)["actions"]] == [chosen]


def test_highlight_needs_an_exact_unambiguous_quote(tmp_path: Path) -> None:
    made = saved_id(
        run(
            tmp_path,
            "highlight",
            LETTER,
            "--quote",
            "Taal speelt daarbij een belangrijke rol.",
            "--note",
            "kern",
            "--colour",
            "groen",
        )
    )
    [highlight] = listing(tmp_path)["highlights"]
    assert highlight["id"] == made and highlight["note"] == "kern"
    assert highlight["colour"] == "groen"
    quote = highlight["anchor"]["quote"]
    assert quote["exact"] == "Taal speelt daarbij een belangrijke rol."
    assert len(quote["prefix"]) == len(quote["suffix"]) == 32

    ambiguous = run(tmp_path, "highlight", LETTER, "--quote", "Taal")
    assert ambiguous.returncode == 1 and "occurs 6 times" in ambiguous.stderr
    assert "--occurrence" in ambiguous.stderr
    saved_id(run(tmp_path, "highlight", LETTER, "--quote", "Taal", "--occurrence", "6"))
    missing = run(tmp_path, "highlight", LETTER, "--quote", "niet in de brief")
    assert missing.returncode == 1 and "does not occur" in missing.stderr
    colour = run(
        tmp_path, "highlight", LETTER, "--quote", "Integreren is meedoen.", "--colour", "paars"
    )
    assert colour.returncode == 1 and "unknown colour" in colour.stderr
    no_doc = run(tmp_path, "highlight", "geen-brief", "--quote", "x")
    assert no_doc.returncode == 1 and "no document 'geen-brief'" in no_doc.stderr
    assert len(listing(tmp_path)["highlights"]) == 2


def test_bookmark_names_default_to_the_section(tmp_path: Path) -> None:
    section = saved_id(run(tmp_path, "bookmark", f"{LETTER}#s-1-1"))
    named = saved_id(run(tmp_path, "bookmark", f"{LETTER}#p-29", "--name", "Binnenuit"))
    top = saved_id(run(tmp_path, "bookmark", LETTER))
    bookmarks = listing(tmp_path)["bookmarks"]
    assert [b["id"] for b in bookmarks] == [section, named, top]
    assert bookmarks[0]["name"].startswith("1.1 Recht op zelfbeschikking")
    assert bookmarks[1]["name"] == "Binnenuit" and bookmarks[1]["anchor"]["place"] == "p-29"
    assert bookmarks[2]["anchor"]["position"]["start"] == 0
    bad = run(tmp_path, "bookmark", f"{LETTER}#nergens")
    assert bad.returncode == 1 and "no place '#nergens'" in bad.stderr


def test_delete_and_restore(tmp_path: Path) -> None:
    made = saved_id(run(tmp_path, "bookmark", f"{LETTER}#s-1-1"))
    assert saved_id(run(tmp_path, "delete", made)) == made
    assert listing(tmp_path)["bookmarks"] == []
    assert saved_id(run(tmp_path, "restore", made)) == made
    assert [b["id"] for b in listing(tmp_path)["bookmarks"]] == [made]
    gone = run(tmp_path, "delete", str(uuid.uuid4()))
    assert gone.returncode == 1 and "there is no note" in gone.stderr


def test_damaged_database_is_recovered_and_the_user_told(tmp_path: Path) -> None:
    made = saved_id(run(tmp_path, "set-action", ACTION, "--note", "in de backup"))
    db = tmp_path / "notes.sqlite3"
    db.write_bytes(os.urandom(8192))
    result = run(tmp_path, "list", "--json")
    assert result.returncode == 0, result.stderr
    assert "damaged" in result.stderr and "restored from the backup" in result.stderr
    assert "notes.sqlite3.damaged-" in result.stderr
    assert [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name]
    # issue 13: the first note was backed up at once, so the restored file holds it
    assert made in {a["id"] for a in json.loads(result.stdout)["actions"]}


def test_notes_without_a_command_is_a_usage_error(tmp_path: Path) -> None:
    result = run(tmp_path)
    assert result.returncode == 2 and "choose a notes command" in result.stderr


def test_notes_commands_do_not_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from briefing_reader.cli import main; "
        f"main(['--data-dir', {str(tmp_path)!r}, 'notes', 'list', '--json']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("args", [["list"], ["list", "--doc", LETTER]])
def test_list_as_text(tmp_path: Path, args: list[str]) -> None:
    made = saved_id(run(tmp_path, "set-action", ACTION, "--stance", "Steunen"))
    result = run(tmp_path, *args)
    assert result.returncode == 0 and made in result.stdout and "Steunen" in result.stdout
