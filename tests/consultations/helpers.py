import base64
import hashlib
import json
import time

from django.core import signing
from django.test import Client, TestCase

from consultations.submission import TOKEN_SALT

# Real published numbers (sources in tests/core/test_registry_numbers.py): Telekom Srbija a.d.'s registration
# number (matični broj) and NIS a.d. Novi Sad's tax number (PIB).
VALID_REGISTRATION_NUMBER = "17162543"
VALID_TAX_NUMBER = "104052135"


def form_token(seconds_ago: int = 60, token: str | None = None) -> str:
    """A server-issued form token, as if the form had been opened `seconds_ago`."""
    import secrets

    return signing.dumps(
        {"t": token or secrets.token_urlsafe(24), "at": int(time.time()) - seconds_ago}, salt=TOKEN_SALT
    )


def form_token_url(page) -> str:
    """The page's never-cached address that hands one visitor a form token and its challenge."""
    return page.url + page.reverse_subpage("form_token")


def fetched_form_parts(client, page) -> tuple[str, dict]:
    """What the form's script fetches when the visitor starts on the (shared, token-less) form."""
    answer = client.get(form_token_url(page), HTTP_ACCEPT="application/json")
    assert answer.status_code == 200, answer.status_code
    parts = answer.json()
    return parts["form_token"], parts["challenge"]


def solve_independently(challenge: dict) -> str:
    """What the browser's worker does, written here again: try n = 0, 1, … until SHA-256(salt + n) matches."""
    for number in range(challenge["maxNumber"] + 1):
        if hashlib.sha256(f"{challenge['salt']}{number}".encode()).hexdigest() == challenge["challenge"]:
            payload = {key: challenge[key] for key in ("algorithm", "challenge", "salt", "signature")}
            return base64.b64encode(json.dumps({**payload, "number": number}).encode()).decode()
    raise AssertionError("no solution in range")


def comment_data(page, **overrides) -> dict:
    article = page.articles.order_by("sort_order").all()[2]
    data = {
        "form_token": form_token(),
        "website": "",
        "target": str(article.pk),
        "kind": "change",
        "proposed_wording": "Рок за подношење пријава је 30 дана.",
        "justification": "Удружењима је потребно више времена да припреме документацију.",
        "respondent_type": "organisation",
        "organisation_name": "Удружење „Зелени Нови Сад“",
        "registration_number": VALID_REGISTRATION_NUMBER,
        "tax_id": "",
        "organisation_type": "association",
        "contact_name": "Марија Петровић",
        "contact_email": "marija@zeleni.example",
        "contact_phone": "+381 21 555 123",
        "consent": "public",
        "privacy": "on",
    }
    data.update(overrides)
    return data


def logged_in(user) -> Client:
    """A browser of the admin, signed in as `user`."""
    client = Client()
    client.force_login(user)
    return client


def post_comment(client, page, data, **extra):
    """Send the comment form to the consultation page, running what waits for the commit (the e-mails)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(page.url, data, **extra)
