"""The unit switcher: only among the units the user holds grants on."""

from danvan.accounts.models import Grant, Role
from danvan.accounts.selectors import SESSION_UNIT_KEY

SWITCH = "/tai-khoan/don-vi/"


def test_switch_to_a_granted_unit(personas, tree, client_for):
    Grant.objects.create(user=personas.reporter_a, unit=tree.commune_b, role=Role.VIEWER)
    client = client_for(personas.reporter_a)
    home = client.get("/")
    assert 'name="unit"' in home.text  # two units: the switcher is shown
    response = client.post(SWITCH, {"unit": tree.commune_b.pk})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session[SESSION_UNIT_KEY] == tree.commune_b.pk
    page = client.get("/")
    assert f'<option value="{tree.commune_b.pk}" selected>' in page.text


def test_switch_refuses_a_unit_without_grant(personas, tree, client_for):
    client = client_for(personas.reporter_a)
    for unit in (tree.commune_b, tree.province, tree.commune_c):
        assert client.post(SWITCH, {"unit": unit.pk}).status_code == 404
    assert client.post(SWITCH, {"unit": "abc"}).status_code == 404
    assert SESSION_UNIT_KEY not in client.session


def test_switch_needs_login_and_post(personas, tree, client_for):
    assert client_for(None).post(SWITCH, {"unit": tree.commune_a.pk}).status_code == 302
    assert client_for(personas.reporter_a).get(SWITCH).status_code == 405


def test_a_system_admin_works_in_any_unit_chosen_from_its_page(personas, tree, client_for):
    client = client_for(personas.admin)
    # No unit chosen: the whole country; pages that act on a unit ask for one.
    assert client.get("/hoi-nghi/").status_code == 404
    assert "Cả nước — chọn đơn vị để làm việc" in client.get("/").text
    unit_page = client.get(f"/dia-ban/{tree.commune_a.code}/").text
    assert "Làm việc tại đơn vị này" in unit_page
    response = client.post(SWITCH, {"unit": tree.commune_a.pk, "next": f"/dia-ban/{tree.commune_a.code}/"})
    assert response.status_code == 302 and response["Location"] == f"/dia-ban/{tree.commune_a.code}/"
    assert client.session[SESSION_UNIT_KEY] == tree.commune_a.pk
    assert client.get("/hoi-nghi/").status_code == 200
    assert f'<option value="{tree.commune_a.pk}" selected>Phường Sóc Trăng</option>' in client.get("/").text


def test_the_switch_goes_back_only_to_a_page_of_this_site(personas, tree, client_for):
    client = client_for(personas.admin)
    response = client.post(SWITCH, {"unit": tree.commune_a.pk, "next": "https://example.com/x"})
    assert response["Location"] == "/"
