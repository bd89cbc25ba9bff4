from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, PageManager, PageQuerySet, TranslatableMixin
from wagtail.search import index

from core.fields import document_list, optional_link
from core.pages import ListingPage
from core.periods import PeriodMixin, PeriodQuerySetMixin
from core.search_fields import searchable
from home.models import SitePage

from ..page_form import ConsultationPageForm


class ConsultationQuerySet(PeriodQuerySetMixin, PageQuerySet):
    """A consultation's state follows from its dates (and the published report)."""

    upcoming = PeriodQuerySetMixin.not_open_yet

    def closed(self, now=None):
        return self.filter(closes_at__lte=now or timezone.now(), report_published_at__isnull=True)

    def report_published(self):
        return self.filter(report_published_at__isnull=False)


class State(models.TextChoices):
    UPCOMING = "upcoming", _("upcoming")
    OPEN = "open", _("open for comments")
    CLOSED = "closed", _("closed")
    REPORTED = "reported", _("report published")


class ConsultationIndexPage(ListingPage, SitePage):
    """Open consultations first, then upcoming ones, then the closed."""

    subpage_types = ["consultations.ConsultationPage"]

    class Meta:
        verbose_name = _("consultation index")

    def listing(self, request) -> dict:
        from consultations.listing import consultations_for_index

        return {"consultations": consultations_for_index(self)}


def report_download(fmt: str):
    """The route of the report as a file in `fmt`: izvestaj/<fmt>/, named report_<fmt>."""

    @path(f"izvestaj/{fmt}/", name=f"report_{fmt}")
    def download(page, request):
        return page.report_in(request, fmt)

    return download


