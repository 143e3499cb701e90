"""The settings dialog: language, text size, theme, author, stances, data.

UI preferences live in QSettings; the author and the stance list belong to
the notes (they travel with exported notes) and live in the notes store.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefing_reader.core.notes import NotesError, NotesStore, list_backups, restore_backup
from briefing_reader.paths import Paths
from briefing_reader.ui import keyboard
from briefing_reader.ui import settings as ui_settings
from briefing_reader.ui.messages import located_text, message_text


class SettingsDialog(QDialog):
    """Edits the settings; ``apply()`` stores them (called on OK)."""

    def __init__(
        self,
        settings: QSettings,
        store: NotesStore | None,
        paths: Paths,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.store = store
        self.paths = paths
        self.restored = False
        self.language = QComboBox(self)
        for code, name in (
            ("", self.tr("As the system (Dutch on a Dutch system)")),
            ("nl", "Nederlands"),
            ("en", "English"),
        ):
            self.language.addItem(name, code)
        self._select(self.language, ui_settings.LANGUAGE.read(settings))
        self.theme = QComboBox(self)
        for code, name in zip(
            ui_settings.THEMES,
            (self.tr("As the system"), self.tr("Light"), self.tr("Dark")),
            strict=True,
        ):
            self.theme.addItem(name, code)
        self._select(self.theme, ui_settings.THEME.read(settings))
        self.font_size = QSpinBox(self)
        self.font_size.setRange(*ui_settings.FONT_SIZES)
        self.font_size.setSpecialValueText(self.tr("As the system"))
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(ui_settings.FONT_SIZE.read(settings))
        self.author = QLineEdit(store.author() if store else "", self)
        self.author.setEnabled(store is not None)
        self.stances = QPlainTextEdit("\n".join(store.stances()) if store else "", self)
        self.stances.setEnabled(store is not None)
        self.stances.setMaximumHeight(120)
        keyboard.tab_leaves(self.stances)
        form = QFormLayout()
        form.addRow(self.tr("&Language (after a restart)"), self.language)
        form.addRow(self.tr("&Theme"), self.theme)
        form.addRow(self.tr("Text si&ze"), self.font_size)
        form.addRow(self.tr("&Author of my notes"), self.author)
        form.addRow(self.tr("&Stances (one a line)"), self.stances)
        form.addRow(self.tr("Data folder"), self._data_row())
        form.addRow(self.tr("S&hared folder"), self._team_row())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _data_row(self) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(str(self.paths.data), row)
        label.setWordWrap(True)
        layout.addWidget(label, 1)
        for text, slot in (
            (self.tr("Open folder"), self._open_folder),
            (self.tr("Back up now"), self._backup),
            (self.tr("Restore a backup…"), self._restore),
        ):
            button = QPushButton(text, row)
            button.clicked.connect(slot)
            layout.addWidget(button)
        return row

    def _team_row(self) -> QWidget:
        """The team folder: colleagues' notes arrive there, mine are written there."""
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.team_folder = QLineEdit(ui_settings.TEAM_FOLDER.read(self.settings), row)
        self.team_folder.setPlaceholderText(self.tr("None: notes are not shared"))
        self.team_folder.setToolTip(
            self.tr(
                "A folder your group shares (Nextcloud, OneDrive, a network share): your "
                "notes are written there and your colleagues' notes read from it"
            )
        )
        choose = QPushButton(self.tr("Choose…"), row)
        choose.clicked.connect(self._choose_team_folder)
        layout.addWidget(self.team_folder, 1)
        layout.addWidget(choose)
        return row

    def _choose_team_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Shared folder"), self.team_folder.text()
        )
        if chosen:
            self.team_folder.setText(chosen)

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def _open_folder(self) -> None:
        self.paths.data.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.data)))

    def _backup(self) -> None:
        if self.store is None:
            return
        try:
            path = self.store.backup_now()
        except NotesError as error:
            QMessageBox.warning(self, self.tr("Backup failed"), message_text(error))
            return
        QMessageBox.information(self, self.tr("Backup made"), str(path))

    def _restore(self) -> None:
        backups = list_backups(self.paths.backups)
        if not backups:
            QMessageBox.information(
                self, self.tr("Restore a backup"), self.tr("There are no backups yet.")
            )
            return
        labels = [b.taken.astimezone().strftime("%d-%m-%Y %H:%M") for b in backups]
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Restore a backup"),
            self.tr("Replace the notes with the backup of (the current notes are kept aside):"),
            labels,
            0,
            False,
        )
        if not ok:
            return
        chosen = backups[labels.index(label)]
        if self.store is not None:
            self.store.close()
        try:
            restore_backup(chosen.path, self.paths.notes_db)
        except (ValueError, OSError) as error:
            QMessageBox.warning(self, self.tr("Restore failed"), located_text(error))
        else:
            QMessageBox.information(
                self,
                self.tr("Backup restored"),
                self.tr(
                    "Briefing Reader closes now; start it again to work with the restored notes."
                ),
            )
        self.restored = True  # the store is closed: the window must close too
        self.reject()

    def apply(self) -> None:
        """Store what the dialog shows."""
        ui_settings.LANGUAGE.write(self.settings, str(self.language.currentData()))
        ui_settings.THEME.write(self.settings, str(self.theme.currentData()))
        ui_settings.FONT_SIZE.write(self.settings, self.font_size.value())
        ui_settings.TEAM_FOLDER.write(self.settings, self.team_folder.text().strip())
        if self.store is not None and not self.store.read_only:
            try:
                if self.author.text().strip():
                    self.store.set_author(self.author.text().strip())
                stances = [s.strip() for s in self.stances.toPlainText().splitlines()]
                if any(stances):
                    self.store.set_stances([s for s in stances if s])
            except NotesError as error:
                QMessageBox.warning(self, self.tr("Not saved"), message_text(error))
        self.settings.sync()
