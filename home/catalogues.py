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
    """Write the Latin .po and compile every .mo; returns the files written."""
    root = locale_dir()
    cyrillic = polib.pofile(str(root / CYRILLIC_PO))
    latin_path = root / LATIN_PO
    latin_path.parent.mkdir(parents=True, exist_ok=True)
    latin_catalogue(cyrillic).save(str(latin_path))
    written = [latin_path]
    for po_path in sorted(root.glob("*/LC_MESSAGES/django.po")):
        mo_path = po_path.with_suffix(".mo")
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written
