"""Tests: fast and deterministic. DATABASE_URL points at the PostgreSQL `make test` starts."""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-" + "x" * 40
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The rate-limit counters in files, as on a site without Redis, in a folder of this test process's own
# (parallel test processes must not count each other's requests), removed when it ends.
_rate_limit_dir = tempfile.mkdtemp(prefix="cso-test-rate-limits-")
atexit.register(shutil.rmtree, _rate_limit_dir, ignore_errors=True)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "rate_limits": {"BACKEND": "core.private_file_cache.PrivateFileBasedCache", "LOCATION": _rate_limit_dir},
}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".services" / "test-media"
# The whole-page cache is off, so each test sees what the app renders (query counts, fresh state after
# an update() without signals); the caching tests turn it on (tests/core/page_cache/).
PAGE_CACHE_SECONDS = 0
# Every test client builds the middleware chain anew, and WhiteNoise's start reads every file of the collected
# static folder (~1,500 once a test has run collectstatic: ~0.2 s a client). Looking files up on request instead
# serves the same files; production (one middleware chain a worker) keeps the start-up scan.
WHITENOISE_AUTOREFRESH = True
