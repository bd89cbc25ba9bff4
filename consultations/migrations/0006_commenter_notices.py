# Commenters hear back: the language a comment was written in, the notices sent and the opt-outs;
# the public log of a consultation's date changes.
import uuid

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

import modelcluster.fields


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0005_respondent_types"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="language",
            field=models.CharField(
                choices=[("sr-cyrl", "Српски (ћирилица)"), ("sr-latn", "Srpski (latinica)"), ("en", "English")],
                default="sr-cyrl",
                editable=False,
                max_length=7,
                verbose_name="language",
            ),
        ),
        migrations.CreateModel(
            name="DateChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("opened", "opening date changed"),
                            ("extended", "extended"),
                            ("reopened", "reopened"),
                            ("closed", "closed earlier"),
                        ],
                        max_length=10,
                        verbose_name="change",
                    ),
                ),
                ("changed_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="changed at")),
                ("previous_date", models.DateTimeField(blank=True, null=True, verbose_name="from")),
                ("new_date", models.DateTimeField(verbose_name="to")),
                ("reason", models.TextField(max_length=1000, verbose_name="reason")),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="date_changes",
                        to="consultations.consultationpage",
                    ),
                ),
            ],
            options={
                "verbose_name": "change of dates",
                "verbose_name_plural": "changes of dates",
                "ordering": ["sort_order"],
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.CreateModel(
            name="NoticeOptOut",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("address_key", models.CharField(max_length=64)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "consultation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notice_opt_outs",
                        to="consultations.consultationpage",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("consultation", "address_key"), name="one_opt_out_per_address_and_consultation"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="SentNotice",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "event",
                    models.CharField(
                        choices=[
                            ("answer", "the office answered the comment"),
                            ("report_published", "the report was published"),
                            ("extended", "the consultation was extended"),
                            ("reopened", "the consultation was reopened"),
                            ("revised_draft", "a revised draft was published"),
                        ],
                        max_length=20,
                    ),
                ),
                ("occasion", models.CharField(blank=True, max_length=64)),
                ("sent_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "comment",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notices_sent",
                        to="consultations.comment",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("comment", "event", "occasion"), name="one_notice_per_comment_and_event"
                    )
                ],
            },
        ),
    ]
