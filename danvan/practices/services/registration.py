"""Registering a model or exemplar and editing its content."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import apply_changes, audit_record
from danvan.core.errors import Conflict, DomainError, NotFound
from danvan.core.text import fold, sort_key
from danvan.orgs.models import Organization, Person
from danvan.practices.models import Kind, Practice, PracticeField, RegistrationCampaign, Status, Subject
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


def _validate(
    *,
    unit: Unit,
    year: int,
    kind: str,
    subject: str,
    person: Person | None,
    organization: Organization | None,
    name: str,
    content: dict[str, Any],
) -> None:
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = ["Cần nhập tên mô hình, điển hình."]
    if unit.level not in REGISTRABLE_LEVELS or not valid_during(unit, year):
        errors["unit"] = ["Địa bàn không tồn tại trong năm đăng ký."]
    if organization is not None and organization.unit_id != unit.pk:
        errors["organization"] = ["Tổ chức đăng ký phải thuộc địa bàn đã chọn."]
    if kind == Kind.EXEMPLAR:
        if subject == Subject.INDIVIDUAL and person is None:
            errors["person"] = ["Điển hình cá nhân cần chọn cá nhân."]
        if subject == Subject.COLLECTIVE and organization is None:
            errors["organization"] = ["Điển hình tập thể cần chọn tập thể (tổ chức)."]
        if subject not in Subject.values:
            errors["subject"] = ["Điển hình cần ghi rõ là tập thể hay cá nhân."]
    for money_field in ("budget", "workdays"):
        value = content.get(money_field)
        if value is not None and value < 0:
            errors[money_field] = ["Giá trị không được âm."]
    start, evaluation = content.get("start_date"), content.get("evaluation_date")
    if start and evaluation and evaluation < start:
        errors["evaluation_date"] = ["Ngày đánh giá không được trước ngày bắt đầu."]
    if errors:
        raise DomainError("invalid_practice", "Thông tin đăng ký chưa hợp lệ.", errors=errors)


def _is_late(unit: Unit, year: int, registered_on: dt.date) -> bool:
    ids = [*unit.ancestor_ids(), unit.pk]
    campaign = (
        RegistrationCampaign.objects.filter(unit_id__in=ids, year=year).order_by("-unit__depth").first()
    )
    return campaign is not None and registered_on > campaign.closes_on


def _derive(practice: Practice) -> None:
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
    texts = [practice.name] + [
        str(getattr(practice, f) or "")
        for f in CONTENT_FIELDS
        if f not in ("budget", "workdays", "start_date", "evaluation_date")
    ]
    practice.search_text = fold(" ".join(texts))


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
    content = {k: v for k, v in (content or {}).items() if k in CONTENT_FIELDS}
    subject = subject if kind == Kind.EXEMPLAR else ""
    _validate(
        unit=unit,
        year=year,
        kind=kind,
        subject=subject,
        person=person,
        organization=organization,
        name=name,
        content=content,
    )
    if field not in fields_for(unit, year):
        raise DomainError(
            "invalid_practice",
            "Lĩnh vực không thuộc danh mục áp dụng cho địa bàn và năm này.",
            errors={"field": ["Chọn lĩnh vực trong danh mục."]},
        )
    now = timezone.now()
    practice = Practice(
        kind=kind,
        subject=subject,
        person=person,
        organization=organization,
        unit=unit,
        year=year,
        field=field,
        name=name.strip(),
        registered_at=now,
        source=source,
        is_late=_is_late(unit, year, timezone.localdate(now)),
        created_by=actor,
        **content,
    )
    _derive(practice)
    practice.save()
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


@transaction.atomic
def practice_update(
    *, actor: Any, practice: Practice, values: dict[str, Any], expected_version: int | None = None
) -> Practice:
    """Edit the registration content. Refused once evaluated, and on a stale version."""
    locked = (
        Practice.objects.select_for_update().select_related("unit", "organization__kind").get(pk=practice.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise Conflict(
            "stale_version", "Bản ghi đã được người khác sửa. Hãy tải lại trang để xem nội dung mới."
        )
    if locked.status not in EDITABLE_STATUSES:
        raise DomainError("not_editable", "Mô hình đã bình xét, không sửa nội dung đăng ký được nữa.")
    allowed = {k: v for k, v in values.items() if k in (*CONTENT_FIELDS, "name", "field")}
    if "name" in allowed:
        allowed["name"] = str(allowed["name"]).strip()
    _validate(
        unit=locked.unit,
        year=locked.year,
        kind=locked.kind,
        subject=locked.subject,
        person=locked.person,
        organization=locked.organization,
        name=allowed.get("name", locked.name),
        content=allowed,
    )
    changes = apply_changes(locked, allowed)
    if not changes:
        return locked
    locked.version += 1
    _derive(locked)
    locked.save()
    audit_record(actor=actor, action="practice.update", obj=locked, unit=locked.unit, changes=changes)
    return locked
