"""Input and output schemas of the petitions API. Outputs never carry a citizen's identity,
except IdentityOut (its own, audited operation)."""

import datetime as dt
from typing import Literal

from ninja import Field, Schema

from danvan.core.api.params import PeriodCode, RecordId, UnitFilter, UnitRequired, Year
from danvan.core.api.problems import ProblemOut as ProblemOut
from danvan.petitions import timing
from danvan.petitions.models import Answer, Channel, Complexity, Kind, Petition, PetitionFile, Status

TEXT = 10_000


class Ref(Schema):
    code: str
    name: str


class OrganizationRef(Schema):
    id: int
    name: str


class PetitionSummaryOut(Schema):
    id: int
    tracking_code: str
    kind: Kind
    channel: Channel
    topic: Ref
    unit: Ref
    title: str
    status: Status
    organization: OrganizationRef | None
    received_on: dt.date
    accept_due: dt.date
    resolve_due: dt.date | None
    due_on: dt.date | None = Field(description="Hạn của bước hiện tại; null khi đã xong.")
    overdue: bool
    answered_on: dt.date | None
    on_time: bool | None
    extensions: int
    escalation_level: int
    version: int

    @staticmethod
    def resolve_overdue(obj: Petition) -> bool:
        return obj.is_overdue(timing.today())


class EventOut(Schema):
    action: str
    from_status: str
    to_status: str
    note: str
    actor: str
    at: dt.datetime


class FileOut(Schema):
    id: int
    title: str
    type: str
    content_type: str
    size: int
    answer_id: int | None


class AnswerOut(Schema):
    id: int
    text: str
    decision_number: str
    decision_date: dt.date | None
    is_public: bool
    answered_on: dt.date
    files: list[FileOut]

    @staticmethod
    def resolve_files(obj: Answer) -> list[PetitionFile]:
        return list(obj.files.all())


class PetitionOut(PetitionSummaryOut):
    content: str
    location: str
    known_on: dt.date | None
    filed_late: bool
    complexity: Complexity
    is_remote: bool
    accepted_on: dt.date | None
    ack_due_at: dt.datetime | None
    rule: str = Field(description="Phiên bản quy định thời hạn áp dụng (theo ngày gửi).")
    external_body: str
    handlers: list[str] = Field(description="Tên đăng nhập của người được giao xử lý.")
    public_consent: bool
    satisfied: bool | None
    reopened: int
    duplicate_of: str | None = Field(description="Mã theo dõi của vụ việc trùng.")
    has_identity: bool = Field(description="Có thông tin người gửi (xem qua /identity nếu được phép).")
    events: list[EventOut]
    answers: list[AnswerOut]
    files: list[FileOut] = Field(description="Tệp minh chứng của cán bộ (tệp công dân gửi: xem trên trang).")

    @staticmethod
    def resolve_rule(obj: Petition) -> str:
        return str(obj.rule)

    @staticmethod
    def resolve_handlers(obj: Petition) -> list[str]:
        return sorted(obj.handlers.values_list("username", flat=True))

    @staticmethod
    def resolve_duplicate_of(obj: Petition) -> str | None:
        return obj.duplicate_of.tracking_code if obj.duplicate_of else None

    @staticmethod
    def resolve_has_identity(obj: Petition) -> bool:
        return bool(obj.citizen_name or obj.citizen_phone or obj.citizen_email or obj.citizen_address)

    @staticmethod
    def resolve_events(obj: Petition) -> list[dict[str, object]]:
        return [
            {
                "action": e.action,
                "from_status": e.from_status,
                "to_status": e.to_status,
                "note": e.note,
                "actor": e.actor_label,
                "at": e.at,
            }
            for e in obj.events.order_by("at", "pk")
        ]

    @staticmethod
    def resolve_answers(obj: Petition) -> list[Answer]:
        return list(obj.answers.prefetch_related("files").order_by("created_at", "pk"))

    @staticmethod
    def resolve_files(obj: Petition) -> list[PetitionFile]:
        return list(obj.files.filter(from_citizen=False))


