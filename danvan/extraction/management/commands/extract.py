"""python manage.py extract PATH [PATH ...] --json: one JSON object per line per file, in order."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from danvan.core.errors import DomainError
from danvan.extraction.extracting import extract_file
from danvan.extraction.reading import check_size


class Command(BaseCommand):
    help = "Trích xuất sự kiện, người, kỳ, số liệu và nhiệm vụ từ văn bản (.txt, .docx, .pdf, .html)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+")
        parser.add_argument(
            "--json", action="store_true", help="one JSON object per line (the default output)"
        )

    def handle(self, *args: Any, paths: list[str], **options: Any) -> None:
        for path in paths:
            self.stdout.write(json.dumps(self._one(path), ensure_ascii=False))

    def _one(self, path: str) -> dict[str, Any]:
        try:
            check_size(Path(path).stat().st_size)  # a file too large is refused before it is read
            data = Path(path).read_bytes()
        except DomainError as exc:
            return {"file": path, "error": {"code": exc.code, "detail": exc.message}}
        except OSError as exc:
            return {
                "file": path,
                "error": {"code": "unreadable", "detail": f"Không đọc được tệp: {exc.strerror}."},
            }
        try:
            _source, result = extract_file(Path(path).name, data)
        except DomainError as exc:
            return {"file": path, "error": {"code": exc.code, "detail": exc.message}}
        return {"file": path, **result}
