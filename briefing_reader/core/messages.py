"""What the core tells the user: a stable code, its values, and the English text.

The core never words a message in the user's language. It raises or reports
a :class:`Message` (``code`` + ``params``); the window words it through Qt's
catalogue (``ui/messages.py``) and the command line through the same
catalogue compiled to a small table (``briefing_reader/language.py``).
``str(message)`` is the English text, for logs and for English users.

The English templates below are the source texts translators see: lupdate
reads the ``QT_TRANSLATE_NOOP`` marks (context ``Message``) from this file, so
every code here has its Dutch text in ``briefing_reader_nl.ts``
(``tests/unit/test_translations.py`` checks). Values are filled in with
``str.format``; a value that is itself a Message is worded first.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

CONTEXT = "Message"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate, which reads the source; returns it unchanged."""
    return text


TEXTS: dict[str, str] = {
    # -- notes: opening, recovery (OpenEvent) ---------------------------------------
    "notes.moved_aside": QT_TRANSLATE_NOOP(
        "Message",
        "The notes file was damaged ({problem}). It was moved aside to {name} in {folder}; "
        "nothing was deleted.",
    ),
    "notes.restored": QT_TRANSLATE_NOOP(
        "Message",
        "Your notes were restored from the backup {name} of {when}. Changes made after that "
        "moment are not in it.",
    ),
    "notes.restored_missing": QT_TRANSLATE_NOOP(
        "Message",
        "The notes file was missing; your notes were restored from the backup {name} of "
        "{when}. Changes made after that moment are not in it.",
    ),
    "notes.started_empty": QT_TRANSLATE_NOOP(
        "Message",
        "No sound backup was found, so you start with an empty notes file. The damaged file "
        "is kept in {folder}.",
    ),
    "notes.started_empty_missing": QT_TRANSLATE_NOOP(
        "Message",
        "The notes file was missing and no sound backup was found, so you start with an empty "
        "notes file.",
    ),
    "notes.changes_lost_restoring": QT_TRANSLATE_NOOP(
        "Message",
        "{missing} saved change(s) to your notes are missing from {name}: its journal file "
        "({name}-wal) was deleted or damaged. The file as it was is kept as {kept} in {folder}.",
    ),
    "notes.changes_lost_no_backup": QT_TRANSLATE_NOOP(
        "Message",
        "{missing} saved change(s) to your notes are missing from {name}: its journal file "
        "({name}-wal) was deleted or damaged. No backup holds them: your notes are shown as "
        "they were at the last complete save.",
    ),
    "notes.changes_lost_no_backup_kept": QT_TRANSLATE_NOOP(
        "Message",
        "{missing} saved change(s) to your notes are missing from {name}: its journal file "
        "({name}-wal) was deleted or damaged. No backup holds them: your notes are shown as "
        "they were at the last complete save. What was left of the journal is kept as {kept} "
        "in {folder}.",
    ),
    "notes.disk_full_open": QT_TRANSLATE_NOOP(
        "Message",
        "The disk is full. Your notes are shown, but changes cannot be saved until some space "
        "is freed and the notes are opened again.",
    ),
    "notes.purged": QT_TRANSLATE_NOOP(
        "Message", "{count} deleted item(s) older than 30 days were removed for good."
    ),
    "notes.backup_failed": QT_TRANSLATE_NOOP(
        "Message",
        "A backup of your notes could not be made: {reason}. Your notes are saved as usual.",
    ),
    "notes.backed_up": QT_TRANSLATE_NOOP("Message", "A backup of your notes was made."),
    "notes.read_only_open": QT_TRANSLATE_NOOP(
        "Message",
        "The notes folder {folder} cannot be written. Your notes are shown, but changes cannot "
        "be saved until the folder can be written again.",
    ),
    "notes.migrated": QT_TRANSLATE_NOOP(
        "Message",
        "The notes file was updated to format {version}; a copy of the old file was kept as "
        "{name}.",
    ),
    # -- notes: errors (NotesError.message) -----------------------------------------
    "notes.outcome": QT_TRANSLATE_NOOP(
        "Message", ": the change was not saved; what was saved before is unchanged"
    ),
    "notes.disk_full": QT_TRANSLATE_NOOP(
        "Message",
        "the disk is full, or the notes file reached its size limit{outcome}. Free some space "
        "and try again",
    ),
    "notes.read_only": QT_TRANSLATE_NOOP(
        "Message", "the notes file cannot be written (read-only file or folder){outcome}"
    ),
    "notes.corrupt": QT_TRANSLATE_NOOP(
        "Message",
        "the notes file is damaged ({problem}){outcome}. Restart the app to recover it from "
        "the newest backup",
    ),
    "notes.busy": QT_TRANSLATE_NOOP(
        "Message", "another program kept the notes file locked{outcome}. Try again"
    ),
    "notes.cannot_open": QT_TRANSLATE_NOOP(
        "Message",
        "the notes file cannot be opened ({problem}); check that the folder exists and may be "
        "written",
    ),
    "notes.disk_error": QT_TRANSLATE_NOOP(
        "Message", "the disk reported an error ({problem}){outcome}"
    ),
    "notes.os_disk_full": QT_TRANSLATE_NOOP(
        "Message", "the disk is full{outcome}. Free some space and try again"
    ),
    "notes.os_read_only": QT_TRANSLATE_NOOP("Message", "cannot be written ({problem}){outcome}"),
    "notes.other": QT_TRANSLATE_NOOP("Message", "{problem}{outcome}"),
    "notes.opened_disk_full": QT_TRANSLATE_NOOP(
        "Message",
        "the disk was full when the notes were opened, so they are open read-only{outcome}. "
        "Free some space and open the notes again",
    ),
    "notes.opened_read_only": QT_TRANSLATE_NOOP(
        "Message",
        "the notes are open read-only (the folder cannot be written){outcome}",
    ),
    "notes.folder_uncreatable": QT_TRANSLATE_NOOP(
        "Message",
        "the notes folder cannot be created ({problem}), so notes cannot be kept",
    ),
    "notes.folder_read_only": QT_TRANSLATE_NOOP(
        "Message", "the notes folder cannot be written, so notes cannot be kept"
    ),
    "notes.unrepairable": QT_TRANSLATE_NOOP(
        "Message",
        "the notes file is damaged ({problem}) and its folder cannot be written, so it cannot "
        "be repaired from a backup",
    ),
    "notes.needs_migration": QT_TRANSLATE_NOOP(
        "Message",
        "the notes file must be updated to a new format, but its folder cannot be written",
    ),
    "notes.no_backup_before_update": QT_TRANSLATE_NOOP(
        "Message",
        "no backup could be made before updating the notes file, so it was left as it was: "
        "{reason}",
    ),
    "notes.newer_schema": QT_TRANSLATE_NOOP(
        "Message",
        "the notes file was written by a newer version of Briefing Reader (schema {found}, "
        "this version knows {known}); update the app",
    ),
    # -- importing: why a file was refused (ImportFailed.message) ---------------------
    "import.not_found": QT_TRANSLATE_NOOP("Message", "does not exist"),
    "import.cannot_open": QT_TRANSLATE_NOOP("Message", "cannot be opened ({problem})"),
    "import.cannot_read": QT_TRANSLATE_NOOP("Message", "cannot be read ({problem})"),
    "import.folder": QT_TRANSLATE_NOOP("Message", "is a folder, not a file"),
    "import.not_regular": QT_TRANSLATE_NOOP("Message", "is not a regular file"),
    "import.odd_name_dots": QT_TRANSLATE_NOOP(
        "Message", "has an odd name ('..'): choose the file itself"
    ),
    "import.odd_name_char": QT_TRANSLATE_NOOP(
        "Message", "has an odd name (it contains the invisible character {char}): rename the file"
    ),
    "import.long_name": QT_TRANSLATE_NOOP(
        "Message", "has a name that is too long: rename the file"
    ),
    "import.empty": QT_TRANSLATE_NOOP("Message", "is empty"),
    "import.too_large": QT_TRANSLATE_NOOP("Message", "is larger than {size}"),
    "import.too_large_converted": QT_TRANSLATE_NOOP(
        "Message", "is larger than {size} MB once converted"
    ),
    "import.unsupported_suffix": QT_TRANSLATE_NOOP(
        "Message", "is a '{suffix}' file; only {supported} can be imported"
    ),
    "import.unsupported_known": QT_TRANSLATE_NOOP(
        "Message", "is {what}; only {supported} can be imported"
    ),
    "import.not_zip_docx": QT_TRANSLATE_NOOP(
        "Message", "is not a valid Word file (it is not a zip archive)"
    ),
    "import.zip_not_docx": QT_TRANSLATE_NOOP(
        "Message", "is a zip archive, not a Word document; only {supported} can be imported"
    ),
    "import.not_pdf": QT_TRANSLATE_NOOP(
        "Message", "is not a PDF file (it does not start with %PDF-)"
    ),
    "import.not_publication": QT_TRANSLATE_NOOP(
        "Message",
        "is not an officiele-publicatie {kind} file; only {supported} can be imported",
    ),
    "import.binary": QT_TRANSLATE_NOOP("Message", "is {what}, not text"),
    "import.outside_link": QT_TRANSLATE_NOOP(
        "Message", "links to a file outside the folders you chose"
    ),
    "import.outside": QT_TRANSLATE_NOOP("Message", "is outside the folders you chose"),
    "import.not_stored": QT_TRANSLATE_NOOP("Message", "could not be stored ({problem})"),
    "import.cannot_show": QT_TRANSLATE_NOOP("Message", "cannot be shown: {reason}"),
    "import.bad_docx": QT_TRANSLATE_NOOP("Message", "is not a valid Word document ({problem})"),
    "import.dtd": QT_TRANSLATE_NOOP(
        "Message", "is not a valid Word document (its XML declares a DTD)"
    ),
    "import.docx_unreadable": QT_TRANSLATE_NOOP(
        "Message", "could not be read as a Word document ({problem})"
    ),
    "import.zip_not_word": QT_TRANSLATE_NOOP("Message", "is a zip archive but not a Word document"),
    "import.docx_encoding": QT_TRANSLATE_NOOP(
        "Message",
        "is not a valid Word document (its XML is in the encoding {encoding}, not UTF-8 or UTF-16)",
    ),
    "import.protected": QT_TRANSLATE_NOOP(
        "Message",
        "claims to be a new version of the bundled document '{title}' ({id}), but its text is "
        "not that document's ({shared}% of its sentences in common)",
    ),
    "import.text_too_large": QT_TRANSLATE_NOOP(
        "Message", "is larger than {size} MB (the limit for text and markdown)"
    ),
    "import.no_such_document": QT_TRANSLATE_NOOP(
        "Message", "cannot be a new version of '{id}': no such document in the library"
    ),
    "import.no_free_name": QT_TRANSLATE_NOOP("Message", "could not be stored (no free file name)"),
    "import.cannot_show_error": QT_TRANSLATE_NOOP("Message", "cannot be shown ({problem})"),
    "import.nul_bytes": QT_TRANSLATE_NOOP("Message", "holds binary data (NUL bytes), not text"),
    "import.control_chars": QT_TRANSLATE_NOOP(
        "Message", "holds binary data (control characters), not text"
    ),
    "import.undecodable": QT_TRANSLATE_NOOP(
        "Message",
        "is not readable text: it is neither UTF-8 nor {other} (byte {byte} at line {line})",
    ),
    "import.invalid_encoding": QT_TRANSLATE_NOOP(
        "Message", "is not readable text: it is not valid {label} (byte {byte} at line {line})"
    ),
    "import.bad_yaml": QT_TRANSLATE_NOOP(
        "Message", "its front matter is not valid YAML ({problem})"
    ),
    "import.yaml_not_mapping": QT_TRANSLATE_NOOP(
        "Message", "its front matter must be a list of 'key: value' lines"
    ),
    "import.pdf_password": QT_TRANSLATE_NOOP(
        "Message", "is an encrypted PDF (it needs a password); save an unprotected copy first"
    ),
    "import.bad_pdf": QT_TRANSLATE_NOOP("Message", "is not a readable PDF ({problem})"),
    "import.pdf_encrypted": QT_TRANSLATE_NOOP(
        "Message", "is an encrypted PDF; save an unprotected copy first"
    ),
    "import.pdf_pages": QT_TRANSLATE_NOOP(
        "Message", "has {count} pages; at most {limit} can be imported"
    ),
    "import.pdf_slow": QT_TRANSLATE_NOOP(
        "Message", "takes too long to read (over {seconds} s at page {page} of {count})"
    ),
    "import.pdf_scan": QT_TRANSLATE_NOOP(
        "Message", "is a PDF without a text layer (a scan); only PDFs with text can be imported"
    ),
    "import.pdf_no_text": QT_TRANSLATE_NOOP(
        "Message", "is a PDF without a text layer (empty); only PDFs with text can be imported"
    ),
    "import.pdf_page_text": QT_TRANSLATE_NOOP("Message", "has too much text on page {page}"),
    "import.publication_dtd": QT_TRANSLATE_NOOP(
        "Message",
        "is not a valid publication (it declares a DTD or entities, which are never read)",
    ),
    "import.not_well_formed": QT_TRANSLATE_NOOP("Message", "is not well-formed {kind} ({problem})"),
    "import.no_markup_document": QT_TRANSLATE_NOOP("Message", "holds no {kind} document"),
    "import.wrong_root": QT_TRANSLATE_NOOP(
        "Message", "is XML but not an officiele-publicatie (its root is '{root}')"
    ),
    "import.markup_depth": QT_TRANSLATE_NOOP(
        "Message", "is nested too deeply (over {limit} levels)"
    ),
    "import.markup_elements": QT_TRANSLATE_NOOP("Message", "has too many elements (over {limit})"),
    "import.date_not_imported": QT_TRANSLATE_NOOP(
        "Message", "is not an imported document; its date cannot be changed"
    ),
    "import.date_no_front_matter": QT_TRANSLATE_NOOP(
        "Message", "has no front matter we can change"
    ),
    "remove.bundled": QT_TRANSLATE_NOOP("Message", "is a bundled document and cannot be removed"),
    "remove.content_dir": QT_TRANSLATE_NOOP(
        "Message", "is not an imported document (it comes from the --content-dir folder)"
    ),
    "remove.not_found": QT_TRANSLATE_NOOP("Message", "is not in the library"),
    "remove.failed": QT_TRANSLATE_NOOP("Message", "could not be removed ({problem})"),
    "filekind.doc": QT_TRANSLATE_NOOP("Message", "an old Word file (.doc): save it as .docx first"),
    "filekind.docm": QT_TRANSLATE_NOOP(
        "Message", "a Word file with macros (.docm): save it as .docx first"
    ),
    "filekind.dotx": QT_TRANSLATE_NOOP("Message", "a Word template"),
    "filekind.dotm": QT_TRANSLATE_NOOP("Message", "a Word template with macros"),
    "filekind.odt": QT_TRANSLATE_NOOP("Message", "an OpenDocument file: save it as .docx first"),
    "filekind.rtf": QT_TRANSLATE_NOOP("Message", "an RTF file: save it as .docx first"),
    "filekind.pdf": QT_TRANSLATE_NOOP("Message", "a PDF file"),
    "filekind.ole": QT_TRANSLATE_NOOP("Message", "an old Office file (.doc)"),
    "filekind.rtf_magic": QT_TRANSLATE_NOOP("Message", "an RTF file"),
    "filekind.image": QT_TRANSLATE_NOOP("Message", "an image"),
    "filekind.program": QT_TRANSLATE_NOOP("Message", "a program"),
    "filekind.archive": QT_TRANSLATE_NOOP("Message", "a compressed archive"),
    "filekind.zip": QT_TRANSLATE_NOOP("Message", "a zip archive"),
    # -- importing: summaries and front matter ---------------------------------------
    "frontmatter.not_yaml": QT_TRANSLATE_NOOP(
        "Message", "front matter is not valid YAML ({problem})"
    ),
    "frontmatter.not_mapping": QT_TRANSLATE_NOOP(
        "Message", "front matter must be a list of 'key: value' lines"
    ),
    "frontmatter.lacks_key": QT_TRANSLATE_NOOP("Message", "front matter lacks '{key}'"),
    "frontmatter.bad_id": QT_TRANSLATE_NOOP("Message", "id '{id}' may only hold a-z, 0-9 and '-'"),
    "frontmatter.not_a_date": QT_TRANSLATE_NOOP(
        "Message", "'{key}' must be a date like 2025-07-04"
    ),
    "frontmatter.not_a_number": QT_TRANSLATE_NOOP(
        "Message", "'{key}' must be a whole number from 0 to {largest}"
    ),
    "frontmatter.footnotes_not_list": QT_TRANSLATE_NOOP(
        "Message", '\'missing_footnotes\' must be a list like ["20", "22"]'
    ),
    "import.summary_counts": QT_TRANSLATE_NOOP(
        "Message",
        "imported {imported}, replaced {replaced}, unchanged {unchanged}, refused {refused}",
    ),
    "import.summary_refused": QT_TRANSLATE_NOOP(
        "Message", "  refused {count}: {reason} (e.g. {examples})"
    ),
    "import.read_as_cp1252": QT_TRANSLATE_NOOP(
        "Message", "read as Windows-1252 text (it is not UTF-8)"
    ),
    "import.removed_controls": QT_TRANSLATE_NOOP("Message", "removed {count} control character(s)"),
    "import.id_taken": QT_TRANSLATE_NOOP(
        "Message", "the id '{id}' is taken by another document; stored as '{stored}'"
    ),
    "import.would_become_bundled": QT_TRANSLATE_NOOP(
        "Message",
        "would become version {version} of the bundled document '{title}' (now version {old})",
    ),
    # -- importing: converter warnings and kept versions -------------------------------
    "import.docx_macros": QT_TRANSLATE_NOOP(
        "Message", "the file contains macros; they were ignored (never run)"
    ),
    "import.pictures_left_out": QT_TRANSLATE_NOOP(
        "Message", "{count} picture(s) or embedded object(s) left out"
    ),
    "import.outside_files": QT_TRANSLATE_NOOP(
        "Message", "the file refers to outside files; they were not fetched"
    ),
    "import.notes_without_text": QT_TRANSLATE_NOOP(
        "Message", "no text for note(s) {notes} (shown as missing)"
    ),
    "import.footnote_texts_unused": QT_TRANSLATE_NOOP(
        "Message", "{count} footnote text(s) have no reference in the text and were left out"
    ),
    "import.endnote_texts_unused": QT_TRANSLATE_NOOP(
        "Message", "{count} endnote text(s) have no reference in the text and were left out"
    ),
    "import.id_fixed": QT_TRANSLATE_NOOP(
        "Message", "the id '{id}' may only hold a-z, 0-9 and '-'; stored as '{stored}'"
    ),
    "import.footnote_mismatch": QT_TRANSLATE_NOOP(
        "Message",
        "the text has {markers} footnote markers but the source has {texts} footnote texts",
    ),
    "import.footnote_mismatch_one_missing": QT_TRANSLATE_NOOP(
        "Message",
        "the text has {markers} footnote markers but the source has {texts} footnote texts;"
        " no text for note {note} (shown as missing)",
    ),
    "import.footnote_mismatch_missing": QT_TRANSLATE_NOOP(
        "Message",
        "the text has {markers} footnote markers but the source has {texts} footnote texts;"
        " no text for notes {notes} and {last} (shown as missing)",
    ),
    "import.footnote_text_unplaced": QT_TRANSLATE_NOOP(
        "Message", "a footnote text has no marker in the text and was left out: {text}"
    ),
    "import.footnote_unplaced": QT_TRANSLATE_NOOP(
        "Message", "footnote {label} has no marker in the text and was left out: {text}"
    ),
    "import.footnote_not_found": QT_TRANSLATE_NOOP(
        "Message", "no text found for footnote {notes} (shown as missing)"
    ),
    "import.footnotes_not_found": QT_TRANSLATE_NOOP(
        "Message", "no text found for footnotes {notes} (shown as missing)"
    ),
    "import.table_kept_as_text": QT_TRANSLATE_NOOP(
        "Message", "page {page}: a table without ruling lines was kept as text, line by line"
    ),
    "import.table_footnote_left_out": QT_TRANSLATE_NOOP(
        "Message", "a footnote inside a table was left out of the table"
    ),
    "versions.bad_id": QT_TRANSLATE_NOOP("Message", "the document id '{id}' cannot name a folder"),
    "versions.not_kept": QT_TRANSLATE_NOOP(
        "Message", "the text of this version could not be kept ({problem})"
    ),
    # -- budgets (OverBudget.message) --------------------------------------------------
    "budget.front_matter_size": QT_TRANSLATE_NOOP(
        "Message", "its front matter is larger than {size} KB"
    ),
    "budget.yaml_depth": QT_TRANSLATE_NOOP(
        "Message", "its front matter nests deeper than {limit} levels"
    ),
    "budget.yaml_aliases": QT_TRANSLATE_NOOP(
        "Message",
        "its front matter uses YAML anchors and aliases (&name, *name), which are not allowed",
    ),
    "budget.yaml_nodes": QT_TRANSLATE_NOOP(
        "Message", "its front matter has more than {limit} values"
    ),
    "budget.json_depth": QT_TRANSLATE_NOOP("Message", "it nests deeper than {limit} levels"),
    "budget.docx_members": QT_TRANSLATE_NOOP(
        "Message", "holds more than {limit} files in its zip archive"
    ),
    "budget.docx_unpacked": QT_TRANSLATE_NOOP("Message", "unpacks to more than {size} MB"),
    "budget.docx_xml_size": QT_TRANSLATE_NOOP("Message", "holds more than {size} MB of XML"),
    "budget.docx_elements": QT_TRANSLATE_NOOP("Message", "holds more than {limit} XML elements"),
    # -- documents that cannot be shown (ContentError.message) ---------------------------
    "content.too_large": QT_TRANSLATE_NOOP("Message", "is larger than {size} MB"),
    "content.not_utf8": QT_TRANSLATE_NOOP("Message", "is not valid UTF-8 text"),
    "content.no_front_matter": QT_TRANSLATE_NOOP(
        "Message", "has no front matter (a block between '---' lines)"
    ),
    "content.headings": QT_TRANSLATE_NOOP(
        "Message", "has {count} headings; at most {limit} can be shown"
    ),
    "content.anchors": QT_TRANSLATE_NOOP(
        "Message", "has {count} paragraphs and headings; at most {limit} can be shown"
    ),
    "content.nesting": QT_TRANSLATE_NOOP(
        "Message", "nests quotes or lists deeper than {limit} levels"
    ),
    "content.blocks": QT_TRANSLATE_NOOP(
        "Message", "has more than {limit} paragraphs, list items and table cells"
    ),
    # -- search index (SearchError.message, SearchIndex.warning) -------------------------
    "search.not_built": QT_TRANSLATE_NOOP(
        "Message", "the search index could not be built: {problem}"
    ),
    "search.not_read": QT_TRANSLATE_NOOP(
        "Message", "the search index could not be read: {problem}"
    ),
    "search.busy": QT_TRANSLATE_NOOP("Message", "another Briefing Reader is updating it"),
    "search.in_memory": QT_TRANSLATE_NOOP(
        "Message",
        "The search index cannot be saved in {folder} ({problem}); search works from memory "
        "for this session.",
    ),
    # -- notes: more errors ---------------------------------------------------------
    "notes.no_such_note": QT_TRANSLATE_NOOP("Message", "there is no note '{id}'"),
    "notes.yours_already": QT_TRANSLATE_NOOP("Message", "this note is yours already"),
    "notes.cannot_take_over": QT_TRANSLATE_NOOP(
        "Message", "only action notes and highlights can be taken over"
    ),
    "notes.author_length": QT_TRANSLATE_NOOP(
        "Message", "the author name must be 1 to 200 characters"
    ),
    "notes.stance_length": QT_TRANSLATE_NOOP(
        "Message", "a stance must be 1 to {limit} characters: {value}"
    ),
    "notes.stance_twice": QT_TRANSLATE_NOOP(
        "Message", "the stance '{stance}' is in the list twice"
    ),
    "notes.stances_empty": QT_TRANSLATE_NOOP("Message", "the stance list cannot be empty"),
    "notes.nothing_to_delete": QT_TRANSLATE_NOOP(
        "Message", "there is no note, highlight or bookmark '{id}' to delete"
    ),
    "notes.not_in_trash": QT_TRANSLATE_NOOP(
        "Message", "'{id}' is not in the trash (it may have been purged)"
    ),
    "notes.annotated_again": QT_TRANSLATE_NOOP(
        "Message",
        "this action has been annotated again since; the newer annotation was kept and the "
        "deleted one stays in the trash",
    ),
    "notes.action_taken": QT_TRANSLATE_NOOP(
        "Message", "another note of mine already hangs on '{action}'"
    ),
    "notes.not_to_check": QT_TRANSLATE_NOOP(
        "Message", "'{id}' is not in the list of notes to check"
    ),
    "notes.no_candidate": QT_TRANSLATE_NOOP(
        "Message",
        "an orphaned note has no candidate to accept; re-attach it to a selection instead",
    ),
    "notes.no_such_action_note": QT_TRANSLATE_NOOP("Message", "there is no action note '{id}'"),
    "notes.no_such_mark": QT_TRANSLATE_NOOP("Message", "there is no highlight or bookmark '{id}'"),
    "notes.no_such_action": QT_TRANSLATE_NOOP(
        "Message", "document '{doc}' has no action '{action}'"
    ),
    "notes.too_many_to_share": QT_TRANSLATE_NOOP(
        "Message", "my notes are more than one shared file can hold"
    ),
    "notes.skipped_taken": QT_TRANSLATE_NOOP(
        "Message", "{id}: you already have a note on {doc}#{action} here; yours was kept"
    ),
    "notes.skipped_other_kind": QT_TRANSLATE_NOOP("Message", "{id}: already used by {kind}"),
    "notes.kind_action": QT_TRANSLATE_NOOP("Message", "an action note"),
    "notes.kind_highlight": QT_TRANSLATE_NOOP("Message", "a highlight"),
    "notes.kind_bookmark": QT_TRANSLATE_NOOP("Message", "a bookmark"),
    "notes.no_such_highlight": QT_TRANSLATE_NOOP("Message", "there is no highlight '{id}'"),
    "notes.no_such_bookmark": QT_TRANSLATE_NOOP("Message", "there is no bookmark '{id}'"),
    "notes.colleagues_note": QT_TRANSLATE_NOOP(
        "Message", "a colleague's note cannot be edited; it stays theirs"
    ),
    "notes.changed_elsewhere": QT_TRANSLATE_NOOP(
        "Message", "this note was changed elsewhere since it was opened"
    ),
    "notes.bad_reading_position": QT_TRANSLATE_NOOP(
        "Message", "a reading position needs a document and an offset >= 0"
    ),
    "notes.status_needs_commitment": QT_TRANSLATE_NOOP(
        "Message", "a commitment status needs a commitment id"
    ),
    "notes.action_needs_target": QT_TRANSLATE_NOOP(
        "Message", "an action annotation needs a document and an action"
    ),
    "notes.stayed_locked": QT_TRANSLATE_NOOP("Message", "the notes file stayed locked"),
    "notes.selection_outside": QT_TRANSLATE_NOOP(
        "Message",
        "the selection {start}-{end} is empty or outside the text of '{doc}' (0-{length})",
    ),
    "notes.quote_not_found": QT_TRANSLATE_NOOP(
        "Message",
        "the quote does not occur in '{doc}' (it must match the text exactly, including "
        "capitals, punctuation and spaces)",
    ),
    "notes.quote_ambiguous": QT_TRANSLATE_NOOP(
        "Message",
        "the quote occurs {count} times in '{doc}'; choose one with --occurrence N (1-{count}) "
        "or quote more text",
    ),
    "notes.no_occurrence": QT_TRANSLATE_NOOP(
        "Message",
        "the quote occurs {count} time(s) in '{doc}'; occurrence {occurrence} does not exist",
    ),
    "notes.no_place": QT_TRANSLATE_NOOP("Message", "document '{doc}' has no place '#{place}'"),
    "notes.no_text_at": QT_TRANSLATE_NOOP("Message", "document '{doc}' has no text at '#{place}'"),
    "notes.at": QT_TRANSLATE_NOOP("Message", "{path}: {reason}"),
    "notes.reanchor_read_only": QT_TRANSLATE_NOOP(
        "Message",
        "the notes are open read-only, so notes on changed documents are shown at their old "
        "places until they can be updated",
    ),
    "notes.not_reanchored": QT_TRANSLATE_NOOP(
        "Message", "notes on '{doc}' were not re-anchored: {reason}"
    ),
    "team.no_folder": QT_TRANSLATE_NOOP("Message", "the folder does not exist or is not mounted"),
    "team.offline": QT_TRANSLATE_NOOP(
        "Message", "{folder}: not reachable ({problem}); nothing shared this time"
    ),
    "team.synced": QT_TRANSLATE_NOOP(
        "Message",
        "{folder}: published {published}; read {files} file(s) of {authors} colleague(s): "
        "{added} added, {updated} updated, {removed} removed, {unchanged} unchanged{skipped}",
    ),
    "team.files_skipped": QT_TRANSLATE_NOOP("Message", ", {count} file(s) skipped"),
    "team.file_skipped": QT_TRANSLATE_NOOP("Message", "{name}: {reason}"),
    # -- notes files: import and export (ExchangeError.message) ----------------------
    "exchange.too_large": QT_TRANSLATE_NOOP(
        "Message", "is larger than the {limit} bytes a notes file may hold"
    ),
    "exchange.not_utf8": QT_TRANSLATE_NOOP("Message", "is not UTF-8 text (byte {offset})"),
    "exchange.too_deep": QT_TRANSLATE_NOOP(
        "Message", "is nested {depth} levels deep; notes files may nest at most {limit}"
    ),
    "exchange.lone_surrogate": QT_TRANSLATE_NOOP(
        "Message", "holds a lone surrogate {escape} on line {line}, which is not text"
    ),
    "exchange.bad_json_at": QT_TRANSLATE_NOOP(
        "Message", "is not valid JSON (line {line}, column {column}: {problem})"
    ),
    "exchange.bad_json": QT_TRANSLATE_NOOP("Message", "is not valid JSON ({problem})"),
    "exchange.cannot_read": QT_TRANSLATE_NOOP("Message", "cannot be read ({problem})"),
    "exchange.cannot_write": QT_TRANSLATE_NOOP("Message", "cannot be written ({problem})"),
    "exchange.no_folder": QT_TRANSLATE_NOOP("Message", "the folder {folder} does not exist"),
    "exchange.unknown_format": QT_TRANSLATE_NOOP(
        "Message", "unknown format '{fmt}' (choose from {choices})"
    ),
    "exchange.no_annotations": QT_TRANSLATE_NOOP(
        "Message", "holds no annotations; nothing was imported"
    ),
    "exchange.annotation": QT_TRANSLATE_NOOP("Message", "annotation {number}"),
    "exchange.annotation_id": QT_TRANSLATE_NOOP("Message", "annotation {number} ({id})"),
    "exchange.refused": QT_TRANSLATE_NOOP("Message", "{which}: {reason}; nothing was imported"),
    "exchange.odd_value": QT_TRANSLATE_NOOP(
        "Message", "{which}: a value has an unexpected form ({problem}); nothing was imported"
    ),
    "exchange.id_twice": QT_TRANSLATE_NOOP(
        "Message", "{which}: the id occurs twice; nothing was imported"
    ),
    "exchange.target_numbered": QT_TRANSLATE_NOOP("Message", "target {number}: {reason}"),
    "exchange.not_w3c": QT_TRANSLATE_NOOP(
        "Message", 'it is not a W3C Web Annotation file (no "@context": "{context}")'
    ),
    "exchange.top_level": QT_TRANSLATE_NOOP(
        "Message", "the top level is not an AnnotationCollection, AnnotationPage or Annotation"
    ),
    "exchange.pages_outside": QT_TRANSLATE_NOOP(
        "Message",
        "its pages are not included in the file (only self-contained collections can be imported)",
    ),
    "exchange.missing_text": QT_TRANSLATE_NOOP("Message", "{what} is missing or not text"),
    "exchange.what_body_value": QT_TRANSLATE_NOOP("Message", "a body's value"),
    "exchange.what_exact": QT_TRANSLATE_NOOP("Message", "the quote ('exact')"),
    "exchange.not_datetime": QT_TRANSLATE_NOOP("Message", "'{key}' is not a date-time"),
    "exchange.not_iso_time": QT_TRANSLATE_NOOP(
        "Message", "'{key}' is not an ISO 8601 date-time: {value}"
    ),
    "exchange.no_time_zone": QT_TRANSLATE_NOOP("Message", "'{key}' has no time zone: {value}"),
    "exchange.bad_id": QT_TRANSLATE_NOOP("Message", "its id is missing or not an IRI"),
    "exchange.bad_uuid": QT_TRANSLATE_NOOP("Message", "its id is not a valid UUID: {id}"),
    "exchange.bad_body": QT_TRANSLATE_NOOP("Message", "a body is neither an object nor an IRI"),
    "exchange.bad_target": QT_TRANSLATE_NOOP("Message", "a target is neither an object nor an IRI"),
    "exchange.unknown_target": QT_TRANSLATE_NOOP(
        "Message",
        "its target is not a document Briefing Reader knows ({named}; expected {prefix}<id> "
        "or the address of an official publication)",
    ),
    "exchange.no_source": QT_TRANSLATE_NOOP("Message", "no source"),
    "exchange.bad_position": QT_TRANSLATE_NOOP(
        "Message", "the TextPositionSelector needs whole numbers 0 <= start <= end"
    ),
    "exchange.no_quote": QT_TRANSLATE_NOOP(
        "Message",
        "its target has no TextQuoteSelector, and no position in a document of the library",
    ),
    "exchange.quote_unplaced": QT_TRANSLATE_NOOP(
        "Message",
        "the quote cannot be placed in the document (it is not there, or more than once with "
        "the same context)",
    ),
    "exchange.quote_absent": QT_TRANSLATE_NOOP(
        "Message",
        "the quote is not in the document (or occurs more than once with the same context)",
    ),
    "exchange.fragment_no_value": QT_TRANSLATE_NOOP("Message", "the FragmentSelector has no value"),
    "exchange.fragment_unknown": QT_TRANSLATE_NOOP(
        "Message",
        "its FragmentSelector '{fragment}' names no action or section of document '{doc}'",
    ),
    "exchange.fragment_unknown_missing": QT_TRANSLATE_NOOP(
        "Message",
        "its FragmentSelector '{fragment}' names no action or section of '{doc}', which is not "
        "in the library",
    ),
    "exchange.unplaceable": QT_TRANSLATE_NOOP(
        "Message",
        "its target has only {selectors}, which cannot be placed without a quote or a position",
    ),
    "exchange.whole_missing": QT_TRANSLATE_NOOP(
        "Message", "it is a note on the whole of '{doc}', which is not in the library"
    ),
    "exchange.not_object": QT_TRANSLATE_NOOP("Message", "it is not an object"),
    "exchange.not_annotation": QT_TRANSLATE_NOOP(
        "Message", "it is not an object of type Annotation"
    ),
    "exchange.no_target": QT_TRANSLATE_NOOP("Message", "it has no target"),
    "exchange.too_many_targets": QT_TRANSLATE_NOOP(
        "Message", "it has {count} targets; at most {limit} are imported"
    ),
    # -- values refused by the notes store (NotesValidationError.message) --------------
    "notes.unknown_priority": QT_TRANSLATE_NOOP(
        "Message", "unknown priority '{value}' (choose from {choices})"
    ),
    "notes.unknown_stance": QT_TRANSLATE_NOOP(
        "Message", "unknown stance '{value}' (choose from {choices})"
    ),
    "notes.unknown_colour": QT_TRANSLATE_NOOP(
        "Message", "unknown colour '{value}' (choose from {choices} or #rrggbb)"
    ),
    "notes.not_text": QT_TRANSLATE_NOOP("Message", "{what} must be text"),
    "notes.too_long": QT_TRANSLATE_NOOP("Message", "{what} is longer than {limit} characters"),
    "notes.what_note": QT_TRANSLATE_NOOP("Message", "the note"),
    "notes.what_stance": QT_TRANSLATE_NOOP("Message", "the stance"),
    "notes.what_question": QT_TRANSLATE_NOOP("Message", "the question"),
    "notes.what_tag": QT_TRANSLATE_NOOP("Message", "the tag"),
    "notes.what_name": QT_TRANSLATE_NOOP("Message", "the name"),
    "notes.questions_one_text": QT_TRANSLATE_NOOP(
        "Message", "questions must be a list of texts, not one text"
    ),
    "notes.tags_one_text": QT_TRANSLATE_NOOP(
        "Message", "tags must be a list of texts, not one text"
    ),
    "notes.bookmark_no_name": QT_TRANSLATE_NOOP("Message", "a bookmark needs a name"),
    "notes.anchor_incomplete": QT_TRANSLATE_NOOP(
        "Message", "an anchor needs a document and a quote"
    ),
    "notes.anchor_position": QT_TRANSLATE_NOOP(
        "Message", "an anchor's position must be 0 <= start <= end"
    ),
    # -- printing (PrintError.message) -------------------------------------------------
    "print.bad_range": QT_TRANSLATE_NOOP(
        "Message", "'{address}': the range must be START-END within 0-{length}"
    ),
    "print.no_place_toc": QT_TRANSLATE_NOOP(
        "Message", "document '{doc}' has no place '#{anchor}' (see 'briefing-reader toc DOC')"
    ),
    "print.no_place": QT_TRANSLATE_NOOP("Message", "document '{doc}' has no place '#{anchor}'"),
    "print.no_action_ref": QT_TRANSLATE_NOOP(
        "Message",
        "no document has an action '{ref}' (see 'briefing-reader toc DOC' for the action ids)",
    ),
    "print.action_ambiguous": QT_TRANSLATE_NOOP(
        "Message", "the action '{action}' occurs in {docs}; write it as DOC#ACTION"
    ),
    "print.no_action": QT_TRANSLATE_NOOP("Message", "document '{doc}' has no action '{action}'"),
    "print.empty_selection": QT_TRANSLATE_NOOP(
        "Message", "the selection {start}-{end} holds no text of '{doc}'"
    ),
    "print.nothing": QT_TRANSLATE_NOOP("Message", "nothing to print"),
    "print.no_actions_noted": QT_TRANSLATE_NOOP(
        "Message",
        "no action has a stance or a note yet; give some a stance or a note, or choose the actions",
    ),
    "print.cannot_paint": QT_TRANSLATE_NOOP("Message", "the printer or file cannot be written to"),
    "print.no_letters": QT_TRANSLATE_NOOP("Message", "no letters to put on the debate card"),
    # -- commitments (CommitmentsError.message) ----------------------------------------
    "commitments.unknown_status": QT_TRANSLATE_NOOP(
        "Message", "unknown status '{value}' (choose from {choices})"
    ),
    "commitments.not_a_date": QT_TRANSLATE_NOOP(
        "Message", '{name}="{value}" is not a date like 2025-12-31'
    ),
    "commitments.no_sentence": QT_TRANSLATE_NOOP("Message", 'zin="{value}" is in no sentence'),
    "commitments.van_after_tot": QT_TRANSLATE_NOOP("Message", "van is later than tot"),
    "commitments.marker_at": QT_TRANSLATE_NOOP("Message", "{doc}#{anchor}: {reason}"),
    # -- notes backups ---------------------------------------------------------------
    "notes.unsound_backup": QT_TRANSLATE_NOOP("Message", "not a sound backup ({problem})"),
    # -- the command line's own frame ------------------------------------------------
    "cli.at": QT_TRANSLATE_NOOP("Message", "{path}: {reason}"),
    "cli.skipped": QT_TRANSLATE_NOOP("Message", "skipped {error}"),
    "cli.skipped_marker": QT_TRANSLATE_NOOP("Message", "skipped marker {error}"),
    "cli.status_imported": QT_TRANSLATE_NOOP("Message", "imported"),
    "cli.status_replaced": QT_TRANSLATE_NOOP("Message", "replaced"),
    "cli.status_unchanged": QT_TRANSLATE_NOOP("Message", "unchanged"),
    "cli.status_failed": QT_TRANSLATE_NOOP("Message", "failed"),
    "cli.status_removed": QT_TRANSLATE_NOOP("Message", "removed"),
    "cli.status_dated": QT_TRANSLATE_NOOP("Message", "dated"),
    "cli.imported_as": QT_TRANSLATE_NOOP("Message", "{file}: imported as '{title}' ({doc})"),
    "cli.replaced": QT_TRANSLATE_NOOP(
        "Message", "{file}: replaced '{title}' ({doc}), version {old} -> {new}"
    ),
    "cli.unchanged": QT_TRANSLATE_NOOP("Message", "{file}: {reason} ({doc})"),
    "cli.already_at_version": QT_TRANSLATE_NOOP(
        "Message", "already in the library at this version"
    ),
    "cli.already_there": QT_TRANSLATE_NOOP("Message", "already in the library"),
    "cli.has_newer": QT_TRANSLATE_NOOP(
        "Message", "the library already has version {old}, newer than this file's version {new}"
    ),
    "cli.note": QT_TRANSLATE_NOOP("Message", "note: {text}"),
    "cli.no_date": QT_TRANSLATE_NOOP(
        "Message",
        "note: geen datum gevonden (no date found); set it with "
        "'briefing-reader setdate {doc} YYYY-MM-DD'",
    ),
    "cli.dated": QT_TRANSLATE_NOOP("Message", "{doc} '{title}': {date}"),
    "cli.removed": QT_TRANSLATE_NOOP("Message", "{doc} '{title}' (its notes are kept)"),
    "cli.bundled_again": QT_TRANSLATE_NOOP(
        "Message", "the bundled version of {doc} is shown again"
    ),
    "cli.to_review": QT_TRANSLATE_NOOP(
        "Message",
        "{count} note(s) moved to a new version need checking (see 'briefing-reader notes review')",
    ),
    "cli.exported_one": QT_TRANSLATE_NOOP("Message", "{files} ({count} note)"),
    "cli.exported": QT_TRANSLATE_NOOP("Message", "{files} ({count} notes)"),
    "cli.merged": QT_TRANSLATE_NOOP(
        "Message", "{added} added, {updated} updated, {same} already there"
    ),
    "cli.merged_kept_mine": QT_TRANSLATE_NOOP("Message", "{count} left alone (yours)"),
    "cli.merged_skipped": QT_TRANSLATE_NOOP("Message", "{count} skipped"),
    "cli.index_not_updated": QT_TRANSLATE_NOOP(
        "Message", "the search index was not updated: {reason}"
    ),
    "cli.not_reanchored": QT_TRANSLATE_NOOP("Message", "notes not re-anchored: {reason}"),
    "cli.notes_not_read": QT_TRANSLATE_NOOP("Message", "notes not read: {reason}"),
    "cli.print_without_highlights": QT_TRANSLATE_NOOP(
        "Message", "printing without highlights: cannot open the notes: {reason}"
    ),
    "cli.cannot_open_notes": QT_TRANSLATE_NOOP("Message", "cannot open the notes: {reason}"),
    "cli.no_document": QT_TRANSLATE_NOOP("Message", "no document '{doc}' (known: {known})"),
    "cli.no_such_document": QT_TRANSLATE_NOOP("Message", "no document '{doc}'"),
    "cli.not_imported": QT_TRANSLATE_NOOP("Message", "{file}: not imported: {reason}"),
    "cli.indexing": QT_TRANSLATE_NOOP("Message", "indexing [{done}/{total}]"),
    "cli.compacting": QT_TRANSLATE_NOOP(
        "Message", "merging the search index into one (once, after a bulk import)"
    ),
    # -- bulk import's progress line -----------------------------------------------------
    "import.progress": QT_TRANSLATE_NOOP("Message", "[{done}/{total}] {name} ({left} left)"),
    "duration.seconds": QT_TRANSLATE_NOOP("Message", "{seconds} s"),
    "duration.minutes": QT_TRANSLATE_NOOP("Message", "{minutes} min {seconds} s"),
    "duration.hours": QT_TRANSLATE_NOOP("Message", "{hours} h {minutes} min"),
    # -- the command line's search results ---------------------------------------------
    "search.did_you_mean": QT_TRANSLATE_NOOP("Message", "Did you mean: {suggestion}"),
    "search.not_found": QT_TRANSLATE_NOOP("Message", "Not found: {words}"),
    "search.no_results": QT_TRANSLATE_NOOP("Message", "No results for: {query}"),
    "search.partial": QT_TRANSLATE_NOOP("Message", "No hit has every word; the best partial hits:"),
    "search.one_result": QT_TRANSLATE_NOOP("Message", "1 result for: {query} ({where}{more})"),
    "search.results": QT_TRANSLATE_NOOP("Message", "{count} results for: {query} ({where}{more})"),
    "search.one_document": QT_TRANSLATE_NOOP("Message", "1 document"),
    "search.documents": QT_TRANSLATE_NOOP("Message", "{count} documents"),
    "search.first": QT_TRANSLATE_NOOP("Message", "; first {shown}"),
    "search.hit_lacks": QT_TRANSLATE_NOOP("Message", "not found: {words}"),
    "search.opening": QT_TRANSLATE_NOOP("Message", "Opening"),
    "search.kind_paragraph": QT_TRANSLATE_NOOP("Message", "paragraph"),
    "search.kind_heading": QT_TRANSLATE_NOOP("Message", "heading"),
    "search.kind_action": QT_TRANSLATE_NOOP("Message", "action"),
    "search.kind_footnote": QT_TRANSLATE_NOOP("Message", "footnote"),
    "search.kind_table": QT_TRANSLATE_NOOP("Message", "table"),
}


