"""The dialog an unexpected error shows: short, with the log file's path; the app keeps running."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.i18n import _

_showing = {"now": False}


def show_error(exc: BaseException, log_path: Path) -> None:
    if _showing["now"] or QApplication.instance() is None:
        return  # one dialog at a time: an error inside the dialog must not cascade
    _showing["now"] = True
    try:
        box = QMessageBox(QApplication.activeWindow())
        box.setObjectName("errorDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Something went wrong"))
        box.setText(_("Migrant Desk hit an unexpected problem and carried on. What you were doing may not "
                      "have finished; your bookmarks and notes are safe."))
        box.setInformativeText(_("Details were written to the log file:") + f"\n{log_path}")
        box.setDetailedText(f"{type(exc).__name__}: {exc}")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()
    finally:
        _showing["now"] = False
