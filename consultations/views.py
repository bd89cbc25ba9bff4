"""What a visitor does on a consultation: read, comment, confirm, see the receipt."""

import logging

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from .canonical import canonical_form
from .emails import send_confirmation, send_receipt
from .forms import CommentForm
from .listing import article_sections
from .models import Comment, CommentState, hash_token
from .page_view import ConsultationView
from .submission import (
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
    form = None
    refused_text = None
    status = 200
    if request.method == "POST":
        form = CommentForm(request.POST, request.FILES, articles=view.articles)
        try:
            response = handle_submission(request, view, form)
        except ConsultationClosed:
            # The refusal, and the typed text to copy; no form to send it with.
            form, refused_text, response = None, typed_text(request.POST), None
        if response is not None:
            return private_page(response)
        status = 400
        if form is not None and getattr(form, "token_spent", False):
            form = with_new_token(request, form, view)
    if form is None and refused_text is None and view.is_open:
        form = CommentForm(articles=view.articles, initial={"form_token": issue_form_token()})
    context = page.get_context(request)
    context.update(
        form=form,
        refused_text=refused_text,
        sections=article_sections(view),
        original=view.original,  # its dates, which decide the state
        state=view.state,
        answers_public=view.answers_public,
    )
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    if request.method == "POST":
        private_page(response)
    elif form is not None:
        # An open consultation must stay findable by search engines: its blank form is
        # kept out of shared caches, but the page itself is indexed.
        never_stored(response)
    retry_after = getattr(form, "retry_after", None)
    if retry_after:  # rate-limited: the form (with the typed text) is shown again, and when to resend
        response.status_code = 429
        response["Retry-After"] = str(retry_after)
    return response


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


def with_new_token(request, form, view: ConsultationView):
    """The same form, with what the visitor typed and the same messages, and a token that can still be sent."""
    data = request.POST.copy()
    data["form_token"] = issue_form_token()
    renewed = CommentForm(data, request.FILES, articles=view.articles)
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
