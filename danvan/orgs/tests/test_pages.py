import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.audit.models import AuditEvent
from danvan.orgs import services
from danvan.orgs.models import Organization, Person, Position, UnitSetting

D = dt.date


def snapshot():
    """Everything a refused request must leave as it was."""
    return (
        list(Organization.objects.order_by("pk").values()),
        list(Person.objects.order_by("pk").values()),
        list(Position.objects.order_by("pk").values()),
        list(UnitSetting.objects.order_by("pk").values()),
        AuditEvent.objects.count(),
    )


def test_anonymous_is_sent_to_login(orgs, client_for):
    for url in ["/to-chuc/", "/to-chuc/can-bo/", f"/to-chuc/{orgs.front_a.pk}/", "/to-chuc/chuc-vu/"]:
        response = client_for(None).get(url)
        assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_list_shows_only_the_users_subtrees(orgs, personas, client_for):
    page = client_for(personas.reporter_a).get("/to-chuc/")
    assert page.status_code == 200
    assert "Hội Liên hiệp Phụ nữ phường Sóc Trăng" in page.text
    assert "Phú Lợi" not in page.text and "Thục Phán" not in page.text
    assert page.context["breadcrumbs"][-1]["label"] == "Tổ chức"


def test_history_shows_the_old_units_organizations_to_the_new_units_users(orgs, personas, client_for):
    page = client_for(personas.reporter_a).get("/to-chuc/?status=all")
    assert "Đảng ủy Phường 2" in page.text
    assert "Đảng ủy Phường 2" not in client_for(personas.reporter_b).get("/to-chuc/?status=all").text


def test_unit_filter_outside_the_subtree_is_404(orgs, personas, client_for):
    assert client_for(personas.reporter_a).get("/to-chuc/?unit=01273").status_code == 404
    assert client_for(personas.reporter_a).get("/to-chuc/?unit=99999").status_code == 404
    page = client_for(personas.approver).get("/to-chuc/?unit=31510&kind=hoi_phu_nu")
    assert page.status_code == 200
    assert [o.name for o in page.context["page"]] == ["Hội Liên hiệp Phụ nữ phường Sóc Trăng"]


def test_records_keeper_is_shown_and_set_by_unit_admins_only(orgs, tree, personas, client_for):
    services.unit_setting_update(user=None, unit=tree.commune_a, records_keeper=orgs.builder_a)
    page = client_for(personas.approver).get("/to-chuc/?unit=31510")
    assert page.context["keeper"] == orgs.builder_a and page.context["setting_form"] is None
    assert "giữ hồ sơ dân vận" in page.text
    before = snapshot()
    refused = client_for(personas.approver).post(
        "/to-chuc/thiet-lap/31510/", {"records_keeper": orgs.front_a.pk}
    )
    assert refused.status_code == 404 and snapshot() == before
    tampered = client_for(personas.unit_admin).post(
        "/to-chuc/thiet-lap/31510/", {"records_keeper": orgs.front_b.pk}
    )
    assert tampered.status_code == 302 and snapshot() == before
    admin = client_for(personas.unit_admin)
    assert admin.get("/to-chuc/?unit=31510").context["setting_form"] is not None
    assert admin.post("/to-chuc/thiet-lap/31510/", {"records_keeper": orgs.front_a.pk}).status_code == 302
    assert UnitSetting.objects.get(unit=tree.commune_a).records_keeper == orgs.front_a


def test_htmx_gets_only_the_results(orgs, personas, client_for):
    response = client_for(personas.unit_admin).get("/to-chuc/?q=phu+nu", headers={"HX-Request": "true"})
    assert "<html" not in response.text and "Hội Liên hiệp Phụ nữ" in response.text
    assert "<html" in client_for(personas.unit_admin).get("/to-chuc/?q=phu+nu").text


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/to-chuc/?unit=31510", "/to-chuc/can-bo/", "/to-chuc/chuc-vu/?ngay=2026-01-01"]
)
def test_list_pages_do_not_grow_queries_with_rows(orgs, people, tree, kinds, personas, client_for, url):
    client = client_for(personas.unit_admin)
    _count_queries(client, url)
    few = _count_queries(client, url)
    for n in range(12):
        org = services.organization_create(
            user=None, unit=tree.commune_a, kind=kinds["chi_bo_dang_bo"], name=f"Chi bộ {n}"
        )
        person = services.person_create(user=None, full_name=f"Trần Văn {n}", home_unit=tree.commune_a)
        services.position_add(
            user=None, person=person, organization=org, title="Bí thư", start_date=D(2025, 9, 1)
        )
    assert _count_queries(client, url) == few


