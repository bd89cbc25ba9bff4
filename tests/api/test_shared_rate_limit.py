"""The API's rate limit is one count for every worker, with or without Redis.

Without CACHE_URL the default cache is local memory, one per gunicorn worker; the throttle counts in
the `rate_limits` cache instead, a private folder of files every process of the machine shares.
"""

import os
import shutil
import stat

import pytest

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured

from api.base import PublicApiThrottle
from core.private_file_cache import PrivateFileBasedCache
from cso_site.settings.environment import cache_settings
from tests.fresh_process import run_python

# Two requests from one client address through the API's own throttle, in a process of its own.
TWO_REQUESTS = """
import django; django.setup()
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from api.base import PublicApiThrottle
request = RequestFactory().get("/api/v1/pages/", REMOTE_ADDR="192.0.2.10")
request.user = AnonymousUser()
print(settings.CACHES["rate_limits"]["LOCATION"])
print(" ".join(str(PublicApiThrottle().allow_request(request, None)) for _ in range(2)))
"""


def worker_environment(tmp_path) -> dict:
    """A site on the embedded defaults (no Redis), its own database path so its counters are its own."""
    env = {name: value for name, value in os.environ.items() if name not in ("CACHE_URL", "REDIS_URL")}
    return env | {
        "DJANGO_SETTINGS_MODULE": "cso_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "API_RATE": "3/minute",
    }


def test_two_processes_without_redis_count_one_clients_requests_together(tmp_path):
    env = worker_environment(tmp_path)

    first = run_python(TWO_REQUESTS, env)
    second = run_python(TWO_REQUESTS, env)

    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    folder, allowed = first.stdout.split("\n")[:2]
    try:
        assert second.stdout.split("\n")[0] == folder, "both processes count in the same folder"
        assert allowed == "True True"
        assert second.stdout.split("\n")[1] == "True False", "the second worker sees the first one's two requests"
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_without_redis_the_counts_are_in_files_and_with_redis_in_redis(tmp_path):
    files = cache_settings("", str(tmp_path))["rate_limits"]
    assert files["BACKEND"] == "core.private_file_cache.PrivateFileBasedCache"
    assert files["LOCATION"] == str(tmp_path)

    redis = cache_settings("redis://127.0.0.1:6379/1", str(tmp_path))["rate_limits"]
    assert redis["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert redis["LOCATION"] == "redis://127.0.0.1:6379/1"


@pytest.mark.parametrize("mode", [0o770, 0o707])
def test_a_counter_folder_others_can_write_to_is_refused(tmp_path, mode):
    folder = tmp_path / "counts"
    folder.mkdir()
    folder.chmod(mode)

    with pytest.raises(ImproperlyConfigured, match="not private"):
        PrivateFileBasedCache(str(folder), {})


def test_a_new_counter_folder_is_private_and_two_connections_share_it(tmp_path):
    folder = tmp_path / "counts"
    one, other = PrivateFileBasedCache(str(folder), {}), PrivateFileBasedCache(str(folder), {})

    one.set("throttle_public_api_192.0.2.10", [1.0, 2.0], 60)

    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert other.get("throttle_public_api_192.0.2.10") == [1.0, 2.0]


def test_the_counters_are_keyed_by_a_keyed_hash_never_by_the_address(rf):
    request = rf.get("/api/v1/pages/", REMOTE_ADDR="192.0.2.10")
    request.user = AnonymousUser()
    other = rf.get("/api/v1/pages/", REMOTE_ADDR="192.0.2.11")
    other.user = AnonymousUser()

    key = PublicApiThrottle().get_cache_key(request, None)

    assert "192.0.2.10" not in key
    assert key == PublicApiThrottle().get_cache_key(request, None) != PublicApiThrottle().get_cache_key(other, None)
