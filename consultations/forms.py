"""The structured comment form: every field limited, every error in the visitor's language."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.registry_numbers import validate_registration_number, validate_tax_number
from documents.validation import detect_format

from . import proof_of_work
from .canonical import canonical_form
from .models import Comment, Consent, Kind, OrganisationType, RespondentType
from .respondents import ORGANISATION_FIELDS, settle_organisation_fields, types_asking
from .submission import MAX_FORM_AGE, Rejected, read_form_token

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ATTACHMENT_FORMATS = {"pdf", "docx", "odt"}
WHOLE_ACT = ""


class CanonicalTextField(forms.CharField):
    """Text in the one canonical form (NFC, LF line breaks, no trailing spaces) before its limit is checked.

    What is stored is what is hashed and shown on the receipt; and a line break counts as one
    character, as the browser's own maxlength counts it.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return canonical_form(value) if value else value


RELOAD = _("The form was not loaded completely or is out of date. Please reload the page and send the comment again.")


# What a commenter says and who they are: the public form's fields, and those a moderator records
# from a letter or a hearing (admin_recording.py), in the same canonical text.
COMMENT_FIELDS = [
    "kind",
    "proposed_wording",
    "justification",
    "respondent_type",
    "organisation_name",
    "registration_number",
    "tax_id",
    "organisation_type",
    "contact_name",
    "contact_email",
    "contact_phone",
    "consent",
    "attachment",
    "attachment_publication",
]
CANONICAL_TEXT_FIELDS = dict.fromkeys(
    ("proposed_wording", "justification", "organisation_name", "contact_name"), CanonicalTextField
)


