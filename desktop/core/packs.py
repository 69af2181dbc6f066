"""Signed offline data updates (.mdpack): keys, build, verify, install, roll back, and "what's new".

A pack is a zip with exactly these entries:

    manifest.json           what the pack holds (see Manifest), UTF-8 JSON
    manifest.sig            the Ed25519 signature (64 bytes) of the exact bytes of manifest.json
    data/reference.sqlite   the dataset, as `migrant-desk build` wrote it

Nothing in a pack is trusted before its signature checks out against one of the app's trusted public
keys (resources/keys/*.pub, several at once so keys can be rotated). Then every entry must be listed in
the manifest with its size and SHA-256, the schema must be one this app reads and the data must be newer
than the data in use. The files are extracted into a staging folder beside the active dataset, the
dataset is opened and checked, its search index is built and opened there, and only then does the
data folder switch to it (datasets.DataFolder.switch). The previous dataset is kept for one rollback.
The advisor's own data (bookmarks, notes) lives elsewhere and is never touched.

Signing uses `cryptography` (Ed25519; private keys in PKCS#12 files encrypted with a passphrase).
"""
from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import pkcs12

from .. import __version__, paths
from . import model as m
from .build import DATASET_FILE, SCHEMA_VERSION
from .datasets import DataFolder, DataFolderError, Pointer, fsync_dir, holds_dataset, version_key
from .i18n import _
from .search import SearchIndex, build_index, index_state
from .store import DatasetError, Store

PACK_SUFFIX = ".mdpack"
PACK_FORMAT = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
DATA_DIR = "data/"
DATASET_ENTRY = DATA_DIR + DATASET_FILE
PUBLIC_SUFFIX = ".pub"
PRIVATE_SUFFIX = ".p12"
KEY_FORMAT = 1
KEY_KDF_ROUNDS = 600_000           # PBKDF2-SHA256 rounds protecting a private key file
MIN_PASSPHRASE = 12
MAX_ENTRIES = 64
MAX_MANIFEST_BYTES = 1 << 20
MAX_PACK_DATA = 4 << 30            # no dataset comes near this; a manifest claiming more is refused
CHUNK = 64 << 10
SIGNATURE_BYTES = 64
VERSION_RE = re.compile(r"^\d{4}\.\d{2}\.\d+$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
# The oldest app that reads each dataset schema: the default minimum app version of a pack.
FIRST_APP_FOR_SCHEMA = {1: "0.1.0"}

# Install steps, in order, as passed to a progress callback: progress(step, done, total).
STEPS = ("verify", "extract", "check", "index", "stage", "switch", "cleanup", "done")
Progress = Callable[[str, int, int], None]


class PackError(Exception):
    """An update that cannot be built, verified, installed or rolled back; `message` is for the user."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _damaged(detail: str) -> PackError:
    return PackError("damaged", _("This file is damaged: {detail}. Copy the update again from the "
                                  "central office's original.").format(detail=detail))


def _unsafe(detail: str) -> PackError:
    return PackError("unsafe", _("This file is damaged or has been tampered with: {detail}. "
                                 "Nothing was installed.").format(detail=detail))


# =========================================================================== keys

@dataclass(frozen=True)
class TrustedKey:
    key_id: str
    name: str
    public_key: Ed25519PublicKey


@dataclass(frozen=True)
class SigningKey:
    key_id: str
    private_key: Ed25519PrivateKey


@dataclass(frozen=True)
class KeyFiles:
    key_id: str
    private_path: Path
    public_path: Path


def raw_public(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id_of(public_key: Ed25519PublicKey) -> str:
    """A key's id: the first 16 hex digits of the SHA-256 of its raw public bytes (so it cannot lie)."""
    return hashlib.sha256(raw_public(public_key)).hexdigest()[:16]


def _key_encryption(passphrase: str):
    return (serialization.PrivateFormat.PKCS12.encryption_builder()
            .kdf_rounds(KEY_KDF_ROUNDS)
            .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
            .hmac_hash(hashes.SHA256())
            .build(passphrase.encode("utf-8")))


def generate_key(out_dir: Path, name: str, passphrase: str,
                 created: _dt.date | None = None) -> KeyFiles:
    """A new key pair: `<id>.p12` (private, encrypted with the passphrase, readable by its owner only)
    and `<id>.pub` (the public key to ship in resources/keys/)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise PackError("passphrase", _("The passphrase is too short: use at least {n} characters "
                                        "(a few unrelated words are easy to remember).").format(
                                            n=MIN_PASSPHRASE))
    private = Ed25519PrivateKey.generate()
    key_id = key_id_of(private.public_key())
    out_dir.mkdir(parents=True, exist_ok=True)
    private_path = out_dir / f"{key_id}{PRIVATE_SUFFIX}"
    public_path = out_dir / f"{key_id}{PUBLIC_SUFFIX}"
    blob = pkcs12.serialize_key_and_certificates(name.encode("utf-8"), private, None, None,
                                                 _key_encryption(passphrase))
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(blob)
    public = {"format": KEY_FORMAT, "algorithm": "Ed25519", "key_id": key_id, "name": name,
              "created": (created or _dt.date.today()).isoformat(),
              "public_key": base64.b64encode(raw_public(private.public_key())).decode("ascii")}
    public_path.write_text(json.dumps(public, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return KeyFiles(key_id, private_path, public_path)


def load_signing_key(path: Path, passphrase: str) -> SigningKey:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PackError("key", _("The signing key {path} cannot be read ({reason}).").format(
            path=path, reason=exc.strerror or exc)) from exc
    try:
        private, _cert, _more = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8"))
    except ValueError as exc:
        raise PackError("passphrase", _("The passphrase is wrong, or {path} is not a signing key "
                                        "made by `migrant-desk pack keygen`.").format(path=path)) from exc
    if not isinstance(private, Ed25519PrivateKey):
        raise PackError("key", _("{path} is not an Ed25519 signing key.").format(path=path))
    return SigningKey(key_id_of(private.public_key()), private)


def read_public_key(path: Path) -> TrustedKey:
    """A `.pub` file; its key id must be the one its key gives (a renamed or edited file is refused)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != KEY_FORMAT or data.get("algorithm") != "Ed25519":
            raise ValueError("not a Migrant Desk Ed25519 public key")
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(data["public_key"], validate=True))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PackError("trust_store", _("The trusted key file {path} is damaged ({reason}). "
                                         "Reinstall the app.").format(path=path, reason=exc)) from exc
    key_id = key_id_of(public)
    if data.get("key_id") != key_id or Path(path).stem != key_id:
        raise PackError("trust_store", _("The trusted key file {path} does not match its key id. "
                                         "Reinstall the app.").format(path=path))
    return TrustedKey(key_id, str(data.get("name") or ""), public)


