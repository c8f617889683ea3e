"""The operations of /api/v1 for meetings, tasks, directives and supervisions. Thin: parse,
access helper, one service, schema. `/meetings/stats` is declared before `/meetings/{id}`."""

from typing import Any

from django.db.models import Count, Q, QuerySet, TextField, Value
from django.db.models.functions import Concat
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query
from ninja import Status as Created
from ninja.pagination import paginate

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.api.conditional import IfMatch, etag_response, expected_version, set_etag, version_etag
from danvan.core.api.idempotency import IdempotencyKey, create_once
from danvan.core.api.params import UnitFilter, filter_unit, required_unit
from danvan.core.errors import InvalidInput, NotFound
from danvan.core.pagination import LimitOffsetPagination
from danvan.core.periods import Period
from danvan.core.search import Folded
from danvan.core.text import fold
from danvan.meetings import access, stats
from danvan.meetings.api import router
from danvan.meetings.api import schemas as s
from danvan.meetings.models import Directive, Meeting, Task, TaskStatus
from danvan.meetings.models.tasks import OPEN_STATUSES
from danvan.meetings.selectors import MeetingFilter, filter_meetings, overdue
from danvan.meetings.services import dialogues, directives, meetings, supervision, tasks
from danvan.orgs.models import Organization, Person
from danvan.territory.models import Level, Unit
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q


def _scope(request: HttpRequest) -> UserScope:
    return request.scope  # type: ignore[attr-defined]


def unit_by_code(code: str) -> Unit:
    unit = Unit.objects.valid_on(timezone.localdate()).filter(code=code.strip()).first()
    if unit is None:
        raise NotFound(f"Không có đơn vị mã «{code}» đang có hiệu lực.")
    return unit


def _org(pk: int | None, field: str) -> Organization | None:
    if pk is None:
        return None
    found = Organization.objects.select_related("unit", "kind").filter(pk=pk).first()
    if found is None:
        raise InvalidInput(
            "invalid_input",
            "Không có cơ quan, tổ chức này.",
            errors={field: ["Không có cơ quan, tổ chức này."]},
        )
    return found


def _person(pk: int | None, field: str) -> Person | None:
    if pk is None:
        return None
    found = Person.objects.filter(pk=pk).first()
    if found is None:
        raise InvalidInput("invalid_input", "Không có cán bộ này.", errors={field: ["Không có cán bộ này."]})
    return found


def _directive(scope: UserScope, pk: int | None, field: str) -> Directive | None:
    if pk is None:
        return None
    found = access.visible_directives(scope).filter(pk=pk).first()
    if found is None:
        raise InvalidInput(
            "invalid_input", "Không có văn bản này.", errors={field: ["Không có văn bản này."]}
        )
    return found


# Meetings -----------------------------------------------------------------------------------
@router.get(
    "/meetings",
    response={200: list[s.MeetingSummaryOut]},
    summary="Danh sách hội nghị",
    operation_id="meetings_list",
)
@paginate(LimitOffsetPagination)
def list_meetings(request: HttpRequest, filters: Query[s.MeetingQuery]) -> Any:
    criteria = MeetingFilter(
        unit=filter_unit(filters),
        kind=filters.kind.value if filters.kind else "",
        status=filters.status.value if filters.status else "",
        period=Period.parse(filters.period) if filters.period else None,
        q=filters.q or "",
    )
    return filter_meetings(access.visible_meetings(_scope(request)), criteria)


@router.get(
    "/meetings/stats",
    response={200: s.MeetingStatsOut},
    summary="Số liệu hội nghị, đối thoại, nhiệm vụ",
    operation_id="meetings_stats",
)
def meeting_stats(request: HttpRequest, query: Query[s.MeetingStatsQuery]) -> Any:
    """Các chỉ tiêu của đơn vị và cấp dưới (kể cả đơn vị cũ sáp nhập vào) trong kỳ."""
    unit, period = required_unit(query), Period.parse(query.period)
    if not _scope(request).covers(unit, Role.VIEWER, history=True):
        raise NotFound()
    return {
        "unit": unit.code,
        "unit_name": unit.name,
        "period": period.code,
        "period_label": period.label,
        "figures": stats.figures(unit=unit, period=period),
        "labels": {key: list(value) for key, value in stats.FIGURES.items()},
    }


def _meeting_out(request: HttpRequest, meeting_id: int, response: HttpResponse) -> Meeting:
    meeting = access.access_meeting(_scope(request), meeting_id)
    set_etag(response, version_etag(meeting))
    return meeting


