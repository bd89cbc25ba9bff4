"""The funding chart: horizontal bars drawn on the server, no script."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .money import format_rsd

CHART_WIDTH = 640
LABEL_WIDTH = 64
VALUE_SPACE = 190
ROW_HEIGHT = 40
BAR_HEIGHT = 24


@dataclass(frozen=True)
class Bar:
    label: str
    value_label: str
    y: int
    width: int
    text_y: int
    value_x: int


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    bar_x: int
    bar_height: int
    bars: list[Bar]


def year_chart(by_year: list) -> Chart | None:
    """Bars of the amount awarded, one per year total (`label`, `awarded`)."""
    if not by_year:
        return None
    largest = max(total.awarded for total in by_year) or Decimal(1)
    room = CHART_WIDTH - LABEL_WIDTH - VALUE_SPACE
    bars = []
    for position, total in enumerate(by_year):
        top = position * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2
        width = max(int(room * total.awarded / largest), 1 if total.awarded else 0)
        bars.append(
            Bar(
                label=total.label,
                value_label=format_rsd(total.awarded),
                y=top,
                width=width,
                text_y=top + BAR_HEIGHT // 2 + 5,
                value_x=LABEL_WIDTH + width + 8,
            )
        )
    return Chart(
        title=_("Amount awarded per year"),
        width=CHART_WIDTH,
        height=len(bars) * ROW_HEIGHT,
        bar_x=LABEL_WIDTH,
        bar_height=BAR_HEIGHT,
        bars=bars,
    )
