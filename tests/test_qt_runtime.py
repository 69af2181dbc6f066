"""The Qt binding in use must not leak references to None (PySide6 6.12.0 did: every void method call
dropped one, and a long session died with 'none_dealloc'; pyproject pins below it)."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(5000):
        label.setText(str(i))
        label.setObjectName("x")
    assert abs(sys.getrefcount(None) - before) < 100
