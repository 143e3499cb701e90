from pathlib import Path

from briefing_reader import paths


def test_explicit_data_dir_holds_cache_and_config(tmp_path: Path) -> None:
    resolved = paths.resolve(tmp_path / "d", environ={})
    assert resolved.data == (tmp_path / "d").resolve()
    assert resolved.cache.parent == resolved.data
    assert resolved.config.parent == resolved.data


def test_option_beats_environment(tmp_path: Path) -> None:
    env = {paths.DATA_DIR_ENV: str(tmp_path / "env")}
    assert paths.resolve(tmp_path / "opt", environ=env).data.name == "opt"
    assert paths.resolve(None, environ=env).data.name == "env"


def test_platform_default_without_override(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    resolved = paths.resolve(None, environ={})
    assert resolved.data == tmp_path / "xdg" / "briefing-reader"
    assert resolved.content_override is None


def test_content_dir_from_environment(tmp_path: Path) -> None:
    env = {paths.CONTENT_DIR_ENV: str(tmp_path / "c")}
    assert paths.resolve(None, environ=env).content_override == (tmp_path / "c").resolve()


def test_bundled_content_is_inside_the_package() -> None:
    assert (paths.bundled_content_dir() / "kst-32824-456.md").is_file()
