"""A plain HTTP visitor and editor of the site under test (no JavaScript), as a fault test needs them.

Production cookies are Secure and `__Host-` prefixed; the test server speaks plain HTTP on
127.0.0.1 (TLS is the proxy's job), so this client keeps and sends its cookies itself.
Each visitor comes from an address of its own (X-Forwarded-For through one trusted proxy),
as a hundred organisations do, so the per-address comment limit counts them apart.
"""

import html
import itertools
import re
import time

import requests

from consultations.submission import MIN_FILL_SECONDS

HIDDEN_INPUT = re.compile(r'<input type="hidden" name="(?P<name>[^"]+)" value="(?P<value>[^"]*)"')
_addresses = itertools.count(10)
TIMEOUT = 60


class Browser:
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.cookies: dict[str, str] = {}
        number = next(_addresses)
        self.address = f"10.{number // 250 % 250}.{number % 250}.7"

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"X-Forwarded-For": self.address, **kwargs.pop("headers", {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(
            method, self.base_url + path, headers=headers, allow_redirects=False, timeout=TIMEOUT, **kwargs
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data: dict, files: dict | None = None, **kwargs) -> requests.Response:
        return self.request("POST", path, data=data, files=files, **kwargs)


def hidden_fields(page_html: str) -> dict[str, str]:
    return {match["name"]: html.unescape(match["value"]) for match in HIDDEN_INPUT.finditer(page_html)}


def comment_fields(number: int, article_pk: int) -> dict[str, str]:
    """What organisation `number` types into the comment form."""
    return {
        "website": "",
        "target": str(article_pk),
        "kind": "change",
        "proposed_wording": f"Рок за подношење пријава је {number + 30} дана.",
        "justification": f"Удружењу број {number} треба више времена за документацију.",
        "respondent_type": "organisation",
        "organisation_name": f"Удружење „Зелени Нови Сад {number}“",
        "registration_number": "17162543",  # Telekom Srbija a.d.'s published number: a valid check digit
        "tax_id": "",
        "organisation_type": "association",
        "contact_name": "Марија Петровић",
        "contact_email": f"udruzenje{number}@zeleni.example",
        "contact_phone": "+381 21 555 123",
        "consent": "public",
        "privacy": "on",
    }


class CommentingVisitor:
    """Opens the consultation page, fills the form, sends it (with a PDF when asked)."""

    def __init__(self, base_url: str, page_path: str, number: int, article_pk: int):
        self.browser = Browser(base_url)
        self.page_path = page_path
        self.typed = comment_fields(number, article_pk)
        self.opened_at = 0.0
        self.form: dict[str, str] = {}

    def open_form(self) -> requests.Response:
        """The page (shared by every visitor, so without a form token), then the token the form's script fetches
        from the page's never-cached route when the visitor starts typing (static_src/js/comment-proof.js)."""
        response = self.browser.get(self.page_path)
        response.raise_for_status()
        parts = self.browser.get(f"{self.page_path}token-obrasca/", headers={"Accept": "application/json"})
        parts.raise_for_status()
        self.form = {**hidden_fields(response.text), "form_token": parts.json()["form_token"], **self.typed}
        self.opened_at = time.monotonic()
        return response

    def send(self, attachment: bytes | None = None) -> requests.Response:
        # The server refuses a form filled faster than a person can (consultations/submission.py).
        time.sleep(max(0.0, MIN_FILL_SECONDS + 0.5 - (time.monotonic() - self.opened_at)))
        files = {"attachment": ("prilog.pdf", attachment, "application/pdf")} if attachment else None
        return self.browser.post(self.page_path, self.form, files=files)


def signed_in_editor(base_url: str, username: str, password: str) -> Browser:
    editor = Browser(base_url)
    login = editor.get("/admin/login/")
    fields = hidden_fields(login.text)
    answer = editor.post("/admin/login/", {**fields, "username": username, "password": password})
    assert answer.status_code == 302, f"the editor could not sign in: {answer.status_code}"
    return editor
