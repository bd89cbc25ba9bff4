"""Rate limits and the proof of work on the comment form: robots pay, a shared office network does not."""

import base64
import datetime
import hashlib
import json
import re
import secrets

import pytest
from freezegun import freeze_time

from django.test import RequestFactory

from consultations import rate_limits
from consultations.models import Comment
from tests.consultations.factories import ConsultationPageFactory
from tests.consultations.helpers import (
    comment_data,
    fetched_form_parts,
    form_token_url,
    post_comment,
    solve_independently,
)
from tests.module_rows import once_per_module

pytestmark = pytest.mark.django_db

HOUR = rate_limits.HOUR


@once_per_module
def consultation(module_rows):
    return ConsultationPageFactory(home=module_rows.home_page(), title="Нацрт одлуке о ограничењима", article_count=3)


def distinct(page, n: int, **overrides) -> dict:
    """Comment n of a busy day: its own text and its own sender."""
    fields = {
        "justification": f"Образложење број {n}: рок од 15 дана је прекратак за мала удружења.",
        "contact_email": f"clan{n}@savez.example",
    }
    return comment_data(page, **{**fields, **overrides})


def opened_form(client, page) -> tuple[str, dict]:
    """Start on the form a minute ago (past the minimum fill time): the token and proof-of-work challenge
    its script fetched."""
    with freeze_time(datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)):
        return fetched_form_parts(client, page)


# --- 429 with Retry-After ----------------------------------------------------------------------


def first_comment_of_the_hour_from_ana(client, consultation, monkeypatch):
    """One comment an hour per address, and that one sent from ana@savez.example (accepted)."""
    monkeypatch.setitem(rate_limits.RATE_LIMITS, "email", (1, HOUR))
    first = post_comment(client, consultation, distinct(consultation, 1, contact_email="ana@savez.example"))
    assert first.status_code == 200


def test_a_rate_limited_comment_answers_429_with_retry_after_and_keeps_the_text(client, consultation, monkeypatch):
    first_comment_of_the_hour_from_ana(client, consultation, monkeypatch)

    refused = post_comment(client, consultation, distinct(consultation, 2, contact_email="ana@savez.example"))

    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= HOUR
    content = refused.content.decode()
    assert "Too many comments were sent from here" in content or "превише коментара" in content
    assert "Образложење број 2" in content, "the typed text stays in the form"
    assert Comment.objects.count() == 1


def test_the_rate_limit_message_is_translated(client, consultation, monkeypatch):
    monkeypatch.setitem(rate_limits.RATE_LIMITS, "email", (0, HOUR))
    refused = post_comment(client, consultation, distinct(consultation, 1))
    assert refused.status_code == 429
    assert "Одавде је за кратко време послато превише коментара" in refused.content.decode()


def test_retry_after_counts_the_seconds_left_in_the_hour(monkeypatch):
    monkeypatch.setitem(rate_limits.RATE_LIMITS, "email", (1, HOUR))
    at = 1_800_000_000 + 15 * 60  # a quarter past an hour
    assert rate_limits.count("email", "a@b.example", now=at) is None
    assert rate_limits.count("email", "a@b.example", now=at + 1) == 45 * 60 - 1


# --- plus-addressing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "mailbox"),
    [
        ("Name+1@Example.org", "name@example.org"),
        ("name+campaign+2@example.org", "name@example.org"),
        ("first.last@example.org", "first.last@example.org"),
        ("First.Last+x@GoogleMail.com", "firstlast@gmail.com"),
        ("f.i.r.s.t@gmail.com", "first@gmail.com"),
    ],
)
def test_one_mailbox_is_one_key_for_the_limit(address, mailbox):
    assert rate_limits.mailbox(address) == mailbox


def test_plus_addressing_does_not_escape_the_per_email_limit(client, consultation, monkeypatch):
    first_comment_of_the_hour_from_ana(client, consultation, monkeypatch)
    refused = post_comment(client, consultation, distinct(consultation, 2, contact_email="Ana+2@Savez.example"))
    assert refused.status_code == 429
    assert Comment.objects.count() == 1


# --- the visitor's address behind the proxy ----------------------------------------------------


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


