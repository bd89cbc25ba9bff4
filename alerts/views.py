"""The public pages of e-mail alerts: subscribe, "check your e-mail", confirm, manage, unsubscribe.

The confirm, manage and unsubscribe pages open with the subscription's secret link (alerts/tokens.py):
no account. A GET never changes anything (mail scanners open links); the one-click unsubscribe of
RFC 8058 is a POST without a CSRF token (the mail provider sends it), authorised by the link alone.
The subscribe answer is the same whether or not the address was known, so the form reveals nothing.
"""

from django.db import transaction
from django.forms.models import construct_instance
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import limits
from .forms import SubscribeForm
from .manage import manage_page
from .messages import already_subscribed_message, confirmation_message
from .models import Subscription
from .tokens import CONFIRM, UNSUBSCRIBE, is_valid


def private(response):
    """One visitor's page: never in a shared cache, never indexed."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def subscription_from_link(pk: int, purpose: str, token: str) -> Subscription:
    subscription = Subscription.objects.filter(pk=pk).first()
    if subscription is None or not is_valid(subscription, purpose, token):
        raise Http404
    return subscription


@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        retry_after = limits.refused(request, form.cleaned_data["email"])
        if retry_after is None:
            subscribe_address(form, get_language())
            return redirect("alerts:check_email")
        minutes = max(1, -(-retry_after // 60))
        form.add_error(
            None,
            ngettext(
                "Too many requests were sent from here in a short time: try again in %(minutes)d minute.",
                "Too many requests were sent from here in a short time: try again in %(minutes)d minutes.",
                minutes,
            )
            % {"minutes": minutes},
        )
    return private(TemplateResponse(request, "alerts/subscribe.html", {"form": form}))


def subscribe_address(form: SubscribeForm, language: str) -> None:
    """A new (or still unconfirmed) address gets the confirmation link; a confirmed one, its manage link."""
    email = form.cleaned_data["email"].strip().lower()
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(email=email).first()
        if subscription is not None and subscription.confirmed_at:
            message = already_subscribed_message(subscription)
        else:
            # The choices go onto the row found (or a new one); the form was validated without it.
            subscription = construct_instance(form, subscription or Subscription(email=email), form._meta.fields)
            subscription.language = language
            subscription.save()
            subscription.news_topics.set(form.cleaned_data["news_topics"])
            subscription.document_types.set(form.cleaned_data["document_types"])
            message = confirmation_message(subscription)
    transaction.on_commit(message.send)


def check_email(request):
    return private(TemplateResponse(request, "alerts/check_email.html", {}))


@require_http_methods(["GET", "POST"])
def confirm(request, pk: int, token: str):
    subscription = subscription_from_link(pk, CONFIRM, token)
    if request.method == "POST" and not subscription.confirmed_at:
        Subscription.objects.filter(pk=pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now())
        subscription.refresh_from_db()
    return private(TemplateResponse(request, "alerts/confirm.html", {"subscription": subscription, "token": token}))


def manage(request, pk: int, token: str):
    return private(manage_page(request, pk, token))


@csrf_exempt  # RFC 8058: the mail provider POSTs "List-Unsubscribe=One-Click" with no token of ours but the link
@require_http_methods(["GET", "POST"])
def unsubscribe(request, pk: int, token: str):
    subscription = Subscription.objects.filter(pk=pk).first()
    if subscription is None:
        # Gone already (a second click, or the provider's POST before the visitor's): say so, not 404.
        return private(TemplateResponse(request, "alerts/unsubscribed.html", {}))
    if not is_valid(subscription, UNSUBSCRIBE, token):
        raise Http404
    if request.method == "POST":
        subscription.delete()
        return private(TemplateResponse(request, "alerts/unsubscribed.html", {}))
    context = {"action": reverse("alerts:unsubscribe", kwargs={"pk": pk, "token": token})}
    return private(TemplateResponse(request, "alerts/unsubscribe.html", context))
