"""Errors of the search package."""

from __future__ import annotations

from briefing_reader.core.messages import Message, as_message


class SearchError(Exception):
    """The search index could not be read or written.

    A query is never an error (a malformed one is searched as plain words);
    this is about the index itself.
    """

    def __init__(self, reason: str | Message) -> None:
        self.message = as_message(reason)  # for the user, in their language
        self.reason = str(self.message)  # English
        super().__init__(self.reason)
