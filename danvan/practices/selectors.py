"""Reads of the Dân vận khéo registry: filtered lists, similar models, evaluation boards."""

import re
from dataclasses import dataclass
from decimal import Decimal
from statistics import mean, median
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum

from danvan.accounts.models import User
from danvan.core.text import fold
from danvan.practices.models import (
    RECOGNIZED_STATUSES,
    Attachment,
    CriteriaSet,
    EvaluationRound,
    Practice,
    PracticeField,
    ProgressUpdate,
    RoundItem,
    Score,
    StatusChange,
)
from danvan.practices.services.evaluation import EVALUABLE
from danvan.territory.models import PATH_SEGMENT, Unit, UnitLineage
from danvan.territory.tree import SUBTREE_HIGH, subtree_q


@dataclass(frozen=True)
class PracticeFilter:
    q: str = ""
    field: str = ""  # field code
    kind: str = ""
    level: str = ""
    status: str = ""
    year: int | None = None
    unit: Unit | None = None
    order: str = ""  # "" (newest year, then name), "name" or "unit"


ORDERINGS = {
    "": ("-year", "sort_key", "pk"),
    "name": ("sort_key", "-year", "pk"),
    "unit": ("unit__sort_key", "sort_key", "pk"),
}


def unit_subtree_q(unit: Unit, column: str = "unit_path") -> Q:
    """The unit's subtree and those of its predecessors (old records on the units merged into it)."""
    old = UnitLineage.objects.filter(successor=unit).values_list("predecessor__path", flat=True)
    return subtree_q([unit.path, *old], column)


def filter_practices(practices: QuerySet[Practice], f: PracticeFilter) -> QuerySet[Practice]:
    """Search (accent-insensitive, every word), the exact filters, and Vietnamese name order."""
    if f.unit is not None:
        practices = practices.filter(unit_subtree_q(f.unit))
    for term in fold(f.q).split():
        practices = practices.filter(search_text__contains=term)
    exact = {"field__code": f.field, "kind": f.kind, "level": f.level, "status": f.status, "year": f.year}
    practices = practices.filter(**{k: v for k, v in exact.items() if v})
    ordering = ORDERINGS.get(f.order, ORDERINGS[""])
    return practices.select_related("unit", "field", "organization").order_by(*ordering)


def field_choices() -> list[tuple[str, str]]:
    """Every field code in use by any list (default, province or year), once, in list order."""
    seen: dict[str, str] = {}
    default_first = (F("province_id").asc(nulls_first=True), F("year").asc(nulls_first=True), "order")
    rows = PracticeField.objects.order_by(*default_first).values_list("code", "name")
    for code, name in rows:
        seen.setdefault(code, name)
    return list(seen.items())


def public_practices() -> QuerySet[Practice]:
    """What the public portal shows: recognised practices their unit chose to publish."""
    return Practice.objects.filter(is_public=True, status__in=RECOGNIZED_STATUSES)


def practice_history(practice: Practice) -> QuerySet[StatusChange]:
    return practice.status_changes.select_related("actor").order_by("at", "pk")


def practice_progress(practice: Practice) -> QuerySet[ProgressUpdate]:
    return practice.progress_updates.select_related("author").prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("uploaded_at", "pk"))
    )


def loose_attachments(practice: Practice) -> QuerySet[Attachment]:
    """Attachments of the practice not tied to a progress update."""
    return practice.attachments.filter(progress__isnull=True).order_by("uploaded_at", "pk")


def progress_totals(practice: Practice) -> dict[str, int | None]:
    """Sums of the figures reported in the progress updates (people, money, workdays)."""
    return practice.progress_updates.aggregate(
        updates=Count("pk"),
        beneficiaries=Sum("beneficiaries"),
        money_raised=Sum("money_raised"),
        workdays=Sum("workdays"),
    )


def evaluable_practices(evaluation: EvaluationRound, visible: QuerySet[Practice]) -> QuerySet[Practice]:
    """Practices of the round's subtree and year waiting for evaluation, not yet in the round."""
    low, high = evaluation.unit_path, evaluation.unit_path + SUBTREE_HIGH
    return (
        visible.filter(unit_path__gte=low, unit_path__lte=high, year=evaluation.year, status__in=EVALUABLE)
        .exclude(round_items__round=evaluation)
        .select_related("unit", "field")
        .order_by("unit__sort_key", "sort_key", "pk")
    )


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


def evaluator_candidates(unit: Unit) -> QuerySet[User]:
    """Active users holding a grant on the unit or one of its ancestors (they may evaluate there)."""
    own_and_above = [unit.path[:end] for end in range(PATH_SEGMENT, len(unit.path) + 1, PATH_SEGMENT)]
    return (
        User.objects.filter(is_active=True, grants__unit__path__in=own_and_above)
        .distinct()
        .order_by("username")
    )


def criteria_sets_for(unit: Unit) -> QuerySet[CriteriaSet]:
    """The default criteria lists and those of the unit's province."""
    province_id = unit.ancestor_ids()[0] if unit.depth else unit.pk
    return CriteriaSet.objects.filter(Q(province__isnull=True) | Q(province_id=province_id)).order_by(
        F("year").desc(nulls_last=True), "name"
    )


def own_scores(evaluation: EvaluationRound, evaluator: Any) -> dict[int, dict[int, Decimal]]:
    """{item id: {criterion id: value}} of one evaluator in a round."""
    result: dict[int, dict[int, Decimal]] = {}
    rows = Score.objects.filter(item__round=evaluation, evaluator=evaluator).values_list(
        "item_id", "criterion_id", "value"
    )
    for item_id, criterion_id, value in rows:
        result.setdefault(item_id, {})[criterion_id] = value
    return result


def public_progress(practice: Practice) -> QuerySet[ProgressUpdate]:
    """Progress updates for the public page: dates, results and figures, never their authors."""
    return practice.progress_updates.only(
        "pk", "practice_id", "on_date", "summary", "beneficiaries", "money_raised", "workdays"
    ).order_by("-on_date", "-pk")