def trusted_keys_dir() -> Path:
    return paths.resources_dir() / "keys"


def load_trusted_keys(folder: Path | None = None) -> dict[str, TrustedKey]:
    """Every `*.pub` in `folder` (default: the keys shipped with the app), by key id."""
    folder = Path(folder) if folder is not None else trusted_keys_dir()
    keys = {}
    for path in sorted(folder.glob(f"*{PUBLIC_SUFFIX}")):
        key = read_public_key(path)
        keys[key.key_id] = key
    return keys


# =========================================================================== manifest

@dataclass(frozen=True)
class FileEntry:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    key_id: str
    dataset_version: str
    schema_version: int
    content_hash: str
    created_at: str
    min_app_version: str
    changelog: dict[str, str]
    files: tuple[FileEntry, ...]
    format: int = PACK_FORMAT

    def to_bytes(self) -> bytes:
        data = {"format": self.format, "key_id": self.key_id, "dataset_version": self.dataset_version,
                "schema_version": self.schema_version, "content_hash": self.content_hash,
                "created_at": self.created_at, "min_app_version": self.min_app_version,
                "changelog": dict(sorted(self.changelog.items())),
                "files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in self.files]}
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_dict(cls, data: dict) -> "Manifest":
        """Check every field's shape (after the signature is verified); ValueError names the field."""
        def need(key, kind):
            value = data.get(key)
            if not isinstance(value, kind) or isinstance(value, bool):
                raise ValueError(key)
            return value

        if need("format", int) != PACK_FORMAT:
            raise ValueError("format")
        version = need("dataset_version", str)
        if not VERSION_RE.match(version):
            raise ValueError("dataset_version")
        content = need("content_hash", str)
        if not SHA256_RE.match(content):
            raise ValueError("content_hash")
        changelog = need("changelog", dict)
        if not changelog or any(k not in m.LANGS or not isinstance(v, str) for k, v in changelog.items()):
            raise ValueError("changelog")
        files = []
        for item in need("files", list):
            if not isinstance(item, dict):
                raise ValueError("files")
            entry = FileEntry(item.get("path"), item.get("sha256"), item.get("size"))
            if (not isinstance(entry.path, str) or not isinstance(entry.sha256, str)
                    or not SHA256_RE.match(entry.sha256) or not isinstance(entry.size, int)
                    or isinstance(entry.size, bool) or entry.size < 0):
                raise ValueError("files")
            files.append(entry)
        return cls(key_id=need("key_id", str), dataset_version=version,
                   schema_version=need("schema_version", int), content_hash=content,
                   created_at=need("created_at", str), min_app_version=need("min_app_version", str),
                   changelog=dict(changelog), files=tuple(files))

    def changelog_for(self, lang: str) -> str:
        return m.localized(self.changelog, lang)

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)


