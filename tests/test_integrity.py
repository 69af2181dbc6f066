"""Damage at rest (issue 14, item 7): zeros or garbage in the middle of a dataset's files are found by the
checksums written when the dataset and its index were made (desktop/core/integrity.py), by the check the
window runs in the background and by the self-check. Every case damages a copy of the real dataset."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop import selfcheck
from desktop.core.integrity import CHECKSUMS_FILE, DATABASE, INDEX, next_good_dataset, verify_dataset
from desktop.core.search import build_index
from desktop.core.store import DATASET_FILE, Store

import pack_helpers as h


def write_in_the_middle(file: Path, data: bytes) -> None:
    """Overwrite bytes in the middle of `file`, page-aligned, keeping its size (as a bad disk sector does)."""
    size = file.stat().st_size
    offset = (size // 2) // 4096 * 4096
    with open(file, "r+b") as f:
        f.seek(offset)
        f.write(data[:size - offset])


def zeros(file: Path) -> None:
    write_in_the_middle(file, bytes(4096))


def garbage(file: Path) -> None:
    write_in_the_middle(file, bytes((i * 37 + 11) % 256 for i in range(4096)))


@pytest.fixture(scope="module")
def template(real_dataset, tmp_path_factory) -> Path:
    """The real dataset with its index, as `migrant-desk build` writes it."""
    folder = tmp_path_factory.mktemp("integrity") / "dataset"
    shutil.copytree(real_dataset, folder, ignore=shutil.ignore_patterns("index*"))
    with Store(folder) as store:
        build_index(store, folder / "index")
    return folder


@pytest.fixture
def dataset(template, tmp_path) -> Path:
    return shutil.copytree(template, tmp_path / "dataset")


def seg_file(dataset: Path) -> Path:
    return next((dataset / "index").glob("*.seg"))


def test_a_built_dataset_and_its_index_carry_checksums_that_verify(dataset):
    assert (dataset / CHECKSUMS_FILE).is_file() and (dataset / "index" / CHECKSUMS_FILE).is_file()
    listed = set(json.loads((dataset / "index" / CHECKSUMS_FILE).read_text())["files"])
    assert {"scores.sqlite", "vocabulary.json", seg_file(dataset).name} <= listed
    assert not any(name.endswith("WRITELOCK") for name in listed)    # Whoosh's lock file is never bundled
    verdict = verify_dataset(dataset, dataset / "index")
    assert verdict.ok and verdict.not_checked == () and verdict.files_checked == 1 + len(listed)


@pytest.mark.parametrize("damage", [zeros, garbage])
@pytest.mark.parametrize("name, part", [(DATASET_FILE, DATABASE), ("index/scores.sqlite", INDEX), ("seg", INDEX)])
def test_damage_in_the_middle_of_a_file_is_named(dataset, damage, name, part):
    file = seg_file(dataset) if name == "seg" else dataset / name
    damage(file)
    with Store(dataset) as store:               # SQLite itself opens the damaged file without a word
        assert store.meta()["dataset_version"]
    verdict = verify_dataset(dataset, dataset / "index")
    assert [(d.file, d.part, d.reason) for d in verdict.damage] == [(file, part, "changed")]
    assert verdict.database_damaged == (part == DATABASE) and verdict.index_damaged == (part == INDEX)


def test_a_missing_index_file_and_a_garbled_list_are_damage(dataset):
    seg = seg_file(dataset)
    seg.unlink()
    (dataset / CHECKSUMS_FILE).write_text("{ not json", encoding="utf-8")
    verdict = verify_dataset(dataset, dataset / "index")
    assert {(d.file.name, d.part, d.reason) for d in verdict.damage} == {
        (CHECKSUMS_FILE, DATABASE, "bad_list"), (seg.name, INDEX, "missing")}


def test_an_older_dataset_without_checksums_is_not_checked_rather_than_failed(dataset):
    (dataset / CHECKSUMS_FILE).unlink()
    (dataset / "index" / CHECKSUMS_FILE).unlink()
    zeros(dataset / DATASET_FILE)
    verdict = verify_dataset(dataset, dataset / "index")
    assert verdict.ok and verdict.not_checked == (DATABASE, INDEX) and verdict.files_checked == 0


def test_an_installed_pack_is_checked_against_its_signed_manifest(tmp_path):
    world = h.make_world(tmp_path / "world")
    installed = next(world.template.glob("ds-*"))
    assert not (installed / CHECKSUMS_FILE).exists()        # the pack's manifest lists the database
    assert verify_dataset(installed, installed / "index").ok
    garbage(installed / DATASET_FILE)
    verdict = verify_dataset(installed, installed / "index")
    assert [(d.file, d.part) for d in verdict.damage] == [(installed / DATASET_FILE, DATABASE)]


def test_the_next_good_dataset_leaves_the_damaged_one_out(tmp_path, template):
    shared, installed, bundled = (shutil.copytree(template, tmp_path / name) for name in ("shared", "installed",
                                                                                            "bundled"))
    assert next_good_dataset(shared, installed, bundled, []).path == shared
    assert next_good_dataset(shared, installed, bundled, [shared]).path == installed
    assert next_good_dataset(shared, None, bundled, [shared]).path == bundled


def change_a_text_in_place(file: Path) -> None:
    """One letter of a record's text changed: the pages stay well-formed, so SQLite's own checks pass."""
    data = bytearray(file.read_bytes())
    at = data.index("патент".encode())
    data[at:at + 2] = "П".encode()
    file.write_bytes(bytes(data))


def test_the_self_check_names_the_damaged_file(dataset):
    lines: list[str] = []
    assert selfcheck.run(dataset, write=lines.append) == 0
    assert any(line.startswith("  ok      checksums: 6 file(s) as written") for line in lines), lines
    change_a_text_in_place(dataset / DATASET_FILE)
    garbage(seg_file(dataset))
    lines.clear()
    assert selfcheck.run(dataset, write=lines.append) == 1
    failed = [line for line in lines if "FAILED  checksums" in line]
    assert any(f"the file {dataset / DATASET_FILE} is damaged (changed)" in line for line in failed), lines
    assert any(f"the search index file {seg_file(dataset)} is damaged" in line for line in failed), lines
