"""Bulk actions on selected comments: publish, reject, answer, erase contact data."""

from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.shortcuts import get_list_or_404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from core.params import database_id

from . import moderation
from .admin_forms import AnswerForm, RejectForm
from .admin_listing import listing_queryset
from .models import Comment


class CommentBulkAction(SnippetBulkAction):
    models = [Comment]
    template_name = "consultations/admin/bulk_action.html"
    heading = ""
    question = ""
    button_label = ""
    skip_note = ""

    def dispatch(self, request, *args, **kwargs):
        # Not even the list of selected comments for someone who may not moderate them.
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", comment)

    @classmethod
    def get_queryset(cls, model, object_ids):
        if not isinstance(object_ids, list):  # "select all in listing": already a queryset of ids
            return get_list_or_404(model.objects.order_by("submitted_at", "pk"), pk__in=object_ids)
        ids = [pk for pk in map(database_id, object_ids) if pk is not None]
        return get_list_or_404(model.objects.order_by("submitted_at", "pk"), pk__in=ids)

    def get_all_objects_in_listing_query(self, parent_id):
        # The listing's filters and search travel in the "next" URL: act on what the moderator saw,
        # not on every comment of every consultation.
        params = QueryDict(urlsplit(self.next_url).query)
        return listing_queryset(self.request, params).values_list("pk", flat=True)

    # The states a comment must be in for the action to apply to it.
    states: frozenset = frozenset()
    # The success message: a lazy plural counted by "count".
    done = ""

    def applies_to(self, comment) -> bool:
        return comment.state in self.states

    def run(self, comments, form):
        raise NotImplementedError

    def object_context(self, comment):
        return {**super().object_context(comment), "applies": self.applies_to(comment)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.heading,
            question=self.question,
            button_label=self.button_label,
            skip_note=self.skip_note,
            applicable=sum(1 for item in context["items"] if item["applies"]),
        )
        return context

    @classmethod
    def execute_action(cls, objects, **kwargs):
        action = kwargs["self"]
        action.outcome = action.run(objects, action.cleaned_form)
        return len(action.outcome.done), len(action.outcome.skipped)

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = self.done_message(num_parent_objects)
        if num_child_objects:
            message = "{} {}".format(
                message,
                ngettext(
                    "%(count)d comment was left unchanged.",
                    "%(count)d comments were left unchanged.",
                    num_child_objects,
                )
                % {"count": num_child_objects},
            )
        return message

    def done_message(self, count) -> str:
        return self.done % {"count": count}


class PublishBulkAction(CommentBulkAction):
    display_name = _("Publish")
    action_type = "publish"
    aria_label = _("Publish the selected comments")
    action_priority = 10
    heading = _("Publish comments")
    question = _("Publish these comments on the consultation's page (as each commenter consented)?")
    button_label = _("Yes, publish")
    skip_note = _("Only confirmed or rejected comments can be published; the others stay as they are.")

    states = moderation.PUBLISHABLE
    done = ngettext_lazy("%(count)d comment published.", "%(count)d comments published.", "count")

    def run(self, comments, form):
        return moderation.publish(comments, self.request.user)


class RejectBulkAction(CommentBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected comments")
    action_priority = 20
    form_class = RejectForm
    heading = _("Reject comments")
    question = _("Reject these comments? They will not be published.")
    button_label = _("Yes, reject")
    skip_note = _("Comments not yet confirmed by their authors cannot be rejected; they stay as they are.")

    states = moderation.REJECTABLE
    done = ngettext_lazy("%(count)d comment rejected.", "%(count)d comments rejected.", "count")

    def run(self, comments, form):
        return moderation.reject(comments, form.cleaned_data["reason"], self.request.user)


class AnswerBulkAction(CommentBulkAction):
    display_name = _("Answer")
    action_type = "answer"
    aria_label = _("Give the selected comments the same answer")
    action_priority = 30
    form_class = AnswerForm
    heading = _("Answer comments")
    question = _("Give all these comments the same decision and reasons?")
    button_label = _("Save the answer")
    skip_note = _("Only confirmed or published comments can be answered; the others stay as they are.")

    states = moderation.ANSWERABLE
    done = ngettext_lazy("%(count)d comment answered.", "%(count)d comments answered.", "count")

    def run(self, comments, form):
        return moderation.answer(
            comments, form.cleaned_data["decision"], form.cleaned_data["reasons"], self.request.user
        )


class EraseContactBulkAction(CommentBulkAction):
    display_name = _("Erase contact data")
    action_type = "erase_contact"
    aria_label = _("Erase the contact person's data of the selected comments")
    action_priority = 40
    classes = {"serious"}
    heading = _("Erase contact data")
    question = _(
        "Erase the contact person's name, e-mail and telephone of these comments? "
        "The comments stay as anonymous records. This cannot be undone."
    )
    button_label = _("Yes, erase")
    skip_note = _("Comments whose contact data is already erased stay as they are.")

    done = ngettext_lazy(
        "Contact data of %(count)d comment erased.", "Contact data of %(count)d comments erased.", "count"
    )

    def applies_to(self, comment):
        return moderation.has_contact(comment)

    def run(self, comments, form):
        return moderation.erase_contacts(comments, self.request.user)


class DeleteRefusedBulkAction(SnippetBulkAction):
    """Takes the place of Wagtail's generic snippet bulk delete for comments, and refuses everyone.

    Comments are never deleted in the admin, and the generic view would list the tracking
    number and target of every selected comment to any editor, before checking any permission.
    Registered after Wagtail's (a higher hook order), so it wins for the comment model.
    """

    models = [Comment]
    action_type = "delete"
    display_name = _("Delete")
    aria_label = _("Delete the selected comments")

    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


BULK_ACTIONS = [PublishBulkAction, RejectBulkAction, AnswerBulkAction, EraseContactBulkAction]