def read_changelog(path: Path) -> dict[str, str]:
    """A YAML (or JSON) file mapping languages (ru, uz, ky, en) to what changed, in plain words."""
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise PackError("changelog", _("The changelog {path} cannot be read: {reason}").format(
            path=path, reason=exc)) from exc
    if not isinstance(data, dict) or not data:
        raise PackError("changelog", _("The changelog {path} must map languages (ru, uz, ky, en) to "
                                       "text.").format(path=path))
    unknown = sorted(str(k) for k in data if k not in m.LANGS)
    if unknown:
        raise PackError("changelog", _("The changelog {path} has unknown languages: {langs} (use ru, "
                                       "uz, ky, en).").format(path=path, langs=", ".join(unknown)))
    empty = sorted(k for k, v in data.items() if not isinstance(v, str) or not v.strip())
    if empty:
        raise PackError("changelog", _("The changelog {path} has no text for: {langs}.").format(
            path=path, langs=", ".join(empty)))
    return {k: v.strip() for k, v in data.items()}


# =========================================================================== build

def _sha256_file(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK * 16):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _created_at() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (_dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc) if epoch
              else _dt.datetime.now(_dt.timezone.utc))
    return moment.replace(microsecond=0).isoformat()


def _zip_time(created_at: str) -> tuple:
    moment = _dt.datetime.fromisoformat(created_at)
    return max(moment.timetuple()[:6], (1980, 1, 1, 0, 0, 0))


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


# =========================================================================== verify

