"""Moderating comments in the admin: listing, filters, groups, bulk actions, permissions, no leaks."""

from urllib.parse import urlencode

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from wagtail.models import ModelLogEntry

from consultations import moderation
from consultations.models import Comment, CommentState, Decision, Kind, OrganisationType, RejectionReason
from tests.consultations.factories import CommentFactory, ConsultationPageFactory, StaffUserFactory
from tests.consultations.helpers import logged_in

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/comments/"
XSS = "<script>alert(1)</script>"


def edit_url(comment):
    return f"/admin/comments/edit/{comment.pk}/"


def bulk_url(action, comments, **params):
    query = [("id", comment.pk) for comment in comments] + [("next", LIST_URL)] + list(params.items())
    return f"/admin/bulk/consultations/comment/{action}/?{urlencode(query)}"


def listed(response):
    return {comment.pk for comment in response.context["object_list"]}


def fresh(comment):
    return Comment.objects.get(pk=comment.pk)


def assert_denied(client, url, method="get"):
    """Wagtail's refusal: 403 to scripts, a redirect to the dashboard with a message to browsers."""
    send = getattr(client, method)
    assert send(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    response = send(url)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def logs(comment, action):
    return ModelLogEntry.objects.for_instance(comment).filter(action=action)


@pytest.fixture
def page(home_page):
    return ConsultationPageFactory(home=home_page, title="Нацрт одлуке о буџету")


@pytest.fixture
def articles(page):
    return list(page.articles.order_by("sort_order"))


@pytest.fixture
def staff_client(db):
    """An editor of the admin who may not moderate comments."""
    return logged_in(StaffUserFactory(username="editor"))


@pytest.fixture
def moderator_client(db):
    return logged_in(StaffUserFactory(username="moderator", permissions=["moderate_comment"]))


# --- the listing ---------------------------------------------------------------------------------


def test_listing_shows_comments_in_every_state(admin_client, page, articles):
    comments = [
        CommentFactory(consultation=page, article=articles[0], state=state)
        for state in [CommentState.UNCONFIRMED, CommentState.CONFIRMED, CommentState.PUBLISHED, CommentState.REJECTED]
    ]
    comments[0].tracking_number = None
    comments[0].save()

    response = admin_client.get(LIST_URL)

    assert response.status_code == 200
    assert listed(response) == {comment.pk for comment in comments}
    content = response.content.decode()
    for comment in comments:
        assert comment.organisation_name in content
    assert comments[1].tracking_number in content
    assert page.title in content


def test_listing_filters_by_state_article_kind_and_organisation_type(admin_client, page, articles):
    confirmed = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)
    on_article_2 = CommentFactory(consultation=page, article=articles[1], kind=Kind.DELETE)
    foundation = CommentFactory(
        consultation=page, article=articles[2], organisation_type=OrganisationType.FOUNDATION, kind=Kind.GENERAL
    )
    other_page = ConsultationPageFactory(home=page.get_parent().specific.get_parent().specific)
    elsewhere = CommentFactory(consultation=other_page, article=other_page.articles.first())

    def filtered(**params):
        response = admin_client.get(LIST_URL, params)
        assert response.status_code == 200
        return listed(response)

    assert filtered() == {confirmed.pk, on_article_2.pk, foundation.pk, elsewhere.pk}
    assert filtered(state=CommentState.CONFIRMED) == {confirmed.pk}
    assert filtered(state=CommentState.PUBLISHED) == {on_article_2.pk, foundation.pk, elsewhere.pk}
    assert filtered(article=articles[1].pk) == {on_article_2.pk}
    assert filtered(kind=Kind.DELETE) == {on_article_2.pk}
    assert filtered(organisation_type=OrganisationType.FOUNDATION) == {foundation.pk}
    assert filtered(consultation=page.pk) == {confirmed.pk, on_article_2.pk, foundation.pk}
    assert filtered(consultation=page.pk, state=CommentState.PUBLISHED, kind=Kind.GENERAL) == {foundation.pk}


