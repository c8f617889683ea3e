"""Small filters for the accounts templates."""

import datetime as dt

from django import template

register = template.Library()


@register.filter
def minutes(value: dt.timedelta | None) -> int:
    """Whole minutes of a duration, rounded up (the lockout's cool-off time)."""
    if not value:
        return 0
    return -(-int(value.total_seconds()) // 60)
