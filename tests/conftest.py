import os

import pytest

from tests.factories import SiteHomePageFactory

# Playwright's sync API keeps an event loop in the test thread; Django's ORM calls
# from that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config):
    from django.db.models.signals import post_migrate

    from tests.migrated_data import note_flush
    from tests.shared_per_run import make_shared_folder

    make_shared_folder()
    post_migrate.connect(note_flush, dispatch_uid="tests-note-flush")


def pytest_sessionstart(session):
    from tests.shared_per_run import migrate_template_while_workers_start

    migrate_template_while_workers_start(session.config)


def pytest_unconfigure(config):
    """The run's controller (or its only process) drops the migrated template database, if one was made,
    and removes the folder the run's processes shared."""
    from tests.shared_per_run import clean_up_at_the_end

    clean_up_at_the_end(config)


@pytest.fixture(scope="session")
def migrated_template():
    """The name of a migrated PostgreSQL database to copy (CREATE DATABASE … TEMPLATE), made once per
    run (tests/shared_per_run.py); None off PostgreSQL."""
    from tests.shared_per_run import migrated_template, shared_folder

    return migrated_template(shared_folder())


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, migrated_template):
    """The test database starts as a copy of the run's migrated template: its migrate finds nothing to do."""
    from django.conf import settings
    from django.db import connections

    if migrated_template:
        for database in (settings.DATABASES["default"], connections["default"].settings_dict):
            database.setdefault("TEST", {})["TEMPLATE"] = migrated_template


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, migrated, and a copy of the rows the migrations put in (tests/migrated_data.py)."""
    from tests.migrated_data import copy_after_migrations

    copy_after_migrations(django_db_blocker)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the test's fixtures, a transactional test's flush among them: the migrations' rows back for the
    next test, which pytest-xdist may take from another file (tests/migrated_data.py)."""
    from tests.migrated_data import put_back_if_flushed

    try:
        return (yield)
    finally:
        if nextitem is not None:  # after the last test the database itself goes
            put_back_if_flushed()


@pytest.fixture
def home_page(db):
    return SiteHomePageFactory()


@pytest.fixture(scope="module")
def module_rows(django_db_setup, django_db_blocker):
    """A transaction around the module's tests, for rows built once and shared by them (tests/module_rows.py)."""
    from tests.module_rows import ModuleRows

    rows = ModuleRows(django_db_blocker)
    rows.begin()
    yield rows
    rows.roll_back()


@pytest.fixture(scope="module")
def module_home_page_built(module_rows):
    return module_rows.home_page()


@pytest.fixture
def module_home_page(db, module_home_page_built):
    """The module's home page (tests/module_rows.py), fresh for each test."""
    from tests.module_rows import fresh

    return fresh(module_home_page_built)


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """The demo site's rows and files, built once for the whole run, all its processes (tests/demo_snapshot.py)."""
    from tests.demo_snapshot import shared_demo_snapshot
    from tests.shared_per_run import shared_folder

    with django_db_blocker.unblock():
        return shared_demo_snapshot(shared_folder())


@pytest.fixture
def demo_site(db, demo_snapshot):
    """The demo site, put back inside the test's transaction: ask for it before fixtures that add rows."""
    from home.models import HomePage
    from tests.demo_snapshot import restore

    restore(demo_snapshot)
    return HomePage.objects.get(pk=demo_snapshot.home_pk)


@pytest.fixture(autouse=True)
def default_language():
    """Every test (and the module rows built before it) starts in the site's default language: the
    LocaleMiddleware of a request leaves the request's language active in the thread after the response,
    which would otherwise reach whichever test runs next in that process."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site root paths and Django content type ids; ids differ from test to test
    (a rolled-back demo restore brings back the content types of before)."""
    from tests.demo_snapshot import forget_cached_ids

    forget_cached_ids()
    yield
    forget_cached_ids()


@pytest.fixture
def s3_default_storage(settings):
    """A new bucket on the S3-compatible server of `make test` (moto, TEST_S3_ENDPOINT_URL) as the default
    storage, emptied and removed afterwards. Yields (boto3 client, bucket name)."""
    import uuid

    import boto3

    endpoint = os.environ.get("TEST_S3_ENDPOINT_URL")
    if not endpoint:
        pytest.skip("no S3-compatible server: TEST_S3_ENDPOINT_URL is unset (`make test` starts moto and sets it)")
    client = boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1"
    )
    bucket = f"cso-test-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=bucket)
    settings.AWS_STORAGE_BUCKET_NAME = bucket
    settings.AWS_S3_ENDPOINT_URL = endpoint
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_ACCESS_KEY_ID = "test"
    settings.AWS_SECRET_ACCESS_KEY = "test"
    settings.AWS_DEFAULT_ACL = None
    settings.AWS_S3_FILE_OVERWRITE = False
    # Changing STORAGES resets Django's default storage, which every file field follows.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}
    yield client, bucket
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            client.delete_object(Bucket=bucket, Key=item["Key"])
    client.delete_bucket(Bucket=bucket)


@pytest.fixture
def local_media(settings, tmp_path):
    """An empty media folder of the test's own as the default storage (never the shared test media)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    return settings.MEDIA_ROOT
