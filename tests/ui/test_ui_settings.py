"""The UI settings: each one round-trips through ui.ini, a bad or missing
value gives the default with a warning naming the file and the key."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QSettings

from briefing_reader.ui import settings as ui_settings
from briefing_reader.ui.settings import Setting

# A value other than the default for every setting.
SAMPLES: dict[str, Any] = {
    "ui/language": "nl",
    "ui/theme": "dark",
    "ui/font_size": 14,
    "ui/welcomed": True,
    "ui/last_folder": "/home/lid/Documenten, stukken",
    "team/folder": "/mnt/gedeeld/fractie",
    "contents/recent": ("kst-32824-456", "begrippen"),
    "window/geometry": QByteArray(b"\x01\xd9\xd0\xcb\x00\x03"),
    "window/splitter": QByteArray(b"\x00\x00\x00\xff"),
    "window/state": QByteArray(b"\x00\x00\x00\x01\x00"),
    "reader/zoom": -3,
    "reader/document": "moties",
    "reader/offset": 12345,
    "reader/focus": 17,
    "reader/opening": "begrippen",
    "reader/slow": "dossier-32824",
    "reader/slow_seconds": 7.5,
}


def ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def test_every_setting_has_a_sample_and_a_unique_key() -> None:
    keys = [setting.key for setting in ui_settings.ALL]
    assert len(set(keys)) == len(keys)
    assert set(keys) == set(SAMPLES)


@pytest.mark.parametrize("setting", ui_settings.ALL, ids=lambda s: s.key)
def test_setting_round_trips_through_the_file(setting: Setting[Any], tmp_path: Path) -> None:
    sample = SAMPLES[setting.key]
    assert sample != setting.default
    writer = ini(tmp_path)
    setting.write(writer, sample)
    writer.sync()
    assert setting.read(ini(tmp_path)) == sample


@pytest.mark.parametrize("setting", ui_settings.ALL, ids=lambda s: s.key)
def test_a_missing_setting_reads_as_its_default(setting: Setting[Any], tmp_path: Path) -> None:
    assert setting.read(ini(tmp_path)) == setting.default


def test_a_recent_list_of_one_comes_back_as_a_list(tmp_path: Path) -> None:
    writer = ini(tmp_path)
    ui_settings.RECENT.write(writer, ("moties",))
    writer.sync()
    assert ui_settings.RECENT.read(ini(tmp_path)) == ("moties",)


def test_writing_none_removes_the_setting(tmp_path: Path) -> None:
    writer = ini(tmp_path)
    ui_settings.FOCUS.write(writer, 5)
    writer.sync()
    ui_settings.FOCUS.write(writer, None)
    ui_settings.ZOOM.write(writer, 2)
    writer.sync()
    written = (tmp_path / "ui.ini").read_text(encoding="utf-8")
    assert "zoom=2" in written and "focus" not in written


GARBLED = {
    "ui/language": "klingon",
    "ui/theme": "purple",
    "ui/font_size": "500",
    "ui/welcomed": "maybe",
    "window/geometry": "abc",
    "reader/zoom": "abc",
    "reader/offset": "-4",
    "reader/slow_seconds": "nan",
}


@pytest.mark.parametrize(("key", "bad"), GARBLED.items())
def test_a_bad_value_gives_the_default_and_a_warning(
    key: str, bad: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    group, name = key.split("/")
    (tmp_path / "ui.ini").write_text(f"[{group}]\n{name}={bad}\n", encoding="utf-8")
    setting = next(s for s in ui_settings.ALL if s.key == key)
    with caplog.at_level(logging.WARNING, logger=ui_settings.__name__):
        assert setting.read(ini(tmp_path)) == setting.default
    assert f"{key}='{bad}'" in caplog.text and "ui.ini" in caplog.text
