"""The text size setting applied to the running application (at start, from the menu, from the settings)."""
from __future__ import annotations

from typing import cast


def apply_font_scale(scale: int) -> None:
    """Every widget's font at `scale` percent of the font the application started with."""
    from PySide6.QtWidgets import QApplication

    app = cast(QApplication, QApplication.instance())
    base = app.property("baseFontPointSize")
    if base is None and scale == 100:
        return  # the font is as it is (and the window paints without reading it first)
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty("baseFontPointSize", base)
    font = app.font()
    font.setPointSizeF(base * scale / 100)
    app.setFont(font)
