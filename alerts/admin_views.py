"""The office's view of alert subscriptions (Reports > E-mail alerts): counts for staff who may view
subscriptions, the addresses only for those given "Can see the e-mail addresses of alert subscribers"."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.template.response import TemplateResponse

from .models import AlertItem, Delivery, Frequency, Subscription

VIEW_PERMISSION = "alerts.view_subscription"
ADDRESSES_PERMISSION = "alerts.view_subscriber_addresses"
PER_PAGE = 50


def counts() -> dict:
    confirmed = Q(confirmed_at__isnull=False)
    return Subscription.objects.aggregate(
        total=Count("pk"),
        confirmed=Count("pk", filter=confirmed),
        weekly=Count("pk", filter=confirmed & Q(frequency=Frequency.WEEKLY)),
        consultations=Count("pk", filter=confirmed & Q(consultations=True)),
        calls=Count("pk", filter=confirmed & Q(calls=True)),
        news=Count("pk", filter=confirmed & Q(news=True)),
        documents=Count("pk", filter=confirmed & Q(documents=True)),
        reminders=Count("pk", filter=confirmed & Q(reminder_days__isnull=False)),
    ) | {
        "items": AlertItem.objects.count(),
        "sent": Delivery.objects.filter(sent_at__isnull=False).count(),
        "waiting": Delivery.objects.filter(sent_at__isnull=True).count(),
    }


def subscriptions_report(request):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    context = {"counts": counts(), "addresses": None}
    if request.user.has_perm(ADDRESSES_PERMISSION):
        listing = Subscription.objects.order_by("email").only("email", "language", "frequency", "confirmed_at")
        context["addresses"] = Paginator(listing, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(request, "alerts/admin/subscriptions.html", context)
