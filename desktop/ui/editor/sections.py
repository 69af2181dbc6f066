"""The parts of a record's form, by kind: general facts, the texts in four languages, the kind's own fields,
sources, notes and links. Each widget is bound to its field path by `form.field`."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from ...core import model as m
from ...core.i18n import _
from .fields import (
    BoolField,
    ChecklistField,
    ChoiceField,
    FullDateField,
    IntField,
    LineField,
    LinkField,
    LocalField,
    PartialDateField,
    PhoneField,
)
from .rows import Column, RowsEditor, RowsSpec
from .texts_panel import TextsPanel

if TYPE_CHECKING:
    from .binding import Form as RecordForm


def options(values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


def build(form: RecordForm) -> None:
    general(form)
    form.column.addWidget(TextsPanel(form))
    kind = form.kind
    if kind == "procedure":
        procedure(form)
    elif kind == "contact":
        contact(form)
    elif kind == "agreement":
        agreement(form)
    sources(form)
    notes_and_links(form)


def general(form: RecordForm) -> None:
    s, rf = form.session, form.rf
    lay = form.group(_("Record"), "groupGeneral")
    ident = QLabel(f"<b>{rf.record_id}</b> · {form.kind} · {rf.path.parent.name}/{rf.path.name}")
    ident.setObjectName("recordIdentity")
    lay.addRow(_("Record"), ident)
    lay.addRow(_("Status"), form.field(("status",), ChoiceField(options(m.STATUSES))))
    lay.addRow(_("Confidence"), form.field(("confidence",), ChoiceField(options(m.CONFIDENCE), empty=True)))
    lay.addRow(_("Why not verified"), form.field(("confidence_note",), LocalField()))
    lay.addRow(_("Checked on"), form.field(("verified_on",), FullDateField(optional=False)))
    review_by = FullDateField(optional=True)
    review_by.edit.setPlaceholderText(_("default: 12 months after the check"))
    lay.addRow(_("Review by"), form.field(("review_by",), review_by))
    for key, label in (("signed", _("Signed")), ("valid_from", _("Valid from")), ("valid_to", _("Valid to")),
                       ("event", _("Event"))):
        lay.addRow(label, form.field(("dates", key), PartialDateField()))
    if form.kind != "contact":
        lay.addRow(_("Applies to citizens of"), form.field(("applies_to",), ChecklistField(s.country_codes())))
    lay.addRow(_("Regions"), form.field(("regions",), ChecklistField(s.region_codes())))


def procedure(form: RecordForm) -> None:
    lay = form.group(_("Procedure"), "groupProcedure")
    lay.addRow(_("Topic"), form.field(("topic",), ChoiceField(options(m.TOPICS))))
    steps = form.rf.get(("steps",)) or []
    box = QGroupBox(_("Steps"))
    box.setObjectName("groupSteps")
    column = QVBoxLayout(box)
    for i, _step in enumerate(steps if isinstance(steps, list) else []):
        step = QGroupBox(_("Step {n}").format(n=i + 1))
        step.setObjectName(f"step{i}")
        inner = QVBoxLayout(step)
        inner.addWidget(QLabel(_("What to do")))
        inner.addWidget(form.field(("steps", i, "text"), LocalField(multiline=True)))
        inner.addWidget(QLabel(_("Where")))
        inner.addWidget(form.field(("steps", i, "where"), LocalField()))
        inner.addWidget(QLabel(_("Deadlines")))
        inner.addWidget(RowsEditor(form, deadline_spec(form, ("steps", i, "deadline"))))
        column.addWidget(step)
    column.addWidget(RowsEditor(form, RowsSpec(("steps",), _("Steps"), [
        Column("confidence", _("Confidence"), lambda: ChoiceField(options(m.CONFIDENCE), empty=True))],
        lambda n: {"text": {"ru": ""}}, _("step"))))
    form.column.addWidget(box)
    for path, title, noun in ((("documents",), _("Documents"), _("document")),):
        rows_box(form, RowsSpec(path, title, [Column("text", _("Text"), LocalField, 4),
                                              Column("confidence", _("Confidence"),
                                                     lambda: ChoiceField(options(m.CONFIDENCE), empty=True))],
                                lambda n: {"text": {"ru": ""}}, noun))
    rows_box(form, RowsSpec(("fees",), _("Fees"), [
        Column("text", _("Text"), LocalField, 4), Column("amount", _("Amount"), IntField),
        Column("currency", _("Currency"), LineField), Column("source", _("Source"), lambda: source_choice(form))],
        lambda n: {"text": {"ru": ""}}, _("fee")))
    rows_box(form, RowsSpec(("legal_basis",), _("Legal basis"), [
        Column("to", _("Agreement"), lambda: LinkField(form.session.record_choices(form.lang, "agreement")), 2),
        Column("law", _("Law or decree (no record of its own)"), LocalField, 4)],
        lambda n: {"law": {"ru": ""}}, _("legal basis")))


def deadline_spec(form: RecordForm, path: tuple[str | int, ...]) -> RowsSpec:
    return RowsSpec(path, _("Deadlines"), [
        Column("days", _("Days"), IntField), Column("months", _("Months"), IntField),
        Column("counted_from", _("Counted from"), lambda: ChoiceField(options(m.COUNTED_FROM), empty=True), 2),
        Column("working_days", _("Working days"), lambda: BoolField(_("working days"))),
        Column("before", _("Before"), lambda: BoolField(_("before the event"))),
        Column("applies_to", _("Citizens of"), lambda: ChecklistField(form.session.country_codes()), 2)],
        lambda n: {"days": 7, "counted_from": "arrival"}, _("deadline"))


def contact(form: RecordForm) -> None:
    s = form.session
    lay = form.group(_("Contact"), "groupContact")
    lay.addRow(_("Type"), form.field(("type",), ChoiceField(options(m.CONTACT_TYPES))))
    lay.addRow(_("Serves citizens of"), form.field(("serves",), ChecklistField(s.country_codes())))
    lay.addRow(_("City"), form.field(("city",), LocalField()))
    lay.addRow(_("Located in region"), form.field(("region",), ChoiceField(s.region_codes(), empty=True)))
    lay.addRow(_("Address"), form.field(("address", "text"), LocalField()))
    lay.addRow(_("Address source"), form.field(("address", "source"), source_choice(form)))
    lay.addRow(_("E-mail"), form.field(("email", "value"), LineField("name@example.org")))
    lay.addRow(_("Website"), form.field(("website", "value"), LineField("https://")))
    lay.addRow(_("Opening hours"), form.field(("hours", "text"), LocalField()))
    lay.addRow(_("District: regions"), form.field(("district", "regions"), ChecklistField(s.region_codes(), False)))
    rows_box(form, RowsSpec(("phones",), _("Phones"), [
        Column("number", _("Number"), PhoneField, 2),
        Column("label", _("Label"), lambda: ChoiceField(options(m.PHONE_LABELS), empty=True)),
        Column("source", _("Source"), lambda: source_choice(form)),
        Column("confidence", _("Confidence"), lambda: ChoiceField(options(m.CONFIDENCE), empty=True)),
        Column("short_in", _("Short number in"), LineField)],
        lambda n: {"number": "", "label": "general"}, _("phone")))


def agreement(form: RecordForm) -> None:
    lay = form.group(_("Agreement"), "groupAgreement")
    lay.addRow(_("Type"), form.field(("agreement_type",), ChoiceField(options(m.AGREEMENT_TYPES))))
    parties = form.rf.get(("parties",)) or []
    if all(isinstance(p, str) for p in parties):
        codes = form.session.country_codes() + form.session.region_codes()
        lay.addRow(_("Parties"), form.field(("parties",), ChecklistField(codes, allow_all=False)))
    else:
        lay.addRow(_("Parties"), QLabel(", ".join(p if isinstance(p, str) else str(dict(p).get("name", ""))
                                                  for p in parties)))


def sources(form: RecordForm) -> None:
    rows_box(form, RowsSpec(("sources",), _("Sources"), [
        Column("id", _("Key"), LineField), Column("url", _("Address (URL)"), LineField, 3),
        Column("title", _("Title"), LineField, 2), Column("publisher", _("Publisher"), LineField, 2),
        Column("type", _("Type"), lambda: ChoiceField(options(m.SOURCE_TYPES), empty=True)),
        Column("date", _("Date of the source"), PartialDateField),
        Column("note", _("What it says (a short quote)"), LineField, 3)],
        lambda n: {"id": f"source-{n}", "url": "", "publisher": "", "type": "official"}, _("source")))


def notes_and_links(form: RecordForm) -> None:
    rows_box(form, RowsSpec(("notes",), _("Notes"), [
        Column("type", _("Type"), lambda: ChoiceField(options(m.NOTE_TYPES))),
        Column("text", _("Text"), lambda: LocalField(multiline=True), 6)],
        lambda n: {"type": "info", "text": {"ru": ""}}, _("note")))
    rows_box(form, RowsSpec(("links",), _("Links to other records"), [
        Column("rel", _("Relation"), lambda: ChoiceField(options(m.LINK_RELS))),
        Column("to", _("Record"), lambda: LinkField(form.session.record_choices(form.lang)), 3)],
        lambda n: {"rel": "related", "to": ""}, _("link")))


def source_choice(form: RecordForm) -> ChoiceField:
    ids = [str(src.get("id")) for src in (form.rf.get(("sources",)) or []) if isinstance(src, dict) and src.get("id")]
    return ChoiceField([(i, i) for i in ids], empty=True)


def rows_box(form: RecordForm, spec: RowsSpec) -> None:
    box = QGroupBox(spec.title)
    box.setObjectName("group:" + ".".join(str(p) for p in spec.path))
    QVBoxLayout(box).addWidget(RowsEditor(form, spec))
    form.column.addWidget(box)
