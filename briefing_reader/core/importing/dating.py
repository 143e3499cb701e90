"""Setting the date of an imported letter that carried none we could find.

The date anchors the letter's promises on the timeline ("voor 1 maart"
needs a year); without it they are "zonder datum". Only the front matter
changes: the text, id and version stay, so notes stay where they are.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from briefing_reader.core.importing.errors import NOT_FOUND, NOT_REMOVABLE, ImportFailed
from briefing_reader.core.importing.library import import_lock, resolved
from briefing_reader.core.importing.mdwriter import front_matter
from briefing_reader.core.importing.storage import validate, write_atomic
from briefing_reader.core.messages import message

if TYPE_CHECKING:
    from briefing_reader.core.content import Library
    from briefing_reader.core.content.places import LibraryPlaces

_FENCE = "---\n"


def set_date(
    paths: LibraryPlaces, doc_id: str, day: dt.date, *, library: Library | None = None
) -> str:
    """Give an imported document a date; returns its title.

    Raises:
        ImportFailed: ``not-found`` (no such document), ``not-removable`` (a
            bundled document: its date is the letter's own), ``invalid-content``
            (the stored file no longer loads), ``write-failed``.
    """
    with import_lock(paths):
        if library is None:
            from briefing_reader.core.content.places import open_library

            library = open_library(paths)
        doc = library.get(doc_id)
        if doc is None:
            raise ImportFailed(doc_id, message("remove.not_found"), NOT_FOUND)
        if resolved(doc.path.parent) != resolved(paths.imported_documents):
            raise ImportFailed(doc_id, message("import.date_not_imported"), NOT_REMOVABLE)
        meta, body = _split(doc.path.read_text(encoding="utf-8"), doc_id)
        from briefing_reader.core.importing.opentk import parliamentary_year

        meta["date"] = day
        meta["parliamentary_year"] = parliamentary_year(day)
        text = front_matter(meta) + body
        validate(text, doc.path, doc.path)
        write_atomic(doc.path, text, doc.path, replace=True)
        return doc.title


def _split(text: str, doc_id: str) -> tuple[dict[str, object], str]:
    from briefing_reader.core.importing.errors import INVALID
    from briefing_reader.core.limits import load_yaml

    end = text.find("\n" + _FENCE, len(_FENCE) - 1)
    data = load_yaml(text[len(_FENCE) : end + 1]) if text.startswith(_FENCE) and end > 0 else None
    if not isinstance(data, dict):
        raise ImportFailed(doc_id, message("import.date_no_front_matter"), INVALID)
    return data, text[end + 1 + len(_FENCE) :]
