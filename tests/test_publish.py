"""Publishing from the content folder (core/publish.py, `pack publish`, `pack build --changelog-from-diff`):
edits made through the editor's file layer are validated, built, compared with the last published pack, signed
with a test key; `pack verify` accepts the pack, it installs over the last one, and its What's new lists exactly
the records added, changed (with their fields) and retired."""
from __future__ import annotations

import pytest

from desktop import paths
from desktop.cli import parse, run
from desktop.core import updates
from desktop.core.build import build
from desktop.core.content import ContentError
from desktop.core.content.roundtrip import RecordFile, retire
from desktop.core.datasets import DataFolder
from desktop.core.publish import STEPS, publish
from desktop.core.updates.changelog import dataset_changes
from desktop.present.changelog import draft_changelog
from tests.pack_helpers import PASSPHRASE

from conftest import make_content_tree


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """A content folder, the office's key, the first published pack (installed in a data folder), then the
    editor's changes: a phone changed, an agreement retired, an agreement added, the version raised."""
    base = tmp_path_factory.mktemp("office")
    content = make_content_tree(base / "content")
    keys = updates.generate_key(base / "keys", "Test central office", PASSPHRASE)
    trusted = base / "trusted"
    trusted.mkdir()
    (trusted / keys.public_path.name).write_bytes(keys.public_path.read_bytes())
    first = base / "first.mdpack"
    publish(content, keys.private_path, PASSPHRASE, first, draft_changelog, base / "work1")
    folder = DataFolder(base / "data")
    updates.install(first, folder, updates.load_trusted_keys(trusted))

    phone = RecordFile.open(content / "contacts" / "test-contact.yaml")
    phone.set(("phones", 0, "number"), "+7 843 111-11-11")
    phone.save()
    retire(RecordFile.open(content / "agreements" / "test-agreement.yaml"), "expired")
    added = (content / "agreements" / "test-agreement.yaml").read_text(encoding="utf-8")
    added = (added.replace("id: test-agreement", "id: test-agreement-two")
             .replace("status: expired", "status: in_force")
             .replace("title: Test agreement", "title: Second test agreement"))
    (content / "agreements" / "test-agreement-two.yaml").write_text(added, encoding="utf-8")
    version = RecordFile.open(content / "dataset.yaml")
    version.set(("version",), "2026.12.1")
    version.save()
    return base, content, keys, trusted, first, folder


def test_publish_makes_a_pack_that_verifies_installs_and_says_what_changed(office):
    base, content, keys, trusted, first, folder = office
    steps: list[tuple[str, int]] = []
    out = base / "second.mdpack"
    manifest, changes = publish(content, keys.private_path, PASSPHRASE, out, draft_changelog, base / "work2",
                                baseline=first, progress=lambda step, done, total: steps.append((step, done)))
    assert [s for s, done in steps if done == 1] == list(STEPS)
    assert changes.ids() == {"added": ["test-agreement-two"], "changed": ["test-contact"],
                             "retired": ["test-agreement"], "removed": []}
    assert manifest.changelog["en"] == (
        "Data 2026.12.1 (previous: 2026.11.1)\n"
        "\nAdded (1):\n- Second test agreement (agreement)\n"
        "\nChanged (1):\n- Test consulate: phone numbers\n"
        "\nNo longer in force (1):\n- Test agreement (expired)")
    assert "Тестовое консульство" in manifest.changelog["ru"] and set(manifest.changelog) == {"ru", "uz", "ky", "en"}

    assert run(parse(["pack", "verify", str(out), "--trusted-keys", str(trusted)])) == 0
    result = updates.install(out, folder, updates.load_trusted_keys(trusted))
    assert (result.old_version, result.manifest.dataset_version) == ("2026.11.1", "2026.12.1")
    assert result.manifest.changelog_for("en") == manifest.changelog["en"]


def test_publish_refuses_drafts_and_an_old_version(office, tmp_path):
    _base, content, keys, _trusted, first, _folder = office
    copy = make_content_tree(tmp_path / "content")
    with pytest.raises(updates.PackError, match="not newer than the last published"):
        publish(copy, keys.private_path, PASSPHRASE, tmp_path / "x.mdpack", draft_changelog, tmp_path / "w1",
                baseline=first)
    draft = RecordFile.open(copy / "contacts" / "test-contact.yaml")
    draft.set(("draft",), True, after="kind")
    draft.save()
    with pytest.raises(ContentError) as refused:
        publish(copy, keys.private_path, PASSPHRASE, tmp_path / "x.mdpack", draft_changelog, tmp_path / "w2")
    assert [p.field for p in refused.value.problems] == ["draft"]
    with pytest.raises(updates.PackError, match="passphrase is wrong"):
        publish(content, keys.private_path, "not it", tmp_path / "x.mdpack", draft_changelog, tmp_path / "w3",
                baseline=first)
    assert not (tmp_path / "x.mdpack").exists()


def test_the_command_line_drafts_whats_new_from_the_difference(office, tmp_path, capsys):
    _base, content, keys, trusted, first, _folder = office
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    out = tmp_path / "cli.mdpack"
    assert run(parse(["pack", "publish", "--key", str(keys.private_path), "--out", str(out), "--content",
                      str(content), "--since", str(first), "--passphrase-file", str(secret)])) == 0
    assert "1 added, 1 changed, 1 retired" in capsys.readouterr().out
    assert run(parse(["pack", "verify", str(out), "--trusted-keys", str(trusted)])) == 0

    dataset = tmp_path / "dataset"
    build(content, dataset, paths.schema_file())
    built = tmp_path / "built.mdpack"
    assert run(parse(["pack", "build", "--key", str(keys.private_path), "--out", str(built), "--from",
                      str(dataset), "--changelog-from-diff", "--since", str(first),
                      "--passphrase-file", str(secret)])) == 0
    manifest = updates.verify_pack(built, updates.load_trusted_keys(trusted))
    assert manifest.changelog == draft_changelog(dataset_changes(first, dataset))
    assert "- Test consulate: phone numbers" in manifest.changelog["en"]
