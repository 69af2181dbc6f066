"""The "Print sheet…" dialog: choose the client's language, bilingual mode, citizenship, region and paper,
see the sheet as it will print, then print it or save it as PDF. In batch mode several procedures go into
one job, one sheet after another.

The sheet's language is independent of the interface language. The sheets themselves come from
desktop.present.sheet_html (what they say) and desktop.core.sheet_pdf (the pages), so the preview, the
printout and the CLI's PDF are the same pages.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import environment
from ..core import model as m
from ..core.i18n import _, current_language, ngettext, on_language_changed
from ..core.languages import NAMES, SHEET, content_language, localized
from ..core.sheet_pdf import PAPERS, Sheet, layout_sheet, paint_sheets, write_pdf
from ..core.sheets import SheetContent, SheetError, SheetOptions, anchors_used, applies
from ..core.store import Store
from ..present.sheet_html import sheet_contents
from ..present.text import title_in
from .background import BackgroundOp, Lane
from .sheet_dates import SheetChoices
from .transient_dialog import TransientDialog

PAPER_NAMES = {"a4": "A4", "letter": "Letter"}
REBUILD_DELAY_MS = 150  # options typed in quick succession rebuild the preview once
PREFERRED_WIDTH, PREFERRED_HEIGHT = 1100, 800  # room for the options beside a readable page
SCREEN_SHARE = 0.9  # of the screen's free area at most: the buttons stay on a 1366x768 or 1024x600 screen


class SheetDialog(TransientDialog):
    def __init__(self, store: Store, procedure_ids: list[str] | str, parent: QWidget | None = None, *,
                 lang: str = "ru", citizenship: str | None = None, region: str | None = None,
                 paper: str = "a4", full: bool = False):
        super().__init__(parent)
        self.store = store
        self._initial_ids = [procedure_ids] if isinstance(procedure_ids, str) else list(procedure_ids)
        self._sheets: list[Sheet] = []
        self._saved = ""  # "Saved …" until the options change
        self.setObjectName("sheetDialog")

        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setFullPage(True)  # the sheet draws its own margins, safe for office printers
        self._build_controls(lang, citizenship, region, paper)
        self.choices = SheetChoices(self)  # client or full sheet, and the client's dates
        self.choices.set_full(full)
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setObjectName("sheetPreview")
        self.preview.paintRequested.connect(self._paint)
        self._layout()
        self._fit_to_screen()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REBUILD_DELAY_MS)
        self._timer.timeout.connect(self._rebuild_in_background)
        self._builds = Lane("sheet")  # started by the first change of options, ended with the dialog
        for signal in (self.lang_combo.currentIndexChanged, self.citizenship_combo.currentIndexChanged,
                       self.region_combo.currentIndexChanged, self.paper_combo.currentIndexChanged,
                       self.bilingual_check.toggled, self.batch_check.toggled,
                       self.procedure_list.itemChanged, self.choices.changed):
            signal.connect(self._options_changed)
        self._options_changed()  # the date fields the procedure counts from (rebuild() below stops the timer)
        self.retranslate()
        on_language_changed(self.retranslate)
        self.rebuild()

    # ------------------------------------------------------------------ widgets

    def _build_controls(self, lang: str, citizenship: str | None, region: str | None, paper: str) -> None:
        self.lang_combo = QComboBox(self)
        self.lang_combo.setObjectName("sheetLanguage")
        for code in SHEET:
            self.lang_combo.addItem(NAMES[code], code)
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(lang)))

        self.bilingual_check = QCheckBox(self)
        self.bilingual_check.setObjectName("sheetBilingual")

        self.citizenship_combo = QComboBox(self)
        self.citizenship_combo.setObjectName("sheetCitizenship")
        names = content_language(current_language())
        for c in sorted(self.store.countries(), key=lambda c: localized(c.name, names)):
            if c.citizenship:
                self.citizenship_combo.addItem(c.code, c.code)
        wanted = citizenship or self._default_citizenship()
        self.citizenship_combo.setCurrentIndex(max(0, self.citizenship_combo.findData(wanted)))

        self.region_combo = QComboBox(self)
        self.region_combo.setObjectName("sheetRegion")
        self.region_combo.setEditable(True)  # type a few letters of the region's name to find it
        self.region_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.region_combo.addItem("", None)
        for r in sorted(self.store.regions(), key=lambda r: localized(r.name, names)):
            self.region_combo.addItem(r.code, r.code)
        completer = self.region_combo.completer()
        if completer is not None:  # (an editable combo box has one)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(region)) if region else 0)

        self.paper_combo = QComboBox(self)
        self.paper_combo.setObjectName("sheetPaper")
        for code in PAPERS:
            self.paper_combo.addItem(PAPER_NAMES[code], code)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(paper)))

        self.batch_check = QCheckBox(self)
        self.batch_check.setObjectName("sheetBatch")
        self.procedure_list = QListWidget(self)
        self.procedure_list.setObjectName("sheetProcedures")
        for pid in self.store.ids("procedure"):
            item = QListWidgetItem(pid)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if pid in self._initial_ids else Qt.CheckState.Unchecked)
            self.procedure_list.addItem(item)
        self.batch_check.setChecked(len(self._initial_ids) > 1)
        self.procedure_list.setVisible(self.batch_check.isChecked())

        self.message = QLabel(self)
        self.message.setObjectName("sheetMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        self.print_button = QPushButton(self)
        self.print_button.setObjectName("sheetPrint")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("sheetSave")
        self.save_button.clicked.connect(self.save_dialog)
        self.form_labels = {key: QLabel(self) for key in ("lang", "citizenship", "region", "paper")}
        for key, widget in (("lang", self.lang_combo), ("citizenship", self.citizenship_combo),
                            ("region", self.region_combo), ("paper", self.paper_combo)):
            self.form_labels[key].setBuddy(widget)

    def retranslate(self) -> None:
        """Interface texts in the current interface language (the sheet's own language is separate)."""
        names = content_language(current_language())
        self.setWindowTitle(_("Print sheet"))
        self.form_labels["lang"].setText(_("Sheet &language:"))
        self.form_labels["citizenship"].setText(_("&Citizenship:"))
        self.form_labels["region"].setText(_("&Region:"))
        self.form_labels["paper"].setText(_("&Paper:"))
        self.bilingual_check.setText(_("Russian &beside the client's language"))
        self.bilingual_check.setToolTip(_("Each section in the client's language and in Russian, side by side, "
                                          "so the sheet also works at a Russian office."))
        self.batch_check.setText(_("&Several procedures in one PDF"))
        self.procedure_list.setAccessibleName(_("Procedures to print"))
        self.preview.setAccessibleName(_("Sheet preview"))
        self.print_button.setText(_("Print…"))
        self.save_button.setText(_("Save PDF…"))
        countries = {c.code: c.name for c in self.store.countries()}
        for i in range(self.citizenship_combo.count()):
            code = self.citizenship_combo.itemData(i)
            self.citizenship_combo.setItemText(i, f"{localized(countries[code], names)} ({code})")
        regions = {r.code: r.name for r in self.store.regions()}
        self.region_combo.setItemText(0, _("(no region: contacts serving all of Russia)"))
        for i in range(1, self.region_combo.count()):
            code = self.region_combo.itemData(i)
            self.region_combo.setItemText(i, f"{localized(regions[code], names)} ({code})")
        with QSignalBlocker(self.procedure_list):  # new titles are not new choices
            for i in range(self.procedure_list.count()):
                item = self.procedure_list.item(i)
                record = self.store.record(item.data(Qt.ItemDataRole.UserRole))
                if record is not None:  # (the list holds the store's procedures)
                    item.setText(title_in(record, names))
        self._show_message(self._saved or self._warnings())

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.form_labels["lang"], self.lang_combo)
        form.addRow("", self.bilingual_check)
        form.addRow(self.form_labels["citizenship"], self.citizenship_combo)
        form.addRow(self.form_labels["region"], self.region_combo)
        form.addRow(self.form_labels["paper"], self.paper_combo)
        form.addRow(self.choices)
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.addLayout(form)
        column.addWidget(self.batch_check)
        column.addWidget(self.procedure_list, 1)
        column.addWidget(self.message)
        column.addStretch(0 if self.batch_check.isChecked() else 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(side)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 770])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        row.addWidget(buttons)
        layout.addLayout(row)

    def _fit_to_screen(self) -> None:
        """The preferred size, but never more than SCREEN_SHARE of the free area of the screen the dialog opens
        on (its parent's); the preview takes whatever the options and the buttons leave."""
        area = self.screen().availableGeometry()
        self.resize(min(PREFERRED_WIDTH, int(area.width() * SCREEN_SHARE)),
                    min(PREFERRED_HEIGHT, int(area.height() * SCREEN_SHARE)))

    def _default_citizenship(self) -> str | None:
        """The first citizenship the first procedure applies to, so the sheet opens on sensible deadlines."""
        record = self.store.record(self._initial_ids[0]) if self._initial_ids else None
        codes = [c for c in getattr(record, "applies_to", []) if c != m.ALL]
        return codes[0] if codes else None

    # ------------------------------------------------------------------ state

    def options(self) -> SheetOptions:
        return SheetOptions(lang=self.lang_combo.currentData(), citizenship=self.citizenship_combo.currentData(),
                            region=self._region(), bilingual=self.bilingual_check.isChecked(),
                            printed_on=_dt.date.today(), full=self.choices.full(), anchors=self.choices.anchors())

    def _region(self) -> str | None:
        """The chosen region; text typed without picking from the list counts when it matches one entry."""
        index = self.region_combo.findText(self.region_combo.currentText(), Qt.MatchFlag.MatchFixedString)
        return self.region_combo.itemData(index if index >= 0 else self.region_combo.currentIndex())

    def paper(self) -> str:
        return self.paper_combo.currentData()

    def procedure_ids(self) -> list[str]:
        if not self.batch_check.isChecked():
            return self._initial_ids[:1]
        return [item.data(Qt.ItemDataRole.UserRole) for item in
                (self.procedure_list.item(i) for i in range(self.procedure_list.count()))
                if item.checkState() == Qt.CheckState.Checked]

    def sheets(self) -> list[Sheet]:
        return list(self._sheets)

    def page_count(self) -> int:
        return sum(s.page_count for s in self._sheets)

    def _options_changed(self) -> None:
        self._saved = ""
        self.bilingual_check.setEnabled(self.lang_combo.currentData() != "ru")
        self.procedure_list.setVisible(self.batch_check.isChecked())
        records = [self.store.record(pid) for pid in self.procedure_ids()]
        self.choices.set_used([a for r in records if isinstance(r, m.Procedure)
                               for a in anchors_used(r, self.citizenship_combo.currentData())])
        self._timer.start()

    # Where the work happens. Making a sheet has three parts: what it says (HTML from the store, in
    # present.sheet_html: no Qt object, ~10 ms a sheet), its layout in pages (a QTextDocument, ~30 ms a
    # sheet) and the painting (QPainter on the preview, the printer or the PDF writer). Qt text documents and
    # painters are made and used on the UI thread only, so only the first part can go to the background:
    # it does when the options change (for a batch of twelve procedures, ~120 ms less of a frozen window),
    # and a newer change supersedes an older one. Opening the dialog, Print and Save PDF build at once
    # (rebuild), because they need sheets that match the options before they go on.

    def rebuild(self) -> None:
        """Make the sheets for the current options now and refresh the preview."""
        self._timer.stop()
        self._builds.supersede_all()  # a background build for earlier options must not land after this
        self._show_sheets(_contents_or_error(self.store, self.procedure_ids(), self.options()))

    def _rebuild_in_background(self) -> None:
        store, ids, options = self.store, self.procedure_ids(), self.options()
        BackgroundOp(self, lambda _report: _contents_or_error(store, ids, options), name="sheet") \
            .on_success(self._show_sheets).run(self._builds)

    def _show_sheets(self, contents: list[SheetContent] | SheetError) -> None:
        """Lay the sheets out (on the UI thread) and refresh the preview."""
        self.bilingual_check.setEnabled(self.lang_combo.currentData() != "ru")
        self._apply_paper(self.printer)
        try:
            if isinstance(contents, SheetError):
                raise contents
            self._sheets = [layout_sheet(content, self.paper()) for content in contents]
            self._show_message(self._warnings())
        except SheetError as exc:
            self._sheets = []
            self._show_message(str(exc))
        ready = bool(self._sheets)
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.preview.updatePreview()

    def _warnings(self) -> str:
        """Say when a chosen procedure is not meant for the chosen citizenship."""
        citizenship = self.citizenship_combo.currentData()
        names = content_language(current_language())
        odd = [title_in(r, names) for r in (self.store.record(pid) for pid in self.procedure_ids())
               if r is not None and not applies(r.applies_to, citizenship)]
        if not odd:
            return ""
        return _("Not meant for citizens of {country}: {procedures}. The sheet says whom the procedure is for.") \
            .format(country=self.citizenship_combo.currentText(), procedures="; ".join(odd))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _apply_paper(self, printer: QPrinter) -> None:
        printer.setFullPage(True)
        printer.setPageSize(QPageSize(PAPERS[self.paper()]))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)

    def done(self, result: int) -> None:
        self._builds.stop()  # the dialog's background thread ends with it
        super().done(result)

    # ------------------------------------------------------------------ output

    def _paint(self, printer: QPrinter) -> None:
        if self._sheets:
            paint_sheets(self._sheets, printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the current sheets on a configured printer; returns the pages sent."""
        self._apply_paper(printer)
        printer.setDocName(self._sheets[0].title if len(self._sheets) == 1 else "Migrant Desk sheets")
        return paint_sheets(self._sheets, printer)

    def print_dialog(self) -> None:
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(_("Print sheet"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = self.printer.pageLayout().pageSize().id()
        for code, page_id in PAPERS.items():
            if page_id == chosen and code != self.paper():
                self.paper_combo.setCurrentIndex(self.paper_combo.findData(code))
                self.rebuild()
        try:
            self.print_to(self.printer)
        except SheetError as exc:
            QMessageBox.warning(self, _("Print sheet"), str(exc))

    def save_pdf(self, path: Path | str) -> int:
        """Write the current sheets to a PDF; returns the number of pages."""
        return write_pdf(self._sheets, path, self.paper())

    def suggested_file_name(self) -> str:
        ids = self.procedure_ids()
        stem = ids[0] if len(ids) == 1 else f"sheets-{len(ids)}"
        return f"{stem}-{self.lang_combo.currentData()}.pdf"

    def save_dialog(self) -> None:
        suggested = environment.documents_dir() / self.suggested_file_name()
        path, _filter = QFileDialog.getSaveFileName(self, _("Save sheet as PDF"), str(suggested), "PDF (*.pdf)")
        if not path:
            return
        try:
            pages = self.save_pdf(path)
        except (SheetError, OSError) as exc:
            QMessageBox.warning(self, _("Save as PDF"), _("The PDF was not saved: {reason}").format(reason=exc))
            return
        self._saved = ngettext("Saved {name} ({n} page).", "Saved {name} ({n} pages).", pages).format(
            name=Path(path).name, n=pages)
        self._show_message(self._saved)


def _contents_or_error(store: Store, ids: list[str], options: SheetOptions) -> list[SheetContent] | SheetError:
    """What the sheets say, or why there can be none (no procedure chosen): an answer to show, not a fault."""
    try:
        return sheet_contents(store, ids, options)
    except SheetError as exc:
        return exc
