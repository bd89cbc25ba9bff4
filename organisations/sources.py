"""The public records an organisation's page and directory row are built from, and nothing else.

- comments: published, on a live consultation the public may open, whose author chose to
  publish them with the organisation's name (an anonymous or private comment never
  reveals who sent it, here or anywhere), from respondents the comment form asks a
  registration number of (a citizen's comment is never an organisation's);
- awards: rows of calls whose results are published (calls/allocations.py decides that,
  for the transparency page and the open data alike), with what was paid on each;
- funding given outside the calls (DirectFunding), public as soon as it is recorded.

No contact field is ever read: the queries name the columns they need.
"""

from django.utils import timezone

from calls.allocations import paid_so_far, published_calls
from calls.models import RESULT_ROW_FIELDS, Award, DirectFunding
from consultations.models import Comment, Consent, ConsultationPage
from consultations.respondents import types_asking

COMMENT_FIELDS = (
    "pk",
    "consultation_id",
    "target_label",
    "kind",
    "proposed_wording",
    "justification",
    "organisation_name",
    "registration_number",
    "submitted_at",
    "published_at",
)
AWARD_FIELDS = ("pk", "page_id", "sort_order", *RESULT_ROW_FIELDS)


def public_comments():
    consultations = ConsultationPage.objects.live().public().values("pk")
    return (
        Comment.objects.published()
        .filter(
            consent=Consent.PUBLIC,
            consultation__in=consultations,
            respondent_type__in=types_asking("registration_number"),
        )
        .exclude(registration_number="")
    )


def public_awards(now=None):
    return Award.objects.filter(page__in=published_calls(now).values("pk"))


def comments_of(registration_number: str):
    return public_comments().filter(registration_number=registration_number).only(*COMMENT_FIELDS)


def awards_of(registration_number: str, now=None):
    """The number's awards, each with `paid_total`: the sum of its payments, in the same query."""
    return (
        public_awards(now)
        .filter(registration_number=registration_number)
        .only(*AWARD_FIELDS)
        .annotate(paid_total=paid_so_far())
    )


def direct_funding_of(registration_number: str):
    return DirectFunding.objects.filter(registration_number=registration_number)


def comment_year(comment) -> int:
    """The year the organisation spoke under that name: when it sent the comment, in Belgrade."""
    return timezone.localtime(comment.submitted_at).year


def registration_numbers() -> set[str]:
    """Every number that has a public record: what the directory holds."""
    numbers = set(public_comments().values_list("registration_number", flat=True).distinct())
    numbers.update(public_awards().values_list("registration_number", flat=True).distinct())
    numbers.update(DirectFunding.objects.values_list("registration_number", flat=True).distinct())
    return numbers
