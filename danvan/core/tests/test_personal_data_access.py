"""Pages that show personal data write an access event to the audit log (once per 5 minutes per
person and record); refusals write none."""

from danvan.audit.models import AuditEvent
from danvan.core.text import fold, sort_key
from danvan.membership.tests.conftest import make_org
from danvan.orgs.models import Person


def accesses(**filters):
    return AuditEvent.objects.filter(action="personal_data.access", **filters)


def test_an_official_s_page_logs_the_access_once(personas, tree, client_for):
    name = "Trần Thị Ngọc"
    person = Person.objects.create(
        full_name=name,
        name_folded=fold(name),
        sort_key=sort_key(name),
        birth_year=1980,
        home_unit=tree.commune_a,
    )
    client = client_for(personas.admin)
    assert client.get(f"/to-chuc/can-bo/{person.pk}/").status_code == 200
    assert client.get(f"/to-chuc/can-bo/{person.pk}/").status_code == 200
    event = accesses(object_type="orgs.person", object_id=str(person.pk)).get()
    assert event.actor == personas.admin and event.changes == {"purpose": "view"}
    assert client_for(personas.other_approver).get(f"/to-chuc/can-bo/{person.pk}/").status_code == 404
    assert accesses().count() == 1


def test_a_member_list_logs_the_access(personas, tree, client_for):
    org = make_org(tree.commune_a, "hoi_phu_nu")
    assert client_for(personas.reporter_a).get(f"/hoi-vien/to-chuc/{org.pk}/").status_code == 200
    assert accesses(object_type="orgs.organization", actor=personas.reporter_a).count() == 1
    assert client_for(personas.reporter_b).get(f"/hoi-vien/to-chuc/{org.pk}/").status_code == 404
    assert accesses().count() == 1
