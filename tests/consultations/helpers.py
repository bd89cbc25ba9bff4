import time

from django.contrib.auth.models import Permission
from django.core import signing

from consultations.submission import TOKEN_SALT


def form_token(seconds_ago: int = 60, token: str | None = None) -> str:
    """A server-issued form token, as if the form had been opened `seconds_ago`."""
    import secrets

    return signing.dumps(
        {"t": token or secrets.token_urlsafe(24), "at": int(time.time()) - seconds_ago}, salt=TOKEN_SALT
    )


def comment_data(page, **overrides) -> dict:
    article = page.articles.order_by("sort_order").all()[2]
    data = {
        "form_token": form_token(),
        "website": "",
        "target": str(article.pk),
        "kind": "change",
        "proposed_wording": "Рок за подношење пријава је 30 дана.",
        "justification": "Удружењима је потребно више времена да припреме документацију.",
        "organisation_name": "Удружење „Зелени Нови Сад“",
        "registration_number": "28012345",
        "tax_id": "",
        "organisation_type": "association",
        "contact_name": "Марија Петровић",
        "contact_email": "marija@zeleni.example",
        "contact_phone": "+381 21 555 123",
        "consent": "public",
        "privacy": "on",
    }
    data.update(overrides)
    return data


def make_user(django_user_model, username, *codenames):
    """A staff user who may open the admin, with the named consultations permissions only."""
    user = django_user_model.objects.create_user(username=username, password="x", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="consultations", codename__in=codenames),
    )
    return user
