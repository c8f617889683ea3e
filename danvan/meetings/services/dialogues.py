"""Dialogue questions: collected beforehand (by the MTTQ, from people) or raised on the day,
answered on the spot or promised; a question not answered on the spot is followed up as a task.

Petitions: the petitions app is built beside this one. `question_to_followup` is the one place
where a question becomes a tracked item; the lead adds the petition path there (a petition with
the dialogue as its channel) once `danvan.petitions.services` exposes its create service.
"""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.audit.services import audit_record
from danvan.core.errors import Conflict
from danvan.meetings.models import (
    AnswerState,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Question,
    QuestionSource,
    Task,
)
from danvan.meetings.services.common import Errors, fail, in_subtree
from danvan.meetings.services.tasks import TaskSpec, build_task, check_spec
from danvan.orgs.models import Organization, Person
from danvan.territory.models import Level, Unit


def _meeting_day(meeting: Meeting) -> dt.date:
    return timezone.localtime(meeting.starts_at).date()


@transaction.atomic
def question_add(
    *,
    actor: Any,
    meeting: Meeting,
    source: str,
    content: str,
    topic: str = "",
    asked_by: str = "",
    neighbourhood: Unit | None = None,
) -> Question:
    if meeting.kind != MeetingKind.DIALOGUE:
        raise Conflict("not_a_dialogue", _("Chỉ buổi đối thoại mới ghi nhận ý kiến của người dân."))
    if meeting.status == MeetingStatus.CANCELLED:
        raise Conflict("meeting_state", _("Buổi đối thoại đã bị hủy."))
    errors: Errors = {}
    if source not in QuestionSource.values:
        errors["source"] = [_("Chọn nguồn của ý kiến.")]
    if source == QuestionSource.ON_THE_DAY and _meeting_day(meeting) > timezone.localdate():
        errors["source"] = [_("Buổi đối thoại chưa diễn ra: ý kiến lúc này là ý kiến gửi trước.")]
    if not content.strip():
        errors["content"] = [_("Cần nhập nội dung ý kiến.")]
    if neighbourhood is not None and (
        neighbourhood.level != Level.NEIGHBOURHOOD or not in_subtree(neighbourhood.path, meeting.unit_path)
    ):
        errors["neighbourhood"] = [_("Khu dân cư phải thuộc đơn vị tổ chức đối thoại.")]
    fail(errors, _("Ý kiến chưa hợp lệ."))
    question = Question.objects.create(
        meeting=meeting,
        source=source,
        content=content.strip(),
        topic=topic.strip(),
        asked_by=asked_by.strip(),
        neighbourhood=neighbourhood,
    )
    audit_record(
        actor=actor,
        action="dialogue.question_add",
        obj=question,
        unit=meeting.unit,
        changes={"source": source},
    )
    return question


def _answer_errors(state: str, answer: str, owner: Organization | None, deadline: dt.date | None) -> Errors:
    errors: Errors = {}
    if state not in (AnswerState.ON_THE_SPOT, AnswerState.PROMISED):
        errors["state"] = [_("Chọn: trả lời tại chỗ hoặc hẹn trả lời sau.")]
    if state == AnswerState.ON_THE_SPOT and not answer.strip():
        errors["answer"] = [_("Cần ghi nội dung đã trả lời tại chỗ.")]
    if state == AnswerState.PROMISED and owner is None:
        errors["commitment_owner"] = [_("Cần chọn cơ quan thực hiện cam kết.")]
    if state == AnswerState.PROMISED and deadline is None:
        errors["commitment_deadline"] = [_("Cần nhập hạn thực hiện cam kết.")]
    return errors


@transaction.atomic
def question_answer(
    *,
    actor: Any,
    question: Question,
    state: str,
    answer: str = "",
    answered_by: str = "",
    commitment_owner: Organization | None = None,
    commitment_deadline: dt.date | None = None,
    owner_person: Person | None = None,
) -> Question:
    """Record the leader's answer; a promise becomes a tracked task (question_to_followup)."""
    locked = (
        Question.objects.select_for_update(of=("self",)).select_related("meeting__unit").get(pk=question.pk)
    )
    if locked.state != AnswerState.PENDING:
        raise Conflict("already_answered", _("Ý kiến này đã được trả lời."))
    if _meeting_day(locked.meeting) > timezone.localdate():
        raise Conflict("meeting_not_yet", _("Buổi đối thoại chưa diễn ra."))
    fail(_answer_errors(state, answer, commitment_owner, commitment_deadline), _("Câu trả lời chưa hợp lệ."))
    locked.state, locked.answer, locked.answered_by = state, answer.strip(), answered_by.strip()
    if state == AnswerState.PROMISED:
        assert commitment_owner is not None and commitment_deadline is not None
        locked.commitment_owner, locked.commitment_deadline = commitment_owner, commitment_deadline
        question_to_followup(
            actor=actor,
            question=locked,
            owner=commitment_owner,
            deadline=commitment_deadline,
            owner_person=owner_person,
        )
    locked.save(
        update_fields=[
            "state",
            "answer",
            "answered_by",
            "commitment_owner",
            "commitment_deadline",
            "followup_task",
        ]
    )
    audit_record(
        actor=actor,
        action="dialogue.question_answer",
        obj=locked,
        unit=locked.meeting.unit,
        changes={"state": [AnswerState.PENDING, state]},
    )
    question.__dict__.update({k: getattr(locked, k) for k in ("state", "answer", "followup_task_id")})
    return locked


@transaction.atomic
def question_to_followup(
    *,
    actor: Any,
    question: Question,
    owner: Organization,
    deadline: dt.date,
    owner_person: Person | None = None,
) -> Task:
    """Make a question not answered on the spot a tracked task of `owner`, due on `deadline`.

    TODO(lead): when the petitions app exposes its create service, also open a petition here
    (channel: dialogue; content, asker and neighbourhood from the question) and link it back.
    """
    if question.followup_task_id is not None:
        raise Conflict("already_followed", _("Ý kiến này đã có nhiệm vụ theo dõi."))
    if question.state == AnswerState.ON_THE_SPOT:
        raise Conflict("answered_on_the_spot", _("Ý kiến đã được trả lời tại chỗ, không cần theo dõi."))
    meeting = question.meeting
    spec = TaskSpec(
        title=(_("Trả lời, giải quyết ý kiến: %(t)s") % {"t": question.topic or question.content})[:500],
        owner=owner,
        owner_person=owner_person,
        deadline=deadline,
        description=question.content,
    )
    errors = check_spec(spec, meeting.unit, _meeting_day(meeting))
    fail(
        {
            k.replace("owner", "commitment_owner").replace("deadline", "commitment_deadline"): v
            for k, v in errors.items()
        }
    )
    assigner = meeting.organizers.order_by("pk").first()
    task = build_task(spec, actor=actor, assigner=assigner, assigner_unit=meeting.unit, meeting=meeting)
    task.save()
    question.followup_task = task
    if question.state == AnswerState.PENDING:
        question.state = AnswerState.PROMISED
    question.commitment_owner, question.commitment_deadline = owner, deadline
    question.save(update_fields=["followup_task", "state", "commitment_owner", "commitment_deadline"])
    audit_record(
        actor=actor,
        action="dialogue.question_followup",
        obj=task,
        unit=owner.unit,
        changes={"question": question.pk, "deadline": [None, deadline]},
    )
    return task
