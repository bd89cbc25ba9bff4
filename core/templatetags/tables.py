"""Columns for the shared data table (templates/includes/data_table.html).

Every table of figures on the site is the same scrollable region with a caption, a row of
column headings and one row template per line of data; only the headings and the row differ.
"""

from dataclasses import dataclass

from django import template

register = template.Library()


@dataclass(frozen=True)
class Column:
    label: str
    numeric: bool = False


@register.simple_tag
def table_columns(*labels, numeric: int = 0, extra=()) -> list[Column]:
    """The headings, in order; the last `numeric` of them (after `extra` labels) hold amounts."""
    labels = [*labels, *extra]
    first_numeric = len(labels) - numeric
    return [Column(str(label), position >= first_numeric) for position, label in enumerate(labels)]
