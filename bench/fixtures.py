"""The rows the benchmarks run against, found in a generated database (`manage.py generate`)."""

from dataclasses import dataclass

from django.db.models import Count

from danvan.accounts.models import Grant, Role, User
from danvan.territory.models import Level, Unit

SEARCH_TEXT = "tân hòa"  # a common place-name part: many units and neighbourhoods match


class FixturesMissing(Exception):
    pass


@dataclass(frozen=True)
class Fixtures:
    province: Unit
    commune: Unit  # a commune of the province with neighbourhoods
    approver: User  # holds an approver grant on the province
    viewer: User  # the user with the most grants
    search_text: str = SEARCH_TEXT


def find_fixtures(province_code: str) -> Fixtures:
    province = Unit.objects.filter(level=Level.PROVINCE, code=province_code, valid_to__isnull=True).first()
    if province is None:
        raise FixturesMissing(f"No current province {province_code}: run `manage.py load_territory`.")
    commune = (
        Unit.objects.filter(level=Level.COMMUNE, parent=province, children__level=Level.NEIGHBOURHOOD)
        .order_by("code")
        .first()
    )
    grant = (
        Grant.objects.filter(role=Role.APPROVER, unit=province).select_related("user").order_by("pk").first()
    )
    viewer = (
        User.objects.filter(grants__role=Role.VIEWER).annotate(n=Count("grants")).order_by("-n", "pk").first()
    )
    if commune is None or grant is None or viewer is None:
        raise FixturesMissing(f"Province {province_code} has no generated data: run `manage.py generate`.")
    return Fixtures(province=province, commune=commune, approver=grant.user, viewer=viewer)
