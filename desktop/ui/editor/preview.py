"""The Preview tab: the record exactly as the app shows it (present/record_html, the app's record page) and, for
a procedure, its one-page client sheet (present/client_sheet), made from the content as saved in the editor
(the session's own dataset, which every save updates), in the background."""
from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from ...core import languages
from ...core.i18n import _, current_language
from ..background import BackgroundOp
from .session import Session


@dataclass
class Rendered:
    record_html: str
    sheet_html: str
    seconds: float
    asked: tuple[str, ...] = ()  # record id, language, citizenship: a late answer to an older request is dropped
    ready: bool = True           # False before the editor's dataset is made (the window asks again then)


def render(session: Session, record_id: str, lang: str, ui_lang: str, citizenship: str) -> Rendered:
    """The record page and (for a procedure) the client sheet from the session's dataset."""
    from ...core.sheets import SheetError, SheetOptions
    from ...present.client_sheet import build_client_sheet
    from ...present.record_html import RecordRenderer

    start = time.perf_counter()
    if not session.dataset.ready:
        return Rendered("", "", 0.0, (record_id, lang, citizenship), ready=False)
    with session.dataset.store() as store:
        record = store.record(record_id)
        if record is None:
            return Rendered(_("“{id}” is not in the preview.").format(id=record_id), "", 0.0,
                            (record_id, lang, citizenship))
        page = RecordRenderer(store, ui_lang, lang, citizenship=citizenship).render(record)
        sheet = ""
        if record.kind == "procedure" and not citizenship:
            sheet = "<p>" + _("A client sheet is made for one citizenship: choose it above.") + "</p>"
        elif record.kind == "procedure":
            try:
                sheet = build_client_sheet(store, record_id, SheetOptions(lang=lang, citizenship=citizenship)).html
            except SheetError as exc:
                sheet = f"<p>{exc}</p>"
        else:
            sheet = "<p>" + _("Client sheets are made for procedures.") + "</p>"
    return Rendered(page, sheet, time.perf_counter() - start, (record_id, lang, citizenship))


class PreviewPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPanel")
        self.session = session
        self.record_id: str | None = None
        self.lang = QComboBox(self)
        self.lang.setObjectName("previewLanguage")
        for code in languages.CONTENT:
            self.lang.addItem(code, code)
        self.citizenship = QComboBox(self)
        self.citizenship.setObjectName("previewCitizenship")
        for code in ("UZ", "KG", "TJ"):
            self.citizenship.addItem(code, code)
        # every step, document and contact, each labelled with whom it is for (as in the app with no filter)
        self.citizenship.addItem(_("Any citizenship"), "")
        self.status = QLabel(self)
        self.status.setObjectName("previewStatus")
        self.page = QTextBrowser(self)
        self.page.setObjectName("previewRecord")
        self.page.setOpenLinks(False)
        self.sheet = QTextBrowser(self)
        self.sheet.setObjectName("previewSheet")
        self.sheet.setOpenLinks(False)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.page, _("As the app shows it"))
        self.tabs.addTab(self.sheet, _("Client sheet"))
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Language"), self))
        row.addWidget(self.lang)
        row.addWidget(QLabel(_("Client's citizenship"), self))
        row.addWidget(self.citizenship)
        row.addWidget(self.status, 1)
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addWidget(self.tabs, 1)
        self.lang.currentIndexChanged.connect(self.refresh)
        self.citizenship.currentIndexChanged.connect(self.refresh)
        self.last: Rendered | None = None

    def show_record(self, record_id: str) -> None:
        self.record_id = record_id
        self.refresh()

    def refresh(self) -> None:
        if not self.record_id or not self.isVisible():
            return
        record_id, lang = self.record_id, str(self.lang.currentData())
        citizenship, ui_lang = str(self.citizenship.currentData()), current_language()
        self.status.setText(_("Making the preview…"))
        BackgroundOp(self, lambda _report: render(self.session, record_id, lang, ui_lang, citizenship),
                     name="editor-preview").on_success(self._shown).on_failure(self._failed).run()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def asked(self) -> tuple[str, ...]:
        return (self.record_id or "", str(self.lang.currentData()), str(self.citizenship.currentData()))

    def _shown(self, rendered: Rendered) -> None:
        if rendered.asked != self.asked():
            return
        if not rendered.ready:
            self.status.setText(_("The preview is being prepared…"))
            return
        self.last = rendered
        self.page.setHtml(rendered.record_html)
        self.sheet.setHtml(rendered.sheet_html)
        self.status.setText(_("Preview made in {seconds:.1f} s").format(seconds=rendered.seconds))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(_("The preview could not be made: {reason}").format(reason=exc))