class ConsultationPage(RoutablePageMixin, PeriodMixin, SitePage):
    """A draft act put to public consultation for a fixed period, article by article."""

    # What the public search sorts and groups this page by (year facet, newest first).
    search_date_field = "opens_at"
    # The page (and the listings and home page showing it) change when the consultation opens and closes.
    page_cache_clock_fields = ("opens_at", "closes_at")
    # Its pages say how long is left ("5 days left", core/countdown.py): cached no longer than that is true.
    page_cache_countdown_fields = ("closes_at",)

    summary = models.TextField(_("summary"), max_length=3000)
    responsible_body = models.CharField(_("responsible body"), max_length=250)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    draft_files = document_list(
        _("files of the draft"), _("The draft act and its explanation, from the document registry.")
    )
    import_from_docx = optional_link(
        "documents.RegistryDocument",
        _("import articles from"),
        help_text=_(
            "A DOCX of the draft: while the page has no articles, saving fills them from its 'Члан N' headings."
        ),
    )
    report_intro = models.TextField(_("report: introduction"), max_length=5000, blank=True)
    report_published_at = models.DateTimeField(
        _("report published at"),
        null=True,
        blank=True,
        help_text=_("Set when the office publishes the consultation report; answers become public then."),
    )
    # The last step of the draft's versions: the act as adopted, from the document registry.
    adopted_act = optional_link(
        "documents.RegistryDocument",
        _("adopted act"),
        help_text=_("The act as adopted, from the document registry: shown as the final version of the draft."),
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)

    objects = PageManager.from_queryset(ConsultationQuerySet)()

    # Asks for the reason when a published consultation's dates change (consultations/page_form.py).
    base_form_class = ConsultationPageForm
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []

    content_panels = SitePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("responsible_body"),
        MultiFieldPanel(
            [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("date_change_reason")],
            _("Consultation period"),
        ),
        InlinePanel("date_changes", label=_("Changes of dates (public log)")),
        FieldPanel("draft_files"),
        FieldPanel("import_from_docx"),
        InlinePanel("articles", label=_("Articles")),
        MultiFieldPanel([FieldPanel("report_intro"), FieldPanel("report_published_at")], _("Report")),
        MultiFieldPanel([FieldPanel("adopted_act"), FieldPanel("adopted_on")], _("Adopted act")),
    ]
    search_fields = SitePage.search_fields + [
        *searchable("summary"),
        index.RelatedFields("articles", searchable("heading", "text")),
    ]

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The consultation must close after it opens.")})

    def full_clean(self, *args, **kwargs):
        self.fill_articles_from_docx()
        super().full_clean(*args, **kwargs)

    def fill_articles_from_docx(self) -> None:
        if self.import_from_docx_id and not list(self.articles.all()):
            from consultations.importing import articles_from_docx

            try:
                with self.import_from_docx.file.open("rb") as file:
                    imported = articles_from_docx(file)
            except (ValueError, OSError) as error:
                raise ValidationError({"import_from_docx": str(error)}) from error
            self.articles = [
                Article(number=a.number, heading=a.heading, text=a.text, sort_order=position)
                for position, a in enumerate(imported)
            ]

    def state(self, now=None) -> State:
        closed = State.REPORTED if self.report_published_at else State.CLOSED
        return self.period_phase(now, before=State.UPCOMING, during=State.OPEN, after=closed)

    def is_open(self, now=None) -> bool:
        return self.state(now) == State.OPEN

    def state_label(self, now=None) -> str:
        """The state in words, for pages of other apps that link a consultation (strategies)."""
        return str(State(self.state(now)).label)

    # Routes: the page itself (reading and the comment form), confirmation, receipt, report, versions.
    # The comment form's page is shared by every visitor (the page cache, Varnish), so it holds no CSRF
    # token and sets no cookie: its POST goes without Django's cookie check (core/page_serve.py reads the
    # mark) and is checked instead by its Origin/Referer and its signed single-use form token (views.py).
    @path("")
    @csrf_exempt
    def consultation(self, request):
        from consultations.views import consultation_page

        return consultation_page(request, self)

    # A fresh form token and its proof-of-work challenge for one visitor (never cached), which the
    # form's script fetches when the visitor starts on the form (static_src/js/comment-proof.js).
    @path("token-obrasca/", name="form_token")
    def form_token(self, request):
        from consultations.views import form_token

        return form_token(request, self)

    @path("potvrda/<str:token>/", name="confirm")
    def confirm(self, request, token):
        from consultations.views import confirm

        return confirm(request, self, token)

    # The receipt shows the full text as received, so it needs the secret only the author has.
    @path("prijem/<str:token>/", name="receipt")
    def receipt(self, request, token):
        from consultations.views import receipt

        return receipt(request, self, token)

    # A position paper its author agreed to publish and a moderator approved (else 404).
    @path("prilog/<str:tracking_number>/", name="published_attachment")
    def published_attachment(self, request, tracking_number):
        from consultations.published_attachments import published_attachment

        return published_attachment(request, self, tracking_number)

    @path("izvestaj/", name="report")
    def report(self, request):
        return self.report_in(request, "html")

    report_docx = report_download("docx")
    report_csv = report_download("csv")
    report_json = report_download("json")
    report_manifest = report_download("manifest")

    # The draft's versions, and what changed between two of them (consultations/version_pages.py).
    @path("verzije/", name="versions")
    def versions(self, request):
        from consultations.version_pages import versions_page

        return versions_page(request, self)

    @path("verzije/<int:old>/<int:new>/", name="compare_versions")
    def compare_versions(self, request, old, new):
        from consultations.version_pages import compare_page

        return compare_page(request, self, old, new)

    def report_in(self, request, fmt):
        from consultations.report import report_response

        return report_response(request, self, fmt)

    def public_date_log(self):
        """The changes of the dates, as this page shows them (consultations/date_log.py)."""
        from consultations.date_log import date_log

        return date_log(self, self.original)

    @property
    def original(self):
        """Comments belong to the Cyrillic original; translations show the same comments."""
        from django.conf import settings

        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return self.get_translation(self.locale.get_default()).specific


class Article(TranslatableMixin, Orderable):
    """One article (члан) of the draft act; comments may target it."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="articles")
    number = models.CharField(_("number"), max_length=20, help_text=_("E.g. 3 or 3a"))
    heading = models.CharField(_("heading"), max_length=250, blank=True)
    text = models.TextField(_("text"), max_length=20000)

    panels = [FieldPanel("number"), FieldPanel("heading"), FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return f"{self.number}. {self.heading}".strip()
