"""Shared by the pack tests: two real datasets a release apart, signing keys, packs, user data, snapshots.

Plain functions (no pytest), so the subprocess helper tests/pack_child.py can use them too.
"""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop import paths
from desktop.core import updates
from desktop.core.build import DATASET_FILE, build
from desktop.core.datasets import DataFolder
from desktop.core.store import Store

from conftest import make_content_tree

PASSPHRASE = "test passphrase, not a secret"
OLD_VERSION, NEW_VERSION = "2026.11.1", "2026.11.2"
CHANGELOG = {"en": "Added a second agreement; the registration procedure is renamed; the test consulate "
                   "is closed.",
             "ru": "Добавлено второе соглашение; процедура регистрации переименована; тестовое "
                   "консульство закрыто."}


def make_new_content(dest: Path) -> Path:
    """The fixture content one release later: one agreement added, the procedure changed, the contact gone."""
    root = make_content_tree(dest)
    (root / "dataset.yaml").write_text(f"version: {NEW_VERSION}\n", encoding="utf-8")
    procedure = root / "procedures" / "test-procedure.yaml"
    text = procedure.read_text(encoding="utf-8")
    text = text.replace("title: Test registration procedure", "title: Registration at the new address")
    text = text.replace("links:\n  - {rel: contact_for, to: test-contact}\n", "")
    procedure.write_text(text, encoding="utf-8")
    (root / "contacts" / "test-contact.yaml").unlink()
    agreement = (root / "agreements" / "test-agreement.yaml").read_text(encoding="utf-8")
    agreement = (agreement.replace("id: test-agreement", "id: test-agreement-two")
                 .replace("title: Test agreement", "title: Second test agreement")
                 .replace("title: Тестовое соглашение", "title: Второе тестовое соглашение"))
    (root / "agreements" / "test-agreement-two.yaml").write_text(agreement, encoding="utf-8")
    return root


@dataclass
class World:
    """Everything a pack test needs, built once per module in `base`."""
    base: Path
    old_ds: Path              # dataset folders as `migrant-desk build` writes them
    new_ds: Path
    key: updates.SigningKey
    other_key: updates.SigningKey
    trusted_dir: Path         # holds only the trusted key's .pub
    old_pack: Path
    new_pack: Path
    template: Path            # a data folder with the old dataset installed

    @property
    def trusted(self) -> dict[str, updates.TrustedKey]:
        return updates.load_trusted_keys(self.trusted_dir)


def make_world(base: Path) -> World:
    old_ds, new_ds = base / "old-ds", base / "new-ds"
    build(make_content_tree(base / "old-content"), old_ds, paths.schema_file())
    build(make_new_content(base / "new-content"), new_ds, paths.schema_file())
    keys = updates.generate_key(base / "keys", "Test central office", PASSPHRASE)
    other = updates.generate_key(base / "other-keys", "Somebody else", PASSPHRASE)
    trusted_dir = base / "trusted"
    trusted_dir.mkdir()
    shutil.copy(keys.public_path, trusted_dir)
    key = updates.load_signing_key(keys.private_path, PASSPHRASE)
    old_pack = base / "old.mdpack"
    new_pack = base / "new.mdpack"
    updates.build_pack(old_ds, key, {"en": "First data", "ru": "Первые данные"}, old_pack)
    updates.build_pack(new_ds, key, CHANGELOG, new_pack)
    template = base / "template-folder"
    updates.install(old_pack, DataFolder(template), updates.load_trusted_keys(trusted_dir))
    return World(base, old_ds, new_ds, key, updates.load_signing_key(other.private_path, PASSPHRASE),
                 trusted_dir, old_pack, new_pack, template)


def make_userdata(folder: Path) -> Path:
    """An advisor's own data: a small SQLite file with bookmarks and notes, in its own folder."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "userdata.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE bookmarks (record_id TEXT PRIMARY KEY, created_at TEXT NOT NULL);
        CREATE TABLE notes (record_id TEXT PRIMARY KEY, text TEXT NOT NULL, updated_at TEXT NOT NULL);
        INSERT INTO bookmarks VALUES ('test-procedure', '2026-11-20T10:00:00+00:00'),
                                     ('test-contact', '2026-11-21T10:00:00+00:00');
        INSERT INTO notes VALUES ('test-procedure', 'Client asked about the 7 days.', '2026-11-20T10:01:00+00:00'),
                                 ('test-contact', 'Call before noon.', '2026-11-21T10:01:00+00:00');
    """)
    conn.commit()
    conn.close()
    return path


USER_BOOKMARKS = ["test-contact", "test-procedure"]
USER_NOTES = {"test-contact": "Call before noon.", "test-procedure": "Client asked about the 7 days."}


