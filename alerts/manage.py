"""The subscription's own page, opened by its secret link: change what is followed, or unsubscribe."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse

from .forms import ManageForm
from .models import Subscription
from .tokens import MANAGE, UNSUBSCRIBE, is_valid, link_token


def manage_page(request, pk: int, token: str):
    subscription = Subscription.objects.filter(pk=pk).first()
    if subscription is None or not is_valid(subscription, MANAGE, token):
        raise Http404
    form = ManageForm(request.POST or None, instance=subscription)
    saved = False
    if request.method == "POST" and form.is_valid():
        form.save()
        saved = True
    unsubscribe_url = reverse("alerts:unsubscribe", kwargs={"pk": pk, "token": link_token(subscription, UNSUBSCRIBE)})
    context = {"form": form, "saved": saved, "unsubscribe_url": unsubscribe_url, "subscription": subscription}
    return TemplateResponse(request, "alerts/manage.html", context)
