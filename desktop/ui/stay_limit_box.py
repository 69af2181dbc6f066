"""The deadline helper's stay-limit section: the 90 days per calendar year, shown only to whom they apply.

It asks what it needs and no more: the client's basis for staying (a patent or an EAEU contract exempts them),
then, when the limit applies, the days already spent in Russia since 1 January. Until it has them it says so
instead of printing a date (core.stay_limit decides; present.deadlines words it). The choices outlive the
helper's re-renders (`StayInputs`), so changing the entry date keeps them.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QLabel, QSpinBox, QVBoxLayout

from ..core import model as m
from ..core.i18n import _, current_language
from ..core.stay_limit import StayLimit, stay_limit
from ..present.deadlines import stay_basis_choices, stay_limit_text
from . import labels

NOT_KNOWN = -1  # the days spinner's "not known" value


@dataclass
class StayInputs:
    basis: str = "unknown"
    days_used: int | None = None


class StayLimitBox(QFrame):
    """One client's stay limit, for `procedure` (the record holding the rule, linked by the helper)."""
    changed = Signal()

    def __init__(self, procedure: m.Procedure, citizenship: str, eaeu: bool, entry: _dt.date,
                 inputs: StayInputs, lang: str, parent=None):
        super().__init__(parent)
        self.setObjectName("stayLimit")
        self.setProperty("procedureId", procedure.id)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.procedure, self.citizenship, self.eaeu, self.entry = procedure, citizenship, eaeu, entry
        self.inputs, self.lang = inputs, lang

        self.basis = QComboBox(self)
        self.basis.setObjectName("stayBasis")
        for code, words in stay_basis_choices(eaeu, current_language()):
            self.basis.addItem(words, code)
        self.basis.setCurrentIndex(max(0, self.basis.findData(inputs.basis)))
        self.basis.setAccessibleName(_("Basis of stay"))
        self.days = QSpinBox(self)
        self.days.setObjectName("stayDaysUsed")
        self.days.setRange(NOT_KNOWN, 366)
        self.days.setSpecialValueText(_("not known"))
        self.days.setValue(NOT_KNOWN if inputs.days_used is None else inputs.days_used)
        self.days.setAccessibleName(_("Days in Russia since 1 January, before this entry"))
        self.basis_label, self.days_label = QLabel(_("&Basis of stay:"), self), QLabel(
            _("&Days in Russia since 1 January, before this entry:"), self)
        self.basis_label.setBuddy(self.basis)
        self.days_label.setBuddy(self.days)
        self.basis_label.setWordWrap(True)
        self.days_label.setWordWrap(True)
        self.result = QLabel(self)
        self.result.setObjectName("stayResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QLabel(self)
        self.notes.setObjectName("stayConflict")
        self.notes.setWordWrap(True)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.basis_label, self.basis)
        form.addRow(self.days_label, self.days)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setSpacing(4)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.result)
        self.layout_.addWidget(self.notes)
        self.basis.currentIndexChanged.connect(self._inputs_changed)
        self.days.valueChanged.connect(self._inputs_changed)
        self.update_result()

    def state(self) -> StayLimit:
        return stay_limit(self.citizenship, self.eaeu, self.entry, self.inputs.basis, self.inputs.days_used,
                          self.procedure.id)

    def update_result(self) -> None:
        result = self.state()
        self.result.setText(stay_limit_text(result, current_language()))
        self.result.setProperty("state", result.state)
        self.result.setProperty("isoDate", result.last_day.isoformat() if result.last_day else "")
        # the days matter only when the limit applies: asked then, greyed out otherwise
        applies = self.inputs.basis == "none"
        self.days.setEnabled(applies)
        self.days_label.setEnabled(applies)
        # sources that disagree on the rule (e.g. the Kyrgyz "90/180" report) stay visible next to it
        conflicts = [labels.content_text(n.text, self.lang) for n in self.procedure.notes if n.type == "conflict"]
        self.notes.setText("\n".join(f"⚠ {text}" for text in conflicts if text) if applies else "")
        self.notes.setVisible(applies and any(conflicts))

    def _inputs_changed(self) -> None:
        self.inputs.basis = self.basis.currentData() or "unknown"
        value = self.days.value()
        self.inputs.days_used = None if value == NOT_KNOWN else value
        self.update_result()
        self.changed.emit()
