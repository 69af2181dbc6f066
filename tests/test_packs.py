"""Signed data updates: build, verify, install, roll back; every fault leaves the active dataset and the
advisor's own data exactly as they were. Real keys, real zips, real SQLite files, real subprocesses."""
from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from desktop import cli_pack
from desktop.core import updates
from desktop.core.build import DATASET_FILE
from desktop.core.datasets import (
    LOCK_FILE,
    POINTER_FILE,
    DataFolder,
    DataFolderError,
    Pointer,
    install_folder,
    resolve_active,
    updates_folder,
)
from desktop.core.search import SearchIndex, index_state
from desktop.core.store import SCHEMA_VERSION, DatasetError, Store

import pack_helpers as h
from conftest import active_version

CHILD = Path(__file__).resolve().parent / "pack_child.py"


def refused(world, folder: DataFolder, userdata: Path, pack: Path, code: str, **kwargs) -> updates.PackError:
    """Install `pack`; it must be refused with `code` and leave the data folder and user data as they were."""
    before, user_before = h.snapshot(folder.path), h.snapshot(userdata.parent)
    with pytest.raises(updates.PackError) as info:
        updates.install(pack, folder, world.trusted, **kwargs)
    assert info.value.code == code, info.value.message
    assert h.snapshot(folder.path) == before
    assert h.snapshot(userdata.parent) == user_before
    assert active_version(folder) == h.OLD_VERSION
    return info.value


def dataset_bytes(world) -> bytes:
    return (world.new_ds / DATASET_FILE).read_bytes()


# =========================================================================== happy path, rollback

def test_install_switches_to_the_new_data_and_keeps_user_data(world, folder, userdata):
    old_dir = folder.locate()
    user_before = h.snapshot(userdata.parent)
    steps = []
    result = updates.install(world.new_pack, folder, world.trusted,
                           progress=lambda step, done, total: steps.append(step))
    assert [s for i, s in enumerate(steps) if i == 0 or steps[i - 1] != s] == list(updates.STEPS)
    assert result.old_dir == old_dir and result.old_version == h.OLD_VERSION
    active = resolve_active(None, folder.path, world.old_ds)
    assert active.source == "installed" and active.path == result.new_dir
    assert h.dataset_sha(active.path) == h.dataset_sha(world.new_ds)
    with Store(active.path) as store:
        assert store.meta()["dataset_version"] == h.NEW_VERSION
        assert index_state(store, active.path / "index") == "ok"          # built before the switch
        index = SearchIndex(active.path / "index", store.path)
        assert [hit.id for hit in index.search("Second test agreement").hits][:1] == ["test-agreement-two"]
        index.close()
    assert folder.pointer() == Pointer(result.new_dir.name, old_dir.name, True)
    assert old_dir.is_dir()                                               # kept for one rollback
    assert sorted(p.name for p in folder.path.iterdir()) == sorted(
        [POINTER_FILE, LOCK_FILE, old_dir.name, result.new_dir.name])      # no staging left
    assert updates.installed_manifest(active.path).changelog_for("ru").startswith("Добавлено")
    assert h.snapshot(userdata.parent) == user_before


def test_whats_new_lists_added_changed_and_removed_records_per_kind(world, folder):
    result = updates.install(world.new_pack, folder, world.trusted)
    diff = updates.diff_datasets(result.old_dir, result.new_dir)
    assert (diff.old_version, diff.new_version) == (h.OLD_VERSION, h.NEW_VERSION)
    by_kind = diff.by_kind()
    assert [c.id for c in by_kind["agreement"]["added"]] == ["test-agreement-two"]
    assert [c.title("ru") for c in by_kind["agreement"]["added"]] == ["Второе тестовое соглашение"]
    assert [c.id for c in by_kind["procedure"]["changed"]] == ["test-procedure"]
    assert [c.title("en") for c in by_kind["contact"]["removed"]] == ["Test consulate"]
    assert diff.counts() == {"agreement": (1, 0, 0), "procedure": (0, 1, 0), "contact": (0, 0, 1)}
    assert updates.diff_datasets(result.new_dir, result.new_dir).empty


