"""One record's form: every field widget bound to its field path in the record file; an edit sets only that
node (RecordFile.set), the live check runs as you type and its messages are shown under the field they concern
(or under the nearest part of the form that holds it)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget
from ruamel.yaml.comments import CommentedSeq

from ...core import model as m
from ...core.content.live_check import Problems
from ...core.content.roundtrip import RecordFile
from ...core.content.yaml_lines import FieldPath, format_path
from ...core.i18n import _
from ..date_field import ERROR_COLOUR
from . import sections
from .fields import LocalField
from .session import Session, plain_value

CHECK_DELAY_MS = 150


# The order of a record's keys in db/content/README.md: a key the record did not have goes after the nearest key
# before it that the file has (a new head after the website, not at the end of the file after the texts).
KEY_ORDER = ("id", "kind", "draft", "ref", "type", "agreement_type", "topic", "serves", "status", "dates",
             "parties", "applies_to", "regions", "city", "region", "district", "address", "phones", "email",
             "website", "hours", "head", "links", "legal_basis", "steps", "documents", "fees", "verified_on",
             "review_by", "confidence", "confidence_note", "notes", "sources", "ru", "uz", "ky", "en")


def _after(rf: RecordFile, path: FieldPath) -> str | None:
    """For a top-level key the file lacks: the key of the file it goes after (None: at the end, or present)."""
    key = path[0]
    if not isinstance(key, str) or key not in KEY_ORDER or rf.get((key,)) is not None:
        return None
    present = set(rf.data) if isinstance(rf.data, dict) else set()
    before = [k for k in KEY_ORDER[:KEY_ORDER.index(key)] if k in present]
    return before[-1] if before else None


def assign(rf: RecordFile, path: FieldPath, value: Any) -> None:
    """Set (or, for None, remove) the node at `path`; a list of codes keeps the one-line form `[UZ, KG]`."""
    value = plain_value(value)
    if value is None:
        rf.delete(path)
        parent = path[:-1]  # a mapping left empty goes too (a district whose last field was cleared)
        while parent and isinstance(parent[-1], str) and rf.get(parent) in ({}, []):
            rf.delete(parent)
            parent = parent[:-1]
        return
    after = _after(rf, path)
    if after is not None and len(path) > 1:  # the new mapping (or list) in its place, its value set below
        rf.set(path[:1], CommentedSeq() if isinstance(path[1], int) else {}, after=after)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        old = rf.get(path)
        seq = CommentedSeq(value)
        if not isinstance(old, CommentedSeq) or old.fa.flow_style() or not old:
            seq.fa.set_flow_style()
        value = seq
    rf.set(path, value, after=after if len(path) == 1 else None)


class Bound:
    """A widget at a field path and the label under it that shows the path's problems."""

    def __init__(self, path: FieldPath, widget: QWidget, error: QLabel) -> None:
        self.path, self.widget, self.error = path, widget, error


