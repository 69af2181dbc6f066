"""The content model of issue 16 on small built trees: source types, review dates ("needs review" in the record
view), the status 'held', editor wording refused at its line, 'verified' needs a dated source, and the official
source never a commercial one."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from desktop import paths
from desktop.core import freshness
from desktop.core import model as m
from desktop.core.build import build
from desktop.core.content import load_content
from desktop.core.store import Store
from desktop.present.record_html import RecordRenderer

AGREEMENT = "agreements/test-agreement.yaml"
CONTACT = "contacts/test-contact.yaml"


@pytest.fixture
def content_tree(content_tree: Path) -> Path:
    """The fixture tree with every reference file of the real content (regions, countries, topics, and any
    other top-level file the loader reads)."""
    for ref in paths.content_dir().glob("*.yaml"):
        if not (content_tree / ref.name).exists():
            (content_tree / ref.name).write_bytes(ref.read_bytes())
    return content_tree


def edit(tree: Path, rel: str, old: str, new: str) -> Path:
    path = tree / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def problems_on(tree: Path, field: str) -> list[str]:
    return [str(p) for p in load_content(tree).problems if p.field == field]


def line_of(path: Path, fragment: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def built(tree: Path, tmp_path: Path) -> Store:
    out, _content = build(tree, tmp_path / "ds", paths.schema_file())
    return Store(out)


# ---------------------------------------------------------------- source types


def test_a_source_without_type_is_refused_at_its_line(content_tree):
    path = edit(content_tree, AGREEMENT, ", type: official, date: 2020-01-16", ", date: 2020-01-16")
    found = problems_on(content_tree, "sources[0].type")
    assert found == [f"{path}:{line_of(path, 'test-src')}: test-agreement: sources[0].type: missing required field"]


def test_an_unknown_source_type_is_refused(content_tree):
    edit(content_tree, AGREEMENT, "type: official", "type: blog")
    assert any("'blog' is not one of: official, code, ngo, news, commercial" in p
               for p in problems_on(content_tree, "sources[0].type"))


def test_source_types_reach_the_dataset(content_tree, tmp_path):
    with built(content_tree, tmp_path) as store:
        assert [s.type for s in store.record("test-procedure").sources] == ["code"]
        assert [s.type for s in store.record("test-contact").sources] == ["official"]


def test_the_official_source_is_never_a_commercial_one():
    def source(kind: str, date: str | None = None, url: str = "https://example.org") -> m.Source:
        return m.Source(id=kind, url=url, publisher=kind, type=kind, date=date)

    record = m.Record(id="r", kind="procedure", texts={}, status="in_force", verified_on="2026-12-03",
                      sources=[source("commercial", "2026-11-01"), source("news", "2026-10-01"),
                               source("official", "2025-01-01"), source("official", "2026-02-01")])
    assert freshness.best_official_source(record) == record.sources[3]   # official first, the newest of them
    record.sources = [source("commercial", "2026-11-01"), source("news", "2026-01-01")]
    assert freshness.best_official_source(record).type == "news"
    record.sources = [source("commercial", "2026-11-01"), m.Source(url="https://x.example", publisher="?")]
    assert freshness.best_official_source(record) is None                # commercial or untyped: none


# ---------------------------------------------------------------- review dates


def test_review_by_defaults_to_twelve_months_after_verified_on(content_tree, tmp_path):
    edit(content_tree, AGREEMENT, "verified_on: 2026-11-24", "verified_on: 2026-11-24\nreview_by: 2027-02-01")
    with built(content_tree, tmp_path) as store:
        assert store.record("test-contact").review_by == "2027-11-24"
        assert store.record("test-agreement").review_by == "2027-02-01"
        assert store.review_dates()["test-procedure"] == "2027-11-24"


def test_review_by_before_verified_on_is_refused(content_tree):
    edit(content_tree, AGREEMENT, "verified_on: 2026-11-24", "verified_on: 2026-11-24\nreview_by: 2026-01-01")
    assert problems_on(content_tree, "review_by")[0].endswith("review_by 2026-01-01 is before verified_on 2026-11-24")


def test_a_record_past_its_review_date_shows_needs_review(content_tree, tmp_path):
    edit(content_tree, CONTACT, "verified_on: 2026-11-24", "verified_on: 2026-11-24\nreview_by: 2026-12-01")
    with built(content_tree, tmp_path) as store:
        record = store.record("test-contact")
        before = RecordRenderer(store, "en", "en", today=dt.date(2026, 12, 1)).render(record)
        after = RecordRenderer(store, "en", "en", today=dt.date(2026, 12, 2)).render(record)
        ru = RecordRenderer(store, "ru", "ru", today=dt.date(2026, 12, 2)).render(record)
    assert "needs review" not in before
    assert re.search(r'<span class="warn" title="review was due on December 1, 2026">needs review</span>', after)
    assert "требует проверки" in ru


def test_the_record_view_shows_the_newest_source_date_beside_the_check_date(content_tree, tmp_path):
    with built(content_tree, tmp_path) as store:
        html = RecordRenderer(store, "en", "en").render(store.record("test-agreement"))
    assert "verified on November 24, 2026 · newest source: January 16, 2020" in html


# ---------------------------------------------------------------- held, verified, editor wording


def test_held_is_a_status_shown_in_each_language(content_tree, tmp_path):
    edit(content_tree, AGREEMENT, "status: in_force", "status: held")
    with built(content_tree, tmp_path) as store:
        record = store.record("test-agreement")
        shown = {lang: RecordRenderer(store, lang, lang).render(record) for lang in ("en", "ru", "uz", "ky")}
    assert record.status == "held"
    for lang, word in {"en": "held", "ru": "состоялась", "uz": "oʻtkazildi", "ky": "өттү"}.items():
        assert f'<span class="badge held">{word}</span>' in shown[lang], lang


def test_verified_needs_a_dated_source(content_tree):
    path = edit(content_tree, CONTACT, ", type: official, date: 2026-10-01}", ", type: official}")
    assert problems_on(content_tree, "sources") == [
        f"{path}:{line_of(path, 'sources:')}: test-contact: sources: 'verified' needs at least one source "
        "with its date (sources[].date), so the app can say how current the facts are; otherwise use partial "
        "with a note"]


@pytest.mark.parametrize("rel,old,new,field,phrase", [
    (AGREEMENT, "summary: A short summary.", "summary: The dossier gives only the year.", "en.summary", "dossier"),
    (AGREEMENT, "body: \"- пункт\"}", "body: \"- пункт, приведён по памяти\"}", "ru.body", "по памяти"),
    (CONTACT, "note: {en: Only one source.}", "note: {en: See P-04 in the notes.}", "phones[1].note.en", "P-04"),
    (CONTACT, "summary: For tests.", "summary: Check the source before using it.", "en.summary",
     "Check the source"),
], ids=["dossier", "from-memory-ru", "ref-mark", "check-the-source"])
def test_editor_wording_is_refused_where_users_read_it(content_tree, rel, old, new, field, phrase):
    path = edit(content_tree, rel, old, new)
    found = problems_on(content_tree, field)
    record = Path(rel).stem
    assert found == [f"{path}:{line_of(path, new)}: {record}: {field}: "
                     f"editor wording '{phrase}' in text users read: say it for the advisor (e.g. 'not found in "
                     "an official source; ask at the MVD') or move it to a YAML comment"]


def test_editor_wording_in_a_source_note_is_allowed(content_tree):
    edit(content_tree, AGREEMENT, "type: official, date: 2020-01-16}", "type: official, date: 2020-01-16, "
         "note: dossier G-11}")
    assert load_content(content_tree).problems == []


def test_a_schema_1_dataset_still_opens_without_types_or_review_dates(content_tree, tmp_path):
    """A dataset built before schema 2 (no sources.type, no records.review_by) is read as it is: no source
    types (so no official source), and the review date is verified_on + 12 months everywhere."""
    import sqlite3

    with built(content_tree, tmp_path) as store:
        path = store.path
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE sources DROP COLUMN type")
    conn.execute("ALTER TABLE records DROP COLUMN review_by")
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with Store(path) as old:
        record = old.record("test-contact")
        assert record.review_by is None and [s.type for s in record.sources] == [None]
        assert old.review_dates()["test-contact"] == "2027-11-24"
        assert freshness.best_official_source(record) is None
        html = RecordRenderer(old, "en", "en", today=dt.date(2027, 11, 25)).render(record)
    assert "Test consulate" in html and ">needs review</span>" in html


def test_a_source_month_is_said_as_a_month(content_tree, tmp_path):
    """ "Checked 24 Nov 2026 · newest source: March 2026" (audit finding 6): a source dated only by its month."""
    edit(content_tree, AGREEMENT, "date: 2020-01-16}", "date: 2026-03}")
    with built(content_tree, tmp_path) as store:
        record = store.record("test-agreement")
        en = RecordRenderer(store, "en", "en").render(record)
        ru = RecordRenderer(store, "ru", "ru").render(record)
    assert "verified on November 24, 2026 · newest source: March 2026" in en
    assert "самый новый источник: март 2026\u202fг." in ru   # babel keeps the narrow no-break space
