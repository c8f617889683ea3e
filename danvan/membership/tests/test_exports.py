"""Membership in Excel: an organization's members for its handlers (audited), the statistics;
another commune's user exports nothing of commune A."""

import datetime as dt

from danvan.accounts.scope import scope_for
from danvan.audit.models import AuditEvent
from danvan.core.tests.exports import exported, rows_of
from danvan.membership.services.members import MemberData, membership_add


def _members(orgs, personas):
    actor, scope = personas.reporter_a, scope_for(personas.reporter_a)
    for name, born in (("Trần Thị Bé", dt.date(1990, 5, 2)), ("Lê Thị An", dt.date(1985, 1, 9))):
        membership_add(
            actor=actor,
            scope=scope,
            organization=orgs["women_a"],
            data=MemberData(name, born),
            joined_on=dt.date(2024, 3, 8),
        )


def test_members_and_statistics_exports(orgs, personas, client_for):
    _members(orgs, personas)
    client = client_for(personas.reporter_a)
    page = client.get(f"/hoi-vien/to-chuc/{orgs['women_a'].pk}/")
    shown = [m.member.full_name for m in page.context["memberships"]]
    before = AuditEvent.objects.count()
    header, rows = exported(client.get(f"/hoi-vien/to-chuc/{orgs['women_a'].pk}/", {"xuat": "xlsx"}))
    assert [r[0] for r in rows] == shown == ["Lê Thị An", "Trần Thị Bé"]
    assert rows[0][header.index("Ngày sinh")].date() == dt.date(1985, 1, 9)
    assert AuditEvent.objects.count() == before + 1
    cells = rows_of(client.get("/hoi-vien/", {"unit": "31510", "period": "2024", "xuat": "xlsx"}))
    assert ["Chỉ tiêu", "Đơn vị tính", "Số liệu"] in cells
    assert any(r[:3] == ["Hội Liên hiệp Phụ nữ", 2, 2] for r in cells)


def test_another_commune_cannot_export_a_members(orgs, personas, client_for, unchanged):
    _members(orgs, personas)
    client = client_for(personas.reporter_b)
    with unchanged():
        assert client.get(f"/hoi-vien/to-chuc/{orgs['women_a'].pk}/", {"xuat": "xlsx"}).status_code == 404
        assert client.get("/hoi-vien/", {"unit": "31510", "xuat": "xlsx"}).status_code == 404
