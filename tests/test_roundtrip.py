"""The editor's file layer on a git copy of the real content: an edit changes only its own line(s) in the
file (order, comments, quoting kept), saving is atomic and refuses a file changed on disk, new records come
from templates and are drafts, retiring links the successor, and the lock tells of another editor."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
import yaml

from desktop.core.content import load_content
from desktop.core.content.editor_lock import LOCK_NAME, EditorLock
from desktop.core.content.live_check import LiveCheck
from desktop.core.content.records import DRAFT_MESSAGE
from desktop.core.content.roundtrip import ChangedOnDisk, RecordFile, RecordFileError, new_from_template, retire
from tests.content_copy import diff_lines, git, git_content_copy


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> LiveCheck:
    content = git_content_copy(tmp_path_factory.mktemp("live"))
    return LiveCheck.load(content)


@pytest.fixture
def content(tmp_path) -> Path:
    return git_content_copy(tmp_path)


def test_every_real_file_is_written_back_unchanged(content):
    for path in sorted(content.glob("*/*.yaml")):
        rf = RecordFile.open(path)
        rid = rf.get(("id",))
        rf.set(("id",), "changed")
        rf.set(("id",), rid)  # changed and changed back: the file is written out again, as it was
        assert rf.changed_paths() == []
        assert rf.text() == path.read_text(encoding="utf-8"), path.name
        assert not rf.save()
    assert diff_lines(content.parent) == []


def test_one_field_changes_one_line(content):
    path = content / "contacts" / "uz-embassy-moscow.yaml"
    rf = RecordFile.open(path)
    old = rf.get(("phones", 0, "number"))
    rf.set(("phones", 0, "number"), "+7 499 230-00-77")
    assert rf.changed_paths() == [("phones", 0, "number")]
    assert rf.save()
    assert diff_lines(content.parent) == [f'-  - number: "{old}"', '+  - number: "+7 499 230-00-77"']
    # quoting kept (the number was double-quoted), the file reads back with the new value
    assert RecordFile.open(path).get(("phones", 0, "number")) == "+7 499 230-00-77"
    assert rf.changed_paths() == []


def test_dates_texts_and_comments_keep_their_form(content):
    path = content / "procedures" / "work-patent.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text("# a comment for editors\n" + text.replace("\nkind: procedure\n", "\nkind: procedure  # kept\n", 1),
                    encoding="utf-8")
    git(content.parent, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "comments")
    rf = RecordFile.open(path)
    rf.set(("verified_on",), "2026-12-03")
    rf.set(("en", "title"), "Work patent: a new title")
    body = rf.get(("ru", "body"))
    rf.set(("ru", "body"), str(body).replace("\n", "\nНовая строка.\n", 1))
    rf.save()
    lines = diff_lines(content.parent)
    assert "+verified_on: 2026-12-03" in lines  # a date, not the text '2026-12-03'
    assert "+  title: 'Work patent: a new title'" in lines or "+  title: \"Work patent: a new title\"" in lines
    assert [line for line in lines if "Новая строка" in line] == ["+    Новая строка."]  # inside the block
    assert len([line for line in lines if line.startswith("+")]) == 3  # three lines added, three changed
    assert len([line for line in lines if line.startswith("-")]) == 2
    new = path.read_text(encoding="utf-8")
    assert new.startswith("# a comment for editors\n") and "\nkind: procedure  # kept\n" in new
    data = load_content(content).by_id()["work-patent"]
    assert data.verified_on == "2026-12-03"
    assert data.texts["en"].title == "Work patent: a new title"


def test_a_file_in_another_indentation_changes_only_the_edited_line(content):
    path = content / "contacts" / "ru-rostrud.yaml"
    # PyYAML's form: list dashes at the mapping's indent, long texts folded at 60 columns, keys quoted its way
    text = yaml.safe_dump(yaml.safe_load(path.read_text(encoding="utf-8")), allow_unicode=True, sort_keys=False,
                          width=60)
    assert "\n- " in text
    path.write_text(text, encoding="utf-8")
    rf = RecordFile.open(path)
    rf.set(("status",), "expired")
    rf.save()
    new = path.read_text(encoding="utf-8")
    assert new == text.replace("\nstatus: in_force\n", "\nstatus: expired\n", 1)


def test_save_is_atomic_and_refuses_a_file_changed_on_disk(content):
    path = content / "contacts" / "ru-rostrud.yaml"
    rf = RecordFile.open(path)
    other = RecordFile.open(path)
    other.set(("status",), "expired")
    other.save()
    before = path.read_text(encoding="utf-8")
    rf.set(("ru", "title"), "Моё изменение")
    with pytest.raises(ChangedOnDisk, match="changed by someone else"):
        rf.save()
    assert path.read_text(encoding="utf-8") == before  # their change kept, nothing half-written
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []  # no temporary file left
    inode = path.stat().st_ino
    other.set(("ru", "title"), "Второе изменение")
    other.save()
    assert path.stat().st_ino != inode  # a new file renamed over the old one, not written in place


def test_new_record_from_template_is_a_draft_the_build_refuses(content):
    path = new_from_template("procedure", "new-procedure", content, today=dt.date(2026, 12, 3))
    assert path == content / "procedures" / "new-procedure.yaml"
    problems = [p for p in load_content(content).problems if p.record == "new-procedure"]
    assert any(p.field == "draft" and p.message == DRAFT_MESSAGE for p in problems)
    with pytest.raises(RecordFileError, match="already exists"):
        new_from_template("contact", "new-procedure", content)
    with pytest.raises(RecordFileError, match="not a record id"):
        new_from_template("contact", "New Id", content)


def test_live_check_keys_problems_by_field_and_marks_drafts(content, live):
    path = content / "contacts" / "uz-embassy-moscow.yaml"
    rf = RecordFile.open(path)
    assert live.check_file(rf) == {}
    rf.set(("phones", 0, "number"), "8 499 230")
    found = live.check_file(rf)
    assert list(found) == [("phones", 0, "number")]
    assert "malformed phone number" in found[("phones", 0, "number")][0]
    assert live.save(rf) == found
    assert diff_lines(content.parent) == ["+draft: true", '-  - number: "+7 499 230-00-76"',
                                          '+  - number: "8 499 230"']
    assert "\nkind: contact\ndraft: true\n" in path.read_text(encoding="utf-8")
    assert any(p.field == "draft" and p.record == "uz-embassy-moscow" for p in load_content(content).problems)
    rf.set(("phones", 0, "number"), "+7 499 230-00-76")
    assert live.save(rf) == {}
    assert diff_lines(content.parent) == []  # fixed: the draft mark is gone and the file is as it was


def test_retire_sets_the_status_and_links_the_successor(content):
    rf = RecordFile.open(content / "agreements" / "ru-uz-stay-agreement.yaml")
    with pytest.raises(RecordFileError, match="needs the record that replaces it"):
        retire(rf, "superseded", None)
    written = retire(rf, "superseded", "ru-kg-stay-agreement")
    assert [p.name for p in written] == ["ru-uz-stay-agreement.yaml", "ru-kg-stay-agreement.yaml"]
    by_id = load_content(content).by_id()
    assert by_id["ru-uz-stay-agreement"].status == "superseded"
    assert any(link.rel == "supersedes" and link.to == "ru-uz-stay-agreement"
               for link in by_id["ru-kg-stay-agreement"].links)


def test_lock_tells_of_another_editor(content):
    first, second = EditorLock(content), EditorLock(content)
    assert first.acquire() is None
    data = json.loads((content / LOCK_NAME).read_text(encoding="utf-8"))
    assert {"user", "host", "since", "pid"} <= set(data)
    data["pid"] += 1  # another process: the second editor
    (content / LOCK_NAME).write_text(json.dumps(data), encoding="utf-8")
    other = second.acquire()
    assert other is not None and other.user == data["user"]
    assert "has been editing this content since" in other.describe()
    assert json.loads((content / LOCK_NAME).read_text(encoding="utf-8")) == data  # left alone
    assert second.acquire(take_over=True) is None
    second.release()
    assert not (content / LOCK_NAME).exists()


def test_a_stale_lock_is_taken(content):
    stale = {"user": "someone", "host": "elsewhere", "pid": 1,
             "since": (dt.datetime.now(dt.UTC) - dt.timedelta(hours=13)).isoformat()}
    (content / LOCK_NAME).write_text(json.dumps(stale), encoding="utf-8")
    lock = EditorLock(content)
    assert lock.acquire() is None
    assert json.loads((content / LOCK_NAME).read_text(encoding="utf-8"))["pid"] == os.getpid()
