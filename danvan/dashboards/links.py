"""Where a dashboard figure's records are: the page of the domain app that lists (or breaks down)
what the figure counts, filtered by the same unit and period.

Every figure also links to the rollup page (reporting), which shows the approved reports it adds
up, unit by unit. A KPI whose domain pages cannot be filtered by another unit than the user's
working unit (meetings, dialogues) has only that rollup link.
"""

from functools import lru_cache
from urllib.parse import quote_plus

from danvan.core.links import page_path
from danvan.core.periods import Period, PeriodKind


@lru_cache(maxsize=8192)  # unit codes, indicator codes and periods: a few thousand in use
def _quoted(value: str) -> str:
    return quote_plus(value)


def query_string(**pairs: object) -> str:
    """`urlencode` for the few distinct codes a board repeats on every row (a thousand links)."""
    return "&".join(f"{name}={_quoted(str(value))}" for name, value in pairs.items())


def _practices(name: str, unit: str, period: Period) -> str:
    """The registry counts by registration year: the year the period ends in."""
    if period.kind is PeriodKind.MULTI_YEAR:
        return f"{page_path(name)}?{query_string(unit=unit)}"
    return f"{page_path(name)}?{query_string(year=period.end.year, unit=unit)}"


def _with_period(name: str, unit: str, period: Period) -> str:
    return f"{page_path(name)}?{query_string(unit=unit, period=period.code)}"


# indicator code → (the page's URL name, how it takes unit and period)
PAGES = {
    "dvk_registered": ("practices:index", _practices),
    "dvk_recognized": ("practices:stats", _practices),
    "petitions_received": ("petitions:stats", _with_period),
    "petitions_resolved_rate": ("petitions:stats", _with_period),
    "gifts_given": ("campaigns:stats", _with_period),
    "funds_raised": ("campaigns:stats", _with_period),
    "membership_rate": ("membership:index", _with_period),
}
NEEDS_UNIT = {"practices:stats", "petitions:stats", "campaigns:stats", "membership:index"}


def records_url(code: str, unit: str, period: Period) -> str | None:
    """The records behind indicator `code` for the unit of code `unit` ("": the nation) and
    `period`, if a page shows them."""
    found = PAGES.get(code)
    if found is None:
        return None
    name, build = found
    if not unit and name in NEEDS_UNIT:
        return None  # those pages answer for one unit; the nation's figure has its rollup link
    return build(name, unit, period)


def rollup_url(code: str, unit: str, period: Period) -> str:
    """The rollup page of indicator `code` for the unit of code `unit` ("": the nation): the
    approved reports the figure adds up, unit by unit. Every figure has this link."""
    return f"{page_path('reporting:rollups')}?{query_string(indicator=code, period=period.code, unit=unit)}"


def records_links(codes: list[str], units: list[str], period: Period) -> dict[str, dict[str, str | None]]:
    """{unit code: {indicator code: records URL}} for the KPI cards and the child-unit table."""
    return {unit: {code: records_url(code, unit, period) for code in codes} for unit in units}
