from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from core.fields import optional_link
from home.i18n import in_current_language


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Network"), max_length=50)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social network")  # Wagtail would show the stream child's name, "Link", in English


@register_setting(icon="home")
class OfficeSettings(BaseSiteSetting):
    """Who runs the site: shown in the header and footer of every page.

    Written once in Cyrillic; the Latin site transliterates it, and the English site
    uses the English fields where the editor filled them in.
    """

    name = models.CharField(_("office name"), max_length=200)
    parent_body = models.CharField(
        _("parent body"), max_length=250, blank=True, help_text=_("The administration the office belongs to.")
    )
    address = models.TextField(_("address"), max_length=500, blank=True)
    name_en = models.CharField(_("office name in English"), max_length=200, blank=True)
    parent_body_en = models.CharField(_("parent body in English"), max_length=250, blank=True)
    address_en = models.TextField(_("address in English"), max_length=500, blank=True)
    email = models.EmailField(_("public e-mail address"), blank=True)
    phone = models.CharField(_("public telephone"), max_length=40, blank=True)
    social_links = StreamField([("link", SocialLinkBlock())], blank=True, verbose_name=_("social networks"), max_num=10)
    logo = optional_link("wagtailimages.Image", _("logo"))

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("parent_body"), FieldPanel("address")], _("In Cyrillic")),
        MultiFieldPanel(
            [FieldPanel("name_en"), FieldPanel("parent_body_en"), FieldPanel("address_en")], _("In English")
        ),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone"), FieldPanel("social_links")], _("Contacts")),
        FieldPanel("logo"),
    ]

    class Meta:
        verbose_name = _("office")

    def in_current_language(self, field_name: str) -> str:
        return in_current_language(getattr(self, field_name), getattr(self, f"{field_name}_en"))

    @property
    def display_name(self) -> str:
        return self.in_current_language("name")

    @property
    def display_parent_body(self) -> str:
        return self.in_current_language("parent_body")

    @property
    def display_address(self) -> str:
        return self.in_current_language("address")
