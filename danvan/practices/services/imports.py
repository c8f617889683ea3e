"""Registering many models at once from an Excel sheet (a province collects its communes' lists).

Every row is checked like a registration form. By default nothing is saved when any row is wrong;
with keep_valid_only the valid rows are saved and the wrong ones listed. One audit event.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import DomainError
from danvan.core.excel import RowErrors, SheetRow, read_rows, template_workbook
from danvan.core.parsing import MoneyError, parse_date, parse_money
from danvan.core.text import fold
from danvan.orgs.models import Organization
from danvan.practices.models import Kind, Practice, PracticeField, Status, StatusChange, Subject
from danvan.practices.services.registration import (
    Registration,
    fields_for,
    is_late,
    practice_build,
)
from danvan.practices.services.tally import tally_add
from danvan.territory.models import PATH_SEGMENT, Unit

IMPORT_COLUMNS = {
    "unit": "Mã đơn vị",
    "year": "Năm",
    "field": "Lĩnh vực",
    "kind": "Loại",
    "organization": "Tổ chức đăng ký",
    "name": "Tên mô hình, điển hình",
    "problem": "Vấn đề đặt ra và lý do",
    "goals": "Mục tiêu",
    "success_criteria": "Tiêu chí đánh giá thành công",
    "activities": "Nội dung, cách làm",
    "place": "Địa điểm",
    "target_people": "Đối tượng hướng đến",
    "lead_forces": "Lực lượng chủ trì",
    "partner_forces": "Lực lượng phối hợp",
    "budget": "Kinh phí (đồng)",
    "workdays": "Ngày công",
    "contributions": "Đóng góp khác",
    "start_date": "Ngày bắt đầu",
    "milestones": "Các mốc thực hiện",
    "evaluation_date": "Ngày đánh giá dự kiến",
    "outputs": "Kết quả kiểm chứng được",
    "sustainability": "Khả năng duy trì, nhân rộng",
}
TEXT_COLUMNS = {
    "problem": None,
    "goals": None,
    "success_criteria": None,
    "activities": None,
    "place": 300,
    "target_people": 300,
    "lead_forces": 300,
    "partner_forces": 300,
    "contributions": None,
    "milestones": None,
    "outputs": None,
    "sustainability": None,
}
KINDS = {
    fold("Mô hình"): (Kind.MODEL, ""),
    "mo_hinh": (Kind.MODEL, ""),
    fold("Điển hình tập thể"): (Kind.EXEMPLAR, Subject.COLLECTIVE),
}
INDIVIDUAL = fold("Điển hình cá nhân")


@dataclass
class ImportReport:
    rows: int = 0
    created: list[Practice] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def error_lines(self) -> list[str]:
        return [f"Dòng {row}: {message}" for row, message in self.errors]


def practices_import_template() -> bytes:
    example = ["31510", 2026, "Kinh tế", "Mô hình", "", "Tổ Nhân dân tự quản giữ gìn vệ sinh môi trường"]
    example += ["Rác thải sinh hoạt ứ đọng ở các tuyến hẻm", "Khóm sạch, đẹp", "100% hộ phân loại rác"]
    example += ["Ra quân dọn vệ sinh mỗi tháng", "Khóm 3", "Hộ dân trong khóm", "Ban công tác Mặt trận"]
    example += ["Chi hội Phụ nữ, Đoàn Thanh niên", "15 triệu", 120, "Cây xanh, dụng cụ", "01/03/2026"]
    example += ["Tháng 6: sơ kết", "15/11/2026", "Ảnh trước, sau; biên bản", "Giao tổ tự quản duy trì"]
    return template_workbook(IMPORT_COLUMNS, [example], "Đăng ký Dân vận khéo")


@dataclass
class _Lookups:
    """What the rows refer to, fetched once for the whole sheet."""

    scope: UserScope
    units: dict[str, Unit]
    organizations: dict[tuple[int, str], Organization]
    fields: dict[tuple[int, int], list[PracticeField]] = field(default_factory=dict)
    late: dict[tuple[int, int], bool] = field(default_factory=dict)

    def fields_for(self, unit: Unit, year: int) -> list[PracticeField]:
        key = (unit.ancestor_ids()[0] if unit.depth else unit.pk, year)
        if key not in self.fields:
            self.fields[key] = fields_for(unit, year)
        return self.fields[key]

    def is_late(self, unit: Unit, year: int, today: dt.date) -> bool:
        if (unit.pk, year) not in self.late:
            self.late[(unit.pk, year)] = is_late(unit, year, today)
        return self.late[(unit.pk, year)]


def _lookups(scope: UserScope, sheet: list[SheetRow]) -> _Lookups:
    codes = {str(r.values["unit"]).strip() for r in sheet if r.values["unit"] is not None}
    today = timezone.localdate()
    units = {u.code: u for u in Unit.objects.valid_on(today).filter(code__in=codes)}
    names = {fold(str(r.values["organization"])) for r in sheet if r.values["organization"]}
    organizations = Organization.objects.filter(
        unit__in=list(units.values()), name_folded__in=names, valid_to__isnull=True
    ).select_related("kind")
    return _Lookups(scope, units, {(o.unit_id, o.name_folded): o for o in organizations})


def _whole_number(value: Any, label: str, low: int, high: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        text = str(value).strip()
        text = text.replace(".", "") if re.fullmatch(r"\d{1,3}(\.\d{3})+", text) else text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"{label} «{text[:30]}» không phải là số.") from None
    if number != int(number) or not low <= number <= high:
        raise ValueError(f"{label} phải là số nguyên từ {low} đến {high}.")
    return int(number)


def _text(value: Any, label: str, limit: int | None) -> str:
    text = "" if value is None else str(value).strip()
    if limit is not None and len(text) > limit:
        raise ValueError(f"{label} dài quá {limit} ký tự.")
    return text


def _unit(lookups: _Lookups, value: Any) -> Unit:
    code = _text(value, "Mã đơn vị", 16)
    unit = lookups.units.get(code)
    if not code:
        raise ValueError("thiếu mã đơn vị.")
    if unit is None or not lookups.scope.covers(unit, Role.REPORTER):
        raise ValueError(f"không có đơn vị mã «{code}» đang có hiệu lực trong phạm vi bạn được nhập liệu.")
    return unit


def _kind(value: Any) -> tuple[str, str]:
    folded = fold(_text(value, "Loại", 60))
    if folded == INDIVIDUAL:
        raise ValueError("điển hình cá nhân cần chọn người trên trang đăng ký, không nhập từ Excel.")
    if folded not in KINDS:
        raise ValueError("cột Loại ghi «Mô hình» hoặc «Điển hình tập thể».")
    return KINDS[folded]


def _field(lookups: _Lookups, unit: Unit, year: int, value: Any) -> PracticeField:
    wanted = fold(_text(value, "Lĩnh vực", 120))
    for candidate in lookups.fields_for(unit, year):
        if wanted in (candidate.code, fold(candidate.name)):
            return candidate
    names = ", ".join(f.name for f in lookups.fields_for(unit, year))
    raise ValueError(f"lĩnh vực «{value or ''}» không có trong danh mục ({names}).")


def _organization(lookups: _Lookups, unit: Unit, value: Any) -> Organization | None:
    if value is None:
        return None
    found = lookups.organizations.get((unit.pk, fold(str(value))))
    if found is None:
        raise ValueError(f"không có tổ chức «{value}» đang hoạt động ở {unit.name}.")
    return found


def _content(values: dict[str, Any]) -> dict[str, Any]:
    content: dict[str, Any] = {
        key: _text(values[key], IMPORT_COLUMNS[key], limit) for key, limit in TEXT_COLUMNS.items()
    }
    try:
        content["budget"] = parse_money(values["budget"])
    except MoneyError as exc:
        raise ValueError(f"kinh phí: {exc}") from None
    content["workdays"] = _whole_number(values["workdays"], "Ngày công", 0, 10**9)
    for key in ("start_date", "evaluation_date"):
        content[key] = parse_date(values[key])
    return content


def _registration(lookups: _Lookups, values: dict[str, Any]) -> Registration:
    """A Registration from one row; ValueError with the first problem found."""
    unit = _unit(lookups, values["unit"])
    year = _whole_number(values["year"], "Năm", 2000, timezone.localdate().year + 1)
    if year is None:
        raise ValueError("thiếu năm đăng ký.")
    kind, subject = _kind(values["kind"])
    return Registration(
        unit=unit,
        field=_field(lookups, unit, year, values["field"]),
        year=year,
        name=_text(values["name"], "Tên", 300),
        kind=kind,
        subject=subject,
        organization=_organization(lookups, unit, values["organization"]),
        content=_content(values),
    )


def _build(lookups: _Lookups, row: SheetRow, actor: Any, now: dt.datetime) -> Practice:
    reg = _registration(lookups, row.values)
    late = lookups.is_late(reg.unit, reg.year, timezone.localdate(now))
    try:
        return practice_build(
            actor=actor, reg=reg, fields=lookups.fields_for(reg.unit, reg.year), late=late, now=now
        )
    except DomainError as exc:
        problems = [f"{IMPORT_COLUMNS.get(k, k)}: {' '.join(v)}" for k, v in exc.errors.items()]
        raise ValueError("; ".join(problems) or exc.message) from None


def practices_import(*, actor: Any, scope: UserScope, data: bytes, keep_valid_only: bool) -> ImportReport:
    """Check every row; save all (or, with keep_valid_only, the valid ones) in one transaction."""
    sheet = list(read_rows(data, IMPORT_COLUMNS))
    if not sheet:
        raise DomainError("import_empty", "Tệp không có dòng dữ liệu nào.")
    lookups, now = _lookups(scope, sheet), timezone.now()
    report, errors, built = ImportReport(rows=len(sheet)), RowErrors(), []
    for row in sheet:
        try:
            built.append(_build(lookups, row, actor, now))
        except ValueError as exc:
            errors.add(row.number, str(exc))
    report.errors = errors.errors
    if not keep_valid_only:
        errors.raise_if_any()
    if built:
        report.created = _save(actor, built, skipped=len(report.errors))
    return report


def _common_unit(units: list[Unit]) -> Unit | None:
    """The lowest unit whose subtree holds all of these (for the audit event)."""
    prefix = units[0].path
    for unit in units[1:]:
        while not unit.path.startswith(prefix):
            prefix = prefix[:-PATH_SEGMENT]
    return Unit.objects.filter(path=prefix).first() if prefix else None


@transaction.atomic
def _save(actor: Any, practices: list[Practice], skipped: int) -> list[Practice]:
    created = Practice.objects.bulk_create(practices, batch_size=500)
    tally_add(created)
    StatusChange.objects.bulk_create(
        [StatusChange(practice=p, from_status="", to_status=Status.REGISTERED, actor=actor) for p in created],
        batch_size=1000,
    )
    audit_record(
        actor=actor,
        action="practice.import",
        obj=None,
        object_type="practices.practice",
        object_repr=f"Nhập {len(created)} mô hình, điển hình từ Excel",
        unit=_common_unit([p.unit for p in created]),
        changes={"created": len(created), "skipped_rows": skipped},
    )
    return created
