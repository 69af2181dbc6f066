"""The advisor's user data at start-up: opened checked (and recovered from damage) before the window is
built; after its first paint, what recovery did is said in a box that does not block the window, and
the day's backup copy is made in the background (its own SQLite connections on the worker thread; the
window's connection is never shared)."""
from __future__ import annotations

import datetime as _dt
import logging
from typing import TYPE_CHECKING

from .. import environment
from ..core.userdata_recovery import Opened, open_userdata

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..core.userdata_backup import BackupCopy

# Only the opening runs before the window's first paint; the message box, the backup and their imports come
# after it (touching PySide's Qt namespace first costs ~10 ms, which the first paint must not pay).
log = logging.getLogger(__name__)


def open_checked() -> Opened:
    """The user data from the user's folder, never stopping the app (see core/userdata_recovery.py)."""
    return open_userdata(environment.userdata_file(), environment.userdata_backups_dir())


def after_first_paint(window: QWidget, opened: Opened) -> None:
    """Say what recovery did (if anything) and back the file up in the background."""
    from ..core.i18n import current_language
    from ..core.userdata_backup import back_up
    from ..present.userdata_notices import recovery_notice
    from .background import BackgroundOp

    if opened.recovery is not None:
        show_recovery(window, recovery_notice(opened.recovery, current_language()))
    path = opened.userdata.path
    if path is None:             # kept in memory: the folder cannot be written, so neither can a copy
        return
    backups = environment.userdata_backups_dir()
    BackgroundOp(window, lambda report: back_up(path, backups, _dt.datetime.now()), name="userdata-backup") \
        .on_success(_backed_up).on_failure(_not_backed_up).run()


def show_recovery(window: QWidget, text: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    log.warning("%s", text)
    box = QMessageBox(QMessageBox.Icon.Warning, environment.DISPLAY_NAME, text, QMessageBox.StandardButton.Ok,
                      window)
    box.setObjectName("userDataRecovered")
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()


def _backed_up(copy: BackupCopy | None) -> None:
    if copy is not None:
        log.info("user data backed up to %s", copy.path)


def _not_backed_up(exc: BaseException) -> None:
    # The file in use is untouched; the older copies stay. Damage in the file itself is found and
    # recovered from at the next start, before the window opens it.
    log.warning("user data could not be backed up: %s", exc)
