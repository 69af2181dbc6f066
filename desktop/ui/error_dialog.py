"""The dialog an unexpected error shows: short, with the log file's path, and true about what happens next:
after an error in something the window was doing the app keeps running; after one that stops the app
(nothing caught it, so Python exits once the dialog is closed) it says the app has to close."""
from __future__ import annotations

from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.i18n import _

_showing = {"now": False}


def stops_the_app(tb: TracebackType | None) -> bool:
    """Whether this exception went uncaught to the outermost frame: Python calls sys.excepthook with it
    and then exits. An exception in a Qt slot or event handler ends at that function, whose caller (the
    frame running the event loop) is still there, and the app carries on."""
    return tb is None or tb.tb_frame.f_back is None


def show_error(exc: BaseException, log_path: Path, *, closing: bool = False) -> None:
    if _showing["now"] or QApplication.instance() is None:
        return  # one dialog at a time: an error inside the dialog must not cascade
    _showing["now"] = True
    try:
        box = QMessageBox(QApplication.activeWindow())
        box.setObjectName("errorDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Something went wrong"))
        if closing:
            box.setText(_("Migrant Desk hit an unexpected problem and has to close. Nothing was deleted: your "
                          "bookmarks and notes stay as they were. Start Migrant Desk again."))
        else:
            box.setText(_("Migrant Desk hit an unexpected problem and carried on. What you were doing may not "
                          "have finished; your bookmarks and notes are safe."))
        box.setInformativeText(_("Details were written to the log file:") + f"\n{log_path}")
        box.setDetailedText(f"{type(exc).__name__}: {exc}")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()
    finally:
        _showing["now"] = False
