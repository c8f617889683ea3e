"""Excel exports of organizations, people and positions: the rows the page shows, within the user's
reach, with personal columns only for those who keep records."""

from danvan.accounts.models import Role
from danvan.accounts.tests.factories import user_with_grant
from danvan.audit.models import AuditEvent
from danvan.core.tests.exports import column, exported
from danvan.orgs.models import Organization, Person, Position


def _snapshot():
    return (
        Organization.objects.count(),
        Person.objects.count(),
        Position.objects.count(),
        AuditEvent.objects.count(),
    )


def test_organizations_export_holds_the_filtered_page(people, personas, client_for):
    client = client_for(personas.approver)
    query = {"q": "phuong", "kind": "mttq"}
    shown = [o.name for o in client.get("/to-chuc/", query).context["page"]]
    names = column(client.get("/to-chuc/", {**query, "xuat": "xlsx"}), "Tên tổ chức")
    assert names == shown == ["Ủy ban MTTQ Việt Nam phường Phú Lợi", "Ủy ban MTTQ Việt Nam phường Sóc Trăng"]


def test_people_and_positions_exports(people, personas, client_for, tree):
    client = client_for(personas.reporter_a)
    shown = [p.full_name for p in client.get("/to-chuc/can-bo/").context["page"]]
    header, rows = exported(client.get("/to-chuc/can-bo/", {"xuat": "xlsx"}))
    assert [r[0] for r in rows] == shown and "Nguyễn Thị Liêm" not in shown  # commune C is not theirs
    minh = rows[shown.index("Vũ Văn Minh")]
    assert "Trưởng ban — Ban Xây dựng Đảng phường Sóc Trăng" in minh[header.index("Chức vụ hiện nay")]
    positions = exported(
        client.get("/to-chuc/chuc-vu/", {"unit": "31510", "ngay": "2025-08-01", "xuat": "xlsx"})
    )
    assert positions[0][2:4] == ["Họ và tên", "Chức vụ"]
    assert sorted(r[3] for r in positions[1]) == ["Chủ tịch", "Trưởng ban"]


def test_a_viewer_exports_without_personal_columns(people, tree, client_for):
    viewer = user_with_grant("xem_a", Role.VIEWER, tree.commune_a)
    before = _snapshot()
    header, rows = exported(client_for(viewer).get("/to-chuc/can-bo/", {"xuat": "xlsx"}))
    assert header == [] and len(rows) == 2  # the count only: every column of a person is personal
    assert _snapshot() == before


def test_another_communes_user_cannot_export_a_rows(people, personas, client_for):
    before = _snapshot()
    client = client_for(personas.reporter_b)
    assert client.get("/to-chuc/", {"unit": "31510", "xuat": "xlsx"}).status_code == 404
    assert client.get("/to-chuc/chuc-vu/", {"unit": "31510", "xuat": "xlsx"}).status_code == 404
    names = column(client.get("/to-chuc/can-bo/", {"q": "minh", "xuat": "xlsx"}), "Họ và tên")
    assert names == []
    assert _snapshot() == before
