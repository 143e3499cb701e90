"""The library catalogue: every document's metadata and outline in SQLite.

Start-up, the contents pane, ``docs``, ``toc``, citations and search read
this, never a parsed document. It is kept current by :func:`Catalogue.sync`:
one ``stat`` per file; a file whose size or modification time changed is
loaded again (from the parsed-document cache when its bytes are known, so
the content hash decides whether anything really changed); a file that is
gone loses its row. So documents changed or removed behind the app's back
are noticed at the next start, and an import, a replacement or a removal
is picked up by the sync that follows it.

The catalogue lives in the cache folder: it can always be rebuilt from the
files. A damaged catalogue is deleted and rebuilt; one that cannot be
written is kept in memory for the run. Rows are committed in batches, so
a run killed while cataloguing thousands of new files keeps what it did.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing_reader.core.content.errors import ContentError
from briefing_reader.core.content.library import content_digest
from briefing_reader.core.content.model import ACTION_KINDS, Document, Meta, OutlineNode
from briefing_reader.core.messages import dumps, loads

SCHEMA = 3
"""2: the outline's node ids indexed and the references between letters
(``cites``) stored, so "cited by" and "which letter holds this action" parse
nothing. 3: the keys a document answers to (``identities``: 'kst|32824|456')
stored, so a reference finds the letter it cites with one look-up instead of
reading every row. A version-1 catalogue keeps its rows (the window paints
from them) and has every file loaded again by the next sync (the window's
runs after its first paint); a version-2 one gets its identities from the
front matter it holds; another version is dropped and rebuilt from the
files."""
BATCH = 200
"""Rows written per transaction while syncing."""

_TABLES = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, rank INTEGER NOT NULL, bundled INTEGER NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, parser TEXT NOT NULL,
    source_hash TEXT, doc_id TEXT, kind TEXT, title TEXT, official INTEGER,
    date TEXT, version INTEGER, dossier_number TEXT, dossier_title TEXT,
    volgnummer INTEGER, document_number TEXT, meta TEXT,
    error TEXT, error_line INTEGER);
CREATE TABLE IF NOT EXISTS outline (
    path TEXT NOT NULL, ord INTEGER NOT NULL, node_id TEXT NOT NULL, title TEXT NOT NULL,
    kind TEXT NOT NULL, level INTEGER NOT NULL, first INTEGER NOT NULL, stop INTEGER NOT NULL,
    line INTEGER, parent INTEGER, PRIMARY KEY (path, ord)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS files_by_doc ON files (doc_id);
CREATE INDEX IF NOT EXISTS files_bundled ON files (bundled) WHERE bundled = 1;
CREATE INDEX IF NOT EXISTS files_failed ON files (rank, path) WHERE error IS NOT NULL;
CREATE INDEX IF NOT EXISTS outline_node ON outline (node_id);
CREATE TABLE IF NOT EXISTS cites (
    path TEXT NOT NULL, key TEXT NOT NULL, anchor TEXT, text TEXT NOT NULL,
    offset INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS cites_key ON cites (key);
CREATE INDEX IF NOT EXISTS cites_path ON cites (path);
CREATE TABLE IF NOT EXISTS identities (path TEXT NOT NULL, key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS identities_key ON identities (key);
CREATE INDEX IF NOT EXISTS identities_path ON identities (path);
"""
_BY_PATH = ("outline", "cites", "identities")
"""Tables of rows per file besides ``files``."""
_ACTION_KINDS = tuple(sorted(str(kind) for kind in ACTION_KINDS))
"""The outline kinds of actions, as SQL parameters."""
_DIGEST = "digest"
"""``state`` key of :func:`.library.content_digest` of the catalogued documents."""

Loader = Callable[[Path, bool], Document]
"""Loads (parses, or reads from the parsed-document cache) one file."""


@dataclass(slots=True)
class Entry:
    """One document as the catalogue knows it (no blocks, no outline)."""

    id: str
    kind: str
    title: str
    official: bool
    date: dt.date | None
    version: int | None
    dossier_number: str | None
    dossier_title: str | None
    volgnummer: int | None
    document_number: str | None
    file: str
    bundled: bool
    source_hash: str
    rank: int = 0

    @property
    def path(self) -> Path:
        """The document's file (a string in memory: 10,000 ``Path`` objects
        cost more than the rest of the entries at start)."""
        return Path(self.file)


