"""The admin of what follows an award, and of funding given outside the calls.

Why a separate screen for an award's follow-up, not nested inline panels in the call's page:
Wagtail does not support an InlinePanel inside an InlinePanel, and the follow-up is recorded
months after the call's results are published, by whoever handles the contracts and
payments; publishing the call again for that would make a new page revision per payment.
Here an editor finds the award by organisation or call and edits its contract, payments,
reports and the office's assessment on one form. Awards themselves are added and removed in
the call's page only, so this screen neither adds nor deletes them.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Award, DirectFunding

# Actions the follow-up screen never offers: an award belongs to its call's results.
NOT_HERE = {"add", "delete"}


class AwardFollowUpPolicy(ModelPermissionPolicy):
    """Changing an award's follow-up needs the change permission; adding and deleting happen in the call."""

    def user_has_permission(self, user, action):
        return action not in NOT_HERE and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class AwardFollowUpForm(WagtailAdminModelForm):
    """The follow-up of one award; the payments may not add up to more than was awarded."""

    def clean(self):
        cleaned_data = super().clean()
        payments = self.formsets.get("payments")
        if payments is None or not all(form.is_valid() for form in payments.forms):
            return cleaned_data
        paid = sum(
            (
                form.cleaned_data.get("amount") or Decimal(0)
                for form in payments.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ),
            Decimal(0),
        )
        if paid > self.instance.amount_awarded:
            raise ValidationError(
                _("The payments add up to %(paid)s RSD, more than the %(awarded)s RSD awarded.")
                % {"paid": paid, "awarded": self.instance.amount_awarded}
            )
        return cleaned_data

    def save(self, commit=True):
        self.instance.saving_follow_up = True  # see Award.save: only the follow-up's fields are written
        return super().save(commit=commit)


class AwardIndexView(IndexView):
    def get_base_queryset(self):
        # The Cyrillic originals: the Latin and English twins carry copies of the same rows.
        queryset = super().get_base_queryset()
        return queryset.filter(page__locale__language_code=settings.LANGUAGE_CODE).select_related("page")


class AwardFollowUpViewSet(ModelViewSet):
    model = Award
    icon = "doc-full"
    menu_label = _("Award follow-up")
    add_to_admin_menu = True
    menu_order = 310
    url_prefix = "award-follow-up"
    index_view_class = AwardIndexView
    search_backend_name = None  # the database's own matching: awards are not in the search index
    copy_view_enabled = False
    list_display = ["organisation_name", "registration_number", "project_title", "page", "amount_awarded"]
    search_fields = ["organisation_name", "registration_number", "project_title", "contract_number"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("contract_number"), FieldPanel("contract_signed_on")])], _("Contract")
            ),
            InlinePanel("payments", label=_("Payments")),
            InlinePanel("reports", label=_("Reports")),
            FieldPanel("results_assessment"),
        ],
        base_form_class=AwardFollowUpForm,
    )


class DirectFundingViewSet(ModelViewSet):
    model = DirectFunding
    icon = "form"
    menu_label = _("Funding outside calls")
    add_to_admin_menu = True
    menu_order = 311
    url_prefix = "direct-funding"
    search_backend_name = None
    list_display = ["organisation_name", "registration_number", "purpose", "funder", "amount", "granted_on"]
    search_fields = ["organisation_name", "registration_number", "purpose", "funder"]
    list_filter = ["area", "granted_on"]


register_permission_policy(Award, AwardFollowUpPolicy(Award))
