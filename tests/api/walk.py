"""Walking the API as a client would: every path of its own schema, lists first, details with ids from the lists."""

import re

from django.urls import reverse

API = "/api/v1/"
# Keys that would name personal or secret data; "text_sha256" and a file's "sha256" are published on purpose.
FORBIDDEN_KEY = re.compile(r"contact|e_?mail|phone|tax|pib|token|hash|password|fingerprint|content_key", re.I)


def schema(client) -> dict:
    response = client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    return response.json()


def keys_and_values(data, path="$"):
    """(path, key, value) of every key of every object, and (path, None, value) of every scalar, anywhere."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield path, key, value
            yield from keys_and_values(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from keys_and_values(value, f"{path}[{index}]")
    else:
        yield path, None, data


def walk(client, lang: str) -> dict[str, object]:
    """{url: JSON} of every list path of the schema and of the detail of every item the lists give."""
    paths = schema(client)["paths"]
    answers = {}
    for path in paths:
        if "{" in path:
            continue
        url = f"{path}?lang={lang}&page_size=100"
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        answers[url] = response.json()
        detail = f"{path}{{id}}/"
        if detail in paths:
            for item in answers[url]["results"]:
                item_url = detail.replace("{id}", str(item["id"])) + f"?lang={lang}"
                item_response = client.get(item_url)
                assert item_response.status_code == 200, (item_url, item_response.content[:300])
                answers[item_url] = item_response.json()
    return answers


def ids(client, endpoint: str, **params) -> set[int]:
    response = client.get(f"{API}{endpoint}/", {"page_size": 100, **params})
    assert response.status_code == 200, response.content[:300]
    return {item["id"] for item in response.json()["results"]}
