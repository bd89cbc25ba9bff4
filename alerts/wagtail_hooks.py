"""E-mail alerts in the admin (Reports > E-mail alerts) and crawlers kept off the subscription links."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.views import CRAWLER_EXCLUSIONS_HOOK

from .admin_views import VIEW_PERMISSION, subscriptions_report


@hooks.register(CRAWLER_EXCLUSIONS_HOOK)
def keep_crawlers_off_subscription_pages():
    """The form and every page opened by a subscriber's secret link (confirm, manage, unsubscribe)."""
    return ["alerts/"]


@hooks.register("register_admin_urls")
def register_subscriptions_report_url():
    return [path("reports/email-alerts/", subscriptions_report, name="alerts_subscriptions")]


class SubscriptionsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_subscriptions_menu_item():
    return SubscriptionsMenuItem(
        _("E-mail alerts"), reverse("alerts_subscriptions"), name="email-alerts", icon_name="mail", order=1320
    )


@hooks.register("register_permissions")
def register_subscription_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="alerts", codename__in=["view_subscription", "view_subscriber_addresses"]
    )
