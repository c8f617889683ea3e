import random
from collections import Counter
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, connection, transaction

from danvan.accounts.models import Grant, Role, User
from danvan.core.text import fold, sort_key
from danvan.generator.models import GenerationRun
from danvan.generator.names import person_name
from danvan.generator.plan import Scale
from danvan.generator.regions import Region, neighbourhood_names, region_of
from danvan.generator.services import DEFAULT_PASSWORD, dataset_generate
from danvan.generator.writer import foreign_keys_checked_once
from danvan.orgs.models import Organization, Person, Position, UnitSetting
from danvan.territory.models import LEGACY_END, Kind, Level, Unit
from danvan.territory.tree import rebuild_paths, set_derived_fields


def generate(*args: str) -> str:
    out = StringIO()
    call_command("generate", *args, stdout=out)
    return out.getvalue()


def test_refuses_without_territory(db: Any) -> None:
    with pytest.raises(CommandError, match="load_territory"):
        generate("--scale", "demo")
    assert not GenerationRun.objects.exists()


def test_refuses_an_unknown_province(tree: Any) -> None:
    with pytest.raises(CommandError, match="mã 99"):
        generate("--scale", "province", "--province", "99")


def test_demo_fills_the_province_communes(tree: Any) -> None:
    output = generate("--scale", "demo", "--seed", "7")
    assert "Đã sinh" in output
    places = Unit.objects.filter(level=Level.NEIGHBOURHOOD)
    assert set(places.values_list("parent_id", flat=True)) == {tree.commune_a.pk, tree.commune_b.pk}
    assert {p.kind for p in places} == {Kind.KHOM}  # wards of the Mekong delta
    assert rebuild_paths() == 0  # paths and depths are those the tree derives
    for place in places.select_related("parent"):
        expected = Unit(pk=place.pk, name=place.name, parent=place.parent)
        set_derived_fields(expected)
        assert (place.path, place.depth, place.name_folded, place.sort_key) == (
            expected.path, expected.depth, expected.name_folded, expected.sort_key,
        )  # fmt: skip
        assert place.code.startswith(place.parent.code + "-") and not place.is_official


def test_organizations_people_and_positions(tree: Any) -> None:
    generate("--scale", "demo", "--seed", "7")
    commune = tree.commune_a
    current = Organization.objects.filter(unit=commune, valid_to__isnull=True)
    assert current.count() == 9
    front = current.get(kind__code="mttq")
    assert front.children.filter(unit=commune).count() == 5
    boards = Organization.objects.filter(kind__code="ban_cong_tac_mat_tran", parent=front)
    assert boards.count() == Unit.objects.filter(parent=commune, level=Level.NEIGHBOURHOOD).count()
    assert Organization.objects.filter(unit__level=Level.PROVINCE, unit=tree.province).count() == 9
    for organization in Organization.objects.all()[:50]:
        assert organization.name_folded == fold(organization.name)
        assert organization.sort_key == sort_key(organization.name)
    held = Counter(Position.objects.filter(end_date__isnull=True).values_list("person_id", flat=True))
    assert max(held.values()) >= 2  # e.g. the Chủ tịch UBND is also a Phó Bí thư
    person = Person.objects.first()
    assert person is not None and person.name_folded == fold(person.full_name)
    assert UnitSetting.objects.filter(unit=commune, records_keeper__unit=commune).exists()


def test_former_commune_gets_its_bodies_until_the_reform(tree: Any) -> None:
    generate("--scale", "demo", "--years", "5")
    old = Organization.objects.filter(unit=tree.legacy_commune)
    assert old.count() == 3 and set(old.values_list("valid_to", flat=True)) == {LEGACY_END}
    ends = set(Position.objects.filter(organization__in=old).values_list("end_date", flat=True))
    assert LEGACY_END in ends and None not in ends


def test_no_history_before_the_window(tree: Any) -> None:
    generate("--scale", "demo", "--years", "0")
    assert not Organization.objects.filter(unit=tree.legacy_commune).exists()


