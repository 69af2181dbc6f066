"""`migrant-desk pack publish` and `pack build --changelog-from-diff`: a data update straight from the content
folder (core/publish.py: validate all → build → diff with the last published data → sign → write the pack),
the What's new drafted from the difference (present/changelog.py) unless a changelog file is given."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def register_actions(sub) -> None:
    p = sub.add_parser("publish", help="validate the content, build, compare with the last published data, "
                                       "sign and write the pack (central office)")
    p.add_argument("--key", type=Path, required=True, help="the private key file (KEYID.p12)")
    p.add_argument("--out", type=Path, required=True, help="the pack to write (…/NAME.mdpack)")
    p.add_argument("--content", type=Path, default=None, help="content folder (default: db/content)")
    p.add_argument("--since", type=Path, default=None,
                   help="the last published data: its .mdpack or dataset folder (default: none, all records new)")
    p.add_argument("--changelog", type=Path, default=None,
                   help="YAML file: What's new per language (default: drafted from the difference)")
    p.add_argument("--passphrase-file", type=Path, help="file whose first line is the passphrase")


def add_build_options(build) -> None:
    build.add_argument("--changelog-from-diff", action="store_true",
                       help="draft What's new in ru/uz/ky/en from the difference with --since "
                            "(instead of --changelog)")
    build.add_argument("--since", type=Path, default=None,
                       help="with --changelog-from-diff: the last published data (.mdpack or dataset folder)")


def changelog_from_diff(since: Path | None, new_dataset: Path) -> dict[str, str]:
    from .core.updates.changelog import dataset_changes
    from .present.changelog import draft_changelog

    return draft_changelog(dataset_changes(since, new_dataset))


def _progress(step: str, done: int, total: int) -> None:
    if done == total:
        print(f"  {step}: done", file=sys.stderr)


def publish(args, passphrase) -> int:
    """`pack publish`; `passphrase(args)` asks for it (cli_pack's rules: file, environment, prompt)."""
    from . import paths
    from .core.content import ContentError
    from .core.publish import finish, prepare
    from .core.updates import read_changelog
    from .present.changelog import draft_changelog

    with tempfile.TemporaryDirectory(prefix="md-publish-") as work:
        try:
            prepared = prepare(args.content or paths.content_dir(), Path(work), args.since, _progress)
        except ContentError as exc:
            for problem in exc.problems:
                print(problem.relative())
            print(f"publish refused: {len(exc.problems)} problem(s) in the content", file=sys.stderr)
            return 1
        changelog = read_changelog(args.changelog) if args.changelog else draft_changelog(prepared.changes)
        manifest = finish(prepared, args.key, passphrase(args), changelog, args.out, _progress)
    counts = ", ".join(f"{len(v)} {k}" for k, v in prepared.changes.ids().items() if v) or "no record changed"
    print(f"published {args.out}: data {manifest.dataset_version}, signed with key {manifest.key_id}; {counts}")
    print("\n" + manifest.changelog_for("en"))
    return 0
