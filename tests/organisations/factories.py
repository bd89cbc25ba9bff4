"""Records that name an organisation: awards in calls with published results, and comments."""

from decimal import Decimal

from tests.calls.factories import DAY, AwardFactory, CallPageFactory

NUMBER = "08123456"
YEAR = 365 * DAY


def award(name: str, number: str = NUMBER, requested: str = "500000", awarded: str = "400000", **extra):
    return AwardFactory.build(
        organisation_name=name,
        registration_number=number,
        amount_requested=Decimal(requested),
        amount_awarded=Decimal(awarded),
        **extra,
    )


def call_with_results(home, awards, years_ago: int = 0, **extra):
    """A call with published results, opened about `years_ago` years before now."""
    shift = years_ago * YEAR
    dates = {
        "opens_in": -60 * DAY - shift,
        "closes_in": -30 * DAY - shift,
        "results_published_in": -10 * DAY - shift,
    }
    return CallPageFactory(home=home, awards=awards, **{**dates, **extra})


def comment(consultation, **fields):
    """A published comment on the draft as a whole, by the organisation NUMBER unless told otherwise."""
    from tests.consultations.factories import CommentFactory

    return CommentFactory(consultation=consultation, article=None, **{"registration_number": NUMBER, **fields})