def test_detail_is_404_outside_the_subtree(orgs, people, personas, client_for):
    assert client_for(personas.reporter_b).get(f"/to-chuc/{orgs.front_a.pk}/").status_code == 404
    assert client_for(personas.reporter_a).get("/to-chuc/999999/").status_code == 404
    page = client_for(personas.reporter_a).get(f"/to-chuc/{orgs.front_a.pk}/")
    assert page.status_code == 200 and "Vũ Văn Minh" in page.text and "Hội Liên hiệp Phụ nữ" in page.text
    assert not page.context["can_edit"]
    past = client_for(personas.reporter_a).get(f"/to-chuc/{orgs.front_a.pk}/?ngay=2025-01-01")
    assert past.context["positions"].current == [] and past.context["positions"].future == [people.minh_front]


def test_create_needs_unit_admin(orgs, tree, kinds, personas, client_for):
    data = {
        "kind": kinds["hoi_nong_dan"].pk,
        "name": "Hội Nông dân phường Sóc Trăng",
        "parent": orgs.front_a.pk,
    }
    before = snapshot()
    for user in (personas.approver, personas.reporter_a, personas.other_approver):
        assert client_for(user).post("/to-chuc/them/?unit=31510", data).status_code == 404
        assert client_for(user).get("/to-chuc/them/").status_code == 404
    assert snapshot() == before
    response = client_for(personas.unit_admin).post("/to-chuc/them/?unit=31510", data)
    created = Organization.objects.get(name="Hội Nông dân phường Sóc Trăng")
    assert response.status_code == 302 and response["Location"] == f"/to-chuc/{created.pk}/"
    assert created.unit == tree.commune_a and created.parent == orgs.front_a


def test_create_shows_domain_errors_on_the_form(orgs, kinds, personas, client_for):
    before = snapshot()
    data = {"kind": kinds["mttq"].pk, "name": "uy ban mttq viet nam phuong soc trang"}
    page = client_for(personas.unit_admin).post("/to-chuc/them/?unit=31510", data)
    assert page.status_code == 200 and "đã có tổ chức" in page.context["form"].errors["name"][0]
    assert snapshot() == before


def test_edit_and_close(orgs, people, personas, client_for):
    url = f"/to-chuc/{orgs.builder_a.pk}/sua/"
    data = {
        "kind": orgs.builder_a.kind_id,
        "name": "Ban Xây dựng Đảng Đảng ủy phường Sóc Trăng",
        "parent": orgs.party_a.pk,
    }
    before = snapshot()
    assert client_for(personas.approver).post(url, data).status_code == 404
    assert (
        client_for(personas.approver)
        .post(f"/to-chuc/{orgs.builder_a.pk}/ket-thuc/", {"valid_to": "2026-01-31"})
        .status_code
        == 404
    )
    assert snapshot() == before
    admin = client_for(personas.unit_admin)
    assert admin.post(url, data).status_code == 302
    assert (
        admin.post(f"/to-chuc/{orgs.builder_a.pk}/ket-thuc/", {"valid_to": "31/01/2026"}).status_code == 302
    )
    people.minh_head.refresh_from_db()
    assert people.minh_head.end_date == D(2026, 1, 31)
    refused = admin.post(f"/to-chuc/{orgs.front_a.pk}/ket-thuc/", {"valid_to": "2026-01-31"})
    assert refused.status_code == 200 and refused.context["form"].errors["valid_to"]


def test_unit_admins_of_the_new_unit_keep_the_old_units_records(orgs, personas, client_for):
    url = f"/to-chuc/{orgs.old_ward_committee.pk}/sua/"
    assert client_for(personas.unit_admin).get(url).status_code == 200
    data = {
        "kind": orgs.old_ward_committee.kind_id,
        "name": "Đảng ủy Phường 2",
        "short_name": "ĐU P2",
        "valid_to": "2025-06-30",
    }
    assert client_for(personas.unit_admin).post(url, data).status_code == 302
    assert client_for(personas.reporter_a).get(url).status_code == 404


def test_people_search_and_scope(people, personas, client_for):
    page = client_for(personas.unit_admin).get("/to-chuc/can-bo/?q=nguyen+thi")
    assert [p.full_name for p in page.context["page"]] == ["Nguyễn Thị Huệ Chi"]
    assert "Nguyễn Thị Liêm" not in page.text
    minh = client_for(personas.reporter_a).get("/to-chuc/can-bo/?q=VU VAN")
    assert "Vũ Văn Minh" in minh.text and "Trưởng ban" in minh.text
    assert client_for(personas.other_approver).get(f"/to-chuc/can-bo/{people.minh.pk}/").status_code == 404


def test_person_detail_shows_the_timeline(people, personas, client_for):
    page = client_for(personas.approver).get(f"/to-chuc/can-bo/{people.minh.pk}/")
    assert [p.title for p in page.context["timeline"]] == ["Trưởng ban", "Chủ tịch"]
    assert not page.context["can_edit"] and not page.context["editable_positions"]