def test_users_and_grants(tree: Any) -> None:
    generate("--scale", "demo")
    reporter = User.objects.get(username=f"nhaplieu.{tree.commune_a.code}")
    assert list(reporter.grants.values_list("role", "unit_id")) == [(Role.REPORTER, tree.commune_a.pk)]
    assert reporter.search_folded == fold(f"{reporter.username} {reporter.full_name}")
    front_reporter = Grant.objects.get(user__username=f"mttq.{tree.commune_a.code}")
    assert front_reporter.organization is not None and front_reporter.organization.kind.code == "mttq"
    assert Grant.objects.filter(role=Role.APPROVER, unit=tree.province).count() == 2
    assert Grant.objects.filter(role=Role.SYSTEM_ADMIN, unit__isnull=True).count() == 1
    assert User.objects.get(username="lanhdao.92.1").check_password(DEFAULT_PASSWORD)
    assert not Grant.objects.filter(unit=tree.other_province).exists()


def test_same_generation_twice_writes_nothing_and_another_is_refused(tree: Any) -> None:
    generate("--scale", "demo", "--seed", "3")
    people = Person.objects.count()
    assert "không ghi gì thêm" in generate("--scale", "demo", "--seed", "3")
    assert Person.objects.count() == people and GenerationRun.objects.count() == 1
    with pytest.raises(CommandError, match="cơ sở dữ liệu khác"):
        generate("--scale", "demo", "--seed", "4")


def _snapshot(seed: int) -> list[tuple[Any, ...]]:
    class Rollback(Exception):
        pass

    rows: list[tuple[Any, ...]] = []
    try:
        with transaction.atomic():
            dataset_generate(scale=Scale.DEMO, seed=seed, years=5, province_code="92")
            rows += Unit.objects.filter(level=Level.NEIGHBOURHOOD).order_by("pk").values_list("code", "name")
            rows += Person.objects.order_by("pk").values_list("full_name", "gender", "birth_year")
            rows += Position.objects.order_by("pk").values_list("title", "start_date", "end_date")
            rows += User.objects.order_by("pk").values_list("username", "full_name")
            raise Rollback
    except Rollback:
        pass
    return rows


def test_deterministic_for_a_seed(tree: Any) -> None:
    first = _snapshot(11)
    assert first and first == _snapshot(11)
    assert first != _snapshot(12)


def test_national_covers_every_province(tree: Any) -> None:
    generate("--scale", "national")
    mountain = Unit.objects.filter(level=Level.NEIGHBOURHOOD, parent=tree.commune_c)
    assert mountain.exists() and {u.kind for u in mountain} == {Kind.TO_DAN_PHO}  # wards of Cao Bằng
    assert Grant.objects.filter(role=Role.APPROVER, unit=tree.other_province).count() == 2
    assert GenerationRun.objects.get().province_code == ""


def test_regions_and_names() -> None:
    assert region_of("92") is Region.MEKONG and region_of("4") is Region.NORTH_MOUNTAIN
    rng = random.Random(1)
    southern = Counter(person_name(rng, Region.MEKONG).full_name.split()[0] for _ in range(3000))
    northern = Counter(person_name(rng, Region.NORTH_DELTA).full_name.split()[0] for _ in range(3000))
    assert southern["Huỳnh"] and not southern["Hoàng"] and northern["Hoàng"] and not northern["Huỳnh"]
    assert 0.3 < northern["Nguyễn"] / 3000 < 0.46
    names = neighbourhood_names(rng, Region.NORTH_MOUNTAIN, Kind.XA, 80)
    assert len({fold(name) for name, _kind in names}) == 80
    assert {kind for _name, kind in names} <= {Kind.BAN, Kind.THON, Kind.XOM}


