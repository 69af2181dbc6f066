"""A full sheet's page breaks: headings stay with their sections, short blocks (a step, a contact, the QR code)
are never split, a tall block moves to the next page only when that wastes little paper. Used by
`core.sheet_pdf` on a laid-out QTextDocument (QtGui only)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextFrame

KEEP_WITH_HEADING_PT = 60  # a heading needs at least ~3 lines of its section below it on the same page
SHORT_FRACTION = 0.25      # a block up to this share of a page (a step, a contact, the QR) is never split
MAX_GAP_FRACTION = 0.15    # a taller block moves to the next page only if that leaves at most this gap
WIDOW_PT = 45              # ... or if a split would leave fewer than about three lines on either page


@dataclass
class _Unit:
    """A top-level block or table of a laid-out sheet."""
    item: QTextBlock | QTextFrame
    rect: QRectF
    heading: bool = False
    whole: bool = False  # never split: it holds the QR code

    def page_end(self, page: float) -> float:
        return (int(self.rect.top() // page) + 1) * page

    def starts_page(self, page: float) -> bool:
        return self.rect.top() - (self.page_end(page) - page) < 1


def _units(doc: QTextDocument) -> list[_Unit]:
    """Top-level blocks and tables in order, with where they were laid out."""
    layout = doc.documentLayout()
    units = []
    it = doc.rootFrame().begin()
    while not it.atEnd():
        frame, block = it.currentFrame(), it.currentBlock()
        if frame is not None:
            # Qt reports a table's rectangle shifted by its cell padding; the size is the whole table.
            fmt = frame.frameFormat()
            pad = fmt.toTableFormat().cellPadding() if fmt.isTableFormat() else 0
            cursor = QTextCursor(doc)
            cursor.setPosition(frame.firstPosition())
            cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
            image = "\ufffc" in cursor.selectedText()  # an inline image is this object character
            units.append(_Unit(frame, layout.frameBoundingRect(frame).translated(-pad, -pad), whole=image))
        elif block.isValid() and block.text().strip():
            units.append(_Unit(block, layout.blockBoundingRect(block),
                               heading=block.blockFormat().headingLevel() > 0))
        it += 1
    return units


def _break_before(item: QTextBlock | QTextFrame) -> None:
    if isinstance(item, QTextFrame):
        frame_format = item.frameFormat()
        frame_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        item.setFrameFormat(frame_format)
    else:
        block_format = item.blockFormat()
        block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(item).setBlockFormat(block_format)


def _crosses(unit: _Unit, page: float) -> bool:
    return unit.rect.bottom() > unit.page_end(page) + 0.5


def _should_move(unit: _Unit, page: float) -> bool:
    """A block crossing a page break moves whole to the next page when it is short (a step, a contact,
    the QR code); a tall one only when moving wastes little paper or a split would strand a line or two."""
    if not _crosses(unit, page) or unit.starts_page(page) or unit.rect.height() >= page:
        return False
    if unit.whole or unit.rect.height() <= page * SHORT_FRACTION:
        return True
    above = unit.page_end(page) - unit.rect.top()
    below = unit.rect.bottom() - unit.page_end(page)
    return above <= page * MAX_GAP_FRACTION or min(above, below) < WIDOW_PT


def _orphaned(heading: _Unit, following: _Unit | None, page: float) -> bool:
    """A heading must not end a page: it needs its section's first lines below it on the same page."""
    end = heading.page_end(page)
    if _crosses(heading, page):
        return True
    if following is None:
        return False
    if following.rect.top() >= end - 0.5:
        return True
    return _crosses(following, page) and (_should_move(following, page)
                                          or end - following.rect.top() < KEEP_WITH_HEADING_PT)


def keep_together(doc: QTextDocument) -> None:
    """Keep headings with their sections and short blocks in one piece by page breaks before them.

    Each break shifts everything after it, so the document is measured again after every break; a sheet
    has a few pages, so this is a handful of passes.
    """
    page = doc.pageSize().height()
    for _ in range(200):
        units = _units(doc)
        for n, unit in enumerate(units):
            following = units[n + 1] if n + 1 < len(units) else None
            if unit.heading:
                move = _orphaned(unit, following, page) and not unit.starts_page(page)
            else:
                move = _should_move(unit, page)
            if move:
                _break_before(unit.item)
                break
        else:
            return