def test_person_create_and_edit(people, tree, personas, client_for):
    data = {"full_name": "Tô Vũ Ninh", "gender": "", "birth_year": "", "home_unit": tree.commune_b.pk}
    before = snapshot()
    assert client_for(personas.approver).post("/to-chuc/can-bo/them/", data).status_code == 404
    assert (
        client_for(personas.approver).post(f"/to-chuc/can-bo/{people.minh.pk}/sua/", data).status_code == 404
    )
    assert snapshot() == before
    response = client_for(personas.unit_admin).post("/to-chuc/can-bo/them/", data)
    ninh = Person.objects.get(name_folded="to vu ninh")
    assert response.status_code == 302 and ninh.home_unit == tree.commune_b
    data["home_unit"] = tree.commune_c.pk
    tampered = client_for(personas.unit_admin).post(f"/to-chuc/can-bo/{ninh.pk}/sua/", data)
    assert tampered.status_code == 200 and tampered.context["form"].errors["home_unit"]
    ninh.refresh_from_db()
    assert ninh.home_unit == tree.commune_b


def test_add_a_position_from_the_organization(orgs, people, personas, client_for):
    url = f"/to-chuc/chuc-vu/them/?organization={orgs.front_a.pk}"
    data = {
        "person": people.chi.pk,
        "organization": orgs.front_a.pk,
        "title": "Phó Chủ tịch",
        "start_date": "2025-07-01",
    }
    before = snapshot()
    assert client_for(personas.reporter_a).post(url, data).status_code == 404
    hidden = {**data, "person": people.lien.pk}
    assert client_for(personas.unit_admin).post(url, hidden).status_code == 200
    other_org = {**data, "organization": orgs.front_b.pk}
    assert client_for(personas.unit_admin).post(url, other_org).status_code == 200
    assert snapshot() == before
    assert client_for(personas.unit_admin).post(url, data).status_code == 302
    assert Position.objects.filter(
        person=people.chi, organization=orgs.front_a, end_date__isnull=True
    ).exists()


def test_add_a_position_from_the_person(orgs, people, personas, client_for):
    url = f"/to-chuc/chuc-vu/them/?person={people.minh.pk}"
    form = client_for(personas.unit_admin).get(url).context["form"]
    choices = set(form.fields["organization"].queryset)
    assert orgs.party_a in choices and orgs.province_board in choices and orgs.front_c not in choices
    data = {
        "person": people.minh.pk,
        "organization": orgs.party_a.pk,
        "title": "Phó Bí thư",
        "start_date": "2025-07-01",
        "end_date": "2025-06-01",
    }
    page = client_for(personas.unit_admin).post(url, data)
    assert page.status_code == 200 and page.context["form"].errors["end_date"]
    data["end_date"] = ""
    assert client_for(personas.unit_admin).post(url, data).status_code == 302


def test_end_a_position(people, personas, client_for):
    url = f"/to-chuc/chuc-vu/{people.minh_head.pk}/ket-thuc/"
    before = snapshot()
    assert client_for(personas.approver).post(url, {"end_date": "2026-02-01"}).status_code == 404
    assert client_for(personas.other_approver).get(url).status_code == 404
    assert snapshot() == before
    assert client_for(personas.unit_admin).post(url, {"end_date": "2026-02-01"}).status_code == 302
    people.minh_head.refresh_from_db()
    assert people.minh_head.end_date == D(2026, 2, 1)


def test_who_held_which_position_on_a_date(people, personas, client_for):
    client = client_for(personas.unit_admin)
    old = client.get("/to-chuc/chuc-vu/?ngay=2021-07-22")
    assert old.context["unit"].code == "92"
    assert [p.person.full_name for p in old.context["page"]] == ["Nguyễn Thị Huệ Chi"]
    new = client.get("/to-chuc/chuc-vu/?ngay=2026-01-01&unit=31510")
    assert {p.title for p in new.context["page"]} == {"Trưởng ban", "Chủ tịch"}
    assert "Vũ Văn Minh" in new.text
    assert client_for(personas.other_approver).get("/to-chuc/chuc-vu/?unit=31510").status_code == 404
    everywhere = client_for(personas.admin).get("/to-chuc/chuc-vu/?ngay=2026-01-01&unit=")
    assert "Nguyễn Thị Liêm" in everywhere.text


def test_only_unit_admins_are_offered_to_add_positions(people, personas, client_for):
    page = client_for(personas.approver).get(f"/to-chuc/can-bo/{people.minh.pk}/")
    assert not page.context["can_add_position"] and "chuc-vu/them" not in page.text
    before = snapshot()
    url = f"/to-chuc/chuc-vu/them/?person={people.minh.pk}"
    data = {"person": people.minh.pk, "organization": people.minh_head.organization_id, "title": "Ủy viên"}
    assert client_for(personas.approver).post(url, data).status_code == 404
    assert client_for(personas.unit_admin).get("/to-chuc/chuc-vu/them/").status_code == 404
    assert snapshot() == before
