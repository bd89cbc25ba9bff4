"""The slot fillers of one document and the sentence templates that use them."""

from __future__ import annotations

import random
from collections.abc import Callable

from core.scripts import normalize

from .vocabulary import (
    ACTIVITIES,
    ADMINISTRATIONS,
    AREAS,
    CENTRES,
    FIRST_NAMES,
    MONTHS_GEN,
    ORGANISATIONS,
    PLACES,
    PURPOSES,
    QUOTED_NAMES,
    SURNAMES,
    TARGETS,
    TOPICS,
    WITH_WHOM,
)


class Slots:
    """The slot fillers for one document, from its own random generator."""

    def __init__(self, rng: random.Random, year: int):
        self.rng = rng
        self.year = year

    def pick(self, items, cum=None):
        return self.rng.choices(items, cum_weights=cum)[0] if cum else self.rng.choice(items)

    def zipf(self, items, exponent=1.0):
        # Log-uniform rank (about Zipf): the first items are common, the last rare; a lower
        # exponent skews further towards the first ones.
        n = len(items)
        u = self.rng.random()
        index = int(n ** (u ** (1 / exponent))) - 1
        return items[min(max(index, 0), n - 1)]

    def person(self):
        return f"{self.zipf(FIRST_NAMES)} {self.zipf(SURNAMES)}"

    def place(self, case=0):
        return self.zipf(PLACES)[case]

    def org(self, case=0):
        template = self.zipf(ORGANISATIONS)[case]
        return template.format(q=f"„{self.zipf(QUOTED_NAMES)}“", c=self.pick(CENTRES), p=self.place(1))

    def program(self):
        return f"{self.pick(ACTIVITIES)} {self.pick(PURPOSES)}"

    def amount(self):
        value = self.rng.choice([50, 80, 100, 120, 150, 200, 250, 300, 350, 400, 450, 500, 600, 750, 800, 1000, 1200])
        value *= 1000 * self.rng.choice([1, 1, 1, 10]) if value < 1000 else 1000
        return f"{value:,}".replace(",", ".")

    def date(self):
        day, month = self.rng.randint(1, 28), self.rng.randrange(12)
        if self.rng.random() < 0.5:
            return f"{day}. {MONTHS_GEN[month]} {self.year}. године"
        return f"{day}. {month + 1}. {self.year}."

    def reference(self):
        roman = self.rng.choice(["I", "II", "IV", "VI", "IX", "XI", "XIII", "XIV"])
        return f"{roman}-{self.rng.choice([20, 40, 401, 404, 112, 350])}-{self.rng.randint(1, 99)}/{self.year}"

    def topic(self):
        return self.zipf(TOPICS, 0.8).format(year=self.year)

    def area(self):
        return self.zipf(AREAS, 0.9)

    def email(self):
        domain = self.pick(["gmail.com", "novisad.rs", "udruzenja.rs"])
        return f"{normalize(self.pick(QUOTED_NAMES)).replace(' ', '.')}@{domain}"


# Sentences with slots: the varied, long-tail part of the vocabulary.
TEMPLATES: list[Callable[[Slots], str]] = [
    lambda t: f"Програму „{t.program()}“ {t.org(1)} одобрено је {t.amount()} динара.",
    lambda t: f"{t.org()} реализује програм „{t.program()}“ у {t.place(2)}.",
    lambda t: f"Конкурс за област {t.area()} отворен је до {t.date()}",
    lambda t: f"Укупан износ средстава за {t.year}. годину је {t.amount()} динара.",
    lambda t: f"Јавни позив објављен је у „Службеном листу Града Новог Сада“, број {t.rng.randint(1, 60)}/{t.year}.",
    lambda t: f"Састанак са представницима удружења из {t.place(1)} одржан је {t.date()}",
    lambda t: f"Координатор програма је {t.person()}, контакт: {t.email()}.",
    lambda t: f"Предмет број {t.reference()} заведен је {t.date()}",
    lambda t: (
        f"Матични број удружења је {t.rng.randint(8000000, 29999999):08d}, а ПИБ {t.rng.randint(100000000, 113999999)}."
    ),
    lambda t: f"Трибина „{t.program()}“ биће одржана у {t.place(2)}, у {t.rng.randint(10, 19)} часова.",
    lambda t: f"О {t.topic()} говорили су {t.person()} и {t.person()}.",
    lambda t: f"Рад у области {t.area()} подржан је са {t.amount()} динара из буџета Града.",
    lambda t: f"Консултације о {t.topic()} трају до {t.date()}",
    lambda t: (
        f"У {t.year}. години пристигло је {t.rng.randint(12, 180)} пријава, а подржано {t.rng.randint(5, 60)} програма."
    ),
    lambda t: f"Више информација на https://www.novisad.rs/{normalize(t.area()).replace(' ', '-')}.",
    lambda t: f"Позивамо удружења из области {t.area()} да се пријаве до {t.date()}",
    lambda t: f"{t.person()} из {t.org(1)} представио је резултате истраживања о {t.topic()}.",
    lambda t: f"Рангирање је извршено према критеријумима из члана {t.rng.randint(2, 40)}. Правилника.",
    lambda t: f"Програм обухвата {t.rng.randint(3, 24)} радионица за {t.pick(TARGETS)} у {t.place(2)}.",
    lambda t: f"Средства у износу од {t.amount()} динара распоређују се кроз {t.rng.randint(2, 9)} конкурса.",
    lambda t: f"Учешће у изради документа о {t.topic()} узели су представници {t.rng.randint(5, 70)} удружења.",
    lambda t: f"{t.org()} позива суграђане из {t.place(1)} на {t.program().lower()}.",
    lambda t: f"Седница је одржана {t.date()} у {t.place(2)}, а записник је водио {t.person()}.",
    lambda t: f"Подршка је намењена удружењима која раде са {t.pick(WITH_WHOM)} у области {t.area()}.",
    lambda t: (
        f"Телефон за информације: 021/{t.rng.randint(400, 699)}-{t.rng.randint(100, 999)}, "
        "радним данима од 8 до 15 часова."
    ),
    lambda t: f"Извештај о {t.topic()} усвојен је {t.date()}",
    lambda t: f"Градска управа за {t.pick(ADMINISTRATIONS)} расписала је позив за {t.pick(TARGETS)}.",
]
