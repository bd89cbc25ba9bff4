"""The moderators' listing of comments: its queryset, filters and search.

Shared by the listing view and by the bulk actions' "select all in listing", so that both
mean the same comments.
"""

import django_filters

from django import forms
from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet

from core.params import MAX_DATABASE_ID, database_id

from . import moderation
from .models import (
    Article,
    Channel,
    Comment,
    CommentState,
    ConsultationPage,
    Decision,
    Kind,
    OrganisationType,
    RespondentType,
)

SEARCH_FIELDS = ["organisation_name", "justification", "proposed_wording", "tracking_number"]
NOT_ANSWERED = "none"
GROUP_SIZES = [
    ("2", _("only groups of 2 or more")),
    ("5", _("only groups of 5 or more")),
    ("10", _("only groups of 10 or more")),
]


def base_queryset():
    """Every comment, whatever its state, with its near-identical group size: one query per page."""
    return moderation.with_group_size(Comment.objects.annotate(consultation_title=F("consultation__title")))


def consultations_with_comments(request=None):
    return ConsultationPage.objects.filter(pk__in=Comment.objects.values("consultation_id")).order_by("-opens_at")


def articles_with_comments(request=None):
    return (
        Article.objects.filter(pk__in=Comment.objects.values("article_id"))
        .select_related("page")
        .order_by("page__title", "page_id", "sort_order")
    )


class IdChoiceField(django_filters.fields.ModelChoiceField):
    """A choice by id that is never sent to the database past the integer range (an overflow, not a filter)."""

    def to_python(self, value):
        if value not in self.empty_values and database_id(value) is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ConsultationFilter(django_filters.ModelChoiceFilter):
    field_class = IdChoiceField


class ArticleChoiceField(IdChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.page.title} · {obj}"


class ArticleFilter(django_filters.ModelChoiceFilter):
    field_class = ArticleChoiceField


def radio_choice_filter(label, choices, **kwargs):
    return django_filters.ChoiceFilter(
        label=label, choices=choices, widget=forms.RadioSelect, empty_label=_("All"), **kwargs
    )


class CommentFilterSet(WagtailFilterSet):
    consultation = ConsultationFilter(
        label=_("Consultation"), queryset=consultations_with_comments, empty_label=_("All")
    )
    state = radio_choice_filter(_("State"), CommentState.choices)
    article = ArticleFilter(label=_("Article"), queryset=articles_with_comments, empty_label=_("All"))
    kind = radio_choice_filter(_("Kind of comment"), Kind.choices)
    channel = radio_choice_filter(_("Received through"), Channel.choices)
    respondent_type = radio_choice_filter(_("Who is commenting"), RespondentType.choices)
    organisation_type = radio_choice_filter(_("Type of organisation"), OrganisationType.choices)
    decision = radio_choice_filter(
        _("Decision"), [(NOT_ANSWERED, _("not answered yet")), *Decision.choices], method="filter_decision"
    )
    min_group = radio_choice_filter(_("Near-identical texts"), GROUP_SIZES, method="filter_min_group")
    same_text_as = django_filters.NumberFilter(
        label=_("Same text as comment (ID)"), method="filter_same_text_as", min_value=1, max_value=MAX_DATABASE_ID
    )

    class Meta:
        model = Comment
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        consultation = database_id((data or {}).get("consultation"))
        if consultation:
            self.filters["article"].queryset = articles_with_comments().filter(page_id=consultation)
        self.filters["respondent_type"].extra["choices"] = respondent_type_choices(consultation)

    def filter_decision(self, queryset, name, value):
        return queryset.filter(decision="" if value == NOT_ANSWERED else value)

    def filter_min_group(self, queryset, name, value):
        return queryset.filter(group_size__gte=int(value))

    def filter_same_text_as(self, queryset, name, value):
        return moderation.same_text_as(queryset, int(value))


def respondent_type_choices(consultation_id=None) -> list[tuple[str, str]]:
    """Each respondent type with how many comments it has (in the chosen consultation): one query."""
    comments = Comment.objects.filter(consultation_id=consultation_id) if consultation_id else Comment.objects.all()
    counts = dict(comments.values_list("respondent_type").annotate(count=Count("pk")).order_by())
    return [(value, f"{label} ({counts.get(value, 0)})") for value, label in RespondentType.choices]


def listing_queryset(request, params):
    """The comments the listing shows for these query parameters (filters and search)."""
    filterset = CommentFilterSet(data=params, queryset=base_queryset(), request=request)
    if not filterset.is_valid():
        return Comment.objects.none()
    queryset = filterset.qs
    query = (params.get("q") or "").strip()
    if query:
        queryset = moderation.search(queryset, query, SEARCH_FIELDS)
    return queryset
