"""The users list in Excel: the administrator's filtered page, never another subtree's accounts."""

from danvan.accounts.models import Grant, Role, User
from danvan.accounts.tests.factories import user_with_grant
from danvan.audit.models import AuditEvent
from danvan.core.tests.exports import column, exported


def test_users_export_holds_the_filtered_page(personas, client_for):
    client = client_for(personas.unit_admin)
    query = {"role": Role.REPORTER}
    shown = [u.username for u in client.get("/tai-khoan/nguoi-dung/", query).context["page"]]
    header, rows = exported(client.get("/tai-khoan/nguoi-dung/", {**query, "xuat": "xlsx"}))
    assert [r[0] for r in rows] == shown == ["nhaplieu_a", "nhaplieu_b"]
    grant = personas.reporter_a.grants.get()
    assert rows[0][header.index("Quyền")] == f"{grant.get_role_display()} — Phường Sóc Trăng"
    assert rows[0][header.index("Đang hoạt động")] == "Có"
    event = AuditEvent.objects.latest("pk")
    assert event.action == "personal_data.export" and event.changes["rows"] == 2


def test_another_subtrees_admin_cannot_export_these_users(personas, tree, client_for):
    admin_q = user_with_grant("quantri_caobang", Role.UNIT_ADMIN, tree.other_province)
    before = (User.objects.count(), Grant.objects.count(), AuditEvent.objects.count())
    assert (
        column(
            client_for(admin_q).get("/tai-khoan/nguoi-dung/", {"q": "nhaplieu", "xuat": "xlsx"}),
            "Tên đăng nhập",
        )
        == []
    )
    assert client_for(personas.reporter_b).get("/tai-khoan/nguoi-dung/", {"xuat": "xlsx"}).status_code == 404
    assert (User.objects.count(), Grant.objects.count(), AuditEvent.objects.count()) == before
