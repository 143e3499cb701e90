"""The core's messages in the window's language: the one renderer in ui/.

The core reports a code and its values (:mod:`briefing_reader.core.messages`);
the English templates there are the source texts of Qt's catalogue (context
``Message``), so the installed translator words them here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from briefing_reader.core.messages import CONTEXT, as_message, render


def _translate(template: str) -> str:
    return QCoreApplication.translate(CONTEXT, template)


def _number(value: int) -> str:
    return QLocale().toString(value)  # 10.000 in Dutch, 10,000 in English


def message_text(value: object) -> str:
    """A core Message, or an error or event carrying one, in the window's language."""
    return render(as_message(value), _translate, _number)


def located_text(error: object) -> str:
    """An error that names a file, as ``<file>: <why>`` in the window's language."""
    where = getattr(error, "path", None)
    line = getattr(error, "line", None)
    text = message_text(error)
    if where is None:
        return text
    return f"{where}:{line}: {text}" if line else f"{where}: {text}"
