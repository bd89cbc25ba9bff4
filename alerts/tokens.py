"""The secret links of a subscription: confirm, manage, unsubscribe; no account needed.

A link carries the subscription's number and an HMAC of (purpose, number, the subscription's
random link key) under SECRET_KEY: it cannot be guessed or forged without the secret, one
purpose's link does not open another's page, and replacing the link key (on erasure) ends
every link sent before. Nothing to store per e-mail, so every alert can carry the links.
"""

import base64
import hashlib
import hmac

from django.conf import settings

CONFIRM, MANAGE, UNSUBSCRIBE = "confirm", "manage", "unsubscribe"


def link_token(subscription, purpose: str) -> str:
    message = f"alerts:{purpose}:{subscription.pk}:{subscription.link_key}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:24]).decode()


def is_valid(subscription, purpose: str, token: str) -> bool:
    return hmac.compare_digest(link_token(subscription, purpose), token or "")
