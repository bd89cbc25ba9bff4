"""Translations made before twins followed their original's privacy: give each one the original's restrictions.

Only adds privacy (a translation of a private Cyrillic page becomes exactly as private);
nothing public becomes private by accident, nothing private becomes public.
"""

from django.db import migrations


def copy_restrictions_to_translations(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")

    def facts(page_id):
        return sorted(
            (r.restriction_type, r.password, tuple(sorted(g.pk for g in r.groups.all())))
            for r in PageViewRestriction.objects.filter(page_id=page_id).prefetch_related("groups")
        )

    originals = Page.objects.filter(locale__language_code="sr-cyrl", view_restrictions__isnull=False).distinct()
    for original in originals:
        wanted = facts(original.pk)
        translations = Page.objects.filter(translation_key=original.translation_key).exclude(pk=original.pk)
        for translation in translations:
            if facts(translation.pk) == wanted:
                continue
            PageViewRestriction.objects.filter(page_id=translation.pk).delete()
            for restriction_type, password, group_ids in wanted:
                copy = PageViewRestriction.objects.create(
                    page_id=translation.pk, restriction_type=restriction_type, password=password
                )
                copy.groups.set(group_ids)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(copy_restrictions_to_translations, migrations.RunPython.noop)]
