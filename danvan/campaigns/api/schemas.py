"""Schemas of /api/v1/campaigns: explicit, money as integer đồng (a string such as "4,5 tỷ" is
also read, or explained), dates ISO 8601, units by official code."""

import datetime as dt

from ninja import Field, Schema

from danvan.campaigns.models import MAX_QUANTITY, ContributionKind, DonorType, FundingSource
from danvan.core.api.params import PeriodCode, UnitFilter, UnitRequired, Year
from danvan.core.api.problems import ProblemOut as ProblemOut

MONEY_HELP = 'Số nguyên đồng; chuỗi như "4,5 tỷ" hay "15 triệu" cũng được đọc.'


class CampaignUnitRef(Schema):
    code: str
    name: str
    level: str = Field(description="province | district | commune | neighbourhood")


class GoalItemIn(Schema):
    item_kind: str = Field(max_length=40, description="Mã loại hỗ trợ (xem /campaigns/catalog).")
    quantity: int = Field(ge=1, le=MAX_QUANTITY)


class GoalItemOut(Schema):
    item_kind: str
    quantity: int
    achieved: int


class CampaignIn(Schema):
    name: str = Field(min_length=1, max_length=300)
    unit: str = Field(max_length=16, description="Mã đơn vị có hiệu lực vào ngày bắt đầu (cả đơn vị cũ).")
    start_date: dt.date
    end_date: dt.date
    parent_id: int | None = Field(None, description="Cuộc vận động cấp trên.")
    organizer_text: str = Field("", max_length=300)
    goal_money: int | str | None = Field(None, description=MONEY_HELP)
    goal_items: list[GoalItemIn] = Field(default_factory=list, max_length=50)
    description: str = Field("", max_length=5000)


class CampaignPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=300)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    organizer_text: str | None = Field(None, max_length=300)
    goal_money: int | str | None = Field(None, description=MONEY_HELP)
    description: str | None = Field(None, max_length=5000)


class CampaignSummaryOut(Schema):
    id: int
    name: str
    unit: CampaignUnitRef
    parent_id: int | None
    start_date: dt.date
    end_date: dt.date
    goal_money: int | None
    version: int


class LineOut(Schema):
    item_kind: str
    groups: str = Field(description="Các nhóm đối tượng, như trên trang.")
    quantity: int
    value: int | None
    sentence: str = Field(description="Câu tiếng Việt: «9.365 suất quà cho hộ nghèo, …».")


class CampaignOut(CampaignSummaryOut):
    organizer_text: str
    description: str
    money_raised: int = Field(description="Tiền vận động được, kể cả cuộc vận động con.")
    goods_value: int
    distributed_value: int
    sub_campaigns: int
    goal_items: list[GoalItemOut]
    lines: list[LineOut]


class ContributionIn(Schema):
    kind: ContributionKind
    donor_type: DonorType
    donor_name: str = Field("", max_length=200)
    amount: int | str = Field(description=MONEY_HELP + " Với hiện vật: giá trị ước tính.")
    goods: str = Field("", max_length=200)
    quantity: int | None = Field(None, ge=1, le=MAX_QUANTITY)
    quantity_unit: str = Field("", max_length=20)
    received_on: dt.date
    receipt_number: str = Field("", max_length=60)


class ContributionOut(Schema):
    id: int
    campaign_id: int
    kind: ContributionKind
    donor_type: DonorType
    donor_name: str
    amount: int
    goods: str
    quantity: int | None
    quantity_unit: str
    received_on: dt.date
    receipt_number: str


class DistributionIn(Schema):
    item_kind: str = Field(max_length=40)
    groups: list[str] = Field(min_length=1, max_length=20, description="Mã các nhóm đối tượng.")
    quantity: int = Field(ge=1, le=MAX_QUANTITY)
    value: int | str | None = Field(None, description=MONEY_HELP)
    unit: str | None = Field(
        None, max_length=16, description="Nơi trao (mặc định: địa bàn của cuộc vận động)."
    )
    distributed_on: dt.date
    funding_source: FundingSource = FundingSource.CAMPAIGN
    note: str = Field("", max_length=300)


class DistributionOut(Schema):
    id: int
    campaign_id: int
    unit: CampaignUnitRef
    item_kind: str
    groups: list[str]
    quantity: int
    value: int | None
    funding_source: FundingSource
    distributed_on: dt.date
    note: str
    sentence: str


class CampaignStatsQuery(UnitRequired):
    """`unit` covers the subtree and the old units merged into it."""

    period: PeriodCode


class CampaignFigureOut(Schema):
    key: str
    label: str
    measure: str
    value: int | float


class CampaignStatsOut(Schema):
    unit: str
    unit_name: str
    period: str
    period_label: str
    figures: dict[str, int | float]
    labels: list[CampaignFigureOut]
    lines: list[LineOut]


class CatalogEntry(Schema):
    code: str
    name: str


class CatalogOut(Schema):
    item_kinds: list[CatalogEntry]
    beneficiary_groups: list[CatalogEntry]
    funding_sources: list[CatalogEntry]


class CampaignQuery(UnitFilter):
    period: PeriodCode | None = None
    year: Year | None = None
    q: str | None = Field(None, max_length=100, description="Tên cuộc vận động; không phân biệt dấu.")
