"""How report values are shown: Vietnamese numbers in inputs and tables."""

from decimal import Decimal
from typing import Any

from django import template

from danvan.core.formatting import format_money, format_number
from danvan.reporting.models import Status, Value, ValueType

register = template.Library()

STATUS_CLASSES = {
    Status.DRAFT: "draft",
    Status.SUBMITTED: "submitted",
    Status.RETURNED: "returned",
    Status.APPROVED: "approved",
}


def _decimals(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


@register.filter
def value_input(value: Value) -> str:
    """The value as a person would type it again: 9.365; 45,7; 4.500.000.000."""
    return input_text(value.indicator.value_type, value.number, value.text)


def input_text(value_type: str, number: Decimal | None, text: str) -> str:
    """What `value_input` shows, from the value's fields (for rows read without models)."""
    if value_type == ValueType.TEXT:
        return text
    if number is None:
        return ""
    number = Decimal(number)
    if value_type == ValueType.BOOLEAN:
        return "1" if number else "0"
    return format_number(number, _decimals(number))


@register.filter
def figure(number: Any, value_type: str = "") -> str:
    """A rolled-up or stored figure for tables; "—" when not reported."""
    if number is None or number == "":
        return "—"
    number = Decimal(str(number))
    if value_type == ValueType.MONEY:
        return format_money(number)
    if value_type == ValueType.BOOLEAN:
        return format_number(number)
    if value_type == ValueType.PERCENT:
        return format_number(number, _decimals(number)) + "%"
    return format_number(number, _decimals(number))


@register.filter
def status_class(status: str) -> str:
    return STATUS_CLASSES.get(Status(status), "") if status in Status.values else ""


@register.filter
def get(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None
