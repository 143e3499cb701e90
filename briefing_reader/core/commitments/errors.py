"""Errors of the commitments package."""

from __future__ import annotations


class CommitmentsError(Exception):
    """Base of every error raised by :mod:`briefing_reader.core.commitments`."""


class MarkerError(CommitmentsError):
    """An explicit ``{.toezegging}`` marker in a document cannot be read.

    Attributes:
        doc_id: the document.
        anchor: the paragraph carrying the marker.
        reason: a sentence for the user.
    """

    def __init__(self, doc_id: str, anchor: str, reason: str) -> None:
        self.doc_id = doc_id
        self.anchor = anchor
        self.reason = reason
        super().__init__(f"{doc_id}#{anchor}: {reason}")


class UnknownStatusError(CommitmentsError):
    """A commitment status that is not one of :data:`STATUSES`."""
