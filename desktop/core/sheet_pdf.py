"""Sheets on paper: lay out a sheet's HTML, number its pages, write a PDF or paint on a printer.

Callers hand in what a sheet says (`core.sheets.SheetContent`, made by `desktop.present.sheet_html`): the
core does not depend on the presentation layer: it only lays out and paints.

The layout works in points (1/72 inch) with pixel-sized fonts, so a sheet breaks into the same pages on
every machine whatever the screen's DPI, and the painter scales to the device (QPdfWriter, or the QPrinter
that the sheet dialog previews and prints with). Only QtGui is used here: core stays free of widgets.

The bundled DejaVu Sans (resources/fonts) covers Cyrillic, Uzbek ʻ ʼ and Kyrgyz ң ө ү, so sheets print the
same on a consulate's PC as on a developer's.
"""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
)

from .. import paths
from .sheet_paging import keep_together
from .sheets import QR_RESOURCE, SheetContent, SheetError, make_qr

FONT_FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
PT_PER_MM = 72 / 25.4
# Office printers cannot print the outer 4-6 mm; 15 mm keeps every line and the footer well inside.
MARGIN_MM = 15
CLIENT_MARGIN_MM = 12  # a client sheet's one page: still well inside what an office printer prints
HEADER_PT = 18   # running title on pages 2+
FOOTER_PT = 34   # dataset version, print date (two lines), "1 / 2"
MIN_PT = 9                 # no line of a sheet is smaller (the footer is this size)

_STYLE = """
body {{ font-family: '{family}'; font-size: {body}px; color: #000000; }}
p {{ margin-top: 0px; margin-bottom: 0px; line-height: 125%; }}
td {{ line-height: 125%; }}
h2 {{ font-size: {h2}px; font-weight: bold; margin: {h2_top}px 0px 2px 4px; line-height: 115%; }}
p.title {{ font-size: {title}px; font-weight: bold; margin-bottom: 6px; line-height: 115%; }}
p.summary {{ margin-bottom: 6px; }}
p.step {{ margin-bottom: 3px; }}
p.warning, span.warning {{ font-weight: bold; }}
span.small {{ font-size: {small}px; }}
span.note, span.flag, span.muted {{ font-size: {small}px; color: #333333; }}
span.missing {{ color: #333333; }}
span.phone {{ font-weight: bold; }}
td.box {{ font-size: {box}px; }}
td.dbox {{ font-size: {dbox}px; }}
td.last {{ font-size: {small}px; line-height: 100%; }}
table.unit, table.contact, table.key, table.item {{ margin-top: 1px; margin-bottom: 1px; }}
p.whom {{ margin-bottom: 4px; }}
p.given {{ margin-top: 4px; margin-bottom: 2px; }}
p.contact {{ margin-bottom: 5px; }}
span.box {{ font-size: {box}px; }}
td.qr {{ padding-left: 8px; }}
"""


@dataclass(frozen=True)
class PageGeometry:
    """Where things go on one sheet of paper, in points."""
    paper: QSizeF
    content: QRectF

    @classmethod
    def for_paper(cls, paper: str, header: bool = True, margin_mm: float = MARGIN_MM) -> PageGeometry:
        """`header`: room for the running title of pages 2+ (a full sheet's)."""
        if paper not in PAPERS:
            raise SheetError(f"Unknown paper size '{paper}'; choose a4 or letter.")
        size = QPageSize(PAPERS[paper]).size(QPageSize.Unit.Point)
        margin = margin_mm * PT_PER_MM
        top = HEADER_PT if header else 0
        content = QRectF(margin, margin + top, size.width() - 2 * margin,
                         size.height() - 2 * margin - top - FOOTER_PT)
        return cls(size, content)


@dataclass
class Sheet:
    """A sheet laid out for one paper size."""
    content: SheetContent
    document: QTextDocument
    geometry: PageGeometry

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    @property
    def title(self) -> str:
        return self.content.title


# --------------------------------------------------------------------------- fonts and the Qt application

_font_family: str | None = None


