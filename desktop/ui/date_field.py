"""A date typed as text, with a calendar beside it, that holds the date typed or none at all.

Qt's QDateEdit edits a date section by section: typing a whole date after Ctrl+A or Home lands digits in the
wrong sections and it silently keeps another date. Here the text is the date: it is read by
core.typed_dates in the interface language, a text that names no date (or no real one) is said so under the
field and the field's date is then None, never the previous one.
"""
from __future__ import annotations

import datetime as _dt
from typing import cast

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from ..core import typed_dates
from ..core.i18n import _, current_language, on_language_changed
from ..core.languages import QT_LOCALES

EXAMPLE = _dt.date(2026, 10, 15)  # an example date whose day cannot be mistaken for a month
ERROR_COLOUR = "#b00020"


class DateLineEdit(QLineEdit):
    """A line edit in which a whole date typed anywhere wins: the characters typed in one run (without moving
    the cursor in between) replace the rest of the text once they form a date on their own. So Home, End or a
    click into the old date, then typing the new one, gives the new one, not the two run together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run, self._run_end = "", -1
        self.read_run = lambda run: False  # set by the DateField: does this run name a date?

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._run, self._run_end = "", -1  # a click places the cursor: typing starts afresh there
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typed = event.text()
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if not (typed and typed.isprintable() and plain):
            self._run, self._run_end = "", -1
            super().keyPressEvent(event)
            return
        if self.hasSelectedText() or self.cursorPosition() != self._run_end:
            self._run = ""  # typing starts afresh here
        super().keyPressEvent(event)
        self._run += typed
        self._run_end = self.cursorPosition()
        if self._run != self.text() and self.read_run(self._run):
            self.setText(self._run)
            self._run_end = self.cursorPosition()


class DateField(QWidget):
    """`date()` is the date typed, or None while the text names none; `changed` tells when it changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date: _dt.date | None = None
        self.edit = DateLineEdit(self)
        self.edit.setObjectName("entryDate")
        self.edit.read_run = lambda run: typed_dates.parse(run, current_language()).value is not None
        self.edit.textChanged.connect(self._read)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setObjectName("entryDateCalendar")
        self.calendar_button.clicked.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None  # made when first opened
        self.error = QLabel(self)
        self.error.setObjectName("entryDateError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.error.setVisible(False)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.error)
        self.setFocusProxy(self.edit)  # a label's buddy shortcut lands in the text
        self.retranslate()
        on_language_changed(self.retranslate)

    def date(self) -> _dt.date | None:
        return self._date

    def set_date(self, day: _dt.date) -> None:
        self.edit.setText(typed_dates.display(day, current_language()))

    def retranslate(self) -> None:
        if self._date is not None:  # shown again in the new language's form, which is the one read from now on
            self.set_date(self._date)
        example = typed_dates.display(EXAMPLE, current_language())
        self.edit.setPlaceholderText(example)
        self.calendar_button.setText(_("Calendar"))
        self.calendar_button.setToolTip(_("Choose the date in a calendar (Alt+Down)"))
        self.calendar_button.setAccessibleName(_("Choose the date in a calendar"))
        self._show_problem(typed_dates.parse(self.edit.text(), current_language()).problem)

    def _read(self, text: str) -> None:
        typed = typed_dates.parse(text, current_language())
        self._show_problem(typed.problem)
        if typed.value != self._date:
            self._date = typed.value
            self.changed.emit()

    def _show_problem(self, problem: str) -> None:
        example = typed_dates.display(EXAMPLE, current_language())
        text = self.edit.text().strip()
        messages = {
            "empty": _("Type the date, for example {example}.").format(example=example),
            "not_a_date": _("“{text}” is not a date: type the day, month and year, for example {example}.")
            .format(text=text, example=example),
            "no_such_date": _("There is no date {text} in the calendar: check the day and the month.")
            .format(text=text),
            "out_of_range": _("The year in {text} cannot be right: type a year between {first} and {last}.")
            .format(text=text, first=typed_dates.FIRST_YEAR, last=typed_dates.LAST_YEAR),
        }
        message = messages.get(problem, "")
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.edit.setAccessibleDescription(message)  # a screen reader says why the date is not taken

    # ------------------------------------------------------------------ the calendar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() == Qt.KeyboardModifier.AltModifier:
            self.open_calendar()  # as in a date chooser: the line edit passes Alt+Down on to its parent
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setObjectName("entryDateCalendarPopup")
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.activated.connect(self._chosen)   # Enter or a double click
            self.calendar.clicked.connect(self._chosen)
        day = self._date or _dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.setAccessibleName(_("Choose the date in a calendar"))
        self.calendar.setLocale(QLocale(QT_LOCALES.get(current_language(), "en_GB")))  # month and day names
        self.calendar.adjustSize()
        self.calendar.move(self.calendar_button.mapToGlobal(QPoint(0, self.calendar_button.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _chosen(self, day: QDate) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        self.set_date(cast(_dt.date, day.toPython()))  # a QDate's toPython is a date; stubs: object
        self.edit.setFocus()
