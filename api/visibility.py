"""Which pages the API may show: what a visitor can open on the site, and nothing else.

Live, in the site's tree (under its home page or a translation of it), without a view
restriction (password, login, groups) on it or above it, and not under an unpublished page,
whose whole section the site no longer routes. A fixed number of queries, whatever the number of pages.
"""

from django.db.models import Q

from wagtail.models import Page, Site


def site_of(request) -> Site:
    return Site.find_for_request(request) or Site.objects.select_related("root_page").get(is_default_site=True)


def any_under(paths) -> Q:
    """Pages at or below any of `paths`; an empty list matches nothing."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def visible_pages(queryset, request):
    home_paths = site_of(request).root_page.get_translations(inclusive=True).values_list("path", flat=True)
    # Only unpublished pages with children hide anything beyond themselves: few, whatever the site's size.
    hidden_sections = Page.objects.filter(live=False, numchild__gt=0).values_list("path", flat=True)
    return queryset.live().public().filter(any_under(home_paths)).exclude(any_under(hidden_sections))
