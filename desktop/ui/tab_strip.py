"""The panel titles as a row of buttons that wraps, shown instead of the tab bar when the bar is too narrow.

A tab bar never wraps: at a large text size on a small screen (200 % on 1366x768, Kyrgyz titles need 1,336
pixels) it shows scroll arrows and hides some titles, or cuts them. Then the same titles are shown as
buttons that wrap onto a second line, each whole; choosing one shows its panel, as the tab would."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QTabWidget, QToolButton, QVBoxLayout, QWidget

from ..core.i18n import on_language_changed
from .flow_layout import FlowLayout


class TabStrip(QWidget):
    def __init__(self, tabs: QTabWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("panelButtons")
        self.tabs = tabs
        self._row = FlowLayout(self, spacing=2)
        self._buttons: list[QToolButton] = []
        self.hide()
        tabs.currentChanged.connect(self._mark_current)
        tabs.installEventFilter(self)
        on_language_changed(lambda: QTimer.singleShot(0, self.sync))  # after the window renamed its tabs

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tabs and event.type() == QEvent.Type.Resize:
            self.sync()
        return super().eventFilter(watched, event)

    def fits(self) -> bool:
        """Whether the tab bar can show every title whole."""
        return self.tabs.tabBar().sizeHint().width() <= self.tabs.width()

    def sync(self) -> None:
        """Shows the buttons (and hides the tab bar) when the bar does not fit, and the other way round;
        the buttons carry the tabs' current titles."""
        wrap = not self.fits()
        self.tabs.tabBar().setVisible(not wrap)
        self.setVisible(wrap)
        if wrap:
            self._rebuild()

    def _rebuild(self) -> None:
        titles = [self.tabs.tabText(i).replace("&", "") for i in range(self.tabs.count())]
        if [button.text() for button in self._buttons] == titles:
            self._mark_current(self.tabs.currentIndex())
            return
        for button in self._buttons:
            self._row.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        for index, title in enumerate(titles):
            button = QToolButton(self)
            button.setText(title)
            button.setAccessibleName(title)
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.clicked.connect(lambda _checked=False, i=index: self.tabs.setCurrentIndex(i))
            self._row.addWidget(button)
            self._buttons.append(button)
        self._mark_current(self.tabs.currentIndex())

    def _mark_current(self, index: int) -> None:
        if 0 <= index < len(self._buttons):
            self._buttons[index].setChecked(True)


def with_tab_strip(tabs: QTabWidget, parent: QWidget) -> QWidget:
    """`tabs` under their wrapping strip, in one widget to put where the tabs would go."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(TabStrip(tabs, box))
    layout.addWidget(tabs, 1)
    return box
