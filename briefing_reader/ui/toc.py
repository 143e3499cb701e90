"""The contents pane: a filter field over the tree of documents and outlines.

The tree is a view of :class:`~briefing_reader.ui.contents_model.ContentsModel`
(model/view: no widget item per node), so a library of 10,000 letters
scrolls and filters without a stall.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QMenu, QTreeView, QVBoxLayout, QWidget

from briefing_reader.core.content import Library
from briefing_reader.ui.contents_model import (
    ACTION_MARK,
    ANCHOR_ROLE,
    DOC_ROLE,
    KIND_ROLE,
    ContentsModel,
    Node,
)

__all__ = ["ACTION_MARK", "ANCHOR_ROLE", "DOC_ROLE", "KIND_ROLE", "ContentsPane", "OutlineTree"]

FILTER_DELAY_MS = 150
"""Typing pauses this long before the tree is filtered."""
EXPAND_GROUPS_UP_TO = 60
"""Dossier groups start expanded when the user has at most this many imports."""
EXPAND_FILTERED_UP_TO = 500
"""... and when a filter leaves at most this many."""


class OutlineTree(QTreeView):
    """The tree of documents and their outlines.

    Signals:
        node_activated(str, str): the user chose a node (document id, anchor;
            the anchor is '' for a document itself).
        remove_requested(str): the user asked to remove an imported document.
    """

    node_activated = Signal(str, str)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contents = ContentsModel(self)
        self.setModel(self.contents)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setAccessibleName(self.tr("Table of contents"))
        self.activated.connect(self._emit)
        self.clicked.connect(self._emit)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    def strings(self) -> list[str]:
        """The model's texts, here so lupdate collects them in this context."""
        return [
            self.tr("Recently opened"),
            self.tr("My documents"),
            self.tr("Dossier %s: %d documents"),
            self.tr("Action"),
            self.tr("Sub-action"),
            self.tr("Compiled by Briefing Reader, not official text"),
            self.tr("Not a parliamentary document (no Kamerstuk number)"),
        ]

    def set_library(self, library: Library, recent: Iterable[str] = ()) -> None:
        self.contents.set_library(library, recent)
        self._expand_defaults()

    def set_filter(self, text: str) -> None:
        if self.contents.set_filter(text):  # else the rows, opened and chosen, stay
            self._expand_defaults()
            self.scrollToTop()

    def _expand_defaults(self) -> None:
        """The bundled letters open with pillars and sections; a small or
        filtered set of imports opens its dossiers."""
        model = self.contents
        filtered = bool(model.filter_text)
        for row, top in enumerate(model.root.children or []):
            index = model.index(row, 0)
            if top.kind == "document":
                if top.entry is not None and top.entry.official and not filtered:
                    model.load_outline(top)
                    self.setExpanded(index, True)
                    self._expand_upper(top)
            elif top.kind == "group":
                self.setExpanded(index, True)
                groups = top.children or []
                shown = sum(len(node.members) for node in groups)
                limit = EXPAND_FILTERED_UP_TO if filtered else EXPAND_GROUPS_UP_TO
                if shown <= limit and (filtered or model.imported_count <= limit):
                    for node in groups:
                        if node.kind == "dossier":
                            self.setExpanded(model.index_of_node(node), True)

    def _expand_upper(self, node: Node) -> None:
        for child in node.children or []:
            if child.kind in ("pillar", "section") and child.level <= 1:
                self.setExpanded(self.contents.index_of_node(child), True)
                self._expand_upper(child)

    def restyle(self) -> None:
        """The theme changed: actions are drawn in its colour (the model asks the style)."""
        self.viewport().update()

    def set_badges(self, doc_id: str, badges: dict[str, str]) -> None:
        """Mark annotated actions of ``doc_id``: '✎' and the stance after the title."""
        self.contents.set_badges(doc_id, badges)

    def index_of(self, doc_id: str, anchor: str = "") -> QModelIndex:
        """The row of a place (its document's outline read if needed)."""
        node = self.contents.find(doc_id, anchor)
        return self.contents.index_of_node(node) if node is not None else QModelIndex()

    def text_of(self, doc_id: str, anchor: str = "") -> str:
        return str(self.index_of(doc_id, anchor).data() or "")

    def top_titles(self) -> list[str]:
        return [node.title for node in self.contents.root.children or []]

    def current_place(self) -> tuple[str, str] | None:
        index = self.currentIndex()
        if not index.isValid() or index.data(DOC_ROLE) is None:
            return None
        return index.data(DOC_ROLE), index.data(ANCHOR_ROLE)

    def _context_menu(self, point: QPoint) -> None:
        index = self.indexAt(point)
        if not index.isValid() or index.data(KIND_ROLE) != "document":
            return
        doc_id = index.data(DOC_ROLE)
        if not self.contents.is_removable(doc_id):
            return
        menu = QMenu(self)
        menu.addAction(
            self.tr("Remove from the library…"), lambda: self.remove_requested.emit(doc_id)
        )
        menu.exec(self.viewport().mapToGlobal(point))
        menu.deleteLater()

    def _emit(self, index: QModelIndex) -> None:
        if index.data(DOC_ROLE) is None:
            return  # a group or dossier heading
        self.node_activated.emit(index.data(DOC_ROLE), index.data(ANCHOR_ROLE))

    def select_node(self, doc_id: str, anchor: str) -> None:
        """Highlight a node without emitting node_activated."""
        index = self.index_of(doc_id, anchor)
        if not index.isValid():
            index = self.index_of(doc_id)
        if not index.isValid() or index == self.currentIndex():
            return
        blocked = self.blockSignals(True)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.blockSignals(blocked)


class ContentsPane(QWidget):
    """The filter field above the tree (the "Contents" tab)."""

    def __init__(self, tree: OutlineTree, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = tree
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter: title, number, date, dossier"))
        self.filter.setAccessibleName(self.tr("Filter the documents"))
        self.filter.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(lambda: tree.set_filter(self.filter.text()))
        self.filter.textChanged.connect(lambda _text: self._timer.start())
        self.filter.returnPressed.connect(self._apply_now)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter)
        layout.addWidget(tree)
        self.setFocusProxy(tree)
        # Keys alone: Down, Tab or Enter in the filter go on to the tree it
        # filters, the filter applied first (not after, which would lose the
        # row the tree starts on); Shift+Tab in the tree goes back up to the
        # filter. Done here: in the window's focus chain the tree (made before
        # the filter, and the pane's focus proxy) does not follow the filter.
        self.filter.installEventFilter(self)
        tree.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is self.filter and plain and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Tab):
            self._apply_now()
            return True
        if watched is self.tree and event.key() == Qt.Key.Key_Backtab:
            self.filter.setFocus(Qt.FocusReason.BacktabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _apply_now(self) -> None:
        self._timer.stop()
        self.tree.set_filter(self.filter.text())
        self.tree.setFocus()
        if not self.tree.currentIndex().isValid():
            self.tree.setCurrentIndex(self.tree.model().index(0, 0))
