"""Lists for the public pages, each built with a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.untranslated import listed_children

from .models import Comment, CommentState, Consent, ConsultationPage, State
from .page_view import ConsultationView


def consultations_for_index(index):
    """Open consultations first (soonest closing first), then upcoming, then past ones."""
    published_counts = (
        Comment.objects.filter(consultation__translation_key=OuterRef("translation_key"), state=CommentState.PUBLISHED)
        .order_by()
        .values("consultation__translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    pages = list(
        listed_children(ConsultationPage, index)
        .live()
        .public()
        .annotate(published_comments=Coalesce(Subquery(published_counts, output_field=IntegerField()), 0))
    )
    now = timezone.now()
    order = {State.OPEN: 0, State.UPCOMING: 1, State.CLOSED: 2, State.REPORTED: 2}
    for page in pages:
        page.current_state = page.state(now)
    return sorted(
        pages,
        key=lambda p: (
            order[p.current_state],
            p.closes_at if p.current_state == State.OPEN else -p.closes_at.timestamp(),
        ),
    )


@dataclass
class Section:
    """One article (or the act as a whole) with the comments shown under it."""

    article: object | None
    comments: list = field(default_factory=list)
    unpublished_count: int = 0  # published but private: counted, not shown

    @property
    def count(self) -> int:
        return len(self.comments) + self.unpublished_count


def article_sections(view: ConsultationView) -> list[Section]:
    """The act article by article (as the page shows it) with its published comments, as each commenter consented."""
    sections = {None: Section(article=None)}
    for article in view.articles:
        sections[article.original.pk] = Section(article=article.shown)
    comments = Comment.objects.filter(consultation=view.original, state=CommentState.PUBLISHED).order_by(
        "published_at", "pk"
    )
    for comment in comments:
        section = sections.get(comment.article_id) or sections[None]
        if comment.consent == Consent.PRIVATE:
            section.unpublished_count += 1
        else:
            section.comments.append(comment)
    whole_act = sections.pop(None)
    return [whole_act, *sections.values()]
