"""Writes of organizations, people, positions and the per-unit setting. One audit event each.

Callers reach the rows through `access.py` first; these functions check the domain rules.
"""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.audit.services import apply_changes, audit_record
from danvan.core.errors import DomainError
from danvan.core.formatting import format_date
from danvan.core.text import fold, sort_key
from danvan.orgs.models import Organization, OrganizationKind, Person, Position, UnitSetting
from danvan.territory.models import Unit

_NAME_FIELDS = ["name_folded", "sort_key"]


def _fail(code: str, message: str, field: str = "__all__") -> DomainError:
    return DomainError(code, message, errors={field: [message]})


def _clean(text: str, field: str, max_length: int, *, required: bool = True) -> str:
    cleaned = " ".join((text or "").split())
    if required and not cleaned:
        raise _fail("required", _("Chưa nhập thông tin bắt buộc."), field)
    if len(cleaned) > max_length:
        raise _fail("too_long", _("Dài quá %(n)d ký tự.") % {"n": max_length}, field)
    return cleaned


def _check_dates(start: dt.date | None, end: dt.date | None, field: str) -> None:
    if start is not None and end is not None and end < start:
        raise _fail("dates_reversed", _("Ngày kết thúc phải bằng hoặc sau ngày bắt đầu."), field)


# --- Organizations ---------------------------------------------------------------------------


def _check_organization(org: Organization) -> None:
    """Dates inside the unit's validity, kind rules, parent placement, unique open name."""
    _check_dates(org.valid_from, org.valid_to, "valid_to")
    unit = org.unit
    if unit.valid_to is not None and (org.valid_to is None or org.valid_to > unit.valid_to):
        message = _("%(unit)s chỉ tồn tại đến %(day)s: tổ chức phải kết thúc không muộn hơn ngày đó.")
        raise _fail(
            "outlives_unit", message % {"unit": unit.name, "day": format_date(unit.valid_to)}, "valid_to"
        )
    if unit.valid_from is not None and org.valid_from is not None and org.valid_from < unit.valid_from:
        message = _("%(unit)s chỉ có từ %(day)s: tổ chức không thể hoạt động trước ngày đó.")
        raise _fail(
            "precedes_unit", message % {"unit": unit.name, "day": format_date(unit.valid_from)}, "valid_from"
        )
    if org.kind.is_historic and org.valid_to is None:
        message = _("Loại “%(kind)s” chỉ dùng cho tổ chức trước năm 2025: cần nhập ngày kết thúc hoạt động.")
        raise _fail("historic_kind", message % {"kind": org.kind.name}, "valid_to")
    _check_parent(org)
    _check_unique_name(org)


def _check_parent(org: Organization) -> None:
    parent = org.parent
    if parent is None:
        return
    if not org.unit.path.startswith(parent.unit.path):
        message = _("Tổ chức cấp trên phải thuộc cùng đơn vị hoặc đơn vị cấp trên.")
        raise _fail("parent_elsewhere", message, "parent")
    ancestor: Organization | None = parent
    for _step in range(50):
        if ancestor is None:
            return
        if org.pk is not None and ancestor.pk == org.pk:
            raise _fail(
                "parent_cycle", _("Không thể chọn chính tổ chức này hoặc tổ chức trực thuộc nó."), "parent"
            )
        ancestor = ancestor.parent


def _check_unique_name(org: Organization) -> None:
    if org.valid_to is not None:
        return
    same = Organization.objects.filter(unit=org.unit, name_folded=org.name_folded, valid_to__isnull=True)
    if same.exclude(pk=org.pk).exists():
        message = _("%(unit)s đã có tổ chức “%(name)s” đang hoạt động.") % {
            "unit": org.unit.name,
            "name": org.name,
        }
        raise _fail("duplicate_name", message, "name")


def _check_positions_inside(org: Organization) -> None:
    """After a date change, every position must still lie within the organization's life."""
    positions = Position.objects.filter(organization=org)
    outside = positions.none()
    if org.valid_to is not None:
        outside = positions.filter(end_date__isnull=True) | positions.filter(end_date__gt=org.valid_to)
    if org.valid_from is not None:
        outside = outside | positions.filter(start_date__lt=org.valid_from)
    if outside.exists():
        message = _(
            "Có chức vụ nằm ngoài thời gian hoạt động mới; hãy kết thúc hoặc sửa các chức vụ đó trước."
        )
        raise _fail("positions_outside", message, "valid_to")


