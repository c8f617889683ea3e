"""Reading money and dates the way people write them."""

import datetime as dt

import pytest

from danvan.core.parsing import MoneyError, parse_date, parse_money


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("4 tỷ", 4_000_000_000),
        ("4,5 tỷ", 4_500_000_000),
        ("1.5 tỷ", 1_500_000_000),
        ("2 tỉ", 2_000_000_000),
        ("15 triệu", 15_000_000),
        ("15tr", 15_000_000),
        ("1 tỷ 200 triệu", 1_200_000_000),
        ("khoảng 2 tỷ đồng", 2_000_000_000),
        ("Trên 4 tỷ", 4_000_000_000),
        ("500 nghìn", 500_000),
        ("15.000.000", 15_000_000),
        ("15.000.000đ", 15_000_000),
        ("350.000 đồng", 350_000),
        ("15,000,000", 15_000_000),
        ("1.234,5 triệu", 1_234_500_000),
        ("15000000", 15_000_000),
        (4_000_000, 4_000_000),
        (4_000_000.0, 4_000_000),
        ("", None),
        (None, None),
    ],
)
def test_money_is_read(text, amount):
    assert parse_money(text) == amount


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("bốn tỷ", "Không hiểu số tiền «bốn tỷ»"),
        ("15 triệu abc", "Không hiểu số tiền"),
        ("4,5", "số đồng chẵn"),
        ("-5", "Không hiểu số tiền"),
        (-5, "không được âm"),
        ("99999999 tỷ", "quá lớn"),
        (True, "Không hiểu số tiền"),
    ],
)
def test_money_that_cannot_be_read_is_explained(text, message):
    with pytest.raises(MoneyError) as err:
        parse_money(text)
    assert message in str(err.value)
    assert "15 triệu, 4,5 tỷ" in str(err.value) or message in ("số đồng chẵn", "không được âm", "quá lớn")


def test_dates():
    assert parse_date("15/03/2026") == dt.date(2026, 3, 15)
    assert parse_date("2026-03-15") == dt.date(2026, 3, 15)
    assert parse_date(dt.datetime(2026, 3, 15, 8, 0)) == dt.date(2026, 3, 15)
    assert parse_date(" ") is None
    with pytest.raises(ValueError, match="31/02/2026"):
        parse_date("31/02/2026")
