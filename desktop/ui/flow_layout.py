"""A layout that puts its widgets side by side while they fit and starts a new line when they do not.

At a large text size a row of filters or buttons is wider than a small screen's side panel; rather than
scroll sideways (hiding half of each row) or cut the words, the row wraps, as text does. It follows Qt's
"Flow Layout" example, with one addition: in a `fill` layout the widgets of a line share the whole line
width (two choosers side by side each take their part; alone on a line a chooser takes all of it)."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, fill: bool = False, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._fill = fill
        self._stretch: dict[int, int] = {}  # item position -> its share of the line's spare width (fill only)
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def add(self, widget: QWidget, stretch: int = 1) -> None:
        self._stretch[len(self._items)] = stretch
        self.addWidget(widget)

    # ------------------------------------------------------------------ QLayout's interface

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        """Never: a row of buttons takes its own height (QLayout's default, both directions, made the rows of
        the search panel share its free height while the results were hidden)."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line."""
        visible = self._visible()
        width = sum(item.sizeHint().width() for _, item in visible) + self.spacing() * max(0, len(visible) - 1)
        height = max((item.sizeHint().height() for _, item in visible), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """One widget a line: as narrow as the widest widget's minimum."""
        size = QSize()
        for _, item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # ------------------------------------------------------------------ placing

    def _visible(self) -> list[tuple[int, QLayoutItem]]:
        shown = []
        for position, item in enumerate(self._items):
            widget = item.widget()
            if widget is None or not widget.isHidden():
                shown.append((position, item))
        return shown

    def _lines(self, width: int) -> list[list[tuple[int, QLayoutItem]]]:
        lines: list[list[tuple[int, QLayoutItem]]] = [[]]
        used = 0
        for position, item in self._visible():
            need = min(item.sizeHint().width(), width)
            if lines[-1] and used + self.spacing() + need > width:
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + need
            lines[-1].append((position, item))
        return [line for line in lines if line]

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lays the items out in `rect` (when `move`) and returns the height that takes."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.y()
        for line in self._lines(area.width()):
            widths = [min(item.sizeHint().width(), area.width()) for _, item in line]
            if self._fill:
                spare = area.width() - sum(widths) - self.spacing() * (len(line) - 1)
                shares = [self._stretch.get(position, 1) for position, _ in line]
                widths = [w + spare * share // max(1, sum(shares)) for w, share in zip(widths, shares, strict=True)]
            height = max(item.sizeHint().height() for _, item in line)
            x = area.x()
            for (_, item), width in zip(line, widths, strict=True):
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                x += width + self.spacing()
            y += height + self.spacing()
        return max(0, y - self.spacing() - area.y()) + margins.top() + margins.bottom()
