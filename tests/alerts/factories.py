"""Factories for e-mail alerts: subscriptions, confirmed unless asked otherwise."""

import factory

from django.utils import timezone

from alerts.models import Frequency, Subscription


class SubscriptionFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"pratilac{n}@udruzenje.example")
    language = "sr-cyrl"
    frequency = Frequency.INSTANT
    consultations = True
    calls = True
    news = True
    documents = True
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscription
