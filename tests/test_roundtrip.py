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


# --------------------------------------------------------------------------- the form of what is written

def commit(folder: Path, message: str) -> None:
    git(folder, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", message)


def problems_of(content: Path, *ids: str) -> list[str]:
    return [f"{p.record}: {p.field}: {p.message}" for p in load_content(content).problems if p.record in ids]


def test_a_list_or_mapping_set_in_place_of_a_flow_one_stays_on_its_line(content):
    rf = RecordFile.open(content / "agreements" / "ru-uz-stay-agreement.yaml")
    rf.set(("applies_to",), ["UZ", "KG"])  # a new Python list, as the form's checklist gives it
    rf.save()
    assert diff_lines(content.parent) == ["-applies_to: [UZ]", "+applies_to: [UZ, KG]"]
    commit(content.parent, "applies_to")
    rf = RecordFile.open(content / "contacts" / "uz-embassy-moscow.yaml")
    rf.set(("city",), {"ru": "Москва", "uz": "Moskva", "ky": "Москва", "en": "Moscow (the capital)"})
    rf.save()
    assert diff_lines(content.parent) == ["-city: {ru: Москва, uz: Moskva, ky: Москва, en: Moscow}",
                                          "+city: {ru: Москва, uz: Moskva, ky: Москва, en: Moscow (the capital)}"]
    assert problems_of(content, "ru-uz-stay-agreement", "uz-embassy-moscow") == []


def test_a_new_list_of_codes_is_written_as_the_files_other_lists_are(content):
    path = content / "procedures" / "medical-insurance-exam.yaml"
    rf = RecordFile.open(path)
    assert rf.get(("steps", 0, "applies_to")) is None and rf.get(("steps", 2, "applies_to")) == ["TJ"]
    rf.set(("steps", 0, "applies_to"), ["UZ", "KG"])  # like the other steps' `applies_to: [TJ]`
    rf.save()
    assert diff_lines(content.parent) == ["+    applies_to: [UZ, KG]"]
    commit(content.parent, "step")
    # a new mapping: a block, its list of codes flow like the file's `serves: [KG]`
    rf = RecordFile.open(content / "contacts" / "kg-consulate-kazan.yaml")
    rf.set(("district",), {"federal_districts": ["VOL"], "source": "kg24-2021"}, after="region")
    rf.save()
    assert diff_lines(content.parent) == ["+district:", "+  federal_districts: [VOL]", "+  source: kg24-2021"]
    assert "\nregion: RU-TA\ndistrict:\n" in rf.path.read_text(encoding="utf-8")
    assert problems_of(content, "medical-insurance-exam", "kg-consulate-kazan") == []


def test_a_file_written_in_block_lists_gets_block_lists(content):
    path = content / "agreements" / "ru-uz-stay-agreement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("parties: [RU, UZ]\napplies_to: [UZ]\nregions: [all]\n",
                                 "parties:\n  - RU\n  - UZ\napplies_to:\n  - UZ\nregions:\n  - all\n"),
                    encoding="utf-8")
    commit(content.parent, "block lists")
    rf = RecordFile.open(path)
    rf.set(("applies_to",), ["UZ", "KG"])
    rf.save()
    assert diff_lines(content.parent) == ["+  - KG"]


def test_retire_links_the_successor_in_the_form_of_its_links(content):
    # ru-kg-stay-agreement's links are flow items, one a line: the new link is one more such line
    rf = RecordFile.open(content / "agreements" / "ru-uz-stay-agreement.yaml")
    retire(rf, "superseded", "ru-kg-stay-agreement")
    assert diff_lines(content.parent) == ["+  - {rel: supersedes, to: ru-uz-stay-agreement}",  # ru-kg-…
                                          "-status: in_force", "+status: superseded"]            # ru-uz-…
    text = (content / "agreements" / "ru-kg-stay-agreement.yaml").read_text(encoding="utf-8")
    assert ("  - {rel: related, to: eaeu-treaty-labour-migration}\n"
            "  - {rel: supersedes, to: ru-uz-stay-agreement}\nverified_on:") in text
    assert problems_of(content, "ru-uz-stay-agreement", "ru-kg-stay-agreement") == []


def test_retire_links_the_successor_in_block_form_when_its_links_are_blocks(content):
    path = content / "agreements" / "ru-kg-stay-agreement.yaml"
    text = path.read_text(encoding="utf-8")
    block = text.replace("  - {rel: related, to: migration-registration}\n"
                         "  - {rel: related, to: eaeu-treaty-labour-migration}\n",
                         "  - rel: related\n    to: migration-registration\n"
                         "  - rel: related\n    to: eaeu-treaty-labour-migration\n")
    assert block != text
    path.write_text(block, encoding="utf-8")
    commit(content.parent, "block links")
    retire(RecordFile.open(content / "agreements" / "ru-uz-stay-agreement.yaml"), "superseded",
           "ru-kg-stay-agreement")
    assert diff_lines(content.parent) == ["+  - rel: supersedes", "+    to: ru-uz-stay-agreement",
                                          "-status: in_force", "+status: superseded"]
    assert problems_of(content, "ru-uz-stay-agreement", "ru-kg-stay-agreement") == []


