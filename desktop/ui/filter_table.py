"""What the contact finder and the agreements view share: the client's citizenship and region, a result
count, a read-only table of whole rows whose columns fit the width (headers wrap between words rather than
being cut), and a hint line below it. After every refill the first row, the best one, is shown and chosen."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core import i18n
from .widgets import CitizenshipCombo, ClientPanel, RegionCombo, named

ID_ROLE = Qt.ItemDataRole.UserRole  # the record id, kept on the item in the panel's `id_column`


def wrap_words(text: str, width: int, metrics: QFontMetrics) -> str:
    """`text` with line breaks between words so that each line fits `width` (a word longer than that
    keeps a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


class FilterTablePanel(ClientPanel):
    """A subclass fills `self.table` in `refresh_now` (ending with `_show_filled()`), sizes the columns not
    in `auto_columns` in `_fit_columns`, sets its texts (the headers through `set_headers`) in `retranslate`,
    and calls `_start()` when its own parts are ready."""

    open_record = Signal(str)
    id_column = 0
    retranslate: Callable[[], None]
    _fit_columns: Callable[[], None]

    def __init__(self, ctx, parent, name: str, columns: int, auto_columns: tuple[int, ...]):
        super().__init__(parent)
        self.ctx = ctx
        self.auto_columns = auto_columns
        self.citizenship = CitizenshipCombo(ctx, self)
        self.region = RegionCombo(ctx, self)
        # the centre's usual client until the main window passes on the search panel's (see ClientPanel)
        self.citizenship.set_code(ctx.settings.citizenship)
        self.region.set_code(ctx.settings.region)
        self._headers: list[str] = []
        self.citizenship_label = QLabel(self)
        self.citizenship_label.setBuddy(self.citizenship)
        self.region_label = QLabel(self)
        self.region_label.setBuddy(self.region)
        self.count = named(QLabel(self), f"{name}Count")
        self.hint = named(QLabel(self, wordWrap=True), f"{name}Hint")

        self.table = table = named(QTableWidget(0, columns, self), f"{name}sTable")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setTextElideMode(Qt.TextElideMode.ElideNone)  # a header wraps (wrap_words); eliding would cut it
        for column in auto_columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(self._on_section_resized)
        table.itemActivated.connect(self._activated)
        table.viewport().installEventFilter(self)
        self._fit_timer = QTimer(self, singleShot=True)
        self._fit_timer.timeout.connect(self._fit)

        # The choosers as a form (at 200 % font one row would be wider than the tab at 1366 px), the count
        # beside them, then the table and the hint.
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.citizenship_label, self.citizenship)
        form.addRow(self.region_label, self.region)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addSpacing(12)
        top.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
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
        self._wrap_headers()
        self.table.resizeRowsToContents()

    def set_headers(self, texts: list[str]) -> None:
        """The column headers (translated); each is wrapped to its column's width when the columns fit."""
        self._headers = texts
        self.table.setHorizontalHeaderLabels(texts)

    def _header_chrome(self) -> int:
        """What a header section takes besides its text: margins and, on a sortable table, the sort arrow."""
        header = self.table.horizontalHeader()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = QFontMetrics(header.font()).height() + margin if self.table.isSortingEnabled() else 0
        return 4 * margin + arrow

    def _header_metrics(self) -> QFontMetrics:
        """The header's font as drawn: bold, since a header over a chosen row (the whole row is chosen)
        is highlighted in bold; measured in the regular font, the last letters of a title were cut."""
        font = self.table.horizontalHeader().font()
        font.setBold(True)
        return QFontMetrics(font)

    def header_least(self, column: int) -> int:
        """The width a column's header needs: its longest word (the rest wraps) and the chrome."""
        metrics = self._header_metrics()
        words = self._headers[column].split() if column < len(self._headers) else []
        return max((metrics.horizontalAdvance(w) for w in words), default=0) + self._header_chrome()

    def _wrap_headers(self) -> None:
        metrics = self._header_metrics()
        for column, text in enumerate(self._headers):
            item = self.table.horizontalHeaderItem(column)
            wrapped = wrap_words(text, self.table.columnWidth(column) - self._header_chrome(), metrics)
            if item is not None and item.text() != wrapped:
                item.setText(wrapped)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, text)  # read as one line

    def _show_filled(self) -> None:
        """After a refill: fit the columns and rows, then show and choose the first row (the best one);
        the table would otherwise keep the scroll position of the rows it had before."""
        self._fit()
        self.table.scrollToTop()
        if self.table.rowCount():
            self.table.selectRow(0)

    def eventFilter(self, watched, event) -> bool:
        # the viewport, not the panel: it also changes when the vertical scroll bar comes or goes
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._schedule_fit()
        return super().eventFilter(watched, event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._schedule_fit()

    def row_id(self, row: int) -> str:
        """The id of the record shown in a row."""
        item = self.table.item(row, self.id_column)
        return (item.data(ID_ROLE) or "") if item is not None else ""

    def cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _activated(self, item: QTableWidgetItem) -> None:
        record_id = self.row_id(item.row())
        if record_id:
            self.open_record.emit(record_id)
