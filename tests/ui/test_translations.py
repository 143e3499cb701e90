"""Every UI string has a Dutch translation, and the shipped catalogue is current."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

from briefing_reader import paths

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
assert spec and spec.loader
translations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(translations)


def messages(ts: Path) -> dict[str, tuple[str, str | None]]:
    out = {}
    for msg in ET.parse(ts).getroot().iter("message"):
        translation = msg.find("translation")
        assert translation is not None
        forms = [form.text or "" for form in translation.iter("numerusform")]
        text = " / ".join(forms) if forms else (translation.text or "")
        out[msg.findtext("source") or ""] = (text.strip() and text, translation.get("type"))
    return out


def test_every_ui_string_has_a_dutch_translation(tmp_path: Path) -> None:
    fresh = translations.update(tmp_path / "check.ts")  # lupdate over the current code
    found = messages(fresh)
    assert len(found) >= 20
    untranslated = [
        src
        for src, (text, kind) in found.items()
        if not text or kind in ("unfinished", "vanished", "obsolete")
    ]
    assert untranslated == [], "run scripts/translations.py update and translate these"
    assert set(found) == set(messages(translations.ts_file("nl"))), (
        "the .ts file is out of date: run scripts/translations.py update"
    )


def test_shipped_catalogue_is_compiled_from_the_ts_file(tmp_path: Path) -> None:
    built = translations.build("nl", tmp_path / "nl.qm")
    shipped = paths.translations_dir() / "briefing_reader_nl.qm"
    assert shipped.read_bytes() == built.read_bytes(), "run scripts/translations.py build"


def test_catalogue_translates_the_menus() -> None:
    translator = QTranslator()
    assert translator.load("briefing_reader_nl", str(paths.translations_dir()))
    assert translator.translate("MainWindow", "&Back") == "&Terug"
