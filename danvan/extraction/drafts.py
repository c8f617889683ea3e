"""Carrying out a confirmed plan: each ticked part calls its own app's services, inside the caller's
transaction, so that a refusal in any app undoes them all. Each outcome is recorded against the
text (DraftRecord), which is how the records link back to it.

- meetings: `meetings.services.imports.meeting_import` (a scheduled meeting, attendees, tasks);
- reporting: `reporting.services.imports.report_values_import` (values of an unsubmitted report);
- campaigns: `campaigns.services.campaign_create` (when a new campaign is chosen) and
  `distribution_add` for each distribution;
- practices: `practices.services.registration.practice_register` for each model named.
"""

from dataclasses import dataclass
from typing import Any

from django.db import models

from danvan.accounts.scope import UserScope
from danvan.campaigns.services import campaign_create, distribution_add
from danvan.core.errors import InvalidInput
from danvan.extraction.plan import Basis, Plan
from danvan.meetings.services.imports import meeting_import
from danvan.reporting.models import Submission
from danvan.reporting.services.imports import report_values_import


@dataclass
class DraftOutcome:
    obj: models.Model
    added: bool = False  # entered into a record that existed (a report, a campaign)
    message: str = ""


def check_plan(plan: Plan) -> None:
    problems = [f"{part.label}: {problem}" for part in plan.enabled for problem in part.problems]
    if problems:
        raise InvalidInput(
            "draft_problems",
            "Chưa tạo được bản nháp; hãy sửa hoặc bỏ chọn phần chưa đủ thông tin: " + " ".join(problems),
            errors={"plan": problems},
        )
    if not any(part.lines for part in plan.enabled):
        raise InvalidInput(
            "nothing_to_create",
            "Chưa chọn phần nào có nội dung để tạo bản nháp: hãy đánh dấu ít nhất một phần.",
        )


def _meeting(actor: Any, scope: UserScope, plan: Plan) -> list[DraftOutcome]:
    part = plan.meeting
    if not part.enabled or part.draft is None:
        return []
    meeting = meeting_import(actor=actor, scope=scope, draft=part.draft)
    return [
        DraftOutcome(
            meeting, message=f"{len(part.draft.attendees)} đại biểu, {len(part.draft.tasks)} nhiệm vụ"
        )
    ]


def _report(actor: Any, scope: UserScope, plan: Plan, basis: Basis) -> list[DraftOutcome]:
    part = plan.report
    if not part.enabled or not part.values:
        return []
    assert part.form is not None and part.period is not None and basis.unit is not None
    existed = Submission.objects.filter(
        form=part.form, unit=basis.unit, period_code=part.period.code
    ).exists()
    submission = report_values_import(
        actor=actor,
        scope=scope,
        form=part.form,
        unit=basis.unit,
        period=part.period,
        values=part.values,
        reason=basis.source_label,
    )
    return [DraftOutcome(submission, added=existed, message=f"{len(part.values)} số liệu, chưa nộp")]


def _campaign(actor: Any, scope: UserScope, plan: Plan) -> list[DraftOutcome]:
    part = plan.campaign
    if not part.enabled or not part.planned:
        return []
    outcomes = []
    campaign = part.campaign
    if campaign is None:
        assert part.new_campaign is not None
        campaign = campaign_create(actor=actor, scope=scope, data=part.new_campaign)
        outcomes.append(DraftOutcome(campaign, message="cuộc vận động mới"))
    else:
        outcomes.append(DraftOutcome(campaign, added=True, message=f"{len(part.planned)} đợt trao tặng"))
    for data in part.distributions():
        outcomes.append(
            DraftOutcome(distribution_add(actor=actor, scope=scope, campaign=campaign, data=data))
        )
    return outcomes


def _practices(actor: Any, scope: UserScope, plan: Plan, basis: Basis) -> list[DraftOutcome]:
    from danvan.practices.services.registration import fields_for, practice_register

    part = plan.practices
    named = basis.data.get("practices") or []
    if not part.enabled or not named:
        return []
    assert basis.unit is not None and part.year is not None
    fields = {f.code: f for f in fields_for(basis.unit, part.year)}
    outcomes = []
    for item in named:
        field = fields.get(item["field"])
        if field is None:
            raise InvalidInput("unknown_field", f"Lĩnh vực «{item['field']}» không có trong danh mục.")
        practice = practice_register(
            actor=actor,
            scope=scope,
            unit=basis.unit,
            field=field,
            year=part.year,
            name=item["name"],
            content={"outputs": basis.source_label},
        )
        outcomes.append(DraftOutcome(practice))
    return outcomes


def create_drafts(*, actor: Any, scope: UserScope, plan: Plan, basis: Basis) -> list[DraftOutcome]:
    """Every ticked part in turn, inside the caller's transaction: a refusal undoes them all."""
    check_plan(plan)
    return (
        _meeting(actor, scope, plan)
        + _report(actor, scope, plan, basis)
        + _campaign(actor, scope, plan)
        + _practices(actor, scope, plan, basis)
    )
