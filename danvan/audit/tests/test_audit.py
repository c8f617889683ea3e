import pytest

from danvan.audit.models import AuditEvent
from danvan.audit.services import apply_changes, audit_record


def test_record_keeps_actor_unit_and_changes(personas, tree):
    unit = tree.commune_a
    changes = apply_changes(unit, {"name": "Phường Mới", "kind": unit.kind})
    event = audit_record(
        actor=personas.unit_admin, action="unit.update", obj=unit, unit=unit, changes=changes
    )
    assert event.actor_label == "quantri_tinh"
    assert event.changes == {"name": ["Phường Sóc Trăng", "Phường Mới"]}
    assert event.unit_path == unit.path
    assert event.object_type == "territory.unit"


def test_events_are_append_only(personas, tree):
    event = audit_record(
        actor=None,
        action="territory.sync",
        obj=None,
        object_type="territory.unit",
        object_repr="Đồng bộ địa bàn",
        changes={"created": 3},
    )
    assert event.actor_label == "hệ thống"
    event.action = "tampered"
    with pytest.raises(RuntimeError):
        event.save()
    with pytest.raises(RuntimeError):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "territory.sync"


def test_audit_page_is_scoped_to_unit_admins(personas, tree, client_for):
    audit_record(actor=personas.unit_admin, action="unit.update", obj=tree.commune_a, unit=tree.commune_a)
    audit_record(actor=personas.other_approver, action="unit.update", obj=tree.commune_c, unit=tree.commune_c)
    page = client_for(personas.unit_admin).get("/nhat-ky/")
    assert page.status_code == 200
    assert "Phường Sóc Trăng" in page.text and "Phường Thục Phán" not in page.text
    assert client_for(personas.reporter_a).get("/nhat-ky/").status_code == 404
    assert (
        client_for(personas.admin).get("/nhat-ky/?action=unit.update").text.count("<code>unit.update</code>")
        == 2
    )
    assert client_for(None).get("/nhat-ky/").status_code == 302


def test_counts_of_bulk_actions_are_shown_as_values(personas, tree, client_for):
    audit_record(
        actor=None,
        action="territory.sync",
        obj=None,
        object_type="territory.unit",
        object_repr="Đồng bộ địa bàn",
        changes={"commune.created": 13372},
    )
    page = client_for(personas.admin).get("/nhat-ky/")
    assert "commune.created</strong>: 13372" in page.text
