"""The search panel's notice while the index is being brought up to date."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget


class CatchingUp(QWidget):
    """ "Search is catching up" with a progress bar; hidden when the index is current.

    Results meanwhile come from what is indexed so far: the notice says so.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search-catching-up")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(120)
        self.bar.setAccessibleName(self.tr("Search index progress"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        self.hide()

    def show_progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` documents indexed; shown only while there is work."""
        if total <= 0 or done >= total:
            return
        self.bar.setMaximum(total)
        self.bar.setValue(done)
        self.label.setText(
            self.tr(
                "Search is catching up: %1 of %2 documents indexed. "
                "Results come from what is indexed so far and may be incomplete."
            )
            .replace("%1", str(done))
            .replace("%2", str(total))
        )
        self.show()
