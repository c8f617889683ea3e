"""Figures the system already knows, for pre-filling report values.

An indicator's `source` names a figure "<app>.<key>": the app's `stats.figures(unit=, period=)`
gives it for the unit's subtree and the period. Report forms that compile a level's figures
(`counts_in_rollups` off, e.g. a province's 6-month report) take every figure without a source
from the rollup of the units below.
"""

from decimal import Decimal
from importlib import import_module
from typing import Any

from danvan.core.periods import Period
from danvan.reporting.models import Indicator, ReportForm
from danvan.territory.models import Unit


class Figures:
    """Reads each app's figures once per (app, unit, period) while filling one submission."""

    def __init__(self, unit: Unit, period: Period) -> None:
        self.unit = unit
        self.period = period
        self._cache: dict[str, dict[str, Any]] = {}

    def get(self, source: str) -> Decimal | None:
        """ "app.key", or "app.key1+key2" for a sum of the app's figures."""
        app, _, keys = source.partition(".")
        if app not in self._cache:
            self._cache[app] = _app_figures(app, self.unit, self.period)
        values = [self._cache[app].get(key) for key in keys.split("+")]
        if any(v is None for v in values):
            return None
        return sum((Decimal(str(v)) for v in values), Decimal(0))


def _app_figures(app: str, unit: Unit, period: Period) -> dict[str, Any]:
    try:
        module = import_module(f"danvan.{app}.stats")
    except ImportError:
        return {}
    figures = getattr(module, "figures", None)
    return dict(figures(unit=unit, period=period)) if figures else {}


def known_sources() -> dict[str, str]:
    """ "app.key" → label, for the indicator configuration page."""
    result = {}
    for app in ("practices", "meetings", "petitions", "campaigns", "membership"):
        try:
            module = import_module(f"danvan.{app}.stats")
        except ImportError:
            continue
        for key, spec in getattr(module, "FIGURES", {}).items():
            label = spec[0] if isinstance(spec, tuple | list) else str(spec)
            result[f"{app}.{key}"] = label
    return result


def computed_value(
    indicator: Indicator, category: str, form: ReportForm, unit: Unit, period: Period, figures: Figures
) -> Decimal | None:
    """The value the system proposes, or None when it knows none."""
    if indicator.source and not category:
        return figures.get(indicator.source)
    if indicator.source and category:
        return figures.get(f"{indicator.source}__{category}")
    if not form.counts_in_rollups:
        from danvan.reporting.selectors.rollups import node_value

        return node_value(indicator, period, unit, category)
    return None
