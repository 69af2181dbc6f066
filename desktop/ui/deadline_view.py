"""The deadline helper: from a client's citizenship, entry date and region, the dates by which to act.

Every date comes from `core.deadlines.plan()` over the deadlines stored in the procedures; this module only
lays them out. Each row names its procedure (a link that opens it) and shows the rule the date follows.
Procedures whose deadlines do not apply to the client's citizenship are listed as not needed, next to the
citizenship's own rules; procedures that apply only in some regions are listed with those regions.
"""
from __future__ import annotations

import datetime as _dt

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core import deadlines, i18n, stay_limit
from ..core import model as m
from ..core.i18n import _, ngettext
from ..present.text import esc
from . import labels
from .date_field import DateField
from .stay_limit_box import StayInputs, StayLimitBox
from .widgets import CitizenshipCombo, ClientPanel, RegionCombo

ACTIVE = ("in_force",)  # only rules in force give dates to act by


def days_from_today(day: _dt.date, today: _dt.date) -> str:
    """How far a date is from today: "in 5 days", "today", "3 days ago"."""
    days = (day - today).days
    if days == 0:
        return _("today")
    if days > 0:
        return ngettext("in {n} day", "in {n} days", days).format(n=days)
    return ngettext("{n} day ago", "{n} days ago", -days).format(n=-days)


