"""The units that must report a form for a period: the form's assignments (a level, in a unit's
subtree or the whole country, for a validity interval) and the units valid at the end of the
period, inside a unit's history subtree (old units count for the unit they were merged into)."""

from django.db.models import Q, QuerySet

from danvan.core.periods import Period
from danvan.reporting.models import Assignment, ReportForm
from danvan.territory.models import Level, Unit
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q


def _scope_paths(unit: Unit | None) -> list[str] | None:
    return None if unit is None else history_paths(unit)


def expected_units(form: ReportForm, period: Period, unit: Unit | None) -> list[tuple[int, str, str, str]]:
    """(id, path, code, name) of the units that must submit, inside the unit's history subtree."""
    return list(_expected(form, period, unit).values_list("pk", "path", "code", "name"))


def _expected(form: ReportForm, period: Period, unit: Unit | None) -> QuerySet[Unit]:
    return Unit.objects.filter(expected_q(form, period, unit, ""))


def assignments_of(form: ReportForm, period: Period) -> list[Assignment]:
    rows = Assignment.objects.filter(form=form, valid_from__lte=period.end).exclude(valid_to__lt=period.start)
    return list(rows.select_related("unit"))


def expected_q(
    form: ReportForm,
    period: Period,
    unit: Unit | None,
    prefix: str,
    assignments: list[Assignment] | None = None,
) -> Q:
    """Units (through `prefix`, e.g. "unit__") that must submit: assigned level and subtree,
    valid at the end of the period, inside the unit's history subtree."""
    query = Q(pk__in=[])
    for assignment in assignments if assignments is not None else assignments_of(form, period):
        part = Q(**{f"{prefix}level": assignment.level})
        if assignment.unit is not None:
            part &= subtree_q(history_paths(assignment.unit), f"{prefix}path")
        query |= part
    day = period.end
    valid = (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})
    )
    paths = _scope_paths(unit)
    scope = subtree_q(paths, f"{prefix}path") if paths is not None else Q()
    return query & valid & scope


def is_expected(form: ReportForm, period: Period, unit: Unit) -> bool:
    return Unit.objects.filter(expected_q(form, period, None, "")).filter(pk=unit.pk).exists()


def neighbourhood_assigned(form: ReportForm, period: Period) -> bool:
    """Neighbourhoods are created and retired by commune staff every day: a form they report is
    counted live rather than kept in completeness cells."""
    return any(a.level == Level.NEIGHBOURHOOD for a in assignments_of(form, period))
