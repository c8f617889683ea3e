"""The real territory from the vietnam-provinces package, loaded once for this module."""

import datetime as dt

import pytest
from django.db.models import Q

from danvan.accounts.models import Role
from danvan.accounts.tests.factories import user_with_grant
from danvan.territory import selectors
from danvan.territory.models import LEGACY_END, REFORM_DATE, Kind, Level, Unit, UnitLineage
from danvan.territory.tree import rebuild_paths

pytestmark = pytest.mark.django_db
BEFORE = dt.date(2025, 6, 1)


def count(level: str, day: dt.date, **kw: object) -> int:
    return Unit.objects.valid_on(day).filter(level=level, **kw).count()


def test_counts_per_level_today_and_before_the_reform(national, today):
    assert count(Level.PROVINCE, today) == 34
    assert count(Level.COMMUNE, today) == 3321
    assert count(Level.DISTRICT, today) == 0
    assert count(Level.COMMUNE, today, kind=Kind.XA) == 2621
    assert count(Level.COMMUNE, today, kind=Kind.PHUONG) == 687
    assert count(Level.COMMUNE, today, kind=Kind.DAC_KHU) == 13
    assert count(Level.PROVINCE, LEGACY_END) == 63
    assert count(Level.DISTRICT, LEGACY_END) == 696
    assert count(Level.COMMUNE, LEGACY_END) == 10051
    levels = national.first.levels
    assert (levels["province"].current, levels["province"].legacy, levels["province"].created) == (34, 63, 97)
    assert (levels["district"].legacy, levels["commune"].current, levels["commune"].legacy) == (
        696,
        3321,
        10051,
    )


def test_second_run_changes_nothing(national):
    assert national.first.changed > 0
    assert national.second.changed == 0
    assert all(c.created == c.updated == c.deleted == 0 for c in national.second.levels.values())
    assert Unit.objects.count() == 34 + 63 + 696 + 3321 + 10051
    assert UnitLineage.objects.count() == national.first.lineage_total == national.second.lineage_total
    assert rebuild_paths() == 0  # every path and depth was derived correctly


def test_tree_is_consistent(national):
    assert not Unit.objects.filter(level=Level.COMMUNE, parent__isnull=True).exists()
    old_commune = Unit.objects.filter(level=Level.COMMUNE, valid_to=LEGACY_END).first()
    assert old_commune.depth == 2 and old_commune.parent.level == Level.DISTRICT
    assert Unit.objects.filter(level=Level.COMMUNE, valid_to__isnull=True, depth=1).count() == 3321
    assert Unit.objects.filter(Q(name_folded="") | Q(sort_key="") | Q(path="")).count() == 0


def test_code_92_names_two_units_by_date(national):
    assert Unit.objects.filter(code="92").count() == 2
    new, old = selectors.unit_by_code("92"), selectors.unit_by_code("92", BEFORE)
    assert (new.name, new.valid_from, new.valid_to) == ("Thành phố Cần Thơ", REFORM_DATE, None)
    assert (old.name, old.valid_from, old.valid_to) == ("Thành phố Cần Thơ", None, LEGACY_END)
    assert new.pk != old.pk and new.kind == Kind.THANH_PHO_TW


def test_new_can_tho_was_formed_from_can_tho_hau_giang_soc_trang(national):
    links = selectors.predecessors(selectors.unit_by_code("92"))
    assert {(link.unit.code, link.unit.valid_to) for link in links} == {
        ("92", LEGACY_END),
        ("93", LEGACY_END),
        ("94", LEGACY_END),
    }
    assert not any(link.partial for link in links)
    soc_trang = selectors.unit_by_code("94", BEFORE)
    assert [link.unit.code for link in selectors.successors(soc_trang)] == ["92"]


def test_old_ward_split_between_new_wards_is_partial(national):
    old = selectors.unit_by_code("00016", BEFORE)
    links = selectors.successors(old)
    assert {link.unit.code for link in links} == {"00004", "00008"}
    assert all(link.partial and link.unit.valid_to is None for link in links)


def test_old_district_leads_to_the_new_communes_of_its_territory(national):
    district = selectors.unit_by_code("941", BEFORE)  # Thành phố Sóc Trăng
    links = selectors.successors(district)
    assert {link.unit.name for link in links} >= {"Phường Sóc Trăng", "Phường Phú Lợi"}
    assert all(link.partial and link.unit.level == Level.COMMUNE for link in links)


