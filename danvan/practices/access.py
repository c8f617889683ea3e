"""Who may see and change Dân vận khéo records.

- Inside a user's subtree (history included): every record, drafts too.
- Outside it: only recognised records (công nhận, tiêu biểu, đã khen thưởng), so that a commune
  can find proven models elsewhere and copy them. Drafts of other units answer 404.
- Registering and updating: reporter or above on the record's unit. Evaluating, recognising and
  commending: approver or above.
- The public portal: recognised records their unit published; photos of those for everyone.
- Evaluation rounds: their chair and evaluators, and the approvers of the round's unit.
"""

from django.db.models import Q, QuerySet

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound, PermissionDenied
from danvan.core.models import MAX_ID
from danvan.practices.models import RECOGNIZED_STATUSES, Attachment, EvaluationRound, Practice, RoundItem
from danvan.territory.tree import subtree_q

READ, UPDATE, APPROVE = "read", "update", "approve"
_MIN_ROLE = {READ: Role.VIEWER, UPDATE: Role.REPORTER, APPROVE: Role.APPROVER}


def _subtree_q(paths: list[str]) -> Q:
    return subtree_q(paths, "unit_path")


def visible_practices(scope: UserScope) -> QuerySet[Practice]:
    if not scope.is_authenticated:
        return Practice.objects.none()
    if scope.is_system_admin:
        return Practice.objects.all()
    return Practice.objects.filter(_subtree_q(scope.read_paths()) | Q(status__in=RECOGNIZED_STATUSES))


def can(scope: UserScope, practice: Practice, action: str) -> bool:
    if scope.is_system_admin:
        return True
    paths = scope.read_paths(_MIN_ROLE[action]) if action == READ else scope.paths(_MIN_ROLE[action])
    inside = any(practice.unit_path.startswith(path) for path in paths)
    return inside or (action == READ and scope.is_authenticated and practice.status in RECOGNIZED_STATUSES)


def _check_id(object_id: int) -> None:
    """Ids out of the database's range are missing too (never an overflow error)."""
    if not 0 < object_id <= MAX_ID:
        raise NotFound()


def access_practice(scope: UserScope, practice_id: int, action: str = READ) -> Practice:
    """The practice if the user may `action` it; 404 alike when missing or not visible."""
    _check_id(practice_id)
    practice = (
        Practice.objects.select_related("unit", "field", "organization", "person", "source")
        .filter(pk=practice_id)
        .first()
    )
    if practice is None or not can(scope, practice, READ):
        raise NotFound()
    if action != READ and not can(scope, practice, action):
        if not any(practice.unit_path.startswith(p) for p in scope.read_paths()):
            raise NotFound()
        raise PermissionDenied()
    return practice


def access_public_practice(practice_id: int) -> Practice:
    """A practice shown on the public portal; 404 for anything not published."""
    _check_id(practice_id)
    practice = (
        Practice.objects.select_related("unit", "field", "organization", "person")
        .filter(pk=practice_id, is_public=True, status__in=RECOGNIZED_STATUSES)
        .first()
    )
    if practice is None:
        raise NotFound()
    return practice


def access_attachment(scope: UserScope, attachment_id: int) -> Attachment:
    """An attachment for whoever may read its practice; photos of published practices for everyone."""
    _check_id(attachment_id)
    attachment = Attachment.objects.select_related("practice").filter(pk=attachment_id).first()
    if attachment is None:
        raise NotFound()
    practice = attachment.practice
    public = (
        attachment.type == Attachment.Type.PHOTO
        and practice.is_public
        and practice.status in RECOGNIZED_STATUSES
    )
    if not public and not can(scope, practice, READ):
        raise NotFound()
    return attachment


# Evaluation rounds: the chair and the evaluators, and the approvers of the round's unit.
ROUND_READ, ROUND_SCORE, ROUND_CHAIR = "read", "score", "chair"


def visible_rounds(scope: UserScope) -> QuerySet[EvaluationRound]:
    if not scope.is_authenticated:
        return EvaluationRound.objects.none()
    if scope.is_system_admin:
        return EvaluationRound.objects.all()
    user = scope.user
    evaluating = EvaluationRound.evaluators.through.objects.filter(user=user).values("evaluationround_id")
    members = Q(chair=user) | Q(pk__in=evaluating)
    return EvaluationRound.objects.filter(members | _subtree_q(scope.paths(Role.APPROVER)))


def access_round(scope: UserScope, round_id: int, action: str = ROUND_READ) -> EvaluationRound:
    """The round if visible (404 otherwise); scoring needs to be an evaluator, deciding the chair."""
    _check_id(round_id)
    evaluation = (
        visible_rounds(scope).select_related("unit", "criteria_set", "chair").filter(pk=round_id).first()
    )
    if evaluation is None:
        raise NotFound()
    if action == ROUND_CHAIR and evaluation.chair_id != scope.user.pk:
        raise PermissionDenied("Chỉ người chủ trì đợt bình xét được thực hiện bước này.")
    if action == ROUND_SCORE and not evaluation.evaluators.filter(pk=scope.user.pk).exists():
        raise PermissionDenied("Bạn không phải thành viên chấm điểm của đợt này.")
    return evaluation


def access_round_item(evaluation: EvaluationRound, item_id: int) -> RoundItem:
    _check_id(item_id)
    item = evaluation.items.select_related("practice__unit", "round").filter(pk=item_id).first()
    if item is None:
        raise NotFound()
    return item
