"""The content editor's window (`migrant-desk editor`) driven as a person would, on a git copy of the real
content: a wrong phone is named at its field as it is typed, a fixed one is not; a translation marked reviewed
and the phone saved change exactly those lines of the file; a record made from a template is a draft the list
shows; retiring a record links its successor; "Checked today" sets the check date and the source's date; the
preview shows the record as the app does and its client sheet."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.core import i18n
from desktop.ui.editor.session import Session
from desktop.ui.editor.window import EditorWindow
from tests.content_copy import diff_lines, git_content_copy

TODAY = "2026-12-03"


@pytest.fixture
def window(qtbot, tmp_path):
    i18n.set_language("en")
    content = git_content_copy(tmp_path)
    import datetime as dt
    w = EditorWindow(Session(content, today=dt.date.fromisoformat(TODAY)), "en")
    qtbot.addWidget(w)
    w.show()
    w.load()
    qtbot.waitUntil(lambda: w.loaded, timeout=60_000)
    yield w
    w.rf = None  # nothing left to ask about when the test's window closes


def answer(qtbot, fill) -> None:
    """Fill and accept the next modal dialog (it is opened by the action that follows)."""
    def act():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        fill(dialog)
    QTimer.singleShot(0, act)


def type_into(qtbot, widget, text: str) -> None:
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def test_a_wrong_phone_is_named_at_its_field_and_a_save_changes_only_the_lines_edited(qtbot, window):
    assert window.open_record("kg-embassy-moscow")
    form = window.form
    path = ("phones", 0, "number")
    phone = form.bound[path].widget
    good = phone.text()
    assert good.startswith("+996") or good.startswith("+7")

    type_into(qtbot, phone, "+7 12")
    qtbot.waitUntil(lambda: "malformed phone number" in form.problem_at(path), timeout=5000)
    assert form.general.isVisible() and "draft" in form.general.text()
    assert phone.problem()  # the field's own E.164 mark too

    fixed = good.replace("-", " ", 1)  # another spelling of a good number: a real change, no problem
    type_into(qtbot, phone, fixed)
    qtbot.waitUntil(lambda: form.problem_at(path) == "", timeout=5000)
    assert not form.general.isVisible()

    form.findChild(QPushButton, "markReviewed:ky").click()
    assert window.rf.get(("ky", "translation")) == "reviewed"
    assert window.save()
    assert window.session.summaries["kg-embassy-moscow"].translations["ky"] == "reviewed"
    changed = diff_lines(window.session.root.parent)
    assert len(changed) == 4, changed
    assert any(line.startswith("-") and good in line for line in changed)
    assert any(line.startswith("+") and fixed in line for line in changed)
    assert "-  translation: draft" in changed and "+  translation: reviewed" in changed


def test_a_record_saved_with_a_problem_is_a_draft_the_list_finds(qtbot, window):
    window.open_record("kg-embassy-moscow")
    phone = window.form.bound[("phones", 0, "number")].widget
    type_into(qtbot, phone, "12345678901234567890")
    assert window.save()
    text = window.rf.path.read_text(encoding="utf-8")
    assert "\ndraft: true\n" in text
    window.list.has_problems.setChecked(True)
    assert window.list.visible_ids() == ["kg-embassy-moscow"]
    window.list.has_problems.setChecked(False)
    window.list.search.setText("посольство кыргыз")
    assert "kg-embassy-moscow" in window.list.visible_ids()
    window.list.search.setText("elchixonasi qirgʻiziston")  # Uzbek, with its apostrophe
    assert "kg-embassy-moscow" in window.list.visible_ids()


def test_new_record_from_a_template_and_retiring_another(qtbot, window):
    root = window.session.root
    answer(qtbot, lambda d: (d.kind.setCurrentIndex(d.kind.findData("contact")), d.ident.setText("kg-test-office"),
                             d.buttons.accepted.emit()))
    window.new_record()
    made = root / "contacts" / "kg-test-office.yaml"
    assert made.exists() and "draft: true" in made.read_text(encoding="utf-8")
    assert window.rf is not None and window.rf.record_id == "kg-test-office"
    summary = window.session.summaries["kg-test-office"]
    assert summary.draft and summary.problems > 0
    assert "kg-test-office" in window.list.visible_ids()

    window.open_record("kg-consulate-kazan")
    answer(qtbot, lambda d: (d.ident.setText("kg-consulate-kazan-2"), d.buttons.accepted.emit()))
    window.duplicate()
    copy = (root / "contacts" / "kg-consulate-kazan-2.yaml").read_text(encoding="utf-8")
    assert copy.startswith("id: kg-consulate-kazan-2\nkind: contact\ndraft: true\n")
    assert window.rf.record_id == "kg-consulate-kazan-2" and window.session.summaries["kg-consulate-kazan-2"].draft

    window.open_record("ru-uz-stay-agreement")
    answer(qtbot, lambda d: (d.status.setCurrentIndex(d.status.findData("superseded")),
                             d.successor.setCurrentIndex(d.successor.findData("eaeu-treaty-labour-migration")),
                             d.buttons.accepted.emit()))
    window.retire()
    changed = diff_lines(root.parent)
    assert "+status: superseded" in changed
    added = " ".join(line for line in changed if line.startswith("+"))
    assert "rel: supersedes" in added and "to: ru-uz-stay-agreement" in added, changed
    assert window.session.summaries["ru-uz-stay-agreement"].status == "superseded"


def test_checked_today_sets_the_check_date_and_the_source_date(qtbot, window):
    window.open_record("kg-consulate-kazan")

    def fill(d):
        d.dates[0].setText("2021-06-29")
        d.buttons.accepted.emit()
    answer(qtbot, fill)
    window.checked_today()
    assert window.save()
    changed = diff_lines(window.session.root.parent)
    assert sorted(changed) == sorted(["-verified_on: 2026-11-24", f"+verified_on: {TODAY}",
                                      "-    date: 2021-06-28", "+    date: 2021-06-29"]), changed


def test_the_preview_shows_the_record_as_the_app_does_and_its_client_sheet(qtbot, window):
    window.open_record("work-patent")
    window.tabs.setCurrentWidget(window.preview)
    qtbot.waitUntil(lambda: window.preview.last is not None, timeout=60_000)
    title = window.session.summaries["work-patent"].titles["ru"]
    assert title in window.preview.page.toPlainText()
    assert window.preview.sheet.toPlainText().strip()
    assert window.preview.last.seconds < 30


def test_publish_from_the_editor_makes_a_pack_that_verifies_installs_and_lists_exactly_the_change(
        qtbot, window, tmp_path):
    from desktop.cli import parse, run
    from desktop.core import updates
    from desktop.core.datasets import DataFolder
    from desktop.core.publish import publish
    from desktop.present.changelog import draft_changelog
    from desktop.ui.editor.publish_dialog import PublishDialog
    from tests.pack_helpers import PASSPHRASE

    root = window.session.root
    keys = updates.generate_key(tmp_path / "keys", "Test central office", PASSPHRASE)
    trusted = tmp_path / "trusted"
    trusted.mkdir()
    (trusted / keys.public_path.name).write_bytes(keys.public_path.read_bytes())
    first = tmp_path / "first.mdpack"
    publish(root, keys.private_path, PASSPHRASE, first, draft_changelog, tmp_path / "work1")
    folder = DataFolder(tmp_path / "data")
    updates.install(first, folder, updates.load_trusted_keys(trusted))

    window.open_record("kg-embassy-moscow")
    phone = window.form.bound[("phones", 1, "number")].widget
    type_into(qtbot, phone, "+7 495 951-60-63")
    assert window.save()

    dialog = PublishDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.baseline.setText(str(first))
    qtbot.mouseClick(dialog.compare, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.raise_version.isVisible(), timeout=120_000)  # same version as published
    assert "not newer" in dialog.problem.text()
    qtbot.mouseClick(dialog.raise_version, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=120_000)
    changes = dialog.prepared.changes
    assert changes.ids() == {"added": [], "changed": ["kg-embassy-moscow"], "retired": [], "removed": []}
    english = dialog.texts["en"].toPlainText()
    assert "Embassy of Kyrgyzstan" in english and "phone numbers" in english
    dialog.texts["en"].setPlainText(english + "\nThe embassy's fax number was corrected.")

    out = tmp_path / "second.mdpack"
    dialog.key.setText(str(keys.private_path))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.out.setText(str(out))
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.passphrase.text() == ""  # not kept once used
    qtbot.waitUntil(lambda: dialog.manifest is not None or bool(dialog.problem.text()), timeout=120_000)
    assert dialog.manifest is not None, dialog.problem.text()
    assert out.exists()
    # the test key is not among the app's keys: the editor is told the desks would refuse this pack
    assert f"does not trust key {dialog.manifest.key_id}" in dialog.problem.text()
    assert run(parse(["pack", "verify", str(out), "--trusted-keys", str(trusted)])) == 0
    result = updates.install(out, folder, updates.load_trusted_keys(trusted))
    assert result.manifest.changelog_for("en").endswith("The embassy's fax number was corrected.")
    assert result.manifest.dataset_version > result.old_version


def test_the_app_window_does_not_load_the_editor_and_the_command_line_names_it():
    import subprocess
    import sys
    code = ("import sys, desktop.__main__, desktop.ui.app, desktop.ui.main_window; "
            "print(any(m.startswith('desktop.ui.editor') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
    from desktop.cli import parse
    args = parse(["editor", "some/content"])
    assert (args.command, str(args.path)) == ("editor", "some/content")


# -- every field of the model in the form, choices in words (helper F, session 5)

def local_edit(form, path, lang):
    """The line (or block) of one language of the localised text bound at `path`."""
    return form.bound[path].widget.edits[lang]


def type_text(widget, text: str) -> None:
    """Type `text` key by key as a keyboard in any layout does (QTest's keyClicks takes ASCII only)."""
    from PySide6.QtGui import QKeyEvent
    for char in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def choose(combo, code) -> None:
    """Pick the choice whose stored value is `code`, as a click in the list does."""
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_a_contacts_head_and_a_phone_note_are_edited_in_the_form_and_saved_as_just_those_lines(qtbot, window):
    assert window.open_record("uz-embassy-moscow")
    form = window.form
    head = local_edit(form, ("head", "name"), "en")
    assert head.text() == "Botirjon Asadov"
    assert form.bound[("head", "source")].widget.currentData() == "uzbot"
    assert form.bound[("head", "confidence")].widget.currentData() == "unverified"
    assert local_edit(form, ("head", "note"), "ru").text().startswith("Назван послом")
    note = local_edit(form, ("phones", 0, "note"), "en")
    assert note.text() == "Given without a label; four secondary sources agree on the number."

    type_into(qtbot, head, "Botirjon Asadov (ambassador)")
    note.setCursorPosition(len(note.text()))
    qtbot.keyClicks(note, " It answers on working days.")
    assert window.save()
    changed = diff_lines(window.session.root.parent)
    assert sorted(changed) == sorted([
        "-  name: {ru: Ботиржон Асадов, uz: Botirjon Asadov, ky: Ботиржон Асадов, en: Botirjon Asadov}",
        "+  name: {ru: Ботиржон Асадов, uz: Botirjon Asadov, ky: Ботиржон Асадов, en: Botirjon Asadov (ambassador)}",
        "-      en: Given without a label; four secondary sources agree on the number.",
        "+      en: Given without a label; four secondary sources agree on the number. It answers on working days.",
    ]), changed
    assert window.session.summaries["uz-embassy-moscow"].problems == 0


def test_a_contacts_district_federal_districts_are_named_and_saved_as_a_flow_list(qtbot, window):
    assert window.open_record("kg-embassy-moscow")
    form = window.form
    districts = form.bound[("district", "federal_districts")].widget
    labels = [districts.list.item(i).text() for i in range(districts.list.count())]
    assert "CEN — Central Federal District" in labels and "all" not in labels
    serves = form.bound[("serves",)].widget
    assert "KG — Kyrgyzstan" in [serves.list.item(i).text() for i in range(serves.list.count())]
    districts.tick("CEN")
    districts.tick("VOL")
    choose(form.bound[("district", "source")].widget, "mfa-kg-registration")
    assert window.save()
    text = window.rf.path.read_text(encoding="utf-8")
    assert "\nregion: RU-MOW\ndistrict:\n  federal_districts: [CEN, VOL]\n  source: mfa-kg-registration\naddress:\n" \
        in text  # a key the record lacked goes in its place, not at the end of the file
    assert "draft: true" not in text

    districts, source = form.bound[("district", "federal_districts")].widget, form.bound[("district", "source")].widget
    for code in ("CEN", "VOL"):
        districts.tick(code, False)
    source.setCurrentIndex(0)  # (not set)
    source.activated.emit(0)
    assert window.save()
    assert diff_lines(window.session.root.parent) == []  # emptied: the district is gone again


def test_a_steps_citizenship_and_note_are_saved_valid_and_shown_by_the_record_view(qtbot, window):
    from desktop.cli import parse, run

    assert window.open_record("work-patent")
    form = window.form
    step = ("steps", 1)
    assert "медицинское" in local_edit(form, step + ("text",), "ru").toPlainText()
    citizens = form.bound[step + ("applies_to",)].widget
    assert citizens.codes() == []
    citizens.tick("UZ")
    confidence = form.bound[step + ("confidence",)].widget
    assert confidence.itemText(confidence.findData("partial")) == "partly verified"
    choose(confidence, "partial")
    qtbot.waitUntil(lambda: "needs a note" in form.problem_at(step + ("note",)), timeout=5000)
    notes = {"ru": "Адрес клиники для граждан Узбекистана уточняйте в ММЦ",
             "uz": "Oʻzbekiston fuqarolari uchun klinika manzilini MMMda aniqlang",
             "ky": "Өзбекстандын жарандары үчүн клиниканын дарегин ММБда тактаңыз",
             "en": "Uzbek citizens: ask the migration centre for the clinic's address"}
    for lang, text in notes.items():
        type_text(local_edit(form, step + ("note",), lang), text)
    qtbot.waitUntil(lambda: form.problem_at(step + ("note",)) == "", timeout=5000)
    assert window.save()
    saved = window.rf.path.read_text(encoding="utf-8")
    assert "    applies_to: [UZ]\n    confidence: partial\n    note:\n      ru: " + notes["ru"] in saved
    assert "draft: true" not in saved
    assert run(parse(["validate", str(window.session.root)])) == 0

    window.tabs.setCurrentWidget(window.preview)
    window.preview.citizenship.setCurrentIndex(window.preview.citizenship.findData("UZ"))
    qtbot.waitUntil(lambda: window.preview.last is not None and notes["ru"] in window.preview.last.record_html,
                    timeout=120_000)
    page = window.preview.last.record_html
    assert "Пройдите медицинское освидетельствование." in page


def test_choices_show_words_in_the_interface_language_and_the_code_is_saved(qtbot, window):
    i18n.set_language("ru")
    try:
        assert window.open_record("kg-embassy-moscow")
        form = window.form
        status = form.bound[("status",)].widget
        assert status.currentText() == "действует" and status.currentData() == "in_force"
        assert "in_force" not in [status.itemText(i) for i in range(status.count())]
        kind = form.bound[("type",)].widget
        assert kind.currentText() == "Посольство"
        label = form.bound[("phones", 1, "label")].widget
        assert label.currentText() == "факс" and label.currentData() == "fax"
        serves = form.bound[("serves",)].widget
        assert "KG — Киргизия" in [serves.list.item(i).text() for i in range(serves.list.count())]
        choose(status, "announced")
        assert status.currentText() == "объявлен"
        assert window.save()
    finally:
        i18n.set_language("en")
    assert diff_lines(window.session.root.parent) == ["-status: in_force", "+status: announced"]


def test_a_second_editor_on_the_same_folder_is_asked_and_no_leaves_the_others_lock(qtbot, tmp_path):
    import datetime as dt
    import json
    import os

    from PySide6.QtWidgets import QMessageBox

    from desktop.core.content.editor_lock import LOCK_NAME, EditorLock
    from desktop.ui.editor.lock_question import may_edit

    i18n.set_language("en")
    lock_file = tmp_path / LOCK_NAME
    since = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(hours=1)
    other = json.dumps({"user": "amina", "host": "office-2", "pid": 424242, "since": since.isoformat()}) + "\n"
    lock_file.write_text(other, encoding="utf-8")
    asked: list[str] = []

    def reply(button):
        def act():
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, act)
                return
            asked.append(box.text())
            box.button(button).click()
        QTimer.singleShot(0, act)

    reply(QMessageBox.StandardButton.No)
    assert may_edit(EditorLock(tmp_path)) is False
    assert "amina on office-2" in asked[0] and "Edit anyway?" in asked[0]
    assert lock_file.read_text(encoding="utf-8") == other  # the other's lock untouched

    mine = EditorLock(tmp_path)
    reply(QMessageBox.StandardButton.Yes)
    assert may_edit(mine) is True
    assert len(asked) == 2
    holder = mine.holder()
    assert holder is not None and holder.pid == os.getpid() and holder.user != "amina"
    mine.release()
    assert not lock_file.exists()
