"""UI catalogues: the Latin one is generated from the Cyrillic one, never written by hand."""

from pathlib import Path

import polib

from django.conf import settings

from core.scripts import to_latin

CYRILLIC_PO = "sr_Cyrl/LC_MESSAGES/django.po"
LATIN_PO = "sr_Latn/LC_MESSAGES/django.po"


def locale_dir() -> Path:
    return Path(settings.LOCALE_PATHS[0])


def latin_catalogue(cyrillic: polib.POFile) -> polib.POFile:
    latin = polib.POFile(wrapwidth=cyrillic.wrapwidth)
    latin.header = "Generated from the Cyrillic catalogue by `make messages`: do not edit."
    latin.metadata = dict(cyrillic.metadata, Language="sr_Latn")
    for entry in cyrillic:
        if entry.obsolete:
            continue
        latin.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgctxt=entry.msgctxt,
                msgstr=to_latin(entry.msgstr),
                msgstr_plural={index: to_latin(text) for index, text in entry.msgstr_plural.items()},
                occurrences=entry.occurrences,
                flags=list(entry.flags),
            )
        )
    return latin


def build_catalogues() -> list[Path]:
    """Write every Latin .po (the project's and admin_locale/*) and compile every .mo; returns the files written."""
    written = []
    for root in map(Path, settings.LOCALE_PATHS):
        for cyrillic_path in sorted(root.glob("sr_Cyrl/LC_MESSAGES/*.po")):
            latin_path = root / "sr_Latn" / "LC_MESSAGES" / cyrillic_path.name
            latin_path.parent.mkdir(parents=True, exist_ok=True)
            latin_catalogue(polib.pofile(str(cyrillic_path))).save(str(latin_path))
            written.append(latin_path)
        for po_path in sorted(root.glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            written.append(mo_path)
    return written


def catalogue_coverage() -> list[tuple[str, int, int]]:
    """(catalogue, msgids, translated) for every Cyrillic catalogue: the project's and admin_locale/*."""
    rows = []
    for root in map(Path, settings.LOCALE_PATHS):
        for po_path in sorted(root.glob("sr_Cyrl/LC_MESSAGES/*.po")):
            catalogue = polib.pofile(str(po_path))
            entries = [entry for entry in catalogue if not entry.obsolete]
            translated = [entry for entry in entries if entry.translated()]
            rows.append((str(po_path.relative_to(settings.BASE_DIR)), len(entries), len(translated)))
    return rows
