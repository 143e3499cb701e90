"""The command line speaks the user's language: Dutch on a Dutch system or when
the window was set to Dutch, English otherwise; citations stay Dutch."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

Runner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.mark.parametrize(
    ("lang", "refused", "unknown"),
    [
        ("nl_NL.UTF-8", "leeg.txt: is leeg", "geen document 'geen-brief'"),
        ("en_GB.UTF-8", "leeg.txt: is empty", "no document 'geen-brief'"),
    ],
)
def test_refusals_and_errors_in_the_users_language(
    run: Runner, tmp_path: Path, lang: str, refused: str, unknown: str
) -> None:
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"  \n")
    env = {"LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "BRIEFING_READER_LANGUAGE": ""}
    imported = run("import", str(empty), check=False, env_extra=env)
    assert imported.returncode == 1
    assert refused in imported.stdout
    shown = run("toc", "geen-brief", check=False, env_extra=env)
    assert shown.returncode == 1
    assert f"briefing-reader: {unknown}" in shown.stderr


def test_the_window_setting_decides_over_the_system(run: Runner, tmp_path: Path) -> None:
    config = tmp_path / "profile" / "config"
    config.mkdir(parents=True)
    (config / "ui.ini").write_text("[ui]\nlanguage=nl\n", encoding="utf-8")
    shown = run(
        "toc",
        "geen-brief",
        check=False,
        env_extra={"LANG": "en_GB.UTF-8", "LC_ALL": "", "BRIEFING_READER_LANGUAGE": ""},
    )
    assert "briefing-reader: geen document 'geen-brief'" in shown.stderr


@pytest.mark.parametrize(
    ("lang", "labels", "not_there"),
    [
        ("en_GB.UTF-8", ["Debate preparation", "Stance", "Questions", "Page 1/"], "Standpunt"),
        ("nl_NL.UTF-8", ["Debatvoorbereiding", "Standpunt", "Vragen", "Pagina 1/"], "Stance"),
    ],
)
def test_printed_labels_follow_the_language_and_the_citation_stays_dutch(
    run: Runner, tmp_path: Path, lang: str, labels: list[str], not_there: str
) -> None:
    env = {"LANG": lang, "LC_ALL": "", "BRIEFING_READER_LANGUAGE": ""}
    run(
        "notes",
        "set-action",
        "actie-startbanen",
        "--stance",
        "Steunen",
        "--note",
        "Vragen over de uitvoering.",
        "--question",
        "Wanneer volgt de evaluatie?",
        env_extra=env,
    )
    pdf = tmp_path / "pack.pdf"
    run("pack", "-o", str(pdf), env_extra=env, timeout=120)
    # without whitespace: pypdf splits words and lines where Qt kerned
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(pdf).pages))
    for label in labels:
        assert re.sub(r"\s+", "", label) in text
    assert not_there not in text
    assert "KamerstukkenII2024/25,32824,nr.456" in text


@pytest.mark.parametrize(
    ("lang", "folder", "missing"),
    [
        ("nl", "is een map, geen bestand", "de map {} bestaat niet"),
        ("en", "is a folder, not a file", "the folder {} does not exist"),
    ],
)
def test_an_output_file_that_cannot_be_written_is_refused_in_the_users_language(
    run: Runner, tmp_path: Path, lang: str, folder: str, missing: str
) -> None:
    env = {"BRIEFING_READER_LANGUAGE": lang}
    for command in ("card", "pack", "print"):
        args = ["kst-32824-456"] if command == "print" else []
        into_folder = run(command, *args, "-o", str(tmp_path), check=False, env_extra=env)
        assert into_folder.returncode == 1
        assert f"briefing-reader: {tmp_path}: {folder}" in into_folder.stderr
    nowhere = tmp_path / "nope" / "kaart.pdf"
    refused = run("card", "-o", str(nowhere), check=False, env_extra=env)
    assert refused.returncode == 1
    assert missing.format(nowhere.parent) in refused.stderr
    assert not nowhere.parent.exists()