def test_listing_filters_by_decision_and_searches(admin_client, page, articles):
    answered = CommentFactory(
        consultation=page, article=articles[0], decision=Decision.ACCEPTED, organisation_name="Зелени Нови Сад"
    )
    unanswered = CommentFactory(consultation=page, article=articles[0], justification="Нема довољно времена.")

    assert listed(admin_client.get(LIST_URL, {"decision": Decision.ACCEPTED})) == {answered.pk}
    assert listed(admin_client.get(LIST_URL, {"decision": "none"})) == {unanswered.pk}
    assert listed(admin_client.get(LIST_URL, {"q": "зелени"})) == {answered.pk}
    assert listed(admin_client.get(LIST_URL, {"q": "довољно"})) == {unanswered.pk}
    assert listed(admin_client.get(LIST_URL, {"q": answered.tracking_number})) == {answered.pk}


def test_near_identical_comments_form_a_visible_group(admin_client, page, articles):
    campaign = [
        CommentFactory(consultation=page, article=articles[0], justification=text)
        for text in [
            "Рок од 15 дана је прекратак!",
            "рок од 15 дана је ПРЕКРАТАК",
            "Rok od 15 dana je prekratak.",
        ]
    ]
    alone = CommentFactory(consultation=page, article=articles[0], justification="Сасвим друго образложење.")
    other_page = ConsultationPageFactory(home=page.get_parent().specific.get_parent().specific)
    same_text_elsewhere = CommentFactory(
        consultation=other_page, article=other_page.articles.first(), justification="Рок од 15 дана је прекратак!"
    )

    response = admin_client.get(LIST_URL)

    sizes = {comment.pk: comment.group_size for comment in response.context["object_list"]}
    assert sizes == {**{c.pk: 3 for c in campaign}, alone.pk: 1, same_text_elsewhere.pk: 1}
    assert f"?same_text_as={campaign[0].pk}" in response.content.decode()

    assert listed(admin_client.get(LIST_URL, {"min_group": 2})) == {c.pk for c in campaign}
    assert listed(admin_client.get(LIST_URL, {"same_text_as": campaign[1].pk})) == {c.pk for c in campaign}
    assert listed(admin_client.get(LIST_URL, {"ordering": "-group_size"}))  # sortable by group size


@pytest.mark.parametrize(
    "ordering",
    [
        "tracking_number",
        "consultation_title",
        "target_label",
        "kind",
        "organisation_name",
        "organisation_type",
        "state",
        "decision",
        "submitted_at",
        "group_size",
    ],
)
def test_listing_sorts_by_each_column(admin_client, page, articles, ordering):
    first = CommentFactory(consultation=page, article=articles[0], organisation_name="А", justification="Једно.")
    second = CommentFactory.create_batch(2, consultation=page, article=articles[1], organisation_name="Б")

    ascending = admin_client.get(LIST_URL, {"ordering": ordering})
    descending = admin_client.get(LIST_URL, {"ordering": f"-{ordering}"})

    assert ascending.context["ordering"] == ordering
    assert listed(ascending) == listed(descending) == {first.pk, *(c.pk for c in second)}


def test_listing_runs_the_same_number_of_queries_for_10_and_60_comments(moderator_client, page, articles):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = moderator_client.get(LIST_URL)
        assert response.status_code == 200
        return len(queries)

    def add(n):
        for i in range(n):
            CommentFactory(
                consultation=page,
                article=articles[i % len(articles)],
                state=[CommentState.CONFIRMED, CommentState.PUBLISHED, CommentState.REJECTED][i % 3],
                decision=Decision.NOTED if i % 2 else "",
            )

    add(10)
    count_queries()  # warm the caches (content types, site, office settings, ...)
    with_10 = count_queries()
    add(50)
    count_queries()
    with_60 = count_queries()

    assert with_10 == with_60


# --- who sees what -------------------------------------------------------------------------------


