"""Tells the Qt-free i18n core which listeners belong to deleted widgets, so they are dropped."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject

from ..core import i18n


def _alive(owner) -> bool:
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


i18n.set_owner_check(_alive)
