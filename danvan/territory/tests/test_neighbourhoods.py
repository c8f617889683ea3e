"""Neighbourhoods: commune staff add, rename and stop using them; everyone else gets 404."""

import datetime as dt

import pytest

from danvan.accounts.models import Role
from danvan.accounts.tests.factories import user_with_grant
from danvan.audit.models import AuditEvent
from danvan.core.errors import DomainError, NotFound
from danvan.territory import selectors
from danvan.territory.models import REFORM_DATE, Kind, Level, Unit
from danvan.territory.services import neighbourhood_create, neighbourhood_retire, neighbourhood_update


def state():
    """Everything a refused request must leave as it was."""
    units = Unit.objects.order_by("pk").values_list("pk", "code", "name", "kind", "valid_to")
    return list(units), AuditEvent.objects.count()


@pytest.fixture
def thon(personas, tree):
    return neighbourhood_create(
        commune=tree.commune_a, name="Khóm 1", kind=Kind.KHOM, actor=personas.reporter_a
    )


def test_reporter_adds_a_neighbourhood(personas, tree, client_for):
    client = client_for(personas.reporter_a)
    response = client.post("/dia-ban/31510/them-thon/", {"name": "  Thôn   Tân Lập ", "kind": Kind.THON})
    assert response.status_code == 302 and response.url == "/dia-ban/31510/#thon"
    unit = Unit.objects.get(level=Level.NEIGHBOURHOOD)
    assert (unit.code, unit.name, unit.kind, unit.parent) == (
        "31510-001",
        "Thôn Tân Lập",
        Kind.THON,
        tree.commune_a,
    )
    assert (unit.is_official, unit.valid_from, unit.valid_to, unit.depth) == (False, REFORM_DATE, None, 2)
    assert unit.path.startswith(tree.commune_a.path) and unit.name_folded == "thon tan lap"
    event = AuditEvent.objects.get(action="neighbourhood.create")
    assert event.unit == unit and event.actor == personas.reporter_a
    assert event.changes["name"] == [None, "Thôn Tân Lập"]
    page = client.get("/dia-ban/31510/")
    assert "Thôn Tân Lập" in page.text and "Đã thêm Thôn Tân Lập" in page.text


