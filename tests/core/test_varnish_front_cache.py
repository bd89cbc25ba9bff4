"""A real Varnish with the shipped configuration (deploy/varnish/default.vcl) in front of the Procfile's
web process (gunicorn, production settings) with FRONTEND_CACHE_URL pointing at it: a page is served
from Varnish, an open consultation's page with its comment form too (its form tokens never), an editor
publishes an edit through the admin, and the next visitor gets the new text."""

import contextlib
import http.client
import http.server
import itertools
import json
import os
import subprocess
import sys
import threading

import lxml.html
import pytest
import requests

from tests.core.front_cache_site import INTRO
from tests.faults.browser import signed_in_editor
from tests.procfile_server import PROJECT, free_port, procfile_process, production_env
from tools.varnish import VARNISHD, run_varnish

NEW_INTRO = "Вести Канцеларије, нови увод после објаве."
NEW_INTRO_LATIN = "Vesti Kancelarije, novi uvod posle objave."
TIMEOUT = 30


@contextlib.contextmanager
def own_database(tmp_path, template):
    """A database of the test's own: on the PostgreSQL of DATABASE_URL when the suite runs there (a copy of the
    run's migrated `template`), else a SQLite file."""
    server = os.environ.get("DATABASE_URL", "")
    if server.startswith(("postgres://", "postgresql://")):
        from tests.load.harness import private_database

        with private_database(server, template) as url:
            yield url
    else:
        yield f"sqlite:///{tmp_path / 'front-cache.sqlite3'}"


def seed(env: dict[str, str]) -> dict:
    seeded = subprocess.run(
        [sys.executable, "-m", "tests.core.front_cache_site"], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert seeded.returncode == 0, seeded.stderr[-4000:]
    return json.loads(seeded.stdout.rsplit("SEED ", 1)[1])


def visit(base_url: str, path: str) -> requests.Response:
    answer = requests.get(base_url + path, timeout=TIMEOUT, allow_redirects=False)
    assert answer.status_code == 200, (path, answer.status_code)
    return answer


def publish_intro_through_the_admin(editor, page_id: int, intro: str) -> None:
    """Open the page's edit form as the editor's browser does, change the intro and press Publish."""
    edit_path = f"/admin/pages/{page_id}/edit/"
    form_page = editor.get(edit_path)
    assert form_page.status_code == 200
    form = lxml.html.fromstring(form_page.text).get_element_by_id("page-edit-form")
    fields = dict(form.form_values())
    fields.update(intro=intro, **{"action-publish": "action-publish"})
    answer = editor.post(edit_path, fields)
    assert answer.status_code == 302, answer.text[-2000:]


@pytest.mark.skipif(not os.path.exists(VARNISHD), reason="Debian's varnish is not installed (`make test` installs it)")
def test_varnish_serves_a_cached_page_and_the_next_visitor_sees_an_edit_published_in_the_admin(
    tmp_path, migrated_template
):
    web_port, varnish_port = free_port(), free_port()
    varnish_url = f"http://127.0.0.1:{varnish_port}"
    with own_database(tmp_path, migrated_template) as database_url:
        env = production_env(DATABASE_URL=database_url, PORT=str(web_port), FRONTEND_CACHE_URL=varnish_url)
        site = seed(env)
        with procfile_process("web", env), run_varnish(web_port, varnish_port) as front:
            assert front == varnish_url
            for path in site["urls"].values():
                first, second = visit(front, path), visit(front, path)
                assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("MISS", "HIT")
                assert len(second.headers["X-Varnish"].split()) == 2  # this request's id and the stored copy's
                assert "s-maxage=" in second.headers["Cache-Control"]
            assert INTRO in visit(front, site["urls"]["sr-cyrl"]).text
            an_open_consultation_is_shared_and_its_form_tokens_never_are(front, site)

            editor = signed_in_editor(front, *site["editor"])  # through Varnish, as an editor's browser goes
            publish_intro_through_the_admin(editor, site["index"], NEW_INTRO)

            cyrillic = visit(front, site["urls"]["sr-cyrl"])
            assert NEW_INTRO in cyrillic.text and INTRO not in cyrillic.text
            latin = visit(front, site["urls"]["sr-latn"])
            assert NEW_INTRO_LATIN in latin.text
            assert visit(front, site["urls"]["sr-cyrl"]).headers["X-Cache"] == "HIT"  # cached again after the change


def an_open_consultation_is_shared_and_its_form_tokens_never_are(front: str, site: dict) -> None:
    first, second = visit(front, site["consultation"]), visit(front, site["consultation"])
    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("MISS", "HIT")
    assert "Set-Cookie" not in second.headers and 'name="form_token"' in second.text
    assert "csrfmiddlewaretoken" not in second.text and "data-challenge=" not in second.text
    tokens = [visit(front, site["form_token"]) for _visitor in range(2)]
    assert [answer.headers["X-Cache"] for answer in tokens] == ["MISS", "MISS"]
    assert tokens[0].json()["form_token"] != tokens[1].json()["form_token"]
    assert all(answer.json()["form_token"] not in second.text for answer in tokens)


class Backend(http.server.BaseHTTPRequestHandler):
    """A stand-in app: /public is shareable, /cookie sets a cookie, /private is private; each answer is numbered."""

    answers = itertools.count(1)

    def do_GET(self):
        headers = {"Cache-Control": "public, max-age=60, s-maxage=600"}
        if self.path.startswith("/cookie"):
            headers["Set-Cookie"] = "csrftoken=abc; Path=/"
        if self.path.startswith("/private"):
            headers["Cache-Control"] = "private, no-store"
        body = f"answer {next(self.answers)}".encode()
        self.send_response(200)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def stand_in_app():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Backend)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def ask(front: str, method: str, path: str, source: str = "127.0.0.1", headers: dict | None = None) -> tuple:
    """One request from the loopback address `source` (all of 127.0.0.0/8 is this machine)."""
    host, port = front.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=TIMEOUT, source_address=(source, 0))
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheader("X-Cache"), response.read().decode()
    finally:
        connection.close()


