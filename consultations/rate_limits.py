"""How many comments one network address and one e-mail address may send in an hour.

The limits are set for a consultation's last day, when a coworking space or a federation's
office sends dozens of comments from one address: people whose browser solved the proof of
work (``proof_of_work.py``) share a generous per-address limit; forms sent without it (no
JavaScript, or a robot) share a stricter one. Addresses are kept only as keyed hashes.
"""

import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import caches
from django.utils.connection import ConnectionProxy

HOUR = 60 * 60
# kind: (comments, seconds)
RATE_LIMITS = {
    "ip": (300, HOUR),
    "ip-without-proof": (20, HOUR),
    "email": (30, HOUR),
}
# Providers that ignore dots in the local part: "a.b@gmail.com" reaches "ab@gmail.com".
DOTLESS_DOMAINS = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


def client_address(request) -> str:
    """The visitor's address: the connecting one, or the one the site's own proxies pass on.

    Anybody can send an X-Forwarded-For header, so it is read only when TRUSTED_PROXY_COUNT
    says how many proxies of ours stand in front of the site. Each of them appends the address
    it received the request from, so the visitor's address is the N-th entry from the right;
    whatever stands further left was written by the visitor and is ignored. (django-ipware
    counts proxies differently, expecting each proxy's own address in the header as well.)
    """
    remote = request.META.get("REMOTE_ADDR", "")
    hops = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if hops <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < hops:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-hops]))
    except ValueError:
        return remote


def mailbox(address: str) -> str:
    """One key per mailbox: lower case, without a "+tag" (and without dots where the provider ignores them)."""
    local, at, domain = address.strip().lower().rpartition("@")
    if not at:
        return address.strip().lower()
    local = local.split("+", 1)[0]
    if domain in DOTLESS_DOMAINS:
        local, domain = local.replace(".", ""), DOTLESS_DOMAINS[domain]
    return f"{local}@{domain}"


# One count for every gunicorn worker: Redis with CACHE_URL, else a private folder of files on the machine
# (cso_site/settings/environment.py), as the API's throttle counts.
cache = ConnectionProxy(caches, "rate_limits")


def keyed(value: str) -> str:
    """A value hashed with the site's secret: counts without keeping addresses."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]


def count(kind: str, value: str, now: float | None = None) -> int | None:
    """Count one comment for `value`; None while within the limit, else the seconds until it resets.

    Fixed windows (the hour since the epoch), so the wait can be told to the visitor exactly.
    """
    limit, window = RATE_LIMITS[kind]
    now = time.time() if now is None else now
    cache_key = f"comment-rate:{kind}:{keyed(value)}:{int(now // window)}"
    cache.add(cache_key, 0, window)
    try:
        sent = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window)
        sent = 1
    if sent <= limit:
        return None
    return max(1, int(window - now % window))
