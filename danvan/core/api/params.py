"""The common filters and value types of /api/v1, named and typed the same in every app.

`unit` is an official code covering the unit's subtree (and the old units merged into it, where the
app counts history); `at=YYYY-MM-DD` picks the unit that had the code then (codes were reused on
1/7/2025). `period` is the one period form of danvan/core/periods.py; `year` an integer 1945–2100.
"""

import datetime as dt
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator, PlainSerializer
from pydantic_core import PydanticCustomError

from danvan.core.errors import InvalidInput
from danvan.core.models import MAX_ID
from danvan.core.periods import MAX_YEAR, MIN_YEAR, PERIOD_HELP, Period
from danvan.territory.models import Unit
from danvan.territory.selectors import unit_by_code

PERIOD_PATTERN = r"^\s*\d{4}(-([Qq][1-4]|[Mm](0[1-9]|1[0-2])|[Hh][12]|9[Mm]|\d{4}))?\s*$"
UNIT_HELP = "Mã chính thức của đơn vị; gồm cả đơn vị cấp dưới."
AT_HELP = "Ngày (YYYY-MM-DD) để hiểu mã đơn vị; bỏ trống: đơn vị có mã này hôm nay."

UnitCode = Annotated[str, Field(min_length=1, max_length=16, description=UNIT_HELP)]


def _period_code(code: str) -> str:
    """Checked by Period.parse, so that a bad period gets its Vietnamese explanation."""
    try:
        Period.parse(code)
    except InvalidInput as exc:
        raise PydanticCustomError("invalid_period", "{detail}", {"detail": exc.message}) from exc
    return code


# The pattern documents the form in the OpenAPI document; the check itself is Period.parse.
PeriodCode = Annotated[
    str,
    Field(max_length=12, description=PERIOD_HELP, json_schema_extra={"pattern": PERIOD_PATTERN}),
    AfterValidator(_period_code),
]
Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR, description="Năm, ví dụ 2025.")]
# The id of a record named in a filter: 1 to MAX_ID, so that no number reaches the database unbound.
RecordId = Annotated[int, Field(ge=1, le=MAX_ID)]


def _number(value: Decimal) -> int | float:
    """Decimals leave the API as JSON numbers: integers when whole (money, counts), else floats."""
    return int(value) if value == value.to_integral_value() else float(value)


# A decimal figure (count, money in đồng, percentage) written as a JSON number, never a string.
Number = Annotated[Decimal, PlainSerializer(_number, return_type=int | float)]


class UnitFilter(Schema):
    """`unit` (optional) and `at`: mixed into the query schema of every list filtered by unit."""

    unit: UnitCode | None = None
    at: dt.date | None = Field(None, description=AT_HELP)


class UnitRequired(Schema):
    """`unit` (required) and `at`: the query of the statistics of one unit."""

    unit: UnitCode
    at: dt.date | None = Field(None, description=AT_HELP)


def filter_unit(query: UnitFilter | UnitRequired) -> Unit | None:
    """The unit a query names (404 when no unit had the code on `at`), or None without `unit`."""
    return unit_by_code(query.unit.strip(), query.at) if query.unit else None


def required_unit(query: UnitRequired) -> Unit:
    return unit_by_code(query.unit.strip(), query.at)
