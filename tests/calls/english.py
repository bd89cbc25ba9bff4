"""A call with its English translation, under an index that has one too."""

from tests.calls.factories import CallIndexPageFactory, CallPageFactory, translate_to_english


def call_with_english_twin(home, title: str, english_title: str, english_slug: str):
    """The call and its English twin; the twin's URL is /en/calls/<english_slug>/."""
    index = CallIndexPageFactory(parent=home)
    translate_to_english(index, {index.title: "Public calls", index.intro: "Calls.", index.slug: "calls"})
    call = CallPageFactory(home=home, title=title, summary="Финансирање културе.", budget_line="")
    english = translate_to_english(
        call,
        {
            call.title: english_title,
            call.summary: "Financing culture.",
            call.legal_basis: "Law on Associations, Article 38.",
            "Право учешћа имају удружења са седиштем у Новом Саду.": "Associations based in Novi Sad may apply.",
            call.slug: english_slug,
        },
    )
    return call, english
