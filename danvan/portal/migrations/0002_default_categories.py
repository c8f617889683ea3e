from django.db import migrations

from danvan.portal.categories import seed_categories


def seed(apps, schema_editor):  # type: ignore[no-untyped-def]
    seed_categories(apps.get_model("portal", "Category"))


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
