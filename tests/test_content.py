"""The bundled content: validates, and keeps the coverage the app promises (fails when content regresses)."""
from __future__ import annotations

import re

import pytest

from desktop import paths
from desktop.core import languages
from desktop.core import model as m
from desktop.core.content import load_content


@pytest.fixture(scope="module")
def content():
    return load_content(paths.content_dir())


def by_kind(content, kind):
    return [r for r in content.records if r.kind == kind]


def test_content_validates(content):
    assert [str(p) for p in content.problems] == []


def test_coverage_counts(content):
    assert len(by_kind(content, "agreement")) >= 15
    assert len(by_kind(content, "procedure")) >= 12
    assert len(by_kind(content, "contact")) >= 20


def test_every_dossier_record_is_present(content):
    refs = {r.ref for r in content.records if r.ref}
    expected = {f"P-{i:02d}" for i in range(1, 13)} | {f"G-{i:02d}" for i in range(1, 16)} | \
               {f"C-{i:02d}" for i in range(1, 19)}
    assert expected - refs == set()


def test_every_record_has_four_languages_and_a_source(content):
    for record in content.records:
        assert set(record.texts) == set(languages.CONTENT), record.id
        for lang, text in record.texts.items():
            assert text.title and text.summary and text.body, (record.id, lang)
        assert record.sources, record.id
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record.verified_on), record.id


def test_self_translated_languages_are_marked(content):
    """Only one language per record can be the original; the others are draft until reviewed."""
    for record in content.records:
        originals = [lang for lang, t in record.texts.items() if t.translation == "original"]
        assert len(originals) <= 1, record.id


def test_procedures_have_legal_basis_and_a_contact(content):
    contacts = {r.id for r in by_kind(content, "contact")}
    for proc in by_kind(content, "procedure"):
        assert proc.legal_basis, proc.id
        helpers = [link.to for link in proc.links if link.rel == "contact_for"]
        assert helpers and set(helpers) <= contacts, proc.id


def test_no_contact_data_without_a_source_on_its_record(content):
    for contact in by_kind(content, "contact"):
        ids = {s.id for s in contact.sources}
        facts = [contact.address, contact.email, contact.website, contact.hours, *contact.phones]
        for fact in filter(None, facts):
            assert fact.source in ids, (contact.id, fact)


def test_unverified_facts_say_what_is_unconfirmed(content):
    for record in content.records:
        if record.confidence != "verified":
            assert record.confidence_note, record.id
        if isinstance(record, m.Contact):
            for phone in record.phones:
                if phone.confidence != "verified":
                    assert phone.note and (phone.note.get("en") or phone.note.get("ru")), (record.id, phone)


def test_every_region_code_used_exists(content):
    regions = {r.code for r in content.regions}
    assert len(regions) == 83 and "RU-TA" in regions
    used = set()
    for record in content.records:
        used |= set(record.regions) - {m.ALL}
        if isinstance(record, m.Contact):
            used |= {record.region} - {None}
            if record.district:
                used |= set(record.district.regions)
    assert used and used <= regions


def test_citizenship_rules(content):
    """Kyrgyz citizens work under EAEU rules without a patent; Uzbek and Tajik citizens need one."""
    records = content.by_id()
    patent = records["work-patent"]
    assert "KG" not in patent.applies_to and {"UZ", "TJ"} <= set(patent.applies_to)
    assert "KG" in records["eaeu-work-kg"].applies_to
    registration = records["migration-registration"]
    days = {code: d.days for step in registration.steps for d in step.deadlines for code in d.applies_to}
    assert (days["KG"], days["UZ"], days["TJ"], days[m.ALL]) == (30, 15, 15, 7)
    general = [d for s in registration.steps for d in s.deadlines if d.applies_to == [m.ALL]]
    assert general[0].working_days
    assert set(records["amina-app"].regions) == {"RU-MOW", "RU-MOS"}


def test_uzbek_registration_conflict_is_recorded(content):
    registration = content.by_id()["migration-registration"]
    conflicts = [n for n in registration.notes if n.type == "conflict"]
    assert any("working" in n.text.get("en", "") for n in conflicts)


def test_missions_and_ombudsmen_are_placed(content):
    records = content.by_id()
    kazan = records["uz-consulate-kazan"]
    assert kazan.region == "RU-TA" and "RU-TA" in kazan.district.regions and kazan.serves == ["UZ"]
    assert records["ombudsman-tatarstan"].region == "RU-TA"
    for agency in ("uz-migration-agency", "kg-labour-ministry"):
        assert records[agency].district.all, agency
    for contact in by_kind(content, "contact"):
        if contact.type in ("embassy", "consulate") and contact.status == "in_force":
            assert contact.city and contact.region, contact.id


def test_seed_events_state_what_was_agreed(content):
    records = content.by_id()
    assert records["uz-tatarstan-working-group-2025"].dates.get("event") == "2025-07-14"
    assert records["ru-kg-joint-statement-2025"].dates.get("signed", records["ru-kg-joint-statement-2025"]
                                                             .dates.get("event")) == "2025-11-26"
    assert records["ca-russia-deputy-fm-meeting-2026"].dates.get("event") == "2026-01-22"
    assert records["uz-diaspora-videoconference-2020"].dates.get("event") == "2020-08-08"
    meeting = records["ca-russia-deputy-fm-meeting-2026"].texts["en"].body.lower()
    assert "amina" in meeting and "registry" in meeting
