"""The agreements behind the procedures: a sortable table of treaties, agreements, statements and meetings.

Dates are shown in the interface language's long form but sorted by their ISO text, so partial dates
("2015-05", "2021") sort among full ones. A missing date is shown as "not confirmed".
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem

from ..core import i18n
from ..core import model as m
from ..core.i18n import N_, _, ngettext
from . import labels
from .filter_table import ID_ROLE, FilterTablePanel

TITLE, TYPE, PARTIES, DATE, STATUS = range(5)
COLUMNS = (N_("Title"), N_("Type"), N_("Parties"), N_("Date"), N_("Status"))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FLEX_SHARE = {TITLE: 4, TYPE: 2, PARTIES: 3}  # how the width left by date and status is shared
MIN_TITLE_CHARS = 16
DATE_ORDER = ("signed", "event", "valid_from")  # the date an advisor knows an agreement by
DATE_KIND = {"signed": N_("signed"), "event": N_("date of the event"), "valid_from": N_("in force from")}
AGREEMENT_TYPE = {"treaty": N_("Treaty"), "convention": N_("Convention"),
                  "intergovernmental_agreement": N_("Intergovernmental agreement"),
                  "joint_statement": N_("Joint statement"), "action_plan": N_("Action plan"),
                  "working_group": N_("Working group"), "meeting": N_("Meeting"), "decree": N_("Decree"),
                  "law": N_("Law")}


def agreement_type(code: str | None) -> str:
    return _(AGREEMENT_TYPE.get(code or "", code or ""))


def key_date(agreement: m.Agreement) -> tuple[str, str]:
    """(kind, ISO date) of the date shown for an agreement, or ('', '') when it has none."""
    for kind in DATE_ORDER:
        if agreement.dates.get(kind):
            return kind, agreement.dates[kind]
    return "", ""



class SortItem(QTableWidgetItem):
    """An item that sorts by SORT_ROLE when it has one (ISO dates), else by its text, case-blind."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is not None and theirs is not None:
            return mine < theirs
        return self.text().casefold() < other.text().casefold()


