"""The title of a generated document, in Serbian and (sometimes) in English, by kind of page.

Every builder draws from the document's random generator in a fixed order (the registry's
builds every type's title before choosing one), so a document's title never depends on
anything but its number and seed.
"""

from __future__ import annotations

from collections.abc import Callable

from .slots import Slots
from .vocabulary import AREAS, AREAS_EN, FORM_NAMES, MEETINGS, SEARCH_PAGE_TITLES, TARGETS

MIN_WORDS, MAX_WORDS = 5, 15


def _fit_title(words: list[str], filler: Callable[[], str]) -> str:
    while len(words) < MIN_WORDS:
        words += filler().split()
    return " ".join(words[:MAX_WORDS])


def _registry_document(t: Slots, area: str, area_en: str, document_type: str | None) -> tuple[str, str]:
    year = t.year
    by_type = {
        "Стратегија": (
            f"Стратегија развоја {area} на територији Града Новог Сада {year}–{year + 5}",
            f"Strategy for {area_en} in the City of Novi Sad {year}–{year + 5}",
        ),
        "Акциони план": (
            f"Акциони план за спровођење Стратегије у области {area} за {year}. годину",
            f"Action plan for {area_en} for {year}",
        ),
        "Извештај": (
            f"Извештај о раду {t.org(1)} за {year}. годину",
            f"Annual report {year}",
        ),
        "Нацрт акта": (f"Нацрт одлуке о {t.topic()}", "Draft decision"),
        "Усвојени акт": (f"Одлука о {t.topic()}", "Decision"),
        "Решење": (
            f"Решење о расподели средстава по Јавном конкурсу за финансирање програма у области {area} {year}",
            f"Decision on the allocation of funds for {area_en} programmes {year}",
        ),
        "Јавни конкурс": (
            f"Јавни конкурс за финансирање програма удружења у области {area} {year}",
            f"Public call for financing programmes of associations in {area_en} {year}",
        ),
        "Резултати конкурса": (
            f"Резултати јавног конкурса за програме удружења у области {area} {year}",
            f"Results of the public call for {area_en} programmes {year}",
        ),
        "Образац": (
            f"Образац {t.rng.randint(1, 6)} – {t.pick(FORM_NAMES)} {year}",
            f"Form – {area_en} {year}",
        ),
        "Записник": (f"Записник са {t.pick(MEETINGS)} о {t.topic()}", f"Minutes {year}"),
        "Публикација": (
            f"Водич за удружења: {t.program()} у {t.place(2)}",
            f"Guide for associations {year}",
        ),
        "Остало": (f"Обавештење о {t.topic()} – {t.org()}", "Notice"),
    }
    title, title_en = by_type[document_type]
    return title, title_en if t.rng.random() < 0.5 else ""


def _news(t: Slots, area: str, area_en: str, document_type: str | None) -> tuple[str, str]:
    title = t.pick(
        [
            f"Отворен позив удружењима из области {area} за {t.year}. годину",
            f"Одржан округли сто о {t.topic()} у {t.place(2)}",
            f"Потписани уговори са {t.rng.randint(5, 60)} удружења из области {area}",
            f"{t.org()} представило резултате програма „{t.program()}“",
            f"Објављени резултати конкурса за програме у области {area}",
        ]
    )
    return title, f"News: {area_en} {t.year}" if t.rng.random() < 0.3 else ""


def _event(t: Slots, area: str, area_en: str, document_type: str | None) -> tuple[str, str]:
    title = t.pick(
        [
            f"Радионица: {t.program()} у {t.place(2)}",
            f"Инфо дан за удружења из области {area} у {t.place(2)}",
            f"Трибина о {t.topic()} – {t.place()}",
            f"Обука за писање пројеката за {t.pick(TARGETS)}",
        ]
    )
    return title, f"Event: {area_en} workshop" if t.rng.random() < 0.3 else ""


def _call(t: Slots, area: str, area_en: str, document_type: str | None) -> tuple[str, str]:
    return (
        f"Јавни конкурс за финансирање програма удружења у области {area} {t.year}",
        f"Public call for financing programmes of associations in the field of {area_en} {t.year}",
    )


def _consultation(t: Slots, area: str, area_en: str, document_type: str | None) -> tuple[str, str]:
    title = f"Јавне консултације о Нацрту одлуке о {t.topic()}"
    return title, "Public consultation on a draft decision" if t.rng.random() < 0.4 else ""


def _strategy(t: Slots, area: str, area_en: str, document_type: str | None) -> tuple[str, str]:
    return (
        f"Стратегија развоја {area} Града Новог Сада {t.year}–{t.year + 4}",
        f"Strategy for {area_en} of the City of Novi Sad {t.year}–{t.year + 4}",
    )


def _standard_page(t: Slots, area: str, area_en: str, document_type: str | None) -> tuple[str, str]:
    title = t.pick(
        [
            f"О програмима у области {area} у {t.place(2)}",
            f"Делокруг послова Канцеларије у области {area}",
            f"Контакт и радно време – {t.org()}",
            f"Често постављана питања о {t.topic()}",
        ]
    )
    return title, f"About {area_en}" if t.rng.random() < 0.3 else ""


BY_KIND = {
    "documents.registrydocument": _registry_document,
    "news.newspage": _news,
    "news.eventpage": _event,
    "calls.callpage": _call,
    "consultations.consultationpage": _consultation,
    "strategies.strategypage": _strategy,
}


def title(t: Slots, kind: str, document_type: str | None) -> tuple[str, str]:
    """(Serbian title of 5-15 words, English title or "") for a document of this kind."""
    area_index = t.rng.randrange(len(AREAS))
    area, area_en = AREAS[area_index], AREAS_EN[area_index]
    if kind in BY_KIND:
        serbian, english = BY_KIND[kind](t, area, area_en, document_type)
    elif kind in SEARCH_PAGE_TITLES:
        serbian, english = f"{SEARCH_PAGE_TITLES[kind]} – {t.place()}", ""
    else:
        serbian, english = _standard_page(t, area, area_en, document_type)
    return _fit_title(serbian.split(), t.program), english
