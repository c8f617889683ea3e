import datetime as dt
from typing import Literal

from ninja import Field, Schema

from danvan.core.api.params import Number, PeriodCode, UnitFilter
from danvan.core.api.problems import ProblemOut as ProblemOut


class CategoryOut(Schema):
    code: str
    label: str


class IndicatorOut(Schema):
    code: str
    name: str
    unit_of_measure: str
    value_type: str
    aggregation: str
    numerator: str | None = None
    denominator: str | None = None
    categories: list[CategoryOut]
    source: str = Field(description="Số liệu hệ thống tự điền: «ứng dụng.chỉ tiêu»; rỗng nếu nhập tay.")
    min_value: Number | None = None
    max_value: Number | None = None


class SectionOut(Schema):
    code: str
    title: str


class FormIndicatorOut(Schema):
    indicator: str
    group: str
    required: bool


class FormOut(Schema):
    code: str
    name: str
    level: str
    periodicity: str
    deadline_days: int
    counts_in_rollups: bool
    sections: list[SectionOut]
    indicators: list[FormIndicatorOut]


class SubmissionQuery(UnitFilter):
    form: str | None = Field(None, max_length=40, description="Mã mẫu báo cáo.")
    period: PeriodCode | None = None
    status: Literal["draft", "submitted", "returned", "approved"] | None = None


class SubmissionOpenIn(Schema):
    form: str = Field(max_length=40)
    unit: str = Field(max_length=16, description="Mã đơn vị báo cáo.")
    period: PeriodCode


class ValueOut(Schema):
    indicator: str
    category: str
    value: Number | bool | str | None
    computed: Number | None = Field(None, description="Số hệ thống tính; khác value khi người nhập đã sửa.")
    override_reason: str
    comment: str
    returned: bool
    return_comment: str
    version: int


class SubmissionSummaryOut(Schema):
    id: int
    form: str
    unit: str
    unit_name: str
    period: str
    period_label: str
    status: str
    due_date: dt.date
    submitted_at: dt.datetime | None
    approved_at: dt.datetime | None
    late: bool


class SubmissionOut(SubmissionSummaryOut):
    version: int
    narrative: dict[str, str]
    return_comment: str
    values: list[ValueOut]


class ValueIn(Schema):
    indicator: str = Field(max_length=40)
    category: str = Field("", max_length=40)
    value: Number | bool | str | None = Field(
        description="Số (9365, 45.7), true/false, chuỗi kiểu Việt Nam («9.365», «4,5 tỷ») hoặc null để xóa."
    )
    reason: str = Field("", max_length=500, description="Bắt buộc khi sửa số liệu hệ thống tự điền.")
    comment: str | None = Field(None, max_length=500)
    version: int | None = Field(None, description="Phiên bản đã đọc; sai → 409.")


class ValuesIn(Schema):
    values: list[ValueIn] = Field(max_length=500)
    narrative: dict[str, str] | None = None


class ReturnValueIn(Schema):
    indicator: str
    category: str = ""
    comment: str = Field(max_length=500)


class ReturnIn(Schema):
    comment: str = Field("", max_length=2000)
    values: list[ReturnValueIn] = Field(default_factory=list, max_length=500)


class RollupQuery(UnitFilter):
    """`unit` empty: the whole nation (system administrators only)."""

    indicator: str = Field(max_length=60, description="Mã chỉ tiêu.")
    period: PeriodCode
    by: Literal["children"] | None = None
    category: str = ""


class RollupFigureOut(Schema):
    code: str
    name: str
    level: str
    value: Number | None = Field(description="null: chưa có báo cáo (khác 0).")
    count: int


class RollupOut(Schema):
    indicator: str
    period: str
    period_label: str
    unit: RollupFigureOut
    children: list[RollupFigureOut] | None = None
    as_of: dt.datetime | None = Field(description="Số liệu tính đến thời điểm này.")


class CompletenessQuery(UnitFilter):
    """`unit` empty: the whole nation (system administrators only)."""

    form: str = Field(max_length=40, description="Mã mẫu báo cáo.")
    period: PeriodCode
    by: Literal["children"] | None = None


class CompletenessRowOut(Schema):
    code: str
    name: str
    expected: int
    submitted: int
    approved: int
    on_time: int
    late: int
    missing: int
    rate: float | None
    on_time_rate: float | None


class CompletenessOut(Schema):
    form: str
    period: str
    period_label: str
    unit: CompletenessRowOut
    children: list[CompletenessRowOut] | None = None
    as_of: dt.datetime
