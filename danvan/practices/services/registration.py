"""Registering a model or exemplar and editing its content."""

import datetime as dt
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import apply_changes, audit_record
from danvan.core.errors import Conflict, NotFound
from danvan.core.text import fold, sort_key
from danvan.orgs.models import Organization, Person
from danvan.practices.errors import InvalidInput
from danvan.practices.models import Kind, Practice, PracticeField, RegistrationCampaign, Status, Subject
from danvan.practices.services.tally import footprint, tally_apply
from danvan.territory.models import PATH_SEGMENT, Level, Unit

CONTENT_FIELDS = (
    "problem",
    "goals",
    "success_criteria",
    "activities",
    "place",
    "target_people",
    "lead_forces",
    "partner_forces",
    "budget",
    "workdays",
    "contributions",
    "start_date",
    "milestones",
    "evaluation_date",
    "outputs",
    "sustainability",
)
NOT_TEXT = ("budget", "workdays", "start_date", "evaluation_date")
EDITABLE_STATUSES = (Status.REGISTERED, Status.IN_PROGRESS, Status.REVIEWED, Status.PAUSED)
REGISTRABLE_LEVELS = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.NEIGHBOURHOOD)


def fields_for(unit: Unit, year: int) -> list[PracticeField]:
    """The field list in force for a unit's province and a year: the province's own list for that
    year if it has one, else its list for all years, else the default list."""
    province_id = unit.ancestor_ids()[0] if unit.depth else unit.pk
    for query in (
        Q(province_id=province_id, year=year),
        Q(province_id=province_id, year__isnull=True),
        Q(province__isnull=True, year=year),
        Q(province__isnull=True, year__isnull=True),
    ):
        fields = list(PracticeField.objects.filter(query))
        if fields:
            return fields
    return []


def valid_during(unit: Unit, year: int) -> bool:
    """Whether the unit existed at some time in the year (old units for old records)."""
    return (unit.valid_from is None or unit.valid_from <= dt.date(year, 12, 31)) and (
        unit.valid_to is None or unit.valid_to >= dt.date(year, 1, 1)
    )


@dataclass
class Registration:
    """What a registration form (page, API or Excel row) says, before it is checked."""

    unit: Unit
    field: PracticeField
    year: int
    name: str
    kind: str = Kind.MODEL
    subject: str = ""
    person: Person | None = None
    organization: Organization | None = None
    content: dict[str, Any] = dataclass_field(default_factory=dict)
    source: Practice | None = None


def person_belongs(person: Person, unit: Unit) -> bool:
    """The person is homed in the unit's subtree or holds a position in an organization there."""
    low, high = unit.subtree_bounds()
    return (
        Person.objects.filter(pk=person.pk)
        .filter(
            Q(home_unit__path__gte=low, home_unit__path__lte=high)
            | Q(positions__organization__unit__path__gte=low, positions__organization__unit__path__lte=high)
        )
        .exists()
    )


def _subject_errors(reg: Registration) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if reg.organization is not None and reg.organization.unit_id != reg.unit.pk:
        errors["organization"] = ["Tổ chức đăng ký phải thuộc địa bàn đã chọn."]
    if reg.kind not in Kind.values:
        errors["kind"] = ["Chọn mô hình hoặc điển hình."]
    if reg.kind != Kind.EXEMPLAR:
        return errors
    if reg.subject not in Subject.values:
        errors["subject"] = ["Điển hình cần ghi rõ là tập thể hay cá nhân."]
    if reg.subject == Subject.INDIVIDUAL and reg.person is None:
        errors["person"] = ["Điển hình cá nhân cần chọn cá nhân."]
    elif reg.person is not None and not person_belongs(reg.person, reg.unit):
        errors["person"] = ["Cá nhân phải thuộc địa bàn hoặc giữ chức vụ tại một tổ chức của địa bàn."]
    if reg.subject == Subject.COLLECTIVE and reg.organization is None:
        errors["organization"] = ["Điển hình tập thể cần chọn tập thể (tổ chức)."]
    return errors


