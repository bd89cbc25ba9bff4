"""The generation every cached page belongs to, and the next instant pages change by the clock.

Why a generation rather than purging keys: a page shows many things (menus, footers, listings,
feeds, counts of comments), so no list of "pages that show X" can be complete. Every change an
anonymous page can show bumps one generation that every worker reads; keys carry it, so after a
bump no old page is found, and the old entries simply expire. With Redis (CACHE_URL/REDIS_URL) the
generation is a number in Redis, shared by every machine. With the default local-memory cache each
gunicorn worker has a cache of its own, so the generation lives in a small file in the temporary
directory of the machine instead (one per project and database): a publish handled by one worker
is seen by the others at their next request. A bump runs now and again when the change is
committed, so a page rendered from the old rows before the commit is not found afterwards (its key
took the generation read when its request began).

Why a cap by the clock: a consultation or call opens and closes at a time no signal marks. A
stored page may not outlive the next such instant of any model that declares
`page_cache_clock_fields` (nor the next midnight, when "today" changes, nor the instant a countdown
such as "5 days left" drops by one: `page_cache_countdown_fields`): its lifetime, and the
max-age a shared cache gets, are cut to end there. The instant is computed once per generation
(an edited date is a publish, which bumps it) and again once it has passed.
"""

import datetime
import hashlib
import os
import secrets
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone

from .. import countdown
from .frontend import ban_whole_site

GENERATION_KEY = "page-cache:generation"
NEXT_CHANGE_KEY = "page-cache:next-change:{generation}"
PROCESS_LOCAL_CACHES = {"django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache"}
# No cached page lives longer than a day, whatever its settings say.
LONGEST = 60 * 60 * 24


def cache_is_process_local() -> bool:
    return settings.CACHES["default"]["BACKEND"] in PROCESS_LOCAL_CACHES


def generation_file() -> Path:
    """The machine-wide generation of this project on this database (so test runs and sites apart never share one)."""
    database = settings.DATABASES["default"]
    name = str(database["NAME"])
    # A database in memory (the tests' SQLite) belongs to one process: so does its generation.
    process = os.getpid() if name == ":memory:" or "mode=memory" in name else ""
    identity = f"{settings.BASE_DIR}|{database.get('HOST', '')}|{database.get('PORT', '')}|{name}|{process}"
    return Path(tempfile.gettempdir()) / f"cso-page-cache-{hashlib.sha256(identity.encode()).hexdigest()[:16]}"


def _new_file_generation(path: Path) -> str:
    token = secrets.token_hex(8)
    temporary = path.with_name(f"{path.name}.{token}")
    temporary.write_text(token)
    os.replace(temporary, path)  # atomic: a reader sees the old token or the new one
    return token


def _cache_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # First use, or evicted: a number no earlier generation had (time-based), so entries
        # stored before the eviction are never found again.
        cache.add(GENERATION_KEY, int(timezone.now().timestamp() * 1000), None)
        generation = cache.get(GENERATION_KEY)
    return str(generation)


def current_generation() -> str:
    if not cache_is_process_local():
        return _cache_generation()
    path = generation_file()
    try:
        return path.read_text()
    except FileNotFoundError:
        return _new_file_generation(path)


def start_new_generation() -> None:
    if cache_is_process_local():
        _new_file_generation(generation_file())
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet, or evicted
        _cache_generation()


def _after_commit() -> None:
    start_new_generation()
    ban_whole_site()


def bump_generation(*args, **kwargs) -> None:
    """Forget every cached page: now (so this request and this test see the change) and after the commit
    (so a page another worker rendered from the old rows before the commit is not found either);
    the front cache, if any, after the commit."""
    start_new_generation()
    transaction.on_commit(_after_commit)


def clock_models() -> list[tuple[type, tuple[str, ...]]]:
    return [
        (model, tuple(model.page_cache_clock_fields))
        for model in apps.get_models()
        if "page_cache_clock_fields" in model.__dict__
    ]


def next_midnight(now: datetime.datetime) -> datetime.datetime:
    local = timezone.localtime(now)
    tomorrow = datetime.datetime.combine(local.date() + datetime.timedelta(days=1), datetime.time())
    return timezone.make_aware(tomorrow, local.tzinfo)


def compute_next_change(now: datetime.datetime) -> datetime.datetime:
    """The earliest instant after `now` at which some page changes by the clock (one query per model).

    A state changes at each of these instants (opens, closes, starts); a countdown ("5 days left",
    core/countdown.py) also when its number drops, for the fields a model names in
    `page_cache_countdown_fields`.
    """
    instants = [next_midnight(now)]
    for model, fields in clock_models():
        countdowns = getattr(model, "page_cache_countdown_fields", ())
        if not countdowns:
            upcoming = model._default_manager.aggregate(
                **{field: Min(field, filter=Q(**{f"{field}__gt": now})) for field in fields}
            )
            instants.extend(instant for instant in upcoming.values() if instant is not None)
            continue
        future = Q()
        for field in fields:
            future |= Q(**{f"{field}__gt": now})
        for row in model._default_manager.filter(future).values_list(*fields).iterator():
            for field, instant in zip(fields, row, strict=True):
                if instant is not None and instant > now:
                    instants.append(instant)
                    if field in countdowns:
                        instants.append(countdown.next_change(instant, now))
    return min(instants)


def seconds_until_next_change(generation: str, stored_instant: float | None = None) -> int:
    """Whole seconds from now until the next clock change (rounded down: a page expires early, never late).

    `stored_instant` is the value already read from the cache under this generation, if any; without it
    the cache is read here, so a page rendered uncached does not recompute it (one query per clock model).
    """
    now = timezone.now()
    instant = stored_instant if stored_instant is not None else cache.get(NEXT_CHANGE_KEY.format(generation=generation))
    if instant is None or instant <= now.timestamp():
        instant = compute_next_change(now).timestamp()
        cache.set(NEXT_CHANGE_KEY.format(generation=generation), instant, min(LONGEST, int(instant - now.timestamp())))
    return max(0, min(LONGEST, int(instant - now.timestamp())))