def test_an_editor_without_the_permission_sees_nothing(staff_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)

    for url in [
        LIST_URL,
        "/admin/comments/results/",
        edit_url(comment),
        f"/admin/comments/inspect/{comment.pk}/",
        f"/admin/comments/history/{comment.pk}/",
        bulk_url("publish", [comment]),
    ]:
        assert_denied(staff_client, url)
    assert_denied(staff_client, edit_url(comment), "post")
    assert_denied(staff_client, bulk_url("publish", [comment]), "post")
    assert fresh(comment).state == CommentState.CONFIRMED
    # Wagtail's snippet chooser would list comments to any editor; it is not registered.
    chooser = staff_client.get("/admin/snippets/choose/consultations/comment/", follow=True)
    assert chooser.status_code == 404

    home = staff_client.get("/admin/")
    assert home.status_code == 200
    content = home.content.decode()
    assert LIST_URL not in content
    assert "consultation-comments-waiting" not in content
    assert comment.tracking_number not in content


def test_a_moderator_sees_the_listing_and_the_waiting_comments_on_the_dashboard(moderator_client, page, articles):
    CommentFactory.create_batch(2, consultation=page, article=articles[0], state=CommentState.CONFIRMED)
    CommentFactory(consultation=page, article=articles[0], state=CommentState.PUBLISHED)

    assert moderator_client.get(LIST_URL).status_code == 200
    assert moderator_client.get(LIST_URL, {"state": CommentState.CONFIRMED}).context["items_count"] == 2
    home = moderator_client.get("/admin/")
    content = home.content.decode()
    assert 'id="consultation-comments-waiting' in content or "consultation-comments-waiting" in content
    assert escape(f"{LIST_URL}?consultation={page.pk}&state=confirmed") in content
    assert page.title in content


def test_a_moderator_who_is_not_a_superuser_moderates(moderator_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)

    assert moderator_client.get(edit_url(comment)).status_code == 200
    response = moderator_client.post(bulk_url("reject", [comment]), {"reason": RejectionReason.ABUSIVE})

    assert response.status_code == 302
    assert fresh(comment).state == CommentState.REJECTED
    assert logs(comment, moderation.LOG_REJECT).get().user.username == "moderator"


def test_the_dashboard_counts_in_one_query(page, articles, django_assert_num_queries):
    other_page = ConsultationPageFactory(home=page.get_parent().specific.get_parent().specific)
    CommentFactory.create_batch(3, consultation=page, article=articles[0], state=CommentState.CONFIRMED)
    CommentFactory(consultation=other_page, article=other_page.articles.first(), state=CommentState.CONFIRMED)
    CommentFactory(consultation=other_page, article=other_page.articles.first(), state=CommentState.PUBLISHED)

    with django_assert_num_queries(1):
        rows = moderation.waiting_by_consultation()

    assert {row["consultation_id"]: row["waiting"] for row in rows} == {page.pk: 3, other_page.pk: 1}


def test_nobody_adds_or_deletes_comments_in_the_admin(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0])

    assert_denied(admin_client, "/admin/comments/add/")
    assert_denied(admin_client, f"/admin/comments/delete/{comment.pk}/")
    assert_denied(admin_client, f"/admin/comments/delete/{comment.pk}/", "post")
    admin_client.post(bulk_url("delete", [comment]))
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_contact_details_only_in_the_edit_and_inspect_views(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)

    listing = admin_client.get(LIST_URL).content.decode()
    assert comment.organisation_name in listing
    assert comment.contact_email not in listing
    assert comment.contact_phone not in listing
    assert comment.contact_name not in listing

    for url in [edit_url(comment), f"/admin/comments/inspect/{comment.pk}/"]:
        content = admin_client.get(url).content.decode()
        assert comment.contact_email in content
        assert comment.contact_phone in content


def test_commenter_text_is_escaped_in_the_listing_and_the_edit_view(admin_client, page, articles):
    comment = CommentFactory(
        consultation=page,
        article=articles[0],
        state=CommentState.CONFIRMED,
        organisation_name=XSS,
        justification=f"{XSS}\nДруги ред.",
        proposed_wording=XSS,
    )

    for url in [LIST_URL, edit_url(comment), f"/admin/comments/inspect/{comment.pk}/"]:
        content = admin_client.get(url).content.decode()
        assert XSS not in content, url
        assert escape(XSS) in content, url


