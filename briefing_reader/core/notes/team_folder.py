"""A team folder: colleagues' notes through a folder a sync engine keeps in step.

A committee or party group shares a folder (Nextcloud, OneDrive/SharePoint, a
network share, anything rclone or a desktop client synchronises). Each member
writes only their own file, ``<creator uuid>.jsonld`` (their shared notes as
W3C Web Annotations, written atomically), and reads everyone else's.

:func:`sync` is one round: publish mine, then read the others. It is built
for sync engines:

- a file that is not whole yet (half-written, cut off, not valid JSON) is
  skipped this round and read once it is whole; nothing of that author
  changes meanwhile;
- conflict copies (``x (conflicted copy 2026-...).jsonld``, ``x-conflict-...``,
  ``x.conflict1``) belong to the same author: all copies are merged by
  annotation id, the newest ``modified`` winning, never doubled;
- a note the author deleted is no longer in their file and disappears here
  (moved to the trash, like any delete); only when every copy was read whole;
- my own file's conflict copies may hold notes made on another computer of
  mine: notes not here yet are added as mine;
- a folder that is missing or offline is no error: the round says so.

Hidden and temporary files (``.x.tmp``, ``~x``) are never read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_reader.core.messages import Message, message, plain
from briefing_reader.core.notes import json_bounds
from briefing_reader.core.notes.errors import ExchangeError, NotesError
from briefing_reader.core.notes.exchange import atomic_write
from briefing_reader.core.notes.jsonld_in import read_jsonld
from briefing_reader.core.notes.jsonld_out import export_jsonld, split_collection
from briefing_reader.core.notes.merging import ImportReport, Incoming
from briefing_reader.core.notes.model import parse_time

if TYPE_CHECKING:
    from briefing_reader.core.content import Library
    from briefing_reader.core.notes.store import NotesStore

SUFFIX = ".jsonld"
#: A file name that starts with an author's uuid: theirs or a copy of theirs.
_AUTHOR = re.compile(
    r"^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(.*)$", re.IGNORECASE
)


@dataclass
class SyncReport:
    """What one round did."""

    folder: str
    published: str | None = None
    offline: Message | None = None
    authors: int = 0
    files_read: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[Message] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "published": self.published,
            "offline": None if self.offline is None else str(self.offline),
            "authors": self.authors,
            "files_read": self.files_read,
            "added": self.added,
            "updated": self.updated,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "skipped": [str(reason) for reason in self.skipped],
        }

    def message(self) -> Message:
        """What the round did (``str()`` of it is English)."""
        if self.offline:
            return message("team.offline", folder=self.folder, problem=self.offline)
        return message(
            "team.synced",
            folder=self.folder,
            published=self.published or "",
            files=self.files_read,
            authors=self.authors,
            added=self.added,
            updated=self.updated,
            removed=self.removed,
            unchanged=self.unchanged,
            skipped=message("team.files_skipped", count=len(self.skipped)) if self.skipped else "",
        )

    def add(self, report: ImportReport) -> None:
        self.added += report.added
        self.updated += report.updated
        self.unchanged += report.unchanged + report.kept_mine


def own_file_name(store: NotesStore) -> str:
    """My file in the team folder: my creator uuid and ``.jsonld``."""
    return store.creator_id().removeprefix("urn:uuid:") + SUFFIX


def author_of(path: Path) -> str | None:
    """The author uuid a file, or a copy a sync engine made of it, belongs to.

    ``<uuid>.jsonld`` is the author's own file; any other name that starts
    with the uuid and holds ``.jsonld`` is a copy: "(conflicted copy ...)"
    (Nextcloud, Dropbox), "-conflict-..." (Syncthing, OneDrive), "-PC-NAME"
    (OneDrive), "..path1" (rclone bisync). Hidden and temporary files are None.
    """
    name = path.name
    if name.startswith((".", "~")) or name.lower().endswith((".tmp", ".part")):
        return None
    matched = _AUTHOR.match(name)
    if matched is None or SUFFIX not in matched.group(2).lower():
        return None
    return matched.group(1).lower()


def publish(store: NotesStore, folder: Path) -> Path:
    """Write my notes to my file in ``folder``, atomically, when they changed.

    The file is left alone when it already holds the same notes, so a sync
    engine has nothing to upload.

    Raises:
        ExchangeError: the file cannot be written.
    """
    path = folder / own_file_name(store)
    collection = export_jsonld(store, mine_only=True)
    if _same_notes(path, collection):
        return path
    parts = split_collection(collection, json_bounds.MAX_IMPORT_BYTES)
    if len(parts) > 1:
        raise ExchangeError(message("notes.too_many_to_share"), path)
    atomic_write(path, parts[0])
    return path


def _same_notes(path: Path, collection: dict[str, Any]) -> bool:
    try:
        held = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return False
    items = collection.get("first", {}).get("items", [])
    return (
        isinstance(held, dict)
        and held.get("total") == len(items)
        and (held.get("first", {}) if isinstance(held.get("first"), dict) else {}).get("items", [])
        == items
    )


def _newest(incoming: list[Incoming]) -> list[Incoming]:
    """One per id: the copy with the newest ``modified``."""
    chosen: dict[str, Incoming] = {}
    for item in incoming:
        held = chosen.get(item.id)
        if held is None or parse_time(item.modified) > parse_time(held.modified):
            chosen[item.id] = item
    return list(chosen.values())


def _files(folder: Path) -> dict[str, list[Path]]:
    by_author: dict[str, list[Path]] = {}
    for path in sorted(folder.iterdir()):
        author = author_of(path)
        if author is not None and path.is_file():
            by_author.setdefault(author, []).append(path)
    return by_author


def _read_author(
    paths: list[Path], label: str, library: Library | None, report: SyncReport
) -> list[Incoming] | None:
    """Every copy of one author's file; None when one is not whole yet."""
    found: list[Incoming] = []
    for path in paths:
        try:
            found += read_jsonld(path, library, label=label)
        except ExchangeError as exc:
            report.skipped.append(message("team.file_skipped", name=path.name, reason=exc.message))
            return None
        report.files_read += 1
    return _newest(found)


def sync(store: NotesStore, folder: Path | str, library: Library | None = None) -> SyncReport:
    """Publish my notes to ``folder`` and read everyone else's (one round).

    Raises:
        NotesError: the notes store could not be written (nothing changed).
    """
    folder = Path(folder)
    report = SyncReport(str(folder))
    if not folder.is_dir():
        report.offline = message("team.no_folder")
        return report
    try:
        report.published = str(publish(store, folder))
        by_author = _files(folder)
    except (ExchangeError, OSError) as exc:
        report.offline = exc.message if isinstance(exc, ExchangeError) else plain(str(exc))
        return report
    mine = own_file_name(store)[: -len(SUFFIX)]
    for author, paths in by_author.items():
        label = author + SUFFIX
        if author == mine:
            copies = [p for p in paths if p.name != label]
            incoming = _read_author(copies, label, library, report) if copies else None
            if incoming:
                report.add(store.merge_notes(incoming, as_mine=True))
            continue
        report.authors += 1
        incoming = _read_author(paths, label, library, report)
        if incoming is None:
            continue  # not whole yet: this author's notes stay as they are
        report.add(store.merge_notes(incoming))
        report.removed += store.remove_imported(label, {item.id for item in incoming})
    return report


__all__ = ["NotesError", "SyncReport", "author_of", "own_file_name", "publish", "sync"]
