"""The subscription forms: subscribe (with the e-mail address) and manage (through the secret link)."""

from django import forms
from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag
from wagtail.models import Locale

from documents.models import DocumentType
from home.i18n import in_current_language

from .models import MAX_DOCUMENT_TYPES, MAX_REMINDER_DAYS, MAX_TOPICS, Frequency, Subscription

KIND_FIELDS = ("consultations", "calls", "news", "documents")


class SomeOf(forms.ModelMultipleChoiceField):
    """Checkboxes of `model` of which none (meaning: all) up to `limit` may be ticked.

    The choices are read for each form (ChoicesForm.__init__): until then, none of `model`.
    """

    model: type
    limit: int
    too_many: str  # the error, with the limit as %(limit)d

    def __init__(self, **kwargs):
        super().__init__(
            queryset=self.model.objects.none(),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            validators=[self.at_most_limit],
            **kwargs,
        )

    def at_most_limit(self, values):
        if len(values) > self.limit:
            raise forms.ValidationError(self.too_many % {"limit": self.limit})


class DocumentTypeChoices(SomeOf):
    """Document types are kept in Cyrillic; each is shown by its name in the visitor's language where there is one."""

    model = DocumentType
    limit = MAX_DOCUMENT_TYPES
    too_many = _("Choose at most %(limit)d document types.")

    def label_from_instance(self, obj):
        translated = obj.get_translation_or_none(Locale.get_active())
        return (translated or obj).name


class TopicChoices(SomeOf):
    """News topics are tags, written in Cyrillic and shared by every language of a news item (no English
    name is kept for them): each is shown as the rest of the site shows it (news/listing.py, news/feeds.py),
    exact Latin on the Latin and English pages."""

    model = Tag
    limit = MAX_TOPICS
    too_many = _("Choose at most %(limit)d topics.")

    def label_from_instance(self, obj):
        return in_current_language(obj.name)


def in_request_language(text, **values):
    """A lazy text with its numbers filled in when shown (`lazy % values` would translate it once, at import)."""
    return lazy(lambda: str(text) % values, str)()


class ChoicesForm(forms.ModelForm):
    news_topics = TopicChoices(label=_("Only news on these topics (none chosen: all news)"))
    document_types = DocumentTypeChoices(label=_("Only documents of these types (none chosen: all documents)"))
    reminder_days = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_REMINDER_DAYS,
        label=_("Remind me this many days before a consultation or call I follow closes"),
        help_text=in_request_language(
            _("From 1 to %(max)d days; leave empty for no reminders."), max=MAX_REMINDER_DAYS
        ),
        error_messages=dict.fromkeys(
            ("min_value", "max_value", "invalid"),
            in_request_language(_("Give a number of days from 1 to %(max)d."), max=MAX_REMINDER_DAYS),
        ),
    )
    frequency = forms.ChoiceField(choices=Frequency.choices, widget=forms.RadioSelect, label=_("How often"))

    class Meta:
        model = Subscription
        fields = [*KIND_FIELDS, "news_topics", "document_types", "reminder_days", "frequency"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["news_topics"].queryset = (
            Tag.objects.filter(news_newspagetag_items__isnull=False).distinct().order_by("name")
        )
        self.fields["document_types"].queryset = DocumentType.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in KIND_FIELDS):
            raise forms.ValidationError(_("Choose at least one thing to follow."))
        return cleaned


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter a valid e-mail address, e.g. ime@primer.rs."),
            "max_length": _("An e-mail address has at most 254 characters."),
        },
    )
    field_order = ["email"]


class ManageForm(ChoicesForm):
    class Meta(ChoicesForm.Meta):
        fields = ["language", *ChoicesForm.Meta.fields]
