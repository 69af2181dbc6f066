"""Pieces the form's sections share: the record's source keys as a choice, a list of rows in a box of its own, the
region / country / federal district checklists with their names, and a sourced fact (a value with its source,
confidence and note, as an address, e-mail, website, hours or head is written)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ...core import model as m
from ...core.content.yaml_lines import FieldPath
from ...core.i18n import _
from .choice_words import choice, named
from .fields import ChecklistField, ChoiceField, LocalField, PartialDateField
from .rows import RowsEditor, RowsSpec

if TYPE_CHECKING:
    from .binding import Form as RecordForm


def source_choice(form: RecordForm) -> ChoiceField:
    ids = [str(src.get("id")) for src in (form.rf.get(("sources",)) or []) if isinstance(src, dict) and src.get("id")]
    return ChoiceField([(i, i) for i in ids], empty=True)


def rows_box(form: RecordForm, spec: RowsSpec) -> None:
    box = QGroupBox(spec.title)
    box.setObjectName("group:" + ".".join(str(p) for p in spec.path))
    QVBoxLayout(box).addWidget(RowsEditor(form, spec))
    form.column.addWidget(box)


def countries(form: RecordForm) -> list[tuple[str, str]]:
    return named([(c.code, c.name) for c in form.session.content.countries])


def regions(form: RecordForm) -> list[tuple[str, str]]:
    return named([(r.code, r.name) for r in form.session.content.regions])


def federal_districts(form: RecordForm) -> list[tuple[str, str]]:
    names = form.session.content.federal_districts
    return named([(code, names.get(code) or code) for code in m.FEDERAL_DISTRICTS])


def citizenships(form: RecordForm) -> ChecklistField:
    return ChecklistField(countries(form), default=_("all citizenships"))


def _label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)  # a long word in Russian or Kyrgyz does not widen the form
    return label


def fact(form: RecordForm, path: FieldPath, key: str, value: QWidget, since: bool = False) -> QWidget:
    """A sourced fact at `path`: its value (`key`: text, value or name) on the first line, then its source,
    confidence (and `since` for a head), then its note in four languages."""
    box = QWidget()
    box.setObjectName("fact:" + ".".join(str(p) for p in path))
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setVerticalSpacing(2)
    grid.addWidget(form.field(path + (key,), value), 0, 0, 1, 4)
    grid.addWidget(_label(_("Source"), box), 1, 0)
    grid.addWidget(form.field(path + ("source",), source_choice(form)), 1, 1)
    grid.addWidget(_label(_("Confidence"), box), 1, 2)
    grid.addWidget(form.field(path + ("confidence",), choice("confidence", empty=True)), 1, 3)
    row = 2
    if since:
        grid.addWidget(_label(_("In office since"), box), row, 0)
        grid.addWidget(form.field(path + ("since",), PartialDateField()), row, 1)
        row += 1
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    grid.addWidget(_label(_("Note"), box), row, 0)
    grid.addWidget(form.field(path + ("note",), LocalField()), row, 1, 1, 3)
    return box
