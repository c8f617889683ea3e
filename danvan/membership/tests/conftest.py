import datetime as dt
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from openpyxl import Workbook

from danvan.audit.models import AuditEvent
from danvan.core.text import fold, sort_key
from danvan.membership.models import EligiblePopulation, Member, MemberImport, Membership
from danvan.membership.services.imports import COLUMNS
from danvan.orgs.models import Organization, OrganizationKind

KINDS = {
    "hoi_phu_nu": "Hội Liên hiệp Phụ nữ",
    "hoi_nong_dan": "Hội Nông dân",
    "doan_thanh_nien": "Đoàn TNCS Hồ Chí Minh",
    "cong_doan": "Công đoàn",
}


def make_org(unit: Any, kind_code: str) -> Organization:
    kind, _ = OrganizationKind.objects.get_or_create(
        code=kind_code, defaults={"name": KINDS.get(kind_code, kind_code)}
    )
    name = f"{kind.name} {unit.name}"
    return Organization.objects.create(
        unit=unit, kind=kind, name=name, name_folded=fold(name), sort_key=sort_key(name)
    )


@pytest.fixture
def orgs(tree: Any) -> dict[str, Organization]:
    """The women's union, farmers' union and youth union of commune A, women's union of B and C."""
    return {
        "women_a": make_org(tree.commune_a, "hoi_phu_nu"),
        "farmers_a": make_org(tree.commune_a, "hoi_nong_dan"),
        "youth_a": make_org(tree.commune_a, "doan_thanh_nien"),
        "women_b": make_org(tree.commune_b, "hoi_phu_nu"),
        "women_c": make_org(tree.commune_c, "hoi_phu_nu"),
    }


def workbook(rows: list[list[Any]], header: list[str] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header or list(COLUMNS.values()))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def row(
    name: str = "Nguyễn Thị Lan",
    birth: str = "15/03/1985",
    gender: str = "Nữ",
    id_number: str = "",
    joined: str = "01/06/2010",
    role: str = "",
) -> list[Any]:
    return [name, birth, gender, id_number, joined, role]


def snapshot() -> tuple[Any, ...]:
    return (
        list(Member.objects.order_by("pk").values()),
        list(Membership.objects.order_by("pk").values()),
        list(EligiblePopulation.objects.order_by("pk").values()),
        list(MemberImport.objects.order_by("pk").values_list("pk", "done")),
        AuditEvent.objects.count(),
    )


@pytest.fixture
def unchanged() -> Callable[[], Any]:
    @contextmanager
    def check() -> Iterator[None]:
        before = snapshot()
        yield
        assert snapshot() == before

    return check


DAY = dt.date(2024, 6, 1)
