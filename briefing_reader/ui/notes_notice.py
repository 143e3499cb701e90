"""What opening the notes found, in the window's language.

Each event carries a message (a code and its values); ``ui/messages.py``
words it through the installed catalogue.
"""

from __future__ import annotations

from briefing_reader.core.notes import OpenEvent, OpenReport
from briefing_reader.ui.messages import message_text


def event_text(event: OpenEvent) -> str:
    """The event's message in the window's language."""
    return message_text(event.message)


def notes_notice(report: OpenReport) -> str:
    """The warnings of opening the notes as one text ('' when none)."""
    return "\n".join(event_text(event) for event in report.warnings)
