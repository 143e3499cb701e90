"""The contents pane's model: the library's documents and their outlines.

Model/view, so a library of thousands of letters costs one small Python
object per document and no widget item at all: the view asks for the rows
it shows. Layout:

- recently opened imported documents ("Recently opened"), on top;
- the bundled documents, each with its outline;
- "My documents": the user's imports grouped by dossier (number and title),
  each group's documents newest first (then by number); documents without a
  dossier directly under it.

Every row comes from the library's catalogue; a document's outline is read
(from the catalogue, never by parsing) when the document is expanded or
selected. A filter (title, number, date, dossier) rebuilds the groups from
the catalogue entries in a few milliseconds.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont

from briefing_reader.core.content import Library, OutlineNode
from briefing_reader.core.content.catalogue import Entry
from briefing_reader.core.content.model import ACTION_KINDS, OutlineKind
from briefing_reader.ui import style

Index = QModelIndex | QPersistentModelIndex  # what Qt's views pass to a model
DOC_ROLE = Qt.ItemDataRole.UserRole
ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2

ACTION_MARK = "▶ "
GROUP = "group"

Badges = Callable[[str], dict[str, str]]
WARM_STEP = 400
"""Entries made ready for the filter per idle step."""


def _translate(text: str) -> str:
    """Strings of this model live in the tree's context (collected by lupdate
    from ``toc.py``'s ``OutlineTree.strings``)."""
    return QCoreApplication.translate("OutlineTree", text)


class Node:
    """One row: a group, a dossier, a document or an outline node."""

    __slots__ = (
        "anchor",
        "children",
        "doc_id",
        "entry",
        "kind",
        "level",
        "members",
        "outline",
        "parent",
        "row",
        "tip",
        "title",
    )

    def __init__(
        self,
        kind: str,
        title: str,
        parent: Node | None,
        *,
        doc_id: str = "",
        anchor: str = "",
        entry: Entry | None = None,
        tip: str = "",
        level: int = 0,
    ) -> None:
        self.kind = kind
        self.title = title
        self.parent = parent
        self.doc_id = doc_id
        self.anchor = anchor
        self.entry = entry
        self.tip = tip
        self.level = level
        self.outline: OutlineNode | None = None
        self.members: list[Entry] = []  # a dossier's documents, made rows on expand
        # None: a document whose outline, or a dossier whose rows, are not made yet.
        self.children: list[Node] | None = [] if kind not in ("document", "dossier") else None
        self.row = 0

    def adopt(self, children: list[Node]) -> None:
        for row, child in enumerate(children):
            child.row = row
        self.children = children


