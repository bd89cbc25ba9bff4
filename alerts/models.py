"""E-mail alerts: who subscribed to what, what happened, and one delivery row per (subscriber, happening).

The delivery rows are the outbox. All rows of a happening are created in one transaction when it
happens; the sender (alerts/sending.py) then sends the rows not yet sent and marks each one sent
right after the mail server accepted it, so a sender stopped at any moment and started again
resends nothing already marked and skips nobody.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MAX_TOPICS = 20
MAX_DOCUMENT_TYPES = 20
MAX_REMINDER_DAYS = 30
# Deliveries that failed this many times (an address the mail server refuses) are given up.
MAX_ATTEMPTS = 3


def new_link_key() -> str:
    return secrets.token_hex(16)


class Frequency(models.TextChoices):
    INSTANT = "instant", _("as soon as something is published")
    WEEKLY = "weekly", _("once a week, in one e-mail")


class Kind(models.TextChoices):
    CONSULTATION = "consultation", _("new public consultation")
    CALL = "call", _("new public call")
    FUNDING = "funding", _("new funding opportunity")
    NEWS = "news", _("news")
    DOCUMENT = "document", _("new registry document")
    REMINDER = "reminder", _("closing soon")


class Subscription(models.Model):
    """One e-mail address and what it follows. Never shown publicly (docs/data-protection.md)."""

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices, default=Frequency.INSTANT)
    consultations = models.BooleanField(_("new public consultations"), default=False)
    calls = models.BooleanField(_("new public calls and funding opportunities"), default=False)
    news = models.BooleanField(_("news"), default=False)
    documents = models.BooleanField(_("new registry documents"), default=False)
    news_topics = models.ManyToManyField("taggit.Tag", blank=True, related_name="+", verbose_name=_("news topics"))
    document_types = models.ManyToManyField(
        "documents.DocumentType", blank=True, related_name="+", verbose_name=_("document types")
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("days before closing"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_REMINDER_DAYS)],
    )
    # The secret behind this subscription's links (alerts/tokens.py): replaced to make old links stop working.
    link_key = models.CharField(max_length=32, default=new_link_key, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    last_digest_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        permissions = [("view_subscriber_addresses", "Can see the e-mail addresses of alert subscribers")]

    def __str__(self):
        return f"subscription {self.pk}"


class AlertItem(models.Model):
    """Something subscribers hear about once: a page or document published, a deadline coming."""

    kind = models.CharField(max_length=20, choices=Kind.choices)
    # What makes it once: "page:12", "document:7", "reminder:12:3" (page 12, three days before closing).
    key = models.CharField(max_length=100, unique=True)
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(
        "documents.RegistryDocument", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.key


class Delivery(models.Model):
    """One alert item for one subscriber: the outbox row the sender works through."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    item = models.ForeignKey(AlertItem, on_delete=models.CASCADE, related_name="deliveries")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [models.UniqueConstraint(fields=["subscription", "item"], name="alerts_one_delivery_per_item")]
        indexes = [models.Index(fields=["id"], condition=Q(sent_at__isnull=True), name="alerts_delivery_unsent")]

    def __str__(self):
        return f"delivery {self.pk}"
