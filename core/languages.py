"""Which language versions of the current page exist, for the switcher and hreflang."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url

from .content_cache import cached

# BCP 47 tags for <html lang> and hreflang; Django's codes are lower-case.
BCP47 = {"sr-cyrl": "sr-Cyrl", "sr-latn": "sr-Latn", "en": "en"}


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str

    @property
    def bcp47(self) -> str:
        return BCP47.get(self.code, self.code)


def page_versions(page, request) -> list[LanguageVersion]:
    """Live translations of a page, in the order of settings.LANGUAGES (kept until the content changes)."""

    def build() -> dict[str, str]:
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return {translation.locale.language_code: translation.get_url(request) for translation in translations}

    urls = cached(f"page-versions:{page.pk}:{request.get_host()}", build)
    return [
        # The request's own host, so links stay on the address the visitor used.
        LanguageVersion(code, name, request.build_absolute_uri(urls[code]))
        for code, name in settings.LANGUAGES
        if code in urls
    ]


def path_versions(request) -> list[LanguageVersion]:
    """For views that are not pages (404, search): the same path under each prefix."""
    url = request.build_absolute_uri()
    return [LanguageVersion(code, name, translate_url(url, code)) for code, name in settings.LANGUAGES]