@router.post(
    "/meetings",
    response={201: s.MeetingOut},
    summary="Lên lịch hội nghị",
    operation_id="meetings_create",
    openapi_extra=etag_response(201),
)
def create_meeting(
    request: HttpRequest, payload: s.MeetingIn, response: HttpResponse, idempotency_key: IdempotencyKey = None
) -> Any:
    """Gửi kèm Idempotency-Key để gửi lại an toàn."""
    scope = _scope(request)
    unit = unit_by_code(payload.unit)
    organizers = list(
        Organization.objects.select_related("unit", "kind").filter(pk__in=payload.organizer_ids)
    )
    if len(organizers) != len(set(payload.organizer_ids)):
        raise InvalidInput(
            "invalid_input",
            "Có cơ quan tổ chức không tồn tại.",
            errors={"organizer_ids": ["Có cơ quan tổ chức không tồn tại."]},
        )

    def create() -> Meeting:
        return meetings.meeting_schedule(
            actor=request.user,
            scope=scope,
            unit=unit,
            kind=payload.kind.value,
            title=payload.title,
            starts_at=payload.starts_at,
            ends_at=payload.ends_at,
            place=payload.place,
            organizers=organizers,
            chair=_person(payload.chair_id, "chair_id"),
            chair_title=payload.chair_title,
            agenda=payload.agenda,
            period=payload.period,
            directive=_directive(scope, payload.directive_id, "directive_id"),
        )

    done = create_once(request, operation="meetings_create", key=idempotency_key, create=create)
    return Created(201, _meeting_out(request, done.pk, response))


@router.get(
    "/meetings/{meeting_id}",
    response={200: s.MeetingOut},
    summary="Một hội nghị",
    operation_id="meetings_get",
    openapi_extra=etag_response(),
)
def get_meeting(request: HttpRequest, meeting_id: int, response: HttpResponse) -> Any:
    return _meeting_out(request, meeting_id, response)


