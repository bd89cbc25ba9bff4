"""PostgreSQL stops (immediate mode) under the running site, then starts again.

Visitors get a 503 page in their language with Retry-After, never a stack trace and never
a "thank you" (pages already in the page cache are still served from it); once PostgreSQL
is back the same gunicorn workers answer normally within 5 s.
"""

import time

from tests.faults.browser import Browser, CommentingVisitor
from tests.procfile_server import procfile_process

RECOVERY_LIMIT_SECONDS = 5
# What each language's 503 page says (templates/503.html) and what a received comment says.
UNAVAILABLE = {
    "sr-cyrl": "Сајт је привремено недоступан",
    "sr-latn": "Sajt je privremeno nedostupan",
    "en": "The site is temporarily unavailable",
}
HTML_LANG = {"sr-cyrl": '<html lang="sr-Cyrl">', "sr-latn": '<html lang="sr-Latn">', "en": '<html lang="en">'}
RECEIVED = ("Проверите е-пошту", "Proverite e-poštu", "Check your e-mail")


def stored_comments_from(fault_site, emails: list[str]) -> int:
    return fault_site.query("SELECT count(*) FROM consultations_comment WHERE contact_email = ANY(%s)", (emails,))[0][0]


def assert_unavailable_page(response, language: str) -> None:
    assert response.status_code == 503, (language, response.status_code, response.text[:500])
    assert int(response.headers["Retry-After"]) > 0
    assert UNAVAILABLE[language] in response.text
    assert HTML_LANG[language] in response.text
    assert "Traceback" not in response.text and "OperationalError" not in response.text
    assert not any(thanks in response.text for thanks in RECEIVED)


def seconds_until_answering_normally(base_url: str, paths: list[str], limit: float) -> float:
    """From now until every path answers 200 on a run of requests (each gunicorn worker served some)."""
    started = time.monotonic()
    browser = Browser(base_url)
    while time.monotonic() - started < limit * 4:
        answers = [browser.get(path).status_code for path in paths * 3]
        if all(status == 200 for status in answers):
            return time.monotonic() - started
        time.sleep(0.1)
    raise AssertionError(f"the site did not answer normally within {limit * 4} s of PostgreSQL being back")


def test_postgresql_stopping_gives_visitors_a_503_in_their_language_and_the_site_recovers_within_5_seconds(
    fault_site,
):
    with procfile_process("web", fault_site.env) as web:
        visitors = {
            language: CommentingVisitor(web.base_url, path, 100 + number, fault_site.articles[0])
            for number, (language, path) in enumerate(fault_site.urls.items())
        }
        for visitor in visitors.values():
            visitor.open_form()  # forms opened before the outage, sent during it
        paths = list(fault_site.urls.values())
        seconds_until_answering_normally(web.base_url, paths, RECOVERY_LIMIT_SECONDS)  # both workers connected

        fault_site.database.stop_immediately()
        try:
            for language, path in fault_site.urls.items():
                # The page itself may still come from the worker's page cache (it was read above); a page
                # not cached yet needs the database.
                shared = Browser(web.base_url).get(path)
                if shared.status_code != 503:
                    assert shared.status_code == 200 and shared.headers["X-Page-Cache"] == "hit", shared.status_code
                assert_unavailable_page(Browser(web.base_url).get(f"{path}?outage=1"), language)
                assert_unavailable_page(visitors[language].send(), language)
        finally:
            fault_site.database.start()  # pg_ctl start -w: returns once PostgreSQL accepts connections
        recovery = seconds_until_answering_normally(web.base_url, paths, RECOVERY_LIMIT_SECONDS)
        print(f"\nthe site answered normally {recovery:.2f} s after PostgreSQL was back")  # noqa: T201
        assert recovery <= RECOVERY_LIMIT_SECONDS

        emails = [visitor.typed["contact_email"] for visitor in visitors.values()]
        assert stored_comments_from(fault_site, emails) == 0, "nothing sent during the outage was stored"
        # The same forms sent again after the outage are received, once each.
        for visitor in visitors.values():
            answer = visitor.send()
            assert answer.status_code == 200 and any(thanks in answer.text for thanks in RECEIVED)
        assert stored_comments_from(fault_site, emails) == len(visitors)
