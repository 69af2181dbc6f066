"""The editor's list searches as the app does, over the editor's own dataset, and a save is in that search and
in the preview as soon as the update after it is done (in the background; timings: bench/editor_bench.py)."""
from __future__ import annotations

import pytest

from tests.content_copy import git_content_copy
from tests.editor_window import open_editor


@pytest.fixture
def window(qtbot, tmp_path):
    w = open_editor(qtbot, git_content_copy(tmp_path))
    yield w
    w.rf = None


def search(qtbot, window, text: str) -> list[str]:
    window.list.search.clear()
    window.list.search.insert(text)     # as typed (QtTest types ASCII only), one textChanged per insert
    assert window.list.searched_with_app
    return window.list.visible_ids()


def test_the_list_searches_as_the_app_does_best_first(qtbot, window):
    # an everyday Uzbek question in Cyrillic, a Russian one with a typo, a Kyrgyz word: what the app finds
    assert search(qtbot, window, "патент олиш")[0] == "work-patent"
    row = [window.list.table.item(0, c).text() for c in range(window.list.table.columnCount())]
    assert row[2:5] == ["Procedure", "in force", "partly verified"]   # words, not the codes in the file
    assert "migration-registration" in search(qtbot, window, "регистрацыя по месту пребывания")[:3]
    assert search(qtbot, window, "work-pat")[0] == "work-patent"   # an id as typed
    total = len(window.session.summaries)
    assert window.list.count.text() != f"{total} of {total} records"


def test_a_saved_title_is_found_by_the_apps_search_and_shown_in_the_preview(qtbot, window):
    assert search(qtbot, window, "zebrafinch") == []
    assert window.open_record("work-patent")
    title = window.form.bound[("en", "title")].widget
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " Zebrafinch")
    before = window.dataset_updates
    assert window.save()
    qtbot.waitUntil(lambda: window.dataset_updates > before, timeout=30_000)
    assert search(qtbot, window, "zebrafinch") == ["work-patent"]

    window.tabs.setCurrentWidget(window.preview)
    window.preview.lang.setCurrentIndex(window.preview.lang.findData("en"))
    qtbot.waitUntil(lambda: window.preview.last is not None and "Zebrafinch" in window.preview.last.record_html,
                    timeout=30_000)


def test_saves_in_quick_succession_all_reach_the_search(qtbot, window):
    """A second save while the first one's update runs is taken in by the next update: the search ends with
    the last words saved, and the earlier ones are gone."""
    assert window.open_record("work-patent")
    before = window.dataset_updates
    for word in ("Bluefinch", "Goldfinch"):
        title = window.form.bound[("en", "title")].widget   # a save builds the form again
        title.setFocus()
        title.selectAll()
        qtbot.keyClicks(title, f"Work patent {word}")
        assert window.save()
    qtbot.waitUntil(lambda: not window.updating and window.dataset_updates > before, timeout=30_000)
    assert search(qtbot, window, "goldfinch") == ["work-patent"]
    assert search(qtbot, window, "bluefinch") == []


def test_a_file_that_cannot_be_read_is_named_with_its_line_above_the_list(qtbot, tmp_path):
    content = git_content_copy(tmp_path)
    (content / "procedures" / "work-patent.yaml").write_text("id: work-patent\nkind: procedure\n  bad: [x\n",
                                                             encoding="utf-8")
    w = open_editor(qtbot, content)
    assert w.list.unreadable.isVisible()
    assert "procedures/work-patent.yaml:3: YAML syntax error" in w.list.unreadable.text()
    assert "work-patent" not in w.list.visible_ids() and len(w.list.visible_ids()) == len(w.session.summaries)
    assert search(qtbot, w, "патент")          # the rest is searched as usual


def test_the_preview_for_any_citizenship_labels_the_steps_and_asks_for_one_for_the_sheet(qtbot, window):
    window.open_record("lost-passport")
    window.tabs.setCurrentWidget(window.preview)
    window.preview.lang.setCurrentIndex(window.preview.lang.findData("en"))
    window.preview.citizenship.setCurrentIndex(window.preview.citizenship.findData(""))
    qtbot.waitUntil(lambda: window.preview.last is not None and window.preview.last.asked[2] == "", timeout=30_000)
    assert "For citizens of Kyrgyzstan:" in window.preview.page.toPlainText()
    assert "choose it above" in window.preview.sheet.toPlainText()
