"""Reading configuration from the environment.

Every optional service is switched on only when its variable is present, so the
site runs on embedded defaults with nothing set (see the README's table).
"""

import os
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    # A typo such as DEBUG=ture must not silently mean False in production.
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {raw!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def search_backends(search_url: str) -> dict:
    """WAGTAILSEARCH_BACKENDS for SEARCH_URL: empty means the database's own full-text search."""
    if not search_url:
        return {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "serbian"}}
    parsed = urlparse(search_url)
    engines = {
        "opensearch": "wagtail.search.backends.opensearch3",
        "opensearchs": "wagtail.search.backends.opensearch3",
        "elasticsearch": "wagtail.search.backends.elasticsearch9",
        "elasticsearchs": "wagtail.search.backends.elasticsearch9",
    }
    if parsed.scheme not in engines:
        raise ImproperlyConfigured(
            f"SEARCH_URL must start with opensearch:// or elasticsearch://, got {parsed.scheme!r}"
        )
    scheme = "https" if parsed.scheme.endswith("s") else "http"
    host = f"{scheme}://{parsed.hostname}:{parsed.port or 9200}"
    options = parse_qs(parsed.query)
    backend = {
        "BACKEND": engines[parsed.scheme],
        "URLS": [host],
        "INDEX": options.get("index", ["cso"])[0],
        "TIMEOUT": int(options.get("timeout", ["5"])[0]),
        # Rebuild into a new index and swap the alias, so search keeps answering.
        "ATOMIC_REBUILD": True,
        "OPTIONS": {},
        "INDEX_SETTINGS": {},
    }
    if parsed.username:
        backend["OPTIONS"]["http_auth"] = (unquote(parsed.username), unquote(parsed.password or ""))
    return {"default": backend}


def email_settings(email_url: str) -> dict:
    """Django email settings from EMAIL_URL, e.g. smtp://user:pass@host:587?tls=1."""
    if not email_url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parsed = urlparse(email_url)
    if parsed.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(f"EMAIL_URL must start with smtp:// or smtps://, got {parsed.scheme!r}")
    options = parse_qs(parsed.query)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parsed.hostname or "localhost",
        "EMAIL_PORT": parsed.port or (465 if parsed.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": unquote(parsed.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
        "EMAIL_USE_SSL": parsed.scheme == "smtps",
        "EMAIL_USE_TLS": options.get("tls", ["0"])[0].lower() in TRUE_VALUES,
    }


def cache_settings(cache_url: str) -> dict:
    """CACHES from CACHE_URL/REDIS_URL; local memory when neither is set."""
    if not cache_url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    scheme = urlparse(cache_url).scheme
    if scheme not in {"redis", "rediss"}:
        raise ImproperlyConfigured(f"CACHE_URL must be a redis:// URL, got {scheme!r}")
    return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": cache_url}}
