"""Creating drafts in the domain apps from a confirmed, reviewed text. Each adapter returns what it
created or why it skipped; the confirmation service records every outcome against the text.

- practices: the models (mô hình) the reviewer named are registered for the event's unit and year.
- meetings, campaigns, reporting: their apps are being built; each adapter imports the app lazily
  and calls the service named below when it exists, and otherwise skips with a clear message.
  Contracts (keyword-only, as every service):
    meetings.services.meeting_create_draft(*, actor, scope, unit, kind, date, title, organizer,
        attendees=[{"name", "position"}], tasks=[str], source_ref) -> Meeting
    campaigns.services.distribution_create_drafts(*, actor, scope, unit, period, figures, source_ref) -> list
    reporting.services.report_values_draft(*, actor, scope, unit, period, figures, source_ref) -> list
"""

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

from danvan.core.periods import Period
from danvan.territory.models import Unit

MONEY_OR_GIFTS = ("đồng", "suất", "phần quà", "căn", "nhà", "học bổng", "chiếc")


@dataclass
class DraftOutcome:
    target: str
    obj: models.Model | None = None
    message: str = ""

    @property
    def created(self) -> bool:
        return self.obj is not None


@dataclass
class DraftContext:
    actor: Any
    scope: Any
    data: dict[str, Any]
    unit: Unit | None
    period: Period | None
    day: dt.date | None
    source_ref: str


def _service(module: str, name: str) -> Callable[..., Any] | None:
    try:
        found = importlib.import_module(module)
    except ImportError:
        return None
    return getattr(found, name, None)


def practices_drafts(ctx: DraftContext) -> list[DraftOutcome]:
    from danvan.practices.models import PracticeField
    from danvan.practices.services.registration import fields_for, practice_register

    named = ctx.data.get("practices") or []
    if not named:
        return []
    if ctx.unit is None:
        return [
            DraftOutcome("practices.practice", message="Chưa xác định địa bàn: không đăng ký được mô hình.")
        ]
    year = ctx.day.year if ctx.day else (ctx.period.year if ctx.period else None)
    if year is None:
        return [DraftOutcome("practices.practice", message="Chưa xác định năm: không đăng ký được mô hình.")]
    fields = {f.code: f for f in fields_for(ctx.unit, year)}
    outcomes = []
    for item in named:
        field: PracticeField | None = fields.get(item["field"])
        if field is None:
            outcomes.append(
                DraftOutcome(
                    "practices.practice", message=f"Lĩnh vực “{item['field']}” không có trong danh mục."
                )
            )
            continue
        practice = practice_register(
            actor=ctx.actor,
            scope=ctx.scope,
            unit=ctx.unit,
            field=field,
            year=year,
            name=item["name"],
            content={"outputs": f"Nhập từ văn bản {ctx.source_ref}"},
        )
        outcomes.append(DraftOutcome("practices.practice", practice))
    return outcomes


def _lazy(
    target: str, module: str, name: str, call: Callable[[Callable[..., Any]], Any], wanted: bool
) -> list[DraftOutcome]:
    if not wanted:
        return []
    service = _service(module, name)
    if service is None:
        return [
            DraftOutcome(target, message=f"Ứng dụng chưa có dịch vụ {module}.{name}: phần này chưa được tạo.")
        ]
    created = call(service)
    items = created if isinstance(created, list) else [created]
    return [DraftOutcome(target, obj) for obj in items if isinstance(obj, models.Model)]


def meeting_drafts(ctx: DraftContext) -> list[DraftOutcome]:
    event = ctx.data["event"]
    return _lazy(
        "meetings",
        "danvan.meetings.services",
        "meeting_create_draft",
        lambda service: service(
            actor=ctx.actor,
            scope=ctx.scope,
            unit=ctx.unit,
            kind=event.get("type"),
            date=ctx.day,
            title=event.get("organizer") or "",
            organizer=event.get("organizer"),
            attendees=[{"name": p["name"], "position": p["position"]} for p in ctx.data["people"]],
            tasks=[t["text"] for t in ctx.data["tasks"]],
            source_ref=ctx.source_ref,
        ),
        wanted=bool(event.get("type") and ctx.day),
    )


def campaign_drafts(ctx: DraftContext) -> list[DraftOutcome]:
    figures = [f for f in ctx.data["figures"] if any(word in f["unit"] for word in MONEY_OR_GIFTS)]
    return _lazy(
        "campaigns",
        "danvan.campaigns.services",
        "distribution_create_drafts",
        lambda service: service(
            actor=ctx.actor,
            scope=ctx.scope,
            unit=ctx.unit,
            period=ctx.period,
            figures=figures,
            source_ref=ctx.source_ref,
        ),
        wanted=bool(figures),
    )


def report_drafts(ctx: DraftContext) -> list[DraftOutcome]:
    return _lazy(
        "reporting",
        "danvan.reporting.services",
        "report_values_draft",
        lambda service: service(
            actor=ctx.actor,
            scope=ctx.scope,
            unit=ctx.unit,
            period=ctx.period,
            figures=ctx.data["figures"],
            source_ref=ctx.source_ref,
        ),
        wanted=bool(ctx.data["figures"] and ctx.period),
    )


ADAPTERS: tuple[Callable[[DraftContext], list[DraftOutcome]], ...] = (
    meeting_drafts,
    report_drafts,
    campaign_drafts,
    practices_drafts,
)


def create_drafts(ctx: DraftContext) -> list[DraftOutcome]:
    """Every adapter in turn, inside the caller's transaction: a refusal undoes them all."""
    return [outcome for adapter in ADAPTERS for outcome in adapter(ctx)]
