"""The advisor's own data: bookmarks, recently viewed records and notes (also those whose record is gone)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..core.i18n import _, on_language_changed
from . import labels
from .widgets import named


class MyDataView(QWidget):
    open_record = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.bookmarks_label = QLabel(self)
        self.bookmarks = named(QListWidget(self), "bookmarkList")
        self.recent_label = QLabel(self)
        self.recent = named(QListWidget(self), "recentList")
        self.notes_label = QLabel(self)
        self.notes = named(QListWidget(self), "noteList")
        layout = QVBoxLayout(self)
        for label, widget in ((self.bookmarks_label, self.bookmarks), (self.recent_label, self.recent),
                              (self.notes_label, self.notes)):
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget, 1)
            # Activated only: it is the double click (or the single click where the desktop opens items so)
            # and Enter. Opening a record refreshes these lists, so a second signal for the same double
            # click would come with an item that is gone.
            widget.itemActivated.connect(self._activate)
            # a long title or note wraps at the list's width instead of hiding its end past a sideways scroll
            widget.setWordWrap(True)
            widget.setResizeMode(QListView.ResizeMode.Adjust)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.retranslate()
        on_language_changed(self.retranslate)

    def _activate(self, item: QListWidgetItem | None) -> None:
        record_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None  # read before the refresh
        if record_id and self.ctx.store.record(record_id) is not None:
            self.open_record.emit(record_id)

    def retranslate(self) -> None:
        self.bookmarks_label.setText(_("Bookmarks"))
        self.recent_label.setText(_("Recently viewed"))
        self.notes_label.setText(_("My notes"))
        self.bookmarks.setAccessibleName(_("Bookmarks"))
        self.recent.setAccessibleName(_("Recently viewed"))
        self.notes.setAccessibleName(_("My notes"))
        self.refresh()

    def _title(self, record_id: str) -> str | None:
        titles = self.ctx.store.titles(record_id)
        return labels.content_text(titles, self.ctx.lang) if titles else None

    def _fill(self, widget: QListWidget, ids: list[str]) -> None:
        widget.clear()
        for record_id in ids:
            title = self._title(record_id)
            if title:
                item = QListWidgetItem(title, widget)
                item.setData(Qt.ItemDataRole.UserRole, record_id)
        if not widget.count():
            QListWidgetItem(_("Nothing yet."), widget).setFlags(Qt.ItemFlag.NoItemFlags)

    def refresh(self) -> None:
        self._fill(self.bookmarks, self.ctx.userdata.bookmarks())
        self._fill(self.recent, self.ctx.userdata.history()[:20])
        self.notes.clear()
        for note in self.ctx.userdata.notes():
            title = self._title(note.record_id)
            first_line = note.text.strip().splitlines()[0][:80]
            if title:
                item = QListWidgetItem(f"{title} — {first_line}", self.notes)
                item.setData(Qt.ItemDataRole.UserRole, note.record_id)
            else:
                # kept, never deleted silently: the record left the data with an update
                item = QListWidgetItem(_("Orphaned note (record {id} is no longer in the data): {text}")
                                       .format(id=note.record_id, text=first_line), self.notes)
                item.setData(Qt.ItemDataRole.UserRole, note.record_id)
                item.setToolTip(note.text)
        if not self.notes.count():
            QListWidgetItem(_("Nothing yet."), self.notes).setFlags(Qt.ItemFlag.NoItemFlags)
