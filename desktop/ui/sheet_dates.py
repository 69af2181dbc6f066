"""The sheet dialog's choice of sheet (for the client, or full) and the client's dates.

The dates are the ones the chosen procedures' deadlines count from (entry, arrival, contract, patent …:
`core.sheets.anchors_used`); each is a `DateField`, which holds the date typed or none and says why under the
field, so a wrong date never silently goes on paper. The fields are named with the sheet's own words for those
dates (`present.client_sheet.anchor_name`) in the interface language. Nothing typed here is stored.
"""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from ..core.i18n import _, current_language, on_language_changed
from ..core.sheets import ANCHORS
from ..present.client_sheet import anchor_name
from .date_field import DateField


class SheetChoices(QWidget):
    """`full()`, `anchors()`; `changed` when either changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("sheetKind")
        self.kind_combo.addItems(["", ""])
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.kind_label = QLabel(self)
        self.kind_label.setBuddy(self.kind_combo)
        self.dates_label = QLabel(self)
        self.dates_label.setObjectName("sheetDatesLabel")
        self.dates_label.setWordWrap(True)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.kind_label, self.kind_combo)
        self.form.addRow(self.dates_label)
        self.fields: dict[str, DateField] = {}
        self.labels: dict[str, QLabel] = {}
        for code in ANCHORS:
            field = DateField(self)
            field.edit.setObjectName(f"sheetDate-{code}")
            field.changed.connect(self.changed)
            label = QLabel(self)
            label.setBuddy(field)
            label.setWordWrap(True)
            self.fields[code], self.labels[code] = field, label
            self.form.addRow(label, field)
        self.set_used(["entry"])
        self.retranslate()
        on_language_changed(self.retranslate)

    def retranslate(self) -> None:
        self.kind_label.setText(_("Sheet &type:"))
        self.kind_combo.setItemText(0, _("For the client: one page"))
        self.kind_combo.setItemText(1, _("Full: every step, note and source"))
        self.dates_label.setText(_("The client's dates (optional; printed, never stored):"))
        for code, label in self.labels.items():
            label.setText(anchor_name(code, current_language()) + ":")

    def set_used(self, codes: list[str]) -> None:
        """Show the fields for these dates (the entry date always): the ones the procedures count from."""
        shown = set(codes) | {"entry"}
        for code in ANCHORS:
            self.form.setRowVisible(self.fields[code], code in shown)

    def full(self) -> bool:
        return self.kind_combo.currentIndex() == 1

    def set_full(self, full: bool) -> None:
        self.kind_combo.setCurrentIndex(1 if full else 0)

    def anchors(self) -> dict[str, _dt.date]:
        """The valid dates typed in the shown fields."""
        return {code: day for code, field in self.fields.items()
                if self.form.isRowVisible(field) and (day := field.date()) is not None}

    def _kind_changed(self) -> None:
        self.changed.emit()
