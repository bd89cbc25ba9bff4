import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument

from core.fields import optional_link
from core.scripts import latin_slug, normalize
from core.search_fields import filterable, searchable
from documents.validation import validate_document_file
from home.i18n import in_current_language

from .snippets import DocumentType, IssuingBody


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_FORCE = "in_force", _("in force")
    AMENDED = "amended", _("amended")
    REPEALED = "repealed", _("repealed")
    EXPIRED = "expired", _("expired")


class FileLanguage(models.TextChoices):
    CYRILLIC = "sr-cyrl", _("Serbian, Cyrillic")
    LATIN = "sr-latn", _("Serbian, Latin")
    ENGLISH = "en", _("English")
    OTHER = "other", _("other")


class Extraction(models.TextChoices):
    PENDING = "pending", _("waiting for text extraction")
    DONE = "done", _("text extracted")
    FAILED = "failed", _("text extraction failed")


def sha256_of(file) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(1024 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def in_default_locale():
    """Documents point at the original (Cyrillic) snippet; its twins are found by translation key."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


# What the registry records about an act, in the order the admin form and the open-data export show it.
REGISTRY_FACTS = (
    "document_type",
    "reference_number",
    "issuing_body",
    "date_adopted",
    "date_published",
    "gazette_reference",
    "status",
    "file_language",
    "summary",
)

# What a document must say before the public sees it; a date is asked for separately
# (adopted or published, whichever the act has).
REQUIRED_TO_PUBLISH = ("document_type", "issuing_body", "status")


def missing_before_publishing(values) -> dict[str, str]:
    """Field name → what to do, for each piece of metadata a document lacks to be published."""
    missing = {name: _("Fill this in before publishing the document.") for name in REQUIRED_TO_PUBLISH}
    missing = {name: message for name, message in missing.items() if not values.get(name)}
    if not (values.get("date_adopted") or values.get("date_published")):
        missing["date_adopted"] = _("Give the date adopted or the date published before publishing the document.")
    return missing


class RegistryDocumentQuerySet(models.QuerySet):
    def public(self):
        """Documents anyone may see: published by an editor, not in a collection with a view restriction."""
        return self.filter(published=True, collection__view_restrictions__isnull=True)


class RegistryDocument(AbstractDocument):
    """A document of the office's registry: an act, report, form or minutes, with its metadata.

    The custom model is set from the first migration so the registry could grow
    without a data migration.
    """

    title_en = models.CharField(_("title in English"), max_length=255, blank=True)
    document_type = optional_link(DocumentType, _("document type"), limit_choices_to=in_default_locale)
    reference_number = models.CharField(_("reference number"), max_length=100, blank=True)
    issuing_body = optional_link(IssuingBody, _("issuing body"), limit_choices_to=in_default_locale)
    date_adopted = models.DateField(_("date adopted"), null=True, blank=True)
    date_published = models.DateField(_("date published"), null=True, blank=True)
    gazette_reference = models.CharField(
        _("official gazette"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Службени лист Града Новог Сада, бр. 12/2023"),
    )
    # Not required in forms, so the multiple-upload view can create documents straight away;
    # left empty until the editor says it (publishing requires it): a new upload is not "in force".
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default="", blank=True)
    amends = models.ManyToManyField(
        "self", verbose_name=_("amends"), symmetrical=False, blank=True, related_name="amended_by"
    )
    supersedes = models.ManyToManyField(
        "self", verbose_name=_("supersedes"), symmetrical=False, blank=True, related_name="superseded_by"
    )
    file_language = models.CharField(
        _("language of the file"),
        max_length=10,
        choices=FileLanguage.choices,
        default=FileLanguage.CYRILLIC,
        blank=True,
    )
    summary = models.TextField(_("summary"), max_length=2000, blank=True)
    # A new upload is private until an editor has entered its metadata and published it.
    published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_(
            "Public documents are in the library, search, exports and on their permanent page, and their file "
            "can be downloaded. Type, issuing body, status and a date are needed first."
        ),
    )

    # Facts about the current file, kept by the site.
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, editable=False, db_index=True)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    extraction = models.CharField(
        _("text extraction"), max_length=10, choices=Extraction.choices, default=Extraction.PENDING, editable=False
    )
    machine_readable = models.BooleanField(_("machine-readable"), null=True, editable=False)
    extracted_text = models.TextField(blank=True, editable=False)
    # Title, number, summary and file text through the search normaliser: any script finds it.
    search_text = models.TextField(blank=True, editable=False)
    thumbnail = models.ImageField(upload_to="documents/thumbnails", blank=True, editable=False)
    file_uploaded_at = models.DateTimeField(null=True, blank=True, editable=False)
    file_uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RegistryDocumentQuerySet.as_manager()

    admin_form_fields = (
        "title",
        "title_en",
        "file",
        "collection",
        *REGISTRY_FACTS,
        "tags",
        "amends",
        "supersedes",
        "published",
    )

    search_fields = AbstractDocument.search_fields + [
        *searchable("search_text"),
        *filterable("document_type", "status", "year", "published"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [models.Index(fields=["status", "year"])]

    def clean(self):
        self.file_language = self.file_language or FileLanguage.CYRILLIC
        # Without a file the form already says so; Wagtail's extension check would add
        # a confusing 'extension "" is not allowed' beside it.
        if not self.file:
            return
        super().clean()
        upload = self.file.file if not getattr(self.file, "_committed", True) else None
        if upload is not None:
            try:
                validate_document_file(upload, self.file.name)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error

    def _set_document_file_metadata(self):
        super()._set_document_file_metadata()
        self.sha256 = sha256_of(self.file)
        self.extraction = Extraction.PENDING

    def save(self, *args, **kwargs):
        if self.file and not self.sha256:
            # Every way of adding a file (admin, multiple upload, scripts) records its checksum.
            self.sha256 = sha256_of(self.file)
        dates = [self.date_adopted, self.date_published]
        self.year = next((d.year for d in dates if d), (self.created_at or timezone.now()).year)
        self.search_text = normalize(
            " ".join([self.title, self.title_en, self.reference_number, self.summary, self.extracted_text])
        )
        super().save(*args, **kwargs)

    @property
    def is_public(self) -> bool:
        """Whether a visitor may see this document: what `public()` selects, for one document in hand."""
        return self.published and type(self).objects.public().filter(pk=self.pk).exists()

    @classmethod
    def public_among(cls, documents) -> list:
        """The documents in hand a visitor may see, in their order: one query, whatever their number."""
        documents = [document for document in documents if document is not None]
        if not documents:
            return []
        visible = set(cls.objects.public().filter(pk__in=[d.pk for d in documents]).values_list("pk", flat=True))
        return [document for document in documents if document.pk in visible]

    @property
    def publication_label(self) -> str:
        return str(_("public") if self.published else _("not published"))

    @property
    def display_title(self) -> str:
        return in_current_language(self.title, self.title_en)

    @property
    def display_summary(self) -> str:
        return in_current_language(self.summary)

    @property
    def slug(self) -> str:
        return latin_slug(self.title, max_length=80) or "document"

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", kwargs={"document_id": self.pk, "slug": self.slug})

    @property
    def issuer_no_longer_exists(self) -> bool:
        return bool(self.issuing_body and self.issuing_body.abolished_in)


class DocumentVersion(models.Model):
    """An earlier file of a document, kept when an editor replaced it."""

    document = models.ForeignKey(RegistryDocument, on_delete=models.CASCADE, related_name="versions")
    file = models.FileField(upload_to="documents", max_length=255)
    sha256 = models.CharField(max_length=64, blank=True)
    file_size = models.PositiveBigIntegerField(null=True)
    uploaded_at = models.DateTimeField(null=True)
    uploaded_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    replaced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("earlier version")
        verbose_name_plural = _("earlier versions")
        ordering = ["-replaced_at"]

    def __str__(self):
        return f"{self.document} ({self.replaced_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("documents:version", kwargs={"document_id": self.document_id, "version_id": self.pk})

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]
