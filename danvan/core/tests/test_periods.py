import datetime as dt

import pytest

from danvan.core.errors import InvalidInput
from danvan.core.periods import Period, PeriodKind, parse_period


@pytest.mark.parametrize(
    ("code", "label", "start", "end"),
    [
        ("2022", "Năm 2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
        ("2019-Q1", "Quý I/2019", dt.date(2019, 1, 1), dt.date(2019, 3, 31)),
        ("2019-Q4", "Quý IV/2019", dt.date(2019, 10, 1), dt.date(2019, 12, 31)),
        ("2020-M08", "Tháng 8/2020", dt.date(2020, 8, 1), dt.date(2020, 8, 31)),
        ("2024-M02", "Tháng 2/2024", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2018-H1", "6 tháng đầu năm 2018", dt.date(2018, 1, 1), dt.date(2018, 6, 30)),
        ("2021-H2", "6 tháng cuối năm 2021", dt.date(2021, 7, 1), dt.date(2021, 12, 31)),
        ("2025-9M", "9 tháng năm 2025", dt.date(2025, 1, 1), dt.date(2025, 9, 30)),
        ("2021-2025", "Giai đoạn 2021–2025", dt.date(2021, 1, 1), dt.date(2025, 12, 31)),
    ],
)
def test_codes_labels_and_ranges(code: str, label: str, start: dt.date, end: dt.date) -> None:
    period = Period.parse(code)
    assert period.code == code
    assert period.label == label
    assert (period.start, period.end) == (start, end)
    assert Period.parse(period.code) == period


def test_lowercase_and_spaces_are_accepted() -> None:
    assert Period.parse(" 2019-q1 ") == Period.quarter(2019, 1)


@pytest.mark.parametrize(
    "code", ["", "20", "2019-Q5", "2020-M13", "2020-M8", "2021-H3", "2025-2021", "1900", "abc"]
)
def test_malformed_periods_are_refused_in_vietnamese(code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        Period.parse(code)
    assert (
        "Kỳ" in caught.value.message or "Năm" in caught.value.message or "Giai đoạn" in caught.value.message
    )


def test_parse_period_allows_empty() -> None:
    assert parse_period("") is None
    assert parse_period(None) is None


def test_months_and_coverage() -> None:
    half = Period.parse("2018-H1")
    assert [m.code for m in half.months()] == [f"2018-M0{i}" for i in range(1, 7)]
    assert half.covers(Period.parse("2018-Q2"))
    assert not half.covers(Period.parse("2018-Q3"))
    assert Period.parse("2021-2025").covers(Period.parse("2023-M05"))
    assert len(Period.parse("2021-2025").months()) == 60


def test_previous_and_containing() -> None:
    assert Period.parse("2020-M01").previous().code == "2019-M12"
    assert Period.parse("2020-Q1").previous().code == "2019-Q4"
    assert Period.parse("2020-Q3").previous().code == "2020-Q2"
    assert Period.parse("2020-H1").previous().code == "2019-H1"
    assert Period.parse("2021-2025").previous().code == "2016-2020"
    assert Period.of_kind_containing(PeriodKind.QUARTER, dt.date(2025, 8, 20)).code == "2025-Q3"
    assert Period.of_kind_containing(PeriodKind.HALF, dt.date(2025, 8, 20)).code == "2025-H2"