def ensure_gui_app() -> None:
    """Fonts and text layout need a QGuiApplication; the CLI has none, the GUI already has one."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # nothing is shown: no display needed
        QGuiApplication(sys.argv[:1] or ["migrant-desk"])  # Qt keeps the one application instance alive


def sheet_font_family() -> str:
    """Register the bundled font once and return its family name."""
    global _font_family
    if _font_family is None:
        ensure_gui_app()
        families = set()
        for name in FONT_FILES:
            path = paths.resources_dir() / "fonts" / name
            # from the bytes, not the file name: Qt's FreeType font database (the offscreen platform the
            # command line uses) opens a file by its name in the ANSI code page on Windows, so a program folder
            # with Cyrillic letters in its path (a portable copy in "Документы") could not load the font
            try:
                data = path.read_bytes()
            except OSError:
                data = b""
            font_id = QFontDatabase.addApplicationFontFromData(data) if data else -1
            if font_id < 0:
                raise SheetError(f"The sheet font {path} is missing or damaged; reinstall Migrant Desk.")
            families.update(QFontDatabase.applicationFontFamilies(font_id))
        _font_family = FONT_FAMILY if FONT_FAMILY in families else sorted(families)[0]
    return _font_family


def qr_image(url: str) -> QImage:
    """The QR code as an image with its quiet zone (four modules), so a cut edge never hides it."""
    buffer = io.BytesIO()
    make_qr(url).save(buffer, kind="png", scale=8, border=4)
    image = QImage()
    image.loadFromData(buffer.getvalue(), "PNG")
    return image


# --------------------------------------------------------------------------- layout

def layout_sheet(content: SheetContent, paper: str = "a4") -> Sheet:
    """Lay out a sheet in pages of the paper's content area. A full sheet is paginated (headings keep their
    section with them); a client sheet takes the first of its variants that fits its pages."""
    geometry = PageGeometry.for_paper(paper)
    if not content.variants:
        bilingual = len(content.langs) > 1
        doc = _document(content, content.html, 12 if bilingual else 13, geometry, title_extra=5 if bilingual else 8)
        keep_together(doc)
        return Sheet(content, doc, geometry)
    geometry = PageGeometry.for_paper(paper, header=False, margin_mm=CLIENT_MARGIN_MM)
    qr = qr_image(content.qr_url) if content.qr_url else None
    variants = content.variants
    # The variants run from roomiest to most compact: the roomiest first (most sheets fit it: one layout),
    # else the first that fits by halving the rest, keeping the last one as the fallback that always goes out.
    lo, hi = 0, len(variants) - 1
    laid: dict[int, QTextDocument] = {}
    if hi > 0:
        laid[0] = _document(content, variants[0].html, variants[0].body_px, geometry, 6, qr)
        if laid[0].pageCount() <= variants[0].max_pages:
            return Sheet(content, laid[0], geometry)
        lo = 1
    while lo < hi:
        mid = (lo + hi) // 2
        laid[mid] = _document(content, variants[mid].html, variants[mid].body_px, geometry, 6, qr)
        if laid[mid].pageCount() <= variants[mid].max_pages:
            hi = mid
        else:
            lo = mid + 1
    doc = laid.get(lo) or _document(content, variants[lo].html, variants[lo].body_px, geometry, 6, qr)
    return Sheet(content, doc, geometry)


def _document(content: SheetContent, html: str, body: int, geometry: PageGeometry, title_extra: int,
              qr: QImage | None = None) -> QTextDocument:
    family = sheet_font_family()
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setUseDesignMetrics(True)  # the same line breaks on screen, in the preview and in the PDF
    doc.setDocumentMargin(0)
    font = QFont(family)
    font.setPixelSize(body)
    font.setFeature(QFont.Tag("liga"), 0)  # "fi" stays two letters: PDF text can be searched and copied
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(_STYLE.format(family=family, body=body, h2=body + 3, title=body + title_extra,
                                           small=max(MIN_PT, body - 2), box=body + (7 if content.full else 4),
                                           dbox=body + 2, h2_top=12 if content.full else 7))
    if content.qr_url:
        image = qr if qr is not None else qr_image(content.qr_url)
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(QR_RESOURCE), image)
    doc.setPageSize(geometry.content.size())
    doc.setHtml(html)
    doc.setDocumentMargin(0)  # the painter places the page margins; setHtml resets the root frame
    return doc


# --------------------------------------------------------------------------- painting

def paint_sheets(sheets: list[Sheet], device: QPagedPaintDevice) -> int:
    """Paint sheets one after another on a paged device; each sheet starts a page and numbers its own
    pages ("1 / 2"), so sheets printed in one batch can be handed out separately. Returns pages painted.

    The device's painter origin must be the paper's corner: QPdfWriter with zero margins, or a QPrinter
    with setFullPage(True).
    """
    painter = QPainter()
    if not painter.begin(device):
        raise SheetError("Could not start printing (the printer or the file refused the job).")
    pages = 0
    try:
        scale = device.logicalDpiX() / 72.0
        painter.scale(scale, scale)
        for sheet in sheets:
            for index in range(sheet.page_count):
                if pages:
                    device.newPage()
                _paint_page(painter, sheet, index)
                pages += 1
    finally:
        painter.end()
    return pages


def _paint_page(painter: QPainter, sheet: Sheet, index: int) -> None:
    content = sheet.geometry.content
    height = content.height()
    painter.save()
    painter.translate(content.left(), content.top() - index * height)
    clip = QRectF(0, index * height, content.width(), height)
    painter.setClipRect(clip)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip
    context.palette.setColor(QPalette.ColorRole.Text, QColor(Qt.GlobalColor.black))
    sheet.document.documentLayout().draw(painter, context)
    painter.restore()
    _paint_furniture(painter, sheet, index)


def _paint_furniture(painter: QPainter, sheet: Sheet, index: int) -> None:
    """Running title (pages 2+), footer with dataset version and print date, and "n / total"."""
    content = sheet.geometry.content
    font = QFont(sheet.document.defaultFont())
    font.setPixelSize(MIN_PT)
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor("#333333"))
    flags = Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
    if index and sheet.content.full:  # a client sheet's back page is a whole sheet in Russian: no running title
        header = QRectF(content.left(), content.top() - HEADER_PT, content.width(), HEADER_PT - 6)
        title = painter.fontMetrics().elidedText(sheet.title, Qt.TextElideMode.ElideRight, int(content.width()))
        painter.drawText(header, flags | Qt.AlignmentFlag.AlignLeft, title)
    footer = QRectF(content.left(), content.bottom() + 8, content.width(), FOOTER_PT - 8)
    painter.drawLine(footer.topLeft(), footer.topRight())
    number = f"{index + 1} / {sheet.page_count}"
    number_width = painter.fontMetrics().horizontalAdvance(number) + 12
    line_height = painter.fontMetrics().height() + 1
    for n, line in enumerate(sheet.content.footer):
        rect = QRectF(footer.left(), footer.top() + 3 + n * line_height, footer.width() - number_width, line_height)
        painter.drawText(rect, flags | Qt.AlignmentFlag.AlignLeft,
                         painter.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, int(rect.width())))
    bold = QFont(font)
    bold.setBold(True)
    bold.setPixelSize(11)
    painter.setFont(bold)
    painter.setPen(QColor(Qt.GlobalColor.black))
    painter.drawText(footer, flags | Qt.AlignmentFlag.AlignRight, number)
    painter.restore()


# --------------------------------------------------------------------------- whole jobs

def layout_sheets(contents: Iterable[SheetContent], paper: str = "a4") -> list[Sheet]:
    """Several sheets laid out for one paper size, in order (`present.sheet_html.sheet_contents` makes them)."""
    return [layout_sheet(content, paper) for content in contents]


def write_pdf(sheets: list[Sheet], path: Path | str, paper: str = "a4") -> int:
    """Write sheets into one PDF (written beside the target and renamed, so a failed job leaves no
    half-written file). Returns the number of pages."""
    path = Path(path)
    if not sheets:
        raise SheetError("Nothing to write: no sheets.")
    if not path.parent.exists():
        raise SheetError(f"The folder {path.parent} does not exist.")
    partial = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setPageLayout(QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point))
    writer.setTitle(sheets[0].title if len(sheets) == 1 else " · ".join(s.title for s in sheets))
    writer.setCreator("Migrant Desk")
    try:
        pages = paint_sheets(sheets, writer)
        del writer  # the file is complete only once the writer is gone
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return pages
