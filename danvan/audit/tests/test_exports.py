"""The audit log in Excel: the filtered page of an administrator, nothing outside their subtree."""

import pytest

from danvan.audit.models import AuditEvent
from danvan.audit.services import audit_record
from danvan.core.tests.exports import column, exported


@pytest.fixture
def events(personas, tree):
    audit_record(
        actor=personas.reporter_a, action="practice.register", obj=tree.commune_a, unit=tree.commune_a
    )
    audit_record(
        actor=personas.reporter_b, action="practice.register", obj=tree.commune_b, unit=tree.commune_b
    )
    audit_record(
        actor=personas.other_approver, action="report.approve", obj=tree.commune_c, unit=tree.commune_c
    )


def test_audit_export_holds_the_filtered_page(events, personas, client_for):
    client = client_for(personas.unit_admin)
    query = {"action": "practice.register"}
    shown = [e.actor_label for e in client.get("/nhat-ky/", query).context["page"]]
    header, rows = exported(client.get("/nhat-ky/", {**query, "xuat": "xlsx"}))
    assert [r[header.index("Người thực hiện")] for r in rows] == shown
    assert sorted(shown) == ["nhaplieu_a", "nhaplieu_b"]
    assert rows[0][header.index("Thao tác")] == "practice.register"


def test_an_admin_of_another_province_exports_nothing_of_these(events, personas, tree, client_for):
    from danvan.accounts.models import Role
    from danvan.accounts.tests.factories import user_with_grant

    admin_q = user_with_grant("quantri_caobang", Role.UNIT_ADMIN, tree.other_province)
    actors = column(client_for(admin_q).get("/nhat-ky/", {"xuat": "xlsx"}), "Người thực hiện")
    assert "nhaplieu_a" not in actors and "nhaplieu_b" not in actors
    before = AuditEvent.objects.count()
    assert client_for(personas.reporter_a).get("/nhat-ky/", {"xuat": "xlsx"}).status_code == 404
    assert AuditEvent.objects.count() == before
