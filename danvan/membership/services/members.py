"""Adding members, ending memberships, and the eligible population of a unit.

Who may write: a reporter (or above) whose subtree holds the organization's unit, history
included (the organizations of the old units merged into a granted unit).
"""

import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict, InvalidInput, NotFound
from danvan.core.formatting import format_date
from danvan.core.text import fold, sort_key
from danvan.membership.models import EligiblePopulation, Member, Membership
from danvan.orgs.models import Organization, OrganizationKind
from danvan.territory.models import Unit

MAX_ELIGIBLE = 50_000_000  # more than the country's people of any group: a typing error
_ID = re.compile(r"^(\d{9}|\d{12})$")


def may_write(scope: UserScope, unit: Unit) -> bool:
    return scope.covers(unit, Role.REPORTER, history=True)


def _require_writer(scope: UserScope, unit: Unit) -> None:
    if not may_write(scope, unit):
        raise NotFound()


def clean_id_number(text: str) -> str:
    """The digits of a CCCD (12) or old CMND (9) number; ValueError with a Vietnamese message."""
    digits = re.sub(r"[\s.\-]", "", text or "")
    if digits and not _ID.match(digits):
        raise ValueError(_("Số định danh phải gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND cũ)."))
    return digits


def id_hash(digits: str) -> str:
    """A keyed hash of the ID number: finds the same person again without keeping the number."""
    if not digits:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), b"member-id:" + digits.encode(), hashlib.sha256).hexdigest()


@dataclass
class MemberData:
    full_name: str
    birth_date: dt.date
    gender: str = ""
    id_number: str = ""  # digits, cleaned


def member_errors(data: MemberData, joined_on: dt.date | None, today: dt.date) -> list[str]:
    """What is wrong with a member's data, as sentences (a form, the API and each Excel row)."""
    errors = []
    if not fold(data.full_name):
        errors.append(_("Cần họ và tên."))
    elif len(data.full_name.strip()) > 120:
        errors.append(_("Họ và tên dài quá 120 ký tự."))
    age = (today - data.birth_date).days // 365
    if data.birth_date > today or age > 120:
        errors.append(_("Ngày sinh %(day)s không hợp lệ.") % {"day": format_date(data.birth_date)})
    if data.gender not in ("", *Member.Gender.values):
        errors.append(_("Giới tính ghi Nam hoặc Nữ."))
    if joined_on is not None and (joined_on > today or joined_on < data.birth_date):
        errors.append(
            _("Ngày vào tổ chức %(day)s phải sau ngày sinh và không sau hôm nay.")
            % {"day": format_date(joined_on)}
        )
    return errors


def existing_member(data: MemberData, home: Unit) -> tuple[Member | None, str]:
    """The member already recorded as this person, and why (same ID number, or same name, birth
    date and unit) — the de-duplication suggestion."""
    hashed = id_hash(data.id_number)
    if hashed:
        found = Member.objects.filter(id_hash=hashed).first()
        if found is not None:
            return found, _("cùng số định danh")
    found = Member.objects.filter(
        home_unit=home, name_folded=fold(data.full_name), birth_date=data.birth_date
    ).first()
    return found, (_("cùng họ tên, ngày sinh và địa bàn") if found else "")


def new_member(data: MemberData, home: Unit, actor: Any) -> Member:
    name = " ".join(data.full_name.split())
    return Member(
        full_name=name,
        name_folded=fold(name)[:120],
        sort_key=sort_key(name)[:300],
        birth_date=data.birth_date,
        gender=data.gender,
        id_hash=id_hash(data.id_number),
        id_tail=data.id_number[-4:],
        home_unit=home,
        home_path=home.path,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )


def active_in(member: Member, organization: Organization, day: dt.date) -> Membership | None:
    return (
        Membership.objects.filter(member=member, organization=organization)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=day))
        .first()
    )


