"""The object store stops, or hangs, while comments with attachments and editors' uploads come in.

What must hold (issue 12): a clear error in the visitor's language with everything they typed
kept, a clear error in the admin; no success answer without a stored record; no stored comment
or registry document pointing at a missing file; files left behind swept later.
"""

import collections
import concurrent.futures
import hashlib
import html
import json
import subprocess
import sys
import time

from tests.documents.files import MINIMAL_PDF
from tests.faults.browser import CommentingVisitor, hidden_fields, signed_in_editor
from tests.faults.private_services import BUCKET
from tests.procfile_server import PROJECT, procfile_process

# A hung store must fail a request within seconds (AWS_S3_CLIENT_CONFIG: 2 attempts x 5 s read timeout).
HUNG_STORE_ANSWER_LIMIT = 15
ATTACHMENT_NOT_STORED = {
    "sr-cyrl": "Прилог тренутно није могуће сачувати, па ништа није сачувано.",
    "sr-latn": "Prilog trenutno nije moguće sačuvati, pa ništa nije sačuvano.",
    "en": "We could not store the attachment just now, so nothing was saved.",
}
RECEIVED = ("Проверите е-пошту", "Proverite e-poštu", "Check your e-mail")
# The editor's admin speaks the site's default language (the editor set no other).
FILE_STORE_DOWN = "Складиште датотека није одговорило, па ништа није сачувано. Покушајте поново за неколико минута."


def attachment(number: int) -> bytes:
    return MINIMAL_PDF + f"% comment {number}\n".encode()


def was_received(answer) -> bool:
    return answer.status_code == 200 and any(thanks in answer.text for thanks in RECEIVED)


def assert_refused_with_text_kept(answer, visitor, language: str) -> None:
    assert answer.status_code == 400, (language, answer.status_code)
    page = html.unescape(answer.text)
    assert ATTACHMENT_NOT_STORED[language] in page
    for name in ("proposed_wording", "justification", "organisation_name", "contact_email"):
        assert visitor.typed[name] in page, f"{name} was not kept ({language})"
    assert not was_received(answer)


def open_visitors(fault_site, base_url: str, first_number: int) -> dict[str, CommentingVisitor]:
    visitors = {}
    for offset, (language, path) in enumerate(fault_site.urls.items()):
        visitors[language] = CommentingVisitor(base_url, path, first_number + offset, fault_site.articles[1])
        visitors[language].open_form()
    return visitors


def stored_comments(fault_site) -> dict[str, tuple[str, str]]:
    """contact e-mail -> (attachment key, its recorded SHA-256) of every comment with an attachment."""
    rows = fault_site.query(
        "SELECT contact_email, attachment, attachment_sha256 FROM consultations_comment WHERE attachment <> ''"
    )
    return {email: (key, sha) for email, key, sha in rows}


def assert_every_stored_file_is_in_the_bucket(fault_site) -> None:
    s3, keys = fault_site.s3(), fault_site.object_keys()
    for email, (key, sha256) in stored_comments(fault_site).items():
        assert key in keys, f"the comment of {email} points at a missing file"
        body = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
        assert hashlib.sha256(body).hexdigest() == sha256
    for title, key in fault_site.query("SELECT title, file FROM documents_registrydocument"):
        assert key in keys, f"the document {title!r} points at a missing file"


