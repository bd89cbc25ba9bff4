"""What the report tests share: comments spread over a draft's articles and states, and the queries a report takes."""

from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations.models import CommentState, ConsultationPage
from consultations.report import Report, build_report
from tests.consultations.factories import CommentFactory

STATES_IN_TURN = [CommentState.PUBLISHED, CommentState.CONFIRMED, CommentState.REJECTED]


def add_comments_in_turn(consultation, count: int, article_ids: list, **varying: Callable[[int], object]) -> None:
    """`count` comments taking each of `article_ids` (None: the whole draft) and each of STATES_IN_TURN in turn;
    each keyword gives a field's value for the n-th comment."""
    for n in range(count):
        CommentFactory(
            consultation=consultation,
            article_id=article_ids[n % len(article_ids)],
            target_label="Члан",
            state=STATES_IN_TURN[n % len(STATES_IN_TURN)],
            **{name: value_for(n) for name, value_for in varying.items()},
        )


def queries_for_report(consultation) -> tuple[int, Report]:
    """How many queries building the report of a freshly read `consultation` takes, and the report."""
    fresh = ConsultationPage.objects.get(pk=consultation.pk)
    with CaptureQueriesContext(connection) as captured:
        report = build_report(fresh)
    return len(captured), report
