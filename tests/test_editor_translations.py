"""Translations from the editor's window: "Export for translators…" writes a catalog Poedit and msgfmt accept;
"Import translations…" writes the translator's work back (only the changed text and the reviewed mark), and
the record is at once reviewed in the list, in its form and in the app's search."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from babel.messages.pofile import read_po, write_po
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.editor.translation_actions import export_to, import_from
from tests.content_copy import diff_lines, git_content_copy
from tests.editor_window import open_editor


@pytest.fixture
def window(qtbot, tmp_path):
    w = open_editor(qtbot, git_content_copy(tmp_path))
    yield w
    w.rf = None


def close_next_message(seen: list[str]) -> None:
    def act():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        seen.append(box.text())
        box.accept()
    QTimer.singleShot(0, act)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
def test_export_then_a_translators_catalog_imported_reviews_the_record_everywhere(qtbot, window, tmp_path):
    po = tmp_path / "uz.po"
    n = export_to(window, "uz", po)
    assert n > 300 and f"{n} texts" in window.statusBar().currentMessage()
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], check=True)

    with po.open("rb") as stream:
        catalog = read_po(stream)

    def entries(rid: str) -> list:
        return [m for m in catalog if m.id and str(m.context).startswith(f"{rid}|")]
    # a procedure in draft Uzbek with every text translated (a record with an empty text stays draft)
    rid = next(s.id for s in sorted(window.session.summaries.values(), key=lambda s: s.id)
               if s.kind == "procedure" and s.translations.get("uz") == "draft"
               and all(m.string for m in entries(s.id)))
    mine = entries(rid)
    title = next(m for m in mine if str(m.context) == f"{rid}|title")
    title.string = f"{title.string} Zebrafinch"
    for m in mine:
        m.flags.discard("fuzzy")        # the translator checked every text of this record in Poedit
    with po.open("wb") as stream:
        write_po(stream, catalog, width=0, include_lineno=False)

    seen: list[str] = []
    before = window.dataset_updates
    close_next_message(seen)
    report = import_from(window, po)
    assert report is not None and report.reviewed == [rid] and report.changed == [f"{rid}|title"]
    assert seen and "1 text(s) written in 1 file(s); 1 record(s) marked reviewed" in seen[0]
    lines = diff_lines(window.session.root.parent)
    assert "-  translation: draft" in lines and "+  translation: reviewed" in lines
    assert [line for line in lines if "Zebrafinch" in line] == [lines[-1]] and len(lines) == 4, lines

    assert window.session.summaries[rid].translations["uz"] == "reviewed"
    qtbot.waitUntil(lambda: window.dataset_updates > before, timeout=30_000)
    window.list.search.setText("zebrafinch")
    assert window.list.visible_ids() == [rid]


def test_a_file_that_is_not_a_catalog_is_refused_with_a_message(qtbot, window, tmp_path):
    bad = tmp_path / "notes.po"
    bad.write_bytes(b"\x00\x01 this is not a catalog \xff")
    seen: list[str] = []
    close_next_message(seen)
    assert import_from(window, bad) is None
    assert seen and "notes.po was not imported" in seen[0]
    assert diff_lines(window.session.root.parent) == []
