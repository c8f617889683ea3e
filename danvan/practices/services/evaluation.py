"""Year-end evaluation (bình xét): evaluators score independently, the chair decides."""

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope, scope_for
from danvan.audit.services import audit_record
from danvan.core.errors import DomainError, NotFound, PermissionDenied
from danvan.practices.models import CriteriaSet, EvaluationRound, Practice, RoundItem, Score, Status
from danvan.practices.services.lifecycle import practice_transition
from danvan.territory.models import Unit

EVALUABLE = (Status.IN_PROGRESS, Status.REVIEWED, Status.EVALUATED)


@transaction.atomic
def round_create(
    *,
    actor: Any,
    scope: UserScope,
    unit: Unit,
    year: int,
    title: str,
    criteria_set: CriteriaSet,
    evaluators: list[Any],
) -> EvaluationRound:
    if not scope.covers(unit, Role.APPROVER):
        raise NotFound()
    if not title.strip() or not evaluators:
        raise DomainError("invalid_round", "Cần tên đợt bình xét và ít nhất một thành viên chấm điểm.")
    if not criteria_set.criteria.exists():
        raise DomainError("invalid_round", "Bộ tiêu chí chưa có tiêu chí nào.")
    outsiders = [u for u in evaluators if not scope_for(u).covers(unit, Role.VIEWER, history=False)]
    if outsiders:
        raise DomainError("invalid_round", "Thành viên chấm điểm phải có quyền trên đơn vị tổ chức bình xét.")
    evaluation = EvaluationRound.objects.create(
        unit=unit, unit_path=unit.path, year=year, title=title.strip(), criteria_set=criteria_set, chair=actor
    )
    evaluation.evaluators.set(evaluators)
    audit_record(
        actor=actor,
        action="evaluation.create",
        obj=evaluation,
        unit=unit,
        changes={"evaluators": [None, len(evaluators)]},
    )
    return evaluation


@transaction.atomic
def round_add_practices(*, actor: Any, evaluation: EvaluationRound, practices: list[Practice]) -> int:
    _require_chair(actor, evaluation)
    added = 0
    for practice in practices:
        if not practice.unit_path.startswith(evaluation.unit_path) or practice.status not in EVALUABLE:
            raise DomainError(
                "invalid_round_item",
                f"«{practice.name}» không thuộc đơn vị hoặc không ở trạng thái chờ bình xét.",
            )
        _, created = RoundItem.objects.get_or_create(round=evaluation, practice=practice)
        added += created
    audit_record(
        actor=actor,
        action="evaluation.add",
        obj=evaluation,
        unit=evaluation.unit,
        changes={"practices": [None, added]},
    )
    return added


def _require_chair(actor: Any, evaluation: EvaluationRound) -> None:
    if evaluation.chair_id != actor.pk:
        raise PermissionDenied("Chỉ người chủ trì đợt bình xét được thực hiện bước này.")
    if evaluation.state != EvaluationRound.State.OPEN:
        raise DomainError("round_closed", "Đợt bình xét đã kết thúc.")


def _parse_scores(item: RoundItem, values: dict[int, Any]) -> dict[int, Decimal]:
    criteria = {c.pk: c for c in item.round.criteria_set.criteria.all()}
    parsed: dict[int, Decimal] = {}
    errors: dict[str, list[str]] = {}
    for criterion_id, criterion in criteria.items():
        try:
            value = Decimal(str(values.get(criterion_id, "")).replace(",", "."))
        except InvalidOperation:
            errors[str(criterion_id)] = [f"Cần chấm điểm tiêu chí «{criterion.text}»."]
            continue
        if not 0 <= value <= criterion.max_score:
            errors[str(criterion_id)] = [f"Điểm phải từ 0 đến {criterion.max_score}."]
        parsed[criterion_id] = value
    if errors:
        raise DomainError("invalid_scores", "Bảng điểm chưa hợp lệ.", errors=errors)
    return parsed


@transaction.atomic
def score_submit(*, actor: Any, item: RoundItem, values: dict[int, Any]) -> int:
    """Record an evaluator's scores for one practice, one per criterion (re-scoring replaces)."""
    evaluation = item.round
    if evaluation.state != EvaluationRound.State.OPEN:
        raise DomainError("round_closed", "Đợt bình xét đã kết thúc.")
    if not evaluation.evaluators.filter(pk=actor.pk).exists():
        raise PermissionDenied("Bạn không phải thành viên chấm điểm của đợt này.")
    if item.decision:
        raise DomainError("already_decided", "Mô hình này đã có kết luận, không chấm lại được.")
    for criterion_id, value in _parse_scores(item, values).items():
        Score.objects.update_or_create(
            item=item, evaluator=actor, criterion_id=criterion_id, defaults={"value": value}
        )
    audit_record(
        actor=actor,
        action="evaluation.score",
        obj=item.practice,
        unit=evaluation.unit,
        changes={"round": [None, evaluation.pk]},
    )
    return len(values)


@transaction.atomic
def round_decide(
    *, actor: Any, scope: UserScope, item: RoundItem, decision: str, reason: str = ""
) -> RoundItem:
    """The chair's conclusion: the practice is evaluated, then recognised or not (with reason)."""
    _require_chair(actor, item.round)
    if decision not in RoundItem.Decision.values:
        raise DomainError("invalid_decision", "Chọn công nhận hoặc không công nhận.")
    if decision == RoundItem.Decision.NOT_RECOGNIZED and not reason.strip():
        raise DomainError(
            "reason_required", "Không công nhận cần ghi rõ lý do.", errors={"reason": ["Bắt buộc."]}
        )
    practice = item.practice
    if practice.status != Status.EVALUATED:
        practice = practice_transition(
            actor=actor,
            scope=scope,
            practice=practice,
            to=Status.EVALUATED,
            reason=f"Bình xét: {item.round.title}",
        )
    practice_transition(actor=actor, scope=scope, practice=practice, to=decision, reason=reason)
    item.decision, item.reason, item.decided_at = decision, reason.strip(), timezone.now()
    item.save(update_fields=["decision", "reason", "decided_at"])
    audit_record(
        actor=actor,
        action="evaluation.decide",
        obj=practice,
        unit=item.round.unit,
        changes={"decision": [None, decision]},
    )
    return item


@transaction.atomic
def round_close(*, actor: Any, evaluation: EvaluationRound) -> EvaluationRound:
    _require_chair(actor, evaluation)
    evaluation.state = EvaluationRound.State.CLOSED
    evaluation.save(update_fields=["state"])
    audit_record(
        actor=actor,
        action="evaluation.close",
        obj=evaluation,
        unit=evaluation.unit,
        changes={"state": ["open", "closed"], "closed_on": [None, dt.date.today().isoformat()]},
    )
    return evaluation