class PetitionCreatedOut(PetitionOut):
    private_url: str = Field(description="Đường dẫn riêng để người gửi theo dõi; chỉ trả về một lần.")


class CitizenIn(Schema):
    name: str = Field("", max_length=120)
    phone: str = Field("", max_length=20)
    email: str = Field("", max_length=200)
    address: str = Field("", max_length=300)


class PetitionIn(Schema):
    kind: Kind
    channel: Channel
    topic: str = Field(max_length=40, description="Mã lĩnh vực (GET danh mục trên trang quản trị).")
    unit: str = Field(max_length=20, description="Mã đơn vị hành chính nơi xảy ra sự việc.")
    title: str = Field("", max_length=200)
    content: str = Field(max_length=TEXT + 1000)
    location: str = Field("", max_length=300)
    citizen: CitizenIn = CitizenIn(name="", phone="", email="", address="")
    wants_updates: bool = False
    public_consent: bool = False
    known_on: dt.date | None = Field(None, description="Khiếu nại: ngày biết quyết định, hành vi.")


class PublicPetitionIn(Schema):
    kind: Kind
    topic: str = Field(max_length=40)
    unit: str = Field(max_length=20, description="Mã xã, phường, đặc khu.")
    title: str = Field("", max_length=200)
    content: str = Field(max_length=TEXT + 1000)
    location: str = Field("", max_length=300)
    citizen: CitizenIn = CitizenIn(name="", phone="", email="", address="")
    wants_updates: bool = False
    public_consent: bool = False
    known_on: dt.date | None = None


class TrackingOut(Schema):
    tracking_code: str
    private_url: str = Field(description="Đường dẫn riêng; rỗng khi trả lời một yêu cầu gửi lại.")


class PublicStatusOut(Schema):
    """What anyone with the tracking code sees: never the content or the sender."""

    tracking_code: str
    kind: Kind
    topic: str
    unit: str
    status: Status
    status_label: str
    received_on: dt.date
    due_on: dt.date | None
    answered_on: dt.date | None
    public_answer: str | None = Field(description="Chỉ khi người gửi đồng ý công khai.")


Action = Literal["accept", "reject", "start", "extend", "close", "reopen", "withdraw", "transfer", "assign"]


class PetitionTransitionIn(Schema):
    action: Action
    reason: str = Field("", max_length=5000)
    complexity: Complexity | None = Field(None, description="Thụ lý, gia hạn: normal | complex | especially.")
    remote: bool = False
    organization_id: int | None = None
    external_body: str = Field("", max_length=300)
    handlers: list[str] = Field(default_factory=list, max_length=20, description="Tên đăng nhập.")


class AnswerIn(Schema):
    text: str = Field(max_length=20_000)
    evidence_ids: list[int] = Field(max_length=20, description="Tệp đã tải lên qua /files.")
    decision_number: str = Field("", max_length=60)
    decision_date: dt.date | None = None
    public: bool = False


class IdentityOut(Schema):
    name: str
    phone: str
    email: str
    address: str


class ListQuery(UnitFilter):
    period: PeriodCode | None = Field(None, description="Vụ việc nhận trong kỳ.")
    year: Year | None = Field(None, description="Vụ việc nhận trong năm.")
    status: Status | None = None
    kind: Kind | None = None
    channel: Channel | None = None
    topic: str | None = Field(None, max_length=40)
    q: str | None = Field(None, max_length=200, description="Nội dung, mã theo dõi; không phân biệt dấu.")
    due: Literal["today", "week", "overdue"] | None = None
    organization: RecordId | None = Field(None, description="Mã số (id) cơ quan giải quyết.")
    handler: str | None = Field(None, max_length=150)


class PetitionStatsQuery(UnitRequired):
    period: PeriodCode


class TopicRow(Schema):
    code: str
    name: str
    received: int
    resolved: int
    on_time: int


class PetitionStatsOut(Schema):
    unit: str
    unit_name: str
    period: str
    period_label: str
    figures: dict[str, int | float]
    labels: dict[str, str]
    by_topic: list[TopicRow]