def test_comments_sent_while_the_object_store_is_down_or_hung_are_refused_clearly_and_kept_for_a_resend(fault_site):
    store = fault_site.store
    with procfile_process("web", fault_site.env) as web:
        before = open_visitors(fault_site, web.base_url, 200)
        during_stop = open_visitors(fault_site, web.base_url, 210)
        # A hung store costs each send up to 10 s: one visitor is enough to show the timeout holds.
        during_freeze = {"sr-cyrl": open_visitors(fault_site, web.base_url, 220)["sr-cyrl"]}
        received = {}
        for language, visitor in before.items():
            answer = visitor.send(attachment(200))
            assert was_received(answer), (language, answer.status_code)
            received[visitor.typed["contact_email"]] = attachment(200)

        refused_pages = {}
        store.stop()
        try:
            for language, visitor in during_stop.items():
                refused_pages[visitor] = visitor.send(attachment(210))
                assert_refused_with_text_kept(refused_pages[visitor], visitor, language)
        finally:
            store.start()

        store.freeze()
        try:
            for language, visitor in during_freeze.items():
                started = time.monotonic()
                refused_pages[visitor] = visitor.send(attachment(220))
                waited = time.monotonic() - started
                assert waited < HUNG_STORE_ANSWER_LIMIT, f"a hung store held the visitor {waited:.1f} s"
                assert_refused_with_text_kept(refused_pages[visitor], visitor, language)
        finally:
            store.thaw()

        emails = {visitor.typed["contact_email"] for visitor in [*during_stop.values(), *during_freeze.values()]}
        assert not emails & stored_comments(fault_site).keys(), "a refused comment was stored"
        # Back: each form as the refusal showed it again, sent with the file chosen again, is received.
        for visitor, refused in refused_pages.items():
            visitor.form = {**hidden_fields(refused.text), **visitor.typed}
            answer = visitor.send(attachment(230))
            assert was_received(answer)
            received[visitor.typed["contact_email"]] = attachment(230)

    stored = stored_comments(fault_site)
    assert received.keys() <= stored.keys(), "a success answer without a stored comment"
    for email, content in received.items():
        assert stored[email][1] == hashlib.sha256(content).hexdigest()
    assert_every_stored_file_is_in_the_bucket(fault_site)


def test_comments_coming_in_as_the_store_stops_and_returns_are_either_stored_with_their_file_or_refused(fault_site):
    """A stream of sends from two visitors at a time, with the store stopped and started under it."""
    with procfile_process("web", fault_site.env) as web:
        path = fault_site.urls["sr-latn"]
        visitors = [CommentingVisitor(web.base_url, path, 300 + n, fault_site.articles[2]) for n in range(16)]
        for visitor in visitors:
            visitor.open_form()
        answers = {}

        def send(visitor):
            answers[visitor] = visitor.send(attachment(visitor_number(visitor)))

        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            sending = [pool.submit(send, visitor) for visitor in visitors]
            while len(answers) < 3:
                time.sleep(0.05)
            fault_site.store.stop()
            time.sleep(1)
            fault_site.store.start()
            for future in sending:
                future.result()

    stored = stored_comments(fault_site)
    outcomes = collections.Counter()
    for visitor, answer in answers.items():
        email = visitor.typed["contact_email"]
        if was_received(answer):
            outcomes["received"] += 1
            assert stored[email][1] == hashlib.sha256(attachment(visitor_number(visitor))).hexdigest()
        else:
            outcomes["refused"] += 1
            assert_refused_with_text_kept(answer, visitor, "sr-latn")
            assert email not in stored, "a refused comment was stored"
    print(f"\ncomments sent across a stop of the store: {dict(outcomes)}")  # noqa: T201
    assert outcomes["received"] >= 3 and outcomes["refused"] >= 1, outcomes
    assert_every_stored_file_is_in_the_bucket(fault_site)


def visitor_number(visitor) -> int:
    return int(visitor.typed["contact_email"].removeprefix("udruzenje").split("@")[0])


def upload_document(editor, title: str, collection: int):
    """The admin's "Add a document" form, sent with a PDF."""
    fields = hidden_fields(editor.get("/admin/documents/add/").text)
    data = {"csrfmiddlewaretoken": fields["csrfmiddlewaretoken"], "title": title, "collection": collection}
    return editor.post(
        "/admin/documents/add/", data, files={"file": (f"{title}.pdf", attachment(300), "application/pdf")}
    )


