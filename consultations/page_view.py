"""One consultation page as one request sees it: its articles, its state, whether answers are public.

A consultation's comments belong to its Cyrillic original; the Latin twin (and the English
translation) shows the same draft in another script or language, and its copy of the dates
may lag behind the original's until it is synced again. Everything a request derives from
the page is taken from one `ConsultationView`, built once per request, so that the comment
form, the article-by-article display and the office's answers cannot disagree:

- the articles are the original's (comments attach to them), each shown through the page's
  own translation of it (the twin's Latin text), or as the original where there is none yet;
- the state (upcoming, open, closed, reported) is the original's, where editors set the dates;
- so is the publication of the report, which makes the office's answers public.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from .models import Article, ConsultationPage, State


@dataclass(frozen=True)
class ShownArticle:
    """An article as this page shows it, and the original article a comment on it attaches to."""

    shown: Article
    original: Article

    @property
    def key(self) -> str:
        """What the comment form sends for this article: the original's id, the same in every language."""
        return str(self.original.pk)


@dataclass(frozen=True)
class ConsultationView:
    """The page, its original, and the original's state: built once per request with `ConsultationView.of(page)`."""

    page: ConsultationPage  # the page requested (the original or a translation of it)
    original: ConsultationPage  # the page comments belong to
    state: State

    @classmethod
    def of(cls, page: ConsultationPage, now: datetime | None = None) -> "ConsultationView":
        original = page.original
        return cls(page=page, original=original, state=State(original.state(now)))

    @cached_property
    def articles(self) -> tuple[ShownArticle, ...]:
        """Read once, on first use (a receipt needs none), then the same objects for the form and the display."""
        return shown_articles(self.page, self.original)

    @property
    def is_open(self) -> bool:
        return self.state == State.OPEN

    @property
    def answers_public(self) -> bool:
        """The office's answers, and the report that holds them, are public once the original's report is published."""
        return self.original.report_published_at is not None


def shown_articles(page: ConsultationPage, original: ConsultationPage) -> tuple[ShownArticle, ...]:
    """The original's articles in its order, each in the page's language where translated: two queries at most."""
    originals = list(original.articles.all())
    if page.pk == original.pk:
        return tuple(ShownArticle(shown=article, original=article) for article in originals)
    translated = {article.translation_key: article for article in page.articles.all()}
    return tuple(
        ShownArticle(shown=translated.get(article.translation_key, article), original=article) for article in originals
    )
