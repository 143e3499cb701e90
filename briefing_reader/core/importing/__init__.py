"""Importing letters into the library: Word, the OpenTK text export, markdown, text.

No Qt. The window calls, in a worker thread (a batch can take a while)::

    from briefing_reader.core.importing import import_files, remove_document

    report = import_files(paths, files, roots=chosen, progress=lambda done, total: ...)
    for result in report.results:        # one per file, in order
        result.status                    # "imported" | "replaced" | "unchanged" | "failed"
        result.message()                 # one line: file name and what happened / why not
        result.doc_id, result.title      # the document in the library (not when failed)
        result.code, result.reason       # for "failed": stable code + English sentence
        result.warnings                  # e.g. footnote markers without a text
    if report.changed:                   # something was written
        library = open_library(paths)    # then reanchor_library(...), index.update(library)
    report.document_to_open              # the doc to show after a one-file import, or None
    is_imported(doc, paths)              # True for the user's imports ("Mijn documenten")

    remove_document(paths, doc_id)       # -> RemoveResult; ImportFailed if bundled/unknown

``paths`` is the run's folders as :class:`core.content.places.LibraryPlaces`
(the app's ``Paths`` is one); ``open_library`` is ``core.content.places.open_library``.

:func:`import_files` never raises for a bad file: the file's result is
``failed`` and nothing in the library changed. :class:`ImportFailed` is the
one error type of the package (``remove_document``, ``convert_file``).
Supported: ``.docx``, ``.pdf`` (with a text layer), officiele-publicatie ``.xml`` and
``.html``, ``.txt`` (the OpenTK export is recognised by its
header), ``.md``/``.markdown``, and files without extension by content;
at most 20 MB (``MAX_BYTES``) for a Word file, 2 MB for text and markdown
(``core.limits.MAX_DOCUMENT_BYTES``: what the reader's parser reads).
"""

from __future__ import annotations

from briefing_reader.core.importing.errors import ImportFailed
from briefing_reader.core.importing.library import (
    Progress,
    convert_file,
    identity_keys,
    import_files,
    is_imported,
)
from briefing_reader.core.importing.model import (
    ASK,
    FAILED,
    IMPORTED,
    REPLACED,
    UNCHANGED,
    Converted,
    FileResult,
    ImportReport,
    RemoveResult,
)
from briefing_reader.core.importing.remove import remove_document
from briefing_reader.core.importing.sniff import EXTENSIONS, MAX_BYTES

SUPPORTED_EXTENSIONS = tuple(EXTENSIONS)

__all__ = [
    "ASK",
    "FAILED",
    "IMPORTED",
    "MAX_BYTES",
    "REPLACED",
    "SUPPORTED_EXTENSIONS",
    "UNCHANGED",
    "Converted",
    "FileResult",
    "ImportFailed",
    "ImportReport",
    "Progress",
    "RemoveResult",
    "convert_file",
    "identity_keys",
    "import_files",
    "is_imported",
    "remove_document",
]