@router.post(
    "/meetings/{meeting_id}/attendees",
    response={200: s.MeetingOut},
    summary="Thêm đại biểu",
    operation_id="meetings_add_attendee",
    openapi_extra=etag_response(),
)
def add_attendee(
    request: HttpRequest,
    meeting_id: int,
    payload: s.AttendeeIn,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> Any:
    """If-Match (nếu gửi) phải khớp ETag hiện tại của hội nghị (412 nếu đã cũ)."""
    meeting = access.access_meeting(_scope(request), meeting_id, access.WRITE)
    expected_version(meeting, if_match, required=False)
    meetings.attendee_add(
        actor=request.user,
        meeting=meeting,
        person=_person(payload.person_id, "person_id"),
        name=payload.name,
        title=payload.title,
        organization=_org(payload.organization_id, "organization_id"),
        present=payload.present,
    )
    return _meeting_out(request, meeting_id, response)


@router.post(
    "/meetings/{meeting_id}/hold",
    response={200: s.MeetingOut},
    summary="Ghi nhận đã họp",
    operation_id="meetings_hold",
    openapi_extra=etag_response(),
)
def hold_meeting(
    request: HttpRequest, meeting_id: int, payload: s.HoldIn, response: HttpResponse, if_match: IfMatch = None
) -> Any:
    """If-Match (nếu gửi) phải khớp ETag hiện tại của hội nghị (412 nếu đã cũ)."""
    meeting = access.access_meeting(_scope(request), meeting_id, access.WRITE)
    expected_version(meeting, if_match, required=False)
    meetings.meeting_hold(
        actor=request.user, meeting=meeting, other_attendees=payload.other_attendees, minutes=payload.minutes
    )
    return _meeting_out(request, meeting_id, response)


def _task_spec(scope: UserScope, item: s.TaskIn, index: int) -> tasks.TaskSpec:
    owner = _org(item.owner_id, f"tasks.{index}.owner")
    assert owner is not None
    return tasks.TaskSpec(
        title=item.title,
        owner=owner,
        deadline=item.deadline,
        owner_person=_person(item.owner_person_id, f"tasks.{index}.owner_person"),
        directive=_directive(scope, item.directive_id, f"tasks.{index}.directive"),
        description=item.description,
        weight=item.weight,
    )


@router.post(
    "/meetings/{meeting_id}/close",
    response={200: s.MeetingOut},
    summary="Kết thúc hội nghị",
    operation_id="meetings_close",
    openapi_extra=etag_response(),
)
def close_meeting(
    request: HttpRequest,
    meeting_id: int,
    payload: s.CloseIn,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> Any:
    """Biên bản, kết luận, thông báo kết luận (tùy chọn), nhiệm vụ; một nhiệm vụ sai thì không lưu gì."""
    scope = _scope(request)
    meeting = access.access_meeting(scope, meeting_id, access.WRITE)
    expected = expected_version(meeting, if_match, required=False)
    notice = None
    if payload.notice is not None:
        issuer = _org(payload.notice.issuer_id, "notice.issuer_id")
        assert issuer is not None
        notice = meetings.NoticeSpec(
            issuer=issuer,
            issuer_code=payload.notice.issuer_code,
            style=payload.notice.style.value,
            number=payload.notice.number,
            issued_on=payload.notice.issued_on,
            term=payload.notice.term,
        )
    meetings.meeting_close(
        actor=request.user,
        scope=scope,
        meeting=meeting,
        conclusions=payload.conclusions,
        minutes=payload.minutes,
        tasks=[_task_spec(scope, item, i) for i, item in enumerate(payload.tasks)],
        notice=notice,
        other_attendees=payload.other_attendees,
        expected_version=expected,
    )
    return _meeting_out(request, meeting_id, response)


@router.post(
    "/meetings/{meeting_id}/questions",
    response={201: s.QuestionOut},
    summary="Ghi nhận ý kiến đối thoại",
    operation_id="meetings_add_question",
)
def add_question(
    request: HttpRequest, meeting_id: int, payload: s.QuestionIn, idempotency_key: IdempotencyKey = None
) -> Any:
    meeting = access.access_meeting(_scope(request), meeting_id, access.WRITE)
    neighbourhood = None
    if payload.neighbourhood:
        neighbourhood = Unit.objects.filter(code=payload.neighbourhood, level=Level.NEIGHBOURHOOD).first()
        if neighbourhood is None:
            raise InvalidInput(
                "invalid_input",
                "Không có khu dân cư này.",
                errors={"neighbourhood": ["Không có khu dân cư này."]},
            )

    def create() -> Any:
        return dialogues.question_add(
            actor=request.user,
            meeting=meeting,
            source=payload.source.value,
            content=payload.content,
            topic=payload.topic,
            asked_by=payload.asked_by,
            neighbourhood=neighbourhood,
        )

    done = create_once(request, operation="meetings_add_question", key=idempotency_key, create=create)
    return Created(201, access.access_question(_scope(request), meeting, done.pk))


@router.post(
    "/meetings/{meeting_id}/questions/{question_id}/answer",
    response={200: s.QuestionOut},
    summary="Trả lời ý kiến",
    operation_id="meetings_answer_question",
)
def answer_question(
    request: HttpRequest, meeting_id: int, question_id: int, payload: s.QuestionAnswerIn
) -> Any:
    """Trả lời tại chỗ, hoặc hẹn trả lời (cần cơ quan và hạn): một nhiệm vụ theo dõi được tạo."""
    scope = _scope(request)
    meeting = access.access_meeting(scope, meeting_id, access.WRITE)
    question = access.access_question(scope, meeting, question_id)
    return dialogues.question_answer(
        actor=request.user,
        question=question,
        state=payload.state.value,
        answer=payload.answer,
        answered_by=payload.answered_by,
        commitment_owner=_org(payload.commitment_owner_id, "commitment_owner_id"),
        commitment_deadline=payload.commitment_deadline,
    )


# Tasks --------------------------------------------------------------------------------------
@router.get(
    "/tasks",
    response={200: list[s.TaskOut]},
    summary="Danh sách nhiệm vụ",
    operation_id="tasks_list",
)
@paginate(LimitOffsetPagination)
def list_tasks(request: HttpRequest, filters: Query[s.TaskQuery]) -> Any:
    """`overdue=true`: chưa hoàn thành, đã quá hạn. `unit`: giao cho cơ quan trong đơn vị và cấp dưới."""
    rows: QuerySet[Task] = access.visible_tasks(_scope(request))
    if filters.owner is not None:
        rows = rows.filter(owner_id=filters.owner)
    if filters.assigner is not None:
        rows = rows.filter(assigner_id=filters.assigner)
    unit = filter_unit(filters)
    if unit is not None:
        rows = rows.filter(subtree_q(history_paths(unit), "unit_path"))
    if filters.status is not None:
        rows = rows.filter(status=filters.status.value)
    if filters.overdue is True:
        rows = overdue(rows)
    elif filters.overdue is False:
        rows = rows.exclude(pk__in=overdue(rows).values("pk"))
    if filters.meeting is not None:
        rows = rows.filter(meeting_id=filters.meeting)
    if filters.directive is not None:
        rows = rows.filter(directive_id=filters.directive)
    return rows.select_related("owner", "owner_person", "assigner").order_by("deadline", "pk")


@router.get(
    "/tasks/{task_id}",
    response={200: s.TaskOut},
    summary="Một nhiệm vụ",
    operation_id="tasks_get",
    openapi_extra=etag_response(),
)
def get_task(request: HttpRequest, task_id: int, response: HttpResponse) -> Any:
    task = access.access_task(_scope(request), task_id)
    set_etag(response, version_etag(task))
    return task


@router.post(
    "/tasks/{task_id}/progress",
    response={201: s.ProgressOut},
    summary="Cập nhật tiến độ",
    operation_id="tasks_add_progress",
    openapi_extra=etag_response(201),
)
def task_progress(
    request: HttpRequest,
    task_id: int,
    payload: s.ProgressIn,
    response: HttpResponse,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Any:
    """100% là hoàn thành. Nhiệm vụ có nhiệm vụ con: tiến độ được tính từ các nhiệm vụ con.
    If-Match (nếu gửi) phải khớp ETag của nhiệm vụ (412 nếu đã cũ)."""
    task = access.access_task(_scope(request), task_id, access.PROGRESS)

    def create() -> Any:
        return tasks.task_progress(
            actor=request.user,
            task=task,
            progress=payload.progress,
            note=payload.note,
            on_date=payload.on_date,
            evidence_link=payload.evidence_link,
            expected_version=expected_version(task, if_match, required=False),
        )

    done = create_once(request, operation="tasks_add_progress", key=idempotency_key, create=create)
    update = task.updates.get(pk=done.pk)
    update.task = access.access_task(_scope(request), task_id)
    set_etag(response, version_etag(update.task))
    return Created(201, update)


# Directives ---------------------------------------------------------------------------------
def with_task_counts(rows: QuerySet[Directive]) -> QuerySet[Directive]:
    today = timezone.localdate()
    return rows.select_related("issuer").annotate(
        tasks_total=Count("tasks", distinct=True),
        tasks_done=Count("tasks", filter=Q(tasks__status=TaskStatus.DONE), distinct=True),
        tasks_overdue=Count(
            "tasks", filter=Q(tasks__status__in=OPEN_STATUSES, tasks__deadline__lt=today), distinct=True
        ),
    )


@router.get(
    "/directives",
    response={200: list[s.DirectiveOut]},
    summary="Văn bản chỉ đạo, kế hoạch",
    operation_id="directives_list",
)
@paginate(LimitOffsetPagination)
def list_directives(request: HttpRequest, filters: Query[s.DirectiveQuery]) -> Any:
    rows = access.visible_directives(_scope(request))
    unit = filter_unit(filters)
    if unit is not None:
        rows = rows.filter(subtree_q(history_paths(unit), "unit_path"))
    if filters.year:
        rows = rows.filter(issued_on__year=filters.year)
    if filters.kind:
        rows = rows.filter(kind=filters.kind.value)
    if fold(filters.q or ""):
        parts = ("title", Value(" "), "type_code", Value(" "), "issuer_code", Value(" "), "summary")
        text = Concat(*parts, output_field=TextField())
        rows = rows.annotate(q_text=Folded(text)).filter(q_text__contains=fold(filters.q or ""))
    return with_task_counts(rows).order_by("-issued_on", "-number", "-pk")


@router.post(
    "/directives",
    response={201: s.DirectiveOut},
    summary="Ghi nhận văn bản",
    operation_id="directives_create",
)
def create_directive(
    request: HttpRequest, payload: s.DirectiveIn, idempotency_key: IdempotencyKey = None
) -> Any:
    """Số bỏ trống: số kế tiếp theo loại và nhiệm kỳ (Đảng) hoặc năm (hành chính); số trùng bị từ chối."""
    scope = _scope(request)
    issuer = _org(payload.issuer_id, "issuer_id")
    assert issuer is not None
    partners = list(Organization.objects.filter(pk__in=payload.partner_ids))

    def create() -> Directive:
        return directives.directive_create(
            actor=request.user,
            scope=scope,
            issuer=issuer,
            style=payload.style.value,
            kind=payload.kind.value,
            type_code=payload.type_code,
            issuer_code=payload.issuer_code,
            number=payload.number,
            term=payload.term,
            issued_on=payload.issued_on,
            title=payload.title,
            summary=payload.summary,
            partners=partners,
        )

    done = create_once(request, operation="directives_create", key=idempotency_key, create=create)
    return Created(201, with_task_counts(Directive.objects.filter(pk=done.pk)).get())


@router.get(
    "/directives/{directive_id}",
    response={200: s.DirectiveOut},
    summary="Một văn bản",
    operation_id="directives_get",
)
def get_directive(request: HttpRequest, directive_id: int) -> Any:
    directive = access.access_directive(_scope(request), directive_id)
    return with_task_counts(Directive.objects.filter(pk=directive.pk)).get()


# Supervisions -------------------------------------------------------------------------------
@router.get(
    "/supervisions",
    response={200: list[s.SupervisionOut]},
    summary="Giám sát, phản biện xã hội",
    operation_id="supervisions_list",
)
@paginate(LimitOffsetPagination)
def list_supervisions(request: HttpRequest, filters: Query[s.SupervisionQuery]) -> Any:
    rows = access.visible_supervisions(_scope(request))
    unit = filter_unit(filters)
    if unit is not None:
        rows = rows.filter(subtree_q(history_paths(unit), "unit_path"))
    if filters.year:
        rows = rows.filter(starts_on__year=filters.year)
    if filters.kind:
        rows = rows.filter(kind=filters.kind.value)
    return rows.select_related("organization", "supervised_body", "unit").prefetch_related("recommendations")


@router.post(
    "/supervisions",
    response={201: s.SupervisionOut},
    summary="Ghi nhận cuộc giám sát, phản biện",
    operation_id="supervisions_create",
)
def create_supervision(
    request: HttpRequest, payload: s.SupervisionIn, idempotency_key: IdempotencyKey = None
) -> Any:
    scope = _scope(request)
    organization = _org(payload.organization_id, "organization_id")
    assert organization is not None

    def create() -> Any:
        return supervision.supervision_record(
            actor=request.user,
            scope=scope,
            kind=payload.kind.value,
            organization=organization,
            subject=payload.subject,
            supervised_body=_org(payload.supervised_body_id, "supervised_body_id"),
            supervised_name=payload.supervised_name,
            team=payload.team,
            starts_on=payload.starts_on,
            ends_on=payload.ends_on,
            findings=payload.findings,
            recommendations=[
                supervision.RecommendationSpec(r.content, r.answer_due) for r in payload.recommendations
            ],
        )

    done = create_once(request, operation="supervisions_create", key=idempotency_key, create=create)
    return Created(201, access.access_supervision(scope, done.pk))


@router.get(
    "/supervisions/{supervision_id}",
    response={200: s.SupervisionOut},
    summary="Một cuộc giám sát",
    operation_id="supervisions_get",
)
def get_supervision(request: HttpRequest, supervision_id: int) -> Any:
    return access.access_supervision(_scope(request), supervision_id)


@router.post(
    "/supervisions/{supervision_id}/recommendations/{recommendation_id}/answer",
    response={200: s.RecommendationOut},
    summary="Trả lời kiến nghị",
    operation_id="supervisions_answer_recommendation",
)
def answer_recommendation(
    request: HttpRequest, supervision_id: int, recommendation_id: int, payload: s.RecommendationAnswerIn
) -> Any:
    """Cơ quan giám sát hoặc cơ quan được giám sát ghi trả lời và mức độ tiếp thu."""
    scope = _scope(request)
    found = access.access_supervision(scope, supervision_id)
    rec = access.access_recommendation(scope, found, recommendation_id)
    return supervision.recommendation_answer(
        actor=request.user,
        recommendation=rec,
        answer=payload.answer,
        answered_on=payload.answered_on,
        acceptance=payload.acceptance.value,
        followup=payload.followup,
    )


# Public -------------------------------------------------------------------------------------
@router.get(
    "/public/reception-sessions",
    auth=None,
    response={200: list[s.PublicSessionOut]},
    summary="Lịch tiếp công dân sắp tới",
    operation_id="reception_sessions_list",
)
@paginate(LimitOffsetPagination)
def public_reception(request: HttpRequest, filters: Query[UnitFilter]) -> Any:
    """Các buổi tiếp công dân sắp tới của người đứng đầu cấp ủy; không cần đăng nhập."""
    rows = access.public_sessions()
    unit = filter_unit(filters)
    if unit is not None:
        rows = rows.filter(subtree_q([unit.path], "unit_path"))
    return [
        {
            "id": x.pk,
            "day": x.day,
            "starts": x.starts,
            "ends": x.ends,
            "place": x.place,
            "head": x.schedule.head.full_name,
            "head_title": x.schedule.head_title,
            "unit": x.schedule.unit,
        }
        for x in rows[:500]
    ]
