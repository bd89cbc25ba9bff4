"""What publishing the Latin twin did travels as an enum member, not as a free string."""

from django.utils import translation

from home.latin_twin import NotUpdated, TwinOutcome, publish_latin_twin
from home.wagtail_hooks import describe_outcome


def test_a_page_that_is_not_cyrillic_is_left_alone_with_an_enum_reason():
    outcome = publish_latin_twin(object())

    assert outcome == TwinOutcome(updated=False, reason=NotUpdated.NOT_CYRILLIC)
    assert outcome.reason is NotUpdated.NOT_CYRILLIC


def test_the_editor_is_told_what_each_reason_means():
    with translation.override("en"):
        stopped = describe_outcome(TwinOutcome(updated=False, reason=NotUpdated.SYNC_STOPPED))
        failed = describe_outcome(TwinOutcome(updated=False, reason=NotUpdated.ERROR))

    assert "sync stopped" in stopped
    assert "could not be published" in failed
