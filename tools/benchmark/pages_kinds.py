"""The page types and languages the page benchmark loads (names used on the command line and in the report)."""

LANGUAGES = ("sr-cyrl", "sr-latn", "en")
PAGE_TYPES = (
    "home",
    "news item",
    "news listing",
    "consultation",
    "document library",
    "registry document",
    "search",
    "feed",
)
