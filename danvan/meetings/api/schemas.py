"""Input and output schemas of the meetings API: explicit, documented, dates ISO, units by code."""

import datetime as dt
from typing import Any

from django.utils import timezone
from ninja import Field, Schema

from danvan.core.api.params import PeriodCode, RecordId, UnitFilter, UnitRequired, Year
from danvan.core.api.problems import ProblemOut as ProblemOut
from danvan.meetings.models import (
    Acceptance,
    AnswerState,
    DirectiveKind,
    DirectiveStyle,
    MeetingKind,
    MeetingStatus,
    QuestionSource,
    SupervisionKind,
    TaskStatus,
)

LINE, TEXT = 500, 20_000


class MeetingUnitRef(Schema):
    code: str
    name: str


class OrgRef(Schema):
    id: int
    name: str


class PersonRef(Schema):
    id: int
    full_name: str


class DirectiveRef(Schema):
    id: int
    reference: str
    title: str


class AttendeeOut(Schema):
    person: PersonRef | None
    name: str
    title: str = Field(description="Chức vụ giữ vào ngày họp.")
    organization: OrgRef | None
    present: bool


class TaskOut(Schema):
    id: int
    title: str
    description: str
    owner: OrgRef
    owner_person: PersonRef | None
    assigner: OrgRef | None
    deadline: dt.date
    status: TaskStatus
    progress: int = Field(description="Phần trăm, 0–100; nhiệm vụ có nhiệm vụ con: bình quân gia quyền.")
    done_on: dt.date | None
    overdue: bool
    meeting_id: int | None
    directive_id: int | None
    parent_id: int | None
    version: int

    @staticmethod
    def resolve_overdue(obj: Any) -> bool:
        return bool(obj.is_overdue(timezone.localdate()))


class QuestionOut(Schema):
    id: int
    source: QuestionSource
    asked_by: str
    topic: str
    content: str
    state: AnswerState
    answer: str
    commitment_owner: OrgRef | None
    commitment_deadline: dt.date | None
    followup_task_id: int | None


class MeetingSummaryOut(Schema):
    id: int
    kind: MeetingKind
    title: str
    unit: MeetingUnitRef
    period: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    place: str
    status: MeetingStatus
    version: int


class MeetingOut(MeetingSummaryOut):
    organizers: list[OrgRef]
    chair: PersonRef | None
    chair_title: str
    agenda: str
    other_attendees: int
    report_heard: str
    directive: DirectiveRef | None
    minutes: str
    conclusions: str
    conclusion_notice: DirectiveRef | None
    attendees: list[AttendeeOut]
    tasks: list[TaskOut]
    questions: list[QuestionOut]

    @staticmethod
    def resolve_organizers(obj: Any) -> list[Any]:
        return list(obj.organizers.all())

    @staticmethod
    def resolve_attendees(obj: Any) -> list[Any]:
        return list(obj.attendees.select_related("person", "organization"))

    @staticmethod
    def resolve_tasks(obj: Any) -> list[Any]:
        return list(obj.tasks.select_related("owner", "owner_person", "assigner").order_by("pk"))

    @staticmethod
    def resolve_questions(obj: Any) -> list[Any]:
        return list(obj.questions.select_related("commitment_owner"))


class MeetingQuery(UnitFilter):
    period: PeriodCode | None = None
    kind: MeetingKind | None = None
    status: MeetingStatus | None = None
    q: str | None = Field(None, max_length=200, description="Tên, địa điểm; không phân biệt dấu.")


class MeetingIn(Schema):
    unit: str = Field(description="Mã đơn vị tổ chức.")
    kind: MeetingKind
    title: str = Field(min_length=1, max_length=300)
    starts_at: dt.datetime
    ends_at: dt.datetime | None = None
    place: str = Field("", max_length=300)
    organizer_ids: list[int] = Field(min_length=1, max_length=20)
    chair_id: int | None = None
    chair_title: str = Field("", max_length=300)
    agenda: str = Field("", max_length=TEXT)
    period: str = Field("", max_length=12)
    directive_id: int | None = None


class AttendeeIn(Schema):
    person_id: int | None = None
    name: str = Field("", max_length=120)
    title: str = Field("", max_length=300, description="Bỏ trống: lấy chức vụ giữ vào ngày họp.")
    organization_id: int | None = None
    present: bool = True


class HoldIn(Schema):
    other_attendees: int | None = Field(None, ge=0)
    minutes: str = Field("", max_length=TEXT)


class TaskIn(Schema):
    title: str = Field(max_length=LINE)
    owner_id: int
    deadline: dt.date
    owner_person_id: int | None = None
    directive_id: int | None = None
    description: str = Field("", max_length=TEXT)
    weight: int = Field(1, ge=1, le=100)


class NoticeIn(Schema):
    issuer_id: int
    issuer_code: str = Field(max_length=40, description="Ví dụ: ĐU, TU, UBND.")
    style: DirectiveStyle = DirectiveStyle.PARTY
    number: int | None = Field(None, ge=1, description="Bỏ trống: số kế tiếp còn trống.")
    issued_on: dt.date | None = None
    term: str = Field("", max_length=9)