def _save_organization(org: Organization, **save: Any) -> None:
    try:
        with transaction.atomic():
            org.save(**save)
    except IntegrityError as exc:
        _check_unique_name(org)
        raise DomainError("conflict", _("Dữ liệu vừa thay đổi; hãy thử lại.")) from exc


@transaction.atomic
def organization_create(
    *,
    user: Any,
    unit: Unit,
    kind: OrganizationKind,
    name: str,
    short_name: str = "",
    parent: Organization | None = None,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> Organization:
    name = _clean(name, "name", 200)
    org = Organization(
        unit=unit,
        kind=kind,
        name=name,
        short_name=_clean(short_name, "short_name", 60, required=False),
        parent=parent,
        valid_from=valid_from,
        valid_to=valid_to,
        name_folded=fold(name),
        sort_key=sort_key(name),
    )
    _check_organization(org)
    _save_organization(org)
    changes = {f: [None, getattr(org, f)] for f in ("name", "kind", "parent", "valid_from", "valid_to")}
    audit_record(actor=user, action="organization.create", obj=org, unit=unit, changes=changes)
    return org


@transaction.atomic
def organization_update(
    *,
    user: Any,
    organization: Organization,
    kind: OrganizationKind,
    name: str,
    short_name: str,
    parent: Organization | None,
    valid_from: dt.date | None,
    valid_to: dt.date | None,
) -> Organization:
    name = _clean(name, "name", 200)
    values = {
        "kind": kind,
        "name": name,
        "short_name": _clean(short_name, "short_name", 60, required=False),
        "parent": parent,
    }
    changes = apply_changes(organization, {**values, "valid_from": valid_from, "valid_to": valid_to})
    if not changes:
        return organization
    organization.name_folded, organization.sort_key = fold(name), sort_key(name)
    _check_organization(organization)
    if "valid_from" in changes or "valid_to" in changes:
        _check_positions_inside(organization)
    if "valid_to" in changes and organization.valid_to is not None:
        _check_can_close(organization)
    fields = [*values, "valid_from", "valid_to", *_NAME_FIELDS, "updated_at"]
    _save_organization(organization, update_fields=fields)
    audit_record(
        actor=user, action="organization.update", obj=organization, unit=organization.unit, changes=changes
    )
    return organization


def _check_can_close(org: Organization) -> None:
    assert org.valid_to is not None
    open_children = org.children.filter(valid_to__isnull=True) | org.children.filter(
        valid_to__gt=org.valid_to
    )
    if open_children.exists():
        message = _("Còn tổ chức trực thuộc hoạt động sau ngày này; hãy kết thúc các tổ chức đó trước.")
        raise _fail("open_children", message, "valid_to")
    if UnitSetting.objects.filter(records_keeper=org).exists():
        message = _("Tổ chức đang giữ hồ sơ dân vận của đơn vị; hãy chọn cơ quan giữ hồ sơ khác trước.")
        raise _fail("records_keeper", message, "valid_to")


@transaction.atomic
def organization_close(*, user: Any, organization: Organization, valid_to: dt.date) -> Organization:
    """End the organization on `valid_to`; positions still held then end on the same day."""
    if organization.valid_to is not None:
        raise _fail("already_closed", _("Tổ chức đã kết thúc hoạt động."), "valid_to")
    old = organization.valid_to
    organization.valid_to = valid_to
    _check_organization(organization)
    _check_can_close(organization)
    started_after = Position.objects.filter(organization=organization, start_date__gt=valid_to)
    if started_after.exists():
        raise _fail(
            "positions_after", _("Có chức vụ bắt đầu sau ngày này; hãy sửa các chức vụ đó trước."), "valid_to"
        )
    still_held = Position.objects.filter(organization=organization).exclude(end_date__lte=valid_to)
    ended = still_held.update(end_date=valid_to)
    organization.save(update_fields=["valid_to", "updated_at"])
    changes = {"valid_to": [old, valid_to], "positions_ended": ended}
    audit_record(
        actor=user, action="organization.close", obj=organization, unit=organization.unit, changes=changes
    )
    return organization


@transaction.atomic
def unit_setting_update(*, user: Any, unit: Unit, records_keeper: Organization | None) -> UnitSetting | None:
    """Choose which organization of the unit keeps its dân vận records (or none)."""
    if records_keeper is not None and records_keeper.unit_id != unit.pk:
        raise _fail(
            "keeper_elsewhere", _("Cơ quan giữ hồ sơ phải là tổ chức của chính đơn vị này."), "records_keeper"
        )
    if records_keeper is not None and records_keeper.valid_to is not None:
        raise _fail("keeper_closed", _("Tổ chức này đã kết thúc hoạt động."), "records_keeper")
    setting = UnitSetting.objects.select_for_update().filter(unit=unit).first()
    if setting is None and records_keeper is None:
        return None
    setting = setting or UnitSetting(unit=unit)
    changes = apply_changes(setting, {"records_keeper": records_keeper})
    if not changes:
        return setting
    if setting.pk is None:
        setting.save()
    else:
        setting.save(update_fields=["records_keeper", "updated_at"])
    audit_record(actor=user, action="unit_setting.update", obj=setting, unit=unit, changes=changes)
    return setting


# --- People ------------------------------------------------------------------------------------


def _check_birth_year(birth_year: int | None) -> None:
    if birth_year is not None and not 1900 <= birth_year <= timezone.localdate().year:
        raise _fail("birth_year", _("Năm sinh không hợp lệ."), "birth_year")


@transaction.atomic
def person_create(
    *,
    user: Any,
    full_name: str,
    gender: str = "",
    birth_year: int | None = None,
    home_unit: Unit | None = None,
) -> Person:
    full_name = _clean(full_name, "full_name", 120)
    _check_birth_year(birth_year)
    person = Person.objects.create(
        full_name=full_name,
        gender=gender,
        birth_year=birth_year,
        home_unit=home_unit,
        name_folded=fold(full_name),
        sort_key=sort_key(full_name),
    )
    changes = {f: [None, getattr(person, f)] for f in ("full_name", "gender", "birth_year", "home_unit")}
    audit_record(actor=user, action="person.create", obj=person, unit=home_unit, changes=changes)
    return person


@transaction.atomic
def person_update(
    *, user: Any, person: Person, full_name: str, gender: str, birth_year: int | None, home_unit: Unit | None
) -> Person:
    full_name = _clean(full_name, "full_name", 120)
    _check_birth_year(birth_year)
    values = {"full_name": full_name, "gender": gender, "birth_year": birth_year, "home_unit": home_unit}
    changes = apply_changes(person, values)
    if not changes:
        return person
    person.name_folded, person.sort_key = fold(full_name), sort_key(full_name)
    person.save(update_fields=[*values, *_NAME_FIELDS, "updated_at"])
    audit_record(actor=user, action="person.update", obj=person, unit=home_unit, changes=changes)
    return person


# --- Positions ---------------------------------------------------------------------------------


def _check_position(position: Position) -> None:
    """End on or after start, and inside the organization's life. Concurrent posts are normal."""
    _check_dates(position.start_date, position.end_date, "end_date")
    org = position.organization
    if (
        org.valid_from is not None
        and position.start_date is not None
        and position.start_date < org.valid_from
    ):
        message = _("Tổ chức chỉ hoạt động từ %(day)s.") % {"day": format_date(org.valid_from)}
        raise _fail("before_organization", message, "start_date")
    if org.valid_to is not None and (position.end_date is None or position.end_date > org.valid_to):
        message = _("Tổ chức kết thúc hoạt động ngày %(day)s: chức vụ phải kết thúc không muộn hơn.")
        raise _fail("after_organization", message % {"day": format_date(org.valid_to)}, "end_date")


@transaction.atomic
def position_add(
    *,
    user: Any,
    person: Person,
    organization: Organization,
    title: str,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    note: str = "",
) -> Position:
    position = Position(
        person=person,
        organization=organization,
        title=_clean(title, "title", 160),
        start_date=start_date,
        end_date=end_date,
        note=_clean(note, "note", 255, required=False),
    )
    _check_position(position)
    position.save()
    changes = {
        f: [None, getattr(position, f)] for f in ("person", "organization", "title", "start_date", "end_date")
    }
    audit_record(actor=user, action="position.add", obj=position, unit=organization.unit, changes=changes)
    return position


@transaction.atomic
def position_end(*, user: Any, position: Position, end_date: dt.date) -> Position:
    if position.end_date is not None:
        raise _fail("already_ended", _("Chức vụ này đã kết thúc."), "end_date")
    changes = apply_changes(position, {"end_date": end_date})
    _check_position(position)
    position.save(update_fields=["end_date", "updated_at"])
    unit = position.organization.unit
    audit_record(actor=user, action="position.end", obj=position, unit=unit, changes=changes)
    return position