class RecordForm(QScrollArea):
    """The form of the record in `rf`. `edited` after every change; `problems_shown(problems)` after a check."""

    edited = Signal()
    checked = Signal(object)

    def __init__(self, session: Session, rf: RecordFile, lang: str = "ru", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorForm")
        self.session, self.rf, self.lang = session, rf, lang
        self.bound: dict[FieldPath, Bound] = {}
        self.problems: Problems = {}
        self.emptied: set[FieldPath] = set()
        self.setWidgetResizable(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.run_check)
        self.rebuild()

    # -- building

    def rebuild(self) -> None:
        """Build the form again from the record file (after a row was added or removed)."""
        scroll = self.verticalScrollBar().value()
        self.bound = {}
        page = QWidget()
        page.setObjectName("editorFormPage")
        self.column = QVBoxLayout(page)
        self.general = QLabel(page)
        self.general.setObjectName("formProblems")
        self.general.setWordWrap(True)
        self.general.setTextFormat(Qt.TextFormat.PlainText)
        self.general.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.column.addWidget(self.general)
        sections.build(self)
        self.column.addStretch(1)
        self.setWidget(page)
        self.verticalScrollBar().setValue(scroll)
        self.run_check()

    def group(self, title: str, name: str) -> QFormLayout:
        box = QGroupBox(title, self.widget() or None)
        box.setObjectName(name)
        layout = QFormLayout(box)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.column.addWidget(box)
        return layout

    def field(self, path: FieldPath, widget: QWidget, value: Any = ..., name: str = "") -> QWidget:
        """`widget` bound to `path`: filled with the file's value, its edits written back, its problems shown
        under it. Returns the widget with its problem label, to be laid out."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        error = QLabel(holder)
        error.setObjectName("fieldProblem")
        error.setWordWrap(True)
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setStyleSheet(f"color: {ERROR_COLOUR}")
        error.setVisible(False)
        column.addWidget(error)
        widget.setObjectName(name or "field:" + format_path(path))
        self.bound[path] = Bound(path, widget, error)
        setter = getattr(widget, "set_value", None)
        if setter is not None:
            setter(self.rf.get(path) if value is ... else value)
        if isinstance(widget, LocalField):
            widget.lang_edited.connect(lambda lang, text: self.write_local(path, lang, text))
        elif hasattr(widget, "edited"):
            widget.edited.connect(lambda new: self.write(path, new))
        return holder

    def region(self, path: FieldPath, widget: QWidget) -> None:
        """A part of the form (a list of rows) that shows the problems of everything under `path` without a
        field of its own."""
        error = QLabel(widget)
        error.setObjectName("fieldProblem")
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {ERROR_COLOUR}")
        error.setVisible(False)
        layout = widget.layout()
        if layout is not None:
            layout.addWidget(error)
        self.bound[path] = Bound(path, widget, error)

    # -- editing

    def write(self, path: FieldPath, value: Any) -> None:
        self._assign(path, value)
        self.edited.emit()
        self._timer.start()

    def _assign(self, path: FieldPath, value: Any) -> None:
        """A text emptied while typing stays in its place (as "") until the save, so typing it again keeps the
        key where it was, with its quoting; `finish` removes what is still empty."""
        if plain_value(value) is None and isinstance(self.rf.get(path), str):
            self.rf.set(path, "")
            self.emptied.add(path)
        else:
            assign(self.rf, path, value)

    def finish(self) -> None:
        """Before a save: the texts left empty are removed (an optional key unset, a required one reported)."""
        for path in sorted(self.emptied, key=len, reverse=True):
            if self.rf.get(path) == "":
                self.rf.delete(path)
                parent = path[:-1]
                if parent and self.rf.get(parent) in ({}, []):
                    self.rf.delete(parent)
        self.emptied.clear()

    def write_local(self, path: FieldPath, lang: str, text: Any) -> None:
        """One language of a localised text: only that language's node when the text is a map of languages."""
        current = self.rf.get(path)
        if isinstance(current, dict):
            self._assign(path + (lang,), text)
        else:
            widget = self.bound[path].widget
            assign(self.rf, path, widget.value if isinstance(widget, LocalField) else text)
        self.edited.emit()
        self._timer.start()

    def structure_changed(self) -> None:
        """A row was added or removed: the form is built again."""
        self.edited.emit()
        self.rebuild()

    # -- the check

    def run_check(self) -> None:
        self._timer.stop()
        try:
            self.problems = self.session.check(self.rf)
        except Exception as exc:
            self.problems = {(): [str(exc)]}
        self.show_problems(self.problems)
        self.checked.emit(self.problems)

    def show_problems(self, problems: Problems) -> None:
        at: dict[FieldPath, list[str]] = {}
        general: list[str] = []
        for path, messages in problems.items():
            probe = tuple(path)
            while probe and probe not in self.bound:
                probe = probe[:-1]
            if probe:
                rest = tuple(path)[len(probe):]
                prefix = format_path(rest) + ": " if rest else ""
                at.setdefault(probe, []).extend(prefix + msg for msg in messages)
            else:
                where = format_path(tuple(path)) or _("record")
                general.extend(f"{where}: {msg}" for msg in messages)
        for path, bound in self.bound.items():
            text = "\n".join(at.get(path, []))
            bound.error.setText(text)
            bound.error.setVisible(bool(text))
            bound.widget.setAccessibleDescription(text)
        count = sum(len(v) for v in problems.values())
        head = (_("{n} problem(s): the record can be saved only as a draft, which is not published.")
                .format(n=count) if count else "")
        self.general.setText("\n".join([head, *general]).strip())
        self.general.setVisible(bool(count))

    def problem_at(self, path: FieldPath) -> str:
        bound = self.bound.get(path)
        return bound.error.text() if bound is not None and bound.error.isVisible() else ""

    @property
    def kind(self) -> str:
        return str(self.rf.get(("kind",)) or "")

    def kind_is(self, kind: str) -> bool:
        return self.kind == kind and kind in m.KINDS
