"""The form's field widgets. Each has `edited` (a Signal carrying the new value, emitted only on the person's
own change, never when the form fills it in) and `set_value(value)`; a value of None removes the key."""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core import languages
from ...core.i18n import _
from ...core.typed_dates import parse as parse_typed
from .. import lifetime  # noqa: F401  (language listeners of deleted widgets are dropped)
from ..date_field import ERROR_COLOUR, DateField

E164_RE = re.compile(r"^\+[1-9]\d{6,14}$")
SHORT_RE = re.compile(r"^\d{2,6}$")
PHONE_STRIP_RE = re.compile(r"[\s\-().\u00a0]")
PARTIAL_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


class LineField(QLineEdit):
    edited = Signal(object)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.textEdited.connect(lambda text: self.edited.emit(self.convert(text)))

    def convert(self, text: str) -> Any:
        return text.strip() or None

    def set_value(self, value: Any) -> None:
        self.setText(text_of(value))
        self.setCursorPosition(0)  # a long text is shown from its start


class IntField(LineField):
    """A whole number (days, months, an amount); a text that is not one is passed on for the check to name."""

    def convert(self, text: str) -> Any:
        text = text.strip()
        return int(text) if text.isdigit() else (text or None)


class PhoneField(LineField):
    """A phone number: its own E.164 check as you type (a short number such as 1282 passes too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("+7 495 123-45-67", parent)
        self.textChanged.connect(self._mark)

    def problem(self) -> str:
        text = self.text().strip()
        digits = PHONE_STRIP_RE.sub("", text)
        if not text or E164_RE.match(digits) or SHORT_RE.match(digits):
            return ""
        return _("Not a phone number in international form: + and the country code, then 7 to 15 digits")

    def _mark(self) -> None:
        self.setStyleSheet(f"border: 1px solid {ERROR_COLOUR}" if self.problem() else "")
        self.setToolTip(self.problem())


class PartialDateField(LineField):
    """A date that may lack its day or month (YYYY-MM-DD, YYYY-MM or YYYY), as in `dates` and sources."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("YYYY-MM-DD, YYYY-MM or YYYY"), parent)

    def convert(self, text: str) -> Any:
        text = text.strip()
        return text or None


class FullDateField(DateField):
    """A whole date typed as in the app (with its calendar); empty is allowed when the key is optional."""

    edited = Signal(object)

    def __init__(self, optional: bool = True, parent: QWidget | None = None) -> None:
        self.optional = optional
        self._filling = False
        super().__init__(parent)
        self.changed.connect(self._changed)

    def _show_problem(self, problem: str) -> None:
        if problem == "empty" and self.optional:
            problem = ""
        super()._show_problem(problem)

    def _changed(self) -> None:
        if self._filling:
            return
        day = self.date()
        if day is not None:
            self.edited.emit(day.isoformat())
        elif not self.edit.text().strip() and self.optional:
            self.edited.emit(None)

    def set_value(self, value: Any) -> None:
        self._filling = True
        try:
            text = text_of(value)
            if PARTIAL_DATE_RE.match(text) and len(text) == 10:
                self.set_date(_dt.date.fromisoformat(text))
            else:
                self.edit.setText(text)
        finally:
            self._filling = False

    def typed(self, text: str) -> None:
        """Type `text` as a person would (tests)."""
        self.edit.setText(text)
        if parse_typed(text, "en").value is None and not text:
            self._changed()


class BlockField(QPlainTextEdit):
    """A text of several lines (a body in Markdown)."""
    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.setTabChangesFocus(True)
        self.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._filling:
            text = self.toPlainText()
            self.edited.emit(text if text.strip() else None)

    def set_value(self, value: Any) -> None:
        self._filling = True
        try:
            self.setPlainText(text_of(value))
        finally:
            self._filling = False