def test_search_is_accent_insensitive_and_finds_former_names(national):
    hits, total = selectors.search_units("hong ngu")
    assert total == len(hits) == 7
    names = [hit.unit.name for hit in hits]
    assert names[0] == "Phường Hồng Ngự"
    assert "Xã Thông Nguyên" not in names  # matches start at a word
    by_name = {hit.unit.name: hit.former_names for hit in hits}
    assert "Huyện Hồng Ngự" in by_name["Xã Long Khánh"]
    hits, _total = selectors.search_units("thoai son")
    assert hits[0].unit.name == "Xã Thoại Sơn"
    assert {h.unit.name for h in hits if "Huyện Thoại Sơn" in h.former_names} >= {"Xã Óc Eo", "Xã Thoại Sơn"}


def test_old_province_name_leads_to_the_new_one(national):
    hits, _total = selectors.search_units("Sóc Trăng")
    assert any(h.unit.code == "92" and h.former_names == ["Tỉnh Sóc Trăng"] for h in hits)
    hits, _total = selectors.search_units("soc trang", at=BEFORE)
    assert {h.unit.name for h in hits} >= {"Tỉnh Sóc Trăng", "Thành phố Sóc Trăng"}


def test_provinces_in_vietnamese_order(national):
    names = [p.name for p in selectors.provinces()]
    assert names[0] == "Tỉnh An Giang"
    assert names.index("Tỉnh Cà Mau") < names.index("Tỉnh Cao Bằng") < names.index("Thành phố Cần Thơ")
    assert names.index("Thành phố Cần Thơ") < names.index("Thành phố Đà Nẵng")


def test_ancestors_and_descendants_one_query_each(national, django_assert_num_queries):
    ward = selectors.unit_by_code("31507", BEFORE)
    with django_assert_num_queries(1):
        assert [u.level for u in selectors.ancestors(ward)] == [Level.PROVINCE, Level.DISTRICT]
    can_tho = selectors.unit_by_code("92")
    with django_assert_num_queries(1):
        below = list(selectors.descendants(can_tho))
    assert len(below) == Unit.objects.filter(parent=can_tho).count() > 50


def test_pages_list_provinces_and_show_lineage(national, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        page = client.get("/dia-ban/")
    assert page.status_code == 200 and page.text.count("/dia-ban/") >= 34
    assert "34 tỉnh, thành phố" in page.text
    assert "63 tỉnh, thành phố trước 1/7/2025" in client.get("/dia-ban/?truoc=on").text
    with django_assert_max_num_queries(8):
        page = client.get("/dia-ban/92/")
    assert "Hình thành từ" in page.text and "Tỉnh Sóc Trăng" in page.text and "Phường Sóc Trăng" in page.text
    old = client.get("/dia-ban/00016/?ngay=2025-06-30")
    assert "Đã sáp nhập vào" in old.text and "một phần" in old.text
    assert client.get("/dia-ban/93/").url == "/dia-ban/93/?ngay=2025-06-30"


def test_search_page_htmx_partial(national, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        page = client.get("/dia-ban/?q=thoai+son", headers={"HX-Request": "true"})
    assert "<html" not in page.text
    assert "Xã Thoại Sơn" in page.text and "trước đây" in page.text and "Huyện Thoại Sơn" in page.text


def test_api_lists_by_level_parent_and_date(national, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        body = client.get("/api/v1/units?level=province&limit=500").json()
    assert body["count"] == 34 and len(body["items"]) == 34
    assert client.get("/api/v1/units?level=province&at=2025-06-01").json()["count"] == 63
    assert client.get("/api/v1/units?level=district&at=2025-06-01").json()["count"] == 696
    communes = client.get("/api/v1/units?level=commune").json()
    assert communes["count"] == 3321 and len(communes["items"]) == 50
    in_can_tho = client.get("/api/v1/units?parent=92&limit=500").json()
    assert in_can_tho["count"] == Unit.objects.filter(parent=selectors.unit_by_code("92")).count()
    assert {item["parent_code"] for item in in_can_tho["items"]} == {"92"}


def test_api_unit_detail_with_lineage(national, client):
    body = client.get("/api/v1/units/92").json()
    assert body["valid_from"] == "2025-07-01" and body["kind"] == "thanh_pho_tw"
    assert {p["code"] for p in body["predecessors"]} == {"92", "93", "94"}
    old = client.get("/api/v1/units/00016?at=2025-06-30").json()
    assert [a["level"] for a in old["ancestors"]] == ["province", "district"]
    assert {(s["code"], s["partial"]) for s in old["successors"]} == {("00004", True), ("00008", True)}


def test_reporter_manages_neighbourhoods_of_a_real_commune(national, client_for):
    commune = selectors.unit_by_code("31507")
    reporter = user_with_grant("nhaplieu_soctrang", Role.REPORTER, commune)
    response = client_for(reporter).post("/dia-ban/31507/them-thon/", {"name": "Khóm 1", "kind": Kind.KHOM})
    assert response.status_code == 302
    assert [u.code for u in selectors.children(commune)] == ["31507-001"]
