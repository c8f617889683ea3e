"""Who issues a unit's dân vận documents: the board's name follows the 2025 merger, a district
before 1/7/2025 issues through its own committee's board."""

import datetime as dt

from danvan.documents.identity import issuing_identity
from danvan.documents.official import Style
from danvan.territory.models import LEGACY_END, Kind, Level
from danvan.territory.tests.factories import UnitFactory


def test_a_province_board_before_and_after_the_merger(tree):
    before = issuing_identity(tree.other_province, Style.PARTY, dt.date(2024, 12, 20))
    after = issuing_identity(tree.other_province, Style.PARTY, dt.date(2026, 6, 30))
    assert (before.issuer, before.superior, before.issuer_code) == (
        "BAN DÂN VẬN",
        "TỈNH ỦY CAO BẰNG",
        "BDVTU",
    )
    assert before.recipients[0] == "- Ban Dân vận Trung ương (b/c),"
    assert (after.issuer, after.issuer_code) == ("BAN TUYÊN GIÁO VÀ DÂN VẬN", "BTGDVTU")
    assert after.recipients[0] == "- Ban Tuyên giáo và Dân vận Trung ương (b/c),"


def test_a_district_before_1_7_2025_issues_through_its_committee_board(tree):
    old = UnitFactory(
        name="Tỉnh Cao Bằng",
        code="04",
        kind=Kind.TINH,
        level=Level.PROVINCE,
        valid_from=None,
        valid_to=LEGACY_END,
    )
    city = UnitFactory(
        name="Thành phố Cao Bằng",
        code="040",
        kind=Kind.THANH_PHO,
        level=Level.DISTRICT,
        parent=old,
        valid_from=None,
        valid_to=LEGACY_END,
    )
    found = issuing_identity(city, Style.PARTY, dt.date(2021, 7, 5))
    assert (found.issuer, found.superior, found.issuer_code) == (
        "BAN DÂN VẬN",
        "ĐẢNG BỘ TỈNH CAO BẰNG",
        "BDVTU",
    )
    assert found.recipients[:2] == ["- Ban Dân vận Tỉnh ủy Cao Bằng (b/c),", "- Thường trực Thành ủy (b/c),"]


def test_a_commune_committee_reports_to_the_province_board(tree):
    found = issuing_identity(tree.commune_a, Style.PARTY, dt.date(2026, 1, 15))
    assert (found.issuer, found.superior, found.issuer_code) == (
        "ĐẢNG ỦY PHƯỜNG SÓC TRĂNG",
        "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ",
        "ĐU",
    )
    assert found.recipients[0] == "- Ban Tuyên giáo và Dân vận Thành ủy Cần Thơ (b/c),"
