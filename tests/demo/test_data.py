"""The demo's data files say only what the builder can build: a typo fails here, in a second, not
half-way through a 20-second demo build (or, worse, as an invalid choice stored without a word)."""

import datetime

from consultations.models import comments
from demo.data import DATA_DIR, load
from demo.dates import BELGRADE, moment
from documents.models import Status
from news.models import EventFormat
from strategies.models import ProgressStatus, StrategyStatus


def values(choices) -> set[str]:
    return {choice.value for choice in choices}


def test_every_data_file_loads():
    names = sorted(path.stem for path in DATA_DIR.glob("*.toml"))

    assert names == ["calls", "consultations", "documents", "funding", "news", "search", "site", "strategies"]
    assert all(load(name) for name in names)


def test_every_comment_names_an_organisation_an_article_and_valid_choices():
    data = load("consultations")
    open_articles = {str(number) for number in range(1, len(data["open"]["articles"]) + 1)}
    closed_articles = {article["number"] for article in data["closed"]["articles"]}
    choices = {
        "state": values(comments.CommentState),
        "consent": values(comments.Consent),
        "kind": values(comments.Kind),
        "decision": values(comments.Decision),
        "rejection_reason": values(comments.RejectionReason),
    }
    for consultation, articles in [(data["open"], open_articles), (data["closed"], closed_articles)]:
        for comment in consultation["comments"]:
            assert comment.get("organisation") in data["organisations"] or comment.get("citizen") in data["citizens"]
            assert comment.get("article", "1") in articles, comment
            assert "state" in comment, comment
            for field, allowed in choices.items():
                assert comment.get(field, next(iter(allowed))) in allowed, (field, comment)
    assert {org["type"] for org in data["organisations"].values()} <= values(comments.OrganisationType)


def test_recorded_comments_and_the_second_version_name_valid_choices_and_existing_articles():
    closed = load("consultations")["closed"]
    articles = {article["number"] for article in closed["articles"]}
    for comment in closed["recorded"]:
        assert comment["channel"] in values(comments.Channel) - {comments.Channel.WEB}, comment
        assert comment["respondent_type"] in values(comments.RespondentType), comment
        assert comment.get("article", "1") in articles, comment
        assert comment["decision"] in values(comments.Decision), comment
        assert comment["consent"] in values(comments.Consent), comment
        assert comment["original"], "a recorded comment needs its original"
    changed = [article["number"] for article in closed["proposal"]["articles"]]
    assert set(changed) <= articles
    assert [article["number"] for article in closed["english"]["proposal_articles"]] == changed


def test_choices_of_documents_events_and_strategies_are_valid():
    documents = load("documents")
    types = {name for name, _english in documents["document_types"]}
    issuers = {body["name"][0] for body in documents["issuing_bodies"]}
    for document in documents["documents"]:
        assert document["status"] in values(Status)
        assert document["type"] in types and document["issuer"] in issuers
        assert document["format"] in {"pdf", "scan", "docx", "odt", "xlsx"}
    news = load("news")
    assert {news[event]["format"] for event in ("round_table", "info_day", "public_hearing")} <= values(EventFormat)
    strategies = load("strategies")
    assert strategies["strategy"]["status"] in values(StrategyStatus)
    statuses = {progress["status"] for measure in strategies["measures"] for progress in measure["progress"]}
    assert statuses <= values(ProgressStatus)


def test_every_text_with_a_translation_is_a_cyrillic_english_pair():
    def pairs(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "image":  # a picture's title names the file; its `alt` text is the pair
                    yield item["alt"]
                    continue
                if key in {"title", "intro", "lead", "summary", "place"}:
                    yield item
                yield from pairs(item)
        elif isinstance(value, list):
            for item in value:
                yield from pairs(item)

    for name in ("site", "documents", "calls", "news", "strategies"):
        for pair in pairs(load(name)):
            assert isinstance(pair, list) and len(pair) == 2 and all(isinstance(text, str) and text for text in pair), (
                name,
                pair,
            )


def test_data_times_are_novi_sad_local_times():
    fixed = moment(datetime.datetime(2025, 2, 3, 9, 0))
    relative = moment({"days": -5, "hour": 9})

    assert fixed.tzinfo == BELGRADE and fixed.utcoffset() == datetime.timedelta(hours=1)
    assert relative.astimezone(BELGRADE).hour == 9
    assert load("calls")["closed"]["opens"] == datetime.datetime(2025, 2, 3, 9, 0)
