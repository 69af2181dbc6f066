"""Screenshots of the content editor (issue 20) on a git copy of the real content, in the real window (xcb)
under Xvfb:

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python docs/make_editor_screenshots.py

docs/screenshots/editor-list.png       the record list, filtered to drafts in Uzbek
docs/screenshots/editor-search.png     the list searched as the app does ("патент олиш"), best first
docs/screenshots/editor-list-ru.png    the same window in Russian (a central office's language), a search typed
docs/screenshots/editor-contact.png    a contact's form: its sourced facts and the district it covers, in words
docs/screenshots/editor-step.png       a procedure's step with its citizenships, confidence and note
docs/screenshots/editor-problem.png    a contact's form with a wrong phone: the check's message at the field
docs/screenshots/editor-languages.png  the four languages side by side, states and glossary terms
docs/screenshots/editor-preview.png    the Preview tab: the record as the app shows it
docs/screenshots/editor-publish.png    the Publish dialog with the draft What's new (when publishing is there)
"""
from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.core import i18n  # noqa: E402
from tests.content_copy import git_content_copy  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def settle(app: QApplication, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def wait(app: QApplication, condition, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def shot(app: QApplication, widget, name: str) -> None:
    settle(app)
    path = OUT / name
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    i18n.set_language("en")
    from desktop.ui.editor.session import Session
    from desktop.ui.editor.window import EditorWindow

    with tempfile.TemporaryDirectory() as tmp:
        content = git_content_copy(Path(tmp))
        from desktop import paths
        from desktop.core.build import build
        baseline = Path(tmp) / "published"
        build(content, baseline, paths.schema_file())  # "the last published data" for the Publish dialog
        window = EditorWindow(Session(content, today=dt.date(2026, 12, 3)), "en")
        window.resize(1366, 768)
        window.show()
        window.load()
        wait(app, lambda: window.loaded)

        wait(app, lambda: window.search_ready)
        window.list.search.setText("патент олиш")
        window.open_record("work-patent")
        shot(app, window, "editor-search.png")
        window.list.search.clear()

        window.list.translation_lang.setCurrentIndex(window.list.translation_lang.findData("uz"))
        window.list.translation.setCurrentIndex(window.list.translation.findData("draft"))
        window.list.kind.setCurrentIndex(window.list.kind.findData("contact"))
        window.open_record("kg-embassy-moscow")
        shot(app, window, "editor-list.png")

        form = window.form
        phone = form.bound[("phones", 0, "number")].widget
        phone.setText("8 499 237-44-52")  # the national form, a common slip
        phone.textEdited.emit(phone.text())
        form.run_check()
        form.ensureWidgetVisible(phone, 50, 200)
        shot(app, window, "editor-problem.png")

        from desktop.ui.editor.texts_panel import TextsPanel
        texts = form.findChild(TextsPanel, "textsPanel")
        form.verticalScrollBar().setValue(texts.y() - 10)
        shot(app, window, "editor-languages.png")

        window.rf = None  # the broken phone is not saved
        for box in (window.list.kind, window.list.translation_lang, window.list.translation):
            box.setCurrentIndex(0)
        window.open_record("kg-embassy-moscow")
        from PySide6.QtWidgets import QGroupBox
        contact = window.form.findChild(QGroupBox, "groupContact")
        window.form.verticalScrollBar().setValue(contact.y() + 300)
        shot(app, window, "editor-contact.png")
        window.open_record("death-of-migrant")
        step = window.form.findChild(QGroupBox, "step4")
        window.form.verticalScrollBar().setValue(step.mapTo(window.form.widget(), step.rect().topLeft()).y() - 10)
        shot(app, window, "editor-step.png")
        window.open_record("work-patent")
        window.tabs.setCurrentWidget(window.preview)
        wait(app, lambda: window.preview.last is not None)
        shot(app, window, "editor-preview.png")

        try:
            from desktop.ui.editor.publish_dialog import PublishDialog
        except ImportError:
            return 0
        window.open_record("kg-embassy-moscow")
        window.form.write(("phones", 1, "number"), "+7 495 951-60-63")
        window.save()
        window.open_record("kg-consulate-kazan")
        window.form.write(("verified_on",), "2026-12-03")
        window.save()
        dialog = PublishDialog(window.session, window)
        dialog.resize(1100, 700)
        dialog.show()
        dialog.baseline.setText(str(baseline))
        dialog.start()
        wait(app, lambda: dialog.raise_version.isVisible())
        dialog.raise_version.click()
        wait(app, lambda: dialog.stage_done("diff"))
        shot(app, dialog, "editor-publish.png")
        dialog.reject()
        window.rf = None
        window.close()

        i18n.set_language("ru")
        window = EditorWindow(Session(content, today=dt.date(2026, 12, 3)), "ru")
        window.resize(1366, 768)
        window.show()
        window.load()
        wait(app, lambda: window.search_ready)
        window.list.search.setText("регистрация")
        window.open_record("migration-registration")
        shot(app, window, "editor-list-ru.png")
        window.rf = None
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
