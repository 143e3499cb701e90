"""What opening the notes store found, in the window's language.

The core reports in English (the command line prints that); the window
shows the warnings through tr(), filled in from each event's ``args``.
Events without a text here are shown as the core wrote them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from briefing_reader.core.notes import OpenEvent, OpenReport

translate = QCoreApplication.translate


def _changes_lost(args: tuple[str, ...]) -> str:
    missing, name, kept, folder, how = args
    text = translate(
        "NotesNotice",
        "%s saved change(s) to your notes are missing from %s: its journal "
        "file (%s-wal) was deleted or damaged.",
    ) % (missing, name, name)
    if how == "restoring":
        return (
            text
            + " "
            + translate("NotesNotice", "The file as it was is kept as %s in %s.") % (kept, folder)
        )
    text += " " + translate(
        "NotesNotice",
        "No backup holds them: your notes are shown as they were at the last complete save.",
    )
    if kept:
        text += " " + translate(
            "NotesNotice", "What was left of the journal is kept as %s in %s."
        ) % (kept, folder)
    return text


def _restored(args: tuple[str, ...]) -> str:
    if args[2] == "missing":
        return (
            translate(
                "NotesNotice",
                "The notes file was missing; your notes were restored from the "
                "backup %s of %s. Changes made after that moment are not in it.",
            )
            % args[:2]
        )
    return (
        translate(
            "NotesNotice",
            "Your notes were restored from the backup %s of %s. Changes made "
            "after that moment are not in it.",
        )
        % args[:2]
    )


def _started_empty(args: tuple[str, ...]) -> str:
    if args[0] == "missing":
        return translate(
            "NotesNotice",
            "The notes file was missing and no sound backup was found, so you "
            "start with an empty notes file.",
        )
    return (
        translate(
            "NotesNotice",
            "No sound backup was found, so you start with an empty notes file. "
            "The damaged file is kept in %s.",
        )
        % args[1]
    )


def event_text(event: OpenEvent) -> str:
    """The event's message, translated where a text for its kind exists."""
    args = event.args
    if event.kind == "changes_lost" and len(args) == 5:
        return _changes_lost(args)
    if event.kind == "moved_aside" and len(args) == 3:
        return (
            translate(
                "NotesNotice",
                "The notes file was damaged (%s). It was moved aside to %s in %s; "
                "nothing was deleted.",
            )
            % args
        )
    if event.kind == "restored" and len(args) == 3:
        return _restored(args)
    if event.kind == "started_empty" and len(args) == 2:
        return _started_empty(args)
    return event.message


def notes_notice(report: OpenReport) -> str:
    """The warnings of opening the notes as one text ('' when none)."""
    return "\n".join(event_text(event) for event in report.warnings)
