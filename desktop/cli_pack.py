"""`migrant-desk pack …`: signed offline data updates from the command line.

    pack keygen  --name NAME --out DIR          a signing key pair (private key encrypted with a passphrase)
    pack build   --key KEY --changelog FILE --out FILE [--from DATASET]
                 (or --changelog-from-diff --since LAST.mdpack: What's new drafted from the difference)
    pack publish --key KEY --out FILE [--content DIR] [--since LAST.mdpack]   validate, build, diff, sign
    pack verify  FILE                           check a pack without installing it
    pack install FILE [--allow-downgrade]       install into the shared folder from the settings, or
                                                this computer's data folder (or --data-folder DIR)
    pack rollback                               back to the data before the last update (once)
    pack status                                 which dataset is in use and where it lives

The passphrase of a private key comes from --passphrase-file, the MIGRANT_DESK_KEY_PASSPHRASE
environment variable, or a prompt when a terminal is attached.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import cli_publish, environment, paths
from .core import languages

if TYPE_CHECKING:
    from .core.datasets import DataFolder

PASSPHRASE_ENV = "MIGRANT_DESK_KEY_PASSPHRASE"


def register(subparsers) -> None:
    """Add `pack` and its actions to the main parser's subparsers."""
    pack = subparsers.add_parser("pack", help="signed data updates: keys, build, verify, install, roll back",
                                 description="Signed offline data updates (.mdpack files).")
    sub = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    p = sub.add_parser("keygen", help="make a signing key pair (central office)")
    p.add_argument("--name", required=True, help="whose key it is, e.g. 'Central office 2026'")
    p.add_argument("--out", type=Path, required=True, help="folder for KEYID.p12 (private) and KEYID.pub")
    p.add_argument("--passphrase-file", type=Path, help="file whose first line is the passphrase")

    p = sub.add_parser("build", help="build a signed update pack from a built dataset (central office)")
    p.add_argument("--key", type=Path, required=True, help="the private key file (KEYID.p12)")
    p.add_argument("--changelog", type=Path, default=None,
                   help="YAML file: what changed, per language (ru, uz, ky, en)")
    p.add_argument("--out", type=Path, required=True, help="the pack to write (…/NAME.mdpack)")
    p.add_argument("--from", dest="source", type=Path, default=None,
                   help="dataset folder built by `migrant-desk build` (default: dataset/)")
    p.add_argument("--min-app-version", default=None,
                   help="oldest app version that may install it (default: the first that reads its schema)")
    p.add_argument("--passphrase-file", type=Path, help="file whose first line is the passphrase")
    cli_publish.add_build_options(p)
    cli_publish.register_actions(sub)

    p = sub.add_parser("verify", help="check a pack (signature, every file) without installing it")
    p.add_argument("file", type=Path)
    p.add_argument("--trusted-keys", type=Path, default=None,
                   help="folder of trusted .pub keys (default: the keys shipped with the app)")

    p = sub.add_parser("install", help="install a data update from a pack file")
    p.add_argument("file", type=Path)
    p.add_argument("--allow-downgrade", action="store_true",
                   help="install even when the pack is not newer than the data in use")
    _folder_options(p)
    p.add_argument("--trusted-keys", type=Path, default=None,
                   help="folder of trusted .pub keys (default: the keys shipped with the app)")
    p.add_argument("--lang", default="ru", choices=languages.CONTENT,
                   help="language of the changelog and titles")

    p = sub.add_parser("rollback", help="go back to the data from before the last update (once)")
    _folder_options(p)

    p = sub.add_parser("status", help="which dataset is in use, where, and whether a rollback is possible")
    _folder_options(p)


def _folder_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-folder", type=Path, default=None,
                        help="data folder to use (default: the shared folder from the settings, "
                             "else this computer's data folder)")


# Exit codes (docs/updates.md): 0 done, 1 refused (a pack that is not trusted, damaged, not newer …; a
# rollback with nothing to go back to), 2 no dataset to report on (status), and one per kind of
# database a signed pack may carry that this app must not switch to.
EXIT_REFUSED = 1
EXIT_CODES = {"schema_mismatch": 3, "data_damaged": 4, "too_slow": 5}
EXIT_UNEXPECTED = 70          # sysexits' EX_SOFTWARE: a fault of the app, not of the pack


def run(args) -> int:
    from .core.updates import PackError

    action = {"keygen": _keygen, "build": _build, "verify": _verify, "install": _install,
              "rollback": _rollback, "status": _status,
              "publish": lambda a: cli_publish.publish(a, lambda b: _passphrase(b, confirm=False)),
              }[args.pack_command]
    try:
        return action(args)
    except PackError as exc:
        print(_one_line(exc.message), file=sys.stderr)
        return EXIT_CODES.get(exc.code, EXIT_REFUSED)
    except Exception as exc:      # one plain line, never a traceback, whatever went wrong
        print(_one_line(f"migrant-desk pack {args.pack_command} failed: {type(exc).__name__}: {exc}"),
              file=sys.stderr)
        return EXIT_UNEXPECTED


def _one_line(message: str) -> str:
    return " ".join(message.split())


# --------------------------------------------------------------------------- where data lives

def _places(args) -> environment.DataPlaces:
    """Where the app looks for data, or the folder given with --data-folder."""
    return environment.data_places(data_folder=args.data_folder)


