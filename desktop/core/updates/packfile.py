"""The pack file itself: build and sign the zip, and open one safely (signature, entries, sizes, hashes).

A pack is a zip with exactly these entries:

    manifest.json           what the pack holds (see manifest.Manifest), UTF-8 JSON
    manifest.sig            the Ed25519 signature (64 bytes) of the exact bytes of manifest.json
    data/reference.sqlite   the dataset, as `migrant-desk build` wrote it

Nothing in a pack is trusted before its signature checks out against one of the app's trusted public
keys; then every entry must be listed in the manifest with its size and SHA-256, the database must be
exactly one this app reads (dataset_check) and the data must be newer than the data in use.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from cryptography.exceptions import InvalidSignature

from ... import __version__
from ..datasets import version_key
from ..i18n import _
from ..store import DATASET_FILE, SCHEMA_VERSION, DatasetError, Store
from .dataset_check import check_pack_database
from .errors import PackError, damaged, unsafe
from .keys import SigningKey, TrustedKey, load_trusted_keys
from .manifest import VERSION_RE, FileEntry, Manifest

PACK_SUFFIX = ".mdpack"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
DATA_DIR = "data/"
DATASET_ENTRY = DATA_DIR + DATASET_FILE
MAX_ENTRIES = 64
MAX_MANIFEST_BYTES = 1 << 20
MAX_PACK_DATA = 4 << 30            # no dataset comes near this; a manifest claiming more is refused
CHUNK = 64 << 10
SIGNATURE_BYTES = 64
# The oldest app that reads each dataset schema: the default minimum app version of a pack.
FIRST_APP_FOR_SCHEMA = {1: "0.1.0"}


# --------------------------------------------------------------------------- build

def _sha256_file(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK * 16):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _created_at() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (_dt.datetime.fromtimestamp(int(epoch), _dt.UTC) if epoch
              else _dt.datetime.now(_dt.UTC))
    return moment.replace(microsecond=0).isoformat()


def _zip_time(created_at: str) -> tuple[int, int, int, int, int, int]:
    moment = _dt.datetime.fromisoformat(created_at)
    if moment.year < 1980:      # the earliest time a zip entry can hold
        return (1980, 1, 1, 0, 0, 0)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def build_pack(dataset: Path, key: SigningKey, changelog: dict[str, str], out: Path,
               min_app_version: str | None = None) -> Manifest:
    """Pack the dataset in `dataset` (a folder or its reference.sqlite), signed with `key`."""
    dataset = Path(dataset)
    db_path = dataset / DATASET_FILE if dataset.is_dir() else dataset
    try:
        with Store(db_path) as store:
            meta = store.meta()
            check = store.conn.execute("PRAGMA quick_check").fetchone()[0]
    except DatasetError as exc:
        raise PackError("dataset", str(exc)) from exc
    if check != "ok":
        raise PackError("dataset", _("The dataset {path} is damaged ({detail}); rebuild it.").format(
            path=db_path, detail=check))
    version = meta.get("dataset_version", "")
    if not VERSION_RE.match(version):
        raise PackError("dataset", _("The dataset {path} has no valid version (YYYY.MM.N): {version!r}.")
                        .format(path=db_path, version=version))
    schema = int(meta["schema_version"])
    sha, size = _sha256_file(db_path)
    manifest = Manifest(
        key_id=key.key_id, dataset_version=version, schema_version=schema,
        content_hash=meta["content_hash"], created_at=_created_at(),
        min_app_version=min_app_version or FIRST_APP_FOR_SCHEMA.get(schema, __version__),
        changelog=dict(changelog), files=(FileEntry(DATASET_ENTRY, sha, size),))
    raw = manifest.to_bytes()
    write_pack(out, raw, key.private_key.sign(raw), {DATASET_ENTRY: db_path}, manifest.created_at)
    # read the pack back as an installing PC would, with only the public key
    verify_pack(out, {key.key_id: TrustedKey(key.key_id, "", key.private_key.public_key())})
    return manifest


def write_pack(out: Path, manifest_bytes: bytes, signature: bytes, files: dict[str, Path],
               created_at: str) -> Path:
    """Write the zip (beside `out`, then renamed onto it): manifest, signature, the data files."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    when = _zip_time(created_at)
    with zipfile.ZipFile(tmp, "w") as zf:
        for name, data in ((MANIFEST, manifest_bytes), (SIGNATURE, signature)):
            zf.writestr(zipfile.ZipInfo(name, when), data, compress_type=zipfile.ZIP_STORED)
        for name, path in files.items():
            info = zipfile.ZipInfo(name, when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            with open(path, "rb") as src, zf.open(info, "w") as dst:
                shutil.copyfileobj(src, dst, CHUNK * 16)
    os.replace(tmp, out)
    return out


# --------------------------------------------------------------------------- verify

def _check_entry_name(info: zipfile.ZipInfo, seen: set[str]) -> None:
    """Refuse links, absolute paths, '..', odd separators, encrypted and repeated entries."""
    name = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise unsafe(_("it contains a link ({name})").format(name=name))
    if (name.startswith(("/", "\\")) or "\\" in name or ":" in name or "\x00" in name
            or re.match(r"^[A-Za-z]:", name)):
        raise unsafe(_("it contains a file with an absolute or foreign path ({name})").format(name=name))
    if any(part in ("", ".", "..") for part in name.split("/")):
        raise unsafe(_("it contains a path that leads outside the update ({name})").format(name=name))
    if info.flag_bits & 0x1:
        raise unsafe(_("it contains an encrypted entry ({name})").format(name=name))
    if name in seen:
        raise unsafe(_("it contains {name} twice").format(name=name))
    seen.add(name)


# names the installed folder uses itself: a data file may not take them
RESERVED_NAMES = ("index", "index.building", "index.old", MANIFEST, SIGNATURE)


def _safe_data_path(path: str) -> bool:
    parts = path.split("/")
    return (path.startswith(DATA_DIR) and len(parts) >= 2 and parts[1] not in RESERVED_NAMES
            and all(re.fullmatch(r"[A-Za-z0-9._-]+", p) and p not in (".", "..") for p in parts))


class OpenPack:
    """A pack whose signature, entry list and declared sizes are checked; its files not yet read."""

    def __init__(self, path: Path, trusted: dict[str, TrustedKey]):
        self.path = Path(path)
        try:
            self.zip = zipfile.ZipFile(self.path)
        except FileNotFoundError as exc:
            raise PackError("not_found", _("The file {path} was not found.").format(path=path)) from exc
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
            raise damaged(_("it is incomplete or is not a Migrant Desk update (it may not have been "
                             "copied completely)")) from exc
        try:
            self._check(trusted)
        except BaseException:
            self.zip.close()
            raise

    def _read_small(self, name: str, limit: int) -> bytes:
        what = _("its description") if name == MANIFEST else _("its signature")
        info = self.zip.getinfo(name)
        if info.file_size > limit:
            raise damaged(_("{what} is far too large").format(what=what))
        try:
            return self.zip.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise damaged(_("{what} cannot be read").format(what=what)) from exc

    def _check(self, trusted: dict[str, TrustedKey]) -> None:
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise unsafe(_("it has {n} entries").format(n=len(infos)))
        seen: set[str] = set()
        for info in infos:
            _check_entry_name(info, seen)
        if MANIFEST not in seen or SIGNATURE not in seen:
            raise damaged(_("it is not a Migrant Desk update (it has no signed description)"))
        self.manifest_bytes = self._read_small(MANIFEST, MAX_MANIFEST_BYTES)
        self.signature = self._read_small(SIGNATURE, SIGNATURE_BYTES)
        try:
            data = json.loads(self.manifest_bytes.decode("utf-8"))
            key_id = data["key_id"]
            if not isinstance(key_id, str):
                raise TypeError("key_id")
        except (ValueError, KeyError, TypeError) as exc:
            raise damaged(_("its description cannot be read")) from exc
        key = trusted.get(key_id)
        if key is None:
            raise PackError("untrusted_key", _(
                "This update is not signed by a trusted key (it names key {key_id}, which this app does "
                "not know). Ask the central office for an update signed with a current key, or update "
                "the app.").format(key_id=key_id))
        try:
            if len(self.signature) != SIGNATURE_BYTES:
                raise InvalidSignature()
            key.public_key.verify(self.signature, self.manifest_bytes)
        except InvalidSignature as exc:
            raise PackError("bad_signature", _(
                "This update is not signed by a trusted key: its signature does not match its contents, "
                "so it was damaged or changed after the central office signed it. Nothing was "
                "installed.")) from exc
        try:
            self.manifest = Manifest.from_dict(data)
        except ValueError as exc:
            raise damaged(_("its description is incomplete ({field})").format(field=exc)) from exc
        self._check_files(seen)

    def _check_files(self, seen: set[str]) -> None:
        declared = {f.path: f for f in self.manifest.files}
        for path in declared:
            if not _safe_data_path(path):
                raise unsafe(_("its description lists a file outside the data folder ({name})").format(
                    name=path))
        if DATASET_ENTRY not in declared:
            raise damaged(_("it holds no dataset"))
        extra = sorted(seen - set(declared) - {MANIFEST, SIGNATURE})
        if extra:
            raise unsafe(_("it contains a file that its signed description does not list ({name})")
                          .format(name=extra[0]))
        missing = sorted(set(declared) - seen)
        if missing:
            raise damaged(_("{name} is missing").format(name=missing[0]))
        if self.manifest.total_size > MAX_PACK_DATA:
            raise unsafe(_("it claims to hold {mb} MB of data").format(mb=self.manifest.total_size >> 20))
        for entry in self.manifest.files:
            info = self.zip.getinfo(entry.path)
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise damaged(_("{name} is packed in a way this app does not read").format(name=entry.path))
            if info.file_size > entry.size:
                raise PackError("too_big", _(
                    "This file is damaged or has been tampered with: {name} would unpack to {actual} "
                    "bytes, more than the {declared} its signed description allows. Nothing was "
                    "installed.").format(name=entry.path, actual=info.file_size, declared=entry.size))
            if info.file_size != entry.size:
                raise damaged(_("{name} is shorter than it should be").format(name=entry.path))

    def stream(self, entry: FileEntry, sink: Callable[[bytes], object],
               progress: Callable[[int], None] | None = None) -> None:
        """Read one file through `sink`, never more than its declared size, and check its SHA-256."""
        digest, done = hashlib.sha256(), 0
        try:
            with self.zip.open(entry.path) as src:
                while True:
                    chunk = src.read(CHUNK)
                    if not chunk:
                        break
                    done += len(chunk)
                    if done > entry.size:
                        raise PackError("too_big", _(
                            "This file is damaged or has been tampered with: {name} unpacks to more "
                            "than its signed size. Nothing was installed.").format(name=entry.path))
                    digest.update(chunk)
                    sink(chunk)
                    if progress:
                        progress(len(chunk))
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise damaged(_("{name} cannot be unpacked").format(name=entry.path)) from exc
        if done != entry.size or digest.hexdigest() != entry.sha256:
            raise damaged(_("{name} does not match its checksum").format(name=entry.path))

    def extract(self, folder: Path, progress: Callable[[int], None] | None = None) -> None:
        """Write every data file into `folder` (data/x → folder/x), checked as `stream` does."""
        for entry in self.manifest.files:
            target = folder.joinpath(*entry.path.split("/")[1:])
            if not target.resolve().is_relative_to(folder.resolve()):
                raise unsafe(_("{name} points outside the update").format(name=entry.path))
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "xb") as out:
                self.stream(entry, out.write, progress)
                out.flush()
                os.fsync(out.fileno())

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> OpenPack:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def verify_pack(path: Path, trusted: dict[str, TrustedKey] | None = None) -> Manifest:
    """Check a pack completely without installing it: signature, entries, every file's size and hash, and
    its database as an install checks it (unpacked into a temporary folder, deleted afterwards)."""
    trusted = load_trusted_keys() if trusted is None else trusted
    with OpenPack(path, trusted) as pack, tempfile.TemporaryDirectory(prefix="migrant-desk-verify-") as tmp:
        try:
            pack.extract(Path(tmp))
        except OSError as exc:
            raise PackError("write", _("The update could not be unpacked into {folder} to be checked "
                                       "({reason}).").format(folder=tmp, reason=exc.strerror or exc)) from exc
        check_pack_database(Path(tmp), pack.manifest)
        return pack.manifest