def test_rollback_restores_the_previous_data_once(world, folder, userdata):
    old_dir = folder.locate()
    old_files = h.snapshot(old_dir)
    user_before = h.snapshot(userdata.parent)
    result = updates.install(world.new_pack, folder, world.trusted)
    assert updates.rollback_target(folder) == (h.NEW_VERSION, h.OLD_VERSION)
    back = updates.rollback(folder)
    assert (back.from_version, back.to_version, back.now_dir) == (h.NEW_VERSION, h.OLD_VERSION, old_dir)
    assert folder.locate() == old_dir and h.snapshot(old_dir) == old_files
    assert not result.new_dir.exists()                                    # the rolled-back data is gone
    assert updates.rollback_target(folder) is None
    with pytest.raises(updates.PackError) as info:
        updates.rollback(folder)
    assert info.value.code == "no_previous" and "only once" in info.value.message
    assert h.snapshot(userdata.parent) == user_before
    # the same update can be installed again afterwards
    updates.install(world.new_pack, folder, world.trusted)
    assert active_version(folder) == h.NEW_VERSION


def test_first_install_rolls_back_to_the_bundled_data(world, tmp_path):
    folder = DataFolder(tmp_path / "updates")
    updates.install(world.new_pack, folder, world.trusted, baseline=world.old_ds)
    assert resolve_active(None, folder.path, world.old_ds).source == "installed"
    assert updates.rollback_target(folder, world.old_ds) == (h.NEW_VERSION, h.OLD_VERSION)
    back = updates.rollback(folder, baseline=world.old_ds)
    assert back.now_dir == world.old_ds and back.to_version == h.OLD_VERSION
    active = resolve_active(None, folder.path, world.old_ds)
    assert (active.source, active.path) == ("bundled", world.old_ds)


def test_rollback_refuses_a_damaged_previous_dataset(world, folder):
    old_dir = folder.locate()
    updates.install(world.new_pack, folder, world.trusted)
    (old_dir / DATASET_FILE).write_bytes(b"not a database")
    with pytest.raises(updates.PackError) as info:
        updates.rollback(folder)
    assert info.value.code == "previous_damaged"
    assert active_version(folder) == h.NEW_VERSION


def test_a_shared_folder_stays_readable_while_a_pc_installs(world, folder):
    """Another PC (a reader that opened the data before) keeps working, and a PC starting at any moment
    of the install finds a complete dataset: the old one before the switch, the new one after."""
    old_dir = folder.locate()
    other_pc = Store(old_dir)
    other_index = SearchIndex(old_dir / "index", other_pc.path)
    seen = []

    def at_every_step(step: str, done: int, total: int) -> None:
        active = resolve_active(folder.path, None, None)
        with Store(active.path) as store:
            version = store.meta()["dataset_version"]
            assert index_state(store, active.path / "index") == "ok"
            assert h.dataset_sha(active.path) in (h.dataset_sha(world.old_ds), h.dataset_sha(world.new_ds))
        seen.append((step, version))
        assert other_index.search("консульство").hits[0].id == "test-contact"
        assert other_pc.record("test-contact") is not None

    updates.install(world.new_pack, folder, world.trusted, progress=at_every_step)
    versions = [v for _, v in seen]
    switched = versions.index(h.NEW_VERSION)
    assert set(versions[:switched]) == {h.OLD_VERSION} and set(versions[switched:]) == {h.NEW_VERSION}
    assert seen[switched][0] == "switch"
    # the old folder was never moved: the other PC still reads it after the install
    assert other_index.search("консульство").hits[0].id == "test-contact"
    other_index.close()
    other_pc.close()


def test_downgrade_is_refused_unless_allowed(world, folder, userdata):
    updates.install(world.new_pack, folder, world.trusted)
    before, user_before = h.snapshot(folder.path), h.snapshot(userdata.parent)
    with pytest.raises(updates.PackError) as info:
        updates.install(world.old_pack, folder, world.trusted)
    assert info.value.code == "downgrade"
    assert "older than the data you have" in info.value.message
    assert h.snapshot(folder.path) == before and active_version(folder) == h.NEW_VERSION
    updates.install(world.old_pack, folder, world.trusted, allow_downgrade=True)
    assert active_version(folder) == h.OLD_VERSION
    assert h.snapshot(userdata.parent) == user_before


def test_downgrade_against_the_bundled_data(world, tmp_path):
    folder = DataFolder(tmp_path / "updates")
    with pytest.raises(updates.PackError) as info:
        updates.install(world.old_pack, folder, world.trusted, baseline=world.new_ds)
    assert info.value.code == "downgrade"
    assert folder.locate() is None and not any(p.name.startswith("ds-") for p in folder.path.iterdir())


