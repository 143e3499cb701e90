"""Bytes to text: UTF-8, then Windows-1252, and say which was used."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing_reader.core.importing.errors import BINARY, EMPTY, UNDECODABLE, ImportFailed
from briefing_reader.core.messages import Message, message

UTF8 = "UTF-8"
CP1252 = "Windows-1252"
UTF16 = "UTF-16"

# C0 and C1 controls other than tab, line feed, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.01


@dataclass
class Decoded:
    """Text decoded from a file, with the encoding it was read in.

    Attributes:
        text: the text, line ends normalised to ``\\n``, without a BOM.
        encoding: ``UTF-8``, ``Windows-1252`` or ``UTF-16``.
        warnings: what was changed on the way (stray control characters).
    """

    text: str
    encoding: str
    warnings: list[Message] = field(default_factory=list)


def decode(data: bytes, path: Path) -> Decoded:
    """Decode the bytes of a text file.

    Raises:
        ImportFailed: ``empty`` (nothing but white space), ``binary`` (NUL
            bytes or many control characters), ``undecodable`` (neither
            UTF-8 nor Windows-1252).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16", path, UTF16), UTF16
    else:
        if b"\x00" in data:
            raise ImportFailed(path, message("import.nul_bytes"), BINARY)
        try:
            text, encoding = data.decode("utf-8-sig"), UTF8
        except UnicodeDecodeError:
            text, encoding = _strict(data, "cp1252", path, CP1252), CP1252
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\ufeff", "")
    warnings: list[Message] = []
    controls = len(_CONTROL.findall(text))
    if controls:
        if "\x00" in text or controls > max(3, len(text) * _MAX_CONTROL_SHARE):
            raise ImportFailed(path, message("import.control_chars"), BINARY)
        text = _CONTROL.sub("", text)
        warnings.append(message("import.removed_controls", count=controls))
    if not text.strip():
        raise ImportFailed(path, message("import.empty"), EMPTY)
    return Decoded(text, encoding, warnings)


def _strict(data: bytes, codec: str, path: Path, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start : exc.start + 1].hex()
        if label == CP1252:
            said = message("import.undecodable", other=CP1252, byte=f"0x{byte}", line=line)
        else:
            said = message("import.invalid_encoding", label=label, byte=f"0x{byte}", line=line)
        raise ImportFailed(
            path,
            said,
            UNDECODABLE,
            line,
        ) from exc
