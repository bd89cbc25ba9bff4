# Editors record what happens after an award (contract, payments, reports) and funding outside
# calls: Wagtail's default editors group gets those permissions, as it has those of pages.
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = ("Уредници", "Editors")  # home/0003 gives Wagtail's group its Serbian name
PERMISSIONS = [
    ("award", ["view", "change"]),
    ("directfunding", ["view", "add", "change", "delete"]),
    ("awardpayment", ["view", "add", "change", "delete"]),
    ("awardreport", ["view", "add", "change", "delete"]),
]


def grant(apps, schema_editor):
    # On a new database the permissions are created after the last migration: create them now.
    app_config = apps.get_app_config("calls")
    app_config.models_module = True  # a migration's app stub has none; create_permissions only checks it is set
    create_permissions(app_config, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS for action in actions]
    permissions = Permission.objects.filter(content_type__app_label="calls", codename__in=codenames)
    for group in Group.objects.filter(name__in=EDITORS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0002_award_follow_up"),
        ("home", "0003_serbian_names_of_wagtail_defaults"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