def test_htmx_add_returns_the_section_only(personas, tree, client_for):
    response = client_for(personas.approver).post(
        "/dia-ban/31528/them-thon/", {"name": "7", "kind": Kind.TO_DAN_PHO}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and "<html" not in response.text
    assert 'id="thon"' in response.text and "Tổ dân phố 7" in response.text
    assert Unit.objects.get(level=Level.NEIGHBOURHOOD).name == "Tổ dân phố 7"


def test_duplicate_name_is_refused_accents_aside(personas, tree, client_for, thon):
    before = state()
    response = client_for(personas.reporter_a).post(
        "/dia-ban/31510/them-thon/", {"name": "khom 1", "kind": "khom"}
    )
    assert response.status_code == 400
    assert "Phường Sóc Trăng đã có “Khóm 1”" in response.text
    assert state() == before
    with pytest.raises(DomainError) as exc:
        neighbourhood_create(commune=tree.commune_a, name="KHÓM 1", kind=Kind.KHOM, actor=None)
    assert exc.value.code == "duplicate_name"
    # The same name in another commune is fine.
    assert (
        neighbourhood_create(commune=tree.commune_b, name="Khóm 1", kind=Kind.KHOM, actor=None).code
        == "31528-001"
    )


def test_rename_and_change_kind(personas, client_for, thon):
    response = client_for(personas.reporter_a).post(
        "/dia-ban/31510-001/sua/", {"name": "Ấp Hòa Bình", "kind": "ap"}
    )
    assert response.status_code == 302
    thon.refresh_from_db()
    assert (thon.code, thon.name, thon.kind, thon.name_folded) == (
        "31510-001",
        "Ấp Hòa Bình",
        Kind.AP,
        "ap hoa binh",
    )
    event = AuditEvent.objects.get(action="neighbourhood.update")
    assert event.changes == {"name": ["Khóm 1", "Ấp Hòa Bình"], "kind": ["khom", "ap"]}


def test_rename_to_an_existing_name_is_refused(personas, tree, client_for, thon):
    neighbourhood_create(commune=tree.commune_a, name="Khóm 2", kind=Kind.KHOM, actor=None)
    before = state()
    response = client_for(personas.reporter_a).post(
        "/dia-ban/31510-001/sua/", {"name": "Khom 2", "kind": "khom"}
    )
    assert response.status_code == 400 and "đã có “Khóm 2”" in response.text
    assert state() == before
    with pytest.raises(DomainError):
        neighbourhood_update(unit=thon, name="khóm 2", kind=Kind.KHOM, actor=None)


def test_retire_keeps_the_unit_and_frees_its_name_not_its_code(personas, tree, client_for, thon, today):
    response = client_for(personas.reporter_a).post("/dia-ban/31510-001/ngung-su-dung/")
    assert response.status_code == 302 and response.url == "/dia-ban/31510/#thon"
    thon.refresh_from_db()
    assert thon.valid_to == today - dt.timedelta(days=1)
    assert AuditEvent.objects.filter(action="neighbourhood.retire", unit=thon).count() == 1
    with pytest.raises(NotFound):
        selectors.unit_by_code("31510-001")
    again = neighbourhood_create(commune=tree.commune_a, name="Khóm 1", kind=Kind.KHOM, actor=None)
    assert again.code == "31510-002"
    page = client_for(None).get("/dia-ban/31510/")
    assert "1 đơn vị đã ngừng sử dụng" in page.text
    assert client_for(None).get("/dia-ban/31510-001/").status_code == 302  # to its last valid day
    with pytest.raises(DomainError):
        neighbourhood_retire(unit=thon, actor=None)


@pytest.mark.parametrize("who", ["reporter_b", "other_approver", "anonymous", "viewer"])
def test_others_get_404_and_nothing_changes(personas, tree, client_for, thon, who):
    user = (
        user_with_grant("xem_a", Role.VIEWER, tree.commune_a) if who == "viewer" else getattr(personas, who)
    )
    client = client_for(user)
    before = state()
    responses = [
        client.post("/dia-ban/31510/them-thon/", {"name": "Khóm 9", "kind": "khom"}),
        client.post("/dia-ban/31510-001/sua/", {"name": "Khóm 9", "kind": "khom"}),
        client.post("/dia-ban/31510-001/ngung-su-dung/"),
        client.get("/dia-ban/31510/nhap-excel/"),
        client.get("/dia-ban/31510/mau-excel/"),
    ]
    expected = 302 if user is None else 404
    assert [r.status_code for r in responses] == [expected] * 5
    if user is None:
        assert all(r.url.startswith("/tai-khoan/") for r in responses)
    assert state() == before
    assert "Thêm thôn, tổ dân phố" not in client.get("/dia-ban/31510/").text


@pytest.mark.parametrize("code", ["31507", "92", "nope"])
def test_only_current_communes_take_neighbourhoods(personas, tree, client_for, code):
    before = state()
    response = client_for(personas.admin).post(
        f"/dia-ban/{code}/them-thon/", {"name": "Thôn A", "kind": "thon"}
    )
    assert response.status_code == 404
    assert state() == before


def test_managers_see_the_forms(personas, client_for, thon):
    assert "Thêm thôn, tổ dân phố" in client_for(personas.reporter_a).get("/dia-ban/31510/").text
    assert "Thêm thôn, tổ dân phố" in client_for(personas.unit_admin).get("/dia-ban/31510/").text
    page = client_for(personas.reporter_a).get("/dia-ban/31510-001/")
    assert "Sửa thôn, tổ dân phố" in page.text and "Ngừng sử dụng" in page.text
    assert "Sửa thôn, tổ dân phố" not in client_for(personas.reporter_b).get("/dia-ban/31510-001/").text


def test_get_on_write_urls_is_refused(personas, client_for):
    assert client_for(personas.reporter_a).get("/dia-ban/31510/them-thon/").status_code == 405


def test_commune_page_queries_do_not_grow_with_neighbourhoods(
    personas, tree, client_for, django_assert_max_num_queries
):
    for n in range(1, 16):
        neighbourhood_create(commune=tree.commune_a, name=f"Tổ {n}", kind=Kind.TO_DAN_PHO, actor=None)
    client = client_for(personas.reporter_a)
    with django_assert_max_num_queries(13):
        page = client.get("/dia-ban/31510/")
    assert page.text.count("31510-0") >= 15


def test_access_answers_missing_and_not_yours_alike(personas, tree):
    from danvan.accounts.scope import scope_for
    from danvan.territory.access import access_commune

    with pytest.raises(NotFound) as missing:
        access_commune(scope_for(personas.reporter_b), "99999")
    with pytest.raises(NotFound) as not_yours:
        access_commune(scope_for(personas.reporter_b), "31510")
    assert missing.value.message == not_yours.value.message
    assert access_commune(scope_for(personas.reporter_b), "31528") == tree.commune_b