def test_the_same_version_is_not_installed_twice(world, folder, userdata):
    refused(world, folder, userdata, world.old_pack, "not_newer")


# =========================================================================== fault injection

def test_flipped_byte_in_the_dataset(world, folder, userdata, tmp_path):
    pack = shutil.copy(world.new_pack, tmp_path / "flipped.mdpack")
    offset, length = h.entry_data_offset(pack, updates.DATASET_ENTRY)
    h.flip_byte(pack, offset + length // 2)
    error = refused(world, folder, userdata, pack, "damaged")
    assert "This file is damaged" in error.message


def test_dataset_changed_inside_a_well_formed_zip(world, folder, userdata, tmp_path):
    """The zip is intact (CRC recomputed) but the data is not what was signed: the SHA-256 catches it."""
    data = bytearray(dataset_bytes(world))
    data[len(data) // 2] ^= 0x01
    pack = h.craft_pack(tmp_path / "changed.mdpack", h.manifest_for(world.new_ds, world.key), world.key,
                        [(updates.DATASET_ENTRY, bytes(data))])
    error = refused(world, folder, userdata, pack, "damaged")
    assert "does not match its checksum" in error.message


def test_flipped_byte_in_the_manifest(world, folder, userdata, tmp_path):
    pack = shutil.copy(world.new_pack, tmp_path / "flipped.mdpack")
    offset, length = h.entry_data_offset(pack, updates.MANIFEST)
    h.flip_byte(pack, offset + length // 2)
    assert "This file is damaged" in refused(world, folder, userdata, pack, "damaged").message


def test_manifest_edited_after_signing(world, folder, userdata, tmp_path):
    manifest = h.manifest_for(world.new_ds, world.key)
    edited = manifest.to_bytes().replace(b"2026.11.2", b"2026.12.9")
    pack = h.craft_pack(tmp_path / "edited.mdpack", manifest, world.key,
                        [(updates.DATASET_ENTRY, dataset_bytes(world))],
                        signature=world.key.private_key.sign(manifest.to_bytes()), manifest_bytes=edited)
    error = refused(world, folder, userdata, pack, "bad_signature")
    assert "not signed by a trusted key" in error.message


def test_bad_signature(world, folder, userdata, tmp_path):
    manifest = h.manifest_for(world.new_ds, world.key)
    signature = bytearray(world.key.private_key.sign(manifest.to_bytes()))
    signature[10] ^= 0xFF
    pack = h.craft_pack(tmp_path / "badsig.mdpack", manifest, world.key,
                        [(updates.DATASET_ENTRY, dataset_bytes(world))], signature=bytes(signature))
    assert "not signed by a trusted key" in refused(world, folder, userdata, pack, "bad_signature").message


def test_signed_by_an_unknown_key(world, folder, userdata, tmp_path):
    pack = tmp_path / "other.mdpack"
    updates.build_pack(world.new_ds, world.other_key, h.CHANGELOG, pack)
    error = refused(world, folder, userdata, pack, "untrusted_key")
    assert error.message.startswith("This update is not signed by a trusted key")
    assert world.other_key.key_id in error.message


@pytest.mark.parametrize("keep", [0.5, 0.98])
def test_truncated_zip(world, folder, userdata, tmp_path, keep):
    pack = tmp_path / "truncated.mdpack"
    data = world.new_pack.read_bytes()
    pack.write_bytes(data[:int(len(data) * keep)])
    error = refused(world, folder, userdata, pack, "damaged")
    assert "incomplete" in error.message


def test_not_a_zip_at_all(world, folder, userdata, tmp_path):
    pack = tmp_path / "photo.mdpack"
    pack.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(5000))
    refused(world, folder, userdata, pack, "damaged")


def test_entry_with_dot_dot(world, folder, userdata, tmp_path):
    pack = h.craft_pack(tmp_path / "dotdot.mdpack", h.manifest_for(world.new_ds, world.key), world.key,
                        [(updates.DATASET_ENTRY, dataset_bytes(world)), ("data/../../evil.txt", b"x")])
    error = refused(world, folder, userdata, pack, "unsafe")
    assert "outside the update" in error.message
    assert not (folder.path.parent / "evil.txt").exists()


def test_signed_manifest_naming_a_path_outside_the_data(world, folder, userdata, tmp_path):
    """Even a validly signed manifest cannot place a file outside the staging folder."""
    data = dataset_bytes(world)
    manifest = h.manifest_for(world.new_ds, world.key, files=(
        updates.FileEntry(updates.DATASET_ENTRY, h.dataset_sha(world.new_ds), len(data)),
        updates.FileEntry("data/sub/../../../escape", h.sha256(world.new_pack), 1)))
    pack = h.craft_pack(tmp_path / "escape.mdpack", manifest, world.key,
                        [(updates.DATASET_ENTRY, data)])
    refused(world, folder, userdata, pack, "unsafe")


def test_absolute_path(world, folder, userdata, tmp_path):
    target = tmp_path / "absolute-evil.txt"
    pack = h.craft_pack(tmp_path / "abs.mdpack", h.manifest_for(world.new_ds, world.key), world.key,
                        [(updates.DATASET_ENTRY, dataset_bytes(world)), (str(target), b"x")])
    assert "absolute" in refused(world, folder, userdata, pack, "unsafe").message
    assert not target.exists()


@pytest.mark.parametrize("name", [updates.DATASET_ENTRY, "data/link"])
def test_symlink_entry(world, folder, userdata, tmp_path, name):
    link = zipfile.ZipInfo(name, (2026, 11, 24, 12, 0, 0))
    link.create_system = 3
    link.external_attr = 0o120777 << 16
    entries = [] if name == updates.DATASET_ENTRY else [(updates.DATASET_ENTRY, dataset_bytes(world))]
    pack = h.craft_pack(tmp_path / "link.mdpack", h.manifest_for(world.new_ds, world.key), world.key,
                        entries + [(link, b"/etc/passwd")])
    assert "link" in refused(world, folder, userdata, pack, "unsafe").message


def test_file_not_in_the_manifest(world, folder, userdata, tmp_path):
    pack = h.craft_pack(tmp_path / "extra.mdpack", h.manifest_for(world.new_ds, world.key), world.key,
                        [(updates.DATASET_ENTRY, dataset_bytes(world)), ("data/extra.sqlite", b"x" * 100)])
    assert "does not list" in refused(world, folder, userdata, pack, "unsafe").message


def test_size_larger_than_declared(world, folder, userdata, tmp_path):
    data = dataset_bytes(world)
    pack = h.craft_pack(tmp_path / "bigger.mdpack", h.manifest_for(world.new_ds, world.key), world.key,
                        [(updates.DATASET_ENTRY, data + b"\0" * 4096)])
    assert "more than" in refused(world, folder, userdata, pack, "too_big").message


def test_zip_bomb_is_refused_without_unpacking(world, folder, userdata, tmp_path):
    """128 MB of zeros compress to a few hundred KB; the declared size stops it before any byte is written."""
    bomb = tmp_path / "bomb.mdpack"
    manifest = h.manifest_for(world.new_ds, world.key)
    raw = manifest.to_bytes()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(updates.MANIFEST, raw)
        zf.writestr(updates.SIGNATURE, world.key.private_key.sign(raw))
        with zf.open(updates.DATASET_ENTRY, "w", force_zip64=True) as out:
            zero = bytes(1 << 20)
            for _ in range(128):
                out.write(zero)
    assert bomb.stat().st_size < 2 << 20
    started = time.monotonic()
    refused(world, folder, userdata, bomb, "too_big")
    assert time.monotonic() - started < 2


def test_zip_header_lying_about_the_size(world, folder, userdata, tmp_path):
    """The zip directory claims the declared size but the data is longer: reading stops at the declared
    size and the damage is found (CRC and SHA-256), never more written than declared."""
    data = dataset_bytes(world)
    pack = h.craft_pack(tmp_path / "liar.mdpack", h.manifest_for(world.new_ds, world.key), world.key,
                        [(updates.DATASET_ENTRY, data + b"\1" * 65536)])
    h.rewrite_uncompressed_size(pack, updates.DATASET_ENTRY, len(data))
    with zipfile.ZipFile(pack) as zf:
        assert zf.getinfo(updates.DATASET_ENTRY).file_size == len(data)
    assert "cannot be unpacked" in refused(world, folder, userdata, pack, "damaged").message


def test_schema_too_new(world, folder, userdata, tmp_path):
    future = tmp_path / "future-ds"
    shutil.copytree(world.new_ds, future)
    import sqlite3
    conn = sqlite3.connect(future / DATASET_FILE)
    newer = SCHEMA_VERSION + 1
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(newer),))
    conn.commit()
    conn.close()
    manifest = h.manifest_for(world.new_ds, world.key, schema_version=newer, files=(updates.FileEntry(
        updates.DATASET_ENTRY, h.dataset_sha(future), (future / DATASET_FILE).stat().st_size),))
    pack = h.craft_pack(tmp_path / "future.mdpack", manifest, world.key,
                        [(updates.DATASET_ENTRY, (future / DATASET_FILE).read_bytes())])
    assert "needs a newer version of Migrant Desk" in refused(world, folder, userdata, pack,
                                                               "schema_too_new").message


