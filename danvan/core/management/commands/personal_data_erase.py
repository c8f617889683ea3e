"""manage.py personal_data_erase --person ID | --user ID [--no-input] [--actor USERNAME]:
anonymise one data subject everywhere the registry knows; rows are kept, so totals do not move."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from danvan.core import personal_data
from danvan.core.management.commands.personal_data_export import add_subject_arguments, subject_and_actor


class Command(BaseCommand):
    help = "Erase (anonymise) one person's personal data, keeping counts and statistics intact."

    def add_arguments(self, parser: CommandParser) -> None:
        add_subject_arguments(parser)
        parser.add_argument(
            "--no-input", "--noinput", action="store_false", dest="interactive", help="do not ask to confirm"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        subject, actor = subject_and_actor(options)
        if options["interactive"]:
            answer = input(f"Anonymise {subject.kind} #{subject.obj.pk} for good? Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Erasure cancelled.")
        counts = personal_data.erase(subject, actor=actor)
        for model, count in sorted(counts.items()):
            self.stdout.write(f"{model}: {count}")
        self.stdout.write(self.style.SUCCESS(f"{subject.kind} #{subject.obj.pk} is now {subject.pseudonym}."))
