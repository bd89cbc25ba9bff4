"""Reading configuration from the environment.

Every optional service is switched on only when its variable is present, so the
site runs on embedded defaults with nothing set (see the README's table).
"""

import hashlib
import os
import tempfile
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


# modelsearch's database backend for the vendor, with Serbian stemming added on SQLite
# (search/database.py); PostgreSQL stems with its "serbian" configuration.
DATABASE_SEARCH = {"BACKEND": "search.database", "SEARCH_CONFIG": "serbian"}

# Analysis for the engines. Text arrives already through core.scripts (Latin,
# lower case, no diacritics); the engine adds the same Snowball Serbian stemmer that
# PostgreSQL's "serbian" configuration uses, so both backends find the same forms.
ENGINE_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {"serbian_stemmer": {"type": "snowball", "language": "Serbian"}},
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "serbian_stemmer"],
                },
            },
        },
    }
}


def search_backends(search_url: str) -> dict:
    """WAGTAILSEARCH_BACKENDS for SEARCH_URL: empty means the database's own full-text search.

    With an engine, the database backend is kept up to date beside it ("database"):
    the search page answers from it when the engine is down.
    """
    if not search_url:
        return {"default": dict(DATABASE_SEARCH)}
    parsed = urlparse(search_url)
    engines = {
        "opensearch": "search.backends.OpenSearchBackend",
        "opensearchs": "search.backends.OpenSearchBackend",
        "elasticsearch": "search.backends.ElasticsearchBackend",
        "elasticsearchs": "search.backends.ElasticsearchBackend",
    }
    if parsed.scheme not in engines:
        raise ImproperlyConfigured(
            f"SEARCH_URL must start with opensearch:// or elasticsearch://, got {parsed.scheme!r}"
        )
    scheme = "https" if parsed.scheme.endswith("s") else "http"
    hosts = parsed.netloc.rpartition("@")[2]
    urls = [f"{scheme}://{host if ':' in host else host + ':9200'}" for host in hosts.split(",") if host]
    options = parse_qs(parsed.query)
    backend = {
        "BACKEND": engines[parsed.scheme],
        "URLS": urls,
        "INDEX_PREFIX": options.get("index", ["cso"])[0] + "_",
        # Indexing requests (bulk rebuilds); searches have their own short timeout.
        "TIMEOUT": int(options.get("timeout", ["10"])[0]),
        "QUERY_TIMEOUT": float(options.get("query_timeout", ["1.0"])[0]),
        # Rebuild into a new index and swap the alias, so search keeps answering.
        "ATOMIC_REBUILD": True,
        "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
        "INDEX_SETTINGS": ENGINE_INDEX_SETTINGS,
    }
    if parsed.username:
        backend["OPTIONS"]["http_auth"] = (unquote(parsed.username), unquote(parsed.password or ""))
    return {"default": backend, "database": dict(DATABASE_SEARCH)}


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


def rate_limit_directory(base_dir, database: dict) -> str:
    """Where the rate-limit counters live without Redis: one folder per user, project and database in the
    machine's temporary directory (as the page cache's generation file, core/page_cache/generation.py)."""
    identity = f"{base_dir}|{database.get('HOST', '')}|{database.get('PORT', '')}|{database.get('NAME', '')}"
    digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return os.path.join(tempfile.gettempdir(), f"cso-rate-limits-{os.getuid()}-{digest}")


def cache_settings(cache_url: str, rate_limit_dir: str = "") -> dict:
    """CACHES from CACHE_URL/REDIS_URL; local memory when neither is set.

    `rate_limits` counts requests per client (the API's throttle): it must be one count for every
    worker, so without Redis it is a private folder of files (core/private_file_cache.py) that every
    process on the machine shares, in `rate_limit_dir`.
    """
    if not cache_url:
        return {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "rate_limits": {
                "BACKEND": "core.private_file_cache.PrivateFileBasedCache",
                "LOCATION": rate_limit_dir or rate_limit_directory("", {}),
                # One file per client address counted in the last minute; culling drops counts, never adds them.
                "OPTIONS": {"MAX_ENTRIES": 5000},
            },
        }
    scheme = urlparse(cache_url).scheme
    if scheme not in {"redis", "rediss"}:
        raise ImproperlyConfigured(f"CACHE_URL must be a redis:// URL, got {scheme!r}")
    redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": cache_url}
    return {"default": redis, "rate_limits": {**redis, "KEY_PREFIX": "rate-limits"}}


def csp_origin(url: str) -> str:
    """The scheme://host[:port] of a URL, as a Content-Security-Policy source expression."""
    parsed = urlparse(url)
    if not parsed.scheme or not parsed.netloc:
        raise ImproperlyConfigured(f"Expected an absolute URL, got {url!r}")
    host_and_port = parsed.netloc.rpartition("@")[2]  # never put credentials in a header
    return f"{parsed.scheme}://{host_and_port}"


def frontend_cache_settings(frontend_cache_url: str) -> dict:
    """WAGTAILFRONTENDCACHE for FRONTEND_CACHE_URL (Varnish or any cache taking HTTP PURGE); none when unset."""
    if not frontend_cache_url:
        return {}
    parsed = urlparse(frontend_cache_url)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc:
        raise ImproperlyConfigured(f"FRONTEND_CACHE_URL must be an http:// URL, got {frontend_cache_url!r}")
    return {
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": frontend_cache_url}
    }
