"""Migration 0003 on stored comments: canonical text only where no receipt was issued; content keys for all."""

import datetime
import hashlib

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.consultations.factories import ConsultationPageFactory

BEFORE = [("consultations", "0002_attachment_in_random_folder")]
AFTER = [("consultations", "0003_comment_content_key")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def old_hash(comment) -> str:
    """The hash as the code before 0003 took it: over the text as the browser sent it."""
    text = "\n".join(
        [
            f"consultation: {comment.consultation_id}",
            f"target: {comment.target_label}",
            f"kind: {comment.kind}",
            f"proposed wording: {comment.proposed_wording}",
            f"justification: {comment.justification}",
            f"organisation: {comment.organisation_name} ({comment.registration_number})",
        ]
    )
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.django_db(transaction=True)
def test_unconfirmed_comments_take_the_canonical_form_and_receipted_ones_keep_their_hash(home_page):
    page = ConsultationPageFactory(home=home_page, article_count=1)
    try:
        old_apps = migrate(BEFORE)
        Comment = old_apps.get_model("consultations", "Comment")

        def stored(n, state, **fields):
            comment = Comment(
                consultation_id=page.pk,
                target_label="Нацрт у целини",
                kind="general",
                justification="Први ред.\r\nДруги ред.  ",
                organisation_name="Удружење",
                registration_number="28012345",
                organisation_type="association",
                contact_email="ana@udruzenje.example",
                consent="public",
                state=state,
                submission_token=f"token-{n}",
                confirmation_token_hash=f"hash-{n}",
                confirmation_expires_at=timezone.now() + datetime.timedelta(hours=72),
                tracking_number=None if state == "unconfirmed" else f"JK-AAAAA-BBBB{n}",
                fingerprint="f",
                **fields,
            )
            comment.text_sha256 = old_hash(comment)
            comment.save()
            return comment.pk

        unconfirmed = stored(1, "unconfirmed")
        repeated = stored(2, "unconfirmed")  # the same content sent twice before the fix
        confirmed = stored(3, "confirmed", proposed_wording="Иста порука, потврђена.")
        confirmed_hash = Comment.objects.get(pk=confirmed).text_sha256

        migrate(AFTER)
    finally:
        # Back to the latest schema (later migrations add comment columns), so the tests after this one find it.
        migrate(latest())

    from consultations.models import Comment as CurrentComment

    fresh = CurrentComment.objects.get(pk=unconfirmed)
    assert fresh.justification == "Први ред.\nДруги ред."
    assert fresh.text_sha256 == hashlib.sha256(fresh.canonical_text().encode()).hexdigest()
    assert fresh.content_key
    assert CurrentComment.objects.get(pk=repeated).content_key is None, "only the earliest send gets the key"

    receipted = CurrentComment.objects.get(pk=confirmed)
    assert receipted.text_sha256 == confirmed_hash, "a hash already given in a receipt is never changed"
    assert receipted.justification == "Први ред.\r\nДруги ред.  "
    assert receipted.content_key
