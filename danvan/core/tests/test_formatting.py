import datetime as dt
from decimal import Decimal

import pytest

from danvan.core.formatting import format_date, format_money, format_number, format_percent


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (9365, 0, "9.365"),
        (5863, 0, "5.863"),
        (0, 0, "0"),
        (1234567, 0, "1.234.567"),
        (4.5, 1, "4,5"),
        (Decimal("95.50"), 2, "95,5"),
        (-1200, 0, "-1.200"),
        (1000.0, 1, "1.000"),
        (None, 0, "—"),
    ],
)
def test_format_number_uses_dot_for_thousands_and_comma_for_decimals(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_format_money_uses_words_of_scale():
    assert format_money(4_000_000_000) == "4 tỷ đồng"
    assert format_money(4_500_000_000) == "4,5 tỷ đồng"
    assert format_money(3_250_000) == "3,25 triệu đồng"
    assert format_money(350_000) == "350.000 đồng"
    assert format_money(4_500_000_000, words=False) == "4.500.000.000 đồng"


def test_format_percent_and_date():
    assert format_percent(95.5) == "95,5%"
    assert format_percent(100) == "100%"
    assert format_date(dt.date(2020, 8, 25)) == "25/08/2020"


def test_template_filters_are_builtin(settings):
    from django.template import Context, Template

    rendered = Template("{{ n|vn_number }} {{ m|vn_money }} {{ p|vn_percent }} {{ d|vn_date }}").render(
        Context({"n": 9365, "m": 4_500_000_000, "p": 95.5, "d": dt.date(2018, 7, 11)})
    )
    assert rendered == "9.365 4,5 tỷ đồng 95,5% 11/07/2018"


def test_a_record_path_is_the_reversed_url_of_that_record() -> None:
    from django.template import Context, Template
    from django.urls import reverse

    from danvan.core.links import record_path

    for pk in (1, 7, 987654321, 2**63 - 1):
        assert record_path("reporting:detail", pk) == reverse("reporting:detail", args=[pk])
        assert record_path("meetings:detail", pk) == reverse("meetings:detail", args=[pk])
    page = Template("{% record_path 'reporting:detail' pk %}").render(Context({"pk": 42}))
    assert page == reverse("reporting:detail", args=[42])
