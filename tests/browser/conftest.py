"""Chromium (the Debian package) driven by Playwright against pytest-django's live server."""

import os
import shutil
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("CHROMIUM_EXECUTABLE", "/usr/bin/chromium")
# Without these, Chromium keeps trying to reach Google's services, which this closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM}: `make test` installs the Debian package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Every document reports Content-Security-Policy violations to the test as they happen
# (a binding, so nothing is lost when the page navigates away right after).
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation({
        page: document.location.href,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile + ":" + event.lineNumber,
        sample: event.sample,
    });
}, true);
"""


def record_csp_violations(context) -> list:
    """Collect the violations of every page of the browser context (Chromium logs them too)."""
    violations = []
    context.expose_binding("reportCspViolation", lambda source, violation: violations.append(violation))
    context.add_init_script(REPORT_CSP_VIOLATIONS)

    def watch_console(page):
        page.on(
            "console",
            lambda message: (
                violations.append({"page": page.url, "console": message.text})
                if "Content Security Policy" in message.text
                else None
            ),
        )

    context.on("page", watch_console)
    return violations


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context(locale="sr-RS")
    csp_violations = record_csp_violations(context)
    page = context.new_page()
    # Nothing may leave the machine: fail the test on any request to another host.
    outside = []
    local_hosts = {"127.0.0.1", "localhost"}
    page.on("request", lambda r: None if urlparse(r.url).hostname in local_hosts else outside.append(r.url))
    yield page
    context.close()
    assert outside == [], f"requests left the site: {outside}"
    # The site's pages run under the production policy; any violation is a defect of the page.
    assert csp_violations == [], f"Content-Security-Policy violations: {csp_violations}"


@pytest.fixture
def demo_server(live_server, transactional_db, demo_snapshot):
    """The live server on the demo site, put back (committed) for this test and flushed after it."""
    from tests.demo_snapshot import restore

    restore(demo_snapshot)
    return live_server.url


@pytest.fixture
def assert_accessible():
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check
