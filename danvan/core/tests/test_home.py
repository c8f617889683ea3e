"""The landing page's counts of the user's unit: right, and read with a fixed number of queries."""

import datetime as dt
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.orgs.models import Organization, OrganizationKind, Person, Position


def _post(person: Person, organization: Organization, title: str, end: dt.date | None = None) -> None:
    Position.objects.create(person=person, organization=organization, title=title, end_date=end)


def _organizations(tree: Any) -> tuple[Organization, Organization]:
    kind, _ = OrganizationKind.objects.get_or_create(code="mttq", defaults={"name": "Ủy ban MTTQ"})
    here = Organization.objects.create(unit=tree.commune_a, kind=kind, name="Ủy ban MTTQ phường")
    there = Organization.objects.create(unit=tree.commune_c, kind=kind, name="Ủy ban MTTQ phường khác")
    return here, there


def _people(here: Organization, there: Organization, count: int, tag: str) -> None:
    for n in range(count):
        person = Person.objects.create(full_name=f"Nguyễn Văn {tag}{n}")
        _post(person, here, "Ủy viên")
        _post(person, here, "Trưởng ban", end=dt.date(2025, 6, 30))  # ended: not counted again
    both = Person.objects.create(full_name=f"Trần Thị Hai Chức {tag}")
    _post(both, here, "Chủ tịch")
    _post(both, here, "Phó Bí thư")  # two posts: one person
    _post(Person.objects.create(full_name=f"Lê Văn Ngoài {tag}"), there, "Chủ tịch")  # outside the subtree
    gone = Person.objects.create(full_name=f"Phạm Văn Cũ {tag}")
    _post(gone, here, "Chủ tịch", end=dt.date(2025, 6, 30))


def test_home_counts_post_holders_once_with_fixed_queries(personas: Any, tree: Any, client_for: Any) -> None:
    client = client_for(personas.approver)
    client.get("/")  # the first request of a session also saves it (its activity time)
    here, there = _organizations(tree)
    _people(here, there, 1, "a")
    with CaptureQueriesContext(connection) as few:
        page = client.get("/")
    assert page.context["people"] == 2 and page.context["organizations"] == 1
    _people(here, there, 6, "b")
    with CaptureQueriesContext(connection) as many:
        page = client.get("/")
    assert page.context["people"] == 2 + 7 and page.context["organizations"] == 1
    assert len(many.captured_queries) == len(few.captured_queries)
    assert not any('DISTINCT "orgs_person"' in q["sql"] for q in many.captured_queries)
