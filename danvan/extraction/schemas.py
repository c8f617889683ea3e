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


class ReviewedExtraction(ExtractionOut):
    practices: list[PracticeDraftIn] = []


class ExtractionIn(BaseModel):
    text: str = Field(description="Văn bản tiếng Việt cần trích xuất")
