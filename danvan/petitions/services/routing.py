"""Routing: the handling body (by rule at intake, or by hand with a reason), transfers to a body
outside the system, and the handlers assigned to an item."""

from typing import Any

from django.db import transaction

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope, scope_for
from danvan.audit.services import audit_record
from danvan.core.errors import InvalidInput
from danvan.orgs.models import Organization
from danvan.petitions import timing
from danvan.petitions.access import LEAD
from danvan.petitions.models import OPEN_STATUSES, Kind, Petition, RoutingRule, Status
from danvan.petitions.services.common import record_step
from danvan.petitions.services.handling import check_move, lock, need_reason, require
from danvan.territory.models import PATH_SEGMENT


@transaction.atomic
def petition_transfer(
    *,
    actor: Any,
    scope: UserScope,
    petition: Petition,
    reason: str,
    organization: Organization | None = None,
    external_body: str = "",
) -> Petition:
    """Hand the item to another body in the system (it keeps its clock), or to a body outside
    the system (recorded by name; the item is then «đã chuyển» and leaves our clock)."""
    locked = lock(petition)
    require(scope, locked, LEAD)
    text = need_reason(reason)
    external = external_body.strip()
    if (organization is None) == (not external):
        raise InvalidInput(
            "invalid_transfer",
            "Chọn một cơ quan trong hệ thống hoặc ghi tên cơ quan ngoài hệ thống (chỉ một).",
            errors={"organization": ["Chọn một nơi nhận."]},
        )
    if len(external) > 300:
        raise InvalidInput(
            "invalid_transfer", "Tên cơ quan quá dài.", errors={"external_body": ["Tối đa 300 ký tự."]}
        )
    if locked.status not in OPEN_STATUSES:
        raise InvalidInput("not_open", "Chỉ chuyển vụ việc đang giải quyết.")
    before_org = locked.organization_id
    if organization is not None:
        locked.organization, locked.org_unit_path = organization, organization.unit.path
        locked.version += 1
        locked.save(update_fields=["organization", "org_unit_path", "version", "updated_at"])
        locked.handlers.clear()
        record_step(
            actor=actor,
            petition=locked,
            action="transfer",
            note=f"Chuyển tới {organization.name}. Lý do: {text}",
            changes={"organization": [before_org, organization.pk]},
        )
        return locked
    check_move(locked, Status.TRANSFERRED)
    before = locked.status
    locked.external_body, locked.due_on, locked.closed_on = external, None, timing.today()
    locked.status = Status.TRANSFERRED
    locked.version += 1
    locked.save(update_fields=["external_body", "due_on", "closed_on", "status", "version", "updated_at"])
    record_step(
        actor=actor,
        petition=locked,
        action="transfer_out",
        from_status=before,
        note=f"Chuyển tới {external} (ngoài hệ thống). Lý do: {text}",
        changes={"external_body": [None, external]},
    )
    return locked


def may_handle(user: Any, petition: Petition) -> bool:
    """A handler must report for the item's unit or for the handling body's unit."""
    user_scope = scope_for(user)
    units = [petition.unit] + ([petition.organization.unit] if petition.organization else [])
    return any(user_scope.covers(unit, Role.REPORTER) for unit in units)


@transaction.atomic
def petition_assign(*, actor: Any, scope: UserScope, petition: Petition, handlers: list[Any]) -> Petition:
    """Name the handlers: they alone see a denouncer's identity."""
    locked = lock(petition)
    require(scope, locked, LEAD)
    wrong = [str(u) for u in handlers if not u.is_active or not may_handle(u, locked)]
    if wrong:
        raise InvalidInput(
            "invalid_handler",
            "Người xử lý phải có quyền nhập liệu tại địa bàn hoặc cơ quan xử lý: " + ", ".join(wrong) + ".",
            errors={"handlers": ["Không hợp lệ."]},
        )
    before = sorted(locked.handlers.values_list("pk", flat=True))
    locked.handlers.set(handlers)
    after = sorted(u.pk for u in handlers)
    locked.version += 1
    locked.save(update_fields=["version", "updated_at"])
    record_step(
        actor=actor,
        petition=locked,
        action="assign",
        note="Giao xử lý: " + (", ".join(str(u) for u in handlers) or "không ai"),
        changes={"handlers": [before, after]},
    )
    return locked


@transaction.atomic
def routing_rule_set(
    *, actor: Any, unit: Any, organization: Organization, topic: Any = None, kind: str = ""
) -> RoutingRule:
    """Items of `topic` (None: any) and `kind` ("": any) filed in `unit`'s subtree go to `organization`."""
    if kind and kind not in Kind.values:
        raise InvalidInput("invalid_rule", "Loại không hợp lệ.", errors={"kind": ["Không hợp lệ."]})
    if not organization.unit.path.startswith(unit.path[:PATH_SEGMENT]):
        raise InvalidInput(
            "invalid_rule",
            "Cơ quan xử lý phải thuộc cùng tỉnh, thành phố.",
            errors={"organization": ["Không hợp lệ."]},
        )
    rule, _created = RoutingRule.objects.update_or_create(
        unit=unit, topic=topic, kind=kind, defaults={"organization": organization, "unit_path": unit.path}
    )
    audit_record(
        actor=actor,
        action="petition.routing_rule",
        obj=rule,
        unit=unit,
        changes={"organization": [None, organization.pk], "topic": [None, getattr(topic, "code", None)]},
    )
    return rule


@transaction.atomic
def routing_rule_remove(*, actor: Any, rule: RoutingRule) -> None:
    audit_record(
        actor=actor,
        action="petition.routing_rule_remove",
        obj=rule,
        unit=rule.unit,
        changes={"organization": [rule.organization_id, None]},
    )
    rule.delete()
