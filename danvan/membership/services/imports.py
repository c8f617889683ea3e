"""Importing a member list of one organization from Excel: every row is checked, errors name
their row numbers, and nothing is saved unless the whole file is right.

Step 1 (`members_import_check`) reads and checks the file and returns a report with the
de-duplication suggestions (rows that match a person already recorded: same ID number, or same
name, birth date and unit); the page keeps the file and asks for confirmation. Step 2
(`members_import_apply`) checks again and saves all rows in one transaction.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict, NotFound
from danvan.core.excel import RowErrors, SheetRow, read_rows, template_workbook
from danvan.core.formatting import format_date
from danvan.core.parsing import parse_date
from danvan.core.text import fold
from danvan.membership.models import Member, MemberImport, Membership
from danvan.membership.services.members import (
    MemberData,
    clean_id_number,
    id_hash,
    may_write,
    member_errors,
    new_member,
)
from danvan.orgs.models import Organization

COLUMNS = {
    "full_name": "Họ và tên",
    "birth_date": "Ngày sinh",
    "gender": "Giới tính",
    "id_number": "Số định danh cá nhân",
    "joined_on": "Ngày vào tổ chức",
    "role": "Chức danh",
}
GENDERS = {"nam": Member.Gender.MALE, "nu": Member.Gender.FEMALE, "": ""}
CHUNK = 500


def import_template() -> bytes:
    examples = [
        ["Nguyễn Thị Lan", "15/03/1985", "Nữ", "087185000123", "01/06/2010", "Hội viên"],
        ["Trần Văn Bình", "02/09/1990", "Nam", "", "20/03/2015", "Chi hội trưởng"],
    ]
    return template_workbook(COLUMNS, examples, "Danh sách hội viên")


@dataclass
class Row:
    number: int
    data: MemberData
    joined_on: dt.date
    role: str
    existing: Member | None = None
    reason: str = ""


@dataclass
class ImportReport:
    rows: list[Row] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already members of this organization

    @property
    def new_people(self) -> int:
        return sum(1 for r in self.rows if r.existing is None)

    @property
    def suggestions(self) -> list[str]:
        return [
            _("Dòng %(n)s: %(name)s (%(day)s) trùng hồ sơ đã có (%(why)s); sẽ dùng hồ sơ đó.")
            % {
                "n": r.number,
                "name": r.data.full_name,
                "day": format_date(r.data.birth_date),
                "why": r.reason,
            }
            for r in self.rows
            if r.existing is not None
        ]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _parse(sheet_row: SheetRow, errors: RowErrors, today: dt.date) -> Row | None:
    v, problems = sheet_row.values, []
    dates: dict[str, dt.date | None] = {}
    for key in ("birth_date", "joined_on"):
        try:
            dates[key] = parse_date(v[key])
        except ValueError as exc:
            problems.append(f"{COLUMNS[key]}: {exc}")
            dates[key] = None
            continue
        if dates[key] is None:
            problems.append(_("Thiếu %(col)s.") % {"col": COLUMNS[key].lower()})
    try:
        digits = clean_id_number(_text(v["id_number"]))
    except ValueError as exc:
        problems.append(str(exc))
        digits = ""
    gender = GENDERS.get(fold(_text(v["gender"])))
    if gender is None:
        problems.append(_("Giới tính ghi Nam hoặc Nữ (hoặc để trống)."))
    birth, joined = dates["birth_date"], dates["joined_on"]
    if birth and joined and not problems:
        data = MemberData(_text(v["full_name"]), birth, gender or "", digits)
        problems += member_errors(data, joined, today)
    elif not _text(v["full_name"]):
        problems.append(_("Cần họ và tên."))
    if len(_text(v["role"])) > 80:
        problems.append(_("Chức danh dài quá 80 ký tự."))
    if problems:
        errors.add(sheet_row.number, " ".join(problems))
        return None
    assert birth is not None and joined is not None
    return Row(sheet_row.number, data, joined, _text(v["role"]))


def _within_file(rows: list[Row], errors: RowErrors) -> None:
    """The same person twice in one list is an error naming both rows."""
    by_id: dict[str, int] = {}
    by_name: dict[tuple[str, dt.date], int] = {}
    for row in rows:
        key = (fold(row.data.full_name), row.data.birth_date)
        first = by_id.get(row.data.id_number) if row.data.id_number else None
        first = first or by_name.get(key)
        if first is not None:
            errors.add(row.number, _("trùng người với dòng %(n)s.") % {"n": first})
            continue
        if row.data.id_number:
            by_id[row.data.id_number] = row.number
        by_name[key] = row.number


def _chunks[T](items: list[T]) -> list[list[T]]:
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


def _match_existing(rows: list[Row], organization: Organization, errors: RowErrors) -> None:
    """Attach the person already recorded to each row (the de-duplication suggestion)."""
    hashes = {id_hash(r.data.id_number): r for r in rows if r.data.id_number}
    for chunk in _chunks(list(hashes)):
        for member in Member.objects.filter(id_hash__in=chunk):
            row = hashes[member.id_hash]
            if fold(member.full_name) != fold(row.data.full_name):
                errors.add(
                    row.number, _("số định danh đã thuộc hồ sơ «%(name)s».") % {"name": member.full_name}
                )
            row.existing, row.reason = member, _("cùng số định danh")
    by_name = {(fold(r.data.full_name), r.data.birth_date): r for r in rows if r.existing is None}
    names = sorted({name for name, _day in by_name})
    for chunk in _chunks(names):
        for member in Member.objects.filter(home_unit=organization.unit, name_folded__in=chunk):
            match = by_name.get((member.name_folded, member.birth_date))
            if match is not None and match.existing is None:
                match.existing, match.reason = member, _("cùng họ tên, ngày sinh và địa bàn")


def _skip_current_members(report: ImportReport, organization: Organization) -> None:
    ids = [r.existing.pk for r in report.rows if r.existing is not None]
    current: set[int] = set()
    for chunk in _chunks(ids):
        current |= set(
            Membership.objects.filter(
                organization=organization, member_id__in=chunk, left_on__isnull=True
            ).values_list("member_id", flat=True)
        )
    keep = []
    for row in report.rows:
        if row.existing is not None and row.existing.pk in current:
            report.skipped.append(
                _("Dòng %(n)s: %(name)s đã là thành viên của tổ chức; bỏ qua.")
                % {"n": row.number, "name": row.data.full_name}
            )
        else:
            keep.append(row)
    report.rows = keep


def members_import_check(*, organization: Organization, data: bytes) -> ImportReport:
    """Read and check every row; DomainError `import_invalid_rows` lists the wrong rows by number."""
    errors, today = RowErrors(), timezone.localdate()
    rows = [row for sheet_row in read_rows(data, COLUMNS) if (row := _parse(sheet_row, errors, today))]
    _within_file(rows, errors)
    _match_existing(rows, organization, errors)
    errors.errors.sort()
    errors.raise_if_any()
    report = ImportReport(rows=rows)
    _skip_current_members(report, organization)
    return report


@transaction.atomic
def members_import_prepare(
    *, actor: Any, scope: UserScope, organization: Organization, file_name: str, data: bytes
) -> tuple[MemberImport, ImportReport]:
    """Check the file and keep it until the user confirms; nothing is saved if a row is wrong."""
    if not may_write(scope, organization.unit):
        raise NotFound()
    report = members_import_check(organization=organization, data=data)
    pending = MemberImport.objects.create(
        organization=organization,
        file_name=file_name[:200],
        data=data,
        rows=len(report.rows),
        created_by=actor,
    )
    return pending, report


@transaction.atomic
def members_import_apply(*, actor: Any, scope: UserScope, pending: MemberImport) -> ImportReport:
    """Save every row of a checked file in one transaction: new people, then their memberships."""
    locked = MemberImport.objects.select_for_update().select_related("organization__unit").get(pk=pending.pk)
    organization = locked.organization
    if locked.created_by_id != getattr(actor, "pk", None) or not may_write(scope, organization.unit):
        raise NotFound()
    if locked.done:
        raise Conflict("import_done", _("Tệp này đã được nhập rồi."))
    report = members_import_check(organization=organization, data=bytes(locked.data))
    fresh = [r for r in report.rows if r.existing is None]
    created = Member.objects.bulk_create(
        [new_member(r.data, organization.unit, actor) for r in fresh], batch_size=CHUNK
    )
    members = {row.number: member for row, member in zip(fresh, created, strict=True)}
    Membership.objects.bulk_create(
        [
            Membership(
                member=r.existing or members[r.number],
                organization=organization,
                unit_path=organization.unit.path,
                role=r.role or _("Hội viên"),
                joined_on=r.joined_on,
                created_by=actor,
            )
            for r in report.rows
        ],
        batch_size=CHUNK,
    )
    locked.done, locked.data = True, b""
    locked.save(update_fields=["done", "data"])
    audit_record(
        actor=actor,
        action="membership.import",
        obj=organization,
        unit=organization.unit,
        changes={"rows": len(report.rows), "new_people": len(fresh), "skipped": len(report.skipped)},
    )
    return report
