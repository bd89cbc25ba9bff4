"""Moderating comments in the admin: the listing, its filters, groups of near-identical comments, sorting."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations.models import CommentState, Decision, Kind, OrganisationType
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.consultations.moderation_admin import LIST_URL, listed

pytestmark = pytest.mark.django_db


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
