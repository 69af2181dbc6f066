"""A visible keyboard focus mark for item views whose rows are widgets (the search results).

The style's own focus frame is not drawn there: Fusion draws it only after a keyboard focus change, and the
selection's colour alone looks the same whether the list or the search field has the keys. So the current
row gets a frame of its own while the list has the focus, in the text colour, which stands out both on the
list's background and on the selection.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

FRAME_WIDTH = 2  # px: thick enough to be seen at a glance, thin enough to leave the row's text alone


class FocusMarkDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        if not option.state & QStyle.StateFlag.State_HasFocus:
            return
        painter.save()
        pen = QPen(option.palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text))
        pen.setWidth(FRAME_WIDTH)
        painter.setPen(pen)
        half = FRAME_WIDTH // 2
        painter.drawRect(option.rect.adjusted(half, half, -half, -half))
        painter.restore()