def _install_folder(places: environment.DataPlaces) -> DataFolder:
    """The data folder an update goes into (a shared folder that cannot be reached is a plain refusal)."""
    from .core.datasets import DataFolderError
    from .core.updates import PackError

    try:
        return places.install_folder()
    except DataFolderError as exc:
        raise PackError(exc.code, exc.message) from exc



# --------------------------------------------------------------------------- actions

def _passphrase(args, confirm: bool) -> str:
    from .core.updates import PackError

    if args.passphrase_file:
        try:
            lines = args.passphrase_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise PackError("passphrase", f"The passphrase file {args.passphrase_file} cannot be read "
                                          f"({exc.strerror or exc}).") from exc
        return lines[0] if lines else ""
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise PackError("passphrase", f"Give the key's passphrase with --passphrase-file FILE or the "
                                      f"{PASSPHRASE_ENV} environment variable.")
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("The same passphrase again: ") != first:
        raise PackError("passphrase", "The two passphrases differ; nothing was written.")
    return first


def _keygen(args) -> int:
    from .core.updates import generate_key

    files = generate_key(args.out, args.name, _passphrase(args, confirm=True))
    print(f"key id: {files.key_id}")
    print(f"private key: {files.private_path}  (keep it and its passphrase at the central office; "
          f"never in git, never on a USB stick with packs)")
    print(f"public key:  {files.public_path}  (copy it into resources/keys/ so the next app release "
          f"trusts packs signed with this key)")
    return 0


def _build(args) -> int:
    from .core.updates import PackError, build_pack, load_signing_key, read_changelog

    source = args.source or paths.bundled_dataset_dir()
    if args.changelog_from_diff == bool(args.changelog):
        raise PackError("changelog", "Give either --changelog FILE or --changelog-from-diff (with --since).")
    changelog = (cli_publish.changelog_from_diff(args.since, source) if args.changelog_from_diff
                 else read_changelog(args.changelog))
    key = load_signing_key(args.key, _passphrase(args, confirm=False))
    manifest = build_pack(source, key, changelog, args.out,
                          min_app_version=args.min_app_version)
    size = args.out.stat().st_size
    print(f"built {args.out}: data {manifest.dataset_version} (schema {manifest.schema_version}), "
          f"signed with key {manifest.key_id}, {size / 1e6:.1f} MB")
    return 0


def _trusted(args):
    from .core.updates import load_trusted_keys

    return load_trusted_keys(args.trusted_keys)


def _verify(args) -> int:
    from .core.updates import verify_pack

    manifest = verify_pack(args.file, _trusted(args))
    print(f"OK: {args.file}: data {manifest.dataset_version} (schema {manifest.schema_version}), "
          f"made {manifest.created_at}, signed with trusted key {manifest.key_id}")
    return 0


def _progress(step: str, done: int, total: int) -> None:
    if step in ("extract", "index") and done not in (0, total):
        return
    if done == total or step == "done":
        print(f"  {step}: done" if step != "done" else "  installed", file=sys.stderr)


def _install(args) -> int:
    from .core.updates import diff_datasets, install

    places = _places(args)
    result = install(args.file, _install_folder(places), _trusted(args), baseline=places.bundled,
                     allow_downgrade=args.allow_downgrade, progress=_progress)
    was = f" (was {result.old_version})" if result.old_version else ""
    print(f"Installed data {result.manifest.dataset_version}{was} into {result.folder}")
    changelog = result.manifest.changelog_for(args.lang)
    if changelog:
        print("\n" + changelog + "\n")
    print_diff(diff_datasets(result.old_dir, result.new_dir), args.lang)
    return 0


def print_diff(diff, lang: str) -> None:
    if diff.empty:
        print("No record was added, changed or removed.")
        return
    for kind, groups in diff.by_kind().items():
        counts = ", ".join(f"{len(items)} {what}" for what, items in groups.items() if items)
        if not counts:
            continue
        print(f"{kind}s: {counts}")
        for what, items in groups.items():
            for change in items:
                print(f"  {what:8} {change.id}: {change.title(lang)}")


def _rollback(args) -> int:
    from .core.updates import rollback

    places = _places(args)
    result = rollback(_install_folder(places), baseline=places.bundled)
    target = result.to_version or "none"
    where = result.now_dir if result.now_dir else "the next data in line"
    print(f"Rolled back from data {result.from_version} to {target} ({where})")
    return 0


def _status(args) -> int:
    from .core.datasets import DataFolder
    from .core.store import DatasetError, Store
    from .core.updates import installed_manifest, rollback_target

    places = _places(args)
    print(f"shared folder:  {places.shared or '(none set)'}")
    print(f"updates folder: {places.installed}")
    print(f"bundled data:   {places.bundled}")
    try:
        active = places.active()
        with Store(active.path) as store:
            version = store.meta().get("dataset_version", "?")
    except DatasetError as exc:
        print(exc, file=sys.stderr)
        return 2
    manifest = installed_manifest(active.path)
    origin = f", installed from a pack signed with key {manifest.key_id}" if manifest else ""
    print(f"in use:         data {version} from the {active.source} folder: {active.path}{origin}")
    target = rollback_target(DataFolder(active.folder), places.bundled) if active.source != "bundled" else None
    print("rollback:       " + (f"possible, back to data {target[1] or '(the next data in line)'}"
                                if target else "not possible"))
    return 0