@dataclass(frozen=True)
class SyncReport:
    """What :meth:`Catalogue.sync` found: file paths added, changed, removed."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)


class Catalogue:
    """The SQLite catalogue at ``path`` (None: in memory only)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.conn = _connect(path)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    # -- keeping it current ------------------------------------------------

    def sync(
        self,
        folders: Iterable[tuple[Path, bool]],
        load: Loader,
        parser: str,
        trusted: Iterable[Path] = (),
    ) -> SyncReport:
        """Bring the rows in line with the ``*.md`` files of ``folders``.

        Args:
            folders: (folder, bundled) pairs in load order.
            load: loads a file that is new or changed.
            parser: the parser's fingerprint; rows of another parser are
                loaded again (their outline may differ).
            trusted: folders whose files are not looked at one by one when
                the folder itself is as the last sync saw it (same
                modification time, rank and parser): a file added, removed
                or renamed into place changes the folder's time, a file
                rewritten in place does not (the next full sync sees it).
        """
        folders = list(folders)
        marks = {
            str(folder): _folder_mark(folder, rank, bundled, parser)
            for rank, (folder, bundled) in enumerate(folders)
        }
        trusted_keys = {str(folder) for folder in trusted}
        skip = (
            {
                key
                for key in trusted_keys
                if marks[key] is not None and self._state(f"folder:{key}") == marks[key]
            }
            if trusted_keys
            else set()
        )
        if skip and len(skip) == len(folders) and self._state(_DIGEST) is not None:
            return SyncReport()  # nothing to look at: not even the rows are read
        known = {
            row[0]: row[1:]
            for row in self.conn.execute(
                "SELECT path, rank, bundled, size, mtime_ns, parser, source_hash FROM files"
            )
        }
        seen: set[str] = {path for path in known if _folder_of(path) in skip}
        todo: list[tuple[Path, int, bool, os.stat_result]] = []
        for rank, (folder, bundled) in enumerate(folders):
            if str(folder) in skip:
                continue
            for key, stat in _markdown_files(folder):
                seen.add(key)
                row = known.get(key)
                if row is None or row[:5] != (
                    rank,
                    int(bundled),
                    stat.st_size,
                    stat.st_mtime_ns,
                    parser,
                ):
                    todo.append((Path(key), rank, bundled, stat))
        removed = tuple(sorted(set(known) - seen))
        added: list[str] = []
        changed: list[str] = []
        for start in range(0, max(len(todo), 1), BATCH):
            with self._writing() as conn:
                if todo or removed:  # with the rows: a sync killed midway leaves none
                    conn.execute("DELETE FROM state WHERE key = ?", (_DIGEST,))
                if start == 0 and removed:
                    for table in ("files", *_BY_PATH):
                        conn.executemany(
                            f"DELETE FROM {table} WHERE path = ?", [(p,) for p in removed]
                        )
                for path, rank, bundled, stat in todo[start : start + BATCH]:
                    old = known.get(str(path))
                    same_parser = old is not None and old[4] == parser
                    new_hash = self._store(
                        conn,
                        path,
                        rank,
                        bundled,
                        stat,
                        load,
                        parser,
                        old[5] if old is not None and same_parser else None,
                    )
                    if old is None:
                        added.append(str(path))
                    elif new_hash != old[5]:
                        changed.append(str(path))
        report = SyncReport(tuple(added), tuple(changed), removed)
        self._remember(marks, report)
        return report

    def _remember(self, marks: dict[str, str | None], report: SyncReport) -> None:
        """Record each folder as this sync saw it, and the content digest
        when it may have changed."""
        with self._writing() as conn:
            conn.execute("DELETE FROM state WHERE key LIKE 'folder:%'")
            conn.executemany(
                "INSERT INTO state VALUES (?, ?)",
                [(f"folder:{key}", mark) for key, mark in marks.items() if mark is not None],
            )
            if report.any or self._state(_DIGEST) is None:
                conn.execute(
                    "INSERT OR REPLACE INTO state VALUES (?, ?)", (_DIGEST, self._digest_of_rows())
                )

    def _state(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _digest_of_rows(self) -> str:
        hashes: dict[str, str] = {}
        for doc_id, digest in self.conn.execute(
            "SELECT doc_id, source_hash FROM files WHERE error IS NULL ORDER BY rank, path"
        ):
            hashes[doc_id] = digest  # in load order: a later one wins
        return content_digest(hashes)

    def digest(self) -> str:
        """:func:`.library.content_digest` of the catalogued documents, as
        stored by the last sync (one row read, not one per document)."""
        return self._state(_DIGEST) or self._digest_of_rows()

    def _store(
        self,
        conn: sqlite3.Connection,
        path: Path,
        rank: int,
        bundled: bool,
        stat: os.stat_result,
        load: Loader,
        parser: str,
        old_hash: str | None,
    ) -> str | None:
        """Load one file and write its row (and outline); its new hash."""
        key = str(path)
        try:
            doc = load(path, bundled)
        except ContentError as exc:
            for table in _BY_PATH:
                conn.execute(f"DELETE FROM {table} WHERE path = ?", (key,))
            conn.execute(
                "INSERT OR REPLACE INTO files (path, rank, bundled, size, mtime_ns, parser, "
                "error, error_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    rank,
                    int(bundled),
                    stat.st_size,
                    stat.st_mtime_ns,
                    parser,
                    dumps(exc.message),  # words in the user's language later
                    exc.line,
                ),
            )
            return None
        meta = doc.meta
        conn.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?, ?, NULL, NULL)",
            (
                key,
                rank,
                int(bundled),
                stat.st_size,
                stat.st_mtime_ns,
                parser,
                doc.source_hash,
                doc.id,
                meta.kind,
                meta.title,
                int(meta.official),
                _iso(meta.date),
                meta.version,
                meta.dossier_number,
                meta.dossier_title,
                meta.volgnummer,
                meta.document_number,
                _meta_json(meta),
            ),
        )
        if doc.source_hash != old_hash or old_hash is None:
            conn.execute("DELETE FROM outline WHERE path = ?", (key,))
            conn.executemany(
                "INSERT INTO outline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _outline_rows(key, doc.outline),
            )
            conn.execute("DELETE FROM cites WHERE path = ?", (key,))
            conn.executemany("INSERT INTO cites VALUES (?, ?, ?, ?, ?)", _cite_rows(key, doc))
        conn.execute("DELETE FROM identities WHERE path = ?", (key,))
        conn.executemany("INSERT INTO identities VALUES (?, ?)", _identity_rows(key, meta))
        return doc.source_hash

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- reading -------------------------------------------------------------

    def entries(self) -> list[Entry]:
        """Every document that loaded, in load order (later ranks win by id)."""
        rows = self.conn.execute(f"{_ENTRY_SELECT} WHERE error IS NULL ORDER BY rank, path")
        return _entries_of(rows)

    def entry(self, doc_id: str) -> Entry | None:
        """The entry of one document (the last loaded of that id), without
        reading the others."""
        rows = self.conn.execute(
            f"{_ENTRY_SELECT} WHERE error IS NULL AND doc_id = ? ORDER BY rank DESC, path DESC"
            " LIMIT 1",
            (doc_id,),
        )
        found = _entries_of(rows)
        return found[0] if found else None

    def bundled_ids(self) -> list[str]:
        """Ids of the documents of the bundled folder (a handful)."""
        rows = self.conn.execute(
            "SELECT doc_id FROM files WHERE error IS NULL AND bundled = 1 ORDER BY rank, path"
        )
        return [row[0] for row in rows]

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None

    def errors(self) -> list[ContentError]:
        rows = self.conn.execute(
            "SELECT path, error, error_line FROM files WHERE error IS NOT NULL ORDER BY rank, path"
        )
        return [ContentError(Path(path), loads(reason), line) for path, reason, line in rows]

    def meta(self, path: Path | str) -> Meta | None:
        """The full front matter of the file at ``path``."""
        row = self.conn.execute("SELECT meta FROM files WHERE path = ?", (str(path),)).fetchone()
        return _meta_from_json(row[0]) if row and row[0] else None

    def outline(self, path: Path | str) -> OutlineNode | None:
        """The outline tree of the file at ``path`` (None when not catalogued)."""
        rows = self.conn.execute(
            "SELECT node_id, title, kind, level, first, stop, line, parent FROM outline "
            "WHERE path = ? ORDER BY ord",
            (str(path),),
        ).fetchall()
        nodes: list[OutlineNode] = []
        for node_id, title, kind, level, first, stop, line, parent in rows:
            up = nodes[parent] if parent is not None else None
            node = OutlineNode(node_id, title, kind, level, first, stop, line, parent=up)
            if up is not None:
                up.children.append(node)
            nodes.append(node)
        return nodes[0] if nodes else None

    def holding(self, node_id: str | None = None) -> list[str]:
        """Files whose outline has an action or sub-action (with id ``node_id``)."""
        marks = ",".join("?" * len(_ACTION_KINDS))
        sql = f"SELECT DISTINCT path FROM outline WHERE kind IN ({marks})"
        if node_id is None:
            return [r[0] for r in self.conn.execute(sql, _ACTION_KINDS)]
        sql += " AND node_id = ?"
        return [r[0] for r in self.conn.execute(sql, (*_ACTION_KINDS, node_id))]

    def identified(self, key: str) -> list[tuple[str, str]]:
        """(file, document id) of the documents answering to ``key`` (a
        :func:`.citing.key_text`), companions left out, in load order."""
        rows = self.conn.execute(
            "SELECT f.path, f.doc_id FROM identities i JOIN files f ON f.path = i.path "
            "WHERE i.key = ? AND f.error IS NULL AND f.kind IS NOT 'companion' "
            "ORDER BY f.rank, f.path",
            (key,),
        )
        return [(str(path), str(doc_id)) for path, doc_id in rows]

    def doc_id(self, path: str) -> str | None:
        """The id of the document in the file at ``path``."""
        row = self.conn.execute(
            "SELECT doc_id FROM files WHERE path = ? AND error IS NULL", (path,)
        ).fetchone()
        return str(row[0]) if row else None

    def citing(self, keys: Iterable[str]) -> list[tuple[str, str | None, str, int]]:
        """(file, anchor, text, offset) of every reference to one of ``keys``."""
        wanted = list(keys)
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        rows = self.conn.execute(
            f"SELECT path, anchor, text, offset FROM cites WHERE key IN ({marks}) "
            "ORDER BY path, offset",
            wanted,
        )
        return [(str(p), a, str(t), int(o)) for p, a, t, o in rows]


