"""Dialogs that are gone once closed."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from ..core.i18n import forget_listeners


class TransientDialog(QDialog):
    """A dialog that is gone once closed. Qt deletes it: opened with the main window as its parent, it
    would otherwise stay the window's child for good, holding what it was opened with (a store that a data
    update has closed since). And it stops following the interface language at once, because the deletion
    waits for the event loop and a language change may come first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def done(self, result: int) -> None:
        forget_listeners(self)
        super().done(result)
