"""manage.py restore PATH: replace the database with a backup. Stop the web server and the task
worker first; a backup of the current database is taken before anything is overwritten."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from danvan.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore the database from a file written by `manage.py backup`."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the backup file")
        parser.add_argument("--database", default="default", help="database alias (default: default)")
        parser.add_argument(
            "--no-input", "--noinput", action="store_false", dest="interactive", help="do not ask to confirm"
        )
        parser.add_argument(
            "--no-safety-backup",
            action="store_false",
            dest="safety_backup",
            help="do not back up the current database first",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if options["interactive"]:
            answer = input(f"Every record now in the database will be replaced by {path}. Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            before = restore(source=path, using=options["database"], safety_backup=options["safety_backup"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if before is not None:
            self.stdout.write(f"The database as it was before is saved in {before}.")
        self.stdout.write(self.style.SUCCESS(f"Database restored from {path}."))
