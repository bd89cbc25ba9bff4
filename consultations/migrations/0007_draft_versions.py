"""Versions of a draft (consultations/models/versions.py), the adopted act, and each comment's version.

Every consultation published before this migration gets its version 1: a frozen copy of its
articles as they are now, in its own language and in its translations other than the Latin twin
(the Latin site shows the Cyrillic copy, transliterated exactly on the way out). Its comments keep
an empty version, which reads as version 1.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

LATIN = "sr-latn"


def first_versions(apps, schema_editor):
    ConsultationPage = apps.get_model("consultations", "ConsultationPage")
    DraftVersion = apps.get_model("consultations", "DraftVersion")
    VersionArticle = apps.get_model("consultations", "VersionArticle")
    Article = apps.get_model("consultations", "Article")
    originals = ConsultationPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE, first_published_at__isnull=False
    )
    for page in originals:
        version = DraftVersion.objects.create(consultation=page, number=1, published_at=page.first_published_at)
        translations = ConsultationPage.objects.filter(translation_key=page.translation_key).exclude(
            locale__language_code=LATIN
        )
        originals_by_key = {a.translation_key: a for a in Article.objects.filter(page=page)}
        copies = [
            VersionArticle(
                version=version,
                article=originals_by_key.get(article.translation_key),
                translation_key=article.translation_key,
                locale_id=article.locale_id,
                sort_order=article.sort_order or 0,
                number=article.number,
                heading=article.heading,
                text=article.text,
            )
            for article in Article.objects.filter(page__in=translations).order_by("sort_order", "pk")
            if article.translation_key in originals_by_key
        ]
        VersionArticle.objects.bulk_create(copies)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0006_commenter_notices"),
        ("documents", "0002_publication"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="consultationpage",
            name="adopted_act",
            field=models.ForeignKey(
                blank=True,
                help_text="The act as adopted, from the document registry: shown as the final version of the draft.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="documents.registrydocument",
                verbose_name="adopted act",
            ),
        ),
        migrations.AddField(
            model_name="consultationpage",
            name="adopted_on",
            field=models.DateField(blank=True, null=True, verbose_name="adopted on"),
        ),
        migrations.CreateModel(
            name="DraftVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveSmallIntegerField(verbose_name="version")),
                ("published_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="published at")),
                ("note", models.TextField(blank=True, max_length=3000, verbose_name="summary of changes")),
                ("opens_at", models.DateTimeField(blank=True, null=True, verbose_name="comments open at")),
                ("closes_at", models.DateTimeField(blank=True, null=True, verbose_name="comments close at")),
                (
                    "consultation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="draft_versions",
                        to="consultations.consultationpage",
                        verbose_name="consultation",
                    ),
                ),
            ],
            options={
                "verbose_name": "version of the draft",
                "verbose_name_plural": "versions of the draft",
                "ordering": ["number"],
            },
        ),
        migrations.AddField(
            model_name="comment",
            name="version",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="comments",
                to="consultations.draftversion",
                verbose_name="version of the draft",
            ),
        ),
        migrations.CreateModel(
            name="VersionArticle",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(db_index=True)),
                ("sort_order", models.PositiveIntegerField(default=0)),
                ("number", models.CharField(max_length=20, verbose_name="number")),
                ("heading", models.CharField(blank=True, max_length=250, verbose_name="heading")),
                ("text", models.TextField(max_length=20000, verbose_name="text")),
                (
                    "article",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="consultations.article",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="wagtailcore.locale"
                    ),
                ),
                (
                    "version",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="articles",
                        to="consultations.draftversion",
                    ),
                ),
            ],
            options={
                "verbose_name": "article of a version",
                "verbose_name_plural": "articles of a version",
                "ordering": ["sort_order", "pk"],
            },
        ),
        migrations.AddConstraint(
            model_name="draftversion",
            constraint=models.UniqueConstraint(fields=("consultation", "number"), name="one_draft_version_per_number"),
        ),
        migrations.AddConstraint(
            model_name="versionarticle",
            constraint=models.UniqueConstraint(
                fields=("version", "locale", "translation_key"), name="one_copy_of_an_article_per_version_and_locale"
            ),
        ),
        migrations.RunPython(first_versions, migrations.RunPython.noop),
    ]
