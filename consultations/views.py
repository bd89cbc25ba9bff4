"""What a visitor does on a consultation: read, comment, confirm, see the receipt."""

import json
import logging

from django.contrib import messages
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from core.page_cache.policy import may_answer_from_cache
from core.same_origin import is_same_origin

from . import proof_of_work
from .canonical import canonical_form
from .emails import send_confirmation, send_receipt
from .forms import CommentForm
from .listing import article_sections
from .models import Comment, CommentState, hash_token
from .page_view import ConsultationView
from .submission import (
    MAX_FORM_AGE,
    Confirmation,
    RateLimited,
    Refusal,
    Rejected,
    StorageFailed,
    check_abuse,
    confirm_comment,
    issue_form_token,
    read_form_token,
    submit_comment,
)

logger = logging.getLogger(__name__)


class ConsultationClosed(Exception):  # noqa: N818  (an outcome the page shows, not a bug)
    """The consultation closed before the comment could be stored."""


def never_stored(response):
    """A page carrying something for one visitor only (a single-use form token): no shared cache.

    A shared cache serving one visitor's form token to another would make the second
    visitor's comment collide with the first one's.
    """
    patch_cache_control(response, private=True, no_store=True)
    return response


def private_page(response):
    """A page about one visitor's own comment (an answer to a send, a confirmation, a receipt):
    never stored by a shared cache, never indexed by a search engine."""
    never_stored(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def consultation_page(request, page):
    # The one reading of the page for this request: the form, the display and the answers all use it.
    view = ConsultationView.of(page)
    if request.method == "POST":
        return answer_to_send(request, view)
    form = None
    # A request any visitor's copy may answer gets the form without anything of one visitor's: no
    # form token, no challenge (comment-proof.js fetches them from the `form_token` route).
    shared = may_answer_from_cache(request)
    if view.is_open:
        form = CommentForm(articles=view.articles, initial={} if shared else {"form_token": issue_form_token()})
    response = page_response(request, view, form)
    if form is not None and not shared:
        # A form with one visitor's token: kept out of shared caches, but the page stays indexed.
        never_stored(response)
    return response


def page_response(request, view: ConsultationView, form, status=200, refused_text=None, notice=None):
    page = view.page
    context = page.get_context(request)
    context.update(
        form=form,
        refused_text=refused_text,
        notice=notice,  # why a sent form is shown again without errors of its own
        sections=article_sections(view),
        original=view.original,  # its dates, which decide the state
        state=view.state,
        answers_public=view.answers_public,
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


def answer_to_send(request, view: ConsultationView):
    """Every answer to a send is for this visitor alone: private, never stored, not indexed."""
    form, refused_text, status, notice = None, None, 400, None
    if not is_same_origin(request):
        # Sent by another site's page (the comment POST has no CSRF cookie check: see models/pages.py).
        logger.warning("Comment refused on consultation %s: not sent from this site", view.original.pk)
        # A blank form of this site's own (nothing another site sent is shown back) and the reason.
        status, notice = 403, {"cross_site": True}
        if view.is_open:
            form = CommentForm(articles=view.articles, initial={"form_token": issue_form_token()})
    elif view.is_open and not request.POST.get("form_token"):
        # Sent from the shared page before its script gave it a token (no JavaScript): the same form,
        # everything typed kept, with a token of its own, to check and send once more.
        form = renewed_form(request, view)
        notice = {"send_again": True, "attachment": "attachment" in request.FILES}
        status = 400 if form.errors else 200
    else:
        form = CommentForm(request.POST, request.FILES, articles=view.articles)
        try:
            response = handle_submission(request, view, form)
        except ConsultationClosed:
            # The refusal, and the typed text to copy; no form to send it with.
            form, refused_text, response = None, typed_text(request.POST), None
        if response is not None:
            return private_page(response)
        if form is not None and getattr(form, "token_spent", False):
            form = with_new_token(request, form, view)
    response = private_page(page_response(request, view, form, status, refused_text, notice))
    retry_after = getattr(form, "retry_after", None)
    if retry_after:  # rate-limited: the form (with the typed text) is shown again, and when to resend
        response.status_code = 429
        response["Retry-After"] = str(retry_after)
    return response


def form_token(request, page):
    """A fresh form token and its proof-of-work challenge, for one visitor: never stored by any cache."""
    if not ConsultationView.of(page).is_open:
        raise Http404
    token = issue_form_token()
    challenge = json.loads(proof_of_work.new_challenge(read_form_token(token), MAX_FORM_AGE))
    return private_page(JsonResponse({"form_token": token, "challenge": challenge}))


def handle_submission(request, view: ConsultationView, form):
    """Returns a response when done, or None to show the form again with its errors."""
    page, original = view.page, view.original
    if not view.is_open:
        logger.info("Comment refused: consultation %s is not open", original.pk)
        raise ConsultationClosed
    try:
        token = read_form_token(request.POST.get("form_token", ""))
        check_abuse(request, request.POST, token)
    except RateLimited as refusal:
        logger.warning("Comment refused on consultation %s: %s", original.pk, refusal.reason)
        form.add_error(None, rate_limit_message(refusal.retry_after))
        form.retry_after = refusal.retry_after
        return None
    except Rejected as refusal:
        logger.warning("Comment refused on consultation %s: %s", original.pk, refusal.reason)
        form.add_error(None, refusal_message(refusal.reason))
        form.token_spent = refusal.reason.spends_form_token
        return None
    if not form.is_valid():
        return None
    try:
        submission = submit_comment(original, form, token)
    except Rejected as refusal:
        if refusal.reason == Refusal.CONSULTATION_CLOSED:
            raise ConsultationClosed from refusal
        logger.warning("Comment refused on consultation %s: %s", original.pk, refusal.reason)
        form.add_error(None, refusal_message(refusal.reason))
        form.token_spent = refusal.reason.spends_form_token
        return None
    except StorageFailed:
        form.add_error(
            "attachment",
            _("We could not store the attachment just now, so nothing was saved. Your text is kept: please try again."),
        )
        return None
    if submission.confirmation_token:
        confirm_url = request.build_absolute_uri(
            page.url + page.reverse_subpage("confirm", args=[submission.confirmation_token])
        )
        comment, language = submission.comment, get_language()
        transaction.on_commit(lambda: send_confirmation(comment, confirm_url, language))
    return TemplateResponse(
        request, "consultations/submitted.html", {"page": page, "self": page, "comment": submission.comment}
    )


def rate_limit_message(retry_after: int) -> str:
    minutes = max(1, -(-retry_after // 60))
    return ngettext(
        "Too many comments were sent from here in a short time. Your text is kept below: "
        "please send it again in %(minutes)d minute.",
        "Too many comments were sent from here in a short time. Your text is kept below: "
        "please send it again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def typed_text(data) -> dict[str, str]:
    """What the visitor wrote, to offer for copying when the comment cannot be accepted at all."""
    texts = {name: canonical_form(data.get(name, "")) for name in ("proposed_wording", "justification")}
    return {name: text for name, text in texts.items() if text}


def renewed_form(request, view: ConsultationView):
    """The form as sent, with what the visitor typed, and a token that can still be sent: at once, since the
    visitor took the time to fill the form before this first send (see issue_form_token)."""
    data = request.POST.copy()
    data["form_token"] = issue_form_token(handed_back=True)
    return CommentForm(data, request.FILES, articles=view.articles)


def with_new_token(request, form, view: ConsultationView):
    """The same form, with what the visitor typed and the same messages, and a token that can still be sent."""
    renewed = renewed_form(request, view)
    for error in form.non_field_errors():
        renewed.add_error(None, error)
    return renewed


def refusal_message(reason: Refusal) -> str:
    if reason == Refusal.BAD_OR_EXPIRED_FORM_TOKEN:
        return _("The form has expired. Please check your text and send it again.")
    if reason == Refusal.FORM_TOKEN_USED_FOR_OTHER_CONTENT:
        return _(
            "This form was already sent with a different text, so this text was not saved. It is kept below:"
            " check it and send it again."
        )
    return _("The comment could not be accepted. Please check the form and send it again.")


def confirm(request, page, token: str):
    """GET shows a button (mail scanners open links); POST confirms."""
    if request.method != "POST":
        return private_page(
            TemplateResponse(request, "consultations/confirm.html", {"page": page, "self": page, "token": token})
        )
    comment, outcome = confirm_comment(token)
    if comment is None:
        raise Http404
    if outcome == Confirmation.EXPIRED:
        return private_page(
            TemplateResponse(request, "consultations/confirm_expired.html", {"page": page, "self": page}, status=410)
        )
    receipt_url = page.url + page.reverse_subpage("receipt", args=[token])
    if outcome == Confirmation.CONFIRMED:
        absolute, language = request.build_absolute_uri(receipt_url), get_language()
        transaction.on_commit(lambda: send_receipt(comment, absolute, language))
        messages.success(request, _("Thank you: your comment is confirmed."))
    return redirect(receipt_url)


def receipt(request, page, token: str):
    view = ConsultationView.of(page)
    comment = (
        Comment.objects.exclude(state=CommentState.UNCONFIRMED)
        .filter(consultation=view.original, confirmation_token_hash=hash_token(token))
        .first()
    )
    if comment is None:
        raise Http404
    return private_page(
        TemplateResponse(
            request,
            "consultations/receipt.html",
            {"page": page, "self": page, "comment": comment, "answers_public": view.answers_public},
        )
    )
