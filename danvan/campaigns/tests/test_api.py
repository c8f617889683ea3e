"""/api/v1/campaigns: create (Idempotency-Key), read (ETag), update (If-Match), contributions,
distributions, statistics; bad input explained in Vietnamese; outsiders get 404 and change nothing."""

import datetime as dt

from danvan.campaigns.models import Campaign, Distribution
from danvan.campaigns.tests.test_stats import ARTICLE

API = "/api/v1/campaigns"


def test_the_hong_ngu_figures_through_the_api(api_for, dong_thap, unchanged, personas):
    client = api_for(dong_thap.reporter)
    body = {
        "name": "Chăm lo hộ nghèo, học sinh khó khăn năm 2022",
        "unit": "869",  # the former city, valid on the start date
        "start_date": "2022-01-01",
        "end_date": "2022-12-31",
        "goal_money": "7 tỷ",
    }
    created = client.post(API, body, content_type="application/json", headers={"Idempotency-Key": "k-1"})
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["goal_money"] == 7_000_000_000 and created.json()["unit"]["code"] == "869"
    again = client.post(API, body, content_type="application/json", headers={"Idempotency-Key": "k-1"})
    assert again.status_code == 201 and again.json()["id"] == pk and Campaign.objects.count() == 1

    rows = [
        {
            "item_kind": "suat_qua",
            "groups": ["ho_ngheo", "ho_can_ngheo"],
            "quantity": 9365,
            "value": "trên 4 tỷ đồng",
        },
        {"item_kind": "hoc_bong", "groups": ["hoc_sinh_kho_khan"], "quantity": 126},
        {"item_kind": "dien_thoai_thong_minh", "groups": ["hoc_sinh_kho_khan"], "quantity": 76},
        {"item_kind": "suat_qua", "groups": ["hoc_sinh_kho_khan"], "quantity": 5863, "value": 3_000_000_000},
    ]
    for row in rows:
        response = client.post(
            f"{API}/{pk}/distributions",
            {**row, "distributed_on": "2022-12-01"},
            content_type="application/json",
        )
        assert response.status_code == 201, response.content
    assert response.json()["sentence"] == ARTICLE[1]

    stats = client.get(f"{API}/stats", {"unit": "82", "period": "2022"})
    assert stats.status_code == 200, stats.content
    assert [line["sentence"] for line in stats.json()["lines"]] == ARTICLE
    assert stats.json()["figures"]["gift_packages"] == 15_228 and stats.json()["period_label"] == "Năm 2022"

    listed = client.get(API, {"unit": "82", "year": 2022})
    assert listed.json()["count"] == 1
    assert client.get(f"{API}/{pk}/distributions").json()["count"] == 4

    # outsiders: 404 for reads and writes, nothing changes
    other = api_for(personas.other_approver)
    with unchanged():
        assert other.get(f"{API}/{pk}").status_code == 404
        assert other.get(f"{API}/stats", {"unit": "82", "period": "2022"}).status_code == 404
        post = other.post(
            f"{API}/{pk}/distributions",
            {**rows[1], "distributed_on": "2022-12-01"},
            content_type="application/json",
        )
        assert post.status_code == 404
        viewer = api_for(dong_thap.viewer).post(
            f"{API}/{pk}/distributions",
            {**rows[1], "distributed_on": "2022-12-01"},
            content_type="application/json",
        )
        assert viewer.status_code == 403


def test_bad_input_is_explained_and_saves_nothing(api_for, make_campaign, personas, unchanged):
    campaign = make_campaign()
    client = api_for(personas.reporter_a)
    url = f"{API}/{campaign.pk}/distributions"
    good = {"item_kind": "suat_qua", "groups": ["ho_ngheo"], "quantity": 10, "distributed_on": "2026-01-20"}
    with unchanged():
        outside = client.post(url, {**good, "distributed_on": "2026-05-01"}, content_type="application/json")
        assert outside.status_code == 422
        assert "nằm ngoài thời gian của cuộc vận động" in outside.json()["errors"]["distributed_on"][0]
        words = client.post(url, {**good, "quantity": "4 tỷ"}, content_type="application/json")
        assert words.status_code == 422 and words.json()["errors"]["quantity"] == ["Phải là số nguyên."]
        negative = client.post(url, {**good, "quantity": -3}, content_type="application/json")
        assert (
            negative.status_code == 422 and "lớn hơn hoặc bằng 1" in negative.json()["errors"]["quantity"][0]
        )
        money = client.post(url, {**good, "value": "bốn tỷ"}, content_type="application/json")
        assert money.status_code == 422 and "Không hiểu số tiền" in money.json()["errors"]["value"][0]
        absurd = client.post(url, {**good, "value": "900 tỷ"}, content_type="application/json")
        assert absurd.status_code == 422 and "kiểm tra lại số chữ số" in absurd.json()["errors"]["value"][0]
        unknown = client.post(url, {**good, "groups": ["khong_co"]}, content_type="application/json")
        assert unknown.status_code == 422 and unknown.json()["errors"]["groups"]
        gift = client.post(
            f"{API}/{campaign.pk}/contributions",
            {"kind": "money", "donor_type": "individual", "amount": "4,5 tỷ", "received_on": "2025-01-01"},
            content_type="application/json",
        )
        assert gift.status_code == 422 and set(gift.json()["errors"]) == {"donor_name", "received_on"}
    assert Distribution.objects.count() == 0


def test_update_needs_the_current_etag(api_for, make_campaign, personas, unchanged):
    campaign = make_campaign()
    client = api_for(personas.reporter_a)
    read = client.get(f"{API}/{campaign.pk}")
    etag = read["ETag"]
    with unchanged():
        assert (
            client.patch(f"{API}/{campaign.pk}", {"name": "Mới"}, content_type="application/json").status_code
            == 428
        )
    changed = client.patch(
        f"{API}/{campaign.pk}",
        {"goal_money": "1,2 tỷ", "end_date": "2026-03-31"},
        content_type="application/json",
        headers={"If-Match": etag},
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["goal_money"] == 1_200_000_000 and changed.json()["end_date"] == "2026-03-31"
    with unchanged():
        stale = client.patch(
            f"{API}/{campaign.pk}",
            {"name": "Cũ"},
            content_type="application/json",
            headers={"If-Match": etag},
        )
        assert stale.status_code == 412
    # a shorter period leaving a contribution outside is refused
    client.post(
        f"{API}/{campaign.pk}/contributions",
        {
            "kind": "goods",
            "donor_type": "anonymous",
            "amount": 2_000_000,
            "goods": "Gạo",
            "quantity": 100,
            "quantity_unit": "kg",
            "received_on": "2026-03-15",
        },
        content_type="application/json",
    )
    etag = client.get(f"{API}/{campaign.pk}")["ETag"]
    with unchanged():
        shorter = client.patch(
            f"{API}/{campaign.pk}",
            {"end_date": "2026-02-28"},
            content_type="application/json",
            headers={"If-Match": etag},
        )
        assert (
            shorter.status_code == 422 and "ngoài thời gian mới" in shorter.json()["errors"]["start_date"][0]
        )
    assert client.get(f"{API}/catalog").json()["item_kinds"][0] == {"code": "suat_qua", "name": "Suất quà"}
    assert dt.date.fromisoformat(client.get(f"{API}/{campaign.pk}").json()["end_date"]) == dt.date(
        2026, 3, 31
    )
