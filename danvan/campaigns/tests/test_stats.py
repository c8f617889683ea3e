"""The Hồng Ngự 2022 figures on the former city roll up to today's Đồng Tháp and read back as the
article states them; statistics cover a subtree and a period, with GROUP BY only."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.accounts.scope import scope_for
from danvan.campaigns import stats
from danvan.campaigns.services import CampaignData, DistributionData, campaign_create, distribution_add
from danvan.campaigns.tests.conftest import group, kind
from danvan.core.periods import Period

# The article's figures, by item kind (gifts, scholarships, phones), as the statistics list them.
ARTICLE = [
    "9.365 suất quà cho hộ nghèo, hộ cận nghèo, trị giá 4 tỷ đồng",
    "5.863 suất quà cho học sinh có hoàn cảnh khó khăn, trị giá 3 tỷ đồng",
    "126 suất học bổng cho học sinh có hoàn cảnh khó khăn",
    "76 chiếc điện thoại thông minh cho học sinh có hoàn cảnh khó khăn",
]


def enter_hong_ngu(dong_thap):
    user = dong_thap.reporter
    scope = scope_for(user)
    data = CampaignData(
        name="Chăm lo hộ nghèo, học sinh khó khăn năm 2022",
        unit=dong_thap.hong_ngu,
        start_date=dt.date(2022, 1, 1),
        end_date=dt.date(2022, 12, 31),
    )
    campaign = campaign_create(actor=user, scope=scope, data=data)
    for item, groups, quantity, value in [
        ("suat_qua", ("ho_ngheo", "ho_can_ngheo"), 9_365, 4_000_000_000),
        ("dien_thoai_thong_minh", ("hoc_sinh_kho_khan",), 76, None),
        ("hoc_bong", ("hoc_sinh_kho_khan",), 126, None),
        ("suat_qua", ("hoc_sinh_kho_khan",), 5_863, 3_000_000_000),
    ]:
        distribution_add(
            actor=user,
            scope=scope,
            campaign=campaign,
            data=DistributionData(
                unit=dong_thap.hong_ngu,
                item_kind=kind(item),
                groups=[group(g) for g in groups],
                quantity=quantity,
                value=value,
                distributed_on=dt.date(2022, 12, 1),
            ),
        )
    return campaign


def test_hong_ngu_2022_rolls_up_to_todays_dong_thap(dong_thap):
    enter_hong_ngu(dong_thap)
    year = Period.parse("2022")
    with CaptureQueriesContext(connection) as queries:
        figures = stats.figures(unit=dong_thap.province, period=year)
    assert len(queries) <= 6
    assert set(figures) == set(stats.FIGURES)
    assert figures["gift_packages"] == 9_365 + 5_863 and figures["gift_packages_value"] == 7_000_000_000
    assert figures["smartphones"] == 76 and figures["scholarships"] == 126
    assert figures["campaigns"] == 1 and figures["distributed_value"] == 7_000_000_000
    assert [line.sentence for line in stats.lines(unit=dong_thap.province, period=year)] == ARTICLE
    # the former city and the former province read the same; other periods and places read nothing
    assert stats.figures(unit=dong_thap.hong_ngu, period=year)["smartphones"] == 76
    assert stats.figures(unit=dong_thap.province, period=Period.parse("2022-H1"))["smartphones"] == 0
    assert stats.figures(unit=dong_thap.ward, period=year)["smartphones"] == 0
    groups = {g["code"]: g["quantity"] for g in stats.by_group(unit=dong_thap.province, period=year)}
    assert groups == {"ho_ngheo": 9_365, "ho_can_ngheo": 9_365, "hoc_sinh_kho_khan": 76 + 126 + 5_863}


def test_houses_built_count_new_houses_only(make_campaign, personas, tree):
    from danvan.campaigns.tests.test_services import give

    campaign = make_campaign()
    give(campaign, personas.reporter_a, quantity=3, value=180_000_000, item="nha_dai_doan_ket")
    give(
        campaign,
        personas.reporter_a,
        quantity=2,
        value=120_000_000,
        item="nha_tinh_nghia",
        groups=("gia_dinh_chinh_sach",),
    )
    give(campaign, personas.reporter_a, quantity=4, value=40_000_000, item="sua_chua_nha")
    figures = stats.figures(unit=tree.province, period=Period.parse("2026-Q1"))
    assert figures["houses_built"] == 5 and figures["houses_repaired"] == 4
    assert figures["houses_dai_doan_ket_value"] == 180_000_000