# --- the edit view -------------------------------------------------------------------------------


def moderation_data(**overrides):
    data = {"state": CommentState.CONFIRMED, "rejection_reason": "", "decision": "", "decision_reasons": ""}
    data.update(overrides)
    return data


def test_rejecting_in_the_edit_view_needs_a_reason(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)

    response = admin_client.post(edit_url(comment), moderation_data(state=CommentState.REJECTED))

    assert response.status_code == 200
    assert "rejection_reason" in response.context["form"].errors
    assert fresh(comment).state == CommentState.CONFIRMED

    response = admin_client.post(
        edit_url(comment), moderation_data(state=CommentState.REJECTED, rejection_reason=RejectionReason.SPAM)
    )

    assert response.status_code == 302
    comment = fresh(comment)
    assert (comment.state, comment.rejection_reason) == (CommentState.REJECTED, RejectionReason.SPAM)
    assert logs(comment, moderation.LOG_REJECT).get().data == {"reason": "spam"}


def test_publishing_and_answering_in_the_edit_view_set_their_dates(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)
    original_name = comment.organisation_name

    response = admin_client.post(
        edit_url(comment),
        moderation_data(
            state=CommentState.PUBLISHED,
            decision=Decision.PARTLY,
            decision_reasons="Рок се продужава на 20 дана.",
            organisation_name="Промењено",  # commenter's fields are read-only: ignored
        ),
    )

    assert response.status_code == 302
    comment = fresh(comment)
    assert comment.state == CommentState.PUBLISHED
    assert comment.published_at is not None
    assert comment.decision == Decision.PARTLY
    assert comment.answered_at is not None
    assert comment.organisation_name == original_name
    assert logs(comment, moderation.LOG_PUBLISH).exists()
    assert logs(comment, moderation.LOG_ANSWER).get().data == {"decision": "partly"}


def test_a_decision_against_the_comment_needs_reasons(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0])

    response = admin_client.post(
        edit_url(comment), moderation_data(state=CommentState.PUBLISHED, decision=Decision.NOT_ACCEPTED)
    )

    assert response.status_code == 200
    assert "decision_reasons" in response.context["form"].errors
    assert fresh(comment).decision == ""


def test_an_unconfirmed_comment_cannot_be_published_from_the_edit_view(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.UNCONFIRMED)

    admin_client.post(edit_url(comment), moderation_data(state=CommentState.PUBLISHED))

    assert fresh(comment).state == CommentState.UNCONFIRMED


# --- bulk actions --------------------------------------------------------------------------------


def test_bulk_publish_publishes_only_confirmed_and_rejected_comments(admin_client, page, articles):
    confirmed = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)
    rejected = CommentFactory(
        consultation=page, article=articles[0], state=CommentState.REJECTED, rejection_reason=RejectionReason.SPAM
    )
    unconfirmed = CommentFactory(consultation=page, article=articles[0], state=CommentState.UNCONFIRMED)
    selection = [confirmed, rejected, unconfirmed]

    confirm_page = admin_client.get(bulk_url("publish", selection))
    assert confirm_page.status_code == 200
    assert [item["applies"] for item in confirm_page.context["items"]] == [True, True, False]

    response = admin_client.post(bulk_url("publish", selection))

    assert response.status_code == 302
    assert response["Location"] == LIST_URL
    for comment in [confirmed, rejected]:
        comment = fresh(comment)
        assert comment.state == CommentState.PUBLISHED
        assert comment.published_at is not None
        assert comment.rejection_reason == ""
        assert logs(comment, moderation.LOG_PUBLISH).exists()
    assert fresh(unconfirmed).state == CommentState.UNCONFIRMED
    assert fresh(unconfirmed).published_at is None


