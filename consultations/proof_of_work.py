"""A small proof of work on the comment form, so robots pay for volume while people share a network freely.

The ALTCHA protocol (``altcha`` on PyPI, its v1 challenge): the server signs a challenge
``sha256(salt + number)`` with an HMAC of the site's secret; the visitor's browser finds
``number`` by trying 0, 1, 2… (``static_src/js/comment-proof.js``, in a Web Worker, while
the visitor types) and sends it back in a hidden field. Checking it costs the server one
hash and one HMAC. The salt carries the form token and an expiry, so one solution serves
one form only. Visitors without JavaScript can still comment: their comments fall under a
stricter per-address limit (see ``rate_limits.RATE_LIMITS``).
"""

import base64
import binascii
import datetime
import json

import altcha

from django.conf import settings

# About 50,000 SHA-256 hashes on average: well under a second in a current browser,
# a few seconds on an old phone (while its owner types), a real cost per comment for a robot.
MAX_NUMBER = 100_000
HMAC_SALT = "consultations.comment-proof"


def _key() -> str:
    return f"{HMAC_SALT}:{settings.SECRET_KEY}"


def new_challenge(token: dict, max_age: int) -> str:
    """The challenge for the form with this (already verified) form token, as JSON for the page."""
    expires = datetime.datetime.fromtimestamp(token["at"] + max_age, tz=datetime.UTC)
    challenge = altcha.create_challenge_v1(
        hmac_key=_key(), max_number=MAX_NUMBER, expires=expires, params={"form": token["t"]}
    )
    return json.dumps(challenge.to_dict())


def is_solved(payload: str, token: dict) -> bool:
    """True when `payload` solves, in time, a challenge this site issued for this very form."""
    if not payload or len(payload) > 2000:
        return False
    try:
        solved, _error = altcha.verify_solution_v1(payload, _key(), check_expires=True)
        if not solved:
            return False
        # The signature covers the salt, so the form named in it is the one the challenge was made for.
        form = altcha.extract_params_v1(json.loads(base64.b64decode(payload).decode())).get("form", [])
    except (ValueError, TypeError, AttributeError, binascii.Error):
        return False
    return form == [token["t"]]
