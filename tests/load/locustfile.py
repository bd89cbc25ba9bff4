"""The load scenario: organisations commenting on a consultation in its last hour (Locust).

Each simulated organisation, as a person in a browser would:
1. opens the consultation page (the form, its single-use token and its proof-of-work challenge);
2. solves the proof of work honestly (what the page's Web Worker does), and sends a comment on an
   article, one in ten with a PDF attachment generated here with content of its own (so its SHA-256
   is unique);
3. finds the confirmation e-mail the site sent over SMTP to its own address (the sink of
   tests/load/smtp_sink.py), opens the link and presses "Confirm";
4. opens its receipt and reads its tracking number.

What it was given is appended to a JSON-lines log (LOAD_LOG): one line per organisation (address,
tracking number, attachment SHA-256) and, at the end, the count of answers by HTTP status. That log
is what tests/load/reconcile.py compares with the database and the bucket.

Run by tests/load/harness.py (``make load``), which sets:
  LOAD_PAGE          the consultation's path, e.g. /sr-cyrl/konsultacije/nacrt/
  LOAD_MAIL_DIR      the sink's directory of messages
  LOAD_LOG           where to write the log
  LOAD_COMMENTS_PER_USER   how many organisations each Locust user plays in turn (default 20)

Every organisation comes through the site's (simulated) proxy with an address of its own
(X-Forwarded-For, read because the server runs with TRUSTED_PROXY_COUNT=1), as organisations
on the Internet do; the per-address limits are then those of production.

The production cookies are ``__Host-`` and Secure. Nothing terminates TLS here, so each user's cookie
jar has a policy that also sends Secure cookies over plain http to this 127.0.0.1 server (a browser
would refuse, which is why a real deployment sits behind a TLS proxy). FastHttpUser, because its
session uses that jar as it is (python-requests copies cookies into a jar with the default policy
before each request, which drops Secure cookies over http) and because it costs the generator,
which shares the server's cores, several times less CPU per request.
"""

import base64
import hashlib
import http.cookiejar
import itertools
import json
import os
import re
import secrets
import time
import urllib.parse
from collections import Counter
from pathlib import Path

import altcha
import gevent
import urllib3
from fpdf import FPDF
from locust import FastHttpUser, events, task
from locust.exception import StopUser

from core.registry_numbers import with_check_digit
from tests.load.smtp_sink import messages_to

PAGE = os.environ.get("LOAD_PAGE", "/")
MAIL_DIR = Path(os.environ.get("LOAD_MAIL_DIR", ".services/mail"))
LOG = Path(os.environ.get("LOAD_LOG", "load-log.jsonl"))
COMMENTS_PER_USER = int(os.environ.get("LOAD_COMMENTS_PER_USER", "20"))
ATTACHMENT_EVERY = 10
MAIL_WAIT_SECONDS = 30
RUN = secrets.token_hex(3)

FORM_TOKEN_ROUTE = "token-obrasca/"  # the consultation page's uncached form-token route
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ARTICLE = re.compile(r'<option value="(\d+)"')
CONFIRM_LINK = re.compile(r"https?://\S+/potvrda/[^/\s]+/")
TRACKING_NUMBER = re.compile(r"JK-[A-Z2-9]{5}-[A-Z2-9]{5}")

organisation_numbers = itertools.count(1)
statuses: Counter = Counter()
latencies: dict[str, list[float]] = {}  # milliseconds, by request name
finished_users = 0
log_file = None


def log(entry: dict) -> None:
    log_file.write(json.dumps(entry) + "\n")
    log_file.flush()


@events.test_start.add_listener
def open_log(environment, **_kwargs):
    global log_file
    LOG.parent.mkdir(parents=True, exist_ok=True)
    log_file = LOG.open("a", encoding="utf-8")


@events.request.add_listener
def count_status(name, response_time, response=None, **_kwargs):
    # A request that got no HTTP answer at all (refused, reset, timed out) counts as "no-answer".
    code = getattr(response, "status_code", 0) if response is not None else 0
    statuses[str(code or "no-answer")] += 1
    latencies.setdefault(name, []).append(round(response_time, 1))


@events.test_stop.add_listener
def close_log(environment, **_kwargs):
    if log_file and not log_file.closed:
        log({"statuses": dict(statuses), "latencies": latencies})
        log_file.close()


def solve(challenge: dict) -> tuple[str, float]:
    """The ALTCHA payload solving `challenge` (what the browser's worker computes) and the CPU seconds it took."""
    started = time.process_time()
    solution = altcha.solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    spent = time.process_time() - started
    if solution is None:
        raise AssertionError("the proof-of-work challenge has no solution in its range")
    payload = {key: challenge[key] for key in ("algorithm", "challenge", "salt", "signature")}
    payload["number"] = solution.number
    return base64.b64encode(json.dumps(payload).encode()).decode(), spent


