"""URL converters the apps' urls.py share; importing this module registers them (once per process)."""

from django.urls import register_converter

from core.params import DatabaseIdConverter

# <dbid:…>: an id the database can hold; a longer or larger number is a 404, not an overflow.
register_converter(DatabaseIdConverter, "dbid")
