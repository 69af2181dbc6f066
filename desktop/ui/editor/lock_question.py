"""One editor per content folder: the lock is taken when it is free (or stale); when another editor holds it, the
person is told who and since when, and asked whether to edit anyway. "No" leaves the other's lock as it was."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ...core.content.editor_lock import EditorLock
from ...core.i18n import _


def may_edit(lock: EditorLock, parent: QWidget | None = None) -> bool:
    """True when this editor holds `lock` now: taken at once, or taken over after the person said Yes."""
    other = lock.acquire()
    if other is None:
        return True
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(
        parent, _("Content editor"),
        _("{who}. Two editors on one content folder can overwrite each other's work. Edit anyway?")
        .format(who=other.describe()), buttons, QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    lock.acquire(take_over=True)
    return True
