"""wagtail-localize's admin bundle with its two hard-coded English strings made translatable.

wagtail-localize 1.14 compiles two strings into its JavaScript without gettext: the
screen-reader label "More actions" and the translation editor's heading "‹source› to
‹target› translation". A Serbian editor hears and sees them in English. This module writes a
copy of the installed bundle with both wrapped in the bundle's own gettext (`rt()`, the same
function its other strings use) to `static_src/`, which the staticfiles finders read before
the app's own copy; the msgids are in admin_locale/wagtail_localize/*/djangojs.po.

Why a patched copy and not upstream only: the fix is not released. `manage.py
patch_localize_bundle` rewrites the copy after an upgrade, and tests/home/test_localize_bundle.py
fails when the committed copy is not the patch of the installed bundle (or a string moved).
"""

from pathlib import Path

from django.conf import settings

import wagtail_localize

BUNDLE = Path("wagtail_localize") / "js" / "wagtail-localize.js"

# (hard-coded text in the bundle, its translatable replacement, how many times it occurs)
REPLACEMENTS = [
    ('{className:"w-sr-only"},"More actions")', '{className:"w-sr-only"},rt()("More actions"))', 2),
    (
        "`${r.sourceLocale.displayName} to ${r.locale.displayName} translation`",
        'rt()("%(source)s to %(target)s translation")'
        '.replace("%(source)s",r.sourceLocale.displayName).replace("%(target)s",r.locale.displayName)',
        2,
    ),
]


class BundleChangedError(Exception):
    """The installed bundle no longer holds a string as expected: look at the new release first."""


def installed_bundle() -> Path:
    return Path(wagtail_localize.__file__).parent / "static" / BUNDLE


def patched_copy() -> Path:
    return Path(settings.STATICFILES_DIRS[0]) / BUNDLE


def patch(source: str) -> str:
    if "rt=r.n(" not in source:
        raise BundleChangedError("the bundle's gettext is no longer called rt()")
    for hard_coded, translatable, times in REPLACEMENTS:
        found = source.count(hard_coded)
        if found != times:
            raise BundleChangedError(f"expected {times} × {hard_coded!r}, found {found}")
        source = source.replace(hard_coded, translatable)
    return source


def write_patched_copy() -> Path:
    target = patched_copy()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(patch(installed_bundle().read_text(encoding="utf-8")), encoding="utf-8")
    return target
