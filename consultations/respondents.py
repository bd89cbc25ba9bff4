"""Who may comment, and which of the organisation fields each of them fills in.

Anyone may comment: a registered organisation, an informal group or network, a citizen, a
public institution, a business. The form holds every field (it works without JavaScript);
the server decides from the chosen type which are required, which may be given and which
are dropped, and static_src/js/respondent-fields.js only hides the ones that do not apply.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import RespondentType

ORGANISATION_FIELDS = ("organisation_name", "registration_number", "tax_id", "organisation_type")


@dataclass(frozen=True)
class Asked:
    required: frozenset[str]
    optional: frozenset[str] = frozenset()

    def applies(self, name: str) -> bool:
        return name in self.required or name in self.optional


ASKED = {
    RespondentType.ORGANISATION: Asked(
        frozenset({"organisation_name", "registration_number", "organisation_type"}), frozenset({"tax_id"})
    ),
    # A group has no registration; a network registered as an association comments as an organisation.
    RespondentType.INFORMAL_GROUP: Asked(frozenset({"organisation_name"})),
    # A citizen's name is the contact name, asked of everyone.
    RespondentType.CITIZEN: Asked(frozenset()),
    RespondentType.INSTITUTION: Asked(frozenset({"organisation_name"}), frozenset({"registration_number", "tax_id"})),
    RespondentType.BUSINESS: Asked(frozenset({"organisation_name", "registration_number"}), frozenset({"tax_id"})),
}

MISSING = {
    "organisation_name": _("Please write the name of the organisation, group, institution or business."),
    "registration_number": _("Please write the 8-digit registration number (матични број)."),
    "organisation_type": _("Please choose the kind of organisation."),
}


def types_asking(name: str) -> list[str]:
    """The respondent types for which the form asks this field, in the order of the choices."""
    return [str(kind) for kind in RespondentType.values if ASKED[kind].applies(name)]


def settle_organisation_fields(form, cleaned: dict) -> None:
    """Require what the chosen type needs; drop what it does not (and any error a dropped field had)."""
    asked = ASKED.get(cleaned.get("respondent_type"))
    if asked is None:
        return
    for name in ORGANISATION_FIELDS:
        if not asked.applies(name):
            # A value typed before the visitor changed the type is not theirs to keep, nor its error.
            form.errors.pop(name, None)
            cleaned[name] = ""
        elif name in asked.required and not cleaned.get(name) and name not in form.errors:
            form.add_error(name, MISSING[name])
