"""The "Comments" section of the admin: who may moderate, the listing, the edit view, the dashboard."""

from urllib.parse import urlencode

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, StatusTagColumn
from wagtail.admin.widgets.button import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

from . import moderation, personal_data
from .admin_attachment import AttachmentPanel
from .admin_forms import CommentModerationForm
from .admin_listing import SEARCH_FIELDS, CommentFilterSet, base_queryset
from .models import Comment, CommentState

URL_NAMESPACE = "consultation_comments"


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Moderators (``consultations.moderate_comment``) view and change comments; nobody else sees them.

    Comments come only from the public form and are never deleted in the admin (the report
    accounts for every confirmed comment), so "add" and "delete" are refused to everyone.
    """

    granted = frozenset({"change", "view"})

    def user_has_permission(self, user, action):
        return action in self.granted and moderation.can_moderate(user)

    def users_with_any_permission(self, actions):
        if not self.granted.intersection(actions):
            return get_user_model().objects.none()
        return self._get_users_with_any_permission_codenames({"moderate_comment"})


def listing_url(**params) -> str:
    url = reverse(f"{URL_NAMESPACE}:list")
    return f"{url}?{urlencode(params)}" if params else url


def tracking_label(comment) -> str:
    return comment.tracking_number or _("unconfirmed, #%(id)s") % {"id": comment.pk}


class GroupSizeColumn(Column):
    """The size of the row's near-identical group, linking to the group when it has company."""

    cell_template_name = "consultations/admin/group_size_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if (context["raw_value"] or 0) > 1:
            context["group_url"] = listing_url(same_text_as=instance.pk)
        return context


class CommentIndexView(IndexView):
    def get_base_queryset(self):
        return base_queryset()

    @cached_property
    def header_buttons(self):
        from .admin_recording import record_button

        return [*super().header_buttons, *record_button(self.request.user)]

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return moderation.search(queryset, self.search_query, self.search_fields or SEARCH_FIELDS)

    @cached_property
    def columns(self):
        # No contact data here: only the edit and inspect views show it.
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="snippet"),
            self._get_title_column("tracking_number", accessor=tracking_label),
            Column(
                "consultation", label=_("Consultation"), accessor="consultation_title", sort_key="consultation_title"
            ),
            Column("target_label", label=_("Target"), sort_key="target_label"),
            Column("kind", label=_("Kind of comment"), accessor="get_kind_display", sort_key="kind"),
            Column("channel", label=_("Received through"), accessor="get_channel_display", sort_key="channel"),
            Column(
                "respondent_type",
                label=_("Who is commenting"),
                accessor="get_respondent_type_display",
                sort_key="respondent_type",
            ),
            Column("organisation_name", label=_("Organisation"), sort_key="organisation_name"),
            Column(
                "organisation_type",
                label=_("Organisation type"),
                accessor="get_organisation_type_display",
                sort_key="organisation_type",
            ),
            StatusTagColumn(
                "state",
                label=_("State"),
                accessor="get_state_display",
                primary=lambda comment: comment.state == CommentState.CONFIRMED,
                sort_key="state",
            ),
            Column("decision", label=_("Decision"), accessor="get_decision_display", sort_key="decision"),
            DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
            GroupSizeColumn("group_size", label=_("Same text"), sort_key="group_size"),
            # Only whether there is any: the items themselves are contact data, shown on the edit view.
            Column("personal_data", label=_("Personal data in the text"), accessor=personal_data_warning),
        ]

    def get_context_data(self, *args, **kwargs):
        from .admin_bulk_actions import BULK_ACTIONS

        context = super().get_context_data(*args, **kwargs)
        context["moderation_bulk_buttons"] = [
            ListingButton(
                action.display_name,
                reverse("wagtail_bulk_action", args=["consultations", "comment", action.action_type]),
                attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
                priority=action.action_priority,
                classname=" ".join(action.classes | {"bulk-action-btn"}),
            )
            for action in sorted(BULK_ACTIONS, key=lambda action: action.action_priority)
        ]
        return context


class CommentInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return EMPTY if value is None or value == "" else value


class CommentEditView(EditView):
    def save_instance(self):
        self.action_class(self.form.instance, user=self.request.user, form=self.form, log_action=False).execute(
            skip_permission_checks=True
        )
        moderation.log_edit(self.form.instance, self.form.before, self.request.user, self.form.has_changed())
        return self.form.instance


EMPTY = "—"


