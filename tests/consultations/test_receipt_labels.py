"""A receipt speaks the page's language: the hashed text keeps its English field names, each explained beside it."""

import re

import pytest

from django.utils.crypto import get_random_string

from consultations.models import hash_token
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.html_dom import parse

pytestmark = pytest.mark.django_db

FIELD_NAMES = ["consultation", "target", "kind", "proposed wording", "justification", "organisation"]
ENGLISH_WORDS = {"change", "consultation", "justification", "kind", "organisation", "proposed", "target", "wording"}


@pytest.fixture
def receipt(client, home_page):
    consultation = ConsultationPageFactory(home=home_page, title="Нацрт одлуке о потврдама")
    token = get_random_string(24)
    CommentFactory(consultation=consultation, article=None, kind="change", confirmation_token_hash=hash_token(token))
    response = client.get(consultation.url + consultation.reverse_subpage("receipt", args=[token]))
    assert response.status_code == 200
    return parse(response.content)


def test_every_field_name_of_the_hashed_text_is_explained_in_serbian_beside_it(receipt):
    (legend,) = [dl for dl in receipt.iter("dl") if dl.get("class") == "canonical-fields"]
    terms = ["".join(dt.itertext()).split(":")[0] for dt in legend.iter("dt")]
    explanations = ["".join(dd.itertext()) for dd in legend.iter("dd")]
    assert terms == FIELD_NAMES
    assert all(re.search("[а-ш]", text) for text in explanations), explanations
    assert "Врста коментара: измена формулације" in explanations


def test_outside_the_hashed_text_and_its_field_names_no_english_word_is_shown(receipt):
    for element in receipt.iter():
        if element.tag == "pre" and "canonical-text" in (element.get("class") or "") or element.get("lang") == "en":
            tail = element.tail
            element.clear()
            element.tail = tail
    main = next(receipt.iter("main"))
    words = set(re.findall(r"[a-z]+", " ".join(main.itertext())))
    assert not words & ENGLISH_WORDS
