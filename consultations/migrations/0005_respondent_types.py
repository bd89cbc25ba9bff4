# Anyone may comment (issue 15): who is commenting, and the organisation fields asked only where they apply.
# Every earlier comment came from a registered organisation: the default says so.
from django.db import migrations, models

RESPONDENT_TYPES = [
    ("organisation", "registered civil society organisation"),
    ("informal_group", "informal group or network"),
    ("citizen", "citizen"),
    ("institution", "public institution"),
    ("business", "business"),
]
CONSENT = [
    ("public", "publish the comment with my name or my organisation's name"),
    ("anonymous", "publish the comment without any name"),
    ("private", "do not publish the comment; count it only"),
]
ORGANISATION_TYPES = [
    ("association", "association"),
    ("foundation", "foundation or endowment"),
    ("network", "network or coalition"),
    ("other", "other civil society organisation"),
]


class Migration(migrations.Migration):
    dependencies = [("consultations", "0004_comment_retention_settings")]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="respondent_type",
            field=models.CharField(
                choices=RESPONDENT_TYPES,
                db_index=True,
                default="organisation",
                max_length=20,
                verbose_name="who is commenting",
            ),
        ),
        migrations.AlterField(
            model_name="comment",
            name="consent",
            field=models.CharField(choices=CONSENT, max_length=10, verbose_name="publication"),
        ),
        migrations.AlterField(
            model_name="comment",
            name="organisation_name",
            field=models.CharField(blank=True, max_length=250, verbose_name="organisation"),
        ),
        migrations.AlterField(
            model_name="comment",
            name="organisation_type",
            field=models.CharField(
                blank=True, choices=ORGANISATION_TYPES, max_length=20, verbose_name="type of organisation"
            ),
        ),
        migrations.AlterField(
            model_name="comment",
            name="registration_number",
            field=models.CharField(blank=True, max_length=8, verbose_name="registration number"),
        ),
    ]
