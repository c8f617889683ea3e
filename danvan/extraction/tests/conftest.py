from typing import Any

import pytest

from danvan.extraction.extractor.units import Gazetteer, gazetteer_from_package


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The official territory (current and legacy units) without a database."""
    return gazetteer_from_package()


@pytest.fixture
def extract_with(gazetteer: Gazetteer) -> Any:
    from danvan.extraction.extractor import extract

    return lambda text: extract(text, gazetteer)


@pytest.fixture
def ward_bodies(tree: Any) -> dict[str, Any]:
    """Commune A's party committee and Front, and two of its people (one with a post)."""
    from danvan.core.text import fold, sort_key
    from danvan.orgs.models import Organization, OrganizationKind, Person, Position

    def org(name: str, kind: str) -> Organization:
        found, _ = OrganizationKind.objects.get_or_create(code=kind, defaults={"name": kind})
        return Organization.objects.create(
            unit=tree.commune_a, kind=found, name=name, name_folded=fold(name), sort_key=sort_key(name)
        )

    def person(name: str) -> Person:
        return Person.objects.create(
            full_name=name, home_unit=tree.commune_a, name_folded=fold(name), sort_key=sort_key(name)
        )

    party, front = (
        org("Đảng ủy phường Sóc Trăng", "cap_uy"),
        org("Ủy ban MTTQ Việt Nam phường Sóc Trăng", "mttq"),
    )
    secretary = person("Trần Văn Bình")
    Position.objects.create(person=secretary, organization=party, title="Bí thư Đảng ủy")
    return {"party": party, "front": front, "secretary": secretary, "front_chair": person("Lê Thị Hoa")}
