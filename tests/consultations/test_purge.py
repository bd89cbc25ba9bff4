"""Unconfirmed comments past their retention are purged with their attachments (consultations/purge.py)."""

import datetime

import pytest

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from consultations.models import Comment, CommentRetentionSettings, CommentState
from consultations.purge import purge_unconfirmed_comments
from tests.consultations.factories import CommentFactory, ConsultationPageFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
MINUTE = datetime.timedelta(minutes=1)


@pytest.fixture
def consultation(home_page):
    return ConsultationPageFactory(home=home_page, article_count=0, published=False)


def unconfirmed(consultation, link_expired_ago: datetime.timedelta, **fields) -> Comment:
    """An unconfirmed comment whose confirmation link expired `link_expired_ago` ago (negative: still valid)."""
    return CommentFactory(
        consultation=consultation,
        article=None,
        state=CommentState.UNCONFIRMED,
        tracking_number=None,
        confirmed_at=None,
        confirmation_expires_at=timezone.now() - link_expired_ago,
        **fields,
    )


def remaining(*comments) -> set[int]:
    return set(Comment.objects.filter(pk__in=[c.pk for c in comments]).values_list("pk", flat=True))


def test_only_unconfirmed_comments_whose_link_expired_longer_ago_than_the_retention_are_purged(consultation):
    just_past = unconfirmed(consultation, 30 * DAY + MINUTE)
    long_past = unconfirmed(consultation, 400 * DAY)
    just_within = unconfirmed(consultation, 30 * DAY - MINUTE)
    link_still_valid = unconfirmed(consultation, -DAY)
    confirmed_long_ago = CommentFactory(
        consultation=consultation, article=None, state=CommentState.CONFIRMED,
        confirmation_expires_at=timezone.now() - 400 * DAY,
    )  # fmt: skip
    rejected_long_ago = CommentFactory(
        consultation=consultation, article=None, state=CommentState.REJECTED,
        confirmation_expires_at=timezone.now() - 400 * DAY,
    )  # fmt: skip

    purged = purge_unconfirmed_comments(30 * DAY)

    assert purged.comments == 2
    everything = (just_past, long_past, just_within, link_still_valid, confirmed_long_ago, rejected_long_ago)
    assert remaining(*everything) == {c.pk for c in everything[2:]}


def test_purge_deletes_the_purged_comments_attachments_from_s3_and_keeps_the_others(s3_default_storage, consultation):
    s3, bucket = s3_default_storage
    purged = unconfirmed(consultation, 31 * DAY, attachment=ContentFile(b"%PDF-1.4 stari", name="stari.pdf"))
    kept = unconfirmed(consultation, 29 * DAY, attachment=ContentFile(b"%PDF-1.4 novi", name="novi.pdf"))
    keys_before = {item["Key"] for item in s3.list_objects_v2(Bucket=bucket)["Contents"]}
    assert keys_before == {purged.attachment.name, kept.attachment.name}

    result = purge_unconfirmed_comments(30 * DAY)

    assert (result.comments, result.attachments_deleted, result.attachments_left) == (1, 1, 0)
    keys_after = {item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])}
    assert keys_after == {kept.attachment.name}
    assert remaining(purged, kept) == {kept.pk}


def test_retention_set_by_the_office_in_the_admin_is_the_one_the_purge_command_uses(admin_client, consultation):
    eight_days = unconfirmed(consultation, 8 * DAY)
    six_days = unconfirmed(consultation, 6 * DAY)
    edit_url = admin_client.get(
        "/admin/settings/consultations/commentretentionsettings/", follow=True
    ).wsgi_request.path

    response = admin_client.post(edit_url, {"unconfirmed_retention_days": "7"})
    assert response.status_code == 302
    assert CommentRetentionSettings.load().unconfirmed_retention_days == 7

    output = call_command("purge_unconfirmed_comments")
    assert output.startswith("1 unconfirmed comment(s) purged (link expired over 7 day(s) ago)")
    assert remaining(eight_days, six_days) == {six_days.pk}


def test_without_a_value_from_the_office_the_operators_default_applies(settings, consultation):
    settings.UNCONFIRMED_COMMENT_RETENTION_DAYS = 3
    four_days = unconfirmed(consultation, 4 * DAY)
    two_days = unconfirmed(consultation, 2 * DAY)
    assert CommentRetentionSettings.load().unconfirmed_retention_days is None

    call_command("purge_unconfirmed_comments")

    assert remaining(four_days, two_days) == {two_days.pk}


@pytest.mark.parametrize("days", ["0", "3651", "-1", "много"])
def test_admin_refuses_a_retention_out_of_range_and_keeps_the_old_value(admin_client, days):
    edit_url = admin_client.get(
        "/admin/settings/consultations/commentretentionsettings/", follow=True
    ).wsgi_request.path

    response = admin_client.post(edit_url, {"unconfirmed_retention_days": days})

    assert response.status_code == 200
    assert response.context["form"].errors["unconfirmed_retention_days"]
    assert CommentRetentionSettings.load().unconfirmed_retention_days is None


def test_an_attachment_the_store_could_not_delete_is_left_for_the_orphan_sweep(
    s3_default_storage, settings, consultation
):
    from botocore.config import Config

    from core.storage_sweep import sweep_orphaned_files
    from tests.procfile_server import free_port

    s3, bucket = s3_default_storage
    comment = unconfirmed(consultation, 31 * DAY, attachment=ContentFile(b"%PDF-1.4 x", name="x.pdf"))
    working_endpoint = settings.AWS_S3_ENDPOINT_URL
    # The object store stops answering: nothing listens on this port.
    settings.AWS_S3_ENDPOINT_URL = f"http://127.0.0.1:{free_port()}"
    settings.AWS_S3_CLIENT_CONFIG = Config(connect_timeout=1, retries={"total_max_attempts": 1})
    settings.STORAGES = {**settings.STORAGES}  # a new default storage, on the endpoint above

    result = purge_unconfirmed_comments(30 * DAY)

    assert (result.comments, result.attachments_deleted, result.attachments_left) == (1, 0, 1)
    assert not Comment.objects.filter(pk=comment.pk).exists(), "the row goes even when its file cannot"
    settings.AWS_S3_ENDPOINT_URL = working_endpoint  # the store is back
    settings.STORAGES = {**settings.STORAGES}
    assert sweep_orphaned_files(datetime.timedelta(0)) == [comment.attachment.name]
    assert s3.list_objects_v2(Bucket=bucket).get("Contents", []) == []
