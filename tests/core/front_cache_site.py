"""The content the front-cache test's server needs, written into its own database.

Run in a process of its own with the server's environment: it migrates, adds a home page, a
news index (with its Latin twin), an open consultation and a superuser, and prints what the test
needs as JSON.
"""

import json

from django.core.management import call_command

EDITOR = ("urednica", "front-cache-test-password-1")
INTRO = "Вести Канцеларије, први увод."


def seed() -> dict:
    from django.contrib.auth import get_user_model

    from wagtail.models import Locale

    from tests.consultations.factories import ConsultationPageFactory
    from tests.factories import SiteHomePageFactory
    from tests.news.factories import NewsIndexPageFactory

    call_command("migrate", interactive=False, verbosity=0)
    home = SiteHomePageFactory()
    index = NewsIndexPageFactory(parent=home, intro=INTRO)
    get_user_model().objects.create_superuser(EDITOR[0], "urednica@example.org", EDITOR[1])
    latin = index.get_translation(Locale.objects.get(language_code="sr-latn"))
    # An open consultation: its page with the comment form is shared; its form-token route never is.
    consultation = ConsultationPageFactory(home=home)
    return {
        "index": index.pk,
        "urls": {"sr-cyrl": index.url, "sr-latn": latin.url},
        "consultation": consultation.url,
        "form_token": consultation.url + consultation.reverse_subpage("form_token"),
        "editor": list(EDITOR),
    }


if __name__ == "__main__":
    import django

    django.setup()
    print("SEED " + json.dumps(seed()))  # noqa: T201  (the parent process reads this line)
