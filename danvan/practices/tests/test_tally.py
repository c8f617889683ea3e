"""The tally behind the statistics: every service keeps it equal to a rebuild from the registry,
and the figures read from it equal the same figures counted directly over the registry rows."""

import datetime as dt

import pytest
from django.db.models import Count, Q

from danvan.accounts.scope import scope_for
from danvan.orgs.models import OrganizationKind
from danvan.practices.models import Practice, PracticeCell, PracticeField, Status
from danvan.practices.services.imports import practices_import
from danvan.practices.services.registration import practice_update
from danvan.practices.services.replication import practice_adopt
from danvan.practices.services.tally import body_group, tally_rebuild, tally_snapshot
from danvan.practices.stats import practice_stats
from danvan.practices.tests.conftest import make_org, move
from danvan.practices.tests.test_import import row, workbook
from danvan.territory.models import Kind, Level
from danvan.territory.selectors import history_paths
from danvan.territory.tests.factories import UnitFactory
from danvan.territory.tree import subtree_q


@pytest.fixture
def society(db):
    field, _ = PracticeField.objects.get_or_create(
        code="van-hoa-xa-hoi", province=None, year=None, defaults={"name": "Văn hóa – xã hội", "order": 20}
    )
    return field


@pytest.fixture
def hamlet(tree):
    return UnitFactory(
        name="Khóm 3", code="", kind=Kind.KHOM, level=Level.NEIGHBOURHOOD, parent=tree.commune_a
    )


def assert_tally_matches_a_rebuild():
    incremental = tally_snapshot()
    tally_rebuild()
    assert tally_snapshot() == incremental


def direct_counts(unit, year):
    """The oracle: the figures counted over the registry rows themselves."""
    rows = (
        Practice.objects.all()
        if unit is None
        else Practice.objects.filter(subtree_q(history_paths(unit), "unit_path"))
    )
    if year:
        rows = rows.filter(year=year)
    totals = rows.aggregate(
        total=Count("id"),
        replications=Count("id", filter=Q(source__isnull=False)),
        late=Count("id", filter=Q(is_late=True)),
        communes=Count("commune_path", distinct=True, filter=~Q(commune_path="")),
        neighbourhoods=Count("unit_path", distinct=True, filter=Q(level=Level.NEIGHBOURHOOD)),
    )
    by_status = dict(rows.values_list("status").annotate(n=Count("id")))
    bodies: dict[str, set] = {}
    for body_type, organization, unit_id in rows.values_list("body_type", "organization_id", "unit_id"):
        bodies.setdefault(body_group(body_type), set()).add(organization or unit_id)
    return totals, by_status, {group: len(ids) for group, ids in bodies.items()}


def assert_stats_equal_direct_counts(unit, year):
    stats = practice_stats(unit=unit, year=year)
    totals, by_status, bodies = direct_counts(unit, year)
    assert stats.total == totals["total"]
    assert stats.replications == totals["replications"]
    assert stats.late == totals["late"]
    assert stats.by_status == by_status
    assert stats.bodies == bodies
    below_commune = unit is not None and unit.level == Level.NEIGHBOURHOOD
    assert stats.communes_registered == (0 if below_commune else totals["communes"])
    assert stats.neighbourhoods_registered == totals["neighbourhoods"]


def test_every_service_keeps_the_tally_equal_to_a_rebuild(
    personas, tree, register, recognize, economy, society, hamlet
):
    cell_kind, _ = OrganizationKind.objects.get_or_create(code="chi_bo_dang_bo", defaults={"name": "Chi bộ"})
    party_cell = make_org(tree.commune_a, "Chi bộ khóm 3", kind_code=cell_kind.code)
    school = make_org(tree.commune_b, "Trường Tiểu học Phú Lợi", kind_code="truong_hoc")

    first = register("Tổ tự quản đường hoa")
    register("Bếp ăn 0 đồng", unit=hamlet, field=society)
    register("Chi bộ gương mẫu", organization=party_cell)
    register("Chi bộ gương mẫu (2)", organization=party_cell)  # the same body: counted once
    register("Thư viện xanh", user=personas.reporter_b, unit=tree.commune_b, organization=school)
    register("Mô hình năm trước", year=2025)
    old = register("Mô hình của phường cũ", user=personas.admin, unit=tree.legacy_commune, year=2024)
    assert_tally_matches_a_rebuild()

    recognized = recognize(first)
    commended = move(recognized, personas.approver, Status.OUTSTANDING, Status.COMMENDED)
    move(old, personas.admin, Status.IN_PROGRESS, Status.PAUSED, reason="Thiếu kinh phí")
    practice_adopt(
        actor=personas.reporter_b,
        scope=scope_for(personas.reporter_b),
        source=commended,
        unit=tree.commune_b,
        year=2026,
    )
    second = Practice.objects.get(name="Bếp ăn 0 đồng")
    practice_update(actor=personas.reporter_a, practice=second, values={"field": economy})
    practices_import(
        actor=personas.reporter_a,
        scope=scope_for(personas.reporter_a),
        data=workbook([row(name="Nhập từ Excel 1"), row(name="Nhập từ Excel 2", field="van-hoa-xa-hoi")]),
        keep_valid_only=False,
    )
    assert_tally_matches_a_rebuild()

    for unit in (None, tree.province, tree.commune_a, tree.commune_b, hamlet, tree.legacy_province):
        for year in (None, 2024, 2026):
            assert_stats_equal_direct_counts(unit, year)


def test_old_units_count_in_the_new_province_once(personas, tree, register):
    register("Mô hình phường cũ", user=personas.admin, unit=tree.legacy_commune, year=2025)
    register("Mô hình phường mới", year=2025)
    nation, province, old = (
        practice_stats(unit=u, year=2025) for u in (None, tree.province, tree.legacy_province)
    )
    assert (nation.total, province.total, old.total) == (2, 2, 1)
    assert (nation.communes_registered, province.communes_registered) == (2, 2)
    # The old ward is counted at the new ward it was merged into, at the nation once.
    assert practice_stats(unit=tree.commune_a, year=2025).total == 2
    assert PracticeCell.objects.filter(node=0, year=2025).values_list("n", flat=True).count() == 1


def test_a_refused_step_leaves_the_tally_as_it_was(personas, register, unchanged):
    practice = register()
    before = tally_snapshot()
    with pytest.raises(Exception, match="Không thể chuyển"):
        move(practice, personas.approver, Status.COMMENDED)
    assert tally_snapshot() == before


def test_the_migration_state_and_a_rebuild_agree_on_an_empty_registry(db):
    assert tally_rebuild() == {"cells": 0, "presence": 0, "reach": 0}
    stats = practice_stats(unit=None, year=dt.date.today().year)
    assert stats.total == 0 and stats.bodies == {} and stats.communes_registered == 0
