"""The admin form every portal page is edited with."""

from wagtail.admin.forms import WagtailAdminPageForm

from core.scripts import latin_slug


class SitePageForm(WagtailAdminPageForm):
    """Checks the slug the page will be saved with, not the one typed.

    The admin proposes a Cyrillic slug; SitePage saves it transliterated. Wagtail's own
    uniqueness check (in clean()) must see the Latin slug, or a clash with a sibling would
    only surface when saving, as a server error instead of an error on the slug field.
    """

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        if slug and not slug.isascii():
            slug = latin_slug(slug) or latin_slug(self.cleaned_data.get("title", ""))
        return slug