def test_without_trusted_proxies_a_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert rate_limits.client_address(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_behind_one_trusted_proxy_the_address_it_saw_counts_not_what_the_visitor_wrote(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    assert rate_limits.client_address(request_from(proxy, "198.51.100.1")) == "198.51.100.1"
    # The visitor sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the address it saw.
    assert rate_limits.client_address(request_from(proxy, "6.6.6.6, 198.51.100.1")) == "198.51.100.1"
    # Two proxies in the chain: the outer one's view is second from the right.
    settings.TRUSTED_PROXY_COUNT = 2
    assert rate_limits.client_address(request_from(proxy, "6.6.6.6, 198.51.100.1, 10.0.0.9")) == "198.51.100.1"


def test_a_missing_or_malformed_forwarded_header_falls_back_to_the_connecting_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert rate_limits.client_address(request_from("10.0.0.2")) == "10.0.0.2"
    assert rate_limits.client_address(request_from("10.0.0.2", "not-an-address")) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 2
    assert rate_limits.client_address(request_from("10.0.0.2", "198.51.100.1")) == "10.0.0.2"


def test_visitors_behind_the_trusted_proxy_have_their_own_limits(client, consultation, settings, monkeypatch):
    settings.TRUSTED_PROXY_COUNT = 1
    monkeypatch.setitem(rate_limits.RATE_LIMITS, "ip-without-proof", (1, HOUR))
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    assert (
        post_comment(
            client, consultation, distinct(consultation, 1), HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy
        ).status_code
        == 200
    )
    assert (
        post_comment(
            client, consultation, distinct(consultation, 2), HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy
        ).status_code
        == 200
    )
    again = post_comment(client, consultation, distinct(consultation, 3), HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)
    assert again.status_code == 429


def test_a_spoofed_forwarded_header_does_not_reset_the_limit(client, consultation, settings, monkeypatch):
    settings.TRUSTED_PROXY_COUNT = 0
    monkeypatch.setitem(rate_limits.RATE_LIMITS, "ip-without-proof", (1, HOUR))
    assert (
        post_comment(client, consultation, distinct(consultation, 1), HTTP_X_FORWARDED_FOR="198.51.100.1").status_code
        == 200
    )
    spoofed = post_comment(client, consultation, distinct(consultation, 2), HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert spoofed.status_code == 429


# --- a shared office on the last day, and the proof of work ------------------------------------


def test_a_shared_network_sends_a_busy_last_day_with_the_proof_of_work():
    address = "198.51.100.77"
    # A federation's office: 40 organisations, a few comments each, within one hour.
    assert all(rate_limits.count("ip", address) is None for _ in range(200))
    # Each organisation comments on every article of a long draft.
    assert all(rate_limits.count("email", "office@savez.example") is None for _ in range(30))


def test_without_the_proof_of_work_an_address_has_the_stricter_limit():
    address = "198.51.100.78"
    assert all(rate_limits.count("ip-without-proof", address) is None for _ in range(20))
    assert rate_limits.count("ip-without-proof", address) is not None


def test_a_solution_from_an_independent_implementation_is_accepted(client, consultation, monkeypatch):
    # Nothing without a proof gets through, so an accepted comment proves the solution was checked.
    monkeypatch.setitem(rate_limits.RATE_LIMITS, "ip-without-proof", (0, HOUR))
    token, challenge = opened_form(client, consultation)

    response = post_comment(
        client, consultation, distinct(consultation, 1, form_token=token, proof=solve_independently(challenge))
    )

    assert response.status_code == 200
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("spoil", ["nothing", "garbage", "wrong number", "other form", "forged signature"])
def test_a_submission_without_a_valid_solution_falls_under_the_stricter_limit(client, consultation, monkeypatch, spoil):
    monkeypatch.setitem(rate_limits.RATE_LIMITS, "ip-without-proof", (0, HOUR))
    token, challenge = opened_form(client, consultation)
    payload = json.loads(base64.b64decode(solve_independently(challenge)))
    if spoil == "wrong number":
        payload["number"] += 1
    if spoil == "forged signature":
        payload["signature"] = hashlib.sha256(b"not the site's key").hexdigest()
    proof = base64.b64encode(json.dumps(payload).encode()).decode()
    if spoil == "other form":  # a solution is good for the form it was issued for, only
        token, _ = opened_form(client, consultation)
    proof = {"nothing": "", "garbage": secrets.token_urlsafe(40)}.get(spoil, proof)

    response = post_comment(client, consultation, distinct(consultation, 1, form_token=token, proof=proof))

    assert response.status_code == 429
    assert Comment.objects.count() == 0


def test_the_form_offers_the_challenge_and_a_static_solver_without_inline_script(client, consultation):
    content = client.get(consultation.url).content.decode()
    # The shared page names where its script gets the challenge; the challenge itself is one visitor's.
    assert 'name="proof"' in content and "data-challenge=" not in content
    assert f'data-token-url="{form_token_url(consultation)}"' in content
    assert set(fetched_form_parts(client, consultation)[1]) >= {"algorithm", "challenge", "salt", "signature"}
    assert re.search(r'<script src="[^"]*js/comment-proof\.js" data-worker="[^"]*js/comment-proof-worker\.js"', content)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", content), "no inline script (the CSP forbids it)"
    assert 'id="comment-proof-note"' in content, "visitors without JavaScript are told about the stricter limit"
