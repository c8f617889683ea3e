"""Supervision and social critique: plans, supervisions (or critique conferences), their
recommendations (or critique opinions) and the supervised body's answers and acceptance."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict
from danvan.meetings.models import Acceptance, Recommendation, Supervision, SupervisionKind, SupervisionPlan
from danvan.meetings.services.common import Errors, check_writer, fail
from danvan.orgs.models import Organization


@transaction.atomic
def supervision_plan_create(
    *, actor: Any, scope: UserScope, organization: Organization, year: int, title: str
) -> SupervisionPlan:
    check_writer(scope, organization.unit)
    if not title.strip():
        fail({"title": [_("Cần nhập tên kế hoạch.")]})
    plan, created = SupervisionPlan.objects.get_or_create(
        organization=organization,
        year=year,
        title=title.strip(),
        defaults={"unit": organization.unit, "unit_path": organization.unit.path},
    )
    if created:
        audit_record(
            actor=actor,
            action="supervision.plan_create",
            obj=plan,
            unit=organization.unit,
            changes={"year": year},
        )
    return plan


@dataclass
class RecommendationSpec:
    content: str
    answer_due: dt.date | None = None


def _check(
    kind: str,
    subject: str,
    starts_on: dt.date,
    ends_on: dt.date,
    body: Organization | None,
    name: str,
    recs: Sequence[RecommendationSpec],
) -> Errors:
    errors: Errors = {}
    if kind not in SupervisionKind.values:
        errors["kind"] = [_("Chọn giám sát hoặc phản biện xã hội.")]
    if not subject.strip():
        errors["subject"] = [_("Cần nhập nội dung giám sát hoặc tên dự thảo.")]
    if ends_on < starts_on:
        errors["ends_on"] = [_("Ngày kết thúc phải từ ngày bắt đầu trở đi.")]
    if body is None and not name.strip():
        errors["supervised_body"] = [_("Cần chọn hoặc ghi tên đối tượng được giám sát (cơ quan soạn thảo).")]
    for index, rec in enumerate(recs):
        if not rec.content.strip():
            errors[f"recommendations.{index}.content"] = [_("Kiến nghị không được để trống.")]
        if rec.answer_due is not None and rec.answer_due < starts_on:
            errors[f"recommendations.{index}.answer_due"] = [
                _("Hạn trả lời không được trước ngày bắt đầu giám sát.")
            ]
    return errors


@transaction.atomic
def supervision_record(
    *,
    actor: Any,
    scope: UserScope,
    kind: str,
    organization: Organization,
    subject: str,
    starts_on: dt.date,
    ends_on: dt.date,
    supervised_body: Organization | None = None,
    supervised_name: str = "",
    team: str = "",
    findings: str = "",
    plan: SupervisionPlan | None = None,
    recommendations: Sequence[RecommendationSpec] = (),
) -> Supervision:
    check_writer(scope, organization.unit)
    errors = _check(kind, subject, starts_on, ends_on, supervised_body, supervised_name, recommendations)
    if plan is not None and plan.organization_id != organization.pk:
        errors["plan"] = [_("Kế hoạch giám sát phải của cơ quan chủ trì.")]
    fail(errors, _("Thông tin giám sát chưa hợp lệ."))
    supervision = Supervision.objects.create(
        kind=kind,
        plan=plan,
        organization=organization,
        unit=organization.unit,
        unit_path=organization.unit.path,
        subject=subject.strip(),
        supervised_body=supervised_body,
        supervised_name=supervised_name.strip(),
        team=team.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        findings=findings.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    Recommendation.objects.bulk_create(
        Recommendation(supervision=supervision, content=r.content.strip(), answer_due=r.answer_due)
        for r in recommendations
    )
    audit_record(
        actor=actor,
        action="supervision.record",
        obj=supervision,
        unit=organization.unit,
        changes={"kind": kind, "recommendations": len(recommendations)},
    )
    return supervision


@transaction.atomic
def recommendation_add(*, actor: Any, supervision: Supervision, spec: RecommendationSpec) -> Recommendation:
    fail(
        _check(
            supervision.kind,
            supervision.subject,
            supervision.starts_on,
            supervision.ends_on,
            supervision.supervised_body,
            supervision.supervised_name,
            [spec],
        )
    )
    rec = Recommendation.objects.create(
        supervision=supervision, content=spec.content.strip(), answer_due=spec.answer_due
    )
    audit_record(actor=actor, action="supervision.recommendation_add", obj=rec, unit=supervision.unit)
    return rec


@transaction.atomic
def recommendation_answer(
    *,
    actor: Any,
    recommendation: Recommendation,
    answer: str,
    answered_on: dt.date,
    acceptance: str,
    followup: str = "",
) -> Recommendation:
    """The supervised body's answer and whether the recommendation was taken up."""
    locked = (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related("supervision__unit")
        .get(pk=recommendation.pk)
    )
    if locked.acceptance != Acceptance.PENDING:
        raise Conflict("already_answered", _("Kiến nghị này đã có trả lời."))
    errors: Errors = {}
    if not answer.strip():
        errors["answer"] = [_("Cần ghi nội dung trả lời.")]
    if acceptance not in (Acceptance.ACCEPTED, Acceptance.PARTLY, Acceptance.REJECTED):
        errors["acceptance"] = [_("Chọn mức độ tiếp thu.")]
    if answered_on < locked.supervision.starts_on:
        errors["answered_on"] = [_("Ngày trả lời không được trước ngày giám sát.")]
    fail(errors, _("Trả lời kiến nghị chưa hợp lệ."))
    locked.answer, locked.answered_on, locked.acceptance, locked.followup = (
        answer.strip(),
        answered_on,
        acceptance,
        followup.strip(),
    )
    locked.save(update_fields=["answer", "answered_on", "acceptance", "followup"])
    audit_record(
        actor=actor,
        action="supervision.recommendation_answer",
        obj=locked,
        unit=locked.supervision.unit,
        changes={"acceptance": [Acceptance.PENDING, acceptance]},
    )
    return locked
