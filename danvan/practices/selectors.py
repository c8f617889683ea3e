"""Reads of the Dân vận khéo registry: filtered lists, similar models, evaluation boards."""

import re
from dataclasses import dataclass
from decimal import Decimal
from statistics import mean, median
from typing import Any

from django.db.models import Q, QuerySet

from danvan.core.text import fold
from danvan.practices.models import EvaluationRound, Practice, RoundItem, Score
from danvan.territory.models import PATH_SEGMENT, Unit

_HI = "9" * (PATH_SEGMENT * 4)


@dataclass(frozen=True)
class PracticeFilter:
    q: str = ""
    field: str = ""  # field code
    kind: str = ""
    level: str = ""
    status: str = ""
    year: int | None = None
    unit: Unit | None = None


def filter_practices(practices: QuerySet[Practice], f: PracticeFilter) -> QuerySet[Practice]:
    if f.unit is not None:
        practices = practices.filter(unit_path__gte=f.unit.path, unit_path__lte=f.unit.path + _HI)
    for term in fold(f.q).split():
        practices = practices.filter(search_text__contains=term)
    exact = {"field__code": f.field, "kind": f.kind, "level": f.level, "status": f.status, "year": f.year}
    practices = practices.filter(**{k: v for k, v in exact.items() if v})
    return practices.select_related("unit", "field", "organization")


_STOPWORDS = set(
    fold("mô hình điển hình dân vận khéo của và cho các với trong xây dựng thực hiện tổ xã phường").split()
)
_WORD = re.compile(r"[a-z0-9]{3,}")


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(fold(text)) if w not in _STOPWORDS}


def similar_practices(practice: Practice, candidates: QuerySet[Practice], limit: int = 5) -> list[Practice]:
    """Practices whose name and content share the most words with this one (Jaccard on words).

    Candidates are narrowed in the database to those containing one of the name's words, then
    ranked here; good enough to find a proven model before registering a duplicate.
    """
    name_words = sorted(_words(practice.name), key=len, reverse=True)[:4]
    if not name_words:
        return []
    query = Q()
    for word in name_words:
        query |= Q(name_folded__contains=word)
    pool = list(candidates.filter(query).exclude(pk=practice.pk).select_related("unit", "field")[:300])
    own = _words(practice.name + " " + practice.activities + " " + practice.goals)
    scored = []
    for other in pool:
        words = _words(other.name + " " + other.activities + " " + other.goals)
        union = own | words
        if union:
            scored.append((len(own & words) / len(union), other.pk, other))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [other for score, _, other in scored[:limit] if score > 0]


@dataclass
class EvaluatorScore:
    evaluator: Any
    total: Decimal | None  # weighted score on a 100-point scale, None while not scored


@dataclass
class ItemBoard:
    item: RoundItem
    scores: list[EvaluatorScore]
    mean: Decimal | None
    median: Decimal | None
    visible: bool  # whether this viewer may see the others' scores yet


def round_board(evaluation: EvaluationRound, viewer: Any) -> list[ItemBoard]:
    """Each practice of the round with each evaluator's weighted score, the mean and the median.

    An evaluator sees the others' scores for a practice only after submitting their own;
    the chair sees them all.
    """
    criteria = list(evaluation.criteria_set.criteria.all())
    weight_sum = sum((c.weight for c in criteria), Decimal(0))
    evaluators = list(evaluation.evaluators.all().order_by("username"))
    items = list(evaluation.items.select_related("practice__unit").order_by("practice__sort_key"))
    by_key: dict[tuple[int, int], dict[int, Decimal]] = {}
    for s in Score.objects.filter(item__round=evaluation).values(
        "item_id", "evaluator_id", "criterion_id", "value"
    ):
        by_key.setdefault((s["item_id"], s["evaluator_id"]), {})[s["criterion_id"]] = s["value"]
    boards = []
    for item in items:
        scores = []
        for evaluator in evaluators:
            given = by_key.get((item.pk, evaluator.pk), {})
            complete = len(given) == len(criteria) and weight_sum > 0
            total = (
                sum(c.weight * given[c.pk] / c.max_score for c in criteria) * 100 / weight_sum
                if complete
                else None
            )
            scores.append(
                EvaluatorScore(evaluator, total.quantize(Decimal("0.1")) if total is not None else None)
            )
        done = [s.total for s in scores if s.total is not None]
        own_done = any(s.evaluator.pk == viewer.pk and s.total is not None for s in scores)
        boards.append(
            ItemBoard(
                item=item,
                scores=scores,
                mean=Decimal(mean(done)).quantize(Decimal("0.1")) if done else None,
                median=Decimal(median(done)).quantize(Decimal("0.1")) if done else None,
                visible=viewer.pk == evaluation.chair_id or own_done or bool(item.decision),
            )
        )
    return boards
