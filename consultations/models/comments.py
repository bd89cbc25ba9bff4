import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.fields import optional_link
from core.scripts import normalize

from ..canonical import comment_text, content_key, sha256_hex
from .pages import Article, ConsultationPage


class Kind(models.TextChoices):
    GENERAL = "general", _("general remark")
    CHANGE = "change", _("change the wording")
    DELETE = "delete", _("delete")
    ADD = "add", _("add a new provision")


class RespondentType(models.TextChoices):
    """Who comments: anyone may, and the organisation fields are asked only where they apply (forms.py)."""

    ORGANISATION = "organisation", _("registered civil society organisation")
    INFORMAL_GROUP = "informal_group", _("informal group or network")
    CITIZEN = "citizen", _("citizen")
    INSTITUTION = "institution", _("public institution")
    BUSINESS = "business", _("business")


class OrganisationType(models.TextChoices):
    ASSOCIATION = "association", _("association")
    FOUNDATION = "foundation", _("foundation or endowment")
    NETWORK = "network", _("network or coalition")
    OTHER = "other", _("other civil society organisation")


class Consent(models.TextChoices):
    # Worded for everyone: a citizen's own name, or the name of the organisation, group, institution or business.
    PUBLIC = "public", _("publish the comment with my name or my organisation's name")
    ANONYMOUS = "anonymous", _("publish the comment without any name")
    PRIVATE = "private", _("do not publish the comment; count it only")


class Channel(models.TextChoices):
    """How the comment reached the office: the site's form, or recorded by a moderator from elsewhere."""

    WEB = "web", _("the site's comment form")
    EMAIL = "email", _("e-mail")
    LETTER = "letter", _("letter")
    # "јавна расправа", the legal term for a consultation's hearing (an event's "public hearing" is another word).
    HEARING = "hearing", pgettext_lazy("comment channel", "public hearing")
    ROUND_TABLE = "round_table", _("round table")


CHANNEL_NOTES = {
    Channel.EMAIL: _("received by e-mail"),
    Channel.LETTER: _("received by letter"),
    Channel.HEARING: pgettext_lazy("comment channel", "given at a public hearing"),
    Channel.ROUND_TABLE: _("given at a round table"),
}


