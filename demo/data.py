"""The demo's data files: what the demo says lives in demo/data/*.toml, the code only builds it.

A text with its translation is a two-item list, Cyrillic first and English second; a
translation table (source text → English) is built from such pairs with `table()`.
"""

import tomllib
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load(name: str) -> dict:
    """demo/data/<name>.toml, read once per process."""
    with (DATA_DIR / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def table(*pairs) -> dict[str, str]:
    """A translation table from (source, English) pairs."""
    return dict(pairs)
