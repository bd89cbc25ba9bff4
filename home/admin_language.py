"""New accounts start with the admin in the site's default language (Serbian Cyrillic).

Wagtail, when a user has no preference, follows the browser's Accept-Language, so an editor whose
browser asks for English would work in English. Each new account therefore gets the default as its
explicit preference, which the editor may change under Account > Preferences.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save

from wagtail.users.models import UserProfile


def give_new_user_the_default_admin_language(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    UserProfile.objects.get_or_create(user=instance, defaults={"preferred_language": settings.LANGUAGE_CODE})


def connect():
    post_save.connect(
        give_new_user_the_default_admin_language,
        sender=get_user_model(),
        dispatch_uid="home.admin_language.default_for_new_users",
    )


def write_translation_dates_as_numbers():
    """wagtail-localize writes "Translated manually on {date}" with strftime("%-d %B %Y"), whose month name is
    the C locale's English whatever the editor's language; a numeric date reads the same in every language."""
    import wagtail_localize.models

    wagtail_localize.models.DATE_FORMAT = "%d.%m.%Y."