def upload_documents_at_once(editor, name: str, collection: int):
    """The admin's multiple-upload screen: each file goes in its own XMLHttpRequest."""
    fields = hidden_fields(editor.get("/admin/documents/multiple/add/").text)
    # The screen's script sends the file name without its extension as the title.
    data = {"csrfmiddlewaretoken": fields["csrfmiddlewaretoken"], "collection": collection, "title": name}
    files = {"files[]": (f"{name}.pdf", attachment(301), "application/pdf")}
    return editor.post(
        "/admin/documents/multiple/add/", data, files=files, headers={"X-Requested-With": "XMLHttpRequest"}
    )


def document_titles(fault_site) -> set[str]:
    return {title for (title,) in fault_site.query("SELECT title FROM documents_registrydocument")}


def test_editor_uploads_while_the_object_store_is_down_or_hung_get_a_clear_admin_error_and_store_nothing(fault_site):
    store = fault_site.store
    collection = fault_site.query("SELECT id FROM wagtailcore_collection WHERE depth = 1")[0][0]
    with procfile_process("web", fault_site.env) as web:
        editor = signed_in_editor(web.base_url, *fault_site.editor)

        store.stop()
        try:
            answer = upload_document(editor, "Одлука за време прекида", collection)
        finally:
            store.start()
        assert answer.status_code == 503
        assert FILE_STORE_DOWN in html.unescape(answer.text) and "Traceback" not in answer.text

        store.freeze()
        try:
            started = time.monotonic()
            answer = upload_documents_at_once(editor, "Одлука док складиште стоји", collection)
            waited = time.monotonic() - started
        finally:
            store.thaw()
        assert waited < HUNG_STORE_ANSWER_LIMIT, f"a hung store held the editor {waited:.1f} s"
        assert answer.json() == {
            "success": False,
            "error_message": FILE_STORE_DOWN,
        }
        assert document_titles(fault_site) == set(), "nothing is stored while the store is down"

        # Back: the same uploads succeed.
        assert upload_document(editor, "Одлука после прекида", collection).status_code == 302
        assert upload_documents_at_once(editor, "Одлука после застоја", collection).json()["success"] is True
    assert document_titles(fault_site) == {"Одлука после прекида", "Одлука после застоја"}
    assert_every_stored_file_is_in_the_bucket(fault_site)


def sweep(fault_site, older_than_seconds: int) -> list[str]:
    """core.storage_sweep.sweep_orphaned_files run against the fault site, as the scheduler runs it."""
    code = (
        "import datetime, json, django; django.setup();"
        "from core.storage_sweep import sweep_orphaned_files;"
        f"print('SWEPT ' + json.dumps(sweep_orphaned_files(datetime.timedelta(seconds={older_than_seconds}))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, env=fault_site.env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.rsplit("SWEPT ", 1)[1])


def test_a_file_left_behind_by_a_failed_upload_is_swept_later_and_stored_files_are_kept(fault_site):
    # What a failed transaction leaves when its own clean-up cannot reach the store: an object no row names.
    left_behind = "consultations/attachments/0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f/prilog.pdf"
    fault_site.s3().put_object(Bucket=BUCKET, Key=left_behind, Body=attachment(400))

    assert left_behind not in sweep(fault_site, older_than_seconds=3600), "an upload still in flight is kept"
    assert left_behind in fault_site.object_keys()
    swept = sweep(fault_site, older_than_seconds=0)

    assert left_behind in swept and left_behind not in fault_site.object_keys()
    assert not set(swept) & referenced_keys(fault_site), "the sweep removed a file a record points at"
    assert referenced_keys(fault_site) <= fault_site.object_keys()
    assert_every_stored_file_is_in_the_bucket(fault_site)


def referenced_keys(fault_site) -> set[str]:
    """Every file a comment, a registry document (its file and thumbnail) or an earlier version names."""
    rows = fault_site.query(
        "SELECT attachment FROM consultations_comment UNION SELECT file FROM documents_registrydocument"
        " UNION SELECT thumbnail FROM documents_registrydocument UNION SELECT file FROM documents_documentversion"
    )
    return {name for (name,) in rows if name}
