"""Excel exports of the territory's public lists hold exactly the rows their pages show."""

import datetime as dt

from danvan.core.tests.exports import column, exported
from danvan.territory.models import Kind, Level
from danvan.territory.tests.factories import UnitFactory


def test_neighbourhoods_of_a_commune(tree, client):
    for name, code in (("Khu phố 2", "31510-002"), ("Khu phố 1", "31510-001")):
        UnitFactory(name=name, code=code, kind=Kind.KHU_PHO, level=Level.NEIGHBOURHOOD, parent=tree.commune_a)
    header, rows = exported(client.get("/dia-ban/31510/", {"xuat": "xlsx"}))
    assert [r[0] for r in rows] == ["Khu phố 1", "Khu phố 2"]
    assert rows[0][header.index("Thuộc")] == "Phường Sóc Trăng" and rows[0][1] == "Khu phố"


def test_children_export_keeps_the_name_filter(tree, client):
    page = client.get("/dia-ban/92/", {"loc": "phu loi"})
    assert [c.name for c in page.context["children"]] == ["Phường Phú Lợi"]
    header, rows = exported(client.get("/dia-ban/92/", {"loc": "phu loi", "xuat": "xlsx"}))
    assert header[:4] == ["Tên", "Loại", "Mã", "Cấp"]
    assert [r[:3] for r in rows] == [["Phường Phú Lợi", "Phường", "31528"]]
    everything = column(client.get("/dia-ban/92/", {"xuat": "xlsx"}), "Tên")
    assert everything == [c.name for c in client.get("/dia-ban/92/").context["children"]]


def test_provinces_and_legacy_provinces(tree, client):
    today = column(client.get("/dia-ban/", {"xuat": "xlsx"}), "Tên")
    assert today == [p.name for p in client.get("/dia-ban/").context["provinces"]]
    assert "Tỉnh Sóc Trăng" not in today
    header, rows = exported(client.get("/dia-ban/", {"truoc": "on", "xuat": "xlsx"}))
    legacy = rows[0]
    assert legacy[0] == "Tỉnh Sóc Trăng" and legacy[header.index("Hiệu lực đến")].date() == dt.date(
        2025, 6, 30
    )
    assert legacy[header.index("Đơn vị cấp dưới")] == 1


def test_search_export_and_a_missing_unit(tree, client):
    hits = client.get("/dia-ban/", {"q": "soc trang"}).context["hits"]
    codes = column(client.get("/dia-ban/", {"q": "soc trang", "xuat": "xlsx"}), "Mã")
    assert codes == [hit.unit.code for hit in hits] == ["31510", "92"]
    assert client.get("/dia-ban/99999/", {"xuat": "xlsx"}).status_code == 404
