"""manage.py personal_data_export --person ID | --user ID [--output PATH] [--actor USERNAME]:
everything registered in danvan.core.personal_data about one data subject, as JSON."""

import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from danvan.core import personal_data


def add_subject_arguments(parser: CommandParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--person", type=int, help="id of the person (orgs.Person)")
    group.add_argument("--user", type=int, help="id of the login (accounts.User)")
    parser.add_argument("--actor", help="user name of the official handling the request (for the audit log)")


def subject_and_actor(options: dict[str, Any]) -> tuple[personal_data.Subject, Any]:
    kind, pk = ("person", options["person"]) if options["person"] is not None else ("user", options["user"])
    try:
        subject = personal_data.subject_for(kind, pk)
    except LookupError as exc:
        raise CommandError(str(exc)) from exc
    actor = None
    if options["actor"]:
        actor = get_user_model()._default_manager.filter(username=options["actor"]).first()
        if actor is None:
            raise CommandError(f"No user named {options['actor']!r}.")
    return subject, actor


class Command(BaseCommand):
    help = "Export one person's personal data (a data subject's request) as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        add_subject_arguments(parser)
        parser.add_argument("--output", type=Path, help="file to write (default: standard output)")

    def handle(self, *args: Any, **options: Any) -> None:
        subject, actor = subject_and_actor(options)
        data = personal_data.export(subject)
        text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
        personal_data.log_access(actor=actor, obj=subject.obj, purpose="export", dedupe_seconds=0)
        if options["output"]:
            options["output"].write_text(text + "\n", encoding="utf-8")
            self.stderr.write(f"Written to {options['output']}.")
        else:
            self.stdout.write(text)
