"""The table-of-contents tree: documents > pillars > sections > themes > actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from briefing_reader.core.content import Document, Library, OutlineNode
from briefing_reader.ui import style

DOC_ROLE = Qt.ItemDataRole.UserRole
ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2

ACTION_MARK = "▶ "


class OutlineTree(QTreeWidget):
    """A tree of every document's outline.

    Signals:
        node_activated(str, str): the user chose a node (document id, anchor;
            the anchor is '' for a document itself).
        remove_requested(str): the user asked to remove an imported document.
    """

    node_activated = Signal(str, str)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setAccessibleName(self.tr("Table of contents"))
        self._items: dict[tuple[str, str], QTreeWidgetItem] = {}
        self.itemActivated.connect(self._emit)
        self.itemClicked.connect(self._emit)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self._removable: set[str] = set()

    def set_library(self, library: Library) -> None:
        self.clear()
        self._items.clear()
        self._removable.clear()
        mine: QTreeWidgetItem | None = None
        for doc in library:
            parent = None
            if not doc.bundled:  # the user's imports and hand-outs: "Mijn documenten"
                if mine is None:
                    mine = QTreeWidgetItem([self.tr("My documents")])
                    font = QFont(mine.font(0))
                    font.setItalic(True)
                    mine.setFont(0, font)
                parent = mine
            top = self._add(parent, doc, doc.outline)
            top.setExpanded(doc.meta.official and parent is None)
        if mine is not None:
            self.addTopLevelItem(mine)
            mine.setExpanded(True)

    def _add(self, parent: QTreeWidgetItem | None, doc: Document,
             node: OutlineNode) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self if parent is None else parent)
        anchor = "" if node.kind == "document" else node.id
        if node.kind == "document" and not doc.bundled:
            self._removable.add(doc.id)
        item.setData(0, DOC_ROLE, doc.id)
        item.setData(0, ANCHOR_ROLE, anchor)
        item.setData(0, KIND_ROLE, node.kind)
        self._decorate(item, doc, node)
        self._items[(doc.id, anchor)] = item
        for child in node.children:
            self._add(item, doc, child)
        if node.kind in ("pillar", "section") and node.level <= 1:
            item.setExpanded(True)
        return item

    def _decorate(self, item: QTreeWidgetItem, doc: Document, node: OutlineNode) -> None:
        title = node.title
        tip = doc.section_path(node) if node.kind != "document" else doc.title
        if node.title not in tip:  # a long title is cut in the tree: whole in the tooltip
            tip = f"{node.title}\n{tip}"
        if node.kind in ("action", "subaction"):
            kind_name = self.tr("Action") if node.kind == "action" else self.tr("Sub-action")
            title = ACTION_MARK + title if node.kind == "action" else "• " + title
            tip = f"{kind_name}: {tip}"
            item.setForeground(0, QBrush(QColor(style.colours(style.is_dark())["action"])))
        if node.kind == "document":
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
            if not doc.meta.official:
                tip += "\n" + self.tr("Compiled by Briefing Reader, not official text")
        item.setText(0, title)
        item.setToolTip(0, tip)

    def restyle(self) -> None:
        """The theme changed: actions in its colour."""
        colour = QBrush(QColor(style.colours(style.is_dark())["action"]))
        for item in self._items.values():
            if item.data(0, KIND_ROLE) in ("action", "subaction"):
                item.setForeground(0, colour)

    def set_badges(self, doc_id: str, badges: dict[str, str]) -> None:
        """Mark annotated actions of ``doc_id``: '✎' and the stance after the title."""
        for (item_doc, anchor), item in self._items.items():
            if item_doc != doc_id or item.data(0, KIND_ROLE) not in ("action", "subaction"):
                continue
            base = item.text(0).split("  ✎", 1)[0]
            badge = badges.get(anchor)
            item.setText(0, f"{base}  ✎ {badge}".rstrip() if badge is not None else base)

    def _context_menu(self, point) -> None:  # type: ignore[no-untyped-def]
        item = self.itemAt(point)
        if item is None or item.data(0, KIND_ROLE) != "document":
            return
        doc_id = item.data(0, DOC_ROLE)
        if doc_id not in self._removable:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Remove from the library…"),
                       lambda: self.remove_requested.emit(doc_id))
        menu.exec(self.viewport().mapToGlobal(point))
        menu.deleteLater()

    def _emit(self, item: QTreeWidgetItem) -> None:
        if item.data(0, DOC_ROLE) is None:
            return  # a group heading
        self.node_activated.emit(item.data(0, DOC_ROLE), item.data(0, ANCHOR_ROLE))

    def select_node(self, doc_id: str, anchor: str) -> None:
        """Highlight a node without emitting node_activated."""
        item = self._items.get((doc_id, anchor)) or self._items.get((doc_id, ""))
        if item is None or item is self.currentItem():
            return
        blocked = self.blockSignals(True)
        self.setCurrentItem(item)
        self.scrollToItem(item)
        self.blockSignals(blocked)
