"""``briefing-reader search``: the real program in a subprocess, with a temp data dir."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.program import cli

LETTER = "kst-32824-456"


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return cli(data, "search", *args, timeout=60)


def test_json_shape(tmp_path: Path) -> None:
    result = run(tmp_path, "statushouder", "--json", "--limit", "5")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data.keys() == {
        "query",
        "suggestion",
        "total",
        "documents",
        "partial",
        "missing",
        "hits",
    }
    assert 1 <= data["documents"] <= data["total"]
    assert data["query"] == "statushouder"
    assert data["suggestion"] is None
    assert (data["partial"], data["missing"]) == (False, [])
    assert len(data["hits"]) == 5 and data["total"] > 5
    for hit in data["hits"]:
        assert hit.keys() == {
            "doc",
            "anchor",
            "section_path",
            "kind",
            "snippet",
            "score",
            "missing",
        }
        assert hit["missing"] == []
        assert isinstance(hit["score"], float)
        assert "statushouder" in hit["snippet"].lower()
    assert (tmp_path / "cache" / "search-index").is_dir()  # kept for the next run


def test_options_doc_actions_and_limit(tmp_path: Path) -> None:
    result = run(tmp_path, "taal", "--doc", LETTER, "--actions", "--limit", "3", "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)["hits"]
    assert 0 < len(hits) <= 3
    assert {h["doc"] for h in hits} == {LETTER}
    assert {h["kind"] for h in hits} == {"action"}


def test_query_of_several_arguments_and_suggestion(tmp_path: Path) -> None:
    result = run(tmp_path, "taaleis", "gemeentn", "--json")
    data = json.loads(result.stdout)
    assert data["query"] == "taaleis gemeentn"
    # no unit has both: the units with "taaleis", saying the misspelling was not found
    assert data["partial"] is True and data["missing"] == ["gemeentn"]
    assert data["hits"] and all(h["missing"] == ["gemeentn"] for h in data["hits"])
    assert data["suggestion"].startswith("taaleis gemeent")


def test_minus_words_in_one_argument_or_after_double_dash(tmp_path: Path) -> None:
    one = json.loads(run(tmp_path, "taaleis -bijstand", "--json").stdout)
    dashed = json.loads(run(tmp_path, "--json", "--", "taaleis", "-bijstand").stdout)
    assert one["hits"] == dashed["hits"] != []
    assert one["query"] == dashed["query"] == "taaleis -bijstand"


def test_readable_list(tmp_path: Path) -> None:
    result = run(tmp_path, '"taaleis in de bijstand"')
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "results for" in out
    assert run(tmp_path, "pijn").stdout.startswith("1 result for: pijn (1 document)\n")
    assert f"[{LETTER}]" in out
    assert "#s-2-4" in out
    assert "[Taaleis] [in] [de] [bijstand]" in out
    assert run(tmp_path, "statushoudres").stdout.splitlines()[:2] == [
        "Did you mean: statushouders",
        "No results for: statushoudres",
    ]


def test_readable_list_in_dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_READER_LANGUAGE", "nl")
    out = run(tmp_path, "statushouders", "werk").stdout
    first = out.splitlines()[0]  # several documents, more hits than shown
    assert re.fullmatch(
        r"\d+ resultaten voor: statushouders werk \(\d+ documenten; eerste 20\)", first
    )
    assert "  (kop)\n" in out or "  (alinea)\n" in out
    assert "(heading)" not in out and "(paragraph)" not in out
    assert run(tmp_path, "pijn").stdout.startswith("1 resultaat voor: pijn (1 document)\n")
    assert run(tmp_path, "statushoudres").stdout.splitlines()[:2] == [
        "Bedoelde u: statushouders",
        "Geen resultaten voor: statushoudres",
    ]
    partial = run(tmp_path, "taaleis", "gemeenten", "xyzzyq").stdout
    assert partial.splitlines()[:2] == [
        "Niet gevonden: xyzzyq",
        "Geen treffer heeft alle woorden; de beste gedeeltelijke treffers:",
    ]
    assert "(kop)  niet gevonden: gemeenten\n" in partial


def test_malformed_query_and_bad_options(tmp_path: Path) -> None:
    assert run(tmp_path, '"open en', "--json").returncode == 0
    unknown = run(tmp_path, "taal", "--doc", "bestaat-niet")
    assert unknown.returncode == 1
    assert "no document 'bestaat-niet'" in unknown.stderr
    assert run(tmp_path, "taal", "--limit", "0").returncode == 2


def test_unwritable_cache_still_searches_with_one_message(tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("not a directory")
    result = run(tmp_path, "taaleis", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["hits"]
    assert result.stderr.count("search index cannot be saved") == 1


def test_does_not_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from briefing_reader.cli import main; "
        f"main(['--data-dir', {str(tmp_path)!r}, 'search', 'taal', '--json']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'; "
        "others = [m for m in sys.modules if m.startswith('briefing_reader.commands.')]; "
        "assert others == ['briefing_reader.commands.search'], others"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_json_names_the_words_found_nowhere_and_what_each_hit_lacks(tmp_path: Path) -> None:
    result = run(tmp_path, "taaleis", "gemeenten", "xyzzyq", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["partial"] is True and data["missing"] == ["xyzzyq"]
    first = data["hits"][0]
    assert (first["doc"], first["anchor"], first["missing"]) == (LETTER, "p-128", ["xyzzyq"])
    assert all("xyzzyq" in hit["missing"] for hit in data["hits"])
    readable = run(tmp_path, "taaleis", "gemeenten", "xyzzyq")
    assert "Not found: xyzzyq" in readable.stdout
    # per hit only the words found elsewhere; those found nowhere are said once
    assert "(heading)  not found: gemeenten\n" in readable.stdout
    assert readable.stdout.count("xyzzyq") == 2  # the query and "Not found"
