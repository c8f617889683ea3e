"""A denouncer's identity: the assigned handlers only (not even a system administrator), every
view audited, absent from lists, the API detail, exports, the audit log and public pages."""

import io

import pytest
from openpyxl import load_workbook

from danvan.accounts.scope import scope_for
from danvan.audit.models import AuditEvent
from danvan.core.errors import NotFound, PermissionDenied
from danvan.petitions.access import access_file, access_petition
from danvan.petitions.services.identity import petition_identity_view
from danvan.petitions.services.routing import petition_assign
from danvan.petitions.tests.conftest import png

NAME, PHONE = "Hoàng Thị Tố Cáo", "0987654321"


@pytest.fixture
def denunciation(receive, personas):
    petition = receive(
        kind="denunciation",
        citizen_name=NAME,
        citizen_phone=PHONE,
        citizen_address="Ấp 4",
        uploads=[png("don-to-cao.png")],
    )
    return petition_assign(
        actor=personas.approver,
        scope=scope_for(personas.approver),
        petition=petition,
        handlers=[personas.reporter_a],
    )


def test_only_assigned_handlers_see_the_identity_and_each_view_is_audited(denunciation, personas):
    before = AuditEvent.objects.filter(action="petition.identity_view").count()
    shown = petition_identity_view(
        actor=personas.reporter_a, scope=scope_for(personas.reporter_a), petition=denunciation
    )
    assert shown.name == NAME and shown.phone == PHONE
    petition_identity_view(
        actor=personas.reporter_a, scope=scope_for(personas.reporter_a), petition=denunciation
    )
    views = AuditEvent.objects.filter(action="petition.identity_view").order_by("pk")
    assert views.count() == before + 2 and views.last().actor == personas.reporter_a
    assert NAME not in str(views.last().changes) and views.last().object_repr == denunciation.tracking_code


@pytest.mark.parametrize("who", ["approver", "admin", "unit_admin"])
def test_leaders_and_admins_are_refused_and_nothing_changes(denunciation, personas, unchanged, who):
    user = getattr(personas, who)
    with unchanged(), pytest.raises(PermissionDenied):
        petition_identity_view(actor=user, scope=scope_for(user), petition=denunciation)
    citizen_file = denunciation.files.get(from_citizen=True)
    with unchanged(), pytest.raises(NotFound):
        access_file(scope_for(user), citizen_file.pk)


def test_pages_hide_the_identity_from_all_but_handlers(denunciation, personas, client_for, unchanged):
    detail = f"/y-kien/{denunciation.pk}/"
    with unchanged():
        page = client_for(personas.approver).get(detail)
        refused = client_for(personas.approver).get(f"/y-kien/{denunciation.pk}/nguoi-gui/")
        listing = client_for(personas.admin).get("/y-kien/?q=" + denunciation.tracking_code)
    assert (
        page.status_code == 200 and NAME not in page.content.decode() and PHONE not in page.content.decode()
    )
    assert "Xem thông tin người tố cáo" not in page.content.decode()
    assert refused.status_code == 403 and NAME not in refused.content.decode()
    assert listing.status_code == 200 and NAME not in listing.content.decode()
    handler = client_for(personas.reporter_a)
    assert "Xem thông tin người tố cáo" in handler.get(detail).content.decode()
    shown = handler.get(f"/y-kien/{denunciation.pk}/nguoi-gui/")
    assert (
        shown.status_code == 200
        and NAME in shown.content.decode()
        and shown["Cache-Control"] == "private, no-store"
    )


def test_exports_and_the_api_leave_the_identity_out(denunciation, receive, personas, client_for, api_for):
    receive(citizen_name="Người Góp Ý", citizen_phone="0900000001")
    response = client_for(personas.admin).get("/y-kien/xuat-excel/", follow=True)
    assert response.status_code == 200
    cells = [
        str(c)
        for row in load_workbook(io.BytesIO(response.getvalue())).active.iter_rows(values_only=True)
        for c in row
    ]
    assert denunciation.tracking_code in cells
    assert not any(NAME in c or PHONE in c or "Người Góp Ý" in c or "0900000001" in c for c in cells)
    api = api_for(personas.admin)
    body = api.get(f"/api/v1/petitions/{denunciation.pk}").content.decode()
    assert NAME not in body and PHONE not in body and '"has_identity":true' in body.replace(" ", "")
    refused = api.get(f"/api/v1/petitions/{denunciation.pk}/identity")
    assert refused.status_code == 403
    shown = api_for(personas.reporter_a).get(f"/api/v1/petitions/{denunciation.pk}/identity")
    assert shown.status_code == 200 and shown.json()["name"] == NAME


def test_the_audit_log_and_history_never_hold_the_identity(denunciation):
    texts = [str(e.changes) + e.object_repr for e in AuditEvent.objects.all()]
    texts += [e.note for e in denunciation.events.all()]
    assert not any(NAME in t or PHONE in t for t in texts)


def test_other_units_do_not_even_see_the_item(denunciation, personas, unchanged):
    with unchanged(), pytest.raises(NotFound):
        access_petition(scope_for(personas.reporter_b), denunciation.pk)
    with unchanged(), pytest.raises(NotFound):
        access_petition(scope_for(personas.other_approver), denunciation.pk)
