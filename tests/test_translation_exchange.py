"""Translation exchange on a git copy of the real content: the exported catalogs pass GNU `msgfmt --check`, a
round trip without changes changes no file, a translated entry is written back (its record's language marked
reviewed when no entry is left fuzzy) and an original changed since the export is reported."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from desktop.cli import parse, run
from desktop.core.content import load_content
from desktop.core.translation_exchange import export_catalog, import_catalog
from tests.content_copy import REPO, diff_lines, git, git_content_copy

GLOSSARY = REPO / "translations" / "glossary.yaml"
msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """A content copy and its ru, uz and ky catalogs, exported through the command line."""
    root = tmp_path_factory.mktemp("exchange")
    content = git_content_copy(root)
    for lang in ("ru", "uz", "ky"):
        assert run(parse(["translations", "export", "--lang", lang, "--out", str(root / f"{lang}.po"),
                          str(content)])) == 0
    return root, content


def _catalog(path: Path):
    with path.open("rb") as f:
        return read_po(f)


def _save(catalog, path: Path) -> None:
    with path.open("wb") as f:
        write_po(f, catalog, width=0, include_lineno=False)


@msgfmt
@pytest.mark.parametrize("lang", ["ru", "uz", "ky"])
def test_msgfmt_accepts_every_catalog(exported, lang):
    root, _content = exported
    done = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(root / f"{lang}.po")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "translated message" in done.stderr


def test_entries_name_record_field_original_and_glossary(exported):
    root, content = exported
    catalog = _catalog(root / "uz.po")
    record = load_content(content).by_id()["work-patent"]
    original = next(lang for lang, t in record.texts.items() if t.translation == "original")
    title = catalog.get(record.texts[original].title, context="work-patent|title")
    assert title is not None
    assert title.string == record.texts["uz"].title
    assert title.fuzzy == (record.texts["uz"].translation == "draft")
    assert any(c.startswith("work-patent: ") for c in title.auto_comments)
    assert any(c.startswith("glossary: ") and "patent" in c for c in title.auto_comments)
    assert catalog.get(record.steps[0].text[original], context="work-patent|steps[0].text") is not None
    contexts = [str(m.context) for m in catalog if m.id]
    assert len(contexts) == len(set(contexts)) > 500


def test_round_trip_without_changes_changes_nothing(exported):
    root, content = exported
    for lang in ("ru", "uz", "ky"):
        report = import_catalog(content, root / f"{lang}.po")
        assert (report.written, report.changed, report.reviewed, report.original_changed, report.unknown) == \
            ([], [], [], [], [])
    assert diff_lines(content.parent) == []


def _draft_record(content: Path, lang: str) -> str:
    return next(r.id for r in load_content(content).records
                if r.texts[lang].translation == "draft" and r.kind == "agreement")


def test_a_translated_entry_is_written_and_the_record_reviewed(tmp_path):
    content = git_content_copy(tmp_path)
    po = tmp_path / "ky.po"
    export_catalog(content, "ky", po, GLOSSARY)
    rid = _draft_record(content, "ky")
    catalog = _catalog(po)
    mine = [m for m in catalog if m.id and str(m.context).startswith(f"{rid}|")]
    assert mine and all(m.fuzzy for m in mine if m.string)
    summary = next(m for m in mine if str(m.context) == f"{rid}|summary")
    old_summary = summary.string
    summary.string = "Жаңы которулган кыскача маалымат."
    for m in mine:
        m.flags.discard("fuzzy")  # the translator checked every text of this record
    _save(catalog, po)

    report = import_catalog(content, po)
    assert report.changed == [f"{rid}|summary"] and report.reviewed == [rid]
    assert [p.stem for p in report.written] == [rid]
    lines = diff_lines(content.parent)
    assert lines[:2] == ["-  translation: draft", "+  translation: reviewed"]
    # the summary's own lines only, in the form it had (a plain line, or a folded block whose key line stays)
    removed = " ".join(line[1:].strip() for line in lines[2:] if line.startswith("-"))
    added = [line[1:].strip() for line in lines[2:] if line.startswith("+")]
    assert removed in (old_summary, f"summary: {old_summary}")
    assert added in (["Жаңы которулган кыскача маалымат."], ["summary: Жаңы которулган кыскача маалымат."])
    record = load_content(content).by_id()[rid]
    assert record.texts["ky"].translation == "reviewed"
    assert record.texts["ky"].summary == "Жаңы которулган кыскача маалымат."


def test_an_original_changed_since_export_is_reported(tmp_path):
    content = git_content_copy(tmp_path)
    po = tmp_path / "uz.po"
    export_catalog(content, "uz", po, GLOSSARY)
    rid = _draft_record(content, "uz")
    path = next(content.glob(f"*/{rid}.yaml"))
    record = load_content(content).by_id()[rid]
    original = next(lang for lang, t in record.texts.items() if t.translation == "original")
    old_title = record.texts[original].title
    path.write_text(path.read_text(encoding="utf-8").replace(old_title, old_title + " (amended)", 1),
                    encoding="utf-8")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "original amended")
    catalog = _catalog(po)
    for m in catalog:
        if m.id and str(m.context).startswith(f"{rid}|"):
            m.flags.discard("fuzzy")
    _save(catalog, po)

    report = import_catalog(content, po)
    assert report.original_changed == [(f"{rid}|title", old_title, old_title + " (amended)")]
    assert report.reviewed == []  # its translation was made from the old original: stays a draft
    assert diff_lines(content.parent) == []
