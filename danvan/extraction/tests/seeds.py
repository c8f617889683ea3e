"""The places of the five seed articles as the real territory has them (official codes of the former
districts, their former provinces, a former commune each and today's commune it went into), the
demo's bodies and people there, and a reviewer who corrects a review the way a person would."""

import importlib
import json
from pathlib import Path
from typing import Any

from django.apps import apps as django_apps
from django.test import Client

from danvan.accounts.models import Grant, Role, User
from danvan.core.text import fold
from danvan.territory.models import LEGACY_END, REFORM_DATE, Kind, Level, Unit, UnitLineage
from danvan.territory.tests.factories import UnitFactory

SEEDS_DIR = Path(__file__).resolve().parents[4] / "shared" / "seeds"
ANNOTATIONS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"

# key, former province (code, name), former district (code, name, kind), former communes,
# today's province (code, name, kind), today's communes
PLACES = [
    ("soc_trang", ("94", "Tỉnh Sóc Trăng"), ("941", "Thành phố Sóc Trăng", Kind.THANH_PHO),
     ["Phường 5", "Phường 2"], ("92", "Thành phố Cần Thơ", Kind.THANH_PHO_TW),
     [("31507", "Phường Sóc Trăng"), ("31510", "Phường Phú Lợi")]),
    ("cao_bang", ("04", "Tỉnh Cao Bằng"), ("040", "Thành phố Cao Bằng", Kind.THANH_PHO),
     ["Phường Sông Hiến"], ("04", "Tỉnh Cao Bằng", Kind.TINH), [("01273", "Phường Thục Phán")]),
    ("thoai_son", ("89", "Tỉnh An Giang"), ("894", "Huyện Thoại Sơn", Kind.HUYEN),
     ["Thị trấn Núi Sập"], ("91", "Tỉnh An Giang", Kind.TINH), [("30682", "Xã Thoại Sơn")]),
    ("hong_ngu", ("87", "Tỉnh Đồng Tháp"), ("868", "Thành phố Hồng Ngự", Kind.THANH_PHO),
     ["Phường An Thạnh"], ("82", "Tỉnh Đồng Tháp", Kind.TINH), [("29955", "Phường Hồng Ngự")]),
    ("long_dien", ("77", "Tỉnh Bà Rịa - Vũng Tàu"), ("753", "Huyện Long Đất", Kind.HUYEN),
     ["Thị trấn Long Điền"], ("79", "Thành phố Hồ Chí Minh", Kind.THANH_PHO_TW),
     [("26659", "Xã Long Điền")]),
]  # fmt: skip


def _legacy(**kw: Any) -> Unit:
    return UnitFactory(valid_from=None, valid_to=LEGACY_END, **kw)


def _commune_kind(name: str) -> str:
    return Kind.PHUONG if name.startswith("Phường") else Kind.THI_TRAN if name.startswith("Thị") else Kind.XA


REFERENCE_DATA = (  # (data migration, a model it fills): reloaded when a flushing test emptied it
    ("danvan.orgs.migrations.0003_seed_organization_kinds", "orgs.OrganizationKind"),
    ("danvan.practices.migrations.0002_default_fields_and_criteria", "practices.PracticeField"),
    ("danvan.reporting.migrations.0002_standard_forms", "reporting.ReportForm"),
    ("danvan.campaigns.migrations.0002_seed_item_kinds_and_groups", "campaigns.ItemKind"),
)


def ensure_reference_data() -> None:
    """The rows the data migrations seed, for a browser test that runs after a flushing one."""
    for module, model in REFERENCE_DATA:
        if not django_apps.get_model(model).objects.exists():
            importlib.import_module(module).seed(django_apps, None)


def build_places() -> list[Unit]:
    """The units, their lineage, then the demo's bodies, people and logins (no other app's demo)."""
    from danvan.demo import services

    ensure_reference_data()

    provinces = []
    for _key, (old_code, old_name), (d_code, d_name, d_kind), olds, new, news in PLACES:
        old_province = _legacy(code=old_code, name=old_name, kind=Kind.TINH, level=Level.PROVINCE)
        district = _legacy(code=d_code, name=d_name, kind=d_kind, level=Level.DISTRICT, parent=old_province)
        old_units = [
            _legacy(code=f"{d_code}0{i}", name=n, kind=_commune_kind(n), level=Level.COMMUNE, parent=district)
            for i, n in enumerate(olds)
        ]
        province = UnitFactory(
            code=new[0], name=new[1], kind=new[2], level=Level.PROVINCE, valid_from=REFORM_DATE
        )
        UnitLineage.objects.create(predecessor=old_province, successor=province)
        new_units = [
            UnitFactory(code=c, name=n, kind=_commune_kind(n), level=Level.COMMUNE, parent=province)
            for c, n in news
        ]
        for i, old in enumerate(old_units):
            UnitLineage.objects.create(predecessor=old, successor=new_units[min(i, len(new_units) - 1)])
        provinces.append(province)
    saved, services.DOMAIN_DEMOS = services.DOMAIN_DEMOS, []
    try:
        services.demo_load()
    finally:
        services.DOMAIN_DEMOS = saved
    return provinces


def archivist(provinces: list[Unit]) -> User:
    """A reporter of today's five provinces, who brings their history in (former districts)."""
    user = User.objects.create_user(username="luu.tru", full_name="Cán bộ lưu trữ")
    for province in provinces:
        Grant.objects.create(user=user, role=Role.REPORTER, unit=province)
    return user


def seed_names() -> list[str]:
    return sorted(p.stem for p in ANNOTATIONS.glob("*.json"))


def annotation(name: str) -> dict[str, Any]:
    return json.loads((ANNOTATIONS / f"{name}.json").read_text(encoding="utf-8"))


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def corrected_tasks(
    fields: dict[str, Any], predicted: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> None:
    """Keep the proposed tasks the article states, untick the others, type in the ones missed."""
    for index, task in enumerate(predicted):
        if not any(_overlaps(task, g) for g in gold):
            fields.pop(f"task-{index}-keep", None)
    missed = [g["text"] for g in gold if not any(_overlaps(task, g) for task in predicted)]
    fields["newtasks"] = "\n".join(missed)


def upload(client: Client, name: str) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = (SEEDS_DIR / f"{name}.txt").read_bytes()
    return client.post("/nhap-van-ban/", {"file": SimpleUploadedFile(f"{name}.txt", data)})


def same_text(a: str, b: str) -> bool:
    x, y = fold(a).strip(" .;"), fold(b).strip(" .;")
    return x in y or y in x
