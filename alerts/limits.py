"""How many subscription requests one network address and one mailbox may send in an hour.

Each request sends an e-mail to an address somebody typed: the limits keep the form from being used
to flood a stranger's mailbox. Counted in the cache under keyed hashes, as the comment limits are.
"""

import time

from django.core.cache import cache

from consultations.rate_limits import client_address, keyed, mailbox

HOUR = 60 * 60
LIMITS = {"ip": 20, "email": 3}


def count(kind: str, value: str) -> int | None:
    """Count one request; None while within the limit, else the seconds until the hour's window ends."""
    now = time.time()
    key = f"alert-rate:{kind}:{keyed(value)}:{int(now // HOUR)}"
    cache.add(key, 0, HOUR)
    try:
        sent = cache.incr(key)
    except ValueError:
        cache.set(key, 1, HOUR)
        sent = 1
    return None if sent <= LIMITS[kind] else max(1, int(HOUR - now % HOUR))


def refused(request, email: str) -> int | None:
    return count("ip", client_address(request)) or count("email", mailbox(email))
