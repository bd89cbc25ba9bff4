"""Settings shared by every environment: safe by default, configured from the environment."""

import os
from pathlib import Path

import dj_database_url
from botocore.config import Config as BotocoreConfig

from django.core.exceptions import ImproperlyConfigured

from .environment import (
    cache_settings,
    csp_origin,
    email_settings,
    env_bool,
    env_list,
    frontend_cache_settings,
    rate_limit_directory,
    search_backends,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "core",
    "home",
    "documents",
    "consultations",
    "strategies",
    "calls",
    "news",
    "search",
    "organisations",  # a public page per organisation, from comments and awards
    "alerts",  # e-mail alerts: subscriptions, double opt-in, sending in the worker
    "api",  # the read-only public API
    "tools",  # the search benchmark and relevance commands; no product app imports it
    "demo",  # the demo content and its load_demo_content command; no product app imports it
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks_db",
    "csp",
    # The public API (api/): its OpenAPI schema and docs page (Swagger UI served from our own static files),
    # and CORS headers on /api/ only.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
]

MIDDLEWARE = [
    # First: load balancers probe /health/live and /health/ready by IP over plain HTTP, so these answer
    # before the HTTPS redirect and the ALLOWED_HOSTS check (core/health.py).
    "core.health.HealthCheckMiddleware",
    # Before anything that may answer (WhiteNoise, the page cache): the API's CORS headers and preflights.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "home.csp.SiteCSPMiddleware",
    # Before sessions, locale and auth: an anonymous visitor's cached page costs a cache lookup and
    # nothing else (core/page_cache/middleware.py); security and CSP headers are still added around it.
    "core.page_cache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Inside the page cache, so it stores Latin pages already passed:
    # nothing Cyrillic on /sr-latn/ (core/latin_pages.py).
    "core.latin_pages.LatinPageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Gives Wagtail's page view the site and page of a known URL from the cache (core/page_routes.py).
    "core.page_routes.RememberedRouteMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so its process_exception sees a view's storage error first (core/storage_outage.py).
    "core.storage_outage.StorageUnavailableMiddleware",
]

ROOT_URLCONF = "cso_site.urls"
WSGI_APPLICATION = "cso_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.office",
            ],
        },
    },
]

# Database: SQLite in the project unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default must take concurrent writes (an editor publishing while the admin
    # autosaves): WAL lets readers and one writer work at once; IMMEDIATE transactions take
    # the write lock when they start, so a transaction never fails half-way on an upgrade
    # from reading to writing; the timeout makes a second writer wait instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT_SECONDS", "20")),
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database host that does not answer fails the request (503, core/outage.py) within seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "5"))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Cyrillic is the default; Latin is produced from it; English is translated.
LANGUAGE_CODE = "sr-cyrl"
LANGUAGES = [
    ("sr-cyrl", "Српски (ћирилица)"),
    ("sr-latn", "Srpski (latinica)"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# The project's own strings first, so they win; then the Serbian catalogues of the Wagtail admin and
# wagtail-localize, which ship none (admin_locale/<package>/, README "Admin in Serbian").
LOCALE_PATHS = [BASE_DIR / "locale", *sorted(path for path in (BASE_DIR / "admin_locale").iterdir() if path.is_dir())]
# Editors type Cyrillic titles; the page model turns the slug into ASCII Latin.
WAGTAIL_ALLOW_UNICODE_SLUGS = True
TIME_ZONE = "Europe/Belgrade"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static_src"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# S3 (or any S3-compatible store) only when a bucket is named. The bucket stays
# private: files are served through the site or short-lived signed URLs.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = True
    AWS_QUERYSTRING_EXPIRE = 300
    AWS_S3_FILE_OVERWRITE = False
    # A store that is down or hangs must fail a request within seconds with a clear error, not hold a
    # worker until gunicorn kills it (botocore's defaults: 60 s per read, retried). Worst case for one
    # call on a hung store: AWS_S3_MAX_ATTEMPTS x AWS_S3_READ_TIMEOUT.
    AWS_S3_CLIENT_CONFIG = BotocoreConfig(
        connect_timeout=float(os.environ.get("AWS_S3_CONNECT_TIMEOUT", "3")),
        read_timeout=float(os.environ.get("AWS_S3_READ_TIMEOUT", "5")),
        retries={"mode": "standard", "total_max_attempts": int(os.environ.get("AWS_S3_MAX_ATTEMPTS", "2"))},
    )
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}

# Search: the database backend unless SEARCH_URL names an engine.
SEARCH_URL = os.environ.get("SEARCH_URL", "")
WAGTAILSEARCH_BACKENDS = search_backends(SEARCH_URL)

CACHES = cache_settings(
    os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", ""),
    rate_limit_directory(BASE_DIR, DATABASES["default"]),
)

# Whole-page cache for anonymous visitors (core/page_cache/, README "Caching"): how long the app keeps a
# page (0: off); how long a shared cache in front (Varnish) may: long when the app purges it on every change.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
WAGTAILFRONTENDCACHE = frontend_cache_settings(FRONTEND_CACHE_URL)
PAGE_CACHE_SHARED_SECONDS = int(
    os.environ.get("PAGE_CACHE_SHARED_SECONDS", "86400" if FRONTEND_CACHE_URL else str(PAGE_CACHE_SECONDS))
)

_email = email_settings(os.environ.get("EMAIL_URL", ""))
EMAIL_BACKEND = _email.pop("EMAIL_BACKEND")
globals().update(_email)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")

# Background work (text extraction). "immediate" runs it in the request, fine for one
# machine; "database" queues it for `manage.py db_worker` (the Procfile's worker).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {sorted(TASK_BACKENDS)}, got {TASKS_BACKEND!r}")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}

# Readiness (/health/ready): the longest the probe waits for the database, cache, storage and search together.
HEALTH_CHECK_TIMEOUT = float(os.environ.get("HEALTH_CHECK_TIMEOUT", "3"))

# The read-only public API (api/, README "Public API"): requests per client address, JSON only, its
# OpenAPI schema. CORS lets any web page read it, and only it, without credentials.
API_RATE = os.environ.get("API_RATE", "120/minute")
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    "TITLE": "Open data API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["api.schema.only_public_api"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_AUTHENTICATION": [],
    "ENUM_NAME_OVERRIDES": {
        "CallKindEnum": "calls.models.CallKind.choices",
        "CommentKindEnum": "consultations.models.Kind.choices",
    },
}
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")