class ContentsModel(QAbstractItemModel):
    """The tree of :mod:`contents_model` (see the module docstring)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.root = Node(GROUP, "", None)
        self.badges: dict[str, dict[str, str]] = {}
        self.badge_source: Badges | None = None
        self.recent: list[str] = []
        self.filter_text = ""
        self.imported_count = 0
        self._documents: dict[str, Node] = {}  # the main row of each document made
        self._dossier_of: dict[str, Node] = {}  # documents not made yet: their dossier
        self._haystacks: dict[str, tuple[str, frozenset[str]]] = {}  # what the filter reads
        self._warming: Iterator[Entry] = iter(())
        self._partial = False

    # -- building --------------------------------------------------------------

    def set_library(self, library: Library, recent: Iterable[str] = ()) -> None:
        self.library = library
        self.recent = list(recent)
        self._haystacks = {}
        self.rebuild()
        if self.partial:  # the first paint: the rest comes with the whole library
            return
        self._warming = iter(library.entries())
        QTimer.singleShot(0, self, self._warm_filter)

    @property
    def partial(self) -> bool:
        """Only the bundled documents are shown: the rows were made before the
        library's entries were all read (the window's first paint). Kept with
        the rows, not asked of the library: the entries read since do not
        show until the rows are made again."""
        return self._partial

    def _warm_filter(self) -> None:
        """Make what the filter reads in small steps while the window is idle,
        so the first letter typed does not wait for 10,000 of them."""
        batch = list(itertools.islice(self._warming, WARM_STEP))
        for entry in batch:
            if entry.id not in self._haystacks:
                self._haystacks[entry.id] = _haystack(entry)
        if len(batch) == WARM_STEP:
            QTimer.singleShot(0, self, self._warm_filter)

    def is_removable(self, doc_id: str) -> bool:
        """An import (the bundled documents stay)."""
        entry = self.library.entry(doc_id) if self.library is not None else None
        return entry is not None and not entry.bundled

    def set_filter(self, text: str) -> bool:
        """Show the documents matching ``text``; False when it filters as now."""
        wanted = " ".join(text.lower().split())
        if wanted == self.filter_text:
            return False
        self.filter_text = wanted
        self.rebuild()
        return True

    def rebuild(self) -> None:
        self.beginResetModel()
        self.root = Node(GROUP, "", None)
        self._documents = {}
        self._dossier_of = {}
        self._partial = self.library is not None and not getattr(self.library, "entries_read", True)
        if self.library is not None:
            entries = self.library.first_entries() if self._partial else self.library.entries()
            self.root.adopt(self._top_rows(entries))
        self.endResetModel()

    def _top_rows(self, entries: list[Entry]) -> list[Node]:
        if self.filter_text:
            wanted = _matcher(self.filter_text, self._haystacks)
            shown = [e for e in entries if wanted(e)]
        else:
            shown = entries
        rows: list[Node] = []
        assert self.library is not None
        recent = [e for d in self.recent if (e := self.library.entry(d)) and not e.bundled]
        if recent and not self.filter_text:
            group = Node(GROUP, _translate("Recently opened"), self.root)
            group.adopt([self._document(group, e, main=False) for e in recent[:8]])
            rows.append(group)
        rows += [self._document(self.root, e) for e in shown if e.bundled]
        mine = [e for e in shown if not e.bundled]
        self.imported_count = len(mine) if not self.filter_text else self.imported_count
        if mine:
            group = Node(GROUP, _translate("My documents"), self.root)
            group.adopt(self._dossiers(group, mine))
            rows.append(group)
        return rows

    def _dossiers(self, group: Node, entries: list[Entry]) -> list[Node]:
        dossiers: dict[str, list[Entry]] = {}
        loose: list[Entry] = []
        for entry in entries:
            if entry.dossier_number:
                dossiers.setdefault(entry.dossier_number, []).append(entry)
            else:
                loose.append(entry)
        rows: list[Node] = []
        for number in sorted(dossiers, key=_number_key):
            members = dossiers[number]  # sorted when the dossier is opened
            title = next((e.dossier_title for e in members if e.dossier_title), "")
            tip = _translate("Dossier %s: %d documents") % (number, len(members))
            node = Node("dossier", f"{number} {title}".strip(), group, tip=tip)
            node.members = members
            for entry in members:
                self._dossier_of[entry.id] = node
            rows.append(node)
        rows += [self._document(group, e) for e in sorted(loose, key=_newest_first)]
        return rows

    def _document(self, parent: Node, entry: Entry, *, main: bool = True) -> Node:
        node = Node("document", entry.title, parent, doc_id=entry.id, entry=entry)
        if main:
            self._documents[entry.id] = node
        else:
            node.children = []  # a shortcut row: its outline is under its main row
        return node

    def load_members(self, node: Node) -> None:
        """Make the rows of a dossier's documents (when it is expanded)."""
        if node.kind != "dossier" or node.children is not None:
            return
        node.members.sort(key=_newest_first)
        rows = [self._document(node, entry) for entry in node.members]
        if rows:
            self.beginInsertRows(self.index_of_node(node), 0, len(rows) - 1)
            node.adopt(rows)
            self.endInsertRows()
        else:
            node.children = []

    # -- outlines, read when wanted -------------------------------------------------

    def load_outline(self, node: Node) -> None:
        """Read a document's outline from the catalogue into rows."""
        if node.kind != "document" or node.children is not None or self.library is None:
            return
        outline = self.library.outline(node.doc_id)
        children = []
        if outline is not None:
            node.outline = outline
            children = [self._outline_node(node, child, node.doc_id) for child in outline.children]
        if self.badge_source is not None and node.doc_id not in self.badges:
            self.badges[node.doc_id] = self.badge_source(node.doc_id)
        if children:
            self.beginInsertRows(self.index_of_node(node), 0, len(children) - 1)
            node.adopt(children)
            self.endInsertRows()
        else:
            node.children = []

    def _outline_node(self, parent: Node, item: OutlineNode, doc_id: str) -> Node:
        node = Node(
            item.kind,
            item.title,
            parent,
            doc_id=doc_id,
            anchor=item.id,
            tip=_section_path(item),
            level=item.level,
        )
        node.adopt([self._outline_node(node, child, doc_id) for child in item.children])
        return node

    def document_node(self, doc_id: str) -> Node | None:
        return self._documents.get(doc_id)

    def find(self, doc_id: str, anchor: str) -> Node | None:
        """The row of a place (reading the document's outline if needed)."""
        dossier = self._dossier_of.get(doc_id)
        if doc_id not in self._documents and dossier is not None:
            self.load_members(dossier)
        node = self._documents.get(doc_id)
        if node is None or not anchor:
            return node
        self.load_outline(node)
        stack = list(node.children or [])
        while stack:
            item = stack.pop()
            if item.anchor == anchor:
                return item
            stack.extend(item.children or [])
        return None

    def loaded_documents(self) -> list[str]:
        return [d for d, node in self._documents.items() if node.children is not None]

    def set_badges(self, doc_id: str, badges: dict[str, str]) -> None:
        self.badges[doc_id] = badges
        node = self._documents.get(doc_id)
        if node is not None and node.children:
            first = self.index(0, 0, self.index_of_node(node))
            last = self.index(len(node.children) - 1, 0, self.index_of_node(node))
            self.dataChanged.emit(first, last, [Qt.ItemDataRole.DisplayRole])
            for child in node.children:  # sub-actions sit deeper
                self._changed_below(child)

    def _changed_below(self, node: Node) -> None:
        if node.children:
            parent = self.index_of_node(node)
            self.dataChanged.emit(
                self.index(0, 0, parent),
                self.index(len(node.children) - 1, 0, parent),
                [Qt.ItemDataRole.DisplayRole],
            )
            for child in node.children:
                self._changed_below(child)

    # -- QAbstractItemModel --------------------------------------------------------

    def node(self, index: Index) -> Node:
        return index.internalPointer() if index.isValid() else self.root

    def index_of_node(self, node: Node) -> QModelIndex:
        if node is self.root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self.node(parent).children or []
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    # The stubs merge QObject.parent() (no argument) into this overload set,
    # so any override of the model's parent(index) is "incompatible".
    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = self.node(index).parent
        return QModelIndex() if up is None or up is self.root else self.index_of_node(up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        return len(self.node(parent).children or [])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        node = self.node(parent)
        if node.children is None:
            return True  # a document not opened yet: its outline is read on expand
        return bool(node.children)

    def canFetchMore(self, parent: Index) -> bool:
        return parent.isValid() and self.node(parent).children is None

    def fetchMore(self, parent: Index) -> None:
        node = self.node(parent)
        if node.kind == "dossier":
            self.load_members(node)
        else:
            self.load_outline(node)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(node)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(node)
        if role == DOC_ROLE:
            return node.doc_id or None
        if role == ANCHOR_ROLE:
            return node.anchor
        if role == KIND_ROLE:
            return node.kind
        if role == Qt.ItemDataRole.FontRole and node.kind in ("document", GROUP, "dossier"):
            font = QFont()
            # Bold for the few bundled letters; thousands of bold rows read as none.
            font.setBold(node.kind == "document" and node.parent is self.root)
            font.setItalic(node.kind in (GROUP, "dossier"))
            return font
        if role == Qt.ItemDataRole.ForegroundRole and node.kind in ACTION_KINDS:
            return QBrush(QColor(style.colours(style.is_dark())["action"]))  # the theme's
        return None

    def _text(self, node: Node) -> str:
        if node.kind == OutlineKind.ACTION:
            title = ACTION_MARK + node.title
        elif node.kind == OutlineKind.SUBACTION:
            title = "• " + node.title
        elif (
            node.kind == "document"
            and node.parent is not None
            and node.parent.kind == "dossier"
            and node.entry
            and node.entry.date
        ):
            date = node.entry.date  # a dossier's letters are listed by date: show it
            return f"{date.day:02d}-{date.month:02d}-{date.year}  {node.title}"
        else:
            return node.title
        badge = self.badges.get(node.doc_id, {}).get(node.anchor)
        return f"{title}  ✎ {badge}".rstrip() if badge is not None else title

    def _tip(self, node: Node) -> str:
        if node.entry is not None:
            return _document_tip(node.entry)
        tip = node.tip
        if node.title not in tip:  # a long title is cut in the tree: whole in the tooltip
            tip = f"{node.title}\n{tip}"
        if node.kind == OutlineKind.ACTION:
            return _translate("Action") + f": {tip}"
        if node.kind == OutlineKind.SUBACTION:
            return _translate("Sub-action") + f": {tip}"
        return tip


def _document_tip(entry: Entry) -> str:
    tip = entry.title
    if entry.date:
        tip += f"\n{entry.date.isoformat()}"
    if entry.volgnummer is not None and entry.dossier_number:
        tip += f" · {entry.dossier_number}, nr. {entry.volgnummer}"
    if not entry.official and entry.kind == "companion":
        tip += "\n" + _translate("Compiled by Briefing Reader, not official text")
    elif not entry.official:
        tip += "\n" + _translate("Not a parliamentary document (no Kamerstuk number)")
    return tip


def _matcher(text: str, cache: dict[str, tuple[str, frozenset[str]]]) -> Callable[[Entry], bool]:
    """Every word of ``text`` in the entry's title, numbers, date or dossier:
    a number as a whole number ('107' is not in '1107'), other words anywhere
    in a word ('inburger' in 'Inburgering'). ``cache`` keeps what each
    entry offers, so typing in the filter does not build it again."""
    words = text.split()
    numbers = frozenset(w for w in words if w.isdigit())
    others = [w for w in words if not w.isdigit()]

    def matches(entry: Entry) -> bool:
        found = cache.get(entry.id)
        if found is None:
            found = cache[entry.id] = _haystack(entry)
        hay, tokens = found
        return numbers <= tokens and all(word in hay for word in others)

    return matches


def _haystack(entry: Entry) -> tuple[str, frozenset[str]]:
    date = entry.date
    dates = f"{date.isoformat()} {date.day:02d}-{date.month:02d}-{date.year}" if date else ""
    hay = " ".join(
        str(part)
        for part in (
            entry.title,
            entry.id,
            entry.dossier_number,
            entry.dossier_title,
            entry.volgnummer,
            entry.document_number,
            dates,
        )
        if part
    ).lower()
    return hay, frozenset(_NUMBER.findall(hay))


_NUMBER = re.compile(r"\d+")


def _number_key(number: str) -> tuple[int, str]:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 0, number)


def _newest_first(entry: Entry) -> tuple[int, int, str]:
    date = entry.date.toordinal() if entry.date else 0
    return (-date, -(entry.volgnummer or 0), entry.title)


def _section_path(node: OutlineNode) -> str:
    """'Pijler 2 > 2.4 Taaleis in de bijstand', as ``Document.section_path``."""
    titles: list[str] = []
    for item in node.path():
        if not titles or not titles[-1].endswith(item.title):
            titles.append(item.title)
    return " > ".join(_short(t) for t in titles)


def _short(title: str) -> str:
    words = title.split()
    if len(words) > 2 and words[0] == "Pijler" and words[1].isdigit():
        return " ".join(words[:2])
    return title
