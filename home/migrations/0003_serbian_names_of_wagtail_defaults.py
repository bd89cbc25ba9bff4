"""Wagtail's migrations create records with English names that editors read in the admin: the two
default groups, the default moderation workflow and its task, the root collection, the tree's root
page. Name them in Serbian Cyrillic, like the rest of the admin; a record already renamed is left alone."""

from django.db import migrations

# (app label, model, field, English default, Serbian name, further filter)
RENAMES = [
    ("auth", "Group", "name", "Editors", "Уредници", {}),
    ("auth", "Group", "name", "Moderators", "Модератори", {}),
    ("wagtailcore", "Workflow", "name", "Moderators approval", "Одобрење модератора", {}),
    ("wagtailcore", "Task", "name", "Moderators approval", "Одобрење модератора", {}),
    ("wagtailcore", "Collection", "name", "Root", "Све збирке", {"depth": 1}),
    ("wagtailcore", "Page", "title", "Root", "Корен", {"depth": 1}),
    ("wagtailcore", "Page", "draft_title", "Root", "Корен", {"depth": 1}),
]


def rename(apps, schema_editor, forwards=True):
    for app_label, model_name, field, english, serbian, further in RENAMES:
        old, new = (english, serbian) if forwards else (serbian, english)
        apps.get_model(app_label, model_name).objects.filter(**further, **{field: old}).update(**{field: new})


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, forwards=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_translations_follow_original_privacy"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        # These give the default groups their permissions by their English names: rename after them.
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
