"""The load scenario (tests/load/): a small run against the Procfile's web process, and the reconciliation's counts.

The full-size run (1,000 comments from 50 users) is `make load`; its figures are in
docs/benchmarks/load.md. This one runs the same scenario, harness and reconciliation with 100
comments from 10 users, on a database and a bucket of its own, so `make test` proves on every run
that nothing the site acknowledged is lost or doubled under concurrent sends.
"""

import hashlib
import os
import time
from collections import Counter
from dataclasses import replace

import pytest

from django.core.files.base import ContentFile

from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.load.reconcile import Reconciliation, reconcile

DATABASE_URL = os.environ.get("DATABASE_URL", "")
S3_ENDPOINT = os.environ.get("TEST_S3_ENDPOINT_URL", "")


def test_a_hundred_comments_from_ten_organisations_are_each_stored_once_with_their_attachments(migrated_template):
    if not DATABASE_URL.startswith("postgres") or not S3_ENDPOINT:
        reason = (
            "the load scenario needs PostgreSQL and S3: DATABASE_URL/TEST_S3_ENDPOINT_URL unset (`make test` sets them)"
        )
        print(reason)  # noqa: T201
        pytest.skip(reason)
    from tests.load.harness import run

    result = run(DATABASE_URL, S3_ENDPOINT, users=10, comments=100, template=migrated_template)

    counts = result["reconciliation"]
    assert (counts["organisations"], counts["acknowledged"], counts["confirmed"]) == (100, 100, 100), result
    assert counts["attachments_sent"] == 10, result
    assert counts["clean"], result
    zeros = ("lost", "duplicated", "server_errors", "no_answer", "attachments_missing", "attachments_altered")
    assert {name: counts[name] for name in zeros} == dict.fromkeys(zeros, 0), result
    # Every request type of the journey was made, for each organisation.
    assert {name: figures["requests"] for name, figures in result["latency_ms"].items()} == {
        "open consultation": 100,
        "form token": 100,
        "send comment": 100,
        "open confirmation link": 100,
        "confirm": 100,
        "receipt": 100,
    }


# --- the reconciliation finds what it must find --------------------------------------------------


def logged(comment, **extra) -> dict:
    return {"organisation": comment.pk, "email": comment.contact_email, "sent_status": 200,
            "tracking_number": comment.tracking_number, **extra}  # fmt: skip


@pytest.mark.django_db
def test_the_reconciliation_counts_lost_doubled_altered_and_5xx(home_page):
    consultation = ConsultationPageFactory(home=home_page)
    kept = CommentFactory(consultation=consultation, article=None)
    doubled = CommentFactory(consultation=consultation, article=None)
    CommentFactory(consultation=consultation, article=None, contact_email=doubled.contact_email)
    pdf = b"%PDF-1.4 sent"
    altered = CommentFactory(consultation=consultation, article=None, attachment_sha256=hashlib.sha256(pdf).hexdigest())
    altered.attachment.save("prilog.pdf", ContentFile(b"%PDF-1.4 something else"))
    entries = [
        logged(kept),
        logged(doubled),
        logged(altered, attachment_sha256=hashlib.sha256(pdf).hexdigest()),
        {
            "organisation": 99,
            "email": "never-stored@load.example",
            "sent_status": 200,
            "tracking_number": "JK-AAAAA-BBBBB",
        },
    ]

    result = reconcile(entries, Counter({"200": 10, "500": 2, "no-answer": 1}))

    assert (result.lost, result.duplicated, result.attachments_altered) == (1, 1, 1)
    assert (result.server_errors, result.no_answer) == (2, 1)
    assert not result.clean


def test_every_count_but_the_tallies_is_a_failure_and_any_one_failure_makes_the_run_unclean():
    tallies = Reconciliation(organisations=5, acknowledged=5, confirmed=5, attachments_sent=2)
    assert tallies.clean
    assert set(tallies.failures) == {
        "lost",
        "duplicated",
        "server_errors",
        "no_answer",
        "unconfirmed",
        "failed",
        "attachments_missing",
        "attachments_altered",
        "stored_without_log",
    }
    for name in tallies.failures:
        assert not replace(tallies, **{name: 1}).clean, name


@pytest.mark.django_db
def test_the_reconciliation_is_clean_when_every_acknowledged_comment_is_stored_once(home_page):
    consultation = ConsultationPageFactory(home=home_page)
    pdf = b"%PDF-1.4 as sent"
    with_file = CommentFactory(
        consultation=consultation, article=None, attachment_sha256=hashlib.sha256(pdf).hexdigest()
    )
    with_file.attachment.save("prilog.pdf", ContentFile(pdf))
    plain = CommentFactory(consultation=consultation, article=None)

    result = reconcile([logged(with_file, attachment_sha256=hashlib.sha256(pdf).hexdigest()), logged(plain)],
                       Counter({"200": 8, "302": 2}))  # fmt: skip

    assert result.clean, result
    assert (result.acknowledged, result.confirmed, result.attachments_sent) == (2, 2, 1)


# --- the one setting a load run lowers ----------------------------------------------------------


def test_the_minimum_fill_time_stays_four_seconds_unless_the_environment_lowers_it(settings, rf):
    from consultations.submission import Refusal, Rejected, check_abuse

    token = {"t": "form-opened-a-second-ago", "at": int(time.time()) - 1}
    form = {"website": "", "contact_email": "fill-time@load.example"}
    assert settings.COMMENT_MIN_FILL_SECONDS == 4
    with pytest.raises(Rejected) as refused:
        check_abuse(rf.post("/"), form, token)
    assert refused.value.reason == Refusal.FILLED_TOO_FAST

    settings.COMMENT_MIN_FILL_SECONDS = 0
    check_abuse(rf.post("/"), form, token)  # no refusal: only the proof-less per-address limit counts it
