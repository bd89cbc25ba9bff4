"""The API never returns contact data: a walk of every endpoint in its own schema, in every language."""

import pytest

from tests.api.conftest import CONTACT_EMAIL, CONTACT_NAME, CONTACT_PHONE, TAX_ID
from tests.api.walk import FORBIDDEN_KEY, keys_and_values, schema, walk

LANGUAGES = ["sr-cyrl", "sr-latn", "en"]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_endpoint_returns_a_contact_key_or_value_in_any_language(client, api_content, lang):
    answers = walk(client, lang)
    lists = {path for path in schema(client)["paths"] if "{" not in path}
    assert lists <= {url.split("?")[0] for url in answers}
    assert any("/comments/" in url and "/comments/?" not in url for url in answers)  # details were opened
    secrets = {CONTACT_EMAIL, CONTACT_PHONE, CONTACT_NAME, TAX_ID}
    for comment in api_content["comments"].values():
        tokens = (comment.submission_token, comment.confirmation_token_hash, comment.fingerprint, comment.content_key)
        secrets |= {token for token in tokens if token}
    for url, answer in answers.items():
        for path, key, value in keys_and_values(answer):
            assert key is None or not FORBIDDEN_KEY.search(key), (url, path, key)
            assert not any(secret in str(value) for secret in secrets), (url, path, value)


@pytest.mark.django_db
def test_a_comment_gives_what_its_page_shows_with_contact_data_in_its_text_left_out(client, api_content):
    comments = api_content["comments"]
    answer = client.get(f"/api/v1/comments/{comments['with_contact_in_text'].pk}/").json()
    assert answer["justification"] == "Пишите нам на … или …."
    assert set(answer) == {
        "id",
        "consultation",
        "article",
        "target",
        "kind",
        "kind_label",
        "author",
        "proposed_wording",
        "justification",
        "published_at",
        "text_sha256",
        "received_through",
        "position_paper_url",
        "decision",
        "decision_label",
        "decision_reasons",
    }
    assert answer["text_sha256"] == comments["with_contact_in_text"].text_sha256
