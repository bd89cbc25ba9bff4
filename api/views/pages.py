from rest_framework.exceptions import ValidationError

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Page

from ..base import PublicViewSet, documented
from ..params import Param
from ..serializers.pages import PageDetailSerializer, PageSerializer
from ..visibility import visible_pages

PAGE_TYPE = Param("type", "Only pages of this type, as app.Model (e.g. news.NewsPage).", kind="text")


def page_content_type(label: str) -> ContentType:
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        model = None
    if model is None or not issubclass(model, Page):
        raise ValidationError({PAGE_TYPE.name: _("No such page type.")})
    return ContentType.objects.get_for_model(model)


@documented
class PageViewSet(PublicViewSet):
    schema_tag = "pages"
    list_doc = "Every public page of the site in the chosen language, in the order of the site's tree."
    detail_doc = "One public page, with its summary."
    serializer_class = PageSerializer
    detail_serializer_class = PageDetailSerializer
    filter_params = (PAGE_TYPE,)

    def get_queryset(self):
        pages = Page.objects.filter(locale__language_code=get_language()).select_related("locale")
        return visible_pages(pages, self.request).order_by("path")

    def filtered(self, queryset, params):
        if PAGE_TYPE.name in params:
            queryset = queryset.filter(content_type=page_content_type(params[PAGE_TYPE.name]))
        return queryset
