"""Every package of the source tree is listed for installation."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "briefing_reader").rglob("__init__.py")
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages"


def test_the_version_is_written_once() -> None:
    """pyproject takes it from briefing_reader.__version__ (so do the CLI, the About
    box, the self-test and the PyInstaller spec); the installed metadata agrees."""
    from importlib.metadata import version

    from briefing_reader import __version__

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in config["project"]
    assert config["project"]["dynamic"] == ["version"]
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "briefing_reader.__version__"
    }
    assert version("briefing-reader") == __version__, "pip install -e . again after a change"
    written = [
        path.relative_to(ROOT)
        for path in (ROOT / "briefing_reader").rglob("*.py")
        if f'"{__version__}"' in path.read_text(encoding="utf-8")
    ]
    assert written == [Path("briefing_reader/__init__.py")]
