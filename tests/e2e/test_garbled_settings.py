"""A hand-edited or half-written ui.ini never stops the program."""

from __future__ import annotations

from pathlib import Path

GARBLED = (
    b"[reader]\nzoom=abc\noffset=1.5e99\nfocus=@Invalid()\ndocument=@ByteArray(xx\n"
    b"[window]\ngeometry=abc\nstate=12\nsplitter=@Variant(\\0\\0\\0\\x7f)\n"
    b"[ui]\nfont_size=big\ntheme=purple\nlanguage=@Invalid()\nwelcomed=maybe\n"
    b"[contents]\nrecent=a, b\n\xff\xfe\x00junk\x01\x02=\x03\n[[[\n" + bytes(range(256)) * 2
)


def garble(tmp_path: Path) -> Path:
    config = tmp_path / "profile" / "config"
    config.mkdir(parents=True)
    ini = config / "ui.ini"
    ini.write_bytes(GARBLED)
    return ini


def test_window_starts_over_a_garbled_ui_ini(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ini = garble(tmp_path)
    result = run("--exit-after-render")  # exit code 0, or the runner fails the test
    assert "setting reader/zoom='abc' is not usable" in result.stderr
    assert str(ini) in result.stderr
    rewritten = ini.read_text(encoding="utf-8", errors="replace")
    assert "zoom=0" in rewritten and "document=kst-32824-456" in rewritten  # good values over bad


def test_features_start_over_a_garbled_ui_ini(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    garble(tmp_path)
    run("--exit-when-ready")
    assert (tmp_path / "profile" / "notes.sqlite3").is_file()
