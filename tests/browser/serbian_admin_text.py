"""What counts as English left in the Serbian admin: Latin words that are not legitimately Latin.

Legitimately Latin: the demo's own content (titles, names, translated segments, written by editors in
Latin or English), addresses, file names, technical acronyms and the names of languages in their own
language. Everything else written in Latin letters on a Cyrillic admin screen is untranslated text.
"""

import re

from django.apps import apps
from django.db import models

from core.scripts import to_latin

# Names and acronyms that stay Latin in Serbian administrative text.
LATIN_TERMS = {
    *("Wagtail", "Wagtail Localize", "Instagram", "Facebook", "LinkedIn"),
    *("API", "URL", "JSON", "UTC", "PDF", "DOCX", "HTML", "RSS", "Atom", "CSV", "PO"),
}
# The language switchers name each language in that language.
LANGUAGE_AUTONYMS = {"English", "Srpski (latinica)", "srpski (latinica)", "Srpski", "srpski"}
# wagtail-localize's editor bundle (static/wagtail_localize/js/wagtail-localize.js, 1.14) writes these in English
# without gettext, so no catalogue can translate them: the test prints them and leaves them to upstream.
ADDRESS = re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b|\bhttps?://\S+|(?:^|\s)/[\w./?=&%-]*")
FILE_NAME = re.compile(r"\b[\w.-]+\.(pdf|docx|odt|xlsx|ods|csv|txt|png|jpe?g|gif|webp|svg)\b", re.IGNORECASE)
LATIN_WORD = re.compile(r"[A-Za-zČĆŽŠĐčćžšđ]{3,}")
CONTENT_APPS = {
    "home",
    "documents",
    "consultations",
    "calls",
    "news",
    "strategies",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtail_localize",
    "taggit",
    "auth",
}


def legitimate_latin_texts() -> list[str]:
    """Every free text the demo stores (no choice values), with its Latin form; longest first."""
    texts = set(LATIN_TERMS) | LANGUAGE_AUTONYMS
    for model in apps.get_models():
        if model._meta.app_label not in CONTENT_APPS or model._meta.proxy:
            continue
        fields = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField)) and not field.choices
        ]
        for row in model.objects.values_list(*fields) if fields else ():
            texts.update(value for value in row if isinstance(value, str) and re.search("[A-Za-z]", value))
    for text in list(texts):
        texts.add(to_latin(text))
        texts.update(line.strip() for line in text.splitlines() if len(line.strip()) > 3)
    return sorted((text for text in texts if len(text) > 2), key=len, reverse=True)


def latin_words_left(visible_text: str, legitimate: list[str]) -> list[str]:
    """'line  [Latin words left in it]' for every line with a Latin word that is not legitimately Latin."""
    left = []
    for line in dict.fromkeys(line.strip() for line in visible_text.splitlines()):
        if not LATIN_WORD.search(line):
            continue
        rest = FILE_NAME.sub(" ", ADDRESS.sub(" ", line))
        for text in legitimate:
            if text in rest:  # as whole words only: "en" is content, "children" is not
                rest = re.sub(rf"(?<!\w){re.escape(text)}(?!\w)", " ", rest)
        if words := LATIN_WORD.findall(rest):
            left.append(f"{line[:160]}  {words}")
    return left
