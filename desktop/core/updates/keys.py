"""Signing keys: make a key pair, load the central office's private key, read the app's trusted public keys."""
from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import pkcs12

from ... import paths
from ..i18n import _
from .errors import PackError

PUBLIC_SUFFIX = ".pub"
PRIVATE_SUFFIX = ".p12"
KEY_FORMAT = 1
KEY_KDF_ROUNDS = 600_000           # PBKDF2-SHA256 rounds protecting a private key file
MIN_PASSPHRASE = 12


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


def _key_encryption(passphrase: str) -> serialization.KeySerializationEncryption:
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
