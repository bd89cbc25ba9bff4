"""The content a fault test's server needs, written into its private database.

Run in a process of its own with the server's environment (see `seed_private_site` in
tests/faults/conftest.py): it migrates, adds an open consultation with its Latin and English
versions, a document collection and an editor, and prints what the test needs as JSON.
"""

import json

from django.core.management import call_command

EDITOR = ("urednica", "fault-test-password-1")


def seed() -> dict:
    from django.contrib.auth import get_user_model

    from wagtail.models import Locale

    from tests.calls.factories import translate_to_english
    from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
    from tests.factories import SiteHomePageFactory

    call_command("migrate", interactive=False, verbosity=0)
    home = SiteHomePageFactory()
    index = ConsultationIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=index, title="Нацрт одлуке о удружењима")
    translate_to_english(
        index, {index.title: "Consultations", index.intro: "Public consultations.", index.slug: "consultations"}
    )
    english = translate_to_english(consultation, english_table(consultation))
    get_user_model().objects.create_superuser(EDITOR[0], "urednica@example.org", EDITOR[1])
    latin = consultation.get_translation(Locale.objects.get(language_code="sr-latn"))
    return {
        "urls": {"sr-cyrl": consultation.url, "sr-latn": latin.url, "en": english.url},
        "articles": [article.pk for article in consultation.articles.order_by("sort_order")],
        "editor": list(EDITOR),
    }


def english_table(consultation) -> dict[str, str]:
    table = {
        consultation.title: "Draft decision on associations",
        consultation.summary: "Draft decision on funding association programmes.",
        consultation.responsible_body: "City Administration for General Affairs",
        consultation.slug: "draft-decision-on-associations",
    }
    for article in consultation.articles.all():
        table[article.number] = article.number
        table[article.heading] = f"Subject {article.number}"
        table[article.text] = f"Text of article {article.number} of the draft decision."
    return table


if __name__ == "__main__":
    import django

    django.setup()
    print("SEED " + json.dumps(seed()))  # noqa: T201  (the parent process reads this line)
