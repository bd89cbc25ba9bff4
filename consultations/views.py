"""What a visitor does on a consultation: read, comment, confirm, see the receipt."""

import logging

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .emails import send_confirmation, send_receipt
from .forms import CommentForm
from .listing import article_sections
from .models import Comment, CommentState, hash_token
from .submission import (
    Rejected,
    StorageFailed,
    check_abuse,
    confirm_comment,
    issue_form_token,
    read_form_token,
    submit_comment,
)

logger = logging.getLogger(__name__)


def consultation_page(request, page):
    original = page.original
    articles = list(original.articles.all())
    form = None
    status = 200
    if request.method == "POST":
        form = CommentForm(request.POST, request.FILES, articles=articles)
        response = handle_submission(request, page, original, form)
        if response is not None:
            return response
        status = 400
    if form is None and page.is_open():
        form = CommentForm(articles=articles, initial={"form_token": issue_form_token()})
    context = page.get_context(request)
    context.update(form=form, sections=article_sections(page, original), state=page.state())
    return TemplateResponse(request, page.get_template(request), context, status=status)


def handle_submission(request, page, original, form):
    """Returns a response when done, or None to show the form again with its errors."""
    if not page.is_open():
        logger.info("Comment refused: consultation %s is not open", original.pk)
        form.add_error(None, _("This consultation is closed: comments are no longer accepted."))
        return None
    try:
        token = read_form_token(request.POST.get("form_token", ""))
        check_abuse(request, request.POST, token)
    except Rejected as refusal:
        logger.warning("Comment refused on consultation %s: %s", original.pk, refusal.reason)
        form.add_error(None, refusal_message(refusal.reason))
        return None
    if not form.is_valid():
        return None
    try:
        submission = submit_comment(original, form, token)
    except Rejected:
        form.add_error(None, _("This consultation is closed: comments are no longer accepted."))
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


def refusal_message(reason: str) -> str:
    if reason.startswith("rate-limit"):
        return _("Too many comments were sent from here in a short time. Please try again in an hour.")
    if reason == "bad-or-expired-form-token":
        return _("The form has expired. Please check your text and send it again.")
    return _("The comment could not be accepted. Please check the form and send it again.")


def confirm(request, page, token: str):
    """GET shows a button (mail scanners open links); POST confirms."""
    if request.method != "POST":
        return TemplateResponse(request, "consultations/confirm.html", {"page": page, "self": page, "token": token})
    comment, outcome = confirm_comment(token)
    if comment is None:
        raise Http404
    if outcome == "expired":
        return TemplateResponse(request, "consultations/confirm_expired.html", {"page": page, "self": page}, status=410)
    receipt_url = page.url + page.reverse_subpage("receipt", args=[token])
    if outcome == "confirmed":
        absolute, language = request.build_absolute_uri(receipt_url), get_language()
        transaction.on_commit(lambda: send_receipt(comment, absolute, language))
        messages.success(request, _("Thank you: your comment is confirmed."))
    return redirect(receipt_url)


def receipt(request, page, token: str):
    comment = (
        Comment.objects.exclude(state=CommentState.UNCONFIRMED)
        .filter(consultation=page.original, confirmation_token_hash=hash_token(token))
        .first()
    )
    if comment is None:
        raise Http404
    return TemplateResponse(
        request,
        "consultations/receipt.html",
        {"page": page, "self": page, "comment": comment, "answer_public": bool(page.original.report_published_at)},
    )