def test_practices_derived_columns_and_mix(tree: Any) -> None:
    from danvan.practices.models import RECOGNIZED_STATUSES, Kind, Practice, Status, StatusChange
    from danvan.practices.services.registration import derive

    generate("--scale", "demo", "--seed", "5", "--years", "3")
    practices = Practice.objects.select_related("unit", "organization__kind")
    assert 3 * 2 * 9 <= practices.count() <= 3 * 2 * 27  # 2 communes × 3 years × 9..27
    assert StatusChange.objects.count() == practices.count()
    for practice in practices:
        expected = Practice(
            **{f.attname: getattr(practice, f.attname) for f in Practice._meta.concrete_fields}
        )
        expected.unit, expected.organization = practice.unit, practice.organization
        derive(expected)
        for column in ("unit_path", "commune_path", "level", "body_type", "name_folded", "sort_key"):
            assert getattr(practice, column) == getattr(expected, column), column
        assert practice.search_text == expected.search_text
        assert 1 <= practice.registered_at.month <= 4
        if practice.source_id:
            assert practice.source.year < practice.year and practice.source.status in RECOGNIZED_STATUSES
    years = sorted(set(practices.values_list("year", flat=True)))
    assert len(years) == 3
    current = practices.filter(year=years[-1])
    assert not current.filter(status__in=RECOGNIZED_STATUSES).exists()
    assert current.filter(status=Status.REGISTERED).exists()
    assert practices.filter(year=years[0], status__in=RECOGNIZED_STATUSES).exists()
    assert {p.level for p in practices} == {Level.COMMUNE, Level.NEIGHBOURHOOD}
    assert practices.filter(kind=Kind.MODEL).count() > practices.filter(kind=Kind.EXEMPLAR).count()
    assert not practices.filter(kind=Kind.EXEMPLAR, organization__isnull=True).exists()


def test_only_adds_a_domain_to_the_same_generation(tree: Any) -> None:
    from danvan.practices.models import Practice

    with transaction.atomic():
        generate("--scale", "demo", "--seed", "5", "--years", "2")
    first = sorted(Practice.objects.values_list("name", "unit_id", "organization_id", "year", "status"))
    Practice.objects.update(source=None)
    Practice.objects.all().delete()  # status changes cascade
    run = GenerationRun.objects.get()
    run.rows = {k: v for k, v in run.rows.items() if not k.startswith("practices_")}
    run.save()
    assert "practices_practice" in generate(
        "--scale", "demo", "--seed", "5", "--years", "2", "--only", "practices"
    )
    again = sorted(Practice.objects.values_list("name", "unit_id", "organization_id", "year", "status"))
    assert again == first  # the same practices as in a full run
    with pytest.raises(CommandError, match="rồi"):
        generate("--scale", "demo", "--seed", "5", "--years", "2", "--only", "practices")
    with pytest.raises(CommandError, match="đúng lần sinh"):
        generate("--scale", "demo", "--seed", "6", "--years", "2", "--only", "practices")


def _foreign_keys() -> set[tuple[str, str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f'"
        )
        return set(cursor.fetchall())


def test_foreign_keys_are_back_after_a_generation_and_still_checked(tree: Any) -> None:
    """PostgreSQL drops the project's foreign keys for the load and adds them again (one check per
    key instead of one per row): they are all there afterwards, and a dangling id fails the load."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite keeps its keys during a load")
    before = _foreign_keys()
    assert any(table == "orgs_organization" for table, _name, _definition in before)
    generate("--scale", "demo", "--seed", "7")
    assert _foreign_keys() == before
    count = Organization.objects.count()
    with pytest.raises(IntegrityError), transaction.atomic(), foreign_keys_checked_once():
        organization = Organization.objects.filter(unit=tree.commune_a).first()
        assert organization is not None
        Organization.objects.filter(pk=organization.pk).update(unit_id=999_999_999)
    assert Organization.objects.count() == count and _foreign_keys() == before
    assert Organization.objects.filter(unit_id=999_999_999).count() == 0
