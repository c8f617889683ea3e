"""Precision/recall/F1 of the extractor on an annotated set, beside the plain regex baseline."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from danvan.extraction.evaluation import SETS, Score, baseline_extract, evaluate, load_set
from danvan.extraction.extractor import extract, load_gazetteer

ROWS = (
    ("figures P / R / F1", ("figures_p", "figures_r", "figures_f1")),
    ("figures strict F1 (qualifier, of, unit)", ("figures_strict_f1",)),
    ("people P / R / F1", ("people_p", "people_r", "people_f1")),
    ("positions right (of matched people)", ("positions",)),
    ("event type", ("event_type",)),
    ("date", ("date",)),
    ("period", ("period",)),
    ("unit name + level", ("unit",)),
    ("unit code", ("unit_code",)),
    ("organizer", ("organizer",)),
    ("tasks F1 (overlap)", ("tasks_f1",)),
)


class Command(BaseCommand):
    help = "Đánh giá bộ trích xuất trên tập văn bản đã gán nhãn (so với biểu thức chính quy đơn giản)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--set", choices=SETS, default="held_out", dest="which")
        parser.add_argument("--errors", action="store_true", help="list the texts with a wrong event field")

    def handle(self, *args: Any, which: str, errors: bool, **options: Any) -> None:
        samples = load_set(which)
        if not samples:
            self.stdout.write(f"Tập “{which}” không có văn bản (thiếu ../shared/seeds?).")
            return
        gazetteer = load_gazetteer()
        ours = evaluate(samples, lambda text: extract(text, gazetteer))
        base = evaluate(samples, baseline_extract)
        self.stdout.write(
            f"set {which}: {len(samples)} texts, {ours.figures.tp + ours.figures.fn} figures, "
            f"{ours.people.tp + ours.people.fn} people"
        )
        self.stdout.write(f"{'metric':44} {'extractor':>20} {'regex baseline':>20}")
        for label, keys in ROWS:
            self.stdout.write(f"{label:44} {self._cells(ours, keys):>20} {self._cells(base, keys):>20}")
        if errors:
            for line in ours.errors:
                self.stdout.write(f"  wrong {line}")

    def _cells(self, score: Score, keys: tuple[str, ...]) -> str:
        summary = score.summary()
        return " / ".join(f"{summary[key]:.3f}" for key in keys)
