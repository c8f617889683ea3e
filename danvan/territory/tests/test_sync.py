"""The sync on small synthetic sources: create, re-run, apply changes, delete only what is unused."""

import dataclasses

import pytest

from danvan.audit.models import AuditEvent
from danvan.orgs.models import Organization, OrganizationKind
from danvan.territory.models import LEGACY_END, REFORM_DATE, Kind, Level, Unit, UnitLineage
from danvan.territory.services import neighbourhood_create, territory_sync
from danvan.territory.source import LineageRecord, TerritoryData, UnitRecord

pytestmark = pytest.mark.django_db


def rec(code, name, level, kind, parent=None, legacy=False):
    valid_from, valid_to = (None, LEGACY_END) if legacy else (REFORM_DATE, None)
    return UnitRecord(code, name, kind, level, valid_from, valid_to, parent)


HN_NEW, HN_OLD = ("01", REFORM_DATE), ("01", None)
UNITS = [
    rec("01", "Thành phố Hà Nội", Level.PROVINCE, Kind.THANH_PHO_TW),
    rec("00004", "Phường Ba Đình", Level.COMMUNE, Kind.PHUONG, HN_NEW),
    rec("00008", "Phường Ngọc Hà", Level.COMMUNE, Kind.PHUONG, HN_NEW),
    rec("01", "Thành phố Hà Nội", Level.PROVINCE, Kind.THANH_PHO_TW, legacy=True),
    rec("001", "Quận Ba Đình", Level.DISTRICT, Kind.QUAN, HN_OLD, legacy=True),
    rec("00001", "Phường Phúc Xá", Level.COMMUNE, Kind.PHUONG, ("001", None), legacy=True),
    rec("00016", "Phường Ngọc Hà", Level.COMMUNE, Kind.PHUONG, ("001", None), legacy=True),
]
LINKS = [
    LineageRecord(HN_OLD, HN_NEW, False),
    LineageRecord(("00001", None), ("00004", REFORM_DATE), False),
    LineageRecord(("00016", None), ("00004", REFORM_DATE), True),
    LineageRecord(("00016", None), ("00008", REFORM_DATE), True),
    LineageRecord(("001", None), ("00004", REFORM_DATE), True),
    LineageRecord(("001", None), ("00008", REFORM_DATE), True),
]


def data(units=UNITS, links=LINKS):
    return TerritoryData(units=list(units), lineage=list(links), version="thử nghiệm")


def snapshot():
    units = Unit.objects.order_by("pk").values_list(
        "pk", "code", "name", "kind", "parent_id", "path", "depth", "valid_to", "updated_at"
    )
    return list(units), list(UnitLineage.objects.order_by("pk").values_list())


def test_sync_creates_units_paths_lineage_and_one_audit_event():
    report = territory_sync(data=data())
    assert (report.levels["province"].created, report.levels["commune"].created) == (2, 4)
    assert (report.levels["commune"].current, report.levels["commune"].legacy) == (2, 2)
    assert report.lineage_created == 6
    ward = Unit.objects.get(code="00016")
    assert ward.parent.code == "001" and ward.depth == 2
    assert ward.path == ward.parent.parent.path + ward.parent.path[8:] + f"{ward.pk:08d}"
    assert ward.name_folded == "phuong ngoc ha"
    assert UnitLineage.objects.filter(predecessor=ward, partial=True).count() == 2
    event = AuditEvent.objects.get(action="territory.sync")
    assert event.object_type == "territory.unit" and event.changes["commune.created"] == 4
    assert event.actor is None


def test_second_run_changes_nothing():
    territory_sync(data=data())
    before = snapshot()
    report = territory_sync(data=data())
    assert report.changed == 0 and report.paths_rebuilt == 0
    assert snapshot() == before
    assert AuditEvent.objects.filter(action="territory.sync").count() == 2


def test_new_names_kinds_parents_and_lineage_are_applied():
    territory_sync(data=data())
    units = list(UNITS)
    units[1] = dataclasses.replace(units[1], name="Phường Ba Đình Mới", kind=Kind.XA)
    units.insert(1, rec("04", "Tỉnh Cao Bằng", Level.PROVINCE, Kind.TINH))
    units[3] = dataclasses.replace(units[3], parent=("04", REFORM_DATE))  # Ngọc Hà moved
    links = [*LINKS[:4], dataclasses.replace(LINKS[4], partial=False)]  # last link dropped
    report = territory_sync(data=data(units, links))
    assert (report.levels["province"].created, report.levels["commune"].updated) == (1, 2)
    assert (report.lineage_updated, report.lineage_deleted) == (1, 1)
    ba_dinh = Unit.objects.get(code="00004")
    assert (ba_dinh.name, ba_dinh.kind, ba_dinh.name_folded) == (
        "Phường Ba Đình Mới",
        Kind.XA,
        "phuong ba dinh moi",
    )
    ngoc_ha = Unit.objects.get(code="00008")
    cao_bang = Unit.objects.get(code="04")
    assert ngoc_ha.parent == cao_bang and ngoc_ha.path.startswith(cao_bang.path)
    assert not UnitLineage.objects.filter(predecessor__code="001", successor=ngoc_ha).exists()


def test_unit_gone_from_source_is_deleted_only_when_unused(personas, tree):
    # personas hold grants on P, A, B and Q; S and its ward are in lineage; C is used by nothing.
    neighbourhood = neighbourhood_create(commune=tree.commune_b, name="Khóm 3", kind=Kind.KHOM, actor=None)
    before = set(Unit.objects.values_list("pk", flat=True))
    report = territory_sync(data=data())
    remaining = set(Unit.objects.values_list("pk", flat=True))
    assert before - remaining == {tree.commune_c.pk}
    assert (report.levels["commune"].deleted, report.levels["commune"].kept) == (1, 3)
    assert (report.levels["province"].deleted, report.levels["province"].kept) == (0, 3)
    assert Unit.objects.filter(pk=neighbourhood.pk).exists()  # neighbourhoods are never synced


def test_unit_with_an_organization_is_kept(tree):
    kind = OrganizationKind.objects.create(code="thu-nghiem-dia-ban", name="Loại thử nghiệm")
    Organization.objects.create(unit=tree.commune_c, kind=kind, name="Ủy ban MTTQ phường Thục Phán")
    territory_sync(data=data())
    assert Unit.objects.filter(pk=tree.commune_c.pk).exists()
    assert not Unit.objects.filter(pk=tree.commune_b.pk).exists()  # no grant, no organization


def test_load_territory_command_prints_counts_per_level(monkeypatch):
    from io import StringIO

    from django.core.management import call_command

    monkeypatch.setattr("danvan.territory.services.sync.package_territory", data)
    out = StringIO()
    call_command("load_territory", stdout=out)
    text = out.getvalue()
    assert "Cấp tỉnh: 1 hiện hành, 1 trước 1/7/2025 — thêm 2" in text
    assert "Cấp xã: 2 hiện hành, 2 trước 1/7/2025 — thêm 4" in text
    assert "Quan hệ sáp nhập: 6 — thêm 6" in text and "Xong trong" in text