# Consultations: how long the e-mailed confirmation link of a comment stays valid.
COMMENT_CONFIRMATION_HOURS = 72
# Days an unconfirmed comment is kept after its link expired, until the office sets its own value in
# the admin (Settings > Retention of unconfirmed comments); the scheduler then deletes it and its attachment.
UNCONFIRMED_COMMENT_RETENTION_DAYS = int(os.environ.get("UNCONFIRMED_COMMENT_RETENTION_DAYS", "30"))
# The shortest time between opening the comment form and sending it: quicker is a robot. Only a
# load run (tests/load/, docs/benchmarks/load.md) sets it lower, because the server does no work
# while a person types and 50 simulated organisations must stand in for hundreds of real ones.
COMMENT_MIN_FILL_SECONDS = float(os.environ.get("COMMENT_MIN_FILL_SECONDS", "4"))

# Wagtail
WAGTAIL_SITE_NAME = "Канцеларија за сарадњу са цивилним друштвом"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "documents.RegistryDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.RegistryDocumentForm"
# Allow-list of registry formats; the content itself is checked too (documents/validation.py).
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every download is an attachment with its file name (RFC 6266), never rendered in the page.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party avatars
# Nothing at runtime reaches the internet: no upgrade check, no "what's new" feed.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "home.latin_twin.LatinTransliterator",
    "OPTIONS": {},
}
# "Translate" creates the English page as a draft: it goes live only when its translation is published
# (wagtail-localize's default copies the original's live status, so /en/ would show the Serbian text as English).
# Until then English readers get the Latin version with a notice (core/untranslated.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Each editor picks the admin's language (Account > Preferences); new accounts start in Cyrillic
# (home/admin_language.py).
# Editors all work in the office's time zone: one zone, so the account screen offers no list of ~600 IANA names.
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("sr-cyrl", "Српски (ћирилица)"),
    ("sr-latn", "Srpski (latinica)"),
    ("en", "English"),
]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# How many reverse proxies of our own (e.g. the TLS proxy) stand in front of the site and append
# the visitor's address to X-Forwarded-For. 0: use the connecting address and ignore the header,
# which anybody can send. The comment form's per-address limits count by this address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Security headers that hold in every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp), sent in every environment so the browser tests run
# under the production policy. The public pages carry no inline script or style; scripts,
# web workers, styles and fetches come from the site itself. Images may also come from the
# S3 store, whose signed URLs point at its own host. Downloads set their own, stricter policy.
_CSP_IMAGE_SOURCES = ["'self'"]
if AWS_STORAGE_BUCKET_NAME:
    _CSP_IMAGE_SOURCES.append(csp_origin(AWS_S3_ENDPOINT_URL) if AWS_S3_ENDPOINT_URL else "https://*.amazonaws.com")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": _CSP_IMAGE_SOURCES,
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The admin (home/csp.py) ships inline scripts and styles; it keeps the rest, and may frame
# itself: the editor's preview panel is an iframe of an /admin/ URL.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # fontTools narrates every PDF font subset at INFO; django-tasks every task run.
    "loggers": {
        "fontTools": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
