"""Signed offline data updates (.mdpack): keys, build, verify, install, roll back, and "what's new".

Nothing in a pack is trusted before its signature checks out against one of the app's trusted public
keys (resources/keys/*.pub, several at once so keys can be rotated). Signing uses `cryptography`
(Ed25519; private keys in PKCS#12 files encrypted with a passphrase).

    errors      PackError, the one error type, with a message for the user
    keys        key pairs, the signing key, the app's trusted keys
    manifest    the signed description of a pack, and the changelog it is built from
    packfile    writing the zip, and opening one safely (signature, entries, sizes, hashes)
    schema_check  whether a database has exactly the shape of the app's db/schema.sql
    dataset_check the database inside a pack, checked before anything is switched (shape, journal mode,
                integrity, the app's own reading, all within a time limit)
    install     staging, checking, indexing and switching to a pack's data; rolling back
    diff        records added, changed and removed between two datasets ("What's new")
"""
from __future__ import annotations

from .diff import DatasetDiff, RecordChange, diff_datasets
from .errors import PackError
from .install import (
                      STEPS,
                      InstallResult,
                      Progress,
                      RollbackResult,
                      install,
                      installed_manifest,
                      rollback,
                      rollback_target,
)
from .keys import (
                      KeyFiles,
                      SigningKey,
                      TrustedKey,
                      generate_key,
                      key_id_of,
                      load_signing_key,
                      load_trusted_keys,
                      raw_public,
                      read_public_key,
                      trusted_keys_dir,
)
from .manifest import FileEntry, Manifest, read_changelog
from .packfile import (
                      DATASET_ENTRY,
                      MANIFEST,
                      PACK_SUFFIX,
                      SIGNATURE,
                      OpenPack,
                      build_pack,
                      check_compatible,
                      verify_pack,
                      write_pack,
)

__all__ = [
    "DATASET_ENTRY", "MANIFEST", "PACK_SUFFIX", "SIGNATURE", "STEPS",
    "DatasetDiff", "FileEntry", "InstallResult", "KeyFiles", "Manifest", "OpenPack", "PackError", "Progress",
    "RecordChange", "RollbackResult", "SigningKey", "TrustedKey",
    "build_pack", "check_compatible", "diff_datasets", "generate_key", "install", "installed_manifest",
    "key_id_of", "load_signing_key", "load_trusted_keys", "raw_public", "read_changelog", "read_public_key",
    "rollback", "rollback_target", "trusted_keys_dir", "verify_pack", "write_pack",
]
