"""Notes re-anchored to a new version, through the real program in subprocesses."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from briefing_reader.core.content.parse import document_from_bytes
from briefing_reader.paths import bundled_content_dir
from tests.e2e.program import cli as run_cli

LETTER = "kst-32824-456"
ACTION = "actie-taaleis-in-de-bijstand"
SOURCE = (bundled_content_dir() / f"{LETTER}.md").read_text("utf-8")
TAAL = "Taal is de basis van een goede integratie in Nederland."
HANDHAVEN = "Het is noodzakelijk dat gemeenten de taaleis beter gaan handhaven."
ROUTE = "De snelste route naar financiële zelfbeschikking is werk."


def cli(data: Path, *args: str, content: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = run_cli(data, "notes", *args, content=content, timeout=60)
    assert result.returncode == 0, result.stderr
    return result


def test_cli_notes_survive_a_new_version_from_content_dir(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    taal = cli(data, "highlight", LETTER, "--quote", TAAL).stdout.strip()
    handhaven = cli(data, "highlight", LETTER, "--quote", HANDHAVEN).stdout.strip()
    route = cli(data, "highlight", LETTER, "--quote", ROUTE).stdout.strip()
    action = cli(data, "set-action", ACTION, "--stance", "Kritisch").stdout.strip()
    content = tmp_path / "pack"
    content.mkdir()
    source = (
        SOURCE.replace("version: 2\n", "version: 3\n", 1)
        .replace(HANDHAVEN, "Het is nodig dat gemeenten de taaleis strenger gaan handhaven.")
        .replace(ROUTE, "")
        .replace("## 1.1 Recht", "Nieuw.\n\n## 1.1 Recht", 1)
    )
    (content / f"{LETTER}.md").write_text(source, "utf-8")
    listed = cli(data, "list", "--json", content=content)
    assert "need checking" in listed.stderr
    found = json.loads(listed.stdout)
    by_id = {i["id"]: i for i in found["highlights"] + found["actions"]}
    assert by_id[taal]["outcome"] == "moved"
    assert by_id[taal]["current_anchor"]["start"] == source_text_offset(content, TAAL)
    assert by_id[handhaven]["outcome"] == "fuzzy" and by_id[handhaven]["needs_review"]
    assert "strenger" in by_id[handhaven]["current_anchor"]["exact"]
    assert by_id[handhaven]["reanchor"]["original"]["selectors"][0]["exact"] == HANDHAVEN
    assert by_id[route]["outcome"] == "orphaned" and by_id[route]["current_anchor"] is None
    assert by_id[route]["anchor"]["quote"]["exact"] == ROUTE
    assert by_id[action]["outcome"] == "exact"
    assert by_id[action]["current_anchor"]["doc_version"] == 3
    versions = sorted(p.name for p in (data / "versions" / LETTER).iterdir())
    assert [v.split("-")[0] for v in versions] == ["2", "3"]
    review = json.loads(cli(data, "review", "--json", content=content).stdout)
    assert {r["id"] for r in review} == {handhaven, route}
    assert cli(data, "accept", handhaven, content=content).stdout.strip() == handhaven
    assert cli(data, "dismiss", route, content=content).stdout.strip() == route
    assert json.loads(cli(data, "review", "--json", content=content).stdout) == []
    after = json.loads(cli(data, "list", "--json", content=content).stdout)
    accepted = next(i for i in after["highlights"] if i["id"] == handhaven)
    assert accepted["outcome"] == "exact" and "strenger" in accepted["anchor"]["quote"]["exact"]


def source_text_offset(content: Path, quote: str) -> int:
    doc = document_from_bytes(
        (content / f"{LETTER}.md").read_bytes(), content / f"{LETTER}.md", bundled=False
    )
    return doc.plain_text.index(quote)
