"""A contact's own fields: type, who it serves, where it is, each sourced fact (address, e-mail, website, hours,
head) with its source, confidence and note, the district it covers and its phones."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.i18n import _
from .choice_words import choice
from .fields import BoolField, ChecklistField, ChoiceField, LineField, LocalField, PhoneField
from .parts import citizenships, fact, federal_districts, regions, rows_box, source_choice
from .rows import Column, RowsSpec

if TYPE_CHECKING:
    from .binding import Form as RecordForm


def contact(form: RecordForm) -> None:
    lay = form.group(_("Contact"), "groupContact")
    lay.addRow(_("Type"), form.field(("type",), choice("contact_type")))
    lay.addRow(_("Serves citizens of"), form.field(("serves",), citizenships(form)))
    lay.addRow(_("City"), form.field(("city",), LocalField()))
    lay.addRow(_("Located in region"), form.field(("region",), ChoiceField(regions(form), empty=True)))
    lay.addRow(_("Address"), fact(form, ("address",), "text", LocalField()))
    lay.addRow(_("E-mail"), fact(form, ("email",), "value", LineField("name@example.org")))
    lay.addRow(_("Website"), fact(form, ("website",), "value", LineField("https://")))
    lay.addRow(_("Opening hours"), fact(form, ("hours",), "text", LocalField()))
    lay.addRow(_("Head"), fact(form, ("head",), "name", LocalField(), since=True))
    district(form)
    rows_box(form, RowsSpec(("phones",), _("Phones"), [
        Column("number", _("Number"), PhoneField, 2),
        Column("label", _("Label"), lambda: choice("phone_label", empty=True)),
        Column("source", _("Source"), lambda: source_choice(form)),
        Column("confidence", _("Confidence"), lambda: choice("confidence", empty=True)),
        Column("short_in", _("Short number in"), LineField),
        Column("note", _("Note"), LocalField, below=True)],
        lambda n: {"number": "", "label": "general"}, _("phone")))


def district(form: RecordForm) -> None:
    """The regions the contact covers (a consular district, an ombudsman's region), with its source."""
    lay = form.group(_("District it covers"), "groupDistrict")
    lay.addRow("", form.field(("district", "all"), BoolField(_("all of Russia (its citizens everywhere)"))))
    lay.addRow(_("Federal districts"), form.field(("district", "federal_districts"),
                                                  ChecklistField(federal_districts(form), allow_all=False)))
    lay.addRow(_("Regions"), form.field(("district", "regions"), ChecklistField(regions(form), allow_all=False)))
    lay.addRow(_("Source"), form.field(("district", "source"), source_choice(form)))
    lay.addRow(_("Note"), form.field(("district", "note"), LocalField()))

