"""Errors of the commitments package.

Each carries a ``message`` (a code and its values,
:mod:`briefing_reader.core.messages`) that the window and the command line word
in the user's language; ``str()`` is its English text.
"""

from __future__ import annotations

from briefing_reader.core.messages import Message, as_message, message


class CommitmentsError(Exception):
    """Base of every error raised by :mod:`briefing_reader.core.commitments`."""

    def __init__(self, said: str | Message) -> None:
        self.message = as_message(said)
        super().__init__(str(self.message))


class MarkerError(CommitmentsError):
    """An explicit ``{.toezegging}`` marker in a document cannot be read.

    Attributes:
        doc_id: the document.
        anchor: the paragraph carrying the marker.
        reason: a sentence for the user (English; ``message`` words it with the place).
    """

    def __init__(self, doc_id: str, anchor: str, reason: str | Message) -> None:
        self.doc_id = doc_id
        self.anchor = anchor
        why = as_message(reason)
        self.reason = str(why)
        super().__init__(message("commitments.marker_at", doc=doc_id, anchor=anchor, reason=why))


class UnknownStatusError(CommitmentsError):
    """A commitment status that is not one of :data:`STATUSES`."""
