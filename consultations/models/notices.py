"""What was e-mailed to commenters after their comment, and who asked to hear no more.

A notice is claimed (a row, unique per comment, event and occasion) before it is sent, so a
retry, a second save or two workers at once never e-mail anyone twice; a send that fails gives
its claim back. The opt-out keeps no address, only a keyed hash of it (see consultations/notices.py).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .comments import Comment
from .pages import ConsultationPage


class NoticeEvent(models.TextChoices):
    ANSWER = "answer", _("the office answered the comment")
    REPORT_PUBLISHED = "report_published", _("the report was published")
    EXTENDED = "extended", _("the consultation was extended")
    REOPENED = "reopened", _("the consultation was reopened")
    REVISED_DRAFT = "revised_draft", _("a revised draft was published")


class SentNotice(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="notices_sent")
    event = models.CharField(max_length=20, choices=NoticeEvent.choices)
    # Which extension or draft version: a consultation extended twice sends two notices.
    occasion = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "event", "occasion"], name="one_notice_per_comment_and_event")
        ]

    def __str__(self):
        return f"{self.comment_id} {self.event} {self.occasion}".strip()


class NoticeOptOut(models.Model):
    """A commenter's address asked for no more e-mails about one consultation."""

    consultation = models.ForeignKey(ConsultationPage, on_delete=models.CASCADE, related_name="notice_opt_outs")
    address_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "address_key"], name="one_opt_out_per_address_and_consultation"
            )
        ]

    def __str__(self):
        return f"{self.consultation_id} {self.address_key[:8]}"
