"""Reporting periods: one string form everywhere (API, URLs, forms), Vietnamese labels on pages.

    2022        Năm 2022
    2019-Q1     Quý I/2019
    2020-M08    Tháng 8/2020
    2018-H1     6 tháng đầu năm 2018
    2021-H2     6 tháng cuối năm 2021
    2025-9M     9 tháng năm 2025
    2021-2025   Giai đoạn 2021–2025

A period is a closed range of dates [start, end]; `contains` and `children` let rollups and
statistics work on any of them the same way.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from danvan.core.errors import InvalidInput


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    NINE_MONTHS = "nine_months"
    YEAR = "year"
    MULTI_YEAR = "multi_year"


KIND_LABELS = {
    PeriodKind.MONTH: "Tháng",
    PeriodKind.QUARTER: "Quý",
    PeriodKind.HALF: "6 tháng",
    PeriodKind.NINE_MONTHS: "9 tháng",
    PeriodKind.YEAR: "Năm",
    PeriodKind.MULTI_YEAR: "Nhiều năm",
}

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
MIN_YEAR, MAX_YEAR = 1945, 2100

_PATTERNS: list[tuple[re.Pattern[str], PeriodKind]] = [
    (re.compile(r"^(\d{4})$"), PeriodKind.YEAR),
    (re.compile(r"^(\d{4})-Q([1-4])$"), PeriodKind.QUARTER),
    (re.compile(r"^(\d{4})-M(0[1-9]|1[0-2])$"), PeriodKind.MONTH),
    (re.compile(r"^(\d{4})-H([12])$"), PeriodKind.HALF),
    (re.compile(r"^(\d{4})-9M$"), PeriodKind.NINE_MONTHS),
    (re.compile(r"^(\d{4})-(\d{4})$"), PeriodKind.MULTI_YEAR),
]

PERIOD_HELP = (
    "Kỳ báo cáo viết theo một trong các dạng: 2022 (năm), 2019-Q1 (quý), 2020-M08 (tháng), "
    "2018-H1 / 2018-H2 (6 tháng đầu / cuối năm), 2025-9M (9 tháng), 2021-2025 (giai đoạn)."
)


@dataclass(frozen=True, order=True)
class Period:
    """kind + year + number (month 1–12, quarter 1–4, half 1–2; 0 otherwise) + end_year."""

    year: int
    kind: PeriodKind
    number: int = 0
    end_year: int = 0

    # construction -------------------------------------------------------------------------
    @classmethod
    def parse(cls, code: str) -> Period:
        text = (code or "").strip().upper()
        for pattern, kind in _PATTERNS:
            match = pattern.match(text)
            if not match:
                continue
            year = int(match.group(1))
            if kind is PeriodKind.MULTI_YEAR:
                end = int(match.group(2))
                if end <= year:
                    raise InvalidInput(
                        "invalid_period", f"Giai đoạn “{code}” phải có năm kết thúc sau năm bắt đầu."
                    )
                return cls._checked(year, kind, 0, end, code)
            number = int(match.group(2)) if kind in _NUMBERED else 0
            return cls._checked(year, kind, number, year, code)
        raise InvalidInput("invalid_period", f"Kỳ “{code}” không đúng dạng. {PERIOD_HELP}")

    @classmethod
    def _checked(cls, year: int, kind: PeriodKind, number: int, end_year: int, code: str) -> Period:
        if not (MIN_YEAR <= year <= MAX_YEAR and MIN_YEAR <= end_year <= MAX_YEAR):
            raise InvalidInput("invalid_period", f"Năm trong kỳ “{code}” phải từ {MIN_YEAR} đến {MAX_YEAR}.")
        return cls(year=year, kind=kind, number=number, end_year=end_year)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(year, PeriodKind.MONTH, month, year)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        return cls(year, PeriodKind.QUARTER, quarter, year)

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        return cls(year, PeriodKind.HALF, half, year)

    @classmethod
    def nine_months(cls, year: int) -> Period:
        return cls(year, PeriodKind.NINE_MONTHS, 0, year)

    @classmethod
    def whole_year(cls, year: int) -> Period:
        return cls(year, PeriodKind.YEAR, 0, year)

    @classmethod
    def years(cls, start: int, end: int) -> Period:
        return cls(start, PeriodKind.MULTI_YEAR, 0, end)

    @classmethod
    def of_kind_containing(cls, kind: PeriodKind, day: dt.date) -> Period:
        """The period of this kind that holds the day (multi-year: not defined)."""
        if kind is PeriodKind.MONTH:
            return cls.month(day.year, day.month)
        if kind is PeriodKind.QUARTER:
            return cls.quarter(day.year, (day.month - 1) // 3 + 1)
        if kind is PeriodKind.HALF:
            return cls.half(day.year, 1 if day.month <= 6 else 2)
        if kind is PeriodKind.NINE_MONTHS:
            return cls.nine_months(day.year)
        if kind is PeriodKind.YEAR:
            return cls.whole_year(day.year)
        raise InvalidInput("invalid_period", "Kỳ nhiều năm không suy ra được từ một ngày.")

    # reading ------------------------------------------------------------------------------
    @property
    def code(self) -> str:
        match self.kind:
            case PeriodKind.YEAR:
                return f"{self.year}"
            case PeriodKind.QUARTER:
                return f"{self.year}-Q{self.number}"
            case PeriodKind.MONTH:
                return f"{self.year}-M{self.number:02d}"
            case PeriodKind.HALF:
                return f"{self.year}-H{self.number}"
            case PeriodKind.NINE_MONTHS:
                return f"{self.year}-9M"
            case _:
                return f"{self.year}-{self.end_year}"

    @property
    def label(self) -> str:
        match self.kind:
            case PeriodKind.YEAR:
                return f"Năm {self.year}"
            case PeriodKind.QUARTER:
                return f"Quý {ROMAN[self.number]}/{self.year}"
            case PeriodKind.MONTH:
                return f"Tháng {self.number}/{self.year}"
            case PeriodKind.HALF:
                return f"6 tháng {'đầu' if self.number == 1 else 'cuối'} năm {self.year}"
            case PeriodKind.NINE_MONTHS:
                return f"9 tháng năm {self.year}"
            case _:
                return f"Giai đoạn {self.year}–{self.end_year}"

    @property
    def start(self) -> dt.date:
        first_month = {
            PeriodKind.MONTH: self.number,
            PeriodKind.QUARTER: 3 * self.number - 2,
            PeriodKind.HALF: 1 if self.number == 1 else 7,
        }.get(self.kind, 1)
        return dt.date(self.year, first_month, 1)

    @property
    def end(self) -> dt.date:
        last_month = {
            PeriodKind.MONTH: self.number,
            PeriodKind.QUARTER: 3 * self.number,
            PeriodKind.HALF: 6 if self.number == 1 else 12,
            PeriodKind.NINE_MONTHS: 9,
        }.get(self.kind, 12)
        year = self.end_year or self.year
        return dt.date(year, last_month, calendar.monthrange(year, last_month)[1])

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def covers(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def months(self) -> list[Period]:
        """The months the period is made of, in order."""
        result = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            result.append(Period.month(year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result

    def previous(self) -> Period:
        """The period of the same kind just before (the same period last year for 9M and H)."""
        match self.kind:
            case PeriodKind.MONTH:
                return (
                    Period.month(self.year - 1, 12)
                    if self.number == 1
                    else Period.month(self.year, self.number - 1)
                )
            case PeriodKind.QUARTER:
                return (
                    Period.quarter(self.year - 1, 4)
                    if self.number == 1
                    else Period.quarter(self.year, self.number - 1)
                )
            case PeriodKind.MULTI_YEAR:
                span = self.end_year - self.year + 1
                return Period.years(self.year - span, self.end_year - span)
            case _:
                return self.same_last_year()

    def same_last_year(self) -> Period:
        if self.kind is PeriodKind.MULTI_YEAR:
            return self.previous()
        return Period(self.year - 1, self.kind, self.number, self.year - 1)

    def __str__(self) -> str:
        return self.code


_NUMBERED = {PeriodKind.QUARTER, PeriodKind.MONTH, PeriodKind.HALF}


def parse_period(code: str | None) -> Period | None:
    """None for an empty value; InvalidInput (Vietnamese message) for a malformed one."""
    if code is None or not code.strip():
        return None
    return Period.parse(code)


def current_period(kind: PeriodKind, today: dt.date | None = None) -> Period:
    return Period.of_kind_containing(kind, today or dt.date.today())
