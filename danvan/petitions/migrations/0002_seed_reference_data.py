"""Topics, the statutory clock rules (with the version in force from 1/7/2026) and the holiday
calendar 2025–2027. Idempotent; see danvan/petitions/seeds.py."""

from django.db import migrations

from danvan.petitions.seeds import seed


class Migration(migrations.Migration):
    dependencies = [("petitions", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