_ENTRY_SELECT = (
    "SELECT doc_id, kind, title, official, date, version, dossier_number, "
    "dossier_title, volgnummer, document_number, path, bundled, source_hash, rank FROM files"
)


def _entries_of(rows: Iterable[Any]) -> list[Entry]:
    """Entries of rows of :data:`_ENTRY_SELECT`."""
    return [
        Entry(
            r[0],
            r[1],
            r[2],
            bool(r[3]),
            _date(r[4]),
            r[5],
            r[6],
            r[7],
            r[8],
            r[9],
            r[10],
            bool(r[11]),
            r[12],
            r[13],
        )
        for r in rows
    ]


def entry_of(doc: Document) -> Entry:
    """The catalogue entry of a parsed document."""
    meta = doc.meta
    return Entry(
        doc.id,
        meta.kind,
        meta.title,
        meta.official,
        meta.date,
        meta.version,
        meta.dossier_number,
        meta.dossier_title,
        meta.volgnummer,
        meta.document_number,
        str(doc.path),
        doc.bundled,
        doc.source_hash,
    )


def _folder_mark(folder: Path, rank: int, bundled: bool, parser: str) -> str | None:
    """How a folder looks without listing it (None: it cannot be read)."""
    try:
        mtime = os.stat(folder).st_mtime_ns
    except OSError:
        return None
    return f"{rank} {int(bundled)} {mtime} {parser}"


