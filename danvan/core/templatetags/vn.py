"""Template filters for Vietnamese formats; loaded as a builtin in every template."""

from django import template

from danvan.core import formatting

register = template.Library()

register.filter("vn_number", formatting.format_number)
register.filter("vn_money", formatting.format_money)
register.filter("vn_percent", formatting.format_percent)
register.filter("vn_date", formatting.format_date)
register.filter("vn_datetime", formatting.format_datetime)
