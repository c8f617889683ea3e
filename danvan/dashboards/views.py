"""The dashboard page: KPI cards, 12-month trends, models by kind, child units with drill-down
and a ranking; every figure links to the records it counts where a page lists them
(danvan.dashboards.links) and to the rollup page of the approved reports it adds up."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.accounts.selectors import current_unit
from danvan.core.errors import NotFound
from danvan.core.export import wants_export
from danvan.core.pages import refusals, render_page, scope_of
from danvan.core.periods import Period, PeriodKind
from danvan.dashboards import exports
from danvan.dashboards.links import records_links, rollup_url
from danvan.dashboards.selectors import TREND, Dashboard, dashboard, indicators_by_code, rankable_indicators
from danvan.reporting.templatetags.reporting import figure
from danvan.reporting.views.common import period_param
from danvan.territory.models import Unit


def _unit(request: HttpRequest) -> Unit | None:
    scope = scope_of(request)
    code = request.GET.get("unit")
    if code == "" and scope.is_system_admin:
        return None
    if code:
        unit = Unit.objects.valid_on(timezone.localdate()).filter(code=code).first()
    else:
        unit = current_unit(request)
        if unit is None and scope.is_system_admin:
            return None
    if unit is None or not scope.covers(unit, Role.VIEWER, history=True):
        raise NotFound(_("Không có đơn vị này trong phạm vi của bạn."))
    return unit


def _ancestors(unit: Unit | None) -> list[Unit]:
    if unit is None:
        return []
    found = {u.pk: u for u in Unit.objects.filter(pk__in=unit.ancestor_ids())}
    return [found[i] for i in unit.ancestor_ids() if i in found]


def _table(board: Dashboard) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The KPI cards and the child-unit rows, each figure formatted with the link to its records
    (or to the rollup page): built here once rather than looked up cell by cell in the template,
    which cost a province's board (124 communes × 9 figures) 60 ms."""
    unit_code = board.unit.code if board.unit else ""
    codes = [k.code for k in board.kpis]
    records = records_links(codes, [unit_code, *(row["code"] for row in board.children)], board.period)
    cards = []
    for k in board.kpis:
        rollup = rollup_url(k.code, unit_code, board.period)
        href = records[unit_code].get(k.code)
        cards.append(
            {
                "kpi": k,
                "text": figure(k.value, k.value_type),
                "href": href or rollup,
                "records": href,
                "rollup": rollup,
            }
        )
    rows = [
        {
            "code": row["code"],
            "name": row["name"],
            "cells": [
                (
                    records[row["code"]].get(k.code) or rollup_url(k.code, row["code"], board.period),
                    figure(row["values"].get(k.code), k.value_type),
                )
                for k in board.kpis
            ],
        }
        for row in board.children
    ]
    return cards, rows


def _context(request: HttpRequest, board: Dashboard) -> dict[str, Any]:
    """The board, with where each figure's records are (danvan.dashboards.links)."""
    cards, rows = _table(board)
    return {
        "board": board,
        "unit": board.unit,
        "period": board.period,
        "cards": cards,
        "rows": rows,
        "ancestors": _ancestors(board.unit),
        "trend_codes": TREND,
        "trend_labels": {code: i.name for code, i in indicators_by_code(TREND).items()},
        "rankable": rankable_indicators(),
        "is_admin": scope_of(request).is_system_admin,
        "year": PeriodKind.YEAR,
    }


@login_required
@refusals
def index(request: HttpRequest) -> HttpResponseBase:
    unit = _unit(request)
    today = timezone.localdate()
    period, period_error = period_param(request, Period.whole_year(today.year))
    score = request.GET.get("xep-hang", "dialogue_answered_rate")
    board = dashboard(unit=unit, period=period, score=score)
    if wants_export(request, exports.CHILDREN):
        return exports.children_export(request, board)
    if wants_export(request, exports.RANKING) and board.score_indicator is not None:
        return exports.ranking_export(request, board)
    context = _context(request, board)
    context["period_error"] = period_error
    return render_page(request, "dashboards/index.html", "dashboards/_board.html", context)
