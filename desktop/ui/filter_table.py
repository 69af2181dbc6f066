"""What the contact finder and the agreements view share: the client's citizenship and region, a result
count, a read-only table of whole rows whose columns fit the width, and a hint line below it."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..core import i18n
from .widgets import CitizenshipCombo, ClientPanel, RegionCombo

ID_ROLE = Qt.UserRole  # the record id, kept on the item in the panel's `id_column`


class FilterTablePanel(ClientPanel, QWidget):
    """A subclass fills `self.table` in `refresh_now`, sizes the columns not in `auto_columns` in
    `_fit_columns`, sets its texts in `retranslate`, and calls `_start()` when its own parts are ready."""

    open_record = Signal(str)
    id_column = 0

    def __init__(self, ctx, parent, name: str, columns: int, auto_columns: tuple[int, ...]):
        super().__init__(parent)
        self.ctx = ctx
        self.auto_columns = auto_columns
        self.citizenship = CitizenshipCombo(ctx, self)
        self.region = RegionCombo(ctx, self)
        self.citizenship_label = QLabel(self)
        self.citizenship_label.setBuddy(self.citizenship)
        self.region_label = QLabel(self)
        self.region_label.setBuddy(self.region)
        self.count = QLabel(self, objectName=f"{name}Count")
        self.hint = QLabel(self, objectName=f"{name}Hint", wordWrap=True)

        self.table = table = QTableWidget(0, columns, self, objectName=f"{name}sTable")
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setSelectionMode(QAbstractItemView.SingleSelection)
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        table.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollPerPixel)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Fixed)
        for column in auto_columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.sectionResized.connect(self._on_section_resized)
        table.itemActivated.connect(self._activated)
        table.viewport().installEventFilter(self)
        self._fit_timer = QTimer(self, singleShot=True)
        self._fit_timer.timeout.connect(self._fit)

        # The choosers as a form (at 200 % font one row would be wider than the tab at 1366 px), the count
        # beside them, then the table and the hint.
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.addRow(self.citizenship_label, self.citizenship)
        form.addRow(self.region_label, self.region)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addSpacing(12)
        top.addWidget(self.count, 0, Qt.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(table, 1)
        layout.addWidget(self.hint)

    def _start(self) -> None:
        """Follow the choosers and the interface language, and show the texts."""
        self.citizenship.currentIndexChanged.connect(self.refresh)
        self.region.currentIndexChanged.connect(self.refresh)
        i18n.on_language_changed(self.retranslate)
        self.retranslate()

    # ------------------------------------------------------------------ fitting the columns to the width

    def _schedule_fit(self, *_args) -> None:
        self._fit_timer.start(0)

    def _on_section_resized(self, column: int, *_sizes) -> None:
        if column in self.auto_columns:  # the others are sized by _fit_columns itself
            self._schedule_fit()

    def _fit(self) -> None:
        self._fit_columns()
        self.table.resizeRowsToContents()

    def eventFilter(self, watched, event) -> bool:
        # the viewport, not the panel: it also changes when the vertical scroll bar comes or goes
        if watched is self.table.viewport() and event.type() == QEvent.Resize:
            self._schedule_fit()
        return super().eventFilter(watched, event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self._schedule_fit()

    def _activated(self, item: QTableWidgetItem) -> None:
        record_id = self.table.item(item.row(), self.id_column).data(ID_ROLE)
        if record_id:
            self.open_record.emit(record_id)
