"""Keep the directory row and the search entry of each organisation in step with the public records.

`sync_organisation(number)` is idempotent: it reads the public records that name the number
(organisations/sources.py) and creates, updates or deletes the directory row and the site
search entry to match. The signal handlers (organisations/signals.py), the hourly job (a
call's results become public at a set time, which no signal marks) and `manage.py
sync_organisations` all go through it. A change bumps the page cache's generation, so the
cached index and search answers follow.
"""

import datetime
import re

from django.db import transaction
from django.db.models import Count, Max, Min
from django.urls import reverse
from django.utils import timezone, translation

from core.page_cache.generation import bump_generation
from core.scripts import normalize, to_latin
from search.entries import LANGUAGES, save_entry
from search.models import SearchEntry

from .models import REGISTRATION_NUMBER_PATTERN, Organisation
from .sources import direct_funding_of, public_awards, public_comments, registration_numbers

KIND = "organisations.organisation"
_NUMBER_RE = re.compile(REGISTRATION_NUMBER_PATTERN)
SUMMARY_FIELDS = ("name", "search_names", "first_year", "last_year", "comment_count", "award_count")


def organisation_key(registration_number: str) -> str:
    return f"organisation:{registration_number}"


def is_registration_number(value) -> bool:
    return isinstance(value, str) and bool(_NUMBER_RE.fullmatch(value))


def _names_in(records, moment: str):
    """Each name the records use, with its first and last `moment` and the number of records using it."""
    per_name = records.values("organisation_name").order_by()
    return per_name.annotate(first=Min(moment), last=Max(moment), count=Count("pk"))


def records_of(registration_number: str) -> list[tuple[str, object, int]]:
    """(source, {name, first, last, count}) for every name the public records use, from three aggregate queries."""
    comments = _names_in(public_comments().filter(registration_number=registration_number), "submitted_at")
    awards = _names_in(public_awards().filter(registration_number=registration_number), "page__opens_at")
    grants = _names_in(direct_funding_of(registration_number), "granted_on")
    return [("comment", row) for row in comments] + [("award", row) for row in [*awards, *grants]]


def day_of(moment) -> datetime.date:
    """A record's day in Belgrade: comments and calls carry a moment, grants a date."""
    return timezone.localtime(moment).date() if isinstance(moment, datetime.datetime) else moment


def summary(registration_number: str) -> dict | None:
    records = records_of(registration_number)
    if not records:
        return None
    names: dict[str, datetime.date] = {}
    for _source, row in records:
        name = " ".join(row["organisation_name"].split())
        names[name] = max(names.get(name, day_of(row["last"])), day_of(row["last"]))
    latest = max(names, key=lambda name: names[name])
    years = [day_of(row[moment]).year for _source, row in records for moment in ("first", "last")]
    return {
        "name": latest,
        "search_names": normalize(" ".join([registration_number, *names])),
        "first_year": min(years),
        "last_year": max(years),
        "comment_count": sum(row["count"] for source, row in records if source == "comment"),
        "award_count": sum(row["count"] for source, row in records if source == "award"),
        "names": list(names),
        "latest": max(names.values()),
    }


def _save_search_entry(registration_number: str, facts: dict) -> None:
    urls, titles = {}, {}
    for language in LANGUAGES:
        with translation.override(language):
            urls[language] = reverse("organisations:detail", kwargs={"registration_number": registration_number})
        titles[language] = facts["name"] if language == "sr-cyrl" else to_latin(facts["name"])
    text = " · ".join([registration_number, *facts["names"]])
    latest = facts["latest"]
    save_entry(
        organisation_key(registration_number),
        kind=KIND,
        document_type_id=None,
        year=latest.year,
        date=latest,
        titles=titles,
        urls=urls,
        text=text,
        text_en="",
        search_title=normalize(" ".join(facts["names"])),
        search_text=normalize(text),
    )


def _forget(registration_number: str) -> bool:
    deleted, _ = Organisation.objects.filter(registration_number=registration_number).delete()
    entries, _ = SearchEntry.objects.filter(key=organisation_key(registration_number)).delete()
    return bool(deleted or entries)


def sync_organisation(registration_number: str) -> Organisation | None:
    """Bring the number's directory row and search entry up to date; None when nothing public names it."""
    if not is_registration_number(registration_number):
        return None
    with transaction.atomic():
        facts = summary(registration_number)
        if facts is None:
            if _forget(registration_number):
                bump_generation()
            return None
        row = Organisation.objects.select_for_update().filter(registration_number=registration_number).first()
        values = {name: facts[name] for name in SUMMARY_FIELDS}
        if row is not None and all(getattr(row, name) == value for name, value in values.items()):
            entry_exists = SearchEntry.objects.filter(key=organisation_key(registration_number)).exists()
            if entry_exists:
                return row
        row, _ = Organisation.objects.update_or_create(registration_number=registration_number, defaults=values)
        _save_search_entry(registration_number, facts)
    bump_generation()
    return row


def rebuild_organisations() -> set[str]:
    """Every organisation's row and entry brought up to date, the others removed; the keys of the entries kept."""
    numbers = {number for number in registration_numbers() if is_registration_number(number)}
    numbers.update(Organisation.objects.values_list("registration_number", flat=True))
    keys = set()
    for number in sorted(numbers):
        if sync_organisation(number) is not None:
            keys.add(organisation_key(number))
    stale = SearchEntry.objects.filter(kind=KIND).exclude(key__in=keys)
    for entry in stale.iterator():
        entry.delete()
    return keys
