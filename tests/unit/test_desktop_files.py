"""The Linux desktop entry, the AppStream metainfo and the app icon.

The structure is always checked here; the official validators
(``desktop-file-validate`` from desktop-file-utils, ``appstreamcli`` from
appstream) run as well where they are installed.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from briefing_reader import __version__

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "nl.briefingreader.BriefingReader"
DESKTOP = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"
ICON = ROOT / "resources" / "icons" / "briefing-reader.svg"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SVG = "{http://www.w3.org/2000/svg}"


def _script_name() -> str:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (name,) = config["project"]["scripts"]
    return str(name)


def _desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def _by_language(root: ET.Element, tag: str) -> dict[str | None, ET.Element]:
    return {element.get(XML_LANG): element for element in root.findall(tag)}


# --- the desktop entry -----------------------------------------------------------------


def test_desktop_entry_has_the_required_keys() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Briefing Reader"
    assert entry["Comment"] and entry["Comment[nl]"]
    assert entry["GenericName"] and entry["GenericName[nl]"]
    assert entry["Exec"].split()[0] == _script_name()
    assert entry["TryExec"] == _script_name()
    assert entry["Icon"] == APP_ID  # installed as hicolor/scalable/apps/<id>.svg
    assert entry["Terminal"] == "false"
    assert entry["Categories"] == "Office;Viewer;"
    for key in ("Categories", "Keywords", "Keywords[nl]"):
        assert entry[key].endswith(";"), f"{key}: a list ends with ';'"


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate not installed (apt-get install "
    "desktop-file-utils); the structure is checked above",
)
def test_desktop_file_validate_accepts_it() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower(), result.stdout


# --- the AppStream metainfo -----------------------------------------------------------------


def test_metainfo_has_the_required_elements() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID == DESKTOP.stem
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.findtext("metadata_license") == "CC0-1.0"
    licence = root.findtext("project_license")
    if not any(ROOT.glob("LICENSE*")):
        assert licence == "LicenseRef-proprietary"
    assert licence
    assert root.findtext("provides/binary") == _script_name()
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"
    assert [c.text for c in root.findall("categories/category")] == ["Office", "Viewer"]


def test_metainfo_speaks_english_and_dutch() -> None:
    root = ET.parse(METAINFO).getroot()
    for tag in ("name", "summary"):
        texts = _by_language(root, tag)
        assert set(texts) == {None, "nl"}, tag
        assert all((element.text or "").strip() for element in texts.values()), tag
    paragraphs = _by_language(root, "description/p")
    assert set(paragraphs) == {None, "nl"}
    items = root.findall("description/ul/li")
    english = [li for li in items if li.get(XML_LANG) is None]
    dutch = [li for li in items if li.get(XML_LANG) == "nl"]
    assert english and len(english) == len(dutch)


def test_the_release_is_this_version() -> None:
    root = ET.parse(METAINFO).getroot()
    releases = root.findall("releases/release")
    assert releases, "at least one release"
    newest = releases[0]
    assert newest.get("version") == __version__
    assert len(newest.get("date", "")) == len("2025-07-04")


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None,
    reason="appstreamcli not installed (apt-get install appstream); the structure is checked above",
)
def test_appstreamcli_validate_accepts_it() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- the icon -------------------------------------------------------------------------


def test_icon_is_a_square_self_contained_svg() -> None:
    root = ET.parse(ICON).getroot()
    assert root.tag == f"{SVG}svg"
    x, y, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert (x, y) == (0, 0) and width == height
    text = ICON.read_text(encoding="utf-8")
    # Nothing loads from elsewhere: no linked images, fonts or style sheets.
    assert "href" not in text and "url(" not in text and "<image" not in text
    assert root.find(f"{SVG}title") is not None