@pytest.mark.skipif(not os.path.exists(VARNISHD), reason="Debian's varnish is not installed (`make test` installs it)")
def test_the_shipped_vcl_purges_only_for_this_machine_and_never_shares_per_visitor_answers():
    with stand_in_app() as app_port, run_varnish(app_port) as front:
        cached = ask(front, "GET", "/public")[2]
        assert ask(front, "GET", "/public")[1:] == ("HIT", cached)
        # PURGE and BAN from another address are refused; the copy stays.
        assert ask(front, "PURGE", "/public", source="127.0.0.2")[0] == 405
        assert ask(front, "BAN", "/", source="127.0.0.2", headers={"X-Ban-Url": "^/"})[0] == 405
        assert ask(front, "GET", "/public")[1:] == ("HIT", cached)
        # From the app's machine they work.
        assert ask(front, "PURGE", "/public")[0] == 200
        refreshed = ask(front, "GET", "/public")
        assert refreshed[1] == "MISS" and refreshed[2] != cached
        assert ask(front, "BAN", "/", headers={"X-Ban-Url": "^/"})[0] == 200
        assert ask(front, "GET", "/public")[1] == "MISS"
        # A visitor with a session or a CSRF cookie goes to the app; so do answers setting a cookie or private ones.
        for cookie in ("__Host-sessionid=x", "sessionid=x", "csrftoken=y"):
            assert ask(front, "GET", "/public", headers={"Cookie": cookie})[1] == "MISS"
        for path in ("/cookie", "/private"):
            bodies = {ask(front, "GET", path)[2] for _time in range(2)}
            assert len(bodies) == 2, path
        # Any other cookie is dropped: the visitor gets the shared copy.
        assert ask(front, "GET", "/public", headers={"Cookie": "_ga=1"})[1] == "HIT"
