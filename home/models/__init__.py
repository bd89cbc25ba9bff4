from .mixins import SitePage
from .pages import HomePage, StandardPage
from .site_settings import OfficeSettings
from .snippets import UsefulLink

__all__ = ["SitePage", "HomePage", "StandardPage", "OfficeSettings", "UsefulLink"]