@transaction.atomic
def membership_add(
    *,
    actor: Any,
    scope: UserScope,
    organization: Organization,
    data: MemberData,
    joined_on: dt.date,
    role: str = "",
) -> tuple[Membership, str]:
    """Add a person to an organization; an already recorded person is reused (the reason is
    returned, empty for a new person). Refused if they are a member there already."""
    _require_writer(scope, organization.unit)
    errors = member_errors(data, joined_on, timezone.localdate())
    try:
        data.id_number = clean_id_number(data.id_number)
    except ValueError as exc:
        errors.append(str(exc))
    if errors:
        raise InvalidInput("invalid_member", _("Thông tin hội viên chưa hợp lệ."), errors={"__all__": errors})
    member, reason = existing_member(data, organization.unit)
    if (
        member is not None
        and member.full_name != " ".join(data.full_name.split())
        and reason == _("cùng số định danh")
    ):
        raise InvalidInput(
            "invalid_member",
            _("Số định danh này đã ghi cho người khác."),
            errors={"id_number": [_("Số định danh đã thuộc hồ sơ «%(name)s».") % {"name": member.full_name}]},
        )
    if member is not None and active_in(member, organization, joined_on):
        raise Conflict(
            "already_member", _("%(name)s đã là thành viên của tổ chức này.") % {"name": member.full_name}
        )
    if member is None:
        member = new_member(data, organization.unit, actor)
        member.save()
    membership = Membership.objects.create(
        member=member,
        organization=organization,
        unit_path=organization.unit.path,
        role=role.strip() or _("Hội viên"),
        joined_on=joined_on,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        action="membership.add",
        obj=membership,
        unit=organization.unit,
        changes={"organization": [None, organization.pk], "reused_member": bool(reason)},
    )
    return membership, reason


@transaction.atomic
def membership_end(*, actor: Any, scope: UserScope, membership: Membership, left_on: dt.date) -> Membership:
    """Record that a member left the organization on `left_on`."""
    locked = Membership.objects.select_for_update().select_related("organization__unit").get(pk=membership.pk)
    _require_writer(scope, locked.organization.unit)
    if locked.left_on is not None:
        raise Conflict(
            "already_left",
            _("Hội viên đã ra khỏi tổ chức từ ngày %(day)s.") % {"day": format_date(locked.left_on)},
        )
    if left_on < locked.joined_on or left_on > timezone.localdate():
        raise InvalidInput(
            "invalid_member",
            _("Ngày ra chưa hợp lệ."),
            errors={
                "left_on": [
                    _("Ngày ra phải sau ngày vào (%(day)s) và không sau hôm nay.")
                    % {"day": format_date(locked.joined_on)}
                ]
            },
        )
    locked.left_on = left_on
    locked.save(update_fields=["left_on"])
    audit_record(
        actor=actor,
        action="membership.end",
        obj=locked,
        unit=locked.organization.unit,
        changes={"left_on": [None, left_on]},
    )
    return locked


@transaction.atomic
def eligible_set(
    *,
    actor: Any,
    scope: UserScope,
    unit: Unit,
    kind: OrganizationKind,
    year: int,
    count: int,
    source: str = EligiblePopulation.Source.ENTERED,
) -> EligiblePopulation:
    """Enter (or correct) how many people an organization of `kind` could rally in a unit and year."""
    _require_writer(scope, unit)
    errors: dict[str, list[str]] = {}
    if not 0 <= count <= MAX_ELIGIBLE:
        errors["count"] = [_("Số người phải từ 0 đến 50.000.000.")]
    if not 1990 <= year <= 2100:
        errors["year"] = [_("Năm không hợp lệ.")]
    if errors:
        raise InvalidInput("invalid_eligible", _("Số liệu chưa hợp lệ."), errors=errors)
    row, created = EligiblePopulation.objects.select_for_update().get_or_create(
        unit=unit, kind=kind, year=year, defaults={"count": count, "unit_path": unit.path, "source": source}
    )
    old = None if created else row.count
    if not created:
        row.count, row.source = count, source
    row.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    row.save()
    audit_record(
        actor=actor, action="membership.eligible_set", obj=row, unit=unit, changes={"count": [old, count]}
    )
    return row
