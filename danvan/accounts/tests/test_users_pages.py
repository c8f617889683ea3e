"""The users list: scope, accent-insensitive search, filters, pagination, htmx partial, query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.accounts.models import Grant, Role
from danvan.accounts.tests.factories import UserFactory

USERS = "/tai-khoan/nguoi-dung/"


def test_unit_admin_lists_their_users_only(personas, client_for):
    page = client_for(personas.unit_admin).get(USERS)
    assert page.status_code == 200
    assert "nhaplieu_a" in page.text and "lanhdao_tinh" in page.text
    assert "lanhdao_caobang" not in page.text and "quantri<" not in page.text
    assert "<h1>Người dùng</h1>" in page.text


def test_system_admin_lists_everybody(personas, client_for):
    page = client_for(personas.admin).get(USERS)
    assert "lanhdao_caobang" in page.text and "6 người dùng" in page.text


@pytest.mark.parametrize("who", ["reporter_a", "approver", "other_approver"])
def test_users_pages_are_404_for_non_admins(personas, client_for, who):
    client = client_for(getattr(personas, who))
    for url in (USERS, USERS + "them/", USERS + "nhap-excel/", USERS + "nhap-excel/mau.xlsx"):
        assert client.get(url).status_code == 404


def test_anonymous_is_sent_to_login(db, client_for):
    response = client_for(None).get(USERS)
    assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/dang-nhap/")


def test_search_is_accent_insensitive(personas, tree, client_for):
    person = UserFactory(username="duc.nv", full_name="Nguyễn Văn Đức")
    Grant.objects.create(user=person, unit=tree.commune_b, role=Role.VIEWER)
    client = client_for(personas.unit_admin)
    for query in ("nguyen van duc", "Đức", "VĂN ĐỨC", "duc.nv"):
        page = client.get(USERS, {"q": query})
        assert "duc.nv" in page.text and "nhaplieu_a" not in page.text, query
    assert "duc.nv" not in client.get(USERS, {"q": "dung"}).text


def test_filter_by_role_and_unit(personas, tree, client_for):
    client = client_for(personas.unit_admin)
    reporters = client.get(USERS, {"role": "reporter"}).text
    assert "nhaplieu_a" in reporters and "nhaplieu_b" in reporters and "lanhdao_tinh" not in reporters
    in_commune_a = client.get(USERS, {"unit": tree.commune_a.pk}).text
    assert (
        "nhaplieu_a" in in_commune_a
        and "nhaplieu_b" not in in_commune_a
        and "quantri_tinh" not in in_commune_a
    )
    # A unit outside the admin's subtree is not a valid choice: the filter is ignored, nothing leaks.
    outside = client.get(USERS, {"unit": tree.commune_c.pk, "q": "nhap"}).text
    assert "lanhdao_caobang" not in outside and "Hãy chọn một lựa chọn hợp lệ" in outside
    assert "nhaplieu_a" in outside and "lanhdao_tinh" not in outside  # the search still applies


def test_pagination_and_htmx_partial(personas, tree, client_for):
    for n in range(30):
        Grant.objects.create(user=UserFactory(username=f"cb{n:02d}"), unit=tree.commune_a, role=Role.VIEWER)
    client = client_for(personas.unit_admin)
    first = client.get(USERS, {"q": "cb"})
    assert "Trang 1/2" in first.text and "cb24" in first.text and "cb25" not in first.text
    assert "?q=cb&amp;page=2" in first.text
    partial = client.get(USERS, {"q": "cb", "page": 2}, HTTP_HX_REQUEST="true")
    assert "<html" not in partial.text and "cb29" in partial.text and "Trang 2/2" in partial.text


def _count_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(USERS).status_code == 200
    return len(queries)


def test_users_list_query_count_does_not_grow_with_rows(personas, tree, client_for):
    client = client_for(personas.unit_admin)
    _count_queries(client)  # the first request of a session also saves it (its activity time)
    few = _count_queries(client)
    for n in range(20):
        user = UserFactory(username=f"them{n}")
        Grant.objects.create(user=user, unit=tree.commune_a, role=Role.VIEWER)
        Grant.objects.create(user=user, unit=tree.commune_b, role=Role.REPORTER)
    many = _count_queries(client)
    assert many == few
    # session, user, scope grants with their units (the switcher's), count, page, grants (one
    # prefetch), filter units: a fixed number, whatever the rows (the session is saved at most
    # once every few minutes).
    assert many == 7