class CommentForm(forms.ModelForm):
    target = forms.ChoiceField(label=_("What do you comment on?"), required=False)
    # A field people never see; bots fill every field they find.
    website = forms.CharField(required=False, label=_("Leave this field empty"), max_length=200)
    # Hidden fields: their errors are the page's fault, not the visitor's, so they say what to do.
    form_token = forms.CharField(
        widget=forms.HiddenInput, max_length=500, error_messages=dict.fromkeys(("required", "max_length"), RELOAD)
    )
    # Filled by static/js/comment-proof.js; a form without it is still accepted (proof_of_work.py).
    proof = forms.CharField(
        widget=forms.HiddenInput, required=False, max_length=2000, error_messages={"max_length": RELOAD}
    )
    privacy = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my contact details are used to confirm this comment."),
        error_messages={"required": _("Please confirm you have read the privacy notice.")},
    )

    class Meta:
        model = Comment
        fields = COMMENT_FIELDS
        field_classes = CANONICAL_TEXT_FIELDS
        widgets = {
            "kind": forms.RadioSelect,
            "respondent_type": forms.RadioSelect,
            "consent": forms.RadioSelect,
            "proposed_wording": forms.Textarea(attrs={"rows": 5}),
            "justification": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {
            "organisation_name": _("Name of the organisation, group, institution or business"),
            "contact_name": _("Your name"),
        }
        help_texts = {
            "proposed_wording": _(
                "Required when you propose new or changed wording. Plain text, up to 5,000 characters."
            ),
            "justification": _("Why the change is needed. Plain text, up to 5,000 characters."),
            "respondent_type": _("Anyone may comment. Organisation details are asked only where they apply."),
            "registration_number": _(
                "The 8-digit registration number (матични број) from the business register;"
                " optional for a public institution."
            ),
            "tax_id": _("Optional: the 9-digit tax ID (ПИБ)."),
            "contact_name": _(
                "A citizen's name is published only if you choose publication with your name below."
                " For an organisation, the contact person's name is never published."
            ),
            "contact_email": _("We send a link to confirm the comment here. It is never published."),
            "contact_phone": _("Optional. Never published."),
            "attachment": _("Optional: PDF, DOCX or ODT, up to 10 MB."),
            "attachment_publication": _(
                "Off by default: the attachment is then read only by the office. If you tick it, the office may"
                " publish it with your published comment."
            ),
        }

    # The form's groups of fields, in order, under their legends.
    FIELDSETS = [
        (
            _("Your comment"),
            ["target", "kind", "proposed_wording", "justification", "attachment", "attachment_publication"],
        ),
        (_("Who is commenting"), ["respondent_type", *ORGANISATION_FIELDS]),
        (_("Your name and contact"), ["contact_name", "contact_email", "contact_phone"]),
    ]

    def fieldsets(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def __init__(self, *args, articles=(), **kwargs):
        """`articles`: the page's ShownArticle entries (consultations/page_view.py), as the page displays them.

        Each choice is labelled as the page shows the article (Latin on the Latin twin) and sends
        the original's id, so a comment attaches to the original's article in every language.
        """
        super().__init__(*args, **kwargs)
        self.articles = {entry.key: entry.original for entry in articles}
        self.fields["target"].choices = [(WHOLE_ACT, _("The draft as a whole"))] + [
            (entry.key, str(article_label(entry.shown))) for entry in articles
        ]
        for name in ("contact_name", "contact_email", "consent", "respondent_type"):
            self.fields[name].required = True
        # Which types each organisation field is for: the script hides the others (the server decides).
        for name in ORGANISATION_FIELDS:
            self.fields[name].widget.attrs["data-respondent-types"] = " ".join(types_asking(name))
        self.fields["respondent_type"].choices = RespondentType.choices
        self.fields["kind"].choices = Kind.choices
        self.fields["organisation_type"].choices = [("", _("Choose the kind of organisation"))] + list(
            OrganisationType.choices
        )
        self.fields["consent"].choices = Consent.choices
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self._offer_proof_of_work()

    def _offer_proof_of_work(self):
        """Put the signed challenge for this form's token on the hidden proof field, for the browser to solve."""
        value = self.data.get("form_token") if self.is_bound else self.initial.get("form_token")
        try:
            token = read_form_token(value or "")
        except Rejected:
            return
        self.fields["proof"].widget.attrs["data-challenge"] = proof_of_work.new_challenge(token, MAX_FORM_AGE)

    def clean_registration_number(self):
        value = self.cleaned_data["registration_number"].strip()
        if value:
            validate_registration_number(value)
        return value

    def clean_tax_id(self):
        value = self.cleaned_data["tax_id"].strip()
        if value:
            validate_tax_number(value)
        return value

    def clean_contact_phone(self):
        value = self.cleaned_data["contact_phone"].strip()
        if value and not re.fullmatch(r"[+0-9 ()/-]{6,40}", value):
            raise ValidationError(_("Write the telephone number with digits, spaces and + only."), code="phone")
        return value

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return upload
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(_("The attachment is larger than 10 MB."), code="attachment_size")
        if upload.size == 0:
            raise ValidationError(_("The attachment is empty."), code="attachment_empty")
        # The registry's own check: a disguised file, a zip bomb, zip entries that point outside
        # the archive (ASVS 5.2.3) are refused with the reason.
        actual = detect_format(upload)
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if actual not in ATTACHMENT_FORMATS or actual != extension:
            raise ValidationError(_("The attachment is not a PDF, DOCX or ODT document."), code="attachment")
        return upload

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind in (Kind.CHANGE, Kind.ADD) and not (cleaned.get("proposed_wording") or "").strip():
            self.add_error("proposed_wording", _("Please write the wording you propose."))
        target = cleaned.get("target", WHOLE_ACT)
        if target and target not in self.articles:
            self.add_error("target", _("Choose an article of this draft or the draft as a whole."))
        settle_organisation_fields(self, cleaned)
        return cleaned

    @property
    def article(self):
        return self.articles.get(self.cleaned_data.get("target") or "")


def article_label(article) -> str:
    from django.utils.translation import gettext

    label = gettext("Article %(number)s") % {"number": article.number}
    return f"{label}: {article.heading}" if article.heading else label