class CommentState(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("confirmed, waiting for moderation")
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("rejected")


class RejectionReason(models.TextChoices):
    OFF_TOPIC = "off_topic", _("off-topic")
    ABUSIVE = "abusive", _("abusive")
    DUPLICATE = "duplicate", _("duplicate")
    SPAM = "spam", _("spam")


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("accepted")
    PARTLY = "partly", _("partly accepted")
    NOT_ACCEPTED = "not_accepted", _("not accepted")
    NOTED = "noted", _("noted")


def new_tracking_number() -> str:
    # 50 bits from the OS's CSPRNG in an unambiguous alphabet: not guessable, easy to read out.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    code = "".join(secrets.choice(alphabet) for _ in range(10))
    return f"JK-{code[:5]}-{code[5:]}"


def attachment_path(comment, filename: str) -> str:
    """A random folder per attachment: the path is not guessable, so storage never exposes it."""
    return f"consultations/attachments/{secrets.token_hex(16)}/{filename}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CommentQuerySet(models.QuerySet):
    def confirmed(self):
        """Every comment its author confirmed: what the report and its manifest account for."""
        return self.exclude(state=CommentState.UNCONFIRMED)

    def published(self):
        return self.filter(state=CommentState.PUBLISHED)

    def with_public_attachment(self):
        """Published, shown comments whose attachment the author agreed to publish and a moderator approved."""
        return (
            self.published()
            .exclude(consent=Consent.PRIVATE)
            .exclude(attachment="")
            .filter(attachment_publication=True, attachment_approved_at__isnull=False)
        )


class Comment(models.Model):
    """A structured comment on a draft act, from submission to the office's answer.

    From anyone: a registered organisation, an informal group, a citizen, an institution, a business.
    """

    consultation = models.ForeignKey(
        ConsultationPage, verbose_name=_("consultation"), on_delete=models.PROTECT, related_name="comments"
    )
    article = models.ForeignKey(
        Article, verbose_name=_("article"), null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    # The version of the draft that was current when the comment was sent (empty on older comments: version 1).
    version = models.ForeignKey(
        "consultations.DraftVersion",
        verbose_name=_("version of the draft"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    # The target as the commenter saw it, kept even if the article is later edited or removed.
    target_label = models.CharField(_("target"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    proposed_wording = models.TextField(_("proposed wording"), max_length=5000, blank=True)
    justification = models.TextField(_("justification"), max_length=5000)

    respondent_type = models.CharField(
        _("who is commenting"),
        max_length=20,
        choices=RespondentType.choices,
        default=RespondentType.ORGANISATION,
        db_index=True,
    )
    # The organisation's, group's, institution's or business's name; a citizen's own name is contact_name.
    organisation_name = models.CharField(_("organisation"), max_length=250, blank=True)
    # Checked with its check digit in the form (core/registry_numbers.py); empty for citizens and groups.
    registration_number = models.CharField(_("registration number"), max_length=8, blank=True)
    tax_id = models.CharField(_("tax ID (PIB)"), max_length=9, blank=True)
    organisation_type = models.CharField(
        _("type of organisation"), max_length=20, choices=OrganisationType.choices, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), max_length=254, blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    consent = models.CharField(_("publication"), max_length=10, choices=Consent.choices)
    attachment = models.FileField(_("attachment"), upload_to=attachment_path, max_length=255, blank=True)
    attachment_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    # A position paper is published with the comment only when its author agreed and a moderator approved.
    attachment_publication = models.BooleanField(_("publish my attachment with my comment"), default=False)
    attachment_approved_by = optional_link(settings.AUTH_USER_MODEL, _("attachment approved by"), editable=False)
    attachment_approved_at = models.DateTimeField(_("attachment approved at"), null=True, blank=True, editable=False)

    # Comments received by e-mail, letter, at a hearing or a round table are recorded by a moderator:
    # who and when is kept; the scanned original is a registry document or the private attachment.
    channel = models.CharField(_("received through"), max_length=12, choices=Channel.choices, default=Channel.WEB)
    received_on = models.DateField(_("date received"), null=True, blank=True)
    entered_by = optional_link(settings.AUTH_USER_MODEL, _("entered by"), editable=False)
    entered_at = models.DateTimeField(_("entered at"), null=True, blank=True, editable=False)
    original_document = optional_link("documents.RegistryDocument", _("original in the registry"))

    # One submission per form: the server issues the token, the database keeps it unique.
    submission_token = models.CharField(max_length=64, unique=True, editable=False)
    confirmation_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    confirmation_expires_at = models.DateTimeField(editable=False)
    tracking_number = models.CharField(_("tracking number"), max_length=20, unique=True, null=True, editable=False)
    text_sha256 = models.CharField(_("SHA-256 of the text"), max_length=64, editable=False)
    # Near-identical comments (a copied campaign text) share this; moderators see the group.
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    # The same content from the same sender to the same target, sent again (Back, then Send),
    # is the same comment: the database keeps this unique, so concurrent sends store one.
    # Emptied (NULL) when the contact data are erased: it is derived from the e-mail address.
    content_key = models.CharField(max_length=64, unique=True, null=True, editable=False)

    state = models.CharField(
        _("state"), max_length=12, choices=CommentState.choices, default=CommentState.UNCONFIRMED, db_index=True
    )
    rejection_reason = models.CharField(
        _("rejection reason"), max_length=12, choices=RejectionReason.choices, blank=True
    )
    decision = models.CharField(_("decision"), max_length=12, choices=Decision.choices, blank=True)
    decision_reasons = models.TextField(_("reasons for the decision"), max_length=10000, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True, editable=False)

    # The language the commenter wrote in: later e-mails about the comment speak it (consultations/notices.py).
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE, editable=False
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    contact_erased_at = models.DateTimeField(_("contact data erased at"), null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["submitted_at", "pk"]
        indexes = [models.Index(fields=["consultation", "state"])]
        permissions = [("moderate_comment", _("Can moderate comments and see contact details"))]

    def __str__(self):
        # Outside the f-string: xgettext does not look inside f-strings for strings to translate.
        number = self.tracking_number or _("unconfirmed")
        return f"{number} · {self.target_label}"

    def changes_public_pages(self) -> bool:
        """An unconfirmed comment shows nowhere: sending one does not empty the page cache (core/page_cache)."""
        return self.state != CommentState.UNCONFIRMED

    def canonical_text(self) -> str:
        """What the commenter said, in the one canonical form (consultations/canonical.py).

        The receipt page and e-mail show exactly this string; its sha256 is the commenter's
        proof and the report manifest's line.
        """
        return comment_text(
            consultation_id=self.consultation_id,
            target_label=self.target_label,
            kind=self.kind,
            proposed_wording=self.proposed_wording,
            justification=self.justification,
            organisation_name=self.organisation_name,
            registration_number=self.registration_number,
            respondent_type=self.respondent_type,
        )

    def seal(self) -> None:
        self.text_sha256 = sha256_hex(self.canonical_text())
        words = normalize(f"{self.proposed_wording} {self.justification}")
        letters_only = " ".join("".join(ch for ch in word if ch.isalnum()) for word in words.split())
        self.fingerprint = hashlib.sha256(letters_only.encode()).hexdigest()

    def submission_content_key(self) -> str:
        return content_key(
            consultation_id=self.consultation_id,
            article_id=self.article_id,
            email=self.contact_email,
            # Agreeing to publish the attachment is consent too; unticked, the key is what it always was.
            consent=self.consent + (":publish-attachment" if self.attachment_publication else ""),
            attachment_sha256=self.attachment_sha256,
            text=self.canonical_text(),
        )

    @property
    def public_proposed_wording(self) -> str:
        """What the site publishes: the text with e-mail addresses and telephone numbers left out."""
        from ..personal_data import public_text

        return public_text(self.proposed_wording)

    @property
    def public_justification(self) -> str:
        from ..personal_data import public_text

        return public_text(self.justification)

    @property
    def attachment_filename(self) -> str:
        return self.attachment.name.rsplit("/", 1)[-1] if self.attachment else ""

    @property
    def attachment_is_public(self) -> bool:
        """What `with_public_attachment()` selects, for one comment in hand."""
        return bool(
            self.attachment
            and self.attachment_publication
            and self.attachment_approved_at
            and self.state == CommentState.PUBLISHED
            and self.consent != Consent.PRIVATE
        )

    @property
    def is_recorded(self) -> bool:
        """Received outside the site and entered by a moderator (who and when: entered_by, entered_at)."""
        return self.channel != Channel.WEB

    @property
    def channel_note(self) -> str:
        """How the comment reached the office, as the public pages say it ("" for the site's form)."""
        return str(CHANNEL_NOTES.get(self.channel, ""))

    @property
    def shows_organisation(self) -> bool:
        return self.consent == Consent.PUBLIC

    @property
    def public_author(self) -> str:
        """The name the site may show with the comment, "" when it must not.

        The organisation's (group's, institution's, business's) name when its author agreed to be
        named; a citizen's own name only when the citizen chose publication with their name.
        Whether the comment itself is published is the caller's question.
        """
        if self.consent != Consent.PUBLIC:
            return ""
        if self.respondent_type == RespondentType.CITIZEN:
            return " ".join(self.contact_name.split())
        return " ".join(self.organisation_name.split())

    def erase_contact(self) -> None:
        """Erase the contact person on request; the comment stays as an anonymous record."""
        self.contact_name = ""
        self.contact_email = ""
        self.contact_phone = ""
        self.content_key = None
        self.contact_erased_at = timezone.now()
        self.save(update_fields=["contact_name", "contact_email", "contact_phone", "content_key", "contact_erased_at"])

    @classmethod
    def expiry(cls):
        return timezone.now() + timezone.timedelta(hours=getattr(settings, "COMMENT_CONFIRMATION_HOURS", 72))
