# Placeholder in a fixed chain so parallel work on this app does not fork the migration graph;
# its author fills in the operations.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("consultations", "0004_comment_retention_settings")]

    operations = []
