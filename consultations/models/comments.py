import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.scripts import normalize

from ..canonical import comment_text, content_key, sha256_hex
from .pages import Article, ConsultationPage


class Kind(models.TextChoices):
    GENERAL = "general", _("general remark")
    CHANGE = "change", _("change the wording")
    DELETE = "delete", _("delete")
    ADD = "add", _("add a new provision")


class OrganisationType(models.TextChoices):
    ASSOCIATION = "association", _("association")
    FOUNDATION = "foundation", _("foundation or endowment")
    NETWORK = "network", _("network or coalition")
    OTHER = "other", _("other civil society organisation")


class Consent(models.TextChoices):
    PUBLIC = "public", _("publish the comment with the organisation's name")
    ANONYMOUS = "anonymous", _("publish the comment without the organisation's name")
    PRIVATE = "private", _("do not publish the comment; count it only")


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


class Comment(models.Model):
    """A CSO's structured comment on a draft act, from submission to the office's answer."""

    consultation = models.ForeignKey(
        ConsultationPage, verbose_name=_("consultation"), on_delete=models.PROTECT, related_name="comments"
    )
    article = models.ForeignKey(
        Article, verbose_name=_("article"), null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    # The target as the commenter saw it, kept even if the article is later edited or removed.
    target_label = models.CharField(_("target"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    proposed_wording = models.TextField(_("proposed wording"), max_length=5000, blank=True)
    justification = models.TextField(_("justification"), max_length=5000)

    organisation_name = models.CharField(_("organisation"), max_length=250)
    registration_number = models.CharField(_("registration number"), max_length=8)
    tax_id = models.CharField(_("tax ID (PIB)"), max_length=9, blank=True)
    organisation_type = models.CharField(_("type of organisation"), max_length=20, choices=OrganisationType.choices)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), max_length=254, blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    consent = models.CharField(_("publication"), max_length=10, choices=Consent.choices)
    attachment = models.FileField(_("attachment"), upload_to=attachment_path, max_length=255, blank=True)
    attachment_sha256 = models.CharField(max_length=64, blank=True, editable=False)

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
            consent=self.consent,
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
    def shows_organisation(self) -> bool:
        return self.consent == Consent.PUBLIC

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
