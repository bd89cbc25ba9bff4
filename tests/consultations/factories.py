"""Factories for consultations: an index, an open consultation with articles, comments in any state."""

import datetime
import secrets

import factory

from django.conf import settings
from django.contrib.auth.models import Permission
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
from core.registry_numbers import with_check_digit
from tests.factories import IndexPageFactory, PublishedPageFactory, factory_for, under_index_of_home

ConsultationIndexPageFactory = factory_for(
    ConsultationIndexPage, IndexPageFactory, title="Консултације", intro="Јавне консултације о нацртима прописа."
)


class ConsultationPageFactory(PublishedPageFactory):
    """A consultation under the index of `home` (created if missing) with `article_count` articles;
    it opens `opens_in` and closes `closes_in` from now. `reported=True`: closed yesterday after a month,
    its report published now."""

    class Params:
        home = None
        opens_in = datetime.timedelta(days=-1)
        closes_in = datetime.timedelta(days=30)
        article_count = 3
        now = factory.LazyFunction(timezone.now)
        reported = factory.Trait(
            opens_in=datetime.timedelta(days=-30),
            closes_in=datetime.timedelta(days=-1),
            report_published_at=factory.LazyFunction(timezone.now),
        )

    parent = under_index_of_home(ConsultationIndexPageFactory)
    title = factory.LazyFunction(lambda: f"Нацрт одлуке {secrets.token_hex(3)}")
    summary = "Нацрт одлуке о финансирању програма удружења."
    responsible_body = "Градска управа за опште послове"
    opens_at = factory.LazyAttribute(lambda page: page.now + page.opens_in)
    closes_at = factory.LazyAttribute(lambda page: page.now + page.closes_in)
    articles = factory.LazyAttribute(
        lambda page: [
            Article(number=str(n), heading=f"Предмет {n}", text=f"Текст члана {n} нацрта одлуке.", sort_order=n)
            for n in range(1, page.article_count + 1)
        ]
    )

    class Meta:
        model = ConsultationPage


class CommentFactory(factory.django.DjangoModelFactory):
    """A comment; pass state=… (default published) and consultation=…, article=…"""

    target_label = factory.LazyAttribute(lambda c: f"Члан {c.article.number}" if c.article else "Нацрт у целини")
    kind = Kind.CHANGE
    proposed_wording = "Предлажемо да рок буде 30 дана."
    justification = factory.Sequence(lambda n: f"Образложење број {n}: рок од 15 дана је прекратак.")
    organisation_name = factory.Sequence(lambda n: f"Удружење грађана {n}")
    # A made-up number with a correct check digit (core/registry_numbers.py, tested against real ones).
    registration_number = with_check_digit("2801234")
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


class StaffUserFactory(factory.django.DjangoModelFactory):
    """A staff user who may open the admin, with the named consultations permissions only
    (`permissions=["moderate_comment"]`)."""

    username = factory.Sequence(lambda n: f"urednik{n}")
    password = factory.django.Password("x")
    is_staff = True

    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    @factory.post_generation
    def permissions(self, create, codenames, **kwargs):  # self: the user just made
        self.user_permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
            *Permission.objects.filter(content_type__app_label="consultations", codename__in=codenames or ()),
        )
