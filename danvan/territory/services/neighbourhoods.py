"""Neighbourhoods (thôn, ấp, bản, buôn, tổ dân phố, khóm, khu phố, xóm, khu dân cư).

They are not in the official registers: commune staff create, rename, retire and import them.
A neighbourhood hangs below a current commune, keeps its code ("31510-007") for life, and is
never deleted: retiring ends its validity so that records attached to it stay readable.
"""

import datetime as dt
import re
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.audit.services import apply_changes, audit_record
from danvan.core.errors import DomainError
from danvan.core.text import fold
from danvan.territory.models import NEIGHBOURHOOD_KINDS, Kind, Level, Unit
from danvan.territory.tree import set_derived_fields, set_name_fields

NAME_MAX_LENGTH = 100
_SPACES = re.compile(r"\s+")


def clean_name(name: str, kind: str) -> str:
    """Trimmed name; a bare number gets its kind in front ("3" → "Tổ dân phố 3")."""
    cleaned = _SPACES.sub(" ", name or "").strip()
    if cleaned.isdigit():
        cleaned = f"{Kind(kind).label} {cleaned}"
    return cleaned


def name_error(name: str) -> str | None:
    if not name:
        return _("Chưa nhập tên.")
    if len(name) > NAME_MAX_LENGTH:
        return _("Tên dài quá %(n)d ký tự.") % {"n": NAME_MAX_LENGTH}
    return None


def current_neighbourhoods(commune: Unit) -> Any:
    return Unit.objects.filter(parent=commune, level=Level.NEIGHBOURHOOD, valid_to__isnull=True)


def duplicate_of(commune: Unit, name: str, *, exclude: Unit | None = None) -> Unit | None:
    """The current neighbourhood of the commune with the same name, accents aside."""
    found = current_neighbourhoods(commune).filter(name_folded=fold(name))
    if exclude is not None:
        found = found.exclude(pk=exclude.pk)
    return found.first()


def duplicate_message(existing: Unit, commune: Unit) -> str:
    return _("%(commune)s đã có “%(name)s”; hãy dùng tên khác hoặc sửa đơn vị đã có.") % {
        "commune": commune.name,
        "name": existing.name,
    }


def next_numbers(commune: Unit, count: int) -> list[str]:
    """The next free codes of the commune's neighbourhoods; numbers of retired ones are not reused."""
    prefix = commune.code + "-"
    used = [
        int(code[len(prefix) :])
        for code in Unit.objects.filter(parent=commune, code__startswith=prefix).values_list(
            "code", flat=True
        )
        if code[len(prefix) :].isdigit()
    ]
    start = max(used, default=0) + 1
    return [f"{prefix}{n:03d}" for n in range(start, start + count)]


def check_commune(commune: Unit) -> None:
    if commune.level != Level.COMMUNE or commune.valid_to is not None:
        raise DomainError(
            "not_current_commune", _("Chỉ thêm thôn, tổ dân phố vào xã, phường, đặc khu hiện hành.")
        )


def check_kind(kind: str) -> None:
    if kind not in NEIGHBOURHOOD_KINDS:
        raise DomainError("invalid_kind", _("Loại không hợp lệ."), errors={"kind": [_("Loại không hợp lệ.")]})


def check_name(commune: Unit, name: str, *, exclude: Unit | None = None) -> None:
    problem = name_error(name)
    if problem:
        raise DomainError("invalid_name", problem, errors={"name": [problem]})
    existing = duplicate_of(commune, name, exclude=exclude)
    if existing is not None:
        message = duplicate_message(existing, commune)
        raise DomainError("duplicate_name", message, errors={"name": [message]})


def _saved(unit: Unit, commune: Unit, **save: Any) -> Unit:
    """Save, turning a lost race on the unique constraints into the same clear message."""
    try:
        with transaction.atomic():
            unit.save(**save)
    except IntegrityError as exc:
        check_name(commune, unit.name, exclude=unit if unit.pk else None)
        raise DomainError("conflict", _("Dữ liệu vừa thay đổi; hãy thử lại.")) from exc
    return unit


@transaction.atomic
def neighbourhood_create(*, commune: Unit, name: str, kind: str, actor: Any) -> Unit:
    check_commune(commune)
    check_kind(kind)
    name = clean_name(name, kind)
    check_name(commune, name)
    unit = Unit(
        code=next_numbers(commune, 1)[0],
        name=name,
        kind=kind,
        level=Level.NEIGHBOURHOOD,
        parent=commune,
        valid_from=commune.valid_from,
        is_official=False,
    )
    set_name_fields(unit)
    _saved(unit, commune)
    set_derived_fields(unit)
    unit.save(update_fields=["path", "depth"])
    changes = {"code": [None, unit.code], "name": [None, unit.name], "kind": [None, unit.kind]}
    audit_record(actor=actor, action="neighbourhood.create", obj=unit, unit=unit, changes=changes)
    return unit


def check_neighbourhood(unit: Unit) -> None:
    if unit.level != Level.NEIGHBOURHOOD or unit.valid_to is not None:
        raise DomainError("not_current_neighbourhood", _("Thôn, tổ dân phố này không còn sử dụng."))


@transaction.atomic
def neighbourhood_update(*, unit: Unit, name: str, kind: str, actor: Any) -> Unit:
    """Rename a neighbourhood or change its kind; its code stays."""
    check_neighbourhood(unit)
    check_kind(kind)
    commune = unit.parent
    assert commune is not None
    name = clean_name(name, kind)
    check_name(commune, name, exclude=unit)
    changes = apply_changes(unit, {"name": name, "kind": kind})
    if not changes:
        return unit
    set_name_fields(unit)
    _saved(unit, commune, update_fields=["name", "kind", "name_folded", "sort_key", "updated_at"])
    audit_record(actor=actor, action="neighbourhood.update", obj=unit, unit=unit, changes=changes)
    return unit


@transaction.atomic
def neighbourhood_retire(*, unit: Unit, actor: Any, on: dt.date | None = None) -> Unit:
    """Stop using a neighbourhood from `on` (default today): it stays, with its history."""
    check_neighbourhood(unit)
    day = on or timezone.localdate()
    last_day = max(day - dt.timedelta(days=1), unit.valid_from or day)
    changes = apply_changes(unit, {"valid_to": last_day})
    unit.save(update_fields=["valid_to", "updated_at"])
    audit_record(actor=actor, action="neighbourhood.retire", obj=unit, unit=unit, changes=changes)
    return unit
