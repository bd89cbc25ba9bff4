"""Factories for consultations: an index, an open consultation with articles, comments in any state."""

import datetime
import secrets

import factory

from django.utils import timezone

from consultations.models import (
    Article,
    Comment,
    CommentState,
    Consent,
    ConsultationIndexPage,
    ConsultationPage,
    Kind,
    OrganisationType,
    hash_token,
    new_tracking_number,
)
from tests.factories import publish


def make_consultation(
    home, *, opens_in=datetime.timedelta(days=-1), closes_in=datetime.timedelta(days=30), articles=3, **fields
):
    """A published consultation (under an index) with `articles` articles; opens/closes relative to now."""
    index = ConsultationIndexPage.objects.child_of(home).first()
    if index is None:
        index = ConsultationIndexPage(title="Консултације", intro="Јавне консултације о нацртима прописа.")
        home.add_child(instance=index)
        publish(index)
    now = timezone.now()
    page = ConsultationPage(
        title=fields.pop("title", f"Нацрт одлуке {secrets.token_hex(3)}"),
        summary=fields.pop("summary", "Нацрт одлуке о финансирању програма удружења."),
        responsible_body=fields.pop("responsible_body", "Градска управа за опште послове"),
        opens_at=now + opens_in,
        closes_at=now + closes_in,
        **fields,
    )
    page.articles = [
        Article(number=str(n), heading=f"Предмет {n}", text=f"Текст члана {n} нацрта одлуке.", sort_order=n)
        for n in range(1, articles + 1)
    ]
    index.add_child(instance=page)
    return publish(page)


class CommentFactory(factory.django.DjangoModelFactory):
    """A comment; pass state=… (default published) and consultation=…, article=…"""

    target_label = factory.LazyAttribute(lambda c: f"Члан {c.article.number}" if c.article else "Нацрт у целини")
    kind = Kind.CHANGE
    proposed_wording = "Предлажемо да рок буде 30 дана."
    justification = factory.Sequence(lambda n: f"Образложење број {n}: рок од 15 дана је прекратак.")
    organisation_name = factory.Sequence(lambda n: f"Удружење грађана {n}")
    registration_number = "28012345"
    organisation_type = OrganisationType.ASSOCIATION
    contact_name = "Јована Јовановић"
    contact_email = factory.Sequence(lambda n: f"kontakt{n}@udruzenje.example")
    contact_phone = "+381 21 123 456"
    consent = Consent.PUBLIC
    state = CommentState.PUBLISHED
    submission_token = factory.LazyFunction(lambda: secrets.token_urlsafe(24))
    confirmation_token_hash = factory.LazyFunction(lambda: hash_token(secrets.token_urlsafe(24)))
    confirmation_expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(hours=72))
    tracking_number = factory.LazyFunction(new_tracking_number)
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Comment

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        comment = model_class(*args, **kwargs)
        comment.seal()
        if comment.state == CommentState.PUBLISHED and not comment.published_at:
            comment.published_at = timezone.now()
        comment.save()
        return comment
