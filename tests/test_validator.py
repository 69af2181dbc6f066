"""The validator reports every problem with file, line, record and field."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from desktop.core.content import load_content

from conftest import FIXTURES

# fixture file, where it goes in the tree, expected line, record, field, message fragment
CASES = [
    ("yaml-syntax", "agreements/yaml-syntax.yaml", 6, "yaml-syntax", "-", "YAML syntax error"),
    ("unknown-key", "agreements/unknown-key.yaml", 8, "unknown-key", "colour", "unknown key"),
    ("missing-field", "agreements/missing-field.yaml", 1, "missing-field", "status", "missing required field"),
    ("missing-language", "agreements/missing-language.yaml", 1, "missing-language", "ky", "missing language block"),
    ("bad-date", "agreements/bad-date.yaml", 7, "bad-date", "dates.signed", "bad date '2025-02-30'"),
    ("duplicate-id", "procedures/test-agreement.yaml", 1, "test-agreement", "id", "duplicate id 'test-agreement'"),
    ("unknown-link", "agreements/unknown-link.yaml", 10, "unknown-link", "links[1].to", "unknown record 'no-such-record'"),
    ("unknown-region", "agreements/unknown-region.yaml", 6, "unknown-region", "regions[1]", "unknown region code 'RU-XX'"),
    ("unknown-country", "agreements/unknown-country.yaml", 5, "unknown-country", "applies_to[1]", "unknown country code 'QQ'"),
    ("bad-phone", "contacts/bad-phone.yaml", 9, "bad-phone", "phones[1].number", "malformed phone number '8-499-230-00-76'"),
    ("no-source", "agreements/no-source.yaml", 1, "no-source", "sources", "at least one source"),
    ("phone-without-source", "contacts/phone-without-source.yaml", 8, "phone-without-source", "phones[0].source",
     "source 'other' is not among this record's sources"),
    ("bad-enum", "agreements/bad-enum.yaml", 4, "bad-enum", "status", "'valid' is not one of"),
    ("uzbek-apostrophe", "agreements/uzbek-apostrophe.yaml", 9, "uzbek-apostrophe", "uz.title", "U+02BB"),
    ("bad-deadline", "procedures/bad-deadline.yaml", 11, "bad-deadline", "steps[0].deadline.days", "whole number"),
    ("bad-deadline", "procedures/bad-deadline.yaml", 11, "bad-deadline", "steps[0].deadline.counted_from", "'landing' is not one of"),
    ("unverified-without-note", "agreements/unverified-without-note.yaml", 1, "unverified-without-note",
     "confidence_note", "needs a confidence_note"),
    ("duplicate-key", "agreements/duplicate-key.yaml", 5, "duplicate-key", "status", "duplicate key"),
]


def test_fixture_tree_is_valid(content_tree):
    content = load_content(content_tree)
    assert content.problems == []
    assert sorted(r.id for r in content.records) == ["test-agreement", "test-contact", "test-procedure"]


@pytest.mark.parametrize("fixture,target,line,record,field,fragment", CASES,
                         ids=[f"{c[0]}:{c[4]}" for c in CASES])
def test_each_error_class_is_located(content_tree, fixture, target, line, record, field, fragment):
    dest = content_tree / target
    shutil.copy(FIXTURES / "malformed" / f"{fixture}.yaml", dest)
    problems = load_content(content_tree).problems
    matching = [p for p in problems if p.field == field and fragment in p.message]
    assert matching, f"no '{fragment}' on {field}; got:\n" + "\n".join(map(str, problems))
    problem = matching[0]
    assert problem.path == str(dest)
    assert (problem.line, problem.record) == (line, record)
    assert str(problem) == f"{dest}:{line}: {record}: {field}: {problem.message}"


def test_every_problem_is_reported_not_only_the_first(content_tree):
    """A deliberately broken copy: the CLI prints all of its errors with locations, exit status 1."""
    for fixture, target, *_ in CASES:
        shutil.copy(FIXTURES / "malformed" / f"{fixture}.yaml", content_tree / target)
    result = subprocess.run([sys.executable, "-m", "desktop", "validate", str(content_tree)],
                            capture_output=True, text=True, cwd=content_tree)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    for fixture, target, line, record, field, fragment in CASES:
        expected = f"{target}:{line}: {record}: {field}: "
        assert any(out.startswith(expected) and fragment in out for out in lines), expected
    assert f"{len(lines)} problem(s)" in result.stderr


def test_valid_tree_exits_zero(content_tree):
    result = subprocess.run([sys.executable, "-m", "desktop", "validate", str(content_tree)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "1 agreements, 1 procedures, 1 contacts" in result.stdout


def test_contact_data_needs_a_source_of_its_own_record(content_tree):
    path = content_tree / "contacts" / "test-contact.yaml"
    text = path.read_text(encoding="utf-8").replace("source: test-site}\nphones", "source: nowhere}\nphones")
    path.write_text(text, encoding="utf-8")
    problems = load_content(content_tree).problems
    assert [(p.field, p.record) for p in problems] == [("address.source", "test-contact")]