class CloseIn(Schema):
    minutes: str = Field("", max_length=TEXT)
    conclusions: str = Field(max_length=TEXT)
    other_attendees: int | None = Field(None, ge=0)
    notice: NoticeIn | None = None
    tasks: list[TaskIn] = Field([], max_length=100)


class QuestionIn(Schema):
    source: QuestionSource
    content: str = Field(max_length=TEXT)
    topic: str = Field("", max_length=200)
    asked_by: str = Field("", max_length=200)
    neighbourhood: str | None = Field(None, description="Mã khu dân cư.")


class QuestionAnswerIn(Schema):
    state: AnswerState
    answer: str = Field("", max_length=TEXT)
    answered_by: str = Field("", max_length=200)
    commitment_owner_id: int | None = None
    commitment_deadline: dt.date | None = None


class TaskQuery(UnitFilter):
    """`unit`: tasks of organizations in the unit's subtree."""

    owner: RecordId | None = Field(None, description="Mã số (id) cơ quan chủ trì.")
    assigner: RecordId | None = Field(None, description="Mã số (id) cơ quan giao.")
    status: TaskStatus | None = None
    overdue: bool | None = None
    meeting: RecordId | None = Field(None, description="Mã số (id) hội nghị đã giao nhiệm vụ.")
    directive: RecordId | None = Field(None, description="Mã số (id) văn bản chỉ đạo đã giao nhiệm vụ.")


class ProgressIn(Schema):
    progress: int = Field(ge=0, le=100)
    note: str = Field(max_length=TEXT)
    on_date: dt.date | None = None
    evidence_link: str = Field("", max_length=500)


class ProgressOut(Schema):
    id: int
    on_date: dt.date
    progress: int
    note: str
    evidence_link: str
    task: TaskOut


class DirectiveOut(Schema):
    id: int
    reference: str
    style: DirectiveStyle
    kind: DirectiveKind
    number: int
    type_code: str
    issuer_code: str
    issuer: OrgRef
    partners: list[OrgRef]
    series: str = Field(description="Nhiệm kỳ (văn bản Đảng) hoặc năm (văn bản hành chính) của dãy số.")
    issued_on: dt.date
    title: str
    summary: str
    tasks_total: int
    tasks_done: int
    tasks_overdue: int

    @staticmethod
    def resolve_partners(obj: Any) -> list[Any]:
        return list(obj.partners.all())


class DirectiveQuery(UnitFilter):
    year: Year | None = None
    kind: DirectiveKind | None = None
    q: str | None = Field(None, max_length=200, description="Trích yếu, số, ký hiệu; không phân biệt dấu.")


class DirectiveIn(Schema):
    issuer_id: int
    style: DirectiveStyle
    kind: DirectiveKind = DirectiveKind.PLAN
    type_code: str = Field(max_length=12)
    issuer_code: str = Field(max_length=40)
    number: int | None = Field(None, ge=1, description="Bỏ trống: số kế tiếp còn trống.")
    term: str = Field("", max_length=9, description="Văn bản Đảng: nhiệm kỳ, ví dụ 2020-2025.")
    issued_on: dt.date
    title: str = Field(max_length=LINE)
    summary: str = Field("", max_length=TEXT)
    partner_ids: list[int] = Field([], max_length=20)


class RecommendationOut(Schema):
    id: int
    content: str
    answer_due: dt.date | None
    answer: str
    answered_on: dt.date | None
    acceptance: Acceptance
    followup: str


class SupervisionOut(Schema):
    id: int
    kind: SupervisionKind
    organization: OrgRef
    unit: MeetingUnitRef
    subject: str
    supervised: str
    team: str
    starts_on: dt.date
    ends_on: dt.date
    findings: str
    recommendations: list[RecommendationOut]

    @staticmethod
    def resolve_supervised(obj: Any) -> str:
        return str(obj.supervised_label)

    @staticmethod
    def resolve_recommendations(obj: Any) -> list[Any]:
        return list(obj.recommendations.all())


class SupervisionQuery(UnitFilter):
    year: Year | None = None
    kind: SupervisionKind | None = None


class RecommendationIn(Schema):
    content: str = Field(max_length=TEXT)
    answer_due: dt.date | None = None


class SupervisionIn(Schema):
    kind: SupervisionKind
    organization_id: int
    subject: str = Field(max_length=LINE)
    supervised_body_id: int | None = None
    supervised_name: str = Field("", max_length=300)
    team: str = Field("", max_length=TEXT)
    starts_on: dt.date
    ends_on: dt.date
    findings: str = Field("", max_length=TEXT)
    recommendations: list[RecommendationIn] = Field([], max_length=100)


class RecommendationAnswerIn(Schema):
    answer: str = Field(max_length=TEXT)
    answered_on: dt.date
    acceptance: Acceptance
    followup: str = Field("", max_length=TEXT)


class MeetingStatsQuery(UnitRequired):
    period: PeriodCode


class MeetingStatsOut(Schema):
    unit: str
    unit_name: str
    period: str
    period_label: str
    figures: dict[str, int | float]
    labels: dict[str, list[str]] = Field(description="Khóa → [nhãn tiếng Việt, đơn vị tính].")


class PublicSessionOut(Schema):
    id: int
    day: dt.date
    starts: dt.time
    ends: dt.time
    place: str
    head: str
    head_title: str
    unit: MeetingUnitRef
