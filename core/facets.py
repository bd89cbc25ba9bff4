"""One choice of a listing's filter (a type, a year, a topic) with how many items it holds."""

from dataclasses import dataclass


@dataclass
class FacetOption:
    value: str
    label: str
    # None where the matches were too many to count them per option (the search on PostgreSQL).
    count: int | None
    selected: bool = False
    # The listing with this choice applied, where the template does not build it from the form.
    url: str = ""