def _check_entry_name(info: zipfile.ZipInfo, seen: set[str]) -> None:
    """Refuse links, absolute paths, '..', odd separators, encrypted and repeated entries."""
    name = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise _unsafe(_("it contains a link ({name})").format(name=name))
    if (name.startswith(("/", "\\")) or "\\" in name or ":" in name or "\x00" in name
            or re.match(r"^[A-Za-z]:", name)):
        raise _unsafe(_("it contains a file with an absolute or foreign path ({name})").format(name=name))
    if any(part in ("", ".", "..") for part in name.split("/")):
        raise _unsafe(_("it contains a path that leads outside the update ({name})").format(name=name))
    if info.flag_bits & 0x1:
        raise _unsafe(_("it contains an encrypted entry ({name})").format(name=name))
    if name in seen:
        raise _unsafe(_("it contains {name} twice").format(name=name))
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
            raise _damaged(_("it is incomplete or is not a Migrant Desk update (it may not have been "
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
            raise _damaged(_("{what} is far too large").format(what=what))
        try:
            return self.zip.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise _damaged(_("{what} cannot be read").format(what=what)) from exc

    def _check(self, trusted: dict[str, TrustedKey]) -> None:
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _unsafe(_("it has {n} entries").format(n=len(infos)))
        seen: set[str] = set()
        for info in infos:
            _check_entry_name(info, seen)
        if MANIFEST not in seen or SIGNATURE not in seen:
            raise _damaged(_("it is not a Migrant Desk update (it has no signed description)"))
        self.manifest_bytes = self._read_small(MANIFEST, MAX_MANIFEST_BYTES)
        self.signature = self._read_small(SIGNATURE, SIGNATURE_BYTES)
        try:
            data = json.loads(self.manifest_bytes.decode("utf-8"))
            key_id = data["key_id"]
            if not isinstance(key_id, str):
                raise TypeError("key_id")
        except (ValueError, KeyError, TypeError) as exc:
            raise _damaged(_("its description cannot be read")) from exc
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
            raise _damaged(_("its description is incomplete ({field})").format(field=exc)) from exc
        self._check_files(seen)

    def _check_files(self, seen: set[str]) -> None:
        declared = {f.path: f for f in self.manifest.files}
        for path in declared:
            if not _safe_data_path(path):
                raise _unsafe(_("its description lists a file outside the data folder ({name})").format(
                    name=path))
        if DATASET_ENTRY not in declared:
            raise _damaged(_("it holds no dataset"))
        extra = sorted(seen - set(declared) - {MANIFEST, SIGNATURE})
        if extra:
            raise _unsafe(_("it contains a file that its signed description does not list ({name})")
                          .format(name=extra[0]))
        missing = sorted(set(declared) - seen)
        if missing:
            raise _damaged(_("{name} is missing").format(name=missing[0]))
        if self.manifest.total_size > MAX_PACK_DATA:
            raise _unsafe(_("it claims to hold {mb} MB of data").format(mb=self.manifest.total_size >> 20))
        for entry in self.manifest.files:
            info = self.zip.getinfo(entry.path)
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _damaged(_("{name} is packed in a way this app does not read").format(name=entry.path))
            if info.file_size > entry.size:
                raise PackError("too_big", _(
                    "This file is damaged or has been tampered with: {name} would unpack to {actual} "
                    "bytes, more than the {declared} its signed description allows. Nothing was "
                    "installed.").format(name=entry.path, actual=info.file_size, declared=entry.size))
            if info.file_size != entry.size:
                raise _damaged(_("{name} is shorter than it should be").format(name=entry.path))

    def stream(self, entry: FileEntry, sink: Callable[[bytes], None],
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
            raise _damaged(_("{name} cannot be unpacked").format(name=entry.path)) from exc
        if done != entry.size or digest.hexdigest() != entry.sha256:
            raise _damaged(_("{name} does not match its checksum").format(name=entry.path))

    def close(self) -> None:
        self.zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def verify_pack(path: Path, trusted: dict[str, TrustedKey] | None = None) -> Manifest:
    """Check a pack completely (signature, entries, every file's size and hash) without installing it."""
    trusted = load_trusted_keys() if trusted is None else trusted
    with OpenPack(path, trusted) as pack:
        for entry in pack.manifest.files:
            pack.stream(entry, lambda chunk: None)
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


# =========================================================================== install, roll back

@dataclass
class InstallResult:
    manifest: Manifest
    folder: Path                       # the data folder it went into
    new_dir: Path                      # the dataset now active
    old_dir: Path | None               # the dataset that was in use before (for "what's new")
    old_version: str | None


@dataclass
class RollbackResult:
    folder: Path
    from_version: str
    to_version: str | None
    now_dir: Path | None               # the dataset in use now (None: the next place in line, e.g. bundled)


def _meta(dataset_dir: Path | None) -> dict[str, str] | None:
    if dataset_dir is None or not holds_dataset(dataset_dir):
        return None
    try:
        with Store(dataset_dir) as store:
            return store.meta()
    except DatasetError:
        return None


def _free_space_check(folder: Path, manifest: Manifest) -> None:
    # the data, its search index (about the data's size again) and some room for SQLite and Whoosh
    need = 2 * manifest.total_size + (16 << 20)
    free = shutil.disk_usage(folder).free
    if free < need:
        raise PackError("no_space", _("There is not enough free disk space in {folder}: the update needs "
                                      "about {need} MB, {free} MB are free.").format(
                                          folder=folder, need=need >> 20, free=free >> 20))


def _extract(pack: OpenPack, staging: Path, report: Progress) -> None:
    total = pack.manifest.total_size
    done = 0
    report("extract", 0, total)
    for entry in pack.manifest.files:
        target = staging.joinpath(*entry.path.split("/")[1:])
        if not target.resolve().is_relative_to(staging.resolve()):
            raise _unsafe(_("{name} points outside the update").format(name=entry.path))
        target.parent.mkdir(parents=True, exist_ok=True)

        def advance(n: int) -> None:
            nonlocal done
            done += n
            report("extract", done, total)

        try:
            with open(target, "xb") as out:
                pack.stream(entry, out.write, advance)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            raise PackError("write", _("The update could not be written to {folder} ({reason}).").format(
                folder=staging.parent, reason=exc.strerror or exc)) from exc
    report("extract", total, total)


def _check_dataset(staging: Path, manifest: Manifest) -> None:
    try:
        with Store(staging) as store:
            meta = store.meta()
            check = store.conn.execute("PRAGMA quick_check").fetchone()[0]
            store.counts()
    except (DatasetError, sqlite3.DatabaseError) as exc:
        raise _damaged(_("the data inside it does not open ({reason})").format(reason=exc)) from exc
    if check != "ok":
        raise _damaged(_("the data inside it is inconsistent ({reason})").format(reason=check))
    if (meta.get("dataset_version") != manifest.dataset_version
            or meta.get("content_hash") != manifest.content_hash
            or meta.get("schema_version") != str(manifest.schema_version)):
        raise _damaged(_("the data inside it is not the data its description names"))


def _build_and_check_index(staging: Path, report: Progress) -> None:
    with Store(staging) as store:
        index_dir = build_index(store, staging / "index", progress=lambda n, t: report("index", n, t))
        if index_state(store, index_dir) != "ok":
            raise _damaged(_("its search index could not be built"))
        index = SearchIndex(index_dir, store.path)     # opens and answers a query
        try:
            index.search("a", limit=1)
        finally:
            index.close()


def _fsync_tree(folder: Path) -> None:
    """Flush the staged files before the switch, so a power cut cannot leave a named but empty file."""
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file():
            try:
                with open(path, "rb" if os.name == "posix" else "r+b") as f:
                    os.fsync(f.fileno())
            except OSError:
                pass          # best effort: some network file systems refuse fsync
        elif path.is_dir():
            fsync_dir(path)
    fsync_dir(folder)


def _no_progress(step: str, done: int, total: int) -> None:
    pass


def install(pack_path: Path, folder: DataFolder, trusted: dict[str, TrustedKey] | None = None,
            baseline: Path | None = None, allow_downgrade: bool = False,
            progress: Progress | None = None) -> InstallResult:
    """Verify the pack and make it the active dataset of `folder`, or raise PackError and change nothing.

    `baseline` is the dataset in use when `folder` offers none yet (usually the bundled one): the
    update must be newer than it. `progress(step, done, total)` is called at every step (see STEPS).
    """
    report = progress or _no_progress
    trusted = load_trusted_keys() if trusted is None else trusted
    try:
        with folder.locked():
            folder.clean()                              # what a killed install left behind
            pointer = folder.pointer()
            old_dir = folder.locate(pointer)
            if old_dir is None and baseline is not None and holds_dataset(Path(baseline)):
                old_dir = Path(baseline)
            old_meta = _meta(old_dir)
            report("verify", 0, 1)
            with OpenPack(pack_path, trusted) as pack:
                manifest = pack.manifest
                check_compatible(manifest, old_meta, allow_downgrade)
                report("verify", 1, 1)
                _free_space_check(folder.path, manifest)
                name = _stage(pack, folder, report)
            previous = pointer.active if folder.installed(pointer.active) else None
            folder.switch(Pointer(active=name, previous=previous, can_roll_back=True),
                          prepared=lambda: report("switch", 0, 1))
            report("switch", 1, 1)
            report("cleanup", 0, 1)
            folder.clean()
            report("cleanup", 1, 1)
            report("done", 1, 1)
    except DataFolderError as exc:
        raise PackError(exc.code, exc.message) from exc
    return InstallResult(manifest, folder.path, folder.path / name, old_dir,
                         old_meta.get("dataset_version") if old_meta else None)


def _stage(pack: OpenPack, folder: DataFolder, report: Progress) -> str:
    """Extract, check and index in a staging folder; publish it under its final name (not yet active)."""
    manifest = pack.manifest
    try:
        staging = folder.new_staging()
    except OSError as exc:
        raise PackError("write", _("The update could not be written to {folder} ({reason}).").format(
            folder=folder.path, reason=exc.strerror or exc)) from exc
    try:
        _extract(pack, staging, report)
        report("check", 0, 1)
        _check_dataset(staging, manifest)
        report("check", 1, 1)
        report("index", 0, 1)
        _build_and_check_index(staging, report)
        (staging / MANIFEST).write_bytes(pack.manifest_bytes)     # provenance and the changelog
        (staging / SIGNATURE).write_bytes(pack.signature)
        _fsync_tree(staging)
        report("stage", 0, 1)
        name = folder.publish(staging, manifest.dataset_version, manifest.content_hash)
        report("stage", 1, 1)
        return name
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def rollback_target(folder: DataFolder, baseline: Path | None = None) -> tuple[str, str | None] | None:
    """(current version, version after a rollback) or None when there is nothing to go back to."""
    pointer = folder.pointer()
    current = folder.installed(pointer.active)
    if not pointer.can_roll_back or current is None:
        return None
    if pointer.previous:
        target = folder.installed(pointer.previous)
        if target is None:
            return None
    else:           # the first install into this folder: back to its plain dataset, or the next in line
        target = folder.path if holds_dataset(folder.path) else baseline
    before, after = _meta(current), _meta(target)
    return (before or {}).get("dataset_version", "?"), (after or {}).get("dataset_version")


def rollback(folder: DataFolder, baseline: Path | None = None) -> RollbackResult:
    """Go back to the dataset that was active before the last install (once)."""
    try:
        with folder.locked():
            pointer = folder.pointer()
            current = folder.installed(pointer.active)
            if not pointer.can_roll_back or current is None:
                raise PackError("no_previous", _(
                    "There is no earlier data to go back to: only the data from before the last update "
                    "can be restored, and only once."))
            target = folder.installed(pointer.previous) if pointer.previous else None
            if pointer.previous and (target is None or not _usable(target)):
                raise PackError("previous_damaged", _(
                    "The earlier data is missing or damaged, so it cannot be restored. The current "
                    "data stays in use."))
            from_meta = _meta(current) or {}
            folder.switch(Pointer(active=pointer.previous, previous=None, can_roll_back=False))
            folder.clean()
            now_dir = folder.locate()
            if now_dir is None and baseline is not None and holds_dataset(Path(baseline)):
                now_dir = Path(baseline)
            to_meta = _meta(now_dir)
    except DataFolderError as exc:
        raise PackError(exc.code, exc.message) from exc
    return RollbackResult(folder.path, from_meta.get("dataset_version", "?"),
                          to_meta.get("dataset_version") if to_meta else None, now_dir)


def _usable(dataset_dir: Path) -> bool:
    try:
        with Store(dataset_dir) as store:
            return index_state(store, dataset_dir / "index") == "ok"
    except DatasetError:
        return False


def installed_manifest(dataset_dir: Path) -> Manifest | None:
    """The manifest an installed dataset came with (its changelog), or None for a built one."""
    try:
        return Manifest.from_dict(json.loads((Path(dataset_dir) / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


# =========================================================================== what's new

@dataclass(frozen=True)
class RecordChange:
    id: str
    kind: str
    titles: dict[str, str]

    def title(self, lang: str) -> str:
        return m.localized(self.titles, lang) or self.id


@dataclass
class DatasetDiff:
    old_version: str | None
    new_version: str
    added: list[RecordChange] = field(default_factory=list)
    changed: list[RecordChange] = field(default_factory=list)
    removed: list[RecordChange] = field(default_factory=list)

    def by_kind(self) -> dict[str, dict[str, list[RecordChange]]]:
        """kind -> {'added': […], 'changed': […], 'removed': […]}, every kind present."""
        out = {kind: {"added": [], "changed": [], "removed": []} for kind in m.KINDS}
        for change_type in ("added", "changed", "removed"):
            for change in getattr(self, change_type):
                out[change.kind][change_type].append(change)
        return out

    def counts(self) -> dict[str, tuple[int, int, int]]:
        return {kind: (len(v["added"]), len(v["changed"]), len(v["removed"]))
                for kind, v in self.by_kind().items()}

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def diff_datasets(old_dir: Path | None, new_dir: Path) -> DatasetDiff:
    """Records added, changed and removed between two datasets, compared record by record."""
    with Store(new_dir) as new:
        if old_dir is None:
            diff = DatasetDiff(None, new.meta().get("dataset_version", "?"))
            diff.added = [RecordChange(rid, new.record(rid).kind, new.titles(rid)) for rid in new.ids()]
            return diff
        with Store(old_dir) as old:
            diff = DatasetDiff(old.meta().get("dataset_version"), new.meta().get("dataset_version", "?"))
            old_ids, new_ids = set(old.ids()), set(new.ids())
            for rid in sorted(old_ids | new_ids):
                if rid not in old_ids:
                    diff.added.append(RecordChange(rid, new.record(rid).kind, new.titles(rid)))
                elif rid not in new_ids:
                    diff.removed.append(RecordChange(rid, old.record(rid).kind, old.titles(rid)))
                else:
                    before, after = old.record(rid), new.record(rid)
                    if _comparable(before) != _comparable(after):
                        diff.changed.append(RecordChange(rid, after.kind, new.titles(rid)))
    return diff


def _comparable(record: m.Record):
    # where the record's YAML file sits is bookkeeping, not content an advisor sees
    return record.__class__, {k: v for k, v in vars(record).items() if k != "source_file"}
