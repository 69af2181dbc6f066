"""Whom to call: the contact points for a client's citizenship and Russian region, most useful first.

One table row per contact point from `core.contacts.contacts_for`; phones, the address, the e-mail and the
website each carry a copy button. A value the dataset does not have is shown as "not confirmed", never as an
empty cell; a value that is not fully confirmed is marked, with the editor's note as its tooltip.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QTableWidgetItem, QVBoxLayout, QWidget

from ..core import model as m
from ..core.contacts import contacts_for
from ..core.i18n import N_, _, ngettext
from . import labels
from .filter_table import ID_ROLE, FilterTablePanel
from .widgets import CopyButton

NAME, TYPE, CITY, PHONES, ADDRESS, ONLINE = range(6)
COLUMNS = (N_("Name"), N_("Type"), N_("City"), N_("Phones"), N_("Address"), N_("E-mail / website"))
CELL_COLUMNS = (PHONES, ADDRESS, ONLINE)  # columns whose values carry copy buttons
CONFIDENCE_MARK = {"unverified": N_("⚠ unverified"), "partial": N_("⚠ partly confirmed")}
ZERO_WIDTH_SPACE = "\u200b"
UNBREAKABLE = re.compile(r"[^\s-]+-?|-")  # what a line may not break inside: a word, or a part up to a hyphen
LINE_SPACING = 4       # between a value and its copy button
PREFERRED_CHARS = 26   # a copy cell's text column is wrapped at about this many characters
NAME_MIN_CHARS = 12    # the name column never gets narrower than this
NAME_COMFORT_CHARS = 30  # the name column gets this much before the others grow past their minimum


def confidence_mark(confidence: str | None) -> str:
    """A visible mark for a value that is not fully confirmed ('' for a verified one)."""
    return _(CONFIDENCE_MARK[confidence]) if confidence in CONFIDENCE_MARK else ""



def breakable(value: str) -> str:
    """Lets a long web address wrap inside a narrow column (display only; copies keep the real value)."""
    for char in "/.@-_":
        value = value.replace(char, char + ZERO_WIDTH_SPACE)
    return value


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    # level with the copy cells, which start at the top
    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return item


class FactCell(QWidget):
    """A table cell holding copyable values, each with its own copy button and an optional detail line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        # Box layouts only: QGridLayout's height for width disagrees with the geometry it really gives
        # when labels wrap, which cut values.
        self._lines = QVBoxLayout(self)
        self._lines.setContentsMargins(3, 2, 3, 2)
        self._lines.setSpacing(3)
        self._lines.addStretch(1)  # keeps the values at the top of a taller row
        self.buttons: list[CopyButton] = []

    def add_value(self, text: str, copy_value: str, what: str, detail: str = "", tooltip: str = "",
                  wrap: bool = True) -> None:
        texts = QVBoxLayout()
        texts.setSpacing(1)
        texts.addWidget(self._label(text, "factValue", tooltip, wrap))  # a phone number is never split
        if detail:
            texts.addWidget(self._label(detail, "factDetail", tooltip, True))
        button = CopyButton(copy_value, what, self)
        button.setObjectName("copyButton")
        self.buttons.append(button)
        line = QHBoxLayout()
        line.setSpacing(LINE_SPACING)
        line.addLayout(texts, 1)
        line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self._lines.insertLayout(self._lines.count() - 1, line)

    def _label(self, text: str, name: str, tooltip: str, wrap: bool) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(wrap)
        label.setObjectName(name)
        label.setToolTip(tooltip)
        label.setAccessibleDescription(tooltip)
        return label

    def height_for(self, width: int) -> int:
        height = self.heightForWidth(width)
        return height if height > 0 else super().sizeHint().height()

    def sizeHint(self) -> QSize:
        # Width: what the column would like (see ContactFinder._fit_columns): the natural width up to a
        # readable measure, never below the minimum, so the labels inside are never squeezed or cut.
        # Height: 0, because the panel fits each row from height_for(column width); the labels' own
        # guess at an unwrapped height would make rows too tall.
        metrics = self.fontMetrics()
        button = max((b.sizeHint().width() for b in self.buttons), default=0)
        margins = self._lines.contentsMargins()
        chrome = margins.left() + margins.right() + LINE_SPACING + button
        longest = max((metrics.horizontalAdvance(label.text()) for label in self.findChildren(QLabel)), default=0)
        preferred = min(longest, metrics.averageCharWidth() * PREFERRED_CHARS) + chrome
        return QSize(max(self.minimumSizeHint().width(), preferred), 0)