def wrapped(text: str = "", parent=None, name: str = "", rich: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if name:
        label.setObjectName(name)
    return label


def bold(label: QLabel) -> QLabel:
    font = QFont()  # only the weight is set, so the size still follows the app's font scale
    font.setBold(True)
    label.setFont(font)
    return label


class DeadlineHelper(ClientPanel):
    open_record = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("deadlineHelper")
        self._procedures: dict[str, m.Procedure] | None = None
        self.stay_inputs = StayInputs()  # the client's basis and days spent: kept across re-renders

        self.citizenship = CitizenshipCombo(ctx, self)
        self.entry_date = DateField(self)
        self.entry_date.set_date(_dt.date.today())
        self.region = RegionCombo(ctx, self)
        self.citizenship_label, self.entry_label, self.region_label = QLabel(self), QLabel(self), QLabel(self)
        self.citizenship_label.setBuddy(self.citizenship)
        self.entry_label.setBuddy(self.entry_date)
        self.region_label.setBuddy(self.region)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)  # region names are long
        form.addRow(self.citizenship_label, self.citizenship)
        form.addRow(self.entry_label, self.entry_date)
        form.addRow(self.region_label, self.region)
        top = QHBoxLayout()
        top.addLayout(form, 3)
        top.addStretch(1)

        self.results = QWidget(self)
        self.results.setObjectName("deadlineResults")
        self._results_layout = QVBoxLayout(self.results)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("deadlineScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.results)
        self.scroll_area.viewport().setAutoFillBackground(False)  # same background as the form above it
        self.results.setAutoFillBackground(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)

        self.citizenship.set_code(ctx.settings.citizenship)
        self.region.set_code(ctx.settings.region)
        self.citizenship.currentIndexChanged.connect(self.refresh)
        self.region.currentIndexChanged.connect(self.refresh)
        self.entry_date.changed.connect(self.refresh)
        i18n.on_language_changed(self.retranslate)
        self.retranslate()

    # ------------------------------------------------------------------ public

    def set_entry_date(self, day: _dt.date) -> None:
        self.entry_date.set_date(day)

    def retranslate(self) -> None:
        self.citizenship.retranslate()
        self.region.retranslate()
        self.citizenship_label.setText(_("&Citizenship:"))
        self.entry_label.setText(_("&Entry into Russia:"))
        self.region_label.setText(_("&Region:"))
        self.entry_date.edit.setAccessibleName(_("Date of entry into Russia"))
        self.entry_date.edit.setToolTip(_("The entry date stamped on the migration card"))
        self.results.setAccessibleName(_("Deadlines for the client"))
        self.scroll_area.setAccessibleName(_("Deadlines for the client"))
        self.setAccessibleName(_("Deadline helper"))
        self.refresh()

    def refresh_now(self) -> None:
        self._clear()
        self._fill()
        self._results_layout.addStretch(1)  # sections stay at the top when they are shorter than the view

    def _fill(self) -> None:
        citizenship = self.citizenship.code()
        if not citizenship:
            self._add(wrapped(_("Choose the client's citizenship to see the dates."), name="deadlinePrompt"))
            return
        entry = self.entry_date.date()
        if entry is None:  # no dates from a date that was not typed (the field says what is wrong)
            self._add(wrapped(_("Type a valid entry date to see the dates."), name="deadlinePrompt"))
            return
        procedures = self._active_procedures()
        plan = deadlines.plan(list(procedures.values()), citizenship, entry, self.region.code() or None)
        # two lines, so no full stop follows the date: a long date may end in one ("3 декабря 2026 г.")
        self._add(wrapped(_("Entry into Russia: {date}").format(date=i18n.format_date(entry)) + "\n"
                          + _("Dates computed from the rules in the dataset."), name="deadlineSummary"))
        self._add_due(plan.due, procedures)
        self._add_stay_limit(citizenship, entry, procedures)
        self._add_regional(plan.regional, procedures)  # before "not needed": it may replace a step above
        self._add_not_needed(plan, procedures)

    # ------------------------------------------------------------------ sections

    def _add_due(self, due: list[deadlines.DueDate], procedures: dict[str, m.Procedure]) -> None:
        self._add(self._heading(_("Dates to act by")))
        if not due:
            self._add(wrapped(_("The dataset gives no deadline counted from entry for this citizenship."),
                              name="noDeadlines"))
            return
        # Two columns, the date and what to do (with its rule and procedure below it): readable in the
        # main window's narrow tab and at 200 % font. Box layouts only; they wrap labels reliably.
        table = QWidget()
        table.setObjectName("dueGrid")
        rows = QVBoxLayout(table)
        rows.setContentsMargins(0, 0, 0, 0)
        bold_font = QFont(self.font())
        bold_font.setBold(True)
        today = _dt.date.today()
        texts = [_("By")] + [text for item in due
                             for text in (i18n.format_date(item.date), days_from_today(item.date, today))]
        date_width = max(QFontMetrics(bold_font).horizontalAdvance(t) for t in texts) + self._gap()
        rows.addLayout(self._due_line(bold(wrapped(_("By"))), bold(wrapped(_("What to do"))), date_width))
        for item in due:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            rows.addWidget(line)
            rows.addLayout(self._due_row(item, procedures[item.procedure_id], date_width, today))
        self._add(table)

    def _due_line(self, date: QLabel, body, date_width: int, when: QLabel | None = None) -> QHBoxLayout:
        """The date column (the date, and how far it is from today below it) beside the body."""
        line = QHBoxLayout()
        line.setSpacing(self._gap())
        column = QVBoxLayout()
        column.setSpacing(0)
        for label in (date, when) if when is not None else (date,):
            label.setWordWrap(False)
            label.setFixedWidth(date_width)
            column.addWidget(label)
        column.addStretch(1)
        line.addLayout(column)
        if isinstance(body, QWidget):
            line.addWidget(body, 1)
        else:
            line.addLayout(body, 1)
        return line

    def _due_row(self, item: deadlines.DueDate, procedure: m.Procedure, date_width: int,
                 today: _dt.date) -> QHBoxLayout:
        lang = self.ctx.lang
        step = procedure.steps[item.step - 1]
        date = bold(wrapped(i18n.format_date(item.date), name="dueDate"))
        when = wrapped(days_from_today(item.date, today), name="dueIn")
        what = wrapped(labels.content_text(item.text, lang), name="dueWhat")
        if step.confidence != "verified":
            partly = _("⚠ not fully confirmed")
            what.setText(f"{what.text()}\n{partly}: "
                         f"{labels.content_text(step.note, lang)}".rstrip(": "))
        rule = wrapped("\n".join(self._rule_lines(item)), name="dueRule")
        link = self._link(procedure)
        body = QVBoxLayout()
        body.setSpacing(2)
        for widget in (date, when, what, rule, link):
            widget.setProperty("procedureId", item.procedure_id)
            widget.setProperty("step", item.step)
            widget.setProperty("isoDate", item.date.isoformat())
        for widget in (what, rule, link):
            body.addWidget(widget)
        date.setAccessibleName(_("By {date}: {what}").format(date=date.text(), what=what.text()))
        return self._due_line(date, body, date_width, when)

    def _gap(self) -> int:
        return self.fontMetrics().averageCharWidth() * 2

    def _rule_lines(self, item: deadlines.DueDate) -> list[str]:
        lines = [_("Rule: {rule}").format(rule=labels.deadline(item.deadline))]
        note = labels.content_text(item.deadline.note, self.ctx.lang)
        if note:
            lines.append(note)
        if item.deadline.working_days:
            lines.append(_("Working days are Monday to Friday. Public holidays are not counted here: "
                           "if one falls in this period, the deadline is later."))
        if item.deadline.counted_from == "arrival":
            lines.append(_("Counted here from the entry date; if the client reached the place of stay "
                           "later, count from that day."))
        return lines

    def _add_stay_limit(self, citizenship: str, entry: _dt.date, procedures: dict[str, m.Procedure]) -> None:
        """The 90 days per calendar year: asked and computed per client (ui/stay_limit_box)."""
        procedure = stay_limit.limit_procedure(list(procedures.values()), citizenship)
        if procedure is None:
            return
        self._add(self._heading(_("Stay limit: 90 days per calendar year")))
        country = self.ctx.countries().get(citizenship)
        box = StayLimitBox(procedure, citizenship, bool(country and country.eaeu), entry, self.stay_inputs,
                           self.ctx.lang)
        box.layout_.addWidget(self._link(procedure))
        self._add(box)

    def _add_not_needed(self, plan: deadlines.Plan, procedures: dict[str, m.Procedure]) -> None:
        if not plan.not_needed:
            return
        lang = self.ctx.lang
        self._add(self._heading(_("Not needed for this citizenship")))
        # the citizenship's own rules: procedures with dates here that name the citizenship explicitly
        own = [procedures[pid] for pid in dict.fromkeys(d.procedure_id for d in plan.due)
               if m.ALL not in procedures[pid].applies_to]
        for pid in plan.not_needed:
            box, box_layout = self._box("notNeeded", pid)
            box_layout.addWidget(self._link(procedures[pid]))
            box_layout.addWidget(bold(wrapped(_("not needed for this citizenship"), name="notNeededText")))
            for rules in own:
                box_layout.addWidget(wrapped(_("Rules for this citizenship:")))
                box_layout.addWidget(self._link(rules))
                box_layout.addWidget(wrapped(labels.record_text(rules, "summary", lang), name="ownRuleSummary"))
            self._add(box)

    def _add_regional(self, regional: list[str], procedures: dict[str, m.Procedure]) -> None:
        if not regional:
            return
        lang = self.ctx.lang
        regions = {r.code: r for r in self.ctx.regions()}
        self._add(self._heading(_("Rules only for some regions")))
        for pid in regional:
            procedure = procedures[pid]
            names = [labels.place_name(regions[c].name, lang) if c in regions else c for c in procedure.regions]
            box, box_layout = self._box("regional", pid)
            box_layout.addWidget(self._link(procedure))
            box_layout.addWidget(wrapped(_("Applies in: {regions}").format(regions=", ".join(names)),
                                         name="regionalWhere"))
            box_layout.addWidget(wrapped(labels.record_text(procedure, "summary", lang), name="regionalSummary"))
            self._add(box)

    # ------------------------------------------------------------------ pieces

    def _active_procedures(self) -> dict[str, m.Procedure]:
        if self._procedures is None:
            records = (self.ctx.store.record(rid) for rid in self.ctx.store.ids("procedure"))
            self._procedures = {r.id: r for r in records if r.status in ACTIVE}
        return self._procedures

    def _link(self, procedure: m.Procedure) -> QLabel:
        """The procedure's title as a link that opens it (Tab reaches it, Enter follows it)."""
        title = labels.record_text(procedure, "title", self.ctx.lang)
        label = wrapped(f'<a href="{esc(procedure.id)}">{esc(title)}</a>', rich=True,
                        name="procedureLink")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                      | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        label.setProperty("procedureId", procedure.id)
        label.setAccessibleName(_("Open procedure: {title}").format(title=title))
        label.setToolTip(_("Open procedure: {title}").format(title=title))
        label.linkActivated.connect(self.open_record.emit)
        return label

    def _box(self, name: str, procedure_id: str) -> tuple[QFrame, QVBoxLayout]:
        box = QFrame()
        box.setObjectName(name)
        box.setProperty("procedureId", procedure_id)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        layout.setSpacing(4)
        return box, layout

    def _heading(self, text: str) -> QLabel:
        if self._results_layout.count():
            self._results_layout.addSpacing(self.fontMetrics().height())
        label = bold(wrapped(text, name="sectionHeading"))
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return label

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange and shiboken6.isValid(self):
            self.refresh()  # the date column's width is measured in the font

    def _add(self, widget: QWidget) -> None:
        self._results_layout.addWidget(widget)

    def _clear(self) -> None:
        while self._results_layout.count():
            item = self._results_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # gone from findChildren at once, not after the next event loop
                widget.deleteLater()