def test_retire_gives_a_successor_without_links_its_first_in_the_contents_form(content):
    path = content / "agreements" / "ru-kg-stay-agreement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("links:\n  - {rel: related, to: migration-registration}\n"
                                 "  - {rel: related, to: eaeu-treaty-labour-migration}\n", ""), encoding="utf-8")
    commit(content.parent, "no links")
    retire(RecordFile.open(content / "agreements" / "ru-uz-stay-agreement.yaml"), "expired",
           "ru-kg-stay-agreement")
    assert diff_lines(content.parent) == ["+links:", "+  - {rel: supersedes, to: ru-uz-stay-agreement}",
                                          "-status: in_force", "+status: expired"]
    assert problems_of(content, "ru-uz-stay-agreement", "ru-kg-stay-agreement") == []


def test_a_new_row_is_quoted_as_its_siblings_and_a_removed_row_takes_only_its_lines(content):
    path = content / "contacts" / "uz-embassy-moscow.yaml"
    rf = RecordFile.open(path)
    rf.set(("phones", 3), {"number": "", "label": "general", "source": "migrussia"})  # the form's new row
    rf.set(("phones", 3, "number"), "+7 499 230-00-79")                              # then typed in
    rf.delete(("phones", 1))
    rf.save()
    lines = diff_lines(content.parent)
    assert [line for line in lines if line.startswith("+")] == [
        '+  - number: "+7 499 230-00-79"', "+    label: general", "+    source: migrussia"]
    removed = [line for line in lines if line.startswith("-")]
    assert removed[0] == '-  - number: "+7 499 238-36-20"' and len(removed) == 9  # the row and its note
    assert problems_of(content, "uz-embassy-moscow") == []


def test_comments_stay_with_the_lines_they_are_about(content):
    path = content / "agreements" / "ru-uz-stay-agreement.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("agreement_type:", "# the type decides the icon\nagreement_type:", 1)
                    .replace("status: in_force\n", "status: in_force  # as of 2026\n", 1)
                    .replace("sources:\n", "# sources: newest first\nsources:\n", 1), encoding="utf-8")
    commit(content.parent, "comments")
    rf = RecordFile.open(path)
    rf.delete(("ref",))                # the key above a comment line: the comment is about the next key
    rf.delete(("confidence",))
    rf.set(("status",), "expired")     # a comment at the end of the edited line stays on it
    rf.save()
    lines = diff_lines(content.parent)
    assert lines == ["-ref: G-06", "-status: in_force  # as of 2026", "+status: expired   # as of 2026",
                     "-confidence: verified"]
    new = path.read_text(encoding="utf-8")
    assert "kind: agreement\n# the type decides the icon\nagreement_type:" in new
    assert "verified_on: 2026-11-24\n# sources: newest first\nsources:" in new


def test_block_texts_keep_their_form(content):
    path = content / "agreements" / "ca-russia-action-plan-2025.yaml"
    rf = RecordFile.open(path)
    body = str(rf.get(("en", "body")))
    assert body.endswith("\n")
    # a `|` block edited without its last line break (a text box's text) stays `|`, not `|-`
    rf.set(("en", "body"), body.replace("Joint Action Plan", "Joint Plan", 1).rstrip("\n"))
    # a folded `>-` text keeps its two lines when the second changes
    summary = str(rf.get(("en", "summary")))
    rf.set(("en", "summary"), summary.replace("changes no procedure", "changes no procedures"))
    rf.save()
    lines = diff_lines(content.parent)
    assert lines[:2] == ["-    It sets directions for governments and changes no procedure for migrants.",
                         "+    It sets directions for governments and changes no procedures for migrants."]
    assert len(lines) == 4 and "Joint Action Plan" in lines[2] and "Joint Plan" in lines[3]
    assert "  body: |\n" in path.read_text(encoding="utf-8")
    by_id = load_content(content).by_id()["ca-russia-action-plan-2025"]
    assert "changes no procedures" in by_id.texts["en"].summary


def test_a_markdown_heading_in_a_text_is_text_not_a_comment(content):
    path = content / "agreements" / "ru-uz-stay-agreement.yaml"
    rf = RecordFile.open(path)
    body = str(rf.get(("en", "body")))
    rf.set(("en", "body"), body + "# Old heading\n")
    rf.save()
    commit(content.parent, "heading")
    rf = RecordFile.open(path)
    rf.set(("en", "body"), body + "# New heading\n")  # the text's last line, which starts with "#", changes
    rf.save()
    assert diff_lines(content.parent) == ["-    # Old heading", "+    # New heading"]
    assert RecordFile.open(path).get(("en", "body")) == body + "# New heading\n"
