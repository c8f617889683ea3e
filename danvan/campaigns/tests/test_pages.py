"""The campaign pages: create with money in words, give with 9.365 as a quantity, refusals."""

import datetime as dt

from danvan.campaigns.models import Beneficiary, Campaign, Distribution
from danvan.campaigns.tests.test_services import give


def test_create_and_give_through_the_pages(client_for, personas, tree, catalog):
    client = client_for(personas.reporter_a)
    form = client.get("/an-sinh/tao/")
    assert form.status_code == 200 and "Phường Sóc Trăng (31510)" in form.content.decode()
    created = client.post(
        "/an-sinh/tao/",
        {
            "name": "Tết vì người nghèo 2026",
            "unit": tree.commune_a.pk,
            "start_date": "01/01/2026",
            "end_date": "2026-02-28",
            "goal_money": "4,5 tỷ",
        },
    )
    campaign = Campaign.objects.get()
    assert created.status_code == 302 and campaign.goal_money == 4_500_000_000
    url = f"/an-sinh/{campaign.pk}/trao-tang/"
    ho_ngheo = catalog_group("ho_ngheo")
    base = {"item_kind": catalog_kind("suat_qua"), "groups": [ho_ngheo], "unit": tree.commune_a.pk}
    refused = client.post(
        url,
        {
            **base,
            "quantity": "4 tỷ",
            "value": "4 tỷ",
            "distributed_on": "2026-03-05",
            "funding_source": "fund",
        },
    )
    text = refused.content.decode()
    assert refused.status_code == 200 and "Số lượng «4 tỷ» phải là số nguyên, ví dụ 9.365" in text
    refused = client.post(
        url,
        {
            **base,
            "quantity": "9.365",
            "value": "4 tỷ",
            "distributed_on": "2026-03-05",
            "funding_source": "fund",
        },
    )
    assert "nằm ngoài thời gian của cuộc vận động (01/01/2026 – 28/02/2026)" in refused.content.decode()
    assert Distribution.objects.count() == 0
    done = client.post(
        url,
        {
            **base,
            "quantity": "9.365",
            "value": "trên 4 tỷ đồng",
            "distributed_on": "2026-01-25",
            "funding_source": "fund",
        },
        follow=True,
    )
    assert "9.365 suất quà cho hộ nghèo, trị giá 4 tỷ đồng" in done.content.decode()
    page = client.get(f"/an-sinh/{campaign.pk}/").content.decode()
    assert "4 tỷ đồng" in page and "Ghi nhận trao tặng" in page


def catalog_kind(code):
    from danvan.campaigns.tests.conftest import kind

    return kind(code).pk


def catalog_group(code):
    from danvan.campaigns.tests.conftest import group

    return group(code).pk


def test_beneficiary_lists_are_for_the_units_handlers_only(client_for, make_campaign, personas, unchanged):
    campaign = make_campaign()
    distribution = give(campaign, personas.reporter_a, quantity=5)
    url = f"/an-sinh/{campaign.pk}/trao-tang/{distribution.pk}/nguoi-nhan/"
    handler = client_for(personas.reporter_a)
    assert handler.post(url, {"lines": "Nguyễn Văn An; Khóm 1; 1958\nLê Thị Bé; Khóm 2"}).status_code == 302
    warned = handler.post(url, {"lines": "Nguyen Van An; khom 1"})
    assert (
        "đã nhận hỗ trợ trong cuộc vận động này" in warned.content.decode()
        and Beneficiary.objects.count() == 2
    )
    assert "Vẫn ghi nhận" in warned.content.decode()
    assert handler.post(url, {"lines": "Nguyen Van An; khom 1", "allow_repeat": "on"}).status_code == 302
    assert "Nguyễn Văn An" in handler.get(url).content.decode()
    for outsider in (personas.reporter_b, personas.other_approver):
        with unchanged():
            assert client_for(outsider).get(url).status_code == 404
            assert client_for(outsider).post(url, {"lines": "X; Y"}).status_code == 404
            assert client_for(outsider).get(f"/an-sinh/{campaign.pk}/").status_code == 404
            assert (
                client_for(outsider).post(f"/an-sinh/{campaign.pk}/dong-gop/", {"kind": "money"}).status_code
                == 404
            )


def test_stats_page_for_a_subtree_and_period(client_for, make_campaign, personas, tree):
    campaign = make_campaign()
    give(campaign, personas.reporter_a, quantity=1234, value=617_000_000, day=dt.date(2026, 2, 1))
    page = client_for(personas.approver).get("/an-sinh/thong-ke/", {"unit": "92", "period": "2026-Q1"})
    text = page.content.decode()
    assert "1.234 suất quà cho hộ nghèo, trị giá 617 triệu đồng" in text and "Quý I/2026" in text
    bad = client_for(personas.approver).get("/an-sinh/thong-ke/", {"unit": "92", "period": "quý 1"})
    assert "không đúng dạng" in bad.content.decode()
    assert (
        client_for(personas.other_approver)
        .get("/an-sinh/thong-ke/", {"unit": "92", "period": "2026"})
        .status_code
        == 404
    )