@dataclass(frozen=True)
class Message:
    """A message for the user: a stable ``code`` and the values to fill in.

    A code not in :data:`TEXTS` (``""``) is a text the core could not give a
    code (an operating system's or a library's own words): ``params["text"]``
    is shown as it is.
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __str__(self) -> str:
        return render(self)


def message(code: str, **params: Any) -> Message:
    """A :class:`Message`; ``code`` must be in :data:`TEXTS`."""
    if code not in TEXTS:
        raise KeyError(f"unknown message code {code!r}")
    return Message(code, params)


def plain(text: str) -> Message:
    """A text without a code, shown as it is in every language."""
    return Message("", {"text": text})


def as_message(value: object) -> Message:
    """``value`` as a Message: itself, an error's ``message``, or its plain
    ``reason`` or text."""
    if isinstance(value, Message):
        return value
    said = getattr(value, "message", None)
    if isinstance(said, Message):
        return said
    reason = getattr(value, "reason", None)  # an error that words its own reason
    return plain(reason if isinstance(reason, str) else str(value))


def render(
    said: Message,
    translate: Callable[[str], str] | None = None,
    number: Callable[[int], str] = "{:,}".format,
) -> str:
    """The message in words; ``translate`` maps an English template to the user's
    language (``None``: English), ``number`` writes a whole number in its style."""
    template = TEXTS.get(said.code)
    if template is None:
        return str(said.params.get("text", said.code))
    words = translate(template) if translate else template
    values = {key: _value(value, translate, number) for key, value in said.params.items()}
    try:
        return words.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return template.format(**values)


def _value(value: Any, translate: Callable[[str], str] | None, number: Callable[[int], str]) -> Any:
    if isinstance(value, Message):
        return render(value, translate, number)
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value)
    return value


def dumps(said: Message) -> str:
    """The message as text to store (a cache's column): JSON, or plain text."""
    if not said.code:
        return str(said)
    return json.dumps(_encode(said), ensure_ascii=False)


def loads(text: str) -> Message:
    """A message stored by :func:`dumps` (older plain text comes back as plain)."""
    if text.startswith('{"code"'):
        try:
            return _decode(json.loads(text))
        except (ValueError, TypeError, KeyError):
            pass
    return plain(text)


def _encode(said: Message) -> dict[str, Any]:
    params = {
        key: _encode(value) if isinstance(value, Message) else value
        for key, value in said.params.items()
    }
    return {"code": said.code, "params": params}


def _decode(data: dict[str, Any]) -> Message:
    if data["code"] not in TEXTS:
        raise KeyError(data["code"])
    params = {
        key: _decode(value) if isinstance(value, dict) else value
        for key, value in data["params"].items()
    }
    return Message(data["code"], params)
