"""A procedure's steps, one box each: what to do and where, whose citizens the step is for, how sure it is and
its note, and its deadlines as rows; "Remove step" on each box (asked first) and "Add step" under them."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout

from ...core.content.yaml_lines import FieldPath
from ...core.i18n import _
from .choice_words import choice
from .fields import BoolField, IntField, LocalField
from .parts import citizenships
from .rows import Column, RowsEditor, RowsSpec, add_item, remove_item

if TYPE_CHECKING:
    from .binding import Form as RecordForm


def steps_spec() -> RowsSpec:
    return RowsSpec(("steps",), _("Steps"), [], lambda n: {"text": {"ru": ""}}, _("step"))


def steps(form: RecordForm) -> None:
    raw = form.rf.get(("steps",))
    box = QGroupBox(_("Steps"))
    box.setObjectName("groupSteps")
    column = QVBoxLayout(box)
    spec = steps_spec()
    for i, _step in enumerate(raw if isinstance(raw, list) else []):
        column.addWidget(step_box(form, i, spec))
    add = QPushButton(_("Add {what}").format(what=spec.noun), box)
    add.setObjectName("addStep")
    add.clicked.connect(lambda: add_item(form, spec))
    column.addWidget(add)
    form.region(("steps",), box)
    form.column.addWidget(box)


def step_box(form: RecordForm, i: int, spec: RowsSpec) -> QGroupBox:
    path: FieldPath = ("steps", i)
    step = QGroupBox(_("Step {n}").format(n=i + 1))
    step.setObjectName(f"step{i}")
    grid = QGridLayout(step)
    grid.setColumnStretch(0, 3)
    grid.setColumnStretch(1, 1)
    grid.addWidget(QLabel(_("What to do"), step), 0, 0, 1, 2)
    grid.addWidget(form.field(path + ("text",), LocalField(multiline=True)), 1, 0, 1, 2)
    grid.addWidget(QLabel(_("Where"), step), 2, 0, 1, 2)
    grid.addWidget(form.field(path + ("where",), LocalField()), 3, 0, 1, 2)
    grid.addWidget(QLabel(_("For citizens of"), step), 4, 0)
    grid.addWidget(QLabel(_("Confidence"), step), 4, 1)
    grid.addWidget(form.field(path + ("applies_to",), citizenships(form)), 5, 0)
    sure = QVBoxLayout()
    sure.addWidget(form.field(path + ("confidence",), choice("confidence", empty=True)))
    sure.addStretch(1)
    remove = QPushButton(_("Remove step {n}").format(n=i + 1), step)
    remove.setObjectName("removeStep")
    remove.clicked.connect(lambda _checked=False: remove_item(form, spec, i, step))
    sure.addWidget(remove)
    grid.addLayout(sure, 5, 1)
    grid.addWidget(QLabel(_("Note (what is not confirmed, or what to know)"), step), 6, 0, 1, 2)
    grid.addWidget(form.field(path + ("note",), LocalField()), 7, 0, 1, 2)
    grid.addWidget(QLabel(_("Deadlines"), step), 8, 0, 1, 2)
    grid.addWidget(RowsEditor(form, deadline_spec(form, path + ("deadline",))), 9, 0, 1, 2)
    return step


def deadline_spec(form: RecordForm, path: FieldPath) -> RowsSpec:
    return RowsSpec(path, _("Deadlines"), [
        Column("days", _("Days"), IntField), Column("months", _("Months"), IntField),
        Column("counted_from", _("Counted from"), lambda: choice("counted_from", empty=True), 2),
        Column("working_days", _("Working days"), lambda: BoolField(_("working days"))),
        Column("before", _("Before"), lambda: BoolField(_("before the event"))),
        Column("applies_to", _("Citizens of"), lambda: citizenships(form), 2),
        Column("note", _("Note"), LocalField, below=True)],
        lambda n: {"days": 7, "counted_from": "arrival"}, _("deadline"))
