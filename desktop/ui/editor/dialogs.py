"""The editor's small dialogs: a new record (kind and id), retiring a record (superseded or expired, and the
record that replaces it), and "Checked today" (the date of each source the facts were compared with)."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...core import model as m
from ...core.content.checker import ID_RE
from ...core.content.record_templates import RETIRED_STATUSES
from ...core.i18n import _
from ..date_field import ERROR_COLOUR
from .choice_words import word
from .fields import LinkField, PartialDateField, text_of


class _Dialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.problem = QLabel(self)
        self.problem.setObjectName("dialogProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)

    def refusal(self) -> str:
        return ""

    def _accept(self) -> None:
        problem = self.refusal()
        self.problem.setText(problem)
        if not problem:
            self.accept()


class NewRecordDialog(_Dialog):
    """A new record from the template of its kind; `duplicate_of` names the record copied instead."""

    def __init__(self, taken: set[str], parent: QWidget | None = None, duplicate_of: str = "",
                 kind: str = "procedure") -> None:
        super().__init__(_("Duplicate a record") if duplicate_of else _("New record"), parent)
        self.setObjectName("newRecordDialog")
        self.taken = taken
        self.kind = QComboBox(self)
        self.kind.setObjectName("newKind")
        for k in m.KINDS:
            self.kind.addItem(word("kind", k), k)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.kind.setEnabled(not duplicate_of)
        self.ident = QLineEdit(f"{duplicate_of}-copy" if duplicate_of else "", self)
        self.ident.setObjectName("newId")
        self.ident.setPlaceholderText(_("lower-case-words-with-dashes"))
        self.form.addRow(_("Kind"), self.kind)
        self.form.addRow(_("Id (the file name; never changed once published)"), self.ident)

    def refusal(self) -> str:
        rid = self.ident.text().strip()
        if not ID_RE.match(rid):
            return _("An id is lower-case letters, digits and single dashes, for example lost-passport.")
        if rid in self.taken:
            return _("A record “{id}” already exists.").format(id=rid)
        return ""

    def values(self) -> tuple[str, str]:
        return str(self.kind.currentData()), self.ident.text().strip()


class RetireDialog(_Dialog):
    """A record is never deleted: it becomes superseded (by another record) or expired."""

    def __init__(self, record_id: str, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(_("Retire “{id}”").format(id=record_id), parent)
        self.setObjectName("retireDialog")
        self.status = QComboBox(self)
        self.status.setObjectName("retireStatus")
        for status in RETIRED_STATUSES:
            self.status.addItem(word("status", status), status)
        self.successor = LinkField([c for c in choices if c[0] != record_id], self)
        self.successor.setObjectName("retireSuccessor")
        self.form.addRow(QLabel(_("The record stays in the content and the app shows it as no longer in force.")))
        self.form.addRow(_("New status"), self.status)
        self.form.addRow(_("Replaced by"), self.successor)

    def successor_id(self) -> str:
        data = self.successor.currentData()
        if data:
            return str(data)
        text = self.successor.currentText().strip()
        return text.split(" — ")[0] if text and text != _("(not set)") else ""

    def refusal(self) -> str:
        if self.status.currentData() == "superseded" and not self.successor_id():
            return _("A superseded record needs the record that replaces it.")
        return ""

    def values(self) -> tuple[str, str]:
        return str(self.status.currentData()), self.successor_id()


class CheckedTodayDialog(_Dialog):
    """"Checked today": verified_on becomes today; the date each source itself shows is asked for."""

    def __init__(self, today: str, sources: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(_("Checked today"), parent)
        self.setObjectName("checkedTodayDialog")
        self.today = today
        self.form.addRow(QLabel(_("The record's facts were compared with its sources today ({day}). Give the date "
                                  "each source itself shows (its publication or last change), if it shows one.")
                                .format(day=today)))
        self.dates: list[PartialDateField] = []
        for i, source in enumerate(sources):
            source = source if isinstance(source, dict) else {}
            name = source.get("url") or source.get("title") or source.get("id") or str(i + 1)
            field = PartialDateField(self)
            field.setObjectName(f"sourceDate{i}")
            field.set_value(source.get("date"))
            self.dates.append(field)
            self.form.addRow(QLabel(str(name)[:90]), field)

    def refusal(self) -> str:
        for field in self.dates:
            text = field.text().strip()
            if text and (not field.convert(text) or len(text) not in (4, 7, 10) or text > self.today):
                return _("“{text}” is not a date of the source: YYYY-MM-DD, YYYY-MM or YYYY, not after today.") \
                    .format(text=text)
        return ""

    def source_dates(self) -> list[str | None]:
        return [text_of(f.text().strip()) or None for f in self.dates]
