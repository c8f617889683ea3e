"""The extraction JSON as explicit schemas: the API's output and the check of a reviewed result."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

EventType = Literal[
    "giao ban",
    "sơ kết",
    "tổng kết",
    "đối thoại",
    "tiếp công dân",
    "làm việc",
    "hội nghị",
    "tọa đàm",
    "phát động",
    "ngày hội",
    "khác",
]
Qualifier = Literal["trên", "hơn", "gần", "khoảng", "đạt"]


class UnitOut(BaseModel):
    name: str
    level: Literal["province", "district", "commune", "neighbourhood"]
    code: str | None = None


class PeriodOut(BaseModel):
    label: str
    code: str


class EventOut(BaseModel):
    type: EventType | None = None
    date: dt.date | None = None
    organizer: str | None = None
    unit: UnitOut | None = None
    period: PeriodOut | None = None


class PersonOut(BaseModel):
    name: str = Field(min_length=2, max_length=120)
    position: str = Field(default="", max_length=400)
    start: int | None = None
    end: int | None = None


class FigureOut(BaseModel):
    quantity: float
    of: int | None = None
    unit: str = Field(max_length=120)
    subject: str = Field(default="", max_length=300)
    qualifier: Qualifier | None = None
    start: int
    end: int
    text: str


class TaskOut(BaseModel):
    text: str = Field(min_length=3)
    start: int
    end: int


class PracticeDraftIn(BaseModel):
    """A model (mô hình) the reviewer names so that it is registered as a draft in the registry."""

    name: str = Field(min_length=3, max_length=300)
    field: str = Field(max_length=40)


class ExtractionOut(BaseModel):
    event: EventOut
    people: list[PersonOut]
    figures: list[FigureOut]
    tasks: list[TaskOut]


class ReviewedFigure(FigureOut):
    """A figure with where the reviewer sends it; None = not decided yet (the proposal applies)."""

    indicator: str | None = Field(default=None, max_length=60)  # "code" or "code:category"; "" = none
    item_kind: str | None = Field(default=None, max_length=40)  # welfare item kind code; "" = none
    groups: list[str] | None = None  # beneficiary group codes


class Targets(BaseModel):
    """The reviewer's choices of what to create where; None = the proposal of the review page."""

    parts: list[Literal["meetings", "reporting", "campaigns", "practices"]] | None = None
    meeting_kind: str | None = Field(default=None, max_length=20)
    meeting_title: str | None = Field(default=None, max_length=300)
    meeting_time: dt.time | None = None
    organizers: list[int] | None = None
    chair: int | None = None  # index in people; -1 = nobody
    task_owner: int | None = None
    task_deadline: dt.date | None = None
    form: str | None = Field(default=None, max_length=40)
    report_period: str | None = Field(default=None, max_length=12)
    campaign: str | None = Field(default=None, max_length=20)  # "new" or an id
    campaign_name: str | None = Field(default=None, max_length=300)


class ReviewedExtraction(ExtractionOut):
    figures: list[ReviewedFigure]  # type: ignore[assignment]
    practices: list[PracticeDraftIn] = []
    targets: Targets = Field(default_factory=Targets)


class ExtractionIn(BaseModel):
    text: str = Field(description="Văn bản tiếng Việt cần trích xuất")
