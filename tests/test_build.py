"""content -> SQLite -> store: round trip, determinism, read-only, clear errors."""
from __future__ import annotations

import sqlite3

import pytest

from desktop import paths
from desktop.core.build import DATASET_FILE, build, content_hash
from desktop.core.content import ContentError, load_content
from desktop.core.store import SCHEMA_VERSION, DatasetError, Store

TABLES = ("countries", "federal_districts", "regions", "records", "texts", "record_citizenships",
          "record_regions", "parties", "steps", "deadlines", "documents", "fees", "legal_basis",
          "contacts", "contact_regions", "phones", "links", "sources", "notes", "meta")


def dump_rows(path):
    """Every row of every table, built_at aside (it records when, not what)."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in TABLES:
            rows = conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            out[table] = [r for r in rows if not (table == "meta" and r[0] == "built_at")]
        return out
    finally:
        conn.close()


def test_round_trip_fixture(content_tree, tmp_path):
    path, content = build(content_tree, tmp_path / "ds", paths.schema_file())
    with Store(path.parent) as store:
        for record in content.records:
            assert store.record(record.id) == record
        assert store.counts() == {"agreement": 1, "procedure": 1, "contact": 1}
        proc = store.record("test-procedure")
        assert [d.days for d in proc.steps[0].deadlines] == [30, 7]
        assert proc.steps[1].deadlines[0].before is True
        assert proc.texts["uz"].title == "Roʻyxatdan oʻtish tartibi"


def test_round_trip_real_content(real_dataset):
    """The bundled content comes back from the dataset exactly as the validator read it."""
    content = load_content(paths.content_dir())
    with Store(real_dataset) as store:
        assert store.meta()["content_hash"] == content_hash(content)
        assert store.ids() == sorted(r.id for r in content.records)
        for record in content.records:
            assert store.record(record.id) == record, record.id
        assert len(store.regions()) == 83


def test_build_is_deterministic(content_tree, tmp_path, monkeypatch):
    first, _ = build(content_tree, tmp_path / "one", paths.schema_file())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    second, _ = build(content_tree, tmp_path / "two", paths.schema_file())
    assert dump_rows(first) == dump_rows(second)
    with Store(first.parent) as a, Store(second.parent) as b:
        assert a.meta()["content_hash"] == b.meta()["content_hash"]
        assert b.meta()["built_at"] == "2026-09-21T14:13:20+00:00"


def test_content_hash_follows_content_not_formatting(content_tree):
    before = content_hash(load_content(content_tree))
    path = content_tree / "agreements" / "test-agreement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("applies_to: [UZ]", "applies_to:\n  - UZ"),
                    encoding="utf-8")
    assert content_hash(load_content(content_tree)) == before
    path.write_text(path.read_text(encoding="utf-8").replace("A short summary.", "Another summary."),
                    encoding="utf-8")
    assert content_hash(load_content(content_tree)) != before


def test_store_is_read_only(content_tree, tmp_path):
    path, _ = build(content_tree, tmp_path / "ds", paths.schema_file())
    before = path.read_bytes()
    with Store(path.parent) as store:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("UPDATE texts SET title = 'changed'")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("CREATE TABLE x (a)")
    assert path.read_bytes() == before


def test_build_refuses_invalid_content_and_keeps_the_old_dataset(content_tree, tmp_path):
    out = tmp_path / "ds"
    path, _ = build(content_tree, out, paths.schema_file())
    before = path.read_bytes()
    (content_tree / "agreements" / "test-agreement.yaml").write_text("id: [broken\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        build(content_tree, out, paths.schema_file())
    assert len(info.value.problems) == 1  # no cascade of "unknown record" from the links to it
    assert "test-agreement.yaml:2: test-agreement: -: YAML syntax error" in str(info.value)
    assert path.read_bytes() == before


def test_missing_dataset_gives_a_clear_error(tmp_path):
    with pytest.raises(DatasetError, match=r"No dataset at .*make dataset"):
        Store(tmp_path)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty-db"])
def test_corrupt_dataset_gives_a_clear_error(content_tree, tmp_path, damage):
    path, _ = build(content_tree, tmp_path / "ds", paths.schema_file())
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all" * 100)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:1024])
    else:
        path.unlink()
        sqlite3.connect(path).close()
    with pytest.raises(DatasetError, match="damaged"):
        Store(path.parent)


def test_newer_schema_is_refused(content_tree, tmp_path):
    path, _ = build(content_tree, tmp_path / "ds", paths.schema_file())
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(DatasetError, match="newer Migrant Desk"):
        Store(path.parent)


def test_contact_district_expands_federal_districts(content_tree, tmp_path):
    path, _ = build(content_tree, tmp_path / "ds", paths.schema_file())
    with Store(path.parent) as store:
        assert store.contacts_covering("RU-TA") == ["test-contact"]    # located there
        assert store.contacts_covering("RU-SAM") == ["test-contact"]   # Volga federal district
        assert store.contacts_covering("RU-MOW") == []                 # not in its district
        assert ("in", "contact_for", "test-procedure") in store.linked("test-contact")


def test_cli_build_and_info(content_tree, tmp_path):
    import subprocess
    import sys

    out = tmp_path / "ds"
    result = subprocess.run([sys.executable, "-m", "desktop", "build", "--content", str(content_tree),
                             "--out", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (out / DATASET_FILE).exists()
    info = subprocess.run([sys.executable, "-m", "desktop", "--dataset", str(out), "info"],
                          capture_output=True, text=True)
    assert "procedures: 1" in info.stdout and f"schema_version: {SCHEMA_VERSION}" in info.stdout