def _folder_of(path: str) -> str:
    return os.path.dirname(path)


def _markdown_files(folder: Path) -> Iterator[tuple[str, os.stat_result]]:
    """(path, stat) of every ``*.md`` file in ``folder``, by name."""
    try:
        with os.scandir(folder) as found:
            items = sorted((e for e in found if e.name.endswith(".md")), key=lambda e: e.name)
    except OSError:
        return
    for item in items:
        with contextlib.suppress(OSError):
            if item.is_file():
                yield item.path, item.stat()


def _outline_rows(key: str, root: OutlineNode) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    index: dict[int, int] = {}
    for node in root.walk():
        index[id(node)] = len(rows)
        parent = index.get(id(node.parent)) if node.parent is not None else None
        rows.append(
            (
                key,
                len(rows),
                node.id,
                node.title,
                node.kind,
                node.level,
                node.first,
                node.stop,
                node.line,
                parent,
            )
        )
    return rows


def _cite_rows(key: str, doc: Document) -> list[tuple[Any, ...]]:
    from briefing_reader.core.content.citing import document_references, key_text

    return [
        (key, key_text(f.ref.key), f.anchor, f.ref.text, f.offset) for f in document_references(doc)
    ]


def _identity_rows(key: str, meta: Meta) -> list[tuple[str, str]]:
    from briefing_reader.core.content.citing import identity_keys, key_text

    return [(key, key_text(k)) for k in sorted(identity_keys(meta))]


