"""Errors of the search package."""

from __future__ import annotations


class SearchError(Exception):
    """The search index could not be read or written.

    A query is never an error (a malformed one is searched as plain words);
    this is about the index itself.
    """
