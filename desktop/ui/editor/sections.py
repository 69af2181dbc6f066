"""The parts of a record's form, by kind: general facts, the texts in four languages, the kind's own fields,
sources, notes and links. Each widget is bound to its field path by `form.field`."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from ...core.i18n import _
from .choice_words import choice, word
from .contact_section import contact
from .fields import ChecklistField, FullDateField, IntField, LineField, LinkField, LocalField, PartialDateField
from .parts import citizenships, countries, regions, rows_box, source_choice
from .rows import Column, RowsSpec
from .steps_section import steps
from .texts_panel import TextsPanel

if TYPE_CHECKING:
    from .binding import Form as RecordForm


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
    rf = form.rf
    lay = form.group(_("Record"), "groupGeneral")
    kind = word("kind", form.kind)
    ident = QLabel(f"<b>{rf.record_id}</b> · {kind} · {rf.path.parent.name}/{rf.path.name}")
    ident.setObjectName("recordIdentity")
    lay.addRow(_("Record"), ident)
    lay.addRow(_("Status"), form.field(("status",), choice("status")))
    lay.addRow(_("Confidence"), form.field(("confidence",), choice("confidence", empty=True)))
    lay.addRow(_("Why not verified"), form.field(("confidence_note",), LocalField()))
    lay.addRow(_("Checked on"), form.field(("verified_on",), FullDateField(optional=False)))
    review_by = FullDateField(optional=True)
    review_by.edit.setPlaceholderText(_("default: 12 months after the check"))
    lay.addRow(_("Review by"), form.field(("review_by",), review_by))
    for key, label in (("signed", _("Signed")), ("valid_from", _("Valid from")), ("valid_to", _("Valid to")),
                       ("event", _("Event"))):
        lay.addRow(label, form.field(("dates", key), PartialDateField()))
    if form.kind != "contact":
        lay.addRow(_("Applies to citizens of"), form.field(("applies_to",), citizenships(form)))
    lay.addRow(_("Regions"), form.field(("regions",), ChecklistField(regions(form), default=_("all regions"))))


def procedure(form: RecordForm) -> None:
    lay = form.group(_("Procedure"), "groupProcedure")
    lay.addRow(_("Topic"), form.field(("topic",), choice("topic")))
    steps(form)
    rows_box(form, RowsSpec(("documents",), _("Documents"), [
        Column("text", _("Text"), LocalField, 4),
        Column("applies_to", _("Citizens of"), lambda: citizenships(form), 2),
        Column("confidence", _("Confidence"), lambda: choice("confidence", empty=True)),
        Column("note", _("Note"), LocalField, below=True)],
        lambda n: {"text": {"ru": ""}}, _("document")))
    rows_box(form, RowsSpec(("fees",), _("Fees"), [
        Column("text", _("Text"), LocalField, 4), Column("amount", _("Amount"), IntField),
        Column("currency", _("Currency"), LineField), Column("source", _("Source"), lambda: source_choice(form)),
        Column("applies_to", _("Citizens of"), lambda: citizenships(form), 2),
        Column("confidence", _("Confidence"), lambda: choice("confidence", empty=True)),
        Column("note", _("Note"), LocalField, below=True)],
        lambda n: {"text": {"ru": ""}}, _("fee")))
    rows_box(form, RowsSpec(("legal_basis",), _("Legal basis"), [
        Column("to", _("Agreement"), lambda: LinkField(form.session.record_choices(form.lang, "agreement")), 2),
        Column("law", _("Law or decree (no record of its own)"), LocalField, 4)],
        lambda n: {"law": {"ru": ""}}, _("legal basis")))


def agreement(form: RecordForm) -> None:
    lay = form.group(_("Agreement"), "groupAgreement")
    lay.addRow(_("Type"), form.field(("agreement_type",), choice("agreement_type")))
    parties = form.rf.get(("parties",)) or []
    if all(isinstance(p, str) for p in parties):
        codes = countries(form) + regions(form)
        lay.addRow(_("Parties"), form.field(("parties",), ChecklistField(codes, allow_all=False)))
    else:
        lay.addRow(_("Parties"), QLabel(", ".join(p if isinstance(p, str) else str(dict(p).get("name", ""))
                                                  for p in parties)))


def sources(form: RecordForm) -> None:
    rows_box(form, RowsSpec(("sources",), _("Sources"), [
        Column("id", _("Key"), LineField), Column("url", _("Address (URL)"), LineField, 3),
        Column("title", _("Title"), LineField, 2), Column("publisher", _("Publisher"), LineField, 2),
        Column("type", _("Type"), lambda: choice("source_type", empty=True)),
        Column("date", _("Date of the source"), PartialDateField),
        Column("note", _("What it says (a short quote)"), LineField, 3)],
        lambda n: {"id": f"source-{n}", "url": "", "publisher": "", "type": "official"}, _("source")))


def notes_and_links(form: RecordForm) -> None:
    rows_box(form, RowsSpec(("notes",), _("Notes"), [
        Column("type", _("Type"), lambda: choice("note_type")),
        Column("text", _("Text"), lambda: LocalField(multiline=True), 6)],
        lambda n: {"type": "info", "text": {"ru": ""}}, _("note")))
    rows_box(form, RowsSpec(("links",), _("Links to other records"), [
        Column("rel", _("Relation"), lambda: choice("link_rel")),
        Column("to", _("Record"), lambda: LinkField(form.session.record_choices(form.lang)), 3)],
        lambda n: {"rel": "related", "to": ""}, _("link")))