def read_userdata(path: Path) -> tuple[list[str], dict[str, str]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        bookmarks = [r[0] for r in conn.execute("SELECT record_id FROM bookmarks ORDER BY record_id")]
        notes = dict(conn.execute("SELECT record_id, text FROM notes"))
    finally:
        conn.close()
    return bookmarks, notes


def snapshot(folder: Path) -> dict[str, str]:
    """Every file (SHA-256), folder and link under `folder`: equal snapshots = nothing changed."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[rel] = "link:" + str(path.readlink())
        elif path.is_dir():
            out[rel] = "dir"
        else:
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def dataset_sha(dataset_dir: Path) -> str:
    return sha256(dataset_dir / DATASET_FILE)


# --------------------------------------------------------------------------- crafting bad packs

def manifest_for(dataset_dir: Path, key: updates.SigningKey, **changes) -> updates.Manifest:
    """The manifest build_pack would write for `dataset_dir`, with fields replaced by `changes`."""
    with Store(dataset_dir) as store:
        meta = store.meta()
    data = dict(key_id=key.key_id, dataset_version=meta["dataset_version"],
                schema_version=int(meta["schema_version"]), content_hash=meta["content_hash"],
                created_at="2026-11-24T12:00:00+00:00", min_app_version="0.1.0",
                changelog=dict(CHANGELOG),
                files=(updates.FileEntry(updates.DATASET_ENTRY, dataset_sha(dataset_dir),
                                       (dataset_dir / DATASET_FILE).stat().st_size),))
    data.update(changes)
    return updates.Manifest(**data)


def write_zip(out: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(out, "w") as zf:
        for info, data in entries:
            if isinstance(info, str):
                info = zipfile.ZipInfo(info, (2026, 11, 24, 12, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return out


def craft_pack(out: Path, manifest: updates.Manifest, key: updates.SigningKey,
               data: list[tuple[zipfile.ZipInfo | str, bytes]], signature: bytes | None = None,
               manifest_bytes: bytes | None = None) -> Path:
    """A pack with a validly signed `manifest` (unless `signature` is given) and any entries."""
    raw = manifest.to_bytes()
    sig = key.private_key.sign(raw) if signature is None else signature
    return write_zip(out, [(updates.MANIFEST, manifest_bytes if manifest_bytes is not None else raw),
                           (updates.SIGNATURE, sig), *data])


def entry_data_offset(pack: Path, name: str) -> tuple[int, int]:
    """(offset, length) of an entry's stored bytes inside the zip file."""
    with zipfile.ZipFile(pack) as zf:
        info = zf.getinfo(name)
    raw = pack.read_bytes()
    start = info.header_offset
    name_len = int.from_bytes(raw[start + 26:start + 28], "little")
    extra_len = int.from_bytes(raw[start + 28:start + 30], "little")
    return start + 30 + name_len + extra_len, info.compress_size


def flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def rewrite_uncompressed_size(pack: Path, name: str, size: int) -> None:
    """Make the zip's local header and central directory claim `size` for entry `name` (a lying zip)."""
    raw = bytearray(pack.read_bytes())
    with zipfile.ZipFile(pack) as zf:
        info = zf.getinfo(name)
        central_start = zf.start_dir
    raw[info.header_offset + 22:info.header_offset + 26] = size.to_bytes(4, "little")
    pos = central_start
    while raw[pos:pos + 4] == b"PK\x01\x02":
        name_len, extra_len, comment_len = (int.from_bytes(raw[pos + o:pos + o + 2], "little")
                                            for o in (28, 30, 32))
        if raw[pos + 46:pos + 46 + name_len].decode() == name:
            raw[pos + 24:pos + 28] = size.to_bytes(4, "little")
        pos += 46 + name_len + extra_len + comment_len
    pack.write_bytes(bytes(raw))


# --------------------------------------------------------------------------- packs with an edited database

def edited_database(dataset_dir: Path, out: Path, sql: str = "", journal_mode: str | None = None) -> Path:
    """A copy of `dataset_dir`'s reference.sqlite at `out`, changed by the SQL script `sql` (foreign keys
    off, so tables can be dropped and replaced) and switched to `journal_mode`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(dataset_dir / DATASET_FILE, out)
    conn = sqlite3.connect(out, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        if sql:
            conn.executescript(sql)
        if journal_mode:
            conn.execute(f"PRAGMA journal_mode = {journal_mode}")
    finally:
        conn.close()
    return out


def signed_pack_of(database: Path, like: Path, key: updates.SigningKey, out: Path) -> Path:
    """A validly signed pack holding `database` byte for byte, described with the meta (version, content
    hash) of the dataset folder `like`: only the database inside is wrong, never the signature."""
    manifest = manifest_for(like, key, files=(updates.FileEntry(
        updates.DATASET_ENTRY, sha256(database), database.stat().st_size),))
    return craft_pack(out, manifest, key, [(updates.DATASET_ENTRY, database.read_bytes())])


def put_index_out_of_step(database: Path, index: str = "records_kind", table: str = "records",
                          column: str = "kind", other_column: str = "status") -> Path:
    """Damage `database` so that only SQLite's integrity check notices: the index `index` is rebuilt over
    `other_column`, then its definition is set back to `column`. The catalogue is exactly as before; the
    index's entries no longer match its table."""
    def set_definition(on: str) -> None:
        conn = sqlite3.connect(database, isolation_level=None)
        try:
            conn.execute("PRAGMA writable_schema = ON")
            conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?",
                         (f"CREATE INDEX {index} ON {table}({on})", index))
        finally:
            conn.close()

    set_definition(other_column)
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute(f"REINDEX {index}")
    conn.close()
    set_definition(column)
    return database
