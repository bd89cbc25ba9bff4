# Comments received outside the site (recorded by a moderator) and published position papers.
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0007_draft_versions"),
        ("documents", "0002_publication"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="attachment_approved_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="attachment approved at"),
        ),
        migrations.AddField(
            model_name="comment",
            name="attachment_approved_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="attachment approved by",
            ),
        ),
        migrations.AddField(
            model_name="comment",
            name="attachment_publication",
            field=models.BooleanField(default=False, verbose_name="publish my attachment with my comment"),
        ),
        migrations.AddField(
            model_name="comment",
            name="channel",
            field=models.CharField(
                choices=[
                    ("web", "the site's comment form"),
                    ("email", "e-mail"),
                    ("letter", "letter"),
                    ("hearing", "public hearing"),
                    ("round_table", "round table"),
                ],
                default="web",
                max_length=12,
                verbose_name="received through",
            ),
        ),
        migrations.AddField(
            model_name="comment",
            name="entered_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="entered at"),
        ),
        migrations.AddField(
            model_name="comment",
            name="entered_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="entered by",
            ),
        ),
        migrations.AddField(
            model_name="comment",
            name="original_document",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="documents.registrydocument",
                verbose_name="original in the registry",
            ),
        ),
        migrations.AddField(
            model_name="comment",
            name="received_on",
            field=models.DateField(blank=True, null=True, verbose_name="date received"),
        ),
    ]
