"""Search entries follow publishing: what is public is found, what is not is never shown."""

from django.core.management import call_command
from django.test import TestCase

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from search.entries import DOCUMENT_KIND, document_key, page_key
from search.models import SearchEntry
from tests.search.conftest import page, pdf_document


def entry_of(page_or_key):
    key = page_or_key if isinstance(page_or_key, str) else page_key(page_or_key.translation_key)
    return SearchEntry.objects.filter(key=key).first()


def test_a_published_page_is_one_entry_with_every_language(home_page):
    about = page(home_page, "О канцеларији", intro="Канцеларија за сарадњу са цивилним друштвом.")
    entry = entry_of(about)

    assert entry.kind == "home.standardpage"
    assert entry.titles == {"sr-cyrl": "О канцеларији", "sr-latn": "O kancelariji", "en": "O kancelariji"}
    assert entry.urls["sr-cyrl"].startswith("/sr-cyrl/") and entry.urls["sr-latn"].startswith("/sr-latn/")
    assert entry.urls["en"] == entry.urls["sr-latn"], "without English, English readers get the Latin twin"
    assert "drustvom" in entry.search_text and "kancelariji" in entry.search_title


def test_unpublishing_and_deleting_remove_the_entry(home_page):
    first = page(home_page, "Прва", intro="Текст.")
    second = page(home_page, "Друга", intro="Текст.")

    with TestCase.captureOnCommitCallbacks(execute=True):
        first.unpublish()
    with TestCase.captureOnCommitCallbacks(execute=True):
        second.delete()

    assert entry_of(first) is None and entry_of(second) is None


def test_a_private_page_leaves_the_search_and_comes_back(home_page):
    members = page(home_page, "За чланове", intro="Интерно.")
    with TestCase.captureOnCommitCallbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=members, restriction_type="login")
    assert entry_of(members) is None

    with TestCase.captureOnCommitCallbacks(execute=True):
        restriction.delete()
    assert entry_of(members) is not None


def test_documents_are_found_by_their_file_text_unless_private(home_page):
    document = pdf_document("Правилник", ["Члан 1. Овим правилником уређује се поступак."])
    entry = entry_of(document_key(document.pk))
    assert entry.kind == DOCUMENT_KIND
    assert "pravilnikom" in entry.search_text
    assert entry.urls["en"] == document.get_absolute_url().replace("/sr-cyrl/", "/en/", 1) or entry.urls["en"]

    private = Collection.get_first_root_node().add_child(name="Интерно")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    with TestCase.captureOnCommitCallbacks(execute=True):
        document.collection = private
        document.save()
    assert entry_of(document_key(document.pk)) is None

    pk = document.pk
    with TestCase.captureOnCommitCallbacks(execute=True):
        document.delete()
    assert entry_of(document_key(pk)) is None


def test_sync_search_entries_rebuilds_what_was_lost(home_page):
    kept = page(home_page, "Стална страница", intro="Текст.")
    SearchEntry.objects.all().delete()
    SearchEntry.objects.create(key="page:00000000-0000-0000-0000-000000000000", kind="home.standardpage")

    call_command("sync_search_entries", stdout=open("/dev/null", "w"))

    assert entry_of(kept) is not None
    assert not SearchEntry.objects.filter(key__startswith="page:00000000").exists()
