"""Membership pages and /api/v1/memberships/stats: a person in three organizations, import through
the page, refusals for viewers and other units that change nothing."""

import datetime as dt
import secrets

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from danvan.accounts.auth import TOKEN_PREFIX, hash_token
from danvan.accounts.models import ApiToken, Role
from danvan.accounts.tests.factories import user_with_grant
from danvan.membership.models import Member, MemberImport, Membership
from danvan.membership.tests.conftest import row, workbook


def bearer(user):
    secret = TOKEN_PREFIX + secrets.token_urlsafe(24)
    ApiToken.objects.create(
        user=user, name="t", prefix=secret[:8], key_hash=hash_token(secret), scope=ApiToken.Scope.READ
    )
    return Client(headers={"Authorization": f"Bearer {secret}"})


def test_three_organizations_through_the_pages_and_the_api(client_for, personas, tree, orgs):
    client = client_for(personas.reporter_a)
    person = {
        "full_name": "Nguyễn Thị Lan",
        "birth_date": "15/03/1985",
        "gender": "female",
        "id_number": "087185000123",
        "role": "",
    }
    for key, joined in (("women_a", "2015-01-01"), ("farmers_a", "2018-01-01"), ("youth_a", "2024-03-26")):
        response = client.post(
            f"/hoi-vien/to-chuc/{orgs[key].pk}/", {**person, "joined_on": joined}, follow=True
        )
        assert response.status_code == 200
    assert "dùng hồ sơ đã có: cùng số định danh" in response.content.decode()
    assert Member.objects.count() == 1 and Membership.objects.count() == 3
    approver = client_for(personas.approver)
    kinds = {"hoi_phu_nu": 10, "hoi_nong_dan": 20, "doan_thanh_nien": 4}
    for code, count in kinds.items():
        kind = orgs["women_a"].kind.__class__.objects.get(code=code)
        saved = approver.post(
            "/hoi-vien/doi-tuong/", {"unit": tree.province.pk, "kind": kind.pk, "year": 2024, "count": count}
        )
        assert saved.status_code == 302
    page = approver.get("/hoi-vien/", {"unit": "92", "period": "2024"}).content.decode()
    assert "Năm 2024" in page and "25%" in page and "8,8%" in page  # youth 1/4; overall 3/34
    stats = bearer(personas.approver).get("/api/v1/memberships/stats", {"unit": "92", "period": "2024"})
    assert stats.status_code == 200, stats.content
    figures = stats.json()["figures"]
    assert (figures["members"], figures["persons"], figures["new_members"]) == (3, 1, 1)
    assert (figures["rate_women"], figures["rate_farmers"], figures["rate_youth"], figures["rate"]) == (
        10.0,
        5.0,
        25.0,
        8.8,
    )
    assert {k["code"]: k["persons"] for k in stats.json()["by_kind"]} == {
        "hoi_phu_nu": 1,
        "hoi_nong_dan": 1,
        "doan_thanh_nien": 1,
    }
    assert (
        bearer(personas.other_approver)
        .get("/api/v1/memberships/stats", {"unit": "92", "period": "2024"})
        .status_code
        == 404
    )
    bad = bearer(personas.approver).get("/api/v1/memberships/stats", {"unit": "92", "period": "2024-Q5"})
    assert bad.status_code == 422 and "không đúng dạng" in bad.json()["detail"]


def test_import_through_the_page(client_for, personas, orgs, unchanged):
    client = client_for(personas.reporter_a)
    url = f"/hoi-vien/to-chuc/{orgs['women_a'].pk}/nhap-excel/"
    bad = workbook([row(), row("Lê Thị Hoa", "30/02/1990")])
    with unchanged():
        page = client.post(url, {"file": SimpleUploadedFile("ds.xlsx", bad)}).content.decode()
    assert "Tệp có 1 lỗi; chưa lưu dòng nào" in page and "Dòng 3: Ngày sinh" in page
    good = workbook([row(), row("Lê Thị Hoa", "28/02/1990")])
    page = client.post(url, {"file": SimpleUploadedFile("ds.xlsx", good)}).content.decode()
    assert "2 thành viên sẽ được nhập, trong đó 2 người mới" in page and Membership.objects.count() == 0
    pending_import = MemberImport.objects.get()
    with unchanged():
        assert (
            client_for(personas.reporter_b)
            .post(f"/hoi-vien/nhap-excel/{pending_import.pk}/xac-nhan/")
            .status_code
            == 404
        )
    done = client.post(f"/hoi-vien/nhap-excel/{pending_import.pk}/xac-nhan/", follow=True)
    assert "Đã nhập 2 thành viên, trong đó 2 người mới." in done.content.decode()
    assert Membership.objects.filter(organization=orgs["women_a"]).count() == 2
    assert client.get("/hoi-vien/nhap-excel/mau.xlsx").status_code == 200


def test_member_lists_are_for_handlers_only(client_for, personas, tree, orgs, unchanged):
    client_for(personas.reporter_a).post(
        f"/hoi-vien/to-chuc/{orgs['women_a'].pk}/",
        {"full_name": "Võ Thị Hạnh", "birth_date": "1970-07-07", "joined_on": "2000-01-01", "role": ""},
    )
    membership = Membership.objects.get()
    viewer = user_with_grant("xem_tinh", Role.VIEWER, tree.province)
    for user in (viewer, personas.reporter_b, personas.other_approver):
        client = client_for(user)
        with unchanged():
            assert client.get(f"/hoi-vien/to-chuc/{orgs['women_a'].pk}/").status_code == 404
            assert (
                client.post(f"/hoi-vien/to-chuc/{orgs['women_a'].pk}/", {"full_name": "X"}).status_code == 404
            )
            assert (
                client.post(
                    f"/hoi-vien/thanh-vien/{membership.pk}/ra-khoi/", {"left_on": "2024-01-01"}
                ).status_code
                == 404
            )
    assert client_for(viewer).get("/hoi-vien/", {"unit": "92"}).status_code == 200
    left = client_for(personas.reporter_a).post(
        f"/hoi-vien/thanh-vien/{membership.pk}/ra-khoi/", {"left_on": "1999-01-01"}, follow=True
    )
    assert "Ngày ra phải sau ngày vào (01/01/2000)" in left.content.decode()
    client_for(personas.reporter_a).post(
        f"/hoi-vien/thanh-vien/{membership.pk}/ra-khoi/", {"left_on": dt.date.today().isoformat()}
    )
    assert Membership.objects.get().left_on == dt.date.today()
