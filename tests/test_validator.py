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
    ("unknown-link", "agreements/unknown-link.yaml", 10, "unknown-link",
     "links[1].to", "unknown record 'no-such-record'"),
    ("unknown-region", "agreements/unknown-region.yaml", 6, "unknown-region",
     "regions[1]", "unknown region code 'RU-XX'"),
    ("unknown-country", "agreements/unknown-country.yaml", 5, "unknown-country",
     "applies_to[1]", "unknown country code 'QQ'"),
    ("bad-phone", "contacts/bad-phone.yaml", 9, "bad-phone",
     "phones[1].number", "malformed phone number '8-499-230-00-76'"),
    ("no-source", "agreements/no-source.yaml", 1, "no-source", "sources", "at least one source"),
    ("phone-without-source", "contacts/phone-without-source.yaml", 8, "phone-without-source", "phones[0].source",
     "source 'other' is not among this record's sources"),
    ("bad-enum", "agreements/bad-enum.yaml", 4, "bad-enum", "status", "'valid' is not one of"),
    ("uzbek-apostrophe", "agreements/uzbek-apostrophe.yaml", 9, "uzbek-apostrophe", "uz.title", "U+02BB"),
    ("bad-deadline", "procedures/bad-deadline.yaml", 11, "bad-deadline", "steps[0].deadline.days", "whole number"),
    ("bad-deadline", "procedures/bad-deadline.yaml", 11, "bad-deadline",
     "steps[0].deadline.counted_from", "'landing' is not one of"),
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
    for _fixture, target, line, record, field, fragment in CASES:
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


# topics.yaml: the everyday words of each procedure topic (indexed with the title), checked like any content
TOPICS_CASES = [
    # (topics.yaml text, expected (line, field, message fragment))
    ("topics:\n  registration: {ru: регистрация, uz: roʻyxat, ky: каттоо}\n",
     (2, "topics.registration.en", "missing required field")),
    ("topics:\n  registration: {ru: регистрация, uz: roʻyxat, ky: каттоо, en: [registration]}\n",
     (2, "topics.registration.en", "must be text")),
    ("topics:\n  registration: {ru: регистрация, uz: roʻyxat, ky: каттоо, en: registration}\n"
     "  visa: {ru: виза, uz: viza, ky: виза, en: visa}\n",
     (3, "topics.visa", "unknown topic code 'visa'")),
    ("topics:\n  registration: {ru: регистрация, uz: roʻyxat, ky: каттоо, en: registration}\n"
     "  registration: {ru: учёт, uz: hisob, ky: каттоо, en: registration}\n",
     (3, "topics.registration", "duplicate key")),
    ("topics:\n  registration: {ru: регистрация, uz: ro'yxat, ky: каттоо, en: registration}\n",
     (2, "topics.registration.uz", "U+02BB")),
    ("topics:\n  registration: регистрация\n", (2, "topics.registration", "must be a map of language to words")),
    ("topic:\n  registration: {ru: регистрация, uz: roʻyxat, ky: каттоо, en: registration}\n",
     (1, "topic", "unknown key")),
]


@pytest.mark.parametrize("text,expected", TOPICS_CASES, ids=[c[1][1] + ":" + c[1][2] for c in TOPICS_CASES])
def test_topic_words_are_validated_with_their_location(content_tree, text, expected):
    path = content_tree / "topics.yaml"
    path.write_text(text, encoding="utf-8")
    problems = load_content(content_tree).problems
    line, field, fragment = expected
    assert any((p.path, p.line, p.record, p.field) == (str(path), line, "topics", field) and fragment in p.message
               for p in problems), "\n".join(map(str, problems))


def test_a_procedure_topic_without_words_is_reported_on_the_procedure(content_tree):
    (content_tree / "topics.yaml").write_text(
        "topics:\n  patent: {ru: патент, uz: patent, ky: патент, en: patent}\n", encoding="utf-8")
    problems = load_content(content_tree).problems
    assert [(p.record, p.field, p.message) for p in problems] == [
        ("test-procedure", "topic", "topic 'registration' has no words in topics.yaml")]


def test_topic_words_file_is_required(content_tree):
    (content_tree / "topics.yaml").unlink()
    problems = load_content(content_tree).problems
    assert [(p.record, p.message) for p in problems] == [("topics", "file missing")]
