"""Replication (nhân rộng): another unit adopts a model; the adoption is its own practice."""

from typing import Any

from django.db import transaction

from danvan.accounts.scope import UserScope
from danvan.core.errors import DomainError
from danvan.orgs.models import Organization
from danvan.practices.models import RECOGNIZED_STATUSES, Kind, Practice
from danvan.practices.services.registration import CONTENT_FIELDS, fields_for, practice_register
from danvan.territory.models import Unit


@transaction.atomic
def practice_adopt(
    *,
    actor: Any,
    scope: UserScope,
    source: Practice,
    unit: Unit,
    year: int,
    organization: Organization | None = None,
    name: str = "",
) -> Practice:
    """Register, for `unit`, a model that copies `source` and stays linked to it."""
    if source.kind != Kind.MODEL:
        raise DomainError("not_a_model", "Chỉ nhân rộng được mô hình, không nhân rộng điển hình.")
    if source.status not in RECOGNIZED_STATUSES:
        raise DomainError("not_recognized", "Chỉ nhân rộng mô hình đã được công nhận.")
    if source.unit_id == unit.pk and organization is None:
        raise DomainError("same_unit", "Đơn vị nhận nhân rộng phải khác đơn vị có mô hình gốc.")
    if Practice.objects.filter(source=source, unit=unit, organization=organization, year=year).exists():
        raise DomainError("already_adopted", "Đơn vị đã đăng ký nhân rộng mô hình này trong năm.")
    field = next((f for f in fields_for(unit, year) if f.code == source.field.code), None)
    if field is None:
        raise DomainError("field_missing", "Danh mục lĩnh vực của địa bàn không có lĩnh vực của mô hình gốc.")
    content = {
        name_: getattr(source, name_)
        for name_ in CONTENT_FIELDS
        if name_ not in ("start_date", "evaluation_date", "budget", "workdays")
    }
    return practice_register(
        actor=actor,
        scope=scope,
        unit=unit,
        field=field,
        year=year,
        name=name or source.name,
        organization=organization,
        content=content,
        source=source,
    )
