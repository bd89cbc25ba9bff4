"""The browser enforces the site's Content-Security-Policy, and the browser tests see every violation."""

from tests.browser.conftest import record_csp_violations
from tests.factories import SiteHomePageFactory

INJECTED = '<script>document.title = "injected";</script><p style="color: red">injected</p></body>'


def wait_for(condition, page, timeout_ms=5000):
    for _ in range(timeout_ms // 100):
        if condition():
            return
        page.wait_for_timeout(100)


def test_inline_script_and_style_in_a_site_page_are_blocked_and_reported(chromium, live_server, transactional_db):
    SiteHomePageFactory()
    context = chromium.new_context()
    violations = record_csp_violations(context)
    page = context.new_page()

    def inject_inline_markup(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("</body>", INJECTED))

    page.route(f"{live_server.url}/sr-cyrl/", inject_inline_markup)
    response = page.goto(f"{live_server.url}/sr-cyrl/")
    wait_for(lambda: len(violations) >= 4, page)  # two events, two console reports
    title = page.title()
    context.close()

    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert title != "injected", "the inline script ran"
    directives = {violation.get("directive") for violation in violations}
    assert {"script-src-elem", "style-src-attr"} <= directives, violations
    assert any("console" in violation for violation in violations), "Chromium's console reports are watched too"


def test_the_api_documentation_renders_its_operations_under_the_sites_policy(chromium, live_server, transactional_db):
    # Swagger UI comes from local files (drf-spectacular-sidecar); nothing may be blocked on its way.
    context = chromium.new_context()
    violations = record_csp_violations(context)
    page = context.new_page()
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    context.close()

    assert any("/api/v1/comments/" in path for path in paths), paths
    assert violations == []
