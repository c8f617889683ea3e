"""Input and output schemas of /api/v1/practices: explicit, documented, money in integer đồng."""

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

from danvan.core.api.params import UnitFilter, UnitRequired, Year
from danvan.core.api.problems import ProblemOut as ProblemOut
from danvan.practices.models import Kind, Practice, Status, Subject

TEXT = 10_000
LINE = 300


class PracticeUnitRef(Schema):
    code: str
    name: str
    level: str = Field(description="province | district | commune | neighbourhood")


class FieldRef(Schema):
    code: str
    name: str


class OrganizationRef(Schema):
    id: int
    name: str


class PersonRef(Schema):
    id: int
    full_name: str


class PracticeSummaryOut(Schema):
    id: int
    name: str
    kind: Kind
    subject: Subject | Literal[""] = Field(
        description="Với điển hình: tap_the | ca_nhan; mô hình: chuỗi rỗng."
    )
    year: int
    status: Status
    level: str = Field(description="Cấp của địa bàn đăng ký.")
    unit: PracticeUnitRef
    field: FieldRef
    organization: OrganizationRef | None
    budget: int | None = Field(description="Kinh phí, số nguyên đồng.")
    is_late: bool
    is_public: bool
    source_id: int | None = Field(description="Mô hình gốc khi đây là bản nhân rộng.")
    version: int


class ContentOut(Schema):
    problem: str
    goals: str
    success_criteria: str
    activities: str
    place: str
    target_people: str
    lead_forces: str
    partner_forces: str
    workdays: int | None
    contributions: str
    start_date: dt.date | None
    milestones: str
    evaluation_date: dt.date | None
    outputs: str
    sustainability: str


class PracticeOut(PracticeSummaryOut, ContentOut):
    person: PersonRef | None
    registered_at: dt.datetime
    allowed_transitions: list[Status] = Field(
        description="Các trạng thái người gọi API được chuyển sang lúc này."
    )

    @staticmethod
    def resolve_allowed_transitions(obj: Practice, context: Any) -> list[str]:
        from danvan.practices.services.lifecycle import allowed_targets

        return allowed_targets(obj, context["request"].scope)


class ContentIn(Schema):
    problem: str = Field("", max_length=TEXT)
    goals: str = Field("", max_length=TEXT)
    success_criteria: str = Field("", max_length=TEXT)
    activities: str = Field("", max_length=TEXT)
    place: str = Field("", max_length=LINE)
    target_people: str = Field("", max_length=LINE)
    lead_forces: str = Field("", max_length=LINE)
    partner_forces: str = Field("", max_length=LINE)
    budget: int | None = Field(None, ge=0, le=10**15, description="Số nguyên đồng.")
    workdays: int | None = Field(None, ge=0, le=10**9)
    contributions: str = Field("", max_length=TEXT)
    start_date: dt.date | None = None
    milestones: str = Field("", max_length=TEXT)
    evaluation_date: dt.date | None = None
    outputs: str = Field("", max_length=TEXT)
    sustainability: str = Field("", max_length=TEXT)


class PracticeIn(ContentIn):
    unit: str = Field(
        ..., min_length=1, max_length=16, description="Mã chính thức của đơn vị đang có hiệu lực."
    )
    year: int = Field(..., ge=2000, le=2100)
    field: str = Field(
        ..., min_length=1, max_length=40, description="Mã lĩnh vực trong danh mục của tỉnh, năm."
    )
    name: str = Field(..., min_length=1, max_length=300)
    kind: Kind = Kind.MODEL
    subject: Subject | Literal[""] = ""
    organization_id: int | None = Field(None, ge=1, le=2**62, description="Tổ chức của đơn vị đăng ký.")
    person_id: int | None = Field(None, ge=1, le=2**62, description="Cá nhân (điển hình cá nhân).")


class PracticePatch(Schema):
    """Only the fields sent are changed."""

    name: str | None = Field(None, min_length=1, max_length=300)
    field: str | None = Field(None, min_length=1, max_length=40)
    problem: str | None = Field(None, max_length=TEXT)
    goals: str | None = Field(None, max_length=TEXT)
    success_criteria: str | None = Field(None, max_length=TEXT)
    activities: str | None = Field(None, max_length=TEXT)
    place: str | None = Field(None, max_length=LINE)
    target_people: str | None = Field(None, max_length=LINE)
    lead_forces: str | None = Field(None, max_length=LINE)
    partner_forces: str | None = Field(None, max_length=LINE)
    budget: int | None = Field(None, ge=0, le=10**15)
    workdays: int | None = Field(None, ge=0, le=10**9)
    contributions: str | None = Field(None, max_length=TEXT)
    start_date: dt.date | None = None
    milestones: str | None = Field(None, max_length=TEXT)
    evaluation_date: dt.date | None = None
    outputs: str | None = Field(None, max_length=TEXT)
    sustainability: str | None = Field(None, max_length=TEXT)


class PracticeTransitionIn(Schema):
    to: str = Field(..., min_length=1, max_length=20, description="Trạng thái đích, ví dụ in_progress.")
    reason: str = Field("", max_length=2000, description="Bắt buộc với not_recognized, paused, stopped.")


class PracticeQuery(UnitFilter):
    """`unit` covers the subtree and the old units merged into it."""

    q: str | None = Field(None, max_length=100, description="Tên, nội dung; không phân biệt dấu.")
    field: str | None = Field(None, max_length=40, description="Mã lĩnh vực.")
    kind: Kind | None = None
    level: Literal["province", "district", "commune", "neighbourhood"] | None = None
    status: Status | None = None
    year: Year | None = None


class PracticeStatsQuery(UnitRequired):
    year: Year | None = Field(None, description="Bỏ trống: mọi năm.")


class BreakdownRow(Schema):
    field: str
    kind: str
    level: str
    status: str
    count: int


class PracticeStatsOut(Schema):
    unit: str
    unit_name: str
    year: int | None
    registered: int = Field(description="Số mô hình, điển hình đăng ký.")
    recognized: int = Field(description="Được công nhận, kể cả tiêu biểu và đã khen thưởng.")
    outstanding: int
    commended: int
    replications: int
    late: int
    by_kind: dict[str, int]
    by_field: dict[str, int]
    by_level: dict[str, int]
    by_status: dict[str, int]
    by_body: dict[str, int] = Field(description="Số mô hình theo loại chủ thể đăng ký.")
    bodies: dict[str, int] = Field(description="Số chủ thể (cơ quan, chi bộ, xã…) đã đăng ký.")
    breakdown: list[BreakdownRow]
    communes_total: int
    communes_registered: int
    communes_share: float | None = Field(description="Phần trăm xã, phường có đăng ký, ví dụ 95.5.")
    neighbourhoods_total: int
    neighbourhoods_registered: int
    neighbourhoods_share: float | None
