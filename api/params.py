"""The query parameters the API accepts: each declared once, for checking a request and for the schema.

An unknown parameter or a value out of its bounds answers 400 with what was wrong, so a typo
never silently returns everything and no value reaches the database that it cannot hold.
"""

from dataclasses import dataclass

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from django.conf import settings
from django.utils.translation import gettext as _

from core.params import MAX_DATABASE_ID, bounded_int, clean_text

API_PREFIX = "/api/v1/"
MAX_PAGE_SIZE = 100
MAX_TEXT_LENGTH = 100


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    kind: str = "int"  # "int" or "text"
    choices: tuple[str, ...] = ()
    minimum: int = 1
    maximum: int = MAX_DATABASE_ID

    def parse(self, raw: str):
        if self.choices:
            if raw not in self.choices:
                raise ValidationError(
                    {self.name: _("Choose one of: %(choices)s.") % {"choices": ", ".join(self.choices)}}
                )
            return raw
        if self.kind == "int":
            number = bounded_int(raw, minimum=self.minimum, maximum=self.maximum)
            if number is None:
                message = _("Give a whole number from %(minimum)s to %(maximum)s.")
                raise ValidationError({self.name: message % {"minimum": self.minimum, "maximum": self.maximum}})
            return number
        text = clean_text(raw, MAX_TEXT_LENGTH)
        if not text or text != raw:  # too long, empty, or with control characters (NUL, which PostgreSQL refuses)
            message = _("Give a text of 1 to %(maximum)s printable characters.")
            raise ValidationError({self.name: message % {"maximum": MAX_TEXT_LENGTH}})
        return text

    def openapi(self) -> OpenApiParameter:
        kind = OpenApiTypes.INT if self.kind == "int" and not self.choices else OpenApiTypes.STR
        return OpenApiParameter(
            self.name, kind, OpenApiParameter.QUERY, description=self.description, enum=list(self.choices) or None
        )


def language_codes() -> tuple[str, ...]:
    return tuple(code for code, _name in settings.LANGUAGES)


LANG = Param(
    "lang",
    "Language of the content and labels: sr-cyrl (default), sr-latn or en.",
    kind="text",
    choices=language_codes(),
)
PAGE = Param("page", "Page of the results, from 1.", maximum=10**6)
PAGE_SIZE = Param("page_size", f"Results per page, at most {MAX_PAGE_SIZE}.", maximum=MAX_PAGE_SIZE)
PAGINATION = (PAGE, PAGE_SIZE)


def parse_query(query, allowed: tuple[Param, ...]) -> dict:
    """{name: parsed value} of the query string, every name and value checked; raises ValidationError (400)."""
    by_name = {param.name: param for param in allowed}
    unknown = sorted(set(query) - by_name.keys())
    if unknown:
        raise ValidationError({"unknown_parameters": [name[:MAX_TEXT_LENGTH] for name in unknown]})
    parsed = {}
    for name in query:
        values = query.getlist(name)
        if len(values) != 1:
            raise ValidationError({name: _("Give this parameter once.")})
        parsed[name] = by_name[name].parse(values[0])
    return parsed


def requested_language(query) -> str:
    """The language a request asks for, or the default one (a wrong value is refused later, with 400)."""
    lang = query.get("lang")
    return lang if lang in language_codes() else settings.LANGUAGE_CODE