def test_bulk_reject_requires_a_reason(admin_client, page, articles):
    comments = CommentFactory.create_batch(2, consultation=page, article=articles[0], state=CommentState.CONFIRMED)

    response = admin_client.post(bulk_url("reject", comments), {})

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "reason" in errors
    assert escape(errors["reason"][0]) in response.content.decode()
    assert {fresh(c).state for c in comments} == {CommentState.CONFIRMED}

    response = admin_client.post(bulk_url("reject", comments), {"reason": RejectionReason.OFF_TOPIC})

    assert response.status_code == 302
    for comment in comments:
        comment = fresh(comment)
        assert (comment.state, comment.rejection_reason) == (CommentState.REJECTED, RejectionReason.OFF_TOPIC)
        assert comment.published_at is None
        assert logs(comment, moderation.LOG_REJECT).get().data == {"reason": "off_topic"}


def test_bulk_answer_gives_every_selected_comment_the_same_answer(admin_client, page, articles):
    campaign = CommentFactory.create_batch(3, consultation=page, article=articles[0], justification="Исти текст.")
    untouched = CommentFactory(consultation=page, article=articles[0])
    reasons = "Предлог није у складу са законом."

    response = admin_client.post(bulk_url("answer", campaign), {"decision": Decision.NOT_ACCEPTED})
    assert response.status_code == 200
    assert "reasons" in response.context["form"].errors

    response = admin_client.post(bulk_url("answer", campaign), {"decision": Decision.NOT_ACCEPTED, "reasons": reasons})

    assert response.status_code == 302
    for comment in campaign:
        comment = fresh(comment)
        assert (comment.decision, comment.decision_reasons) == (Decision.NOT_ACCEPTED, reasons)
        assert comment.answered_at is not None
    assert fresh(untouched).decision == ""
    uuids = set(ModelLogEntry.objects.filter(action=moderation.LOG_ANSWER).values_list("uuid", flat=True))
    assert len(uuids) == 1  # one bulk action, one logged operation


def test_select_all_in_listing_keeps_the_listing_filters(admin_client, page, articles):
    campaign = CommentFactory.create_batch(2, consultation=page, article=articles[0], justification="Исти текст.")
    other = CommentFactory(consultation=page, article=articles[1])
    listing = f"{LIST_URL}?{urlencode({'same_text_as': campaign[0].pk})}"
    url = "/admin/bulk/consultations/comment/answer/?" + urlencode({"id": "all", "next": listing})

    response = admin_client.post(url, {"decision": Decision.NOTED})

    assert response.status_code == 302
    assert {fresh(c).decision for c in campaign} == {Decision.NOTED}
    assert fresh(other).decision == ""


def test_erasing_contact_data_keeps_the_comment_anonymous(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.PUBLISHED)
    email, phone = comment.contact_email, comment.contact_phone

    response = admin_client.post(bulk_url("erase_contact", [comment]))

    assert response.status_code == 302
    comment = fresh(comment)
    assert (comment.contact_name, comment.contact_email, comment.contact_phone) == ("", "", "")
    assert comment.contact_erased_at is not None
    assert comment.justification and comment.organisation_name and comment.state == CommentState.PUBLISHED
    entry = logs(comment, moderation.LOG_ERASE_CONTACT).get()
    assert email not in f"{entry.label} {entry.data}" and phone not in f"{entry.label} {entry.data}"


def test_the_moderation_log_never_holds_contact_data(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)
    admin_client.post(bulk_url("publish", [comment]))
    admin_client.post(bulk_url("answer", [comment]), {"decision": Decision.ACCEPTED, "reasons": ""})
    admin_client.post(edit_url(comment), moderation_data(state=CommentState.PUBLISHED, decision=Decision.NOTED))

    entries = list(ModelLogEntry.objects.for_instance(comment))
    assert len(entries) >= 3
    dump = " ".join(f"{entry.label} {entry.data}" for entry in entries)
    for secret in [comment.contact_email, comment.contact_phone, comment.contact_name]:
        assert secret not in dump

    history = admin_client.get(f"/admin/comments/history/{comment.pk}/")
    assert history.status_code == 200
