"""What the parts of a form (sections, rows, the texts panel) use of the form they are built into: a Protocol,
so they need not import the form module (which builds them)."""
from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget

from ...core.content.roundtrip import RecordFile
from ...core.content.yaml_lines import FieldPath
from .session import Session


class Form(Protocol):
    session: Session
    rf: RecordFile
    lang: str
    column: QVBoxLayout

    @property
    def kind(self) -> str: ...

    def group(self, title: str, name: str) -> QFormLayout: ...

    def field(self, path: FieldPath, widget: QWidget, value: Any = ..., name: str = "") -> QWidget: ...

    def region(self, path: FieldPath, widget: QWidget) -> None: ...

    def write(self, path: FieldPath, value: Any) -> None: ...

    def structure_changed(self) -> None: ...