class ReadOnlyPanel(FieldPanel):
    """A field the moderator sees but cannot change (what the commenter wrote, the dates)."""

    def __init__(self, field_name, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        if value is None or value == "":
            return EMPTY
        return super().format_value_for_display(value)


class TextPanel(ReadOnlyPanel):
    """A read-only text that keeps its line breaks (and is escaped like any other)."""

    read_only_output_template_name = "consultations/admin/read_only_text.html"


def personal_data_warning(comment) -> str:
    if not personal_data.found_in(comment):
        return ""
    return _("An e-mail address or telephone number: check before publishing")


class CommentFactsPanel(Panel):
    """A read-only panel of what the moderator should know about the comment, drawn by `facts_template`."""

    facts_template = ""

    def facts(self, comment) -> dict:
        raise NotImplementedError

    class BoundPanel(Panel.BoundPanel):
        @property
        def template_name(self):
            return self.panel.facts_template

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(self.panel.facts(self.instance))
            return context


class PersonalDataPanel(CommentFactsPanel):
    """Warns the moderator of e-mail addresses and telephone numbers in the text, marking each one."""

    facts_template = "consultations/admin/personal_data_panel.html"

    def facts(self, comment) -> dict:
        texts = [
            (Comment._meta.get_field(name).verbose_name, personal_data.highlighted(getattr(comment, name)))
            for name in personal_data.PUBLIC_TEXT_FIELDS
            if personal_data.spans(getattr(comment, name))
        ]
        return {"found": personal_data.found_in(comment), "texts": texts}


class SameTextPanel(CommentFactsPanel):
    """How many comments of the consultation have a near-identical text, linking to them."""

    facts_template = "consultations/admin/same_text_panel.html"

    def facts(self, comment) -> dict:
        same = Comment.objects.filter(consultation_id=comment.consultation_id, fingerprint=comment.fingerprint)
        return {"count": same.count(), "url": listing_url(same_text_as=comment.pk)}


comment_edit_handler = ObjectList(
    [
        MultiFieldPanel(
            [
                ReadOnlyPanel("tracking_number"),
                ReadOnlyPanel("consultation"),
                ReadOnlyPanel("target_label"),
                ReadOnlyPanel("kind"),
                TextPanel("proposed_wording"),
                TextPanel("justification"),
                PersonalDataPanel(heading=_("Personal data in the text")),
                AttachmentPanel(heading=_("Attachment")),
                SameTextPanel(heading=_("Near-identical comments")),
            ],
            heading=_("The comment (as written by the commenter)"),
        ),
        MultiFieldPanel(
            [
                ReadOnlyPanel("respondent_type"),
                ReadOnlyPanel("organisation_name"),
                ReadOnlyPanel("registration_number"),
                ReadOnlyPanel("tax_id"),
                ReadOnlyPanel("organisation_type"),
                ReadOnlyPanel("consent"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                ReadOnlyPanel("contact_name"),
                ReadOnlyPanel("contact_email"),
                ReadOnlyPanel("contact_phone"),
                ReadOnlyPanel("contact_erased_at"),
            ],
            heading=_("Contact person (never published)"),
        ),
        MultiFieldPanel(
            [
                ReadOnlyPanel("channel"),
                ReadOnlyPanel("received_on"),
                ReadOnlyPanel("original_document"),
                ReadOnlyPanel("entered_by"),
                ReadOnlyPanel("entered_at"),
            ],
            heading=_("How the comment reached the office"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("state", widget=forms.RadioSelect),
                FieldPanel("rejection_reason"),
                ReadOnlyPanel("submitted_at"),
                ReadOnlyPanel("confirmed_at"),
                ReadOnlyPanel("published_at"),
            ],
            heading=_("Moderation"),
        ),
        MultiFieldPanel(
            [FieldPanel("decision"), FieldPanel("decision_reasons"), ReadOnlyPanel("answered_at")],
            heading=_("The office's answer"),
        ),
    ],
    base_form_class=CommentModerationForm,
)


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "consultation-comments"
    menu_order = 350
    add_to_admin_menu = True
    url_prefix = "comments"
    url_namespace = URL_NAMESPACE
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    inspect_view_class = CommentInspectView
    index_template_name = "consultations/admin/comment_index.html"
    filterset_class = CommentFilterSet
    search_fields = SEARCH_FIELDS
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "tracking_number",
        "consultation",
        "target_label",
        "kind",
        "proposed_wording",
        "justification",
        "attachment",
        "attachment_publication",
        "attachment_approved_by",
        "attachment_approved_at",
        "channel",
        "received_on",
        "original_document",
        "entered_by",
        "entered_at",
        "respondent_type",
        "organisation_name",
        "registration_number",
        "tax_id",
        "organisation_type",
        "consent",
        "contact_name",
        "contact_email",
        "contact_phone",
        "contact_erased_at",
        "state",
        "rejection_reason",
        "decision",
        "decision_reasons",
        "submitted_at",
        "confirmed_at",
        "published_at",
        "answered_at",
        "text_sha256",
    ]
    # Comments link to their consultation, but that is not "usage" of the page by content.
    add_to_reference_index = False
    edit_handler = comment_edit_handler

    def register_chooser_viewset(self):
        # No chooser: comments are never picked into content, and Wagtail's chooser views
        # would list them to every editor, whatever their permissions.
        pass

    def get_permissions_to_register(self):
        content_type = ContentType.objects.get_for_model(Comment)
        return Permission.objects.filter(content_type=content_type, codename="moderate_comment")


class CommentsWaitingPanel(Component):
    """Dashboard: per consultation, how many confirmed comments wait for moderation."""

    name = "consultation_comments_waiting"
    template_name = "consultations/admin/dashboard_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        rows = moderation.waiting_by_consultation()
        for row in rows:
            row["url"] = listing_url(consultation=row["consultation_id"], state=CommentState.CONFIRMED)
        return {
            "rows": rows,
            "total": sum(row["waiting"] for row in rows),
            "listing_url": listing_url(),
        }
