"""Configuration comes from the environment, and production refuses to start half-configured."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.exceptions import ImproperlyConfigured

from cso_site.settings.environment import (
    DATABASE_SEARCH,
    cache_settings,
    email_settings,
    env_bool,
    search_backends,
)
from tests.fresh_process import run_python, run_with_dev_settings

PROJECT = Path(__file__).resolve().parents[2]
GOOD_KEY = secrets.token_urlsafe(60)


def run_manage(*args, **env):
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean_env.update(env, DJANGO_SETTINGS_MODULE="cso_site.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=clean_env, capture_output=True, text=True, timeout=120
    )


def test_production_fails_loudly_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set" in result.stderr


def test_production_fails_loudly_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_production_deploy_check_is_clean():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="a.org")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_booleans_are_parsed_explicitly(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "off")
    assert env_bool("FLAG") is False
    monkeypatch.setenv("FLAG", "ture")
    with pytest.raises(ImproperlyConfigured):
        env_bool("FLAG")


def test_search_url_selects_the_backend():
    assert search_backends("") == {"default": DATABASE_SEARCH}
    assert DATABASE_SEARCH["SEARCH_CONFIG"] == "serbian"
    backends = search_backends("opensearch://user:pw@127.0.0.1:9201?index=portal")
    engine = backends["default"]
    assert engine["BACKEND"] == "search.backends.OpenSearchBackend"
    assert engine["URLS"] == ["http://127.0.0.1:9201"]
    assert engine["INDEX_PREFIX"] == "portal_"
    assert engine["ATOMIC_REBUILD"] is True
    assert engine["OPTIONS"]["http_auth"] == ("user", "pw")
    assert backends["database"] == DATABASE_SEARCH, "the database answers when the engine is down"
    cluster = search_backends("opensearchs://a:9200,b,c:9202")["default"]
    assert cluster["URLS"] == ["https://a:9200", "https://b:9200", "https://c:9202"]
    assert search_backends("elasticsearch://es:9200")["default"]["BACKEND"] == "search.backends.ElasticsearchBackend"
    with pytest.raises(ImproperlyConfigured):
        search_backends("solr://x")


def test_email_and_cache_urls():
    assert email_settings("")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    smtp = email_settings("smtp://user:p%40ss@mail.example.org:587?tls=1")
    assert (smtp["EMAIL_HOST"], smtp["EMAIL_PORT"], smtp["EMAIL_HOST_PASSWORD"], smtp["EMAIL_USE_TLS"]) == (
        "mail.example.org",
        587,
        "p@ss",
        True,
    )
    assert cache_settings("")["default"]["BACKEND"].endswith("LocMemCache")
    assert cache_settings("redis://127.0.0.1:6379/1")["default"]["LOCATION"] == "redis://127.0.0.1:6379/1"


def test_s3_storage_switches_on_with_a_bucket_name():
    code = "from django.conf import settings; print(settings.STORAGES['default']['BACKEND'], settings.AWS_DEFAULT_ACL)"
    result = run_with_dev_settings(code, AWS_STORAGE_BUCKET_NAME="cso-docs")
    assert result.stdout.split() == ["storages.backends.s3.S3Storage", "None"], result.stderr


def test_production_session_and_csrf_cookies_carry_the_host_prefix():
    """Browsers keep a __Host- cookie only if Secure, for Path=/ and without Domain: check what is sent."""
    code = """
import django
from django.conf import settings
django.setup()
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import RequestFactory

# Sessions are stored in signed cookies here only so this needs no database; the cookie's
# name and attributes come from the same settings whatever the engine.
settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"

def view(request):
    get_token(request)
    request.session["seen"] = True
    return HttpResponse()

request = RequestFactory().get("/", secure=True, HTTP_HOST="portal.example.org")
response = SessionMiddleware(CsrfViewMiddleware(view))(request)
for name, cookie in response.cookies.items():
    print(name, bool(cookie["secure"]), cookie["path"], repr(cookie["domain"]))
"""
    clean_env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    clean_env.update(
        DJANGO_SETTINGS_MODULE="cso_site.settings.production", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="portal.example.org"
    )
    result = run_python(code, clean_env)
    cookies = sorted(line.split() for line in result.stdout.splitlines())
    assert cookies == [
        ["__Host-csrftoken", "True", "/", "''"],
        ["__Host-sessionid", "True", "/", "''"],
    ], result.stderr
