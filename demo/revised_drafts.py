"""Demo version 2 of a draft: the proposal the office made of it after the consultation.

Published the way an editor publishes a revised draft from the admin
(consultations.versions.publish_revised_draft): the changed articles are saved as the page's
draft, then published and frozen as the next version. The English translation is refreshed
afterwards, which is when the English copy of the new version is taken, so the English
comparison page shows English on both sides. Safe to run again: a draft that has its second
version is left alone.
"""

from consultations.models import ConsultationPage, DraftVersion
from consultations.versions import publish_revised_draft

from .dates import moment
from .translation import translate_with_table


def save_changed_articles(page: ConsultationPage, texts: dict[str, str]) -> None:
    """The editor's unpublished draft of the page, with the article numbered n given texts[n]."""
    draft = page.get_latest_revision_as_object()
    articles = list(draft.articles.all())
    for article in articles:
        article.text = texts.get(article.number, article.text)
    draft.articles = articles
    draft.save_revision()


def ensure_second_version(page: ConsultationPage, spec: dict, english, english_table: dict[str, str]) -> DraftVersion:
    """Version 2 from `spec` ([closed.proposal]): its changed articles, note and date of publication."""
    existing = page.draft_versions.filter(number=2).first()
    if existing is not None:
        return existing
    save_changed_articles(page, {article["number"]: article["text"] for article in spec["articles"]})
    page = ConsultationPage.objects.get(pk=page.pk)
    version = publish_revised_draft(page, None, note=spec["note"])
    # The demo is built today; the proposal was published on the date the data gives.
    DraftVersion.objects.filter(pk=version.pk).update(published_at=moment(spec["published"]))
    if page.has_translation(english):
        translate_with_table(page, english, english_table)
    return version
