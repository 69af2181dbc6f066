"""A list of mappings (sources, phones, links, notes, documents, deadlines …) as editable rows: one line of
field widgets per item, "Add" and "Remove" (a removal asks first, nothing is lost silently). A column marked
`below` (a note in four languages) is shown on a line of its own under its item's row, across the row.

A step's `deadline` may be one mapping or a list of them: both are shown as rows, and adding a second row
turns the mapping into a list."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...core.content.roundtrip import to_plain
from ...core.content.yaml_lines import FieldPath
from ...core.i18n import _

if TYPE_CHECKING:
    from .binding import Form as RecordForm


@dataclass
class Column:
    key: str
    title: str
    make: Callable[[], QWidget]
    stretch: int = 1
    below: bool = False  # on a line of its own under the row, across it


@dataclass
class RowsSpec:
    path: FieldPath
    title: str
    columns: list[Column]
    new_item: Callable[[int], dict[str, Any]] = field(default=lambda n: {})
    noun: str = ""


class RowsEditor(QWidget):
    """The rows of the list at `spec.path` in the form's record."""

    def __init__(self, form: RecordForm, spec: RowsSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form, self.spec = form, spec
        self.setObjectName("rows:" + ".".join(str(p) for p in spec.path))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        column.addLayout(grid)
        above = [col for col in spec.columns if not col.below]
        under = [col for col in spec.columns if col.below]
        for c, col in enumerate(above):
            head = QLabel(f"<b>{col.title}</b>", self)
            head.setWordWrap(True)  # a long title in Russian or Kyrgyz does not widen the form
            grid.addWidget(head, 0, c)
            grid.setColumnStretch(c, col.stretch)
        self.remove_buttons: list[QPushButton] = []
        row = 1
        for index, (item_path, item) in enumerate(self.items()):
            for c, col in enumerate(above):
                widget = col.make()
                value = item.get(col.key) if isinstance(item, dict) else None
                grid.addWidget(form.field(item_path + (col.key,), widget, value), row, c)
            remove = QPushButton(_("Remove"), self)
            remove.setObjectName("removeRow")
            remove.clicked.connect(lambda _checked=False, i=index: self.remove(i))
            grid.addWidget(remove, row, len(above))
            self.remove_buttons.append(remove)
            for col in under:
                row += 1
                line = QHBoxLayout()
                line.addWidget(QLabel(col.title, self))
                value = item.get(col.key) if isinstance(item, dict) else None
                line.addWidget(form.field(item_path + (col.key,), col.make(), value), 1)
                grid.addLayout(line, row, 0, 1, len(above))
            row += 1
        self.add_button = QPushButton(_("Add {what}").format(what=spec.noun) if spec.noun else _("Add"), self)
        self.add_button.setObjectName("addRow")
        self.add_button.clicked.connect(self.add)
        column.addWidget(self.add_button)
        form.region(spec.path, self)

    def raw(self) -> Any:
        return self.form.rf.get(self.spec.path)

    def items(self) -> list[tuple[FieldPath, Any]]:
        value = self.raw()
        if isinstance(value, dict):  # a single mapping (a step's one deadline)
            return [(self.spec.path, value)]
        if isinstance(value, list):
            return [(self.spec.path + (i,), item) for i, item in enumerate(value)]
        return []

    def add(self) -> None:
        add_item(self.form, self.spec)

    def remove(self, index: int, ask: bool = True) -> None:
        remove_item(self.form, self.spec, index, self if ask else None)


def add_item(form: RecordForm, spec: RowsSpec) -> None:
    """A new item at the end of the list at `spec.path` (a single mapping becomes a list of two)."""
    rf, path = form.rf, spec.path
    value = rf.get(path)
    count = 1 if isinstance(value, dict) else len(value) if isinstance(value, list) else 0
    item = spec.new_item(count + 1)
    if isinstance(value, dict):
        rf.set(path, [to_plain(value), item])
    elif isinstance(value, list):
        rf.set(path + (len(value),), item)
    else:
        rf.set(path, [item])
    form.structure_changed()


def remove_item(form: RecordForm, spec: RowsSpec, index: int, ask: QWidget | None) -> None:
    """Item `index` of the list at `spec.path` removed, after asking the person (`ask`: the dialog's parent)."""
    if ask is not None:
        answer = QMessageBox.question(ask, _("Remove a row"),
                                      _("Remove row {n} of “{list}”?").format(n=index + 1, list=spec.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
    rf, path = form.rf, spec.path
    value = rf.get(path)
    if isinstance(value, dict) or (isinstance(value, list) and len(value) == 1):
        rf.delete(path)
    else:
        rf.delete(path + (index,))
    form.structure_changed()