def attachment_pdf(organisation: str) -> bytes:
    """A small real PDF whose content (and so its SHA-256) is this organisation's own."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, f"Attachment of {organisation}\nNonce {secrets.token_hex(16)}")
    return bytes(pdf.output())


def address_of(number: int) -> str:
    """A distinct address per organisation, in the private range 10.0.0.0/8 (never routed anywhere)."""
    return f"10.{(number >> 16) & 255}.{(number >> 8) & 255}.{number & 255}"


class Organisation(FastHttpUser):
    """One Locust user plays COMMENTS_PER_USER organisations, one after another."""

    def on_start(self):
        self.played = 0
        self.client.cookiejar.set_policy(http.cookiejar.DefaultCookiePolicy(secure_protocols=("https", "wss", "http")))

    @task
    def comment_confirm_and_read_receipt(self):
        if self.played >= COMMENTS_PER_USER:
            self.finish()
        self.played += 1
        number = next(organisation_numbers)
        # A fresh browser per organisation: its own cookies, its own address.
        self.client.cookiejar.clear()
        self.headers = {"X-Forwarded-For": address_of(number)}
        entry = {"organisation": number, "email": f"org{number}-{RUN}@load.example"}
        try:
            self.play(entry)
        finally:
            log(entry)

    def play(self, entry: dict) -> None:
        entry["opened_at"] = time.time()
        page = self.client.get(PAGE, name="open consultation", headers=self.headers)
        if page.status_code != 200:
            entry["failed"] = f"open consultation: {page.status_code}"
            return
        # The page is shared (page cache, Varnish): its script fetches this visitor's token and challenge.
        parts = self.client.get(PAGE + FORM_TOKEN_ROUTE, name="form token", headers=self.headers)
        if parts.status_code != 200:
            entry["failed"] = f"form token: {parts.status_code}"
            return
        token, challenge = parts.json()["form_token"], parts.json()["challenge"]
        proof, entry["proof_cpu_seconds"] = solve(challenge)
        body, content_type = urllib3.encode_multipart_formdata(self.comment(entry, page.text, token, proof))
        headers = {**self.headers, "Content-Type": content_type}
        sent = self.client.post(PAGE, data=body, headers=headers, name="send comment")
        entry["sent_status"] = sent.status_code
        if sent.status_code != 200:
            entry["failed"] = f"send comment: {sent.status_code}"
            return
        entry["sent_at"] = time.time()
        link = self.confirmation_link(entry["email"])
        if link is None:
            entry["failed"] = "no confirmation e-mail"
            return
        self.confirm(entry, link)

    def comment(self, entry: dict, form_page: str, token: str, proof: str) -> dict:
        """The form's fields as a browser sends them (multipart), the attachment among them."""
        articles = ARTICLE.findall(form_page)
        number = entry["organisation"]
        data = {
            "form_token": token,
            "proof": proof,
            "website": "",
            "target": articles[number % len(articles)],
            "kind": "change",
            "proposed_wording": f"Рок за пријаве продужити на {30 + number % 30} дана (организација {number}).",
            "justification": f"Образложење организације {number}, пролаз {RUN}: удружењима треба више времена.",
            "respondent_type": "organisation",
            "organisation_name": f"Удружење „Оптерећење {number}“",
            # Made-up numbers the form accepts: the right check digit (core/registry_numbers.py).
            "registration_number": with_check_digit(f"{2800000 + number % 100000:07d}"),
            "tax_id": "",
            "organisation_type": "association",
            "contact_name": "Марија Петровић",
            "contact_email": entry["email"],
            "contact_phone": "+381 21 555 123",
            "consent": "public",
            "privacy": "on",
        }
        if number % ATTACHMENT_EVERY == 0:
            pdf = attachment_pdf(entry["email"])
            entry["attachment_sha256"] = hashlib.sha256(pdf).hexdigest()
            data["attachment"] = (f"prilog-{number}.pdf", pdf, "application/pdf")
        return data

    def confirmation_link(self, address: str) -> str | None:
        """The link in the e-mail the site sent to `address` (sent before it answered, so it is there)."""
        deadline = time.monotonic() + MAIL_WAIT_SECONDS
        while time.monotonic() < deadline:
            for message in messages_to(MAIL_DIR, address):
                found = CONFIRM_LINK.search(message.get_content())
                if found:
                    return found.group(0)
            gevent.sleep(0.05)
        return None

    def confirm(self, entry: dict, link: str) -> None:
        button = self.client.get(link, name="open confirmation link", headers=self.headers)
        if button.status_code != 200:
            entry["failed"] = f"open confirmation link: {button.status_code}"
            return
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": CSRF.search(button.text).group(1)})
        headers = {**self.headers, "Content-Type": "application/x-www-form-urlencoded"}
        confirmed = self.client.post(link, data=body, headers=headers, name="confirm", allow_redirects=False)
        if confirmed.status_code != 302:
            entry["failed"] = f"confirm: {confirmed.status_code}"
            return
        entry["confirmed_at"] = time.time()
        receipt = self.client.get(confirmed.headers["Location"], name="receipt", headers=self.headers)
        found = TRACKING_NUMBER.search(receipt.text) if receipt.status_code == 200 else None
        if found is None:
            entry["failed"] = f"receipt: {receipt.status_code}"
            return
        entry["tracking_number"] = found.group(0)

    def finish(self):
        """This user played all its organisations; the last one to finish ends the run."""
        global finished_users
        finished_users += 1
        if finished_users >= self.environment.runner.target_user_count:
            gevent.spawn_later(0.1, self.environment.runner.quit)
        raise StopUser
