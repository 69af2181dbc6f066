"""The content editor's dataset and index, changed record by record on a save (core/live_dataset): after the
update the app's search finds the saved words, and the dataset and the search answers are those of a dataset
built whole from the same content (same rows, same scores, same order of hits for real questions)."""
from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from desktop import paths
from desktop.core.build import write_dataset
from desktop.core.content import load_content
from desktop.core.content.roundtrip import RecordFile
from desktop.core.live_dataset import LiveDataset
from desktop.core.search import Filters, SearchIndex, build_index
from desktop.core.store import Store
from tests.content_copy import git_content_copy

GOLD = Path(__file__).parent / "data" / "questions_gold.tsv"


def gold_questions(n: int) -> list[tuple[str, str]]:
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return [(row["lang"], row["question"]) for row in rows[:n]]


def whole_build(content_dir: Path, folder: Path) -> SearchIndex:
    write_dataset(load_content(content_dir), folder, paths.schema_file().read_text(encoding="utf-8"))
    with Store(folder / "reference.sqlite") as store:
        build_index(store, folder / "index")
    return SearchIndex(folder / "index", folder / "reference.sqlite")


def rows_of(dataset: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(dataset)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in tables if t != "meta"}
    finally:
        conn.close()


def answers(index: SearchIndex, questions: list[tuple[str, str]]) -> list[list[tuple[str, float]]]:
    out = []
    for lang, question in questions:
        hits = index.search(question, Filters(), lang=lang, limit=8, facets=False, snippets=0).hits
        out.append([(hit.id, round(hit.score, 3)) for hit in hits])
    return out


@pytest.fixture
def edited(tmp_path):
    """A content copy with a live dataset built, then three edits on disk: a title changed, a record added (a
    copy of another under a new id), a record removed."""
    content_dir = git_content_copy(tmp_path / "copy")
    live = LiveDataset(tmp_path / "live")
    live.build(load_content(content_dir))
    rf = RecordFile.open(content_dir / "procedures" / "work-patent.yaml")
    rf.set(("en", "title"), "Zebrafinch work patent")
    rf.save()
    source = content_dir / "contacts" / "uz-embassy-moscow.yaml"
    added = source.with_name("uz-embassy-moscow-copy.yaml")
    added.write_text(source.read_text(encoding="utf-8").replace("id: uz-embassy-moscow\n",
                                                                  "id: uz-embassy-moscow-copy\n", 1),
                     encoding="utf-8")
    (content_dir / "procedures" / "lost-migration-card.yaml").unlink()
    yield content_dir, live
    live.close()


def test_a_saved_change_is_found_and_a_removed_record_is_not(edited):
    content_dir, live = edited
    assert live.search("zebrafinch", "en") == []
    content = load_content(content_dir)
    live.update(content, ["work-patent", "uz-embassy-moscow-copy", "lost-migration-card"])
    assert live.search("zebrafinch", "en")[:1] == ["work-patent"]
    found = live.search("миграционная карта утеряна", "ru")
    assert found and "lost-migration-card" not in found
    with live.store() as store:
        assert store.record("lost-migration-card") is None
        assert store.record("uz-embassy-moscow-copy") is not None
        assert store.record("work-patent").texts["en"].title == "Zebrafinch work patent"


def test_the_updated_dataset_and_search_are_those_of_a_whole_build(edited, tmp_path):
    content_dir, live = edited
    live.update(load_content(content_dir), ["work-patent", "uz-embassy-moscow-copy", "lost-migration-card"])
    whole = whole_build(content_dir, tmp_path / "whole")
    try:
        assert rows_of(live.path) == rows_of(tmp_path / "whole" / "reference.sqlite")
        questions = gold_questions(40) + [("en", "zebrafinch"), ("ru", "консульство Узбекистана в Москве")]
        assert live.index is not None
        assert answers(live.index, questions) == answers(whole, questions)
    finally:
        whole.close()


def test_updates_one_after_another_keep_the_index_whole(edited):
    """Many saves (whoosh merges its small segments now and then): every record stays found once."""
    content_dir, live = edited
    path = content_dir / "procedures" / "work-patent.yaml"
    for n in range(12):
        rf = RecordFile.open(path)
        rf.set(("en", "title"), f"Zebrafinch{n} work patent")
        rf.save()
        live.update(load_content(content_dir), ["work-patent"])
    assert live.search("zebrafinch11", "en") == ["work-patent"]
    assert live.search("zebrafinch10", "en") == []
    assert live.index is not None
    with live.store() as store:
        assert live.index.ix.doc_count() == len(store.ids())