def test_app_too_old(world, folder, userdata, tmp_path):
    pack = tmp_path / "later-app.mdpack"
    updates.build_pack(world.new_ds, world.key, h.CHANGELOG, pack, min_app_version="99.0")
    assert "99.0 or newer" in refused(world, folder, userdata, pack, "app_too_old").message


def test_a_second_install_at_the_same_time_is_refused(world, folder, userdata):
    """Another PC holds the folder's install lock (a real OS lock from another process)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time\n"
         "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
         "fcntl.lockf(fd, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(60)",
         str(folder.path / LOCK_FILE)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert "installing a data update" in refused(world, folder, userdata, world.new_pack, "busy").message
    finally:
        holder.kill()
        holder.wait()
    updates.install(world.new_pack, folder, world.trusted)        # the dead holder's lock is gone
    assert active_version(folder) == h.NEW_VERSION


def test_a_second_install_from_the_same_process_is_refused(world, folder):
    with folder.locked(), pytest.raises(updates.PackError) as info:
        updates.install(world.new_pack, folder, world.trusted)
    assert info.value.code == "busy"


def test_several_trusted_keys_at_once(world, tmp_path):
    """During a key rotation the app trusts the old and the new key; each pack names the one it used."""
    keys = shutil.copytree(world.trusted_dir, tmp_path / "keys")
    other = updates.generate_key(tmp_path / "new-key", "Central office, next year", h.PASSPHRASE)
    shutil.copy(other.public_path, keys)
    signing = updates.load_signing_key(other.private_path, h.PASSPHRASE)
    pack = tmp_path / "rotated.mdpack"
    updates.build_pack(world.new_ds, signing, h.CHANGELOG, pack)
    trusted = updates.load_trusted_keys(keys)
    assert sorted(trusted) == sorted([world.key.key_id, signing.key_id])
    assert updates.verify_pack(pack, trusted).key_id == signing.key_id
    assert updates.verify_pack(world.new_pack, trusted).key_id == world.key.key_id
    with pytest.raises(updates.PackError) as info:
        updates.verify_pack(pack, world.trusted)           # before the app ships the new key
    assert info.value.code == "untrusted_key"


def test_an_edited_trusted_key_file_is_refused(world, tmp_path):
    keys = shutil.copytree(world.trusted_dir, tmp_path / "keys")
    pub = next(keys.glob("*.pub"))
    data = json.loads(pub.read_text())
    data["public_key"] = base64.b64encode(updates.raw_public(world.other_key.private_key.public_key())).decode()
    pub.write_text(json.dumps(data))
    with pytest.raises(updates.PackError) as info:
        updates.load_trusted_keys(keys)
    assert info.value.code == "trust_store"


def test_the_app_ships_valid_public_keys_only():
    shipped = updates.trusted_keys_dir()
    keys = updates.load_trusted_keys()
    assert keys, "resources/keys/ holds no trusted key"
    assert sorted(p.stem for p in shipped.glob("*.pub")) == sorted(keys)
    leaked = [p.name for p in shipped.iterdir()
              if p.suffix in (".p12", ".pem", ".key") or b"PRIVATE" in p.read_bytes()]
    assert leaked == []


def test_unreachable_shared_folder_is_not_replaced_by_a_local_one(tmp_path):
    with pytest.raises(DataFolderError) as info:
        install_folder(tmp_path / "share-not-mounted", tmp_path / "local")
    assert info.value.code == "unreachable"
    assert not (tmp_path / "share-not-mounted").exists()
    assert install_folder(None, tmp_path / "local").path == tmp_path / "local"
    assert updates_folder(tmp_path / "user") == tmp_path / "user" / "datasets"


def test_active_dataset_order_shared_then_installed_then_bundled(world, folder, tmp_path):
    plain_share = tmp_path / "share"
    shutil.copytree(world.new_ds, plain_share)
    assert resolve_active(plain_share, folder.path, world.old_ds).source == "shared"
    assert resolve_active(tmp_path / "offline-share", folder.path, world.old_ds).source == "installed"
    assert resolve_active(None, tmp_path / "empty", world.old_ds).source == "bundled"
    (folder.path / POINTER_FILE).write_text("{ torn")          # a damaged pointer counts as none
    assert resolve_active(None, folder.path, world.old_ds).source == "bundled"
    with pytest.raises(DatasetError):
        resolve_active(None, tmp_path / "empty", tmp_path / "nothing")


def test_a_new_app_with_newer_bundled_data_is_not_hidden_by_an_older_update(world, folder, tmp_path):
    # `folder` holds the old data installed as an update; the app is then upgraded and brings the new data
    assert resolve_active(None, folder.path, world.old_ds).source == "installed"    # equal: the update
    active = resolve_active(None, folder.path, world.new_ds)
    assert (active.source, active.path) == ("bundled", world.new_ds)
    # a shared folder with older data does not hide it either; with the same data the share comes first
    assert resolve_active(folder.path, None, world.new_ds).source == "bundled"
    share = tmp_path / "share"
    shutil.copytree(world.new_ds, share)
    assert resolve_active(share, folder.path, world.new_ds).source == "shared"
    # an installed update that cannot be opened loses to data that can
    updates.install(world.new_pack, folder, world.trusted)
    (folder.locate() / DATASET_FILE).write_bytes(b"not a database")
    assert resolve_active(None, folder.path, world.old_ds).source == "bundled"


def test_passphrase_rules(world, tmp_path):
    with pytest.raises(updates.PackError) as info:
        updates.generate_key(tmp_path, "x", "short")
    assert info.value.code == "passphrase" and not list(tmp_path.iterdir())
    private = next((world.base / "keys").glob("*.p12"))
    assert oct(private.stat().st_mode & 0o777) == "0o600"
    with pytest.raises(updates.PackError) as info:
        updates.load_signing_key(private, "wrong passphrase entirely")
    assert info.value.code == "passphrase"


# =========================================================================== SIGKILL at every step

PAUSES = [("verify", "start"), ("verify", "end"), ("extract", "start"), ("extract", "mid"),
          ("extract", "end"), ("check", "end"), ("index", "end"), ("stage", "start"), ("stage", "end"),
          ("switch", "start"), ("switch", "end"), ("cleanup", "start"), ("done", "end")]


@pytest.mark.parametrize("step,phase", PAUSES, ids=[f"{s}-{p}" for s, p in PAUSES])
def test_install_killed_at_every_step(world, folder, userdata, tmp_path, step, phase):
    user_before = h.snapshot(userdata.parent)
    signal_file = tmp_path / "paused"
    child = subprocess.Popen([sys.executable, str(CHILD), "install", str(world.new_pack), str(folder.path),
                              str(world.trusted_dir), step, phase, str(signal_file)])
    deadline = time.monotonic() + 60
    while not signal_file.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        assert signal_file.exists() and child.poll() is None, "the install did not pause at the step"
        assert signal_file.read_text().startswith(step)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL

    # restart: a fresh process opens the data as the app does
    probe = subprocess.run([sys.executable, str(CHILD), "open", str(folder.path), str(world.old_ds),
                            str(userdata)], capture_output=True, text=True, timeout=60)
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    switched = (step, phase) in {("switch", "end"), ("cleanup", "start"), ("done", "end")}
    expected = world.new_ds if switched else world.old_ds
    with Store(expected) as store:
        assert found["version"] == store.meta()["dataset_version"]
        assert found["ids"] == store.ids()
    assert found["source"] == "installed"
    assert found["sqlite_sha"] == h.dataset_sha(expected)                # the whole file, old or new
    assert found["index_state"] == "ok" and found["index_hash"] == found["content_hash"]  # never mixed
    assert found["hits"]
    assert found["bookmarks"] == h.USER_BOOKMARKS and found["notes"] == h.USER_NOTES
    assert h.snapshot(userdata.parent) == user_before

    # the next install goes through (the dead process's lock is free) and clears what it left
    if switched:
        with pytest.raises(updates.PackError) as info:
            updates.install(world.new_pack, folder, world.trusted)
        assert info.value.code == "not_newer"
    else:
        updates.install(world.new_pack, folder, world.trusted)
    assert active_version(folder) == h.NEW_VERSION
    pointer = folder.pointer()
    assert sorted(p.name for p in folder.path.iterdir()) == sorted(
        [POINTER_FILE, LOCK_FILE, pointer.active, pointer.previous])
    assert updates.rollback(folder).to_version == h.OLD_VERSION


# =========================================================================== CLI

def cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="migrant-desk")
    cli_pack.register(parser.add_subparsers(dest="command"))
    return cli_pack.run(parser.parse_args(["pack", *argv]))


def test_cli_keygen_build_verify_install_status_rollback(world, tmp_path, capsys):
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text("a long and private passphrase\n")
    assert cli("keygen", "--name", "CLI office", "--out", str(tmp_path / "keys"),
               "--passphrase-file", str(passphrase)) == 0
    out = capsys.readouterr().out
    key_id = out.split("key id: ")[1].split()[0]
    trusted = tmp_path / "trusted"
    trusted.mkdir()
    shutil.copy(tmp_path / "keys" / f"{key_id}.pub", trusted)

    changelog = tmp_path / "changelog.yaml"
    changelog.write_text("en: A second agreement.\nru: Второе соглашение.\n", encoding="utf-8")
    pack = tmp_path / "out" / "update-2026.11.2.mdpack"
    assert cli("build", "--key", str(tmp_path / "keys" / f"{key_id}.p12"), "--changelog", str(changelog),
               "--out", str(pack), "--from", str(world.new_ds), "--passphrase-file", str(passphrase)) == 0
    assert f"signed with key {key_id}" in capsys.readouterr().out

    assert cli("verify", str(pack), "--trusted-keys", str(trusted)) == 0
    assert "OK:" in capsys.readouterr().out
    assert cli("verify", str(pack)) == 1                     # the app's shipped keys do not know it
    assert "not signed by a trusted key" in capsys.readouterr().err

    data = tmp_path / "data"
    shutil.copytree(world.template, data)
    assert cli("install", str(pack), "--data-folder", str(data), "--trusted-keys", str(trusted),
               "--lang", "ru") == 0
    out = capsys.readouterr().out
    assert f"Installed data {h.NEW_VERSION} (was {h.OLD_VERSION})" in out
    assert "Второе соглашение." in out
    assert "added    test-agreement-two: Второе тестовое соглашение" in out
    assert "removed  test-contact: Тестовое консульство" in out

    assert cli("status", "--data-folder", str(data)) == 0
    out = capsys.readouterr().out
    assert f"data {h.NEW_VERSION} from the installed folder" in out and f"back to data {h.OLD_VERSION}" in out

    assert cli("install", str(pack), "--data-folder", str(data), "--trusted-keys", str(trusted)) == 1
    assert "already installed" in capsys.readouterr().err
    assert cli("rollback", "--data-folder", str(data)) == 0
    assert f"from data {h.NEW_VERSION} to {h.OLD_VERSION}" in capsys.readouterr().out
    assert cli("rollback", "--data-folder", str(data)) == 1
    assert "no earlier data" in capsys.readouterr().err


def test_cli_build_refusals_are_plain(world, tmp_path, capsys):
    private = next((world.base / "keys").glob("*.p12"))
    bad = tmp_path / "changelog.yaml"
    bad.write_text("fr: Nouveautés\n", encoding="utf-8")
    passphrase = tmp_path / "p.txt"
    passphrase.write_text(h.PASSPHRASE)
    args = ["build", "--key", str(private), "--out", str(tmp_path / "x.mdpack"), "--from", str(world.new_ds),
            "--passphrase-file", str(passphrase)]
    assert cli(*args, "--changelog", str(bad)) == 1
    assert "unknown languages: fr" in capsys.readouterr().err
    good = tmp_path / "good.yaml"
    good.write_text("en: Fine.\n", encoding="utf-8")
    passphrase.write_text("not the passphrase")
    assert cli(*args, "--changelog", str(good)) == 1
    assert "passphrase is wrong" in capsys.readouterr().err
    assert not (tmp_path / "x.mdpack").exists()