def check_compatible(manifest: Manifest, current: dict[str, str] | None,
                     allow_downgrade: bool = False) -> None:
    """Refuse data this app cannot read, and data not newer than `current` (the data in use)."""
    if manifest.schema_version > SCHEMA_VERSION:
        raise PackError("schema_too_new", _(
            "This update needs a newer version of Migrant Desk (its data format is {new}; this app "
            "reads up to {have}). Install the new version of the app first, then this update.").format(
            new=manifest.schema_version, have=SCHEMA_VERSION))
    if version_key(manifest.min_app_version) > version_key(__version__):
        raise PackError("app_too_old", _(
            "This update needs Migrant Desk {need} or newer; this is {have}. Install the new version of "
            "the app first, then this update.").format(need=manifest.min_app_version, have=__version__))
    if current is None or allow_downgrade:
        return
    have = current.get("dataset_version", "")
    if version_key(manifest.dataset_version) < version_key(have):
        raise PackError("downgrade", _(
            "This update is older than the data you have (update {new}, your data {have}). Nothing was "
            "installed.").format(new=manifest.dataset_version, have=have))
    if version_key(manifest.dataset_version) == version_key(have):
        raise PackError("not_newer", _(
            "This update has the same version as the data you have ({have}); it is already "
            "installed.").format(have=have))
