"""Your notes on a new machine (issue 16): ``notes import FILE --as-mine``
makes them yours again, editable in place and exported by ``--mine``, and
every place comes back exactly."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from tests.e2e.program import cli

LETTER = "kst-32824-456"
ACTION = "actie-taaleis-in-de-bijstand"


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return cli(data, "notes", *args, timeout=60)


def ok(data: Path, *args: str) -> str:
    result = run(data, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def listing(data: Path) -> dict[str, Any]:
    return json.loads(ok(data, "list", "--json"))


def test_notes_restored_as_mine_are_mine_in_every_way(tmp_path: Path) -> None:
    old, new = tmp_path / "old-laptop", tmp_path / "new-laptop"
    action_id = ok(old, "set-action", ACTION, "--stance", "Kritisch", "--note", "Eerst")
    ok(old, "highlight", LETTER, "--quote", "De NCTV stelt het dreigingsniveau", "--note", "Sinds?")
    ok(old, "bookmark", f"{LETTER}#actie-startbanen")
    backup = tmp_path / "mijn-notities.jsonld"
    ok(old, "export", "-o", str(backup), "--mine")
    before = listing(old)

    assert "3 added" in ok(new, "import", str(backup), "--as-mine")
    after = listing(new)
    for kind in ("actions", "highlights", "bookmarks"):
        assert [i["imported_from"] for i in after[kind]] == [None], kind
        mine, restored = before[kind][0], after[kind][0]
        assert restored["id"] == mine["id"] and restored["outcome"] == "exact"
        assert restored["current_anchor"] == mine["current_anchor"], kind
    assert after["bookmarks"][0]["current_anchor"]["place"] == "actie-startbanen"

    # editable in place: the same annotation, not a second one
    assert ok(new, "set-action", ACTION, "--note", "Later aangevuld") == action_id
    actions = listing(new)["actions"]
    assert len(actions) == 1 and actions[0]["note"] == "Later aangevuld"
    assert actions[0]["stance"] == "Kritisch"

    # exported as mine, under this profile's creator id
    exported = json.loads(ok(new, "export", "-o", "-", "--mine", "--format", "jsonld"))
    items = exported["first"]["items"]
    assert len(items) == 3 and len({i["creator"]["id"] for i in items}) == 1

    # importing the same file again changes nothing; a colleague's copy becomes mine
    assert "3 left alone (yours)" in ok(new, "import", str(backup), "--as-mine")
    third = tmp_path / "third"
    ok(third, "import", str(backup))
    assert listing(third)["actions"][0]["imported_from"] == "mijn-notities.jsonld"
    ok(third, "import", str(backup), "--as-mine")
    assert [a["imported_from"] for a in listing(third)["actions"]] == [None]
