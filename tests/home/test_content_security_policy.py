"""Every HTML page is sent with the site's Content-Security-Policy; the admin with its own."""

import re
from pathlib import Path

import pytest

from django.conf import settings

from tests.fresh_process import run_with_dev_settings

PROJECT = Path(__file__).resolve().parents[2]


def directives(header: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.mark.django_db
def test_public_pages_carry_the_strict_policy(client, home_page):
    response = client.get("/sr-cyrl/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["worker-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_not_found_pages_carry_the_strict_policy_too(client, home_page):
    response = client.get("/sr-cyrl/nema-takve-stranice/")

    assert response.status_code == 404
    assert directives(response["Content-Security-Policy"])["script-src"] == "'self'"


@pytest.mark.django_db
def test_admin_keeps_its_inline_scripts_but_may_only_be_framed_by_the_site(admin_client, home_page):
    response = admin_client.get(f"/admin/pages/{home_page.pk}/edit/")

    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    # The preview panel is an iframe of an /admin/ URL; no one else may frame the admin.
    assert policy["frame-ancestors"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "script-src" not in policy and "default-src" not in policy


def test_images_from_the_s3_store_are_allowed_by_its_origin_only():
    code = "from django.conf import settings; print(*settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    result = run_with_dev_settings(
        code, AWS_STORAGE_BUCKET_NAME="cso-docs", AWS_S3_ENDPOINT_URL="http://key:secret@127.0.0.1:59000/"
    )
    assert result.stdout.split() == ["'self'", "http://127.0.0.1:59000"], result.stderr
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] == ["'self'"]


INLINE_CODE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")"  # inline script
    r"|<style[\s>]"  # style element
    r"|\sstyle=[\"']"  # style attribute
    r"|\son[a-z]+=[\"']"  # event handler attribute
    r"|javascript:",
    re.IGNORECASE,
)


def test_no_template_has_inline_script_or_style():
    """The strict policy holds only if no template needs 'unsafe-inline'."""
    template_dirs = [PROJECT / "templates", *PROJECT.glob("*/templates")]
    offenders = [
        f"{path.relative_to(PROJECT)}: {match.group(0)!r}"
        for directory in template_dirs
        for path in directory.rglob("*.html")
        for match in INLINE_CODE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
