"""Consultations in the admin: moderating comments (listing, edit view, bulk actions, dashboard); the
consultations' feeds in <head>; crawlers kept off the confirmation links and receipts (robots.txt)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from home.feed_links import ATOM, RSS, add_feed_link
from home.views import CRAWLER_EXCLUSIONS_HOOK

from . import admin_attachment, admin_recording, moderation
from .admin_bulk_actions import BULK_ACTIONS, DeleteRefusedBulkAction
from .admin_views import CommentPermissionPolicy, CommentsWaitingPanel, CommentViewSet
from .models import Comment, ConsultationIndexPage, ConsultationPage

CONSULTATION_INDEX = (ConsultationIndexPage._meta.label_lower,)
add_feed_link(_("Public consultations (RSS)"), RSS, "consultations:consultations_rss", CONSULTATION_INDEX)
add_feed_link(_("Public consultations (Atom)"), ATOM, "consultations:consultations_atom", CONSULTATION_INDEX)

# Before the viewset is registered, or Wagtail would fall back to its default model policy.
register_permission_policy(Comment, CommentPermissionPolicy(Comment), exact_class=True)
register_snippet(CommentViewSet)

for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)
# After wagtail.snippets' generic delete (order 0), which it replaces for comments.
hooks.register("register_bulk_action", DeleteRefusedBulkAction, order=100)


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    moderation.register_log_actions(actions)
    admin_recording.register_log_actions(actions)
    admin_attachment.register_log_actions(actions)


@hooks.register("construct_homepage_panels")
def add_comments_waiting_panel(request, panels):
    if moderation.can_moderate(request.user):
        panels.append(CommentsWaitingPanel())


@hooks.register("register_admin_urls")
def register_attachment_url():
    from .admin_attachment import urlpatterns

    return urlpatterns


@hooks.register("register_admin_urls")
def register_record_comment_url():
    return admin_recording.urlpatterns


@hooks.register(CRAWLER_EXCLUSIONS_HOOK)
def keep_crawlers_off_confirmation_links_and_receipts():
    """Those routes carry one visitor's secret token: `*/potvrda/`, `*/prijem/` below any consultation page."""
    resolver = ConsultationPage.get_resolver()
    return ["*/" + resolver.reverse(name, "-").removesuffix("-/") for name in ("confirm", "receipt")]


@hooks.register(CRAWLER_EXCLUSIONS_HOOK)
def keep_crawlers_off_unsubscribe_links():
    """Each carries one commenter's signed token."""
    from .unsubscribe import UNSUBSCRIBE_PREFIX

    return [UNSUBSCRIBE_PREFIX]


# Publishing a revised draft as the next version (consultations/admin_versions.py).
@hooks.register("register_admin_urls")
def register_revised_draft_url():
    from .admin_versions import urlpatterns

    return urlpatterns


@hooks.register("register_page_header_buttons")
def revised_draft_header_button(page, user, view_name, next_url=None):
    from .admin_versions import revised_draft_buttons

    yield from revised_draft_buttons(page, user, priority=25)


@hooks.register("register_page_listing_more_buttons")
def revised_draft_listing_button(page, user, next_url=None):
    from .admin_versions import revised_draft_buttons

    yield from revised_draft_buttons(page, user, priority=25)
