"""A listing's filters as a visitor chose them, each narrowing the list by one lookup."""

from typing import ClassVar


class ListingFilters:
    """Mixed into a frozen dataclass of cleaned filter values; `lookups` maps each field to the
    queryset lookup it filters by. An empty value filters nothing."""

    lookups: ClassVar[dict[str, str]] = {}

    @property
    def is_filtered(self) -> bool:
        return any(getattr(self, name) for name in self.lookups)

    def filter(self, items):
        for name, lookup in self.lookups.items():
            value = getattr(self, name)
            if value:
                items = items.filter(**{lookup: value})
        return items