def _content_errors(name: str, content: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = ["Cần nhập tên mô hình, điển hình."]
    for number_field in ("budget", "workdays"):
        value = content.get(number_field)
        if value is not None and value < 0:
            errors[number_field] = ["Giá trị không được âm."]
    start, evaluation = content.get("start_date"), content.get("evaluation_date")
    if start and evaluation and evaluation < start:
        errors["evaluation_date"] = ["Ngày đánh giá không được trước ngày bắt đầu."]
    return errors


def check_registration(reg: Registration, fields: list[PracticeField]) -> None:
    """Raise InvalidInput naming each wrong field; `fields` is fields_for(unit, year)."""
    errors = _content_errors(reg.name, reg.content) | _subject_errors(reg)
    if reg.unit.level not in REGISTRABLE_LEVELS or not valid_during(reg.unit, reg.year):
        errors["unit"] = ["Địa bàn không tồn tại trong năm đăng ký."]
    if reg.field.pk not in {f.pk for f in fields}:
        errors["field"] = ["Lĩnh vực không thuộc danh mục áp dụng cho địa bàn và năm này."]
    if errors:
        raise InvalidInput("invalid_practice", "Thông tin đăng ký chưa hợp lệ.", errors=errors)


def is_late(unit: Unit, year: int, registered_on: dt.date) -> bool:
    ids = [*unit.ancestor_ids(), unit.pk]
    campaign = (
        RegistrationCampaign.objects.filter(unit_id__in=ids, year=year).order_by("-unit__depth").first()
    )
    return campaign is not None and registered_on > campaign.closes_on


def derive(practice: Practice) -> None:
    """Fill the columns computed from the others: paths, level, body type, search and sort keys."""
    unit = practice.unit
    practice.unit_path = unit.path
    practice.level = unit.level
    practice.commune_path = (
        unit.path
        if unit.level == Level.COMMUNE
        else unit.path[:-PATH_SEGMENT]
        if unit.level == Level.NEIGHBOURHOOD
        else ""
    )
    practice.body_type = (
        f"org:{practice.organization.kind.code}" if practice.organization else f"unit:{practice.level}"
    )
    practice.name_folded = fold(practice.name)
    practice.sort_key = sort_key(practice.name)
    texts = [practice.name] + [str(getattr(practice, f) or "") for f in CONTENT_FIELDS if f not in NOT_TEXT]
    practice.search_text = fold(" ".join(texts))


def practice_build(
    *, actor: Any, reg: Registration, fields: list[PracticeField], late: bool, now: dt.datetime
) -> Practice:
    """A checked, unsaved practice for a registration (shared by the form, the API and imports)."""
    reg.content = {k: v for k, v in reg.content.items() if k in CONTENT_FIELDS}
    reg.subject = reg.subject if reg.kind == Kind.EXEMPLAR else ""
    reg.person = reg.person if reg.kind == Kind.EXEMPLAR else None
    check_registration(reg, fields)
    practice = Practice(
        kind=reg.kind,
        subject=reg.subject,
        person=reg.person,
        organization=reg.organization,
        unit=reg.unit,
        year=reg.year,
        field=reg.field,
        name=reg.name.strip(),
        registered_at=now,
        source=reg.source,
        is_late=late,
        created_by=actor,
        **reg.content,
    )
    derive(practice)
    return practice


@transaction.atomic
def practice_register(
    *,
    actor: Any,
    scope: UserScope,
    unit: Unit,
    field: PracticeField,
    year: int,
    name: str,
    kind: str = Kind.MODEL,
    subject: str = "",
    person: Person | None = None,
    organization: Organization | None = None,
    content: dict[str, Any] | None = None,
    source: Practice | None = None,
) -> Practice:
    """Register a model (or an exemplar) of a unit or one of its organizations for a year."""
    if not scope.covers(unit, Role.REPORTER):
        raise NotFound()
    reg = Registration(unit, field, year, name, kind, subject, person, organization, content or {}, source)
    now = timezone.now()
    late = is_late(unit, year, timezone.localdate(now))
    practice = practice_build(actor=actor, reg=reg, fields=fields_for(unit, year), late=late, now=now)
    practice.save()
    tally_apply(before=None, after=footprint(practice))
    practice.status_changes.create(
        from_status="",
        to_status=Status.REGISTERED,
        actor=actor,
        reason="Nhân rộng từ mô hình khác" if source else "",
    )
    audit_record(
        actor=actor,
        action="practice.register" if source is None else "practice.adopt",
        obj=practice,
        unit=unit,
        changes={"name": [None, practice.name], "year": [None, year]},
    )
    return practice


def _lock_for_update(practice: Practice, expected_version: int | None) -> Practice:
    locked = (
        Practice.objects.select_for_update(of=("self",))
        .select_related("unit", "field", "organization__kind", "person")
        .get(pk=practice.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise Conflict(
            "stale_version", "Bản ghi đã được người khác sửa. Hãy tải lại trang để xem nội dung mới."
        )
    if locked.status not in EDITABLE_STATUSES:
        raise Conflict("not_editable", "Mô hình đã bình xét, không sửa nội dung đăng ký được nữa.")
    return locked


@transaction.atomic
def practice_update(
    *, actor: Any, practice: Practice, values: dict[str, Any], expected_version: int | None = None
) -> Practice:
    """Edit the registration content. Refused once evaluated, and on a stale version."""
    locked = _lock_for_update(practice, expected_version)
    allowed = {k: v for k, v in values.items() if k in (*CONTENT_FIELDS, "name", "field")}
    if "name" in allowed:
        allowed["name"] = str(allowed["name"]).strip()
    merged = {f: getattr(locked, f) for f in CONTENT_FIELDS} | {
        k: v for k, v in allowed.items() if k in CONTENT_FIELDS
    }
    errors = _content_errors(allowed.get("name", locked.name), merged)
    if "field" in allowed and allowed["field"].pk not in {f.pk for f in fields_for(locked.unit, locked.year)}:
        errors["field"] = ["Lĩnh vực không thuộc danh mục áp dụng cho địa bàn và năm này."]
    if errors:
        raise InvalidInput("invalid_practice", "Thông tin đăng ký chưa hợp lệ.", errors=errors)
    before = footprint(locked)
    changes = apply_changes(locked, allowed)
    if not changes:
        return locked
    locked.version += 1
    derive(locked)
    locked.save()
    tally_apply(before=before, after=footprint(locked))
    audit_record(actor=actor, action="practice.update", obj=locked, unit=locked.unit, changes=changes)
    return locked
