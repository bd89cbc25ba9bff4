"""What the benchmark searches for: the queries visitors type, by kind."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BenchQuery:
    q: str
    group: str


# What visitors type: single common words (thousands of hits), inflected forms, rare words
# (tens of hits), 2-3 word queries, Latin without diacritics, numbers, and misses.
QUERIES = [
    *(
        BenchQuery(q, "common")
        for q in [
            "удружење", "konkurs", "финансирање", "programa", "буџет", "izveštaj", "одлука", "radionica",
            "сарадња", "grad", "средства", "udruženja", "Нови Сад",
        ]
    ),
    *(
        BenchQuery(q, "inflected")
        for q in [
            "удружењима", "konkursa", "стратегије", "pravilnika", "сарадњом", "volonterima", "младима",
            "седници", "organizacijama",
        ]
    ),
    *(
        BenchQuery(q, "rare")
        for q in [
            "пчеларство", "tamburaški", "шаховски", "ronilački", "астрономско", "Брајево", "kinologija",
            "голубарство", "грнчарија", "Шаренац", "Lalošević", "Будисава",
        ]
    ),
    *(
        BenchQuery(q, "multi-word")
        for q in [
            "јавни конкурс култура", "zaštita životne sredine", "акциони план 2024", "udruženje penzionera",
            "округли сто Футог", "Jelena Petrović", "решење о расподели средстава", "обука писање пројеката",
            "rodna ravnopravnost", "сремска каменица трибина", "kvalitet vazduha", "социјално становање",
        ]
    ),
    *(
        BenchQuery(q, "no diacritics")
        for q in [
            "drustvo", "zastita zivotne sredine", "resenje", "ucesce gradjana", "Djordjevic", "cacak",
            "skola", "dusan",
        ]
    ),
    *(BenchQuery(q, "numbers") for q in ["2023", "XIII-401", "51/2009", "021"]),
    *(BenchQuery(q, "no hits") for q in ["kvantna hromodinamika", "фотосинтеза хлорофила", "xyzzy"]),
]  # fmt: skip


def query_set(count: int | None = None) -> list[BenchQuery]:
    """``count`` queries spread evenly over the set, so every kind of query is in (all by default)."""
    if not count or count >= len(QUERIES):
        return [QUERIES[i % len(QUERIES)] for i in range(count or len(QUERIES))]
    return [QUERIES[i * len(QUERIES) // count] for i in range(count)]