def _connect(path: Path | None) -> sqlite3.Connection:
    """The catalogue's connection; a damaged file is replaced, an unwritable one
    becomes a catalogue in memory."""
    if path is not None:
        for _attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(path, isolation_level=None, timeout=10)
                _prepare(conn)
                return conn
            except (sqlite3.Error, OSError):
                with contextlib.suppress(OSError, UnboundLocalError):
                    conn.close()
                for suffix in ("", "-wal", "-shm", "-journal"):
                    with contextlib.suppress(OSError):
                        Path(f"{path}{suffix}").unlink()
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _prepare(conn)
    return conn


def _prepare(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")  # a cache: a lost last commit is re-synced
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == 1:  # rows kept; no parser matches '', so each is loaded again
        conn.executescript(_TABLES)
        conn.execute("UPDATE files SET parser = ''")
    elif version == 2:  # rows kept; the identities come from the front matter held
        conn.executescript(_TABLES)
        _fill_identities(conn)
    elif version not in (0, SCHEMA):
        conn.executescript("".join(f"DROP TABLE IF EXISTS {t};" for t in ("files", *_BY_PATH)))
    conn.executescript(_TABLES)
    conn.execute(f"PRAGMA user_version = {SCHEMA}")
    conn.execute("SELECT count(*) FROM files").fetchone()  # fails on a damaged file


def _fill_identities(conn: sqlite3.Connection) -> None:
    """The identities of every catalogued file, from its stored front matter
    (no file is read: 10,000 letters take a fraction of a second, once). A
    row whose front matter cannot be read (a damaged catalogue) is loaded
    from its file again by the next sync, which writes its identities."""
    rows = conn.execute("SELECT path, meta FROM files WHERE error IS NULL AND meta IS NOT NULL")
    new: list[tuple[str, str]] = []
    unreadable: list[tuple[str]] = []
    for path, meta in rows.fetchall():
        try:
            new += _identity_rows(path, _meta_from_json(meta))
        except (ValueError, TypeError, KeyError, AttributeError):
            unreadable.append((path,))
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DELETE FROM identities")
    conn.executemany("INSERT INTO identities VALUES (?, ?)", new)
    conn.executemany("UPDATE files SET parser = '' WHERE path = ?", unreadable)
    conn.execute("COMMIT")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _meta_json(meta: Meta) -> str:
    data = {name: getattr(meta, name) for name in Meta.__dataclass_fields__}
    return json.dumps(data, ensure_ascii=False, default=_jsonable)


def _jsonable(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _meta_from_json(text: str) -> Meta:
    data = json.loads(text)
    for key in ("date", "updated"):
        data[key] = _date(data[key])
    data["missing_footnotes"] = tuple(data["missing_footnotes"])
    return Meta(**data)
