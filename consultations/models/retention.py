from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

# Ten years: a longer retention of data nobody confirmed is not a retention any more.
MAX_RETENTION_DAYS = 3650


@register_setting(icon="time")
class CommentRetentionSettings(BaseGenericSetting):
    """How long the office keeps comments whose senders never confirmed them (one value for the whole site).

    Empty means the operator's default (UNCONFIRMED_COMMENT_RETENTION_DAYS, 30 days unless set), so
    a default changed on the server applies until the office chooses a value of its own.
    """

    unconfirmed_retention_days = models.PositiveSmallIntegerField(
        _("keep unconfirmed comments for (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_RETENTION_DAYS)],
        help_text=_(
            "A comment whose sender never followed the confirmation link is deleted, with its attachment, "
            "this many days after the link expired. Leave empty to use the server's default."
        ),
    )

    panels = [FieldPanel("unconfirmed_retention_days")]

    class Meta:
        verbose_name = _("retention of unconfirmed comments")

    @property
    def retention_days(self) -> int:
        """The days in force: the office's value, else the operator's default."""
        if self.unconfirmed_retention_days is not None:
            return self.unconfirmed_retention_days
        return settings.UNCONFIRMED_COMMENT_RETENTION_DAYS