class ContactFinder(FilterTablePanel):
    id_column = NAME

    def __init__(self, ctx, parent=None):
        # every column is sized by _fit_columns
        super().__init__(ctx, parent, "contact", len(COLUMNS), auto_columns=())
        self.setObjectName("contactFinder")
        self._start()

    # ------------------------------------------------------------------ public

    def retranslate(self) -> None:
        self.citizenship.retranslate()
        self.region.retranslate()
        self.citizenship_label.setText(_("&Citizenship:"))
        self.region_label.setText(_("&Region:"))
        self.hint.setText(_("Double-click a row or press Enter to open the full record."))
        self.set_headers([_(c) for c in COLUMNS])
        self.table.setAccessibleName(_("Contact points for the client"))
        self.table.setAccessibleDescription(
            _("The client's own mission first, then agencies, ombudsmen and other bodies."))
        self.setAccessibleName(_("Contact finder"))
        self.count.setAccessibleName(_("Number of contact points"))
        self.refresh()

    def refresh_now(self) -> None:
        """Fill the table for the chosen citizenship and region, in the content language."""
        found = contacts_for(self.ctx.store, self.citizenship.code() or None, self.region.code() or None)
        self.table.clearContents()
        self.table.setRowCount(len(found))
        for row, item in enumerate(found):
            self._fill_row(row, item.contact)
        self.count.setText(ngettext("{n} contact point", "{n} contact points", len(found)).format(n=len(found)))
        self._show_filled()

    def contact_ids(self) -> list[str]:
        """The ids in the order shown."""
        return [self.row_id(row) for row in range(self.table.rowCount())]

    # ------------------------------------------------------------------ rows

    def _fill_row(self, row: int, contact: m.Contact) -> None:
        lang = self.ctx.lang
        name = labels.record_text(contact, "title", lang)
        mark = confidence_mark(contact.confidence)
        name_item = _item(f"{name}\n{mark}" if mark else name)
        name_item.setData(ID_ROLE, contact.id)
        note = labels.content_text(contact.confidence_note, lang)
        name_item.setToolTip(note or labels.record_text(contact, "summary", lang))
        self.table.setItem(row, NAME, name_item)
        self._set_text(row, TYPE, labels.contact_type(contact.type))
        self._set_text(row, CITY, labels.place_name(contact.city, lang))
        self._set_cell(row, PHONES, self._phones_cell(contact, name))
        self._set_cell(row, ADDRESS, self._address_cell(contact, name))
        self._set_cell(row, ONLINE, self._online_cell(contact, name))

    def _set_text(self, row: int, column: int, text: str) -> None:
        item = _item(text or labels.not_confirmed())
        if not text:
            self._mark_missing(item)
        self.table.setItem(row, column, item)

    def _set_cell(self, row: int, column: int, cell: FactCell | None) -> None:
        if cell is None:
            self._set_text(row, column, "")
            return
        item = _item("")
        # the values, for screen readers (the copy cell itself is a widget over an empty item)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, " ; ".join(b.value for b in cell.buttons))
        self.table.setItem(row, column, item)
        self.table.setCellWidget(row, column, cell)

    @staticmethod
    def _mark_missing(item: QTableWidgetItem) -> None:
        font = item.font()
        font.setItalic(True)
        item.setFont(font)

    def _phones_cell(self, contact: m.Contact, name: str) -> FactCell | None:
        if not contact.phones:
            return None
        cell = FactCell()
        countries = self.ctx.countries()
        for phone in contact.phones:
            detail = [labels.phone_label(phone.label)]
            if phone.short_in:
                country = countries.get(phone.short_in)
                where = labels.place_name(country.name, self.ctx.lang) if country else phone.short_in
                detail.append(_("dialled only within {country}").format(country=where))
            detail.append(confidence_mark(phone.confidence))
            cell.add_value(phone.number, phone.number, _("phone number of {name}").format(name=name),
                           " · ".join(d for d in detail if d), labels.content_text(phone.note, self.ctx.lang),
                           wrap=False)
        return cell

    def _address_cell(self, contact: m.Contact, name: str) -> FactCell | None:
        fact = contact.address
        if fact is None:
            return None
        text = labels.content_text(fact.text, self.ctx.lang) or fact.value or ""
        if not text:
            return None
        cell = FactCell()
        cell.add_value(text, text, _("address of {name}").format(name=name), confidence_mark(fact.confidence),
                       labels.content_text(fact.note, self.ctx.lang))
        return cell

    def _online_cell(self, contact: m.Contact, name: str) -> FactCell | None:
        facts = [(fact, fact.value, what) for fact, what in ((contact.email, _("e-mail of {name}")),
                                                               (contact.website, _("website of {name}")))
                 if fact and fact.value]
        if not facts:
            return None
        cell = FactCell()
        for fact, value, what in facts:
            cell.add_value(breakable(value), value, what.format(name=name),
                           confidence_mark(fact.confidence), labels.content_text(fact.note, self.ctx.lang))
        return cell

    # ------------------------------------------------------------------ layout

    def _fit_columns(self) -> None:
        """Every column first gets what it cannot do without (its longest word, its header's longest word,
        a phone number with its copy button); what is left goes, in turn, to the name up to a readable
        measure, to type and city up to their whole text, to the copy columns up to their preferred width,
        and the rest to the name. So nothing scrolls sideways unless even the minimums do not fit."""
        table = self.table
        char = self.fontMetrics().averageCharWidth()
        columns = range(len(COLUMNS))
        widths = {c: max(self._least_width(c), self.header_least(c)) for c in columns}
        widths[NAME] = max(widths[NAME], char * NAME_MIN_CHARS)
        spare = table.viewport().width() - sum(widths.values())
        stages = ({NAME: char * NAME_COMFORT_CHARS},
                  {c: self._natural_width(c) for c in (TYPE, CITY)},
                  {c: table.sizeHintForColumn(c) for c in CELL_COLUMNS})
        for targets in stages:
            wanted = {c: max(0, target - widths[c]) for c, target in targets.items()}
            share = min(1.0, max(0.0, spare / sum(wanted.values()))) if sum(wanted.values()) else 0.0
            for column, more in wanted.items():
                widths[column] += int(more * share)
                spare -= int(more * share)
        widths[NAME] += max(0, spare)
        for column, width in widths.items():
            table.setColumnWidth(column, width)

    def _plain_texts(self, column: int) -> list[str]:
        return [self.cell_text(row, column) for row in range(self.table.rowCount())]

    def _cell_metrics(self) -> tuple[QFontMetrics, int]:
        """The metrics of the widest font a plain cell uses ("not confirmed" is italic) and the padding
        a cell puts around its text (the item delegate's margin on both sides, and the grid line)."""
        table = self.table
        italic = table.font()
        italic.setItalic(True)
        margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
        return QFontMetrics(italic), 2 * margin + 1

    def _least_width(self, column: int) -> int:
        """What a column cannot do without: its widest copy cell's minimum (a phone number and its button
        on one line), or the longest word of a plain cell: words wrap (a hyphenated one after its hyphen,
        "Санкт-|Петербург", as Qt's line breaking does), a word is never cut."""
        table = self.table
        metrics, pad = self._cell_metrics()
        cells = [table.cellWidget(row, column) for row in range(table.rowCount())]
        words = [word for text in self._plain_texts(column) for word in UNBREAKABLE.findall(text)]
        grid = 1 if table.showGrid() else 0  # a cell widget gets the cell minus the grid line
        return max([cell.minimumSizeHint().width() + grid for cell in cells if isinstance(cell, FactCell)]
                   + [metrics.horizontalAdvance(word) + pad for word in words] + [0])

    def _natural_width(self, column: int) -> int:
        """A plain column's width with every text on one line."""
        metrics, pad = self._cell_metrics()
        return max([metrics.horizontalAdvance(line) + pad for text in self._plain_texts(column)
                    for line in text.splitlines()] + [0])

    def _fit(self) -> None:
        """Columns first, then every row gets the height its wrapped lines need: the items' own need or
        the copy cells' need."""
        self._fit_columns()
        self._wrap_headers()
        self.table.resizeRowsToContents()
        grid = 1 if self.table.showGrid() else 0  # a cell widget gets the cell minus the grid line
        for row in range(self.table.rowCount()):
            height = self.table.rowHeight(row)
            for column in CELL_COLUMNS:
                cell = self.table.cellWidget(row, column)
                if isinstance(cell, FactCell):
                    height = max(height, cell.height_for(self.table.columnWidth(column) - grid) + grid)
            self.table.setRowHeight(row, height)
        self.table.doItemsLayout()  # place the copy cells now, not at the next delayed layout