class ChoiceField(QComboBox):
    """One of a list of values; `empty` offers "not set" (the key removed). Each value is shown as "code — label"
    (a region, a record), or with `show_codes=False` as its label only (a word for a code: the code is in the
    item's tooltip)."""
    edited = Signal(object)

    def __init__(self, options: list[tuple[str, str]], empty: bool = False, parent: QWidget | None = None,
                 show_codes: bool = True, empty_text: str = "") -> None:
        super().__init__(parent)
        self._filling = False
        # a long choice (a region's or a record's name) does not widen the form: the list shows it whole
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        if empty:
            self.addItem(empty_text or _("(not set)"), None)
        for value, label in options:
            self.addItem(label if label == value or not show_codes else f"{value} — {label}", value)
            if not show_codes:
                self.setItemData(self.count() - 1, value, Qt.ItemDataRole.ToolTipRole)
        self.activated.connect(lambda _index: self.edited.emit(self.currentData()))

    def set_value(self, value: Any) -> None:
        text = text_of(value)
        index = self.findData(text if text else None)
        if index < 0 and text:  # a value not among the choices is shown (the check names it)
            self.addItem(text, text)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


class LinkField(ChoiceField):
    """Another record, chosen from the list of records (id — title); type to find one."""

    def __init__(self, options: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(options, empty=True, parent=parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(completer.CompletionMode.PopupCompletion)


class BoolField(QCheckBox):
    """True, or the key removed (the default, false)."""
    edited = Signal(object)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.clicked.connect(lambda checked: self.edited.emit(True if checked else None))

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))


class ChecklistField(QWidget):
    """Codes ticked in a list (regions, citizenships, parties); `all` first. A filter line finds a code."""
    edited = Signal(object)

    def __init__(self, options: list[tuple[str, str]], allow_all: bool = True, parent: QWidget | None = None,
                 default: str = "") -> None:
        super().__init__(parent)
        self._filling = False
        self.default = default  # what nothing ticked means (the key left out), said beside the filter line
        self.find_field = QLineEdit(self)
        self.find_field.setObjectName("checklistFind")
        self.find_field.setPlaceholderText(_("Find a code or a name"))
        self.find_field.textChanged.connect(self._filter)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(110)
        entries = ([("all", _("all"))] if allow_all else []) + options
        for code, label in entries:
            item = QListWidgetItem(f"{code} — {label}" if label != code else code, self.list)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.list.itemChanged.connect(self._changed)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.find_field)
        row.addWidget(self.summary, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.list)

    def codes(self) -> list[str]:
        return [str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def tick(self, code: str, on: bool = True) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == code:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _summarise(self) -> None:
        codes = ", ".join(self.codes())
        self.summary.setText(codes or (_("not set: {what}").format(what=self.default) if self.default else ""))

    def _changed(self) -> None:
        self._summarise()
        if not self._filling:
            self.edited.emit(self.codes() or None)

    def set_value(self, value: Any) -> None:
        self._filling = True
        try:
            wanted = {str(v) for v in value} if isinstance(value, list) else ({str(value)} if value else set())
            known = {str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())}
            for code in sorted(wanted - known):  # an unknown code is shown ticked (the check names it)
                item = QListWidgetItem(code, self.list)
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            for i in range(self.list.count()):
                item = self.list.item(i)
                on = item.data(Qt.ItemDataRole.UserRole) in wanted
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self._summarise()
        finally:
            self._filling = False


class LocalField(QWidget):
    """A localised text as four lines side by side (ru, uz, ky, en); a plain text (one for every language) is
    shown in each and becomes a map of languages when one of them is changed. `lang_edited(lang, text)`."""
    lang_edited = Signal(str, object)

    def __init__(self, multiline: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value: Any = None
        self.edits: dict[str, LineField | BlockField] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for lang in languages.CONTENT:
            edit: LineField | BlockField = BlockField(self) if multiline else LineField(lang, self)
            if isinstance(edit, BlockField):
                edit.setMaximumHeight(70)
            edit.setAccessibleName(lang)
            edit.setToolTip(lang)
            edit.edited.connect(lambda text, lang=lang: self._changed(lang, text))
            self.edits[lang] = edit
            row.addWidget(edit, 1)

    def _changed(self, lang: str, text: Any) -> None:
        current = dict(self.value) if isinstance(self.value, dict) else (
            {code: str(self.value) for code in languages.CONTENT} if self.value else {})
        if text:
            current[lang] = text
        else:
            current.pop(lang, None)
        self.value = {code: current[code] for code in languages.CONTENT if code in current} or None
        self.lang_edited.emit(lang, text)

    def set_value(self, value: Any) -> None:
        self.value = value
        for lang, edit in self.edits.items():
            edit.set_value(value.get(lang) if isinstance(value, dict) else value)