class AgreementsView(FilterTablePanel):
    id_column = TITLE

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent, "agreement", len(COLUMNS), auto_columns=(DATE, STATUS))
        self.setObjectName("agreementsView")
        self._agreements = [ctx.store.record(rid) for rid in ctx.store.ids("agreement")]
        # date and status fit their text; title, type and parties share the rest (see _fit_columns)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        # row heights belong to row positions, so a re-sort must fit them again
        self.table.model().layoutChanged.connect(self._schedule_fit)
        self._start()

    # ------------------------------------------------------------------ public

    def retranslate(self) -> None:
        self.citizenship.retranslate()
        self.region.retranslate()
        self.citizenship_label.setText(_("&Concerning citizens of:"))
        self.region_label.setText(_("&Region:"))
        self.citizenship.setAccessibleName(_("Show agreements concerning citizens of"))
        self.region.setAccessibleName(_("Show agreements that apply in the Russian region"))
        self.hint.setText(_("Click a column header to sort. Double-click a row or press Enter to open "
                            "the agreement."))
        self.set_headers([_(c) for c in COLUMNS])
        self.table.setAccessibleName(_("Agreements"))
        self.setAccessibleName(_("Agreements"))
        self.count.setAccessibleName(_("Number of agreements"))
        self.refresh()

    def refresh_now(self) -> None:
        shown = [a for a in self._agreements if self._concerns(a)]
        header = self.table.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        self.table.setSortingEnabled(False)  # rows would move while they are filled
        self.table.clearContents()
        self.table.setRowCount(len(shown))
        for row, agreement in enumerate(shown):
            self._fill_row(row, agreement)
        self.table.setSortingEnabled(True)
        self.table.sortItems(column, order)
        self.count.setText(ngettext("{n} agreement", "{n} agreements", len(shown)).format(n=len(shown)))
        self._show_filled()

    def agreement_ids(self) -> list[str]:
        """The ids in the order shown."""
        return [self.row_id(row) for row in range(self.table.rowCount())]

    # ------------------------------------------------------------------ rows

    def _concerns(self, agreement: m.Agreement) -> bool:
        citizenship, region = self.citizenship.code(), self.region.code()
        if citizenship and m.ALL not in agreement.applies_to and citizenship not in agreement.applies_to:
            return False
        return not region or m.ALL in agreement.regions or region in agreement.regions

    def _fill_row(self, row: int, agreement: m.Agreement) -> None:
        lang = self.ctx.lang
        title = SortItem(labels.record_text(agreement, "title", lang))
        title.setData(ID_ROLE, agreement.id)
        title.setToolTip(labels.record_text(agreement, "summary", lang))
        self.table.setItem(row, TITLE, title)
        self.table.setItem(row, TYPE, self._text_item(agreement_type(agreement.agreement_type)))
        self.table.setItem(row, PARTIES, self._text_item(self._parties(agreement)))
        kind, iso = key_date(agreement)
        date = self._text_item(i18n.format_date(iso))
        date.setData(SORT_ROLE, iso)
        if kind:
            date.setToolTip(_(DATE_KIND[kind]))
            date.setData(Qt.ItemDataRole.AccessibleTextRole, f"{_(DATE_KIND[kind])}: {date.text()}")
        self.table.setItem(row, DATE, date)
        self.table.setItem(row, STATUS, self._text_item(labels.status(agreement.status)))

    @staticmethod
    def _text_item(text: str) -> SortItem:
        item = SortItem(text or labels.not_confirmed())
        if not text:
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
        return item

    def _parties(self, agreement: m.Agreement) -> str:
        countries = self.ctx.countries()
        regions = {r.code: r for r in self.ctx.regions()}
        names = []
        for party in agreement.parties:
            if isinstance(party, dict):  # an organisation or a group of states, named in the content
                names.append(labels.content_text(party, self.ctx.lang))
            elif party in countries:
                names.append(labels.place_name(countries[party].name, self.ctx.lang))
            elif party in regions:
                names.append(labels.place_name(regions[party].name, self.ctx.lang))
            else:
                names.append(party)
        return ", ".join(names)

    def _fit_columns(self) -> None:
        """Date and status fit their text and header (Qt sizes them); title, type and parties share what is
        left. Each first gets its least (its longest word or header word, the title MIN_TITLE_CHARS); the
        rest is shared in proportion to FLEX_SHARE among the columns whose text still wraps, and what none
        of them needs goes to the title. Only when even the least does not fit does the table scroll."""
        table, metrics = self.table, self.table.fontMetrics()
        pad = 2 * metrics.averageCharWidth()
        spare = table.viewport().width() - table.columnWidth(DATE) - table.columnWidth(STATUS)
        widths, natural = {}, {}
        for column in FLEX_SHARE:
            texts = [self.cell_text(row, column) for row in range(table.rowCount())] or [""]
            words = [word for text in texts for word in text.split()] or [""]
            widths[column] = max(max(metrics.horizontalAdvance(w) for w in words) + pad, self.header_least(column))
            natural[column] = max(metrics.horizontalAdvance(t) for t in texts) + pad
        widths[TITLE] = max(widths[TITLE], metrics.averageCharWidth() * MIN_TITLE_CHARS)
        spare -= sum(widths.values())
        wrapping = [c for c in FLEX_SHARE if natural[c] > widths[c]]
        while spare > 0 and wrapping:
            total = sum(FLEX_SHARE[c] for c in wrapping)
            give = {c: min(natural[c] - widths[c], max(1, spare * FLEX_SHARE[c] // total)) for c in wrapping}
            for column, more in give.items():
                more = min(more, spare)
                widths[column] += more
                spare -= more
            wrapping = [c for c in wrapping if natural[c] > widths[c]]
        widths[TITLE] += max(0, spare)
        for column, width in widths.items():
            table.setColumnWidth(column, width)
